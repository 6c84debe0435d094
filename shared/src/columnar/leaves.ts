/**
 * Compiles one condition into a kernel over a snapshot, mirroring rules/conditions.ts exactly (see
 * docs/rules.md): the same three-valued outcome for every regular row. Lookup tables are computed per
 * dictionary entry with the per-business engine's own helpers, so membership tests agree by construction.
 */
import type { Disaster } from '../disaster/disaster';
import { LIFECYCLE_STAGES } from '../lifecycle/stage';
import { ksicMatches } from '../reference/ksic';
import { smallBusinessEmployeeLimit, smallBusinessRevenueCap } from '../reference/small-business';
import { regionCovers, selectDisasters, withinBounds } from '../rules/conditions';
import type { Bounds, Condition, RangeCondition } from '../rules/types';
import { lastDayOnOrBefore, parseIsoDay } from './calendar';
import {
  businessAgeKernel,
  closureKernel,
  type DateColumns,
  findDateExceptions,
  openedBeforeKernel,
  operatingKernel,
} from './date-kernels';
import {
  type AsOf,
  addYearsOffset,
  builtStageColumn,
  fillStages,
  packedDays,
  STAGE_UNKNOWN,
  stageColumn,
} from './derived';
import { BLOCK_ROWS } from './kernel-base';
import {
  bitKernel,
  F,
  flagKernel,
  type Kernel,
  perRow,
  range16,
  rangeScaled32,
  smallBusinessKernel,
  T,
  table8TU,
  table16T,
  table16TU,
  U,
} from './kernels';
import {
  ABSENT8,
  ABSENT16,
  ABSENT32,
  BIRTH_BASE,
  DAY_BASE,
  FLAG_BIT,
  PRE_STARTUP_BIT,
  RATE_SCALE,
  REVENUE_UNIT,
} from './layout';
import { revenueOf } from './rows';
import { type BlockIndex, indexedKernel, priorSupportKernel, sparseKernel3 } from './side-kernels';
import { parseExtraKey, type Snapshot } from './snapshot';

export interface CompiledLeaf {
  run: Kernel;
  /** Whether the kernel can report unknown (otherwise U is never written nor read). */
  unknown: boolean;
  /** Order hint inside all/any: conditions that are rarely true go first, so a block can stop early. */
  rarity: number;
}

export interface LeafContext {
  asOf: AsOf;
  disasters: readonly Disaster[];
  /** Per-block inverted indexes of the region and industry columns, when the plan keeps them. */
  indexes?: { region: BlockIndex; ksic: BlockIndex };
}

/** Through a block index, a condition true for at most this many dictionary values (or false for at most
 * this many) ORs their rows' words; otherwise every row is looked up in a table. */
const INDEXED_MEMBERS = 24;

/** The kernel of a condition on a dictionary column, given its 0/1 value per dictionary entry. */
function dictionaryKernel(
  col: Uint16Array,
  values: number,
  table: Uint8Array,
  index: BlockIndex | undefined,
): Kernel {
  if (index) {
    const yes: number[] = [];
    const no: number[] = [];
    for (let v = 0; v < values; v++) (table[v] ? yes : no).push(v);
    if (yes.length <= INDEXED_MEMBERS) return indexedKernel(index, Int32Array.from(yes), false);
    if (no.length <= INDEXED_MEMBERS) return indexedKernel(index, Int32Array.from(no), true);
  }
  return table16T(col, table);
}

/** Integer interval of an integer-valued fact within the bounds (exact for any finite or infinite bound). */
export function integerInterval(b: Bounds): [number, number] {
  let lo = Number.NEGATIVE_INFINITY;
  let hi = Number.POSITIVE_INFINITY;
  if (b.gte !== undefined) lo = Math.max(lo, Math.ceil(b.gte));
  if (b.gt !== undefined) lo = Math.max(lo, Math.floor(b.gt) + 1);
  if (b.lte !== undefined) hi = Math.min(hi, Math.floor(b.lte));
  if (b.lt !== undefined) hi = Math.min(hi, Math.ceil(b.lt) - 1);
  return [lo, hi];
}

