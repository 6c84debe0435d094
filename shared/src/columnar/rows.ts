/** Reading single rows back out of a snapshot (samples, per-row match lists, tests). */
import { FLAGS, type Flag } from '../profile/profile';
import { isoOfDay } from './calendar';
import {
  ABSENT8,
  ABSENT16,
  ABSENT32,
  BIRTH_BASE,
  DAY_BASE,
  ESCAPE32,
  FLAG_BIT,
  NO_INDEX,
  PRE_STARTUP_BIT,
  RATE_SCALE,
  REVENUE_UNIT,
} from './layout';
import { exactValueAt, lowerBound } from './side-kernels';
import { parseExtraKey, type RuleProfile, type Snapshot } from './snapshot';

/** A row's facts as stored: a rule profile whose damage confirmations keep only the disaster. */
export type RowFacts = Omit<RuleProfile, 'disasterDamage'> & { disasterDamage: { disasterId: string }[] };

/** The irregular profile of a row, if the row is irregular. */
export function irregularProfile(s: Snapshot, row: number): RuleProfile | undefined {
  const j = lowerBound(s.irregular.rows, row);
  return s.irregular.rows[j] === row ? s.irregular.profiles[j] : undefined;
}

/** The 시군구 code of a row. */
export function regionCodeOf(s: Snapshot, row: number): string {
  const r = s.cols.region[row]!;
  return r === NO_INDEX ? irregularProfile(s, row)!.regionCode : s.regions[r]!;
}

/** The KSIC code of a row. */
export function ksicOf(s: Snapshot, row: number): string {
  const k = s.cols.ksic[row]!;
  return k === NO_INDEX ? irregularProfile(s, row)!.ksic : s.ksic[k]!;
}

/** A row's revenue figure in won (exact, whether compact or escaped), or undefined when unknown. */
export function revenueOf(s: Snapshot, field: 'revenue' | 'revenueAvg3y', row: number): number | undefined {
  const v = s.cols[field][row]!;
  if (v === ABSENT32) return undefined;
  return v === ESCAPE32 ? exactValueAt(s.exact[field], row) : v * REVENUE_UNIT;
}

/** Decodes one row back into its facts (irregular rows: the profile kept on the side). */
export function decodeRow(s: Snapshot, row: number): RowFacts {
  const irregular = irregularProfile(s, row);
  if (irregular)
    return canonical({
      ...irregular,
      disasterDamage: irregular.disasterDamage.map((d) => ({ disasterId: d.disasterId })),
    });
  const c = s.cols;
  const out: RowFacts = {
    regionCode: regionCodeOf(s, row),
    ksic: ksicOf(s, row),
    flags: {},
    priorSupport: [],
    disasterDamage: [],
  };
  const date = (v: number) => (v === ABSENT16 ? undefined : isoOfDay(v + DAY_BASE));
  const set = <K extends keyof RowFacts>(key: K, value: RowFacts[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  if ((c.flagValue[row]! & PRE_STARTUP_BIT) !== 0) out.preStartup = true;
  set('openingDate', date(c.opening[row]!));
  set('closureDate', date(c.closure[row]!));
  set('plannedClosureDate', date(c.planned[row]!));
  set('previousClosureDate', date(c.previous[row]!));
  set('employees', c.employees[row] === ABSENT16 ? undefined : c.employees[row]);
  set('revenue', revenueOf(s, 'revenue', row));
  set('revenueAvg3y', revenueOf(s, 'revenueAvg3y', row));
  set('ownerBirthYear', c.birthYear[row] === ABSENT8 ? undefined : c.birthYear[row]! + BIRTH_BASE);
  set('highestLoanRate', c.loanRate[row] === ABSENT16 ? undefined : c.loanRate[row]! / RATE_SCALE);
  for (const f of FLAGS as readonly Flag[]) {
    if ((c.flagKnown[row]! & FLAG_BIT[f]) !== 0) out.flags[f] = (c.flagValue[row]! & FLAG_BIT[f]) !== 0;
  }
  const j = lowerBound(s.extras.rows, row);
  if (s.extras.rows[j] === row) {
    for (let k = s.extras.start[j]!; k < s.extras.start[j + 1]!; k++) {
      const e = parseExtraKey(s.extraKeys[s.extras.items[k]!]!);
      if (e.kind === 'damage') out.disasterDamage.push({ disasterId: e.disasterId });
      else out.priorSupport.push({ programId: e.programId, year: e.year });
    }
  }
  return canonical(out);
}

/** Side entries without duplicates, in a fixed order (their order carries no meaning). */
function canonical(f: RowFacts): RowFacts {
  const support = new Map(f.priorSupport.map((x) => [`${x.programId}\u0000${x.year}`, x]));
  const damage = new Set(f.disasterDamage.map((d) => d.disasterId));
  return {
    ...f,
    priorSupport: [...support.keys()].sort().map((k) => support.get(k)!),
    disasterDamage: [...damage].sort().map((disasterId) => ({ disasterId })),
  };
}
