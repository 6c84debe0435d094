import { josa } from 'es-hangul';
import {
  type Application,
  type ApplicationAction,
  type ApplicationActor,
  type ApplicationStatus,
  isActiveStatus,
  type TimelineEntry,
} from './application';

/**
 * The application state machine written down as data: every allowed `from → action → to`, who may take it,
 * and what it records. Anything not in this table is refused. The service makes each row one conditional
 * write on the application's version, with its audit entry in the same transaction.
 */
export interface Transition {
  from: ApplicationStatus;
  action: ApplicationAction;
  to: ApplicationStatus;
  /** Who may take this step. */
  actors: readonly ApplicationActor[];
  /** A message is required (the reason of a rejection, what to supplement, the owner's response). */
  requiresMessage: boolean;
  /** An amount in won is required (approval). */
  requiresAmount: boolean;
  /** The awarded amount counts against the program's quota (budget and number of awards). */
  consumesQuota: boolean;
  /** The application becomes part of the business's support history (지원이력). */
  recordsSupport: boolean;
  /** The owner gets an inbox notification. */
  notifiesOwner: boolean;
}

const step = (
  from: ApplicationStatus,
  action: ApplicationAction,
  to: ApplicationStatus,
  actors: readonly ApplicationActor[],
  records: Partial<Omit<Transition, 'from' | 'action' | 'to' | 'actors'>> = {},
): Transition => ({
  from,
  action,
  to,
  actors,
  requiresMessage: false,
  requiresAmount: false,
  consumesQuota: false,
  recordsSupport: false,
  notifiesOwner: true,
  ...records,
});

export const TRANSITIONS: readonly Transition[] = [
  step('submitted', 'start-review', 'in-review', ['staff'], { notifiesOwner: false }),
  step('submitted', 'request-supplement', 'supplement-requested', ['staff'], { requiresMessage: true }),
  step('submitted', 'approve', 'approved', ['staff'], {
    requiresAmount: true,
    consumesQuota: true,
    recordsSupport: true,
  }),
  step('submitted', 'reject', 'rejected', ['staff'], { requiresMessage: true }),
  step('submitted', 'withdraw', 'withdrawn', ['owner'], { notifiesOwner: false }),
  step('in-review', 'request-supplement', 'supplement-requested', ['staff'], { requiresMessage: true }),
  step('in-review', 'approve', 'approved', ['staff'], {
    requiresAmount: true,
    consumesQuota: true,
    recordsSupport: true,
  }),
  step('in-review', 'reject', 'rejected', ['staff'], { requiresMessage: true }),
  step('in-review', 'withdraw', 'withdrawn', ['owner'], { notifiesOwner: false }),
  step('supplement-requested', 'respond-supplement', 'submitted', ['owner'], {
    requiresMessage: true,
    notifiesOwner: false,
  }),
  step('supplement-requested', 'reject', 'rejected', ['staff'], { requiresMessage: true }),
  step('supplement-requested', 'withdraw', 'withdrawn', ['owner'], { notifiesOwner: false }),
  step('approved', 'pay', 'paid', ['staff', 'system']),
];

/** A refused transition: the code and the Korean reason the API returns (409). */
export interface TransitionRefusal {
  code: 'TRANSITION_NOT_ALLOWED' | 'ACTOR_NOT_ALLOWED' | 'MESSAGE_REQUIRED' | 'AMOUNT_REQUIRED';
  message: string;
}

const ACTION_LABELS: Record<ApplicationAction, string> = {
  'start-review': '심사 시작',
  'request-supplement': '보완 요청',
  'respond-supplement': '보완 제출',
  approve: '선정',
  reject: '미선정 결정',
  pay: '지급',
  withdraw: '신청 취소',
};

export function actionLabel(action: ApplicationAction): string {
  return ACTION_LABELS[action];
}

const STATUS_WORDS: Record<ApplicationStatus, string> = {
  submitted: '접수된',
  'in-review': '심사 중인',
  'supplement-requested': '보완 요청 중인',
  approved: '선정된',
  paid: '지급이 끝난',
  rejected: '미선정된',
  withdrawn: '취소된',
};

/** The row for (from, action), if the table has one. */
export function findTransition(from: ApplicationStatus, action: ApplicationAction): Transition | undefined {
  return TRANSITIONS.find((t) => t.from === from && t.action === action);
}

/**
 * Checks one step against the table: the row exists, the actor may take it, and it carries what it must
 * record. Returns the row, or why it is refused.
 */
export function checkTransition(
  from: ApplicationStatus,
  action: ApplicationAction,
  actor: ApplicationActor,
  given: { message?: string | undefined; amount?: number | undefined } = {},
): { ok: true; transition: Transition } | { ok: false; refusal: TransitionRefusal } {
  const transition = findTransition(from, action);
  if (!transition) {
    return {
      ok: false,
      refusal: {
        code: 'TRANSITION_NOT_ALLOWED',
        message: `${STATUS_WORDS[from]} 신청은 ${ACTION_LABELS[action]}할 수 없습니다.`,
      },
    };
  }
  if (!transition.actors.includes(actor)) {
    return {
      ok: false,
      refusal: {
        code: 'ACTOR_NOT_ALLOWED',
        message: `${josa(ACTION_LABELS[action], '은/는')} ${transition.actors.includes('owner') ? '신청인' : '담당 기관'}만 할 수 있습니다.`,
      },
    };
  }
  if (transition.requiresMessage && !given.message?.trim()) {
    return {
      ok: false,
      refusal: {
        code: 'MESSAGE_REQUIRED',
        message: `${ACTION_LABELS[action]}에는 사유(message)가 필요합니다.`,
      },
    };
  }
  if (transition.requiresAmount && (given.amount === undefined || !(given.amount > 0))) {
    return {
      ok: false,
      refusal: {
        code: 'AMOUNT_REQUIRED',
        message: `${ACTION_LABELS[action]}에는 지원 금액(amount)이 필요합니다.`,
      },
    };
  }
  return { ok: true, transition };
}

/** The actions `actor` may take on an application in `status` (for buttons and the docs). */
export function allowedActions(status: ApplicationStatus, actor: ApplicationActor): ApplicationAction[] {
  return TRANSITIONS.filter((t) => t.from === status && t.actors.includes(actor)).map((t) => t.action);
}

/** Whether reaching `to` frees the business to apply to the program again. */
export function releasesGuard(to: ApplicationStatus): boolean {
  return !isActiveStatus(to);
}

/** Supplement rounds an application may go through; bounds the timeline (and the item's size). */
export const MAX_SUPPLEMENT_ROUNDS = 5;

/**
 * The application after `transition`, recorded by `entry`: next status and version, the entry appended to
 * the timeline, the amount on approval, one more supplement round on a supplement request.
 */
export function nextApplication(app: Application, transition: Transition, entry: TimelineEntry): Application {
  return {
    ...app,
    status: transition.to,
    version: app.version + 1,
    updatedAt: entry.at,
    ...(transition.requiresAmount && entry.amount !== undefined ? { amount: entry.amount } : {}),
    supplementRounds: app.supplementRounds + (transition.action === 'request-supplement' ? 1 : 0),
    timeline: [...app.timeline, entry],
  };
}
