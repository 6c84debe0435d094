import type {
  AlertPreferencesRepository,
  BusinessRepository,
  Outbox,
  OutboxEnding,
  OutboxMessage,
} from '@sbiz24/shared';
import type { RenderedAlimtalk } from '@sbiz24/shared/alerts/alimtalk';
import {
  currentDigestSlot,
  DIGEST_MAX_COVERED,
  DIGEST_MAX_LISTED,
  type DigestEntry,
  type DigestKind,
  digestId,
  isDigestKind,
  isoWeekOf,
  nextDigestSlot,
  renderDigestEmail,
} from '@sbiz24/shared/alerts/digest';
import {
  type AlertContent,
  type RenderedEmail,
  renderEmail,
  renderTextMessage,
} from '@sbiz24/shared/alerts/message';
import {
  type AlertKind,
  type AlertPreferences,
  channelsFor,
  isQuietTime,
  OUTBOUND_CHANNELS,
  type OutboundChannel,
  quietHoursEnd,
} from '@sbiz24/shared/alerts/preferences';
import { mapWithConcurrency } from '../store/batch';

/**
 * Delivery of the outbox to the channels beyond the inbox. Each message is sent at most once per channel:
 * a sender claims it (a conditional write with a lease) before handing it to the channel and marks it sent
 * after. A failed send is retried with growing delays, then parked with the reason for admins. A sender
 * that stopped between claim and mark leaves the message `sending`: once the lease lapses it is never sent
 * again blindly — the channel is asked whether it arrived when it can tell, and otherwise it is parked as
 * interrupted (an admin decides), because a duplicate text message is worse than a late one.
 */

export interface OutgoingEmail {
  channel: 'email';
  /** The outbox message's id: a channel that can deduplicate uses it (Message-ID, provider key). */
  idempotencyKey: string;
  to: string;
  email: RenderedEmail;
}

export interface OutgoingText {
  channel: 'sms';
  idempotencyKey: string;
  /** Digits only. */
  to: string;
  message: RenderedAlimtalk;
}

export type OutgoingMessage = OutgoingEmail | OutgoingText;

/** One channel: SES or an SMTP relay for e-mail; a 알림톡/SMS provider, or the local development sink. */
export interface ChannelAdapter {
  readonly channel: OutboundChannel;
  /** Hands the message to the channel; throws when it did not take it. */
  send(message: OutgoingMessage): Promise<void>;
  /** Whether the message with this key reached the channel (after an interrupted send). Absent: it cannot tell. */
  wasDelivered?(idempotencyKey: string): Promise<boolean>;
}

/** The channel refused the message for good (an address it will never accept): parked at once, not retried. */
export class PermanentDeliveryError extends Error {
  override readonly name = 'PermanentDeliveryError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** Waits before the 2nd, 3rd, 4th and 5th attempt; after the 5th failure the message is parked. */
export const RETRY_DELAYS_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3_600_000] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** How long a claim holds: far longer than one send takes, so a live sender is never overtaken. */
export const LEASE_MS = 2 * 60_000;

/**
 * The portal page an alert opens (path only): a rapid-payment notice opens the program's apply page for the
 * business (the account form alone), another alert about a program the program, anything else the inbox.
 */
export function alertPagePath(m: Pick<OutboxMessage, 'programId' | 'brn' | 'rapidAmountWon'>): string {
  if (!m.programId) return '/my/notifications';
  if (m.rapidAmountWon !== undefined && m.brn)
    return `/my/businesses/${encodeURIComponent(m.brn)}/apply?programs=${encodeURIComponent(m.programId)}`;
  return `/programs/${encodeURIComponent(m.programId)}`;
}

export interface DeliveryLinks {
  /** The page the alert is about, absolute URL. */
  page(message: OutboxMessage): string;
  /** One-click stop for this kind of e-mail, absolute URL. */
  unsubscribe(userId: string, kind: AlertKind): string;
}

export interface DeliveryDeps {
  outbox: Outbox;
  preferences: Pick<AlertPreferencesRepository, 'get' | 'getMany'>;
  businesses: Pick<BusinessRepository, 'get'>;
  adapters: Partial<Record<OutboundChannel, ChannelAdapter>>;
  links: DeliveryLinks;
  clock: () => Date;
  /** Told of every give-up, with no personal data (ids and codes only). */
  onParked?: (message: Pick<OutboxMessage, 'id' | 'channel'>, reason: string) => void;
}

