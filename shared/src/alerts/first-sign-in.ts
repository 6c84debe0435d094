import type { Notification } from '../repositories';

/**
 * The first sign-in summary (issue 14, "a first login that does not greet the owner with a wall of unread
 * items"): what accumulated in the inbox before an owner's first sign-in becomes one notification, and the
 * items it counts are marked read. Pure text and counts here; the fold itself is `services/first-sign-in.ts`.
 */

/** The kinds a summary counts, in the order it names them. */
export const SUMMARY_KINDS = ['new-match', 'deadline', 'disaster', 'application', 'system'] as const;
export type SummaryKind = (typeof SUMMARY_KINDS)[number];
export type SummaryCounts = Partial<Record<SummaryKind, number>>;

/** Unread notifications one first sign-in folds at most (oldest first); any beyond stay unread. */
export const FIRST_SIGN_IN_FOLD_LIMIT = 1_000;

/** The summary's dedupe key: one summary per account, however often the fold runs. */
export const FIRST_SIGN_IN_DEDUPE_KEY = 'first-sign-in-summary';

const KO_LABELS: Record<SummaryKind, string> = {
  'new-match': '새로 맞는 지원사업',
  deadline: '마감이 다가오는 지원사업',
  disaster: '재난지원 안내',
  application: '신청 진행 소식',
  system: '안내',
};

const count = (n: number) => `${n.toLocaleString('ko-KR')}건`;

export const totalOf = (counts: SummaryCounts): number =>
  SUMMARY_KINDS.reduce((sum, k) => sum + (counts[k] ?? 0), 0);

/**
 * The summary's Korean title and body, 합니다체: "가입 전 소식 15건을 모았습니다" /
 * "가입 전에 새로 맞는 지원사업 12건, 마감이 다가오는 지원사업 3건이 있습니다. 내 사업장에서 확인해 보세요."
 * ("건" ends in a consonant: always "이", never "이(가)").
 */
export function firstSignInSummaryText(counts: SummaryCounts): { title: string; body: string } {
  const parts = SUMMARY_KINDS.filter((k) => (counts[k] ?? 0) > 0).map(
    (k) => `${KO_LABELS[k]} ${count(counts[k]!)}`,
  );
  return {
    title: `가입 전 소식 ${count(totalOf(counts))}을 모았습니다`,
    body: `가입 전에 ${parts.join(', ')}이 있습니다. 내 사업장에서 맞는 지원사업을 확인해 보세요.`,
  };
}

/** Counts of the notifications a fold marked, by kind. */
export function countByKind(notes: readonly Pick<Notification, 'kind'>[]): SummaryCounts {
  const counts: SummaryCounts = {};
  for (const n of notes) counts[n.kind] = (counts[n.kind] ?? 0) + 1;
  return counts;
}
