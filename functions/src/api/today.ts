/** Korea Standard Time has no daylight saving: UTC+9 all year. */
const KST_OFFSET_MS = 9 * 3_600_000;

/** The calendar date in Korea at the clock's instant (YYYY-MM-DD): "today" for deadlines and stages. */
export function todayInKorea(clock: () => Date): string {
  return new Date(clock().getTime() + KST_OFFSET_MS).toISOString().slice(0, 10);
}
