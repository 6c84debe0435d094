/**
 * Formatting for Korean readers (and English when switched): won amounts in 만원/억원/조원, dates as
 * "2026년 11월 27일", D-day counters. Pure functions; the language is passed in.
 */

import { koreanDateTime } from '@sbiz24/shared/dates';
import {
  formatDate as formatDateKo,
  formatWonEn,
  formatWon as formatWonKo,
} from '@sbiz24/shared/rules/format';

export type Lang = 'ko' | 'en';

/**
 * A won amount as Koreans write it: 1조 2,000억원, 1억 5,000만원, 3,000만원, 5,000원 (the rules' own
 * formatter, so that a hint and a reason never disagree). English: "KRW 150 million", "KRW 1.2 trillion".
 */
export function formatWon(amount: number, lang: Lang = 'ko'): string {
  if (!Number.isFinite(amount)) return '';
  return lang === 'en' ? formatWonEn(Math.round(amount)) : formatWonKo(amount);
}

/** A plain number with digit grouping (e.g. counts of businesses). */
export function formatCount(n: number, lang: Lang = 'ko'): string {
  return n.toLocaleString(lang === 'ko' ? 'ko-KR' : 'en-US');
}

/** "2026년 11월 27일" (ko) or "27 Nov 2026" (en) for an ISO date; empty for none. */
export function formatDate(iso: string | undefined | null, lang: Lang = 'ko'): string {
  if (!iso) return '';
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number) as [number, number, number];
  if (!y || !m || !d) return iso;
  if (lang === 'ko') return formatDateKo(iso.slice(0, 10));
  const month = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1];
  return `${d} ${month} ${y}`;
}

/** Date and time of a timestamp, in Korean time: "2026년 11월 27일 14:05". */
export function formatDateTime(isoTimestamp: string, lang: Lang = 'ko'): string {
  const t = new Date(isoTimestamp);
  if (Number.isNaN(t.getTime())) return isoTimestamp;
  const { date, time } = koreanDateTime(t);
  return `${formatDate(date, lang)} ${time}`;
}

/** An application window: "2026년 1월 2일 ~ 2026년 12월 31일"; open-ended sides are left blank. */
export function formatWindow(
  start: string | null | undefined,
  end: string | null | undefined,
  lang: Lang = 'ko',
): string {
  if (!start && !end) return lang === 'ko' ? '상시 접수' : 'Open all year';
  return `${formatDate(start, lang)} ~ ${formatDate(end, lang)}`.trim();
}

/** The D-day counter: "D-12", "D-Day" on the last day, "마감" once past, "" when there is no deadline. */
export function formatDDay(dDay: number | null | undefined, lang: Lang = 'ko'): string {
  if (dDay === null || dDay === undefined) return '';
  if (dDay < 0) return lang === 'ko' ? '마감' : 'Closed';
  if (dDay === 0) return 'D-Day';
  return `D-${dDay}`;
}

/** Screen-reader wording of a D-day counter: "마감까지 12일 남음". */
export function describeDDay(dDay: number | null | undefined, lang: Lang = 'ko'): string {
  if (dDay === null || dDay === undefined) return lang === 'ko' ? '마감일 없음' : 'no deadline';
  if (dDay < 0) return lang === 'ko' ? '접수 마감됨' : 'applications closed';
  if (dDay === 0) return lang === 'ko' ? '오늘 마감' : 'closes today';
  return lang === 'ko' ? `마감까지 ${dDay}일 남음` : `${dDay} days left`;
}
