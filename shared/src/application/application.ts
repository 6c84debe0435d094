import type { BusinessProfile } from '../profile/profile';
import type { Reason } from '../rules/evaluate';
import type { DocumentStatus, FileMetadata } from './documents';
import type { AnswerValue } from './form';

/**
 * An application of one business to one program (통합신청 creates several at once), its life as states,
 * and the record of every step. The state machine itself is data: see `state-machine.ts`.
 */

export const APPLICATION_STATUSES = [
  'submitted',
  'in-review',
  'supplement-requested',
  'approved',
  'paid',
  'rejected',
  'withdrawn',
] as const;
export type ApplicationStatus = (typeof APPLICATION_STATUSES)[number];

export const APPLICATION_STATUS_LABELS: Record<ApplicationStatus, { ko: string; en: string }> = {
  submitted: { ko: '접수', en: 'Submitted' },
  'in-review': { ko: '심사 중', en: 'In review' },
  'supplement-requested': { ko: '보완 요청', en: 'Supplement requested' },
  approved: { ko: '선정', en: 'Approved' },
  paid: { ko: '지급 완료', en: 'Paid' },
  rejected: { ko: '미선정', en: 'Rejected' },
  withdrawn: { ko: '신청 취소', en: 'Withdrawn' },
};

/**
 * While an application is in one of these states the business cannot apply to the same program again
 * (the store keeps a guard item for it). Rejected, withdrawn and paid ones are history: a later application
 * is a new item.
 */
export const ACTIVE_STATUSES: readonly ApplicationStatus[] = [
  'submitted',
  'in-review',
  'supplement-requested',
  'approved',
];

/** Approved and paid applications are the portal's own support history (지원이력, source "포털 선정"). */
export const AWARDED_STATUSES: readonly ApplicationStatus[] = ['approved', 'paid'];

export function isActiveStatus(status: ApplicationStatus): boolean {
  return ACTIVE_STATUSES.includes(status);
}

/** Who acts on an application: its owner, the reviewing agency's staff (or an admin), or the portal itself. */
export type ApplicationActor = 'owner' | 'staff' | 'system';

export const APPLICATION_ACTIONS = [
  'start-review',
  'request-supplement',
  'respond-supplement',
  'approve',
  'reject',
  'pay',
  'withdraw',
] as const;
export type ApplicationAction = (typeof APPLICATION_ACTIONS)[number];

/** The actions staff take in a decision request (single or bulk). */
export const STAFF_DECISION_ACTIONS = ['start-review', 'request-supplement', 'approve', 'reject'] as const;
export type StaffDecisionAction = (typeof STAFF_DECISION_ACTIONS)[number];

/** One step in an application's life, kept in the application (진행현황) and mirrored in the audit log. */
export interface TimelineEntry {
  /** ISO timestamp. */
  at: string;
  /** `submit` for the first entry, then the action taken. */
  action: ApplicationAction | 'submit';
  from?: ApplicationStatus;
  to: ApplicationStatus;
  actor: ApplicationActor;
  /** The user id of whoever acted (a staff member's or the owner's sub). */
  actorId: string;
  /** The reason or message given (required to reject and to request a supplement). */
  message?: string;
  /** The awarded amount in won, on approval. */
  amount?: number;
  /** Files attached with a supplement response (metadata only). */
  files?: FileMetadata[];
}

/** The bank account a rapid payment goes to, as shown: the number only masked (`110-***-***456`). */
export interface PaymentAccount {
  bankCode: string;
  holder: string;
  masked: string;
}

/** An account number sealed by the account vault (functions/src/services/account-vault.ts), bound to the application id. */
export interface SealedAccountNumber {
  v: 1;
  key: string;
  iv: string;
  data: string;
}

/** The account as stored: the shown part and the sealed number, which only the payment export opens. */
export interface StoredPaymentAccount extends PaymentAccount {
  sealed: SealedAccountNumber;
}

/** The bank refused a payment: the application stays approved until the owner corrects the account. */
export interface PaymentFailure {
  /** ISO timestamp of the bank result import. */
  at: string;
  /** The bank's reason, as the result file says (no account number). */
  reason: string;
}

/** What the application was judged on at submission: never changes afterwards. */
export interface ApplicationSnapshot {
  profile: BusinessProfile & { brn: string };
  programVersion: number;
  programTitle: string;
  /** The program's English title at submission, when it had one (the English pages show it). */
  programTitleEn?: string;
  /** The rule's reasons on the submission date. */
  reasons: Reason[];
  /** The Korea date the rules were evaluated for. */
  asOf: string;
}

export interface Application {
  /** Random, URL-safe; carries no personal data. */
  id: string;
  brn: string;
  /** The owner who applied (their user id). */
  ownerId: string;
  programId: string;
  agencyId: string;
  /** 시군구 and stage at submission: the staff queue filters by them without reading the snapshot. */
  sido: string;
  stage: string | null;
  status: ApplicationStatus;
  /** Optimistic-lock version: 1 on submission, +1 on every transition. */
  version: number;
  submittedAt: string;
  updatedAt: string;
  /** The form answers by field id (prefilled ones included). */
  answers: Record<string, AnswerValue>;
  /** Each required document and whether the portal already holds it (확인됨). */
  documents: DocumentStatus[];
  snapshot: ApplicationSnapshot;
  /** The awarded amount in won, once approved. */
  amount?: number;
  /** Supplement rounds asked so far (bounded: see MAX_SUPPLEMENT_ROUNDS). */
  supplementRounds: number;
  timeline: TimelineEntry[];
  /** Rapid payment (신속지급): where the award is paid. Never returned with `sealed`: see `withoutSecrets`. */
  account?: StoredPaymentAccount;
  /** The last payment attempt failed; cleared when the owner corrects the account. */
  paymentFailure?: PaymentFailure;
}

/** An application as any response shows it: the account without its sealed number. */
export type ShownApplication = Omit<Application, 'account'> & { account?: PaymentAccount };

/** The application as shown to anyone (owner or staff): the account without its sealed number. */
export function withoutSecrets(app: Application): ShownApplication {
  if (!app.account) return app;
  const { sealed: _sealed, ...account } = app.account;
  return { ...app, account };
}

/** A business's support history entry (지원이력). */
export interface SupportHistoryEntry {
  programId: string;
  programTitle?: string;
  year: number;
  /** Won, when known (portal awards always know it). */
  amount?: number;
  /** `portal`: awarded through a portal application (포털 선정); `self`: entered by the owner (자가 입력). */
  source: 'portal' | 'self';
  applicationId?: string;
}

export const SUPPORT_SOURCE_LABELS: Record<SupportHistoryEntry['source'], { ko: string; en: string }> = {
  portal: { ko: '포털 선정', en: 'Awarded through the portal' },
  self: { ko: '자가 입력', en: 'Self-reported' },
};
