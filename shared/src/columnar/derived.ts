/**
 * Facts derived from the columns for one evaluation date: the as-of day, the civil date of every storable
 * day, and the lifecycle stage of every row (cached per snapshot and date, as deriveStage would give it).
 */
import { deriveStage, LIFECYCLE_STAGES, STAGE_THRESHOLDS } from '../lifecycle/stage';
import type { BusinessProfile } from '../profile/profile';
import { dayFromCivil, isLeapYear, packedCivil, parseIsoDay } from './calendar';
import { lowerBound } from './kernel-base';
import { ABSENT16, DAY_BASE, PRE_STARTUP_BIT } from './layout';
import type { RuleProfile, Snapshot } from './snapshot';

let packedTable: Int32Array | undefined;

/** Civil date (packed year·512 + month·32 + day) of every u16 day offset. */
export function packedDays(): Int32Array {
  if (!packedTable) {
    packedTable = new Int32Array(0x10000);
    for (let i = 0; i < 0x10000; i++) packedTable[i] = packedCivil(DAY_BASE + i);
  }
  return packedTable;
}

/** The day offset `years` years after the stored day offset `offset` (29 Feb → 28 Feb), as addYears. */
export function addYearsOffset(packed: Int32Array, offset: number, years: number): number {
  const p = packed[offset]!;
  const y = (p >> 9) + years;
  const m = (p >> 5) & 15;
  let d = p & 31;
  if (m === 2 && d === 29 && !isLeapYear(y)) d = 28;
  return dayFromCivil(y, m, d) - DAY_BASE;
}

/** The evaluation date in the forms the kernels use. */
export interface AsOf {
  iso: string;
  /** Day offset from the snapshot's day base (may lie outside the storable range). */
  offset: number;
  packed: number;
  year: number;
}

export function asOfFacts(iso: string): AsOf {
  const day = parseIsoDay(iso);
  const packed = packedCivil(day);
  return { iso, offset: day - DAY_BASE, packed, year: packed >> 9 };
}

/** Stage codes of the stage column: LIFECYCLE_STAGES order, then unknown. */
export const STAGE_UNKNOWN = LIFECYCLE_STAGES.length;
const STARTUP = LIFECYCLE_STAGES.indexOf('startup');
const GROWTH = LIFECYCLE_STAGES.indexOf('growth');
const CLOSURE = LIFECYCLE_STAGES.indexOf('closure');

/** A rule profile as the per-business engine takes it (names are not rule facts). */
export const asBusinessProfile = (p: RuleProfile): BusinessProfile => ({
  ...p,
  tradeName: '-',
  representativeName: '-',
});

const stageCache = new WeakMap<Snapshot, Map<string, Uint8Array>>();

/** The stage column of `asOf` when it has been built (see stageColumn). */
export function builtStageColumn(s: Snapshot, asOfIso: string): Uint8Array | undefined {
  return stageCache.get(s)?.get(asOfIso);
}

/** The lifecycle stage of every row on `asOf` (codes: startup 0, growth 1, closure 2, unknown 3). */
export function stageColumn(s: Snapshot, asOfIso: string): Uint8Array {
  let byDate = stageCache.get(s);
  if (!byDate) {
    byDate = new Map();
    stageCache.set(s, byDate);
  }
  const cached = byDate.get(asOfIso);
  if (cached) return cached;
  const out = new Uint8Array(s.rows);
  fillStages(s, asOfFacts(asOfIso), 0, s.rows, out);
  if (byDate.size > 4) byDate.clear();
  byDate.set(asOfIso, out);
  return out;
}

/** Writes the stage of rows [r0, r1) on `a` to out[0 … r1 − r0), as deriveStage gives it. */
export function fillStages(s: Snapshot, a: AsOf, r0: number, r1: number, out: Uint8Array): void {
  const P = packedDays();
  const { opening, closure, planned, previous, flagValue } = s.cols;
  const A = a.offset;
  const PA = a.packed;
  const restartYears = STAGE_THRESHOLDS.restartAfterClosureYears;
  const startupYears = STAGE_THRESHOLDS.startupYears;
  for (let i = r0; i < r1; i++) {
    const at = i - r0;
    const c = closure[i]!;
    if ((c !== ABSENT16 && c <= A) || planned[i] !== ABSENT16) {
      out[at] = CLOSURE;
      continue;
    }
    const o = opening[i]!;
    if ((flagValue[i]! & PRE_STARTUP_BIT) !== 0 || (o !== ABSENT16 && o > A)) {
      out[at] = STARTUP;
      continue;
    }
    if (o === ABSENT16) {
      out[at] = STAGE_UNKNOWN;
      continue;
    }
    const prev = previous[i]!;
    if (prev !== ABSENT16 && prev <= o && A < addYearsOffset(P, prev, restartYears)) {
      out[at] = CLOSURE;
      continue;
    }
    const po = P[o]!;
    const years = (PA >> 9) - (po >> 9) - ((PA & 511) < (po & 511) ? 1 : 0);
    out[at] = years < startupYears ? STARTUP : GROWTH;
  }
  const irregular = s.irregular.rows;
  for (let j = lowerBound(irregular, r0); j < irregular.length && irregular[j]! < r1; j++) {
    const stage = deriveStage(s.irregular.profiles[j]!, a.iso);
    out[irregular[j]! - r0] = stage ? LIFECYCLE_STAGES.indexOf(stage.stage) : STAGE_UNKNOWN;
  }
}