const dictTable = (values: readonly string[], test: (v: string) => boolean): Uint8Array => {
  const table = new Uint8Array(0x10000);
  values.forEach((v, i) => {
    table[i] = test(v) ? 1 : 0;
  });
  return table;
};

const dayOffset = (iso: string) => parseIsoDay(iso) - DAY_BASE;

const dateColumnsCache = new WeakMap<Snapshot, DateColumns>();

/** The date columns of a snapshot with its list of rows that are not plain (computed once). */
function dateColumns(s: Snapshot): DateColumns {
  let d = dateColumnsCache.get(s);
  if (!d) {
    const base = {
      opening: s.cols.opening,
      closure: s.cols.closure,
      planned: s.cols.planned,
      flagValue: s.cols.flagValue,
      absent: ABSENT16,
      preBit: PRE_STARTUP_BIT,
    };
    d = { ...base, exceptions: findDateExceptions(base) };
    dateColumnsCache.set(s, d);
  }
  return d;
}

/**
 * Opening days (openAfter, openBy] of a business open on the as-of date whose age in whole years lies in
 * [lo, hi]: fullYearsBetween(o, asOf) ≥ Y exactly when o is on or before (asOf.year − Y, asOf.month,
 * asOf.day) in calendar order, that date falling back to the last real day (29 Feb → 28 Feb).
 */
function openingWindowYears(asOf: AsOf, lo: number, hi: number): [number, number] {
  const y = asOf.packed >> 9;
  const m = (asOf.packed >> 5) & 15;
  const d = asOf.packed & 31;
  const latestWithAge = (years: number) => {
    if (years <= -20_000) return Number.POSITIVE_INFINITY;
    if (years >= 20_000) return Number.NEGATIVE_INFINITY;
    return lastDayOnOrBefore(y - years, m, d) - DAY_BASE;
  };
  return [latestWithAge(hi + 1), latestWithAge(lo)];
}

function rangeLeaf(c: RangeCondition, s: Snapshot, ctx: LeafContext): CompiledLeaf {
  const cols = s.cols;
  switch (c.field) {
    case 'employees': {
      const [lo, hi] = integerInterval(c);
      return { run: range16(cols.employees, ABSENT16, lo, hi), unknown: true, rarity: 2 };
    }
    case 'revenue':
    case 'revenueAvg3y': {
      const [lo, hi] = integerInterval(c);
      const within = (v: number) => withinBounds(v, c);
      const run = rangeScaled32(cols[c.field], ABSENT32, REVENUE_UNIT, lo, hi, s.exact[c.field], within);
      return { run, unknown: true, rarity: 2 };
    }
    case 'ownerAge': {
      const table = new Uint8Array(256);
      for (let v = 0; v < 256; v++) table[v] = withinBounds(ctx.asOf.year - (BIRTH_BASE + v), c) ? T : F;
      table[ABSENT8] = U;
      return { run: table8TU(cols.birthYear, table), unknown: true, rarity: 2 };
    }
    case 'highestLoanRate': {
      const table = new Uint8Array(0x10000);
      for (let k = 0; k < 0x10000; k++) table[k] = withinBounds(k / RATE_SCALE, c) ? T : F;
      table[ABSENT16] = U;
      return { run: table16TU(cols.loanRate, table), unknown: true, rarity: 2 };
    }
    case 'businessAgeDays':
    case 'businessAgeYears': {
      const [lo, hi] = integerInterval(c);
      const years = c.field === 'businessAgeYears';
      const A = ctx.asOf.offset;
      const [openAfter, openBy] = years ? openingWindowYears(ctx.asOf, lo, hi) : [A - hi - 1, A - lo];
      const run = businessAgeKernel(dateColumns(s), A, openAfter, openBy, packedDays(), years, lo, hi);
      return { run, unknown: true, rarity: 2 };
    }
  }
}

