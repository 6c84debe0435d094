import { describe, expect, it } from 'vitest';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  type Application,
  type ApplicationAction,
  type ApplicationActor,
  type ApplicationStatus,
} from './application';
import {
  allowedActions,
  checkTransition,
  findTransition,
  nextApplication,
  releasesGuard,
  TRANSITIONS,
} from './state-machine';

/** The lifecycle as issue 12 states it, written out independently of the table under test. */
const EXPECTED: [ApplicationStatus, ApplicationAction, ApplicationStatus, ApplicationActor[]][] = [
  ['submitted', 'start-review', 'in-review', ['staff']],
  ['submitted', 'request-supplement', 'supplement-requested', ['staff']],
  ['submitted', 'approve', 'approved', ['staff']],
  ['submitted', 'reject', 'rejected', ['staff']],
  ['submitted', 'withdraw', 'withdrawn', ['owner']],
  ['in-review', 'request-supplement', 'supplement-requested', ['staff']],
  ['in-review', 'approve', 'approved', ['staff']],
  ['in-review', 'reject', 'rejected', ['staff']],
  ['in-review', 'withdraw', 'withdrawn', ['owner']],
  ['supplement-requested', 'respond-supplement', 'submitted', ['owner']],
  ['supplement-requested', 'reject', 'rejected', ['staff']],
  ['supplement-requested', 'withdraw', 'withdrawn', ['owner']],
  ['approved', 'pay', 'paid', ['staff', 'system']],
];
const ACTORS: ApplicationActor[] = ['owner', 'staff', 'system'];

const given = (action: ApplicationAction) => ({
  message: ['reject', 'request-supplement', 'respond-supplement'].includes(action) ? '사유' : undefined,
  amount: action === 'approve' ? 1_000_000 : undefined,
});

describe('application state machine', () => {
  it('has exactly the transitions of the lifecycle, no more', () => {
    expect(TRANSITIONS.map((t) => [t.from, t.action, t.to, [...t.actors]])).toEqual(EXPECTED);
  });

  const cases = APPLICATION_STATUSES.flatMap((from) =>
    APPLICATION_ACTIONS.flatMap((action) => ACTORS.map((actor) => ({ from, action, actor }))),
  );

  it.each(cases)('$actor: $from → $action', ({ from, action, actor }) => {
    const row = EXPECTED.find(([f, a]) => f === from && a === action);
    const result = checkTransition(from, action, actor, given(action));
    if (!row) {
      expect(result).toMatchObject({ ok: false, refusal: { code: 'TRANSITION_NOT_ALLOWED' } });
    } else if (!row[3].includes(actor)) {
      expect(result).toMatchObject({ ok: false, refusal: { code: 'ACTOR_NOT_ALLOWED' } });
    } else {
      expect(result).toMatchObject({ ok: true, transition: { to: row[2] } });
    }
  });

  it('refuses a rejection or a supplement request without a reason', () => {
    expect(checkTransition('in-review', 'reject', 'staff', { message: '  ' })).toMatchObject({
      ok: false,
      refusal: { code: 'MESSAGE_REQUIRED' },
    });
    expect(checkTransition('submitted', 'request-supplement', 'staff', {})).toMatchObject({
      ok: false,
      refusal: { code: 'MESSAGE_REQUIRED' },
    });
    expect(checkTransition('supplement-requested', 'respond-supplement', 'owner', {})).toMatchObject({
      ok: false,
      refusal: { code: 'MESSAGE_REQUIRED' },
    });
  });

  it('refuses an approval without a positive amount', () => {
    expect(checkTransition('in-review', 'approve', 'staff', {})).toMatchObject({
      ok: false,
      refusal: { code: 'AMOUNT_REQUIRED' },
    });
    expect(checkTransition('in-review', 'approve', 'staff', { amount: 0 })).toMatchObject({
      ok: false,
      refusal: { code: 'AMOUNT_REQUIRED' },
    });
  });

  it('words a refusal in Korean with the right particle', () => {
    const refused = checkTransition('approved', 'withdraw', 'owner');
    expect(refused).toEqual({
      ok: false,
      refusal: { code: 'TRANSITION_NOT_ALLOWED', message: '선정된 신청은 신청 취소할 수 없습니다.' },
    });
    expect(checkTransition('submitted', 'withdraw', 'staff')).toMatchObject({
      refusal: { message: '신청 취소는 신청인만 할 수 있습니다.' },
    });
    expect(checkTransition('submitted', 'approve', 'owner')).toMatchObject({
      refusal: { message: '선정은 담당 기관만 할 수 있습니다.' },
    });
  });

  it('counts quota and records support only on approval, and lets only terminal states reapply', () => {
    expect(TRANSITIONS.filter((t) => t.consumesQuota).map((t) => t.to)).toEqual(['approved', 'approved']);
    expect(TRANSITIONS.filter((t) => t.recordsSupport).every((t) => t.action === 'approve')).toBe(true);
    expect(APPLICATION_STATUSES.filter(releasesGuard)).toEqual(['paid', 'rejected', 'withdrawn']);
  });

  it('lists the actions each side may take', () => {
    expect(allowedActions('submitted', 'owner')).toEqual(['withdraw']);
    expect(allowedActions('supplement-requested', 'staff')).toEqual(['reject']);
    expect(allowedActions('paid', 'staff')).toEqual([]);
  });

  it('computes the next application: status, version, timeline, amount, supplement rounds', () => {
    const app = {
      status: 'in-review',
      version: 2,
      supplementRounds: 0,
      timeline: [],
      updatedAt: 'x',
    } as unknown as Application;
    const approve = findTransition('in-review', 'approve')!;
    const entry = {
      at: '2026-12-03T00:00:00.000Z',
      action: 'approve' as const,
      from: 'in-review' as const,
      to: 'approved' as const,
      actor: 'staff' as const,
      actorId: 's',
      amount: 5_000_000,
    };
    const next = nextApplication(app, approve, entry);
    expect(next).toMatchObject({
      status: 'approved',
      version: 3,
      amount: 5_000_000,
      updatedAt: entry.at,
      timeline: [entry],
    });
    const ask = nextApplication(app, findTransition('in-review', 'request-supplement')!, {
      ...entry,
      action: 'request-supplement',
      to: 'supplement-requested',
      amount: undefined,
    });
    expect(ask.supplementRounds).toBe(1);
    expect(ask.amount).toBeUndefined();
    expect(app.version).toBe(2);
  });
});
