import type { MatchEvent } from '@sbiz24/shared/recompute/types';
import { describe, expect, it } from 'vitest';
import { brnOf } from '../testing/fixtures';
import { MemoryOutbox } from '../testing/memory-outbox';
import { createMemoryNotificationRepository } from '../testing/memory-repositories';
import { notify, notifyAll } from './notifier';

const clock = () => new Date('2025-03-01T00:00:00Z');

function event(over: Partial<MatchEvent> = {}): MatchEvent {
  return {
    reason: 'new-match',
    brn: brnOf(1),
    ownerId: 'user-1',
    programId: 'p-1',
    programTitle: '소상공인 정책자금',
    programKind: 'policy-fund',
    applyEnd: '2025-03-08',
    runId: 'r1',
    asOf: '2025-03-01',
    ...over,
  };
}

function setup() {
  const notifications = createMemoryNotificationRepository();
  const outbox = new MemoryOutbox();
  return { notifications, outbox, deps: { notifications, outbox, clock } };
}

describe('notify', () => {
  it('adds a Korean in-app notification for the owner and queues its e-mail copy', async () => {
    const { deps, notifications, outbox } = setup();

    const outcome = await notify(deps, event());

    expect(outcome).toBe('added');
    const [n] = (await notifications.list('user-1')).items;
    expect(n).toMatchObject({ kind: 'new-match', brn: brnOf(1), programId: 'p-1', read: false });
    expect(n?.title).toContain('소상공인 정책자금');
    expect(n?.body).toContain('2025-03-08');
    expect(await outbox.list('user-1')).toHaveLength(1);
  });

  it('does not notify twice for the same business, program and reason', async () => {
    const { deps, notifications, outbox } = setup();

    const added = await notifyAll(deps, [event(), event({ runId: 'r2' }), event()]);

    expect(added).toBe(1);
    expect((await notifications.list('user-1')).items).toHaveLength(1);
    expect(await outbox.list('user-1')).toHaveLength(1);
  });

  it('notifies once per reason: a new match, then the 7-day and 1-day reminders', async () => {
    const { deps, notifications } = setup();

    await notifyAll(deps, [
      event(),
      event({ reason: 'deadline-7', asOf: '2025-03-01' }),
      event({ reason: 'deadline-7', asOf: '2025-03-02' }),
      event({ reason: 'deadline-1', asOf: '2025-03-07' }),
    ]);

    const items = (await notifications.list('user-1')).items;
    expect(items.map((n) => n.kind).sort()).toEqual(['deadline', 'deadline', 'new-match']);
    expect(items.find((n) => n.dedupeKey.endsWith('deadline-1'))?.title).toContain('D-1');
  });

  it('uses the disaster kind for disaster relief', async () => {
    const { deps, notifications } = setup();

    await notify(deps, event({ programKind: 'disaster-relief', programTitle: '집중호우 피해 재난지원금' }));

    const [n] = (await notifications.list('user-1')).items;
    expect(n?.kind).toBe('disaster');
    expect(n?.title).toContain('재난지원');
  });

  it('tells the owner of a rapid-payment match the amount, as a disaster alert linked to applying', async () => {
    const { deps, notifications, outbox } = setup();

    await notify(
      deps,
      event({
        programKind: 'support',
        programTitle: '집중호우 신속지원금',
        rapidPayment: { amountWon: 3_000_000, tradeName: '행복분식' },
      }),
    );

    const [n] = (await notifications.list('user-1')).items;
    expect(n?.kind).toBe('disaster');
    expect(n?.title).toBe('재난지원금 300만원 신속지급 대상입니다: 집중호우 신속지원금');
    expect(n?.body).toContain(
      '행복분식은 「집중호우 신속지원금」 신속지급 대상입니다. 받으실 금액은 300만원입니다.',
    );
    expect(n?.body).toContain('신청 마감일은 2025년 3월 8일입니다.');
    // The business number is not in the text: the trade name names the business.
    expect(`${n?.title} ${n?.body}`).not.toContain(brnOf(1));
    expect(n?.rapid).toEqual({
      programTitle: '집중호우 신속지원금',
      amountWon: 3_000_000,
      tradeName: '행복분식',
      applyEnd: '2025-03-08',
    });
    const [m] = await outbox.list('user-1');
    expect(m).toMatchObject({ kind: 'disaster', rapidAmountWon: 3_000_000, programId: 'p-1', brn: brnOf(1) });
  });

  it('sends the ordinary notice when the event is not a rapid-payment match', async () => {
    const { deps, notifications, outbox } = setup();

    await notify(deps, event({ programKind: 'disaster-relief', programTitle: '집중호우 피해 재난지원금' }));
    await notify(
      deps,
      event({ reason: 'deadline-1', rapidPayment: { amountWon: 3_000_000, tradeName: '행복분식' } }),
    );

    const items = (await notifications.list('user-1')).items;
    expect(items.every((n) => n.rapid === undefined)).toBe(true);
    expect(items.map((n) => n.title).join(' ')).not.toContain('300만원');
    expect((await outbox.list('user-1')).every((m) => m.rapidAmountWon === undefined)).toBe(true);
  });

  it('skips a deadline reminder when the business already applied', async () => {
    const { deps, notifications } = setup();

    const outcome = await notify({ ...deps, hasApplied: async () => true }, event({ reason: 'deadline-1' }));

    expect(outcome).toBe('skipped');
    expect(await notifications.unreadCount('user-1')).toBe(0);
  });

  it('skips an event without an owner', async () => {
    const { deps } = setup();

    expect(await notify(deps, event({ ownerId: '' }))).toBe('skipped');
  });
});
