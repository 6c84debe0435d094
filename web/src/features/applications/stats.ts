import { APPLICATION_STATUSES, AWARDED_STATUSES } from '@sbiz24/shared/application/application';
import { fromDayNumber, koreanDate, toDayNumber } from '@sbiz24/shared/dates';
import type { Application, ApplicationStatus } from '../../api/applications';

/** What the program dashboard draws, counted over a list of applications. */
export interface ApplicationStats {
  /** Every Korea date from the first application to the last, with its count (days without any: 0). */
  perDay: { date: string; count: number }[];
  perStatus: Record<ApplicationStatus, number>;
  /** Approved or paid applications by 시도 code, with the amounts awarded. */
  awardsBySido: Record<string, { count: number; amount: number }>;
  awarded: { count: number; amount: number };
}

/** The longest run of days the per-day chart shows (the most recent ones). */
export const MAX_DAYS = 92;

export function applicationStats(apps: readonly Application[]): ApplicationStats {
  const perStatus = Object.fromEntries(APPLICATION_STATUSES.map((s) => [s, 0])) as Record<
    ApplicationStatus,
    number
  >;
  const byDay = new Map<number, number>();
  const awardsBySido: ApplicationStats['awardsBySido'] = {};
  const awarded = { count: 0, amount: 0 };
  for (const a of apps) {
    perStatus[a.status] += 1;
    const day = toDayNumber(koreanDate(new Date(a.submittedAt)));
    byDay.set(day, (byDay.get(day) ?? 0) + 1);
    if (AWARDED_STATUSES.includes(a.status)) {
      const sido = a.sido.slice(0, 2);
      const cur = awardsBySido[sido] ?? { count: 0, amount: 0 };
      cur.count += 1;
      cur.amount += a.amount ?? 0;
      awardsBySido[sido] = cur;
      awarded.count += 1;
      awarded.amount += a.amount ?? 0;
    }
  }
  const perDay: ApplicationStats['perDay'] = [];
  if (byDay.size > 0) {
    const last = Math.max(...byDay.keys());
    const first = Math.max(Math.min(...byDay.keys()), last - MAX_DAYS + 1);
    for (let d = first; d <= last; d++) perDay.push({ date: fromDayNumber(d), count: byDay.get(d) ?? 0 });
  }
  return { perDay, perStatus, awardsBySido, awarded };
}
