import { dDay } from '@sbiz24/shared';
import type { MatchEventReason } from '@sbiz24/shared/recompute/types';

/** Days before the deadline at which owners of eligible businesses are reminded, widest first. */
export const REMINDER_WINDOWS = [
  { reason: 'deadline-7', maxDays: 7 },
  { reason: 'deadline-1', maxDays: 1 },
] as const satisfies readonly { reason: MatchEventReason; maxDays: number }[];

/**
 * The reminder due for a program closing on `applyEnd`, as of `asOf`: `deadline-1` from one day before to the
 * deadline day itself, `deadline-7` from seven days before until then. A window, not an exact day, so that a
 * missed nightly run still reminds; the notifier's dedupe key (business, program, reason) keeps it to one.
 */
export function reminderDue(applyEnd: string | undefined, asOf: string): MatchEventReason | undefined {
  if (!applyEnd) return undefined;
  const days = dDay(applyEnd, asOf);
  if (days < 0) return undefined;
  let due: MatchEventReason | undefined;
  for (const w of REMINDER_WINDOWS) if (days <= w.maxDays) due = w.reason;
  return due;
}
