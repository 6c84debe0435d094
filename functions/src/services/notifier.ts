import { createHash } from 'node:crypto';
import type {
  AlertPreferencesRepository,
  Notification,
  NotificationRepository,
  Outbox,
} from '@sbiz24/shared';
import { type AlertKind, channelsFor, type OutboundChannel } from '@sbiz24/shared/alerts/preferences';
import type { MatchEvent } from '@sbiz24/shared/recompute/types';
import { dedupeKey, notificationText, rapidNoticeOf } from './notification-text';

export interface NotifierDeps {
  notifications: NotificationRepository;
  outbox?: Outbox;
  clock: () => Date;
  /**
   * The owners' alert preferences: which channels beyond the inbox an alert goes to. Without them, e-mail
   * only (the sender still checks the preferences again when it sends).
   */
  preferences?: Pick<AlertPreferencesRepository, 'get'>;
  /** True when the business already applied to the program: no deadline reminder then. */
  hasApplied?: (brn: string, programId: string) => Promise<boolean>;
}

export type NotifyOutcome = 'added' | 'duplicate' | 'skipped';

/** Deterministic id from the dedupe key: a redelivered event maps to the same notification and outbox rows. */
export function notificationId(userId: string, key: string): string {
  return createHash('sha256').update(`${userId}\n${key}`).digest('base64url').slice(0, 20);
}

/**
 * Turns one match event into an in-app notification for the business's owner (claimed businesses only) and
 * queues its e-mail/SMS copies. Safe to run twice on the same event: the notification's dedupe key
 * (business, program, reason) and the outbox's idempotent ids keep one of each.
 */
export async function notify(deps: NotifierDeps, event: MatchEvent): Promise<NotifyOutcome> {
  if (!event.ownerId) return 'skipped';
  if (event.reason !== 'new-match' && (await deps.hasApplied?.(event.brn, event.programId))) return 'skipped';
  const key = dedupeKey(event);
  const id = notificationId(event.ownerId, key);
  const { title, body } = notificationText(event);
  const rapid = rapidNoticeOf(event);
  const createdAt = deps.clock().toISOString();
  const notification: Notification = {
    id,
    userId: event.ownerId,
    createdAt,
    // A rapid-payment notice is disaster relief whatever the program's kind (its alerts may come in quiet hours).
    kind:
      event.reason === 'new-match'
        ? event.programKind === 'disaster-relief' || rapid
          ? 'disaster'
          : 'new-match'
        : 'deadline',
    title,
    body,
    brn: event.brn,
    programId: event.programId,
    ...(rapid ? { rapid } : {}),
    read: false,
    dedupeKey: key,
  };
  const added = await deps.notifications.add(notification);
  // Enqueued even for a duplicate: a crash after `add` must not lose the e-mail; the outbox ignores repeats.
  if (deps.outbox) {
    const kind: AlertKind =
      notification.kind === 'disaster'
        ? 'disaster'
        : notification.kind === 'deadline'
          ? 'deadline'
          : 'new-match';
    const channels: OutboundChannel[] = deps.preferences
      ? channelsFor(await deps.preferences.get(event.ownerId), kind)
      : ['email'];
    for (const channel of channels) {
      await deps.outbox.enqueue({
        id,
        userId: event.ownerId,
        channel,
        notificationId: id,
        title,
        body,
        createdAt,
        status: 'pending',
        kind,
        brn: event.brn,
        programId: event.programId,
        programTitle: event.programTitle,
        ...(event.applyEnd ? { applyEnd: event.applyEnd } : {}),
        ...(rapid ? { rapidAmountWon: rapid.amountWon } : {}),
      });
    }
  }
  return added ? 'added' : 'duplicate';
}

/** Notifies a batch of events in order; returns how many notifications were added. */
export async function notifyAll(deps: NotifierDeps, events: readonly MatchEvent[]): Promise<number> {
  let added = 0;
  for (const e of events) if ((await notify(deps, e)) === 'added') added++;
  return added;
}