export interface DeliveryCounts {
  sent: number;
  retried: number;
  parked: number;
  skipped: number;
  postponed: number;
  /** Interrupted sends the channel confirmed as delivered. */
  recovered: number;
}

const emptyCounts = (): DeliveryCounts => ({
  sent: 0,
  retried: 0,
  parked: 0,
  skipped: 0,
  postponed: 0,
  recovered: 0,
});

/** The kind of a message stored before kinds existed: new matches were the only outbound alerts then. */
const kindOf = (m: OutboxMessage): AlertKind => m.kind ?? 'new-match';

/** A short, personal-data-free description of a failure for the outbox and the admins. */
function describeError(err: unknown): string {
  if (err instanceof PermanentDeliveryError) return `${err.code}: ${err.message}`.slice(0, 200);
  const e = err as { name?: string; code?: string; responseCode?: number };
  return [e.name ?? 'Error', e.code, e.responseCode].filter(Boolean).join(' ').slice(0, 200);
}

async function contentOf(deps: DeliveryDeps, m: OutboxMessage): Promise<AlertContent> {
  const business = m.brn ? await deps.businesses.get(m.brn) : undefined;
  return {
    kind: kindOf(m),
    title: m.title,
    body: m.body,
    ...(business ? { tradeName: business.profile.tradeName } : {}),
    ...(m.programTitle ? { programTitle: m.programTitle } : {}),
    ...(m.applyEnd ? { applyEnd: m.applyEnd } : {}),
    ...(m.rapidAmountWon !== undefined ? { amountWon: m.rapidAmountWon } : {}),
    link: deps.links.page(m),
    unsubscribeUrl: deps.links.unsubscribe(m.userId, kindOf(m)),
  };
}

type Plan =
  | { action: 'send'; outgoing: OutgoingMessage }
  | { action: 'skip'; reason: string }
  | { action: 'wait'; until: Date }
  /** A new-match or deadline e-mail of an owner who chose the weekly digest: it goes into a digest. */
  | { action: 'hold' };

/** The digest e-mail of a digest message, with the items whose kinds are still on; undefined if none is. */
async function digestEmail(
  deps: DeliveryDeps,
  m: OutboxMessage & { digest: NonNullable<OutboxMessage['digest']> },
  prefs: Awaited<ReturnType<DeliveryDeps['preferences']['get']>>,
): Promise<OutgoingEmail | undefined> {
  if (!channelsFor(prefs, 'new-match').includes('email') && !channelsFor(prefs, 'deadline').includes('email'))
    return undefined;
  const on = (kind: AlertKind): kind is DigestKind => isDigestKind(kind) && prefs.kinds[kind];
  const items = m.digest.items.filter((i) => on(i.kind));
  const listed = new Set(m.digest.items.map((i) => i.id));
  // Covered but not listed: their kinds are unknown here, counted as long as either kind is on.
  const more = m.digest.coveredIds.filter((id) => !listed.has(id)).length;
  if (items.length === 0 && more === 0) return undefined;
  const tradeNames = new Map<string, string | undefined>();
  for (const brn of new Set(items.map((i) => i.brn).filter((b): b is string => !!b))) {
    tradeNames.set(brn, (await deps.businesses.get(brn))?.profile.tradeName);
  }
  const entries: DigestEntry[] = items.map((i) => {
    const tradeName = i.brn ? tradeNames.get(i.brn) : undefined;
    return {
      kind: i.kind as DigestKind,
      title: i.title,
      body: i.body,
      ...(tradeName ? { tradeName } : {}),
      ...(i.programTitle ? { programTitle: i.programTitle } : {}),
      ...(i.applyEnd ? { applyEnd: i.applyEnd } : {}),
      link: deps.links.page({ ...m, ...i, digest: undefined }),
    };
  });
  const kindsPresent = new Set(entries.map((e) => e.kind));
  if (more > 0) for (const k of ['new-match', 'deadline'] as const) if (on(k)) kindsPresent.add(k);
  const unsubscribe: Partial<Record<DigestKind, string>> = {};
  for (const k of kindsPresent) unsubscribe[k] = deps.links.unsubscribe(m.userId, k);
  return {
    channel: 'email',
    idempotencyKey: m.id,
    to: prefs.email!.address,
    email: renderDigestEmail({
      slot: m.digest.slot,
      entries,
      more,
      inboxLink: deps.links.page({ ...m, digest: undefined, programId: undefined }),
      unsubscribe,
    }),
  };
}

