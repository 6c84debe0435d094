import { addYears, fullYearsBetween } from '../dates';
import type { BusinessProfile } from '../profile/profile';

/** The three lifecycle stages the portal is organised by. */
export const LIFECYCLE_STAGES = ['startup', 'growth', 'closure'] as const;
export type LifecycleStage = (typeof LIFECYCLE_STAGES)[number];

export const STAGE_LABELS: Record<LifecycleStage, { ko: string; en: string }> = {
  startup: { ko: '창업', en: 'Startup' },
  growth: { ko: '성장', en: 'Growth' },
  closure: { ko: '폐업·재기', en: 'Closure & restart' },
};

/** Every threshold of stage derivation, in one place (small-business.md). */
export const STAGE_THRESHOLDS = {
  /** Operating for fewer than this many years is startup; this many or more is growth. */
  startupYears: 3,
  /** Restarted after a closure within this many years: 재창업, counted in the closure-and-restart stage. */
  restartAfterClosureYears: 7,
} as const;

/** Why a business is in its stage. */
export type StageDetail = 'preStartup' | 'operating' | 'closurePlanned' | 'closed' | 'restarted';

export interface StageResult {
  stage: LifecycleStage;
  detail: StageDetail;
}

type StageFields = Pick<
  BusinessProfile,
  'preStartup' | 'openingDate' | 'closureDate' | 'plannedClosureDate' | 'previousClosureDate'
>;

/**
 * A closed business stays in the closure-and-restart stage however long ago it closed: "closed within the
 * last 5 years" (재기 준비) is a program window, written in rules as `closure closed withinDays`, not a stage.
 *
 * Derives the lifecycle stage for an explicit as-of date; undefined when the opening date is unknown.
 * The clock is never read here.
 */
export function deriveStage(p: StageFields, asOf: string): StageResult | undefined {
  if (p.closureDate && p.closureDate <= asOf) return { stage: 'closure', detail: 'closed' };
  if (p.plannedClosureDate) return { stage: 'closure', detail: 'closurePlanned' };
  if (p.preStartup || (p.openingDate && p.openingDate > asOf))
    return { stage: 'startup', detail: 'preStartup' };
  if (!p.openingDate) return undefined;
  if (
    p.previousClosureDate &&
    p.previousClosureDate <= p.openingDate &&
    asOf < addYears(p.previousClosureDate, STAGE_THRESHOLDS.restartAfterClosureYears)
  ) {
    return { stage: 'closure', detail: 'restarted' };
  }
  const years = fullYearsBetween(p.openingDate, asOf);
  return { stage: years < STAGE_THRESHOLDS.startupYears ? 'startup' : 'growth', detail: 'operating' };
}