function disasterLeaf(
  c: Extract<Condition, { type: 'disasterArea' | 'disasterDamage' }>,
  s: Snapshot,
  ctx: LeafContext,
): CompiledLeaf {
  const selected = selectDisasters(c, ctx.disasters);
  const { region, opening, closure, flagValue } = s.cols;
  const A = ctx.asOf.offset;
  /** Operating at a disaster's start (facts.ts `operatingAtDisaster`): T, F, or U with the opening unknown. */
  const operatingAt = (i: number, start: number): number => {
    const o = opening[i]!;
    if ((flagValue[i]! & PRE_STARTUP_BIT) !== 0 || (o !== ABSENT16 && o > A)) return F;
    const cl = closure[i]!;
    if (cl !== ABSENT16 && cl < start) return F;
    if (o === ABSENT16) return U;
    return o <= start ? T : F;
  };
  if (c.type === 'disasterArea') {
    // Per region: the start offsets of the selected disasters whose area holds it.
    const starts: (number[] | undefined)[] = s.regions.map((code) => {
      const list = selected.filter((d) => d.regionCodes.includes(code)).map((d) => dayOffset(d.startDate));
      return list.length > 0 ? list : undefined;
    });
    return {
      run: perRow((i) => {
        const list = starts[region[i]!];
        if (list === undefined) return F;
        let acc = F;
        for (const start of list) {
          const x = operatingAt(i, start);
          if (x === T) return T;
          if (x === U) acc = U;
        }
        return acc;
      }),
      unknown: true,
      rarity: 0,
    };
  }
  // Per side-table entry: per region, the start offset of the disaster when a confirmation of it counts there.
  const starts = s.extraKeys.map((key) => {
    const e = parseExtraKey(key);
    if (e.kind !== 'damage') return undefined;
    const d = selected.find((x) => x.id === e.disasterId);
    if (d === undefined) return undefined;
    const start = dayOffset(d.startDate);
    return s.regions.map((code) => (d.regionCodes.includes(code) ? start : -1));
  });
  const items = s.extras.items;
  return {
    run: sparseKernel3(s.extras.rows, s.extras.start, (from, to, row) => {
      const r = region[row]!;
      let acc = F;
      for (let k = from; k < to; k++) {
        const start = starts[items[k]!]?.[r];
        if (start === undefined || start < 0) continue;
        const x = operatingAt(row, start);
        if (x === T) return T;
        if (x === U) acc = U;
      }
      return acc;
    }),
    unknown: true,
    rarity: 0,
  };
}