type PreferencesOf = (userId: string) => Promise<AlertPreferences>;

/** What to do with a due message under the owner's preferences now. */
async function plan(
  deps: DeliveryDeps,
  m: OutboxMessage,
  now: Date,
  preferencesOf: PreferencesOf = (id) => deps.preferences.get(id),
): Promise<Plan> {
  const prefs = await preferencesOf(m.userId);
  if (m.digest) {
    const outgoing = await digestEmail(deps, { ...m, digest: m.digest }, prefs);
    return outgoing ? { action: 'send', outgoing } : { action: 'skip', reason: 'preferences' };
  }
  const kind = kindOf(m);
  if (!channelsFor(prefs, kind).includes(m.channel)) return { action: 'skip', reason: 'preferences' };
  if (m.channel === 'email' && prefs.digest === 'weekly' && isDigestKind(kind)) return { action: 'hold' };
  const content = await contentOf(deps, m);
  if (m.channel === 'email') {
    return {
      action: 'send',
      outgoing: {
        channel: 'email',
        idempotencyKey: m.id,
        to: prefs.email!.address,
        email: renderEmail(content),
      },
    };
  }
  const quietApplies = !(kind === 'disaster' && prefs.disasterIgnoresQuietHours);
  if (quietApplies && isQuietTime(now, prefs.quietHours)) {
    return { action: 'wait', until: quietHoursEnd(now, prefs.quietHours) };
  }
  return {
    action: 'send',
    outgoing: {
      channel: 'sms',
      idempotencyKey: m.id,
      to: prefs.phone!.replace(/\D/g, ''),
      message: renderTextMessage(content),
    },
  };
}

async function park(
  deps: DeliveryDeps,
  m: OutboxMessage,
  at: string,
  reason: string,
  counts: DeliveryCounts,
) {
  if (await deps.outbox.finish(m, 'parked', at, reason)) {
    counts.parked++;
    deps.onParked?.({ id: m.id, channel: m.channel }, reason);
  }
}

/** Settles sends that a stopped sender left behind: confirmed ones count as sent, the rest are parked. */
async function settleInterrupted(
  deps: DeliveryDeps,
  channel: OutboundChannel,
  adapter: ChannelAdapter | undefined,
  limit: number,
  counts: DeliveryCounts,
) {
  const now = deps.clock().toISOString();
  for (const m of await deps.outbox.listInterrupted(channel, now, limit)) {
    const delivered = adapter?.wasDelivered
      ? await adapter.wasDelivered(m.id).catch(() => undefined)
      : undefined;
    if (delivered === true) {
      if (await deps.outbox.finish(m, 'sent', now, 'confirmed after an interrupted send')) counts.recovered++;
    } else if (delivered === false && (m.attempts ?? 0) < MAX_ATTEMPTS) {
      // The channel says it never arrived: a plain retry cannot duplicate it.
      if (await deps.outbox.retryLater(m, now, 'interrupted before the channel took it')) counts.retried++;
    } else {
      await park(
        deps,
        m,
        now,
        'interrupted: the sender stopped mid-send and the channel cannot tell whether it arrived',
        counts,
      );
    }
  }
}

/**
 * A held message (new match or deadline, e-mail, digest owner) at its turn: before its digest time it waits
 * for it (no attempt counted). At or after it, the owner's digest for that week is stored once — the id
 * `digest-<ISO week>` is the dedupe key, a second run or a second sender finds it and adds nothing — and
 * the held message, if the stored digest covers it, ends as `skipped` (reason `digest <week>`); one that
 * came too late for it waits for the next week's.
 */
