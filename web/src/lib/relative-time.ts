import { koreanDateTime, koreanWeekday } from '@sbiz24/shared/dates';
import { formatDate, type Lang } from './format';

/** How long ago, in words the UI translates: minutes, hours or days; null past 30 days (the date says it). */
export function ago(
  isoTimestamp: string,
  now: Date,
): { key: 'justNow' | 'minutesAgo' | 'hoursAgo' | 'daysAgo'; count: number } | null {
  const ms = now.getTime() - new Date(isoTimestamp).getTime();
  if (Number.isNaN(ms)) return null;
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 1) return { key: 'justNow', count: 0 };
  if (minutes < 60) return { key: 'minutesAgo', count: minutes };
  if (minutes < 24 * 60) return { key: 'hoursAgo', count: Math.floor(minutes / 60) };
  const days = Math.floor(minutes / (24 * 60));
  return days <= 30 ? { key: 'daysAgo', count: days } : null;
}

const WEEKDAYS_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "2026년 12월 3일(목) 14:05" in Korea time, or "Thu 3 Dec 2026 14:05". */
export function formatDateTimeWithWeekday(isoTimestamp: string, lang: Lang = 'ko'): string {
  const at = new Date(isoTimestamp);
  if (Number.isNaN(at.getTime())) return isoTimestamp;
  const { date, time } = koreanDateTime(at);
  if (lang === 'ko') return `${formatDate(date, 'ko')}(${koreanWeekday(date)}) ${time}`;
  const day = WEEKDAYS_EN[new Date(`${date}T00:00:00Z`).getUTCDay()];
  return `${day} ${formatDate(date, 'en')} ${time}`;
}