/** Compiles a condition for a snapshot and evaluation date. */
export function compileLeaf(c: Condition, s: Snapshot, ctx: LeafContext): CompiledLeaf {
  const cols = s.cols;
  const A = ctx.asOf.offset;
  const { opening, previous, flagValue } = cols;
  const notOpened = (i: number, o: number) =>
    (flagValue[i]! & PRE_STARTUP_BIT) !== 0 || (o !== ABSENT16 && o > A);
  switch (c.type) {
    case 'region': {
      const inside = c.op === 'in';
      const table = dictTable(s.regions, (code) => c.codes.some((r) => regionCovers(r, code)) === inside);
      const run = dictionaryKernel(cols.region, s.regions.length, table, ctx.indexes?.region);
      return { run, unknown: false, rarity: inside ? 1 : 3 };
    }
    case 'industry': {
      const inside = c.op === 'in';
      const table = dictTable(s.ksic, (code) => c.codes.some((p) => ksicMatches(code, p)) === inside);
      const run = dictionaryKernel(cols.ksic, s.ksic.length, table, ctx.indexes?.ksic);
      return { run, unknown: false, rarity: inside ? 1 : 3 };
    }
    case 'range':
      return rangeLeaf(c, s, ctx);
    case 'smallBusiness': {
      const limit = new Uint16Array(0x10000);
      const capUnits = new Float64Array(0x10000);
      s.ksic.forEach((code, k) => {
        limit[k] = smallBusinessEmployeeLimit(code);
        // Caps are whole multiples of 1억, so "revenue × unit ≤ cap" is exactly "revenue ≤ cap / unit".
        capUnits[k] = Math.floor(smallBusinessRevenueCap(code) / REVENUE_UNIT);
      });
      // A row with an escaped revenue figure: the same test on its exact revenue (rules/facts.ts).
      const decide = (row: number) => {
        const k = cols.ksic[row]!;
        const e = cols.employees[row]!;
        const revenueForCap = revenueOf(s, 'revenueAvg3y', row) ?? revenueOf(s, 'revenue', row);
        const a = e === ABSENT16 ? U : e < limit[k]! ? T : F;
        const b = revenueForCap === undefined ? U : revenueForCap <= capUnits[k]! * REVENUE_UNIT ? T : F;
        return a === F || b === F ? F : a === U || b === U ? U : T;
      };
      const exact = { revenue: s.exact.revenue, revenueAvg3y: s.exact.revenueAvg3y, decide };
      return {
        run: smallBusinessKernel(cols, limit, capUnits, ABSENT16, ABSENT32, exact),
        unknown: true,
        rarity: 3,
      };
    }
    case 'flag':
      return {
        run: flagKernel(cols.flagKnown, cols.flagValue, FLAG_BIT[c.flag], c.present),
        unknown: true,
        rarity: 2,
      };
    case 'preStartup':
      return { run: bitKernel(cols.flagValue, PRE_STARTUP_BIT), unknown: false, rarity: 0 };
    case 'priorSupport': {
      const since = c.withinYears === undefined ? Number.NEGATIVE_INFINITY : ctx.asOf.year - c.withinYears;
      const counts = Uint8Array.from(s.extraKeys, (key) => {
        const e = parseExtraKey(key);
        return e.kind === 'priorSupport' && e.programId === c.programId && e.year >= since ? 1 : 0;
      });
      const { rows, start, items } = s.extras;
      return {
        run: priorSupportKernel(rows, start, items, counts, c.present ? 1 : 0),
        unknown: false,
        rarity: c.present ? 0 : 3,
      };
    }
    case 'disasterArea':
    case 'disasterDamage':
      return disasterLeaf(c, s, ctx);
    case 'openedBefore':
      return { run: openedBeforeKernel(dateColumns(s), A, dayOffset(c.date)), unknown: true, rarity: 2 };
    case 'operating': {
      const D = c.date === undefined ? A : dayOffset(c.date);
      return { run: operatingKernel(dateColumns(s), A, D), unknown: true, rarity: 3 };
    }
    case 'closure': {
      const within = c.withinDays ?? Number.POSITIVE_INFINITY;
      const run = closureKernel(dateColumns(s), A, within, c.status !== 'closed', c.status !== 'planned');
      return { run, unknown: false, rarity: 0 };
    }
    case 'restart': {
      const P = packedDays();
      const years = c.withinYears;
      return {
        run: perRow((i) => {
          const prev = previous[i]!;
          if (prev === ABSENT16) return F;
          const o = opening[i]!;
          if (notOpened(i, o)) return F;
          if (o === ABSENT16) return U;
          return prev <= o && o <= addYearsOffset(P, prev, years) ? T : F;
        }),
        unknown: true,
        rarity: 0,
      };
    }
    case 'stage': {
      const table = new Uint8Array(256);
      LIFECYCLE_STAGES.forEach((stage, k) => {
        table[k] = c.stages.includes(stage) ? T : F;
      });
      table[STAGE_UNKNOWN] = U;
      const column = builtStageColumn(s, ctx.asOf.iso);
      // Many rules over a row range (a full-match worker): the stages of each block as it comes, rather
      // than a column of every row of the snapshot first.
      if (!column && ctx.indexes) {
        const stages = new Uint8Array(BLOCK_ROWS);
        const lookUp = table8TU(stages, table);
        const asOf = ctx.asOf;
        return {
          run: (r0, r1, Tw, Uw, off) => {
            fillStages(s, asOf, r0, r1, stages);
            lookUp(0, r1 - r0, Tw, Uw, off);
          },
          unknown: true,
          rarity: 2,
        };
      }
      return { run: table8TU(column ?? stageColumn(s, ctx.asOf.iso), table), unknown: true, rarity: 2 };
    }
  }
}