async function holdForDigest(
  deps: DeliveryDeps,
  due: OutboxMessage,
  now: Date,
): Promise<keyof DeliveryCounts | 'none'> {
  const first = nextDigestSlot(new Date(due.createdAt));
  if (now < first) return (await deps.outbox.postpone(due, first.toISOString())) ? 'postponed' : 'none';
  // The latest digest time that has come: a message held over from an earlier week joins this one.
  const slot = currentDigestSlot(now);
  const week = isoWeekOf(slot);
  const id = digestId(week);
  const find = (all: OutboxMessage[]) => all.find((m) => m.id === id && m.channel === 'email');
  const all = await deps.outbox.list(due.userId);
  let digest = find(all);
  if (!digest) {
    const held = all
      .filter(
        (m) =>
          m.channel === 'email' &&
          m.status === 'pending' &&
          !m.digest &&
          isDigestKind(kindOf(m)) &&
          m.createdAt < slot.toISOString(),
      )
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .slice(0, DIGEST_MAX_COVERED);
    const kinds = new Set(held.map(kindOf));
    await deps.outbox.enqueue({
      id,
      userId: due.userId,
      channel: 'email',
      notificationId: id,
      title: `이번 주 소식 ${held.length}건`,
      body: `새로 맞는 지원사업과 다가오는 신청 마감 ${held.length}건`,
      createdAt: now.toISOString(),
      status: 'pending',
      kind: kinds.has('new-match') || kinds.size === 0 ? 'new-match' : 'deadline',
      digest: {
        week,
        slot: slot.toISOString(),
        coveredIds: held.map((m) => m.id),
        items: held.slice(0, DIGEST_MAX_LISTED).map((m) => ({
          id: m.id,
          kind: kindOf(m),
          title: m.title,
          body: m.body,
          ...(m.brn ? { brn: m.brn } : {}),
          ...(m.programId ? { programId: m.programId } : {}),
          ...(m.programTitle ? { programTitle: m.programTitle } : {}),
          ...(m.applyEnd ? { applyEnd: m.applyEnd } : {}),
        })),
      },
    });
    // Another sender may have stored its own first (the enqueue is put-if-absent): go by what is stored.
    digest = find(await deps.outbox.list(due.userId));
  }
  if (!digest?.digest?.coveredIds.includes(due.id)) {
    // Too late for this week's digest (or over its size): into the next one.
    return (await deps.outbox.postpone(due, nextDigestSlot(now).toISOString())) ? 'postponed' : 'none';
  }
  const claimed = await deps.outbox.claim(due, new Date(now.getTime() + LEASE_MS).toISOString());
  if (!claimed) return 'none';
  return (await deps.outbox.finish(claimed, 'skipped', now.toISOString(), `digest ${week}`))
    ? 'skipped'
    : 'none';
}

/**
 * Delivers one due message: waits out quiet hours, skips what the owner turned off, claims it, hands it to
 * the channel and marks it, or schedules a retry or parks it. What happened, or `none` when another sender
 * had it or it was no longer pending (a stale copy, e.g. an SQS message delivered twice: the claim refuses).
 */
export async function deliverMessage(
  deps: DeliveryDeps,
  adapter: ChannelAdapter,
  due: OutboxMessage,
): Promise<keyof DeliveryCounts | 'none'> {
  const now = deps.clock();
  let decided: Plan;
  try {
    decided = await plan(deps, due, now);
  } catch (err) {
    decided = { action: 'skip', reason: `unrenderable: ${describeError(err)}` };
  }
  if (decided.action === 'wait') {
    return (await deps.outbox.postpone(due, decided.until.toISOString())) ? 'postponed' : 'none';
  }
  if (decided.action === 'hold') return holdForDigest(deps, due, now);
  const claimed = await deps.outbox.claim(due, new Date(now.getTime() + LEASE_MS).toISOString());
  if (!claimed) return 'none'; // another sender has it
  if (decided.action === 'skip') {
    if (decided.reason.startsWith('unrenderable')) {
      const counts = emptyCounts();
      await park(deps, claimed, now.toISOString(), decided.reason, counts);
      return counts.parked ? 'parked' : 'none';
    }
    return (await deps.outbox.finish(claimed, 'skipped', now.toISOString(), decided.reason))
      ? 'skipped'
      : 'none';
  }
  try {
    await adapter.send(decided.outgoing);
  } catch (err) {
    return afterFailedSend(deps, claimed, err);
  }
  return (await deps.outbox.finish(claimed, 'sent', deps.clock().toISOString())) ? 'sent' : 'none';
}

