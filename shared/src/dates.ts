/**
 * Korea time and calendar dates: dates as ISO strings (`YYYY-MM-DD`) and as day numbers (days since
 * 1970-01-01); the date and clock time in Korea at an instant; D-day. The one place that knows KST is UTC+9.
 * Domain code never reads the system clock: every "today" is passed in, as an as-of date or a clock.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/** True when `s` is a real calendar date written `YYYY-MM-DD`. */
export function isIsoDate(s: string): boolean {
  const m = ISO_DATE.exec(s);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** Days since 1970-01-01 for an ISO date; throws on anything else. */
export function toDayNumber(iso: string): number {
  if (!isIsoDate(iso)) throw new RangeError(`not a date: ${iso}`);
  return Math.round(Date.parse(`${iso}T00:00:00Z`) / MS_PER_DAY);
}

/** The ISO date of a day number. */
export function fromDayNumber(day: number): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole years from `from` to `to` (anniversary-based, like 만 나이); negative when `to` is earlier. */
export function fullYearsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  let years = ty - fy;
  if (tm < fm || (tm === fm && td < fd)) years -= 1;
  return years;
}

/** Days from `from` to `to`. */
export function daysBetween(from: string, to: string): number {
  return toDayNumber(to) - toDayNumber(from);
}

/** The date `years` years after `iso` (29 Feb falls back to 28 Feb). */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const t = new Date(Date.UTC(y + years, m - 1, d));
  if (t.getUTCMonth() !== m - 1) t.setUTCDate(0);
  return t.toISOString().slice(0, 10);
}

/** Days from `asOf` until `deadline` (0 on the day itself, negative once past): the D-day counter. */
export function dDay(deadline: string, asOf: string): number {
  return daysBetween(asOf, deadline);
}

/** Korea Standard Time has no daylight saving: UTC+9 all year. */
const KST_OFFSET_MS = 9 * 3_600_000;

/** The instant shifted to Korea time, as an ISO string whose fields read as Korean wall-clock time. */
function koreaWallClock(at: Date): string {
  return new Date(at.getTime() + KST_OFFSET_MS).toISOString();
}

/** The calendar date in Korea at an instant (YYYY-MM-DD). */
export function koreanDate(at: Date): string {
  return koreaWallClock(at).slice(0, 10);
}

/** The calendar date in Korea at the clock's instant: "today" for deadlines, stages and runs. */
export function todayInKorea(clock: () => Date): string {
  return koreanDate(clock());
}

/** The date and the clock time (`HH:MM`) in Korea at an instant. */
export function koreanDateTime(at: Date): { date: string; time: string } {
  const wall = koreaWallClock(at);
  return { date: wall.slice(0, 10), time: wall.slice(11, 16) };
}

const WEEKDAYS_KO = ['일', '월', '화', '수', '목', '금', '토'] as const;

/** The day of the week of an ISO date, as Koreans abbreviate it: '2026-12-03' → '목'. */
export function koreanWeekday(iso: string): string {
  return WEEKDAYS_KO[new Date(`${iso}T00:00:00Z`).getUTCDay()]!;
}
