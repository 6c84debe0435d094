/**
 * Integer calendar arithmetic on day numbers (days since 1970-01-01, proleptic Gregorian), without Date
 * objects: the hot loops of the generator and the columnar engine convert millions of dates.
 * Agrees with dates.ts (toDayNumber, fromDayNumber, fullYearsBetween, addYears) on every valid date.
 */

/** Day number of a civil date (Howard Hinnant's days_from_civil). */
export function dayFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const mp = m > 2 ? m - 3 : m + 9;
  const doy = Math.floor((153 * mp + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Civil date of a day number, packed as `year * 512 + month * 32 + day` (order-preserving). */
export function packedCivil(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const m = mp < 10 ? mp + 3 : mp - 9;
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0);
  return y * 512 + m * 32 + d;
}

export const packedYear = (packed: number): number => Math.floor(packed / 512);
export const packedMonthDay = (packed: number): number => packed & 511;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Whole years from day `a` to day `b`, anniversary-based (dates.ts fullYearsBetween). */
export function fullYearsBetweenDays(a: number, b: number): number {
  const pa = packedCivil(a);
  const pb = packedCivil(b);
  return packedYear(pb) - packedYear(pa) - ((pb & 511) < (pa & 511) ? 1 : 0);
}

/** The day `years` years after `day`; 29 February falls back to 28 February (dates.ts addYears). */
export function addYearsDay(day: number, years: number): number {
  const p = packedCivil(day);
  const y = packedYear(p) + years;
  const m = (p >> 5) & 15;
  let d = p & 31;
  if (m === 2 && d === 29 && !isLeapYear(y)) d = 28;
  return dayFromCivil(y, m, d);
}

/**
 * The last day whose civil date is at most (y, m, d) in calendar order, where (y, m, d) may not exist
 * (29 February of a common year gives 28 February).
 */
export function lastDayOnOrBefore(y: number, m: number, d: number): number {
  if (m === 2 && d === 29 && !isLeapYear(y)) return dayFromCivil(y, 2, 28);
  return dayFromCivil(y, m, d);
}

const ZERO = 48;

/** Day number of a valid `YYYY-MM-DD` string (no validation: the input is a schema-checked date). */
export function parseIsoDay(iso: string): number {
  const y =
    (iso.charCodeAt(0) - ZERO) * 1000 +
    (iso.charCodeAt(1) - ZERO) * 100 +
    (iso.charCodeAt(2) - ZERO) * 10 +
    (iso.charCodeAt(3) - ZERO);
  const m = (iso.charCodeAt(5) - ZERO) * 10 + (iso.charCodeAt(6) - ZERO);
  const d = (iso.charCodeAt(8) - ZERO) * 10 + (iso.charCodeAt(9) - ZERO);
  return dayFromCivil(y, m, d);
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `YYYY-MM-DD` of a day number in years 1000–9999. */
export function isoOfDay(day: number): string {
  const p = packedCivil(day);
  return `${packedYear(p)}-${pad2((p >> 5) & 15)}-${pad2(p & 31)}`;
}