/** A claimed message the channel did not take: retried after its delay, or parked (refused for good, or the last try). */
async function afterFailedSend(
  deps: DeliveryDeps,
  claimed: OutboxMessage,
  err: unknown,
): Promise<keyof DeliveryCounts | 'none'> {
  const at = deps.clock();
  const reason = describeError(err);
  const attempts = claimed.attempts ?? 1;
  if (err instanceof PermanentDeliveryError || attempts >= MAX_ATTEMPTS) {
    const counts = emptyCounts();
    await park(deps, claimed, at.toISOString(), reason, counts);
    return counts.parked ? 'parked' : 'none';
  }
  const next = new Date(at.getTime() + RETRY_DELAYS_MS[attempts - 1]!).toISOString();
  return (await deps.outbox.retryLater(claimed, next, reason)) ? 'retried' : 'none';
}

/** Claimed messages marked together after their sends (at most this many between a send and its mark). */
export const DELIVERY_SLICE = 100;
/** Slices of one batch in flight together. */
const SLICES_IN_FLIGHT = 4;

/**
 * A batch of due messages of one channel, with the outbox's and preferences' batch operations (a fan-out):
 * the owners' preferences in one read, then per slice of 100 the claims in one round trip, the sends side
 * by side, and the marks in one round trip. Each message is still claimed and marked on its own condition,
 * so at-most-once holds as in `deliverMessage`, which it matches outcome for outcome; the one difference is
 * that a slice's marks follow its last send (within the lease), so a crash leaves up to a slice to settle.
 */
async function deliverBatch(
  deps: DeliveryDeps,
  adapter: ChannelAdapter,
  due: readonly OutboxMessage[],
  concurrency: number,
  counts: DeliveryCounts,
): Promise<void> {
  const { outbox } = deps;
  const claimMany = outbox.claimMany!.bind(outbox);
  const finishMany = outbox.finishMany!.bind(outbox);
  const now = deps.clock();
  const read = deps.preferences.getMany
    ? await deps.preferences.getMany(due.map((m) => m.userId))
    : new Map();
  const preferencesOf: PreferencesOf = (id) => {
    const known = read.get(id);
    return known ? Promise.resolve(known) : deps.preferences.get(id);
  };
  // One read per business in the batch, not per message.
  const businesses = new Map<string, ReturnType<DeliveryDeps['businesses']['get']>>();
  const passDeps: DeliveryDeps = {
    ...deps,
    businesses: {
      get: (brn) => {
        let got = businesses.get(brn);
        if (!got) {
          got = deps.businesses.get(brn);
          businesses.set(brn, got);
        }
        return got;
      },
    },
  };
  const plans = await Promise.all(
    due.map(async (m): Promise<[OutboxMessage, Plan]> => {
      try {
        return [m, await plan(passDeps, m, now, preferencesOf)];
      } catch (err) {
        return [m, { action: 'skip', reason: `unrenderable: ${describeError(err)}` }];
      }
    }),
  );
  const count = (outcome: keyof DeliveryCounts | 'none') => {
    if (outcome !== 'none') counts[outcome]++;
  };
  // Quiet hours and digests: one by one, as in `deliverMessage` (rare in a fan-out).
  await mapWithConcurrency(
    plans.filter(([, p]) => p.action === 'wait' || p.action === 'hold'),
    concurrency,
    async ([m, p]) => {
      if (p.action === 'wait')
        count((await outbox.postpone(m, p.until.toISOString())) ? 'postponed' : 'none');
      else count(await holdForDigest(passDeps, m, now));
    },
  );
  const toClaim = plans.filter(
    (e): e is [OutboxMessage, Extract<Plan, { action: 'send' | 'skip' }>] =>
      e[1].action === 'send' || e[1].action === 'skip',
  );
  const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
  const slices = Array.from({ length: Math.ceil(toClaim.length / DELIVERY_SLICE) }, (_, i) =>
    toClaim.slice(i * DELIVERY_SLICE, (i + 1) * DELIVERY_SLICE),
  );
  // Slices overlap (one's claims while another's mails go out); the sends of all of them share `concurrency`.
  const sendSlots = { free: concurrency, waiting: [] as (() => void)[] };
  const withSlot = async <T>(work: () => Promise<T>): Promise<T> => {
    if (sendSlots.free > 0) sendSlots.free--;
    else await new Promise<void>((go) => sendSlots.waiting.push(go));
    try {
      return await work();
    } finally {
      const next = sendSlots.waiting.shift();
      if (next) next();
      else sendSlots.free++;
    }
  };
  await mapWithConcurrency(slices, SLICES_IN_FLIGHT, async (slice) => {
    const planOf = new Map(slice.map(([m, p]) => [`${m.userId}\n${m.id}`, p]));
    const claimed = await claimMany(
      slice.map(([m]) => m),
      leaseUntil,
    );
    const endings: OutboxEnding[] = [];
    await mapWithConcurrency(claimed, concurrency, (c) =>
      withSlot(async () => {
        const p = planOf.get(`${c.userId}\n${c.id}`)!;
        if (p.action === 'skip') {
          const status = p.reason.startsWith('unrenderable') ? 'parked' : 'skipped';
          endings.push({ message: c, status, at: now.toISOString(), reason: p.reason });
          return;
        }
        if (p.action !== 'send') return;
        try {
          await adapter.send(p.outgoing);
        } catch (err) {
          count(await afterFailedSend(deps, c, err));
          return;
        }
        endings.push({ message: c, status: 'sent', at: deps.clock().toISOString() });
      }),
    );
    const ended = await finishMany(endings);
    endings.forEach((e, j) => {
      if (!ended[j]) return;
      counts[e.status]++;
      if (e.status === 'parked') deps.onParked?.({ id: e.message.id, channel: e.message.channel }, e.reason!);
    });
  });
}

/** Settles the interrupted sends of one channel (a scheduled pass; the SQS sender handles the due ones). */
export async function settleChannel(
  deps: DeliveryDeps,
  channel: OutboundChannel,
  options: { limit?: number } = {},
): Promise<DeliveryCounts> {
  const counts = emptyCounts();
  await settleInterrupted(deps, channel, deps.adapters[channel], options.limit ?? 100, counts);
  return counts;
}

/** Sends every due message of one channel, up to `limit`; one message's failure never stops the others. */
export async function deliverChannel(
  deps: DeliveryDeps,
  channel: OutboundChannel,
  options: { limit?: number; concurrency?: number } = {},
): Promise<DeliveryCounts> {
  const limit = options.limit ?? 100;
  const counts = emptyCounts();
  const adapter = deps.adapters[channel];
  await settleInterrupted(deps, channel, adapter, limit, counts);
  if (!adapter) return counts; // a channel with no adapter configured keeps its messages pending
  const due = await deps.outbox.listDue(channel, deps.clock().toISOString(), limit);
  const concurrency = options.concurrency ?? 8;
  if (deps.outbox.claimMany && deps.outbox.finishMany) {
    await deliverBatch(deps, adapter, due, concurrency, counts);
    return counts;
  }
  // A few messages at once, as the SQS sender takes a batch: each is claimed on its own, so order is free.
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, due.length) }, async () => {
      while (next < due.length) {
        const outcome = await deliverMessage(deps, adapter, due[next++]!);
        if (outcome !== 'none') counts[outcome]++;
      }
    }),
  );
  return counts;
}

/** Every channel at once: an outage of one (its sends failing or hanging) never holds up the others. */
export async function deliverAll(
  deps: DeliveryDeps,
  options: { limit?: number; concurrency?: number } = {},
): Promise<Record<OutboundChannel, DeliveryCounts | { error: string }>> {
  const results = await Promise.allSettled(OUTBOUND_CHANNELS.map((c) => deliverChannel(deps, c, options)));
  return Object.fromEntries(
    OUTBOUND_CHANNELS.map((c, i) => {
      const r = results[i]!;
      return [c, r.status === 'fulfilled' ? r.value : { error: describeError(r.reason) }];
    }),
  ) as Record<OutboundChannel, DeliveryCounts | { error: string }>;
}
