/**
 * Kernels of the date conditions (operating, opened before, business age, closure). Most businesses are
 * plain: opening date known, not a pre-startup founder, no closure date. For them each condition is one or
 * two comparisons on the opening (or planned-closure) day, done branch-free over every row. The few others
 * (listed once per snapshot, `dateExceptions`) are then decided row by row with the full logic of
 * rules/facts.ts and written over the fast result. Same conventions as kernels.ts.
 */
import { type Kernel, patchRows } from './kernel-base';

/** Date columns, the pre-startup bit, and the rows that are not plain (ascending). */
export interface DateColumns {
  opening: Uint16Array;
  closure: Uint16Array;
  planned: Uint16Array;
  flagValue: Uint16Array;
  absent: number;
  preBit: number;
  exceptions: Uint32Array;
}

/** Rows that are pre-startup founders, have no opening date, or have a closure date. */
export function findDateExceptions(d: Omit<DateColumns, 'exceptions'>): Uint32Array {
  const rows: number[] = [];
  const { opening, closure, flagValue, absent, preBit } = d;
  for (let i = 0; i < opening.length; i++) {
    if ((flagValue[i]! & preBit) !== 0 || opening[i] === absent || closure[i] !== absent) rows.push(i);
  }
  return Uint32Array.from(rows);
}

/** Writes each exception row of [r0, r1) from `decide` (0 false, 1 true, 2 unknown). */
function patchExceptions(
  d: DateColumns,
  r0: number,
  r1: number,
  Tw: Int32Array,
  Uw: Int32Array,
  off: number,
  withUnknown: boolean,
  decide: (i: number) => number,
): void {
  patchRows(d.exceptions, r0, r1, Tw, Uw, off, withUnknown, decide);
}

/** Plain rows: true when the opening day lies in (after, by]; unknown never. */
function openingWindow(
  d: DateColumns,
  r0: number,
  r1: number,
  Tw: Int32Array,
  Uw: Int32Array,
  off: number,
  after: number,
  by: number,
) {
  const opening = d.opening;
  let w = off;
  for (let base = r0; base < r1; base += 32) {
    const end = Math.min(base + 32, r1);
    let t = 0;
    for (let i = base; i < end; i++) {
      const o = opening[i]!;
      t |= (+(o > after) & +(o <= by)) << (i - base);
    }
    Tw[w] = t;
    Uw[w++] = 0;
  }
}

/**
 * Operating on day D (`operatingOn`): not a pre-startup founder on the as-of day A, not closed on or
 * before D, opened on or before D; unknown without an opening date.
 */
export function operatingKernel(d: DateColumns, A: number, D: number): Kernel {
  const decide = (i: number) => {
    const o = d.opening[i]!;
    const cl = d.closure[i]!;
    if ((d.flagValue[i]! & d.preBit) !== 0 || (o !== d.absent && o > A)) return 0;
    if (cl !== d.absent && cl <= D) return 0;
    if (o === d.absent) return 2;
    return o <= D ? 1 : 0;
  };
  const by = Math.min(A, D);
  return (r0, r1, Tw, Uw, off) => {
    openingWindow(d, r0, r1, Tw, Uw, off, Number.NEGATIVE_INFINITY, by);
    patchExceptions(d, r0, r1, Tw, Uw, off, true, decide);
  };
}

/** Opened strictly before day D (false for a pre-startup founder, unknown without an opening date). */
export function openedBeforeKernel(d: DateColumns, A: number, D: number): Kernel {
  const decide = (i: number) => {
    const o = d.opening[i]!;
    if ((d.flagValue[i]! & d.preBit) !== 0 || (o !== d.absent && o > A)) return 0;
    if (o === d.absent) return 2;
    return o < D ? 1 : 0;
  };
  // Opening days are integers: o < D is o ≤ D − 1.
  const by = Math.min(A, Math.ceil(D) - 1);
  return (r0, r1, Tw, Uw, off) => {
    openingWindow(d, r0, r1, Tw, Uw, off, Number.NEGATIVE_INFINITY, by);
    patchExceptions(d, r0, r1, Tw, Uw, off, true, decide);
  };
}

/**
 * Business age within [lo, hi] whole years (`years`) or days, up to the closure for a closed business;
 * false for a pre-startup founder, unknown without an opening date. A plain business is open on A and
 * qualifies when its opening day lies in (openAfter, openBy] (precomputed from A); a closed one is measured
 * to its closure with `packed`, the civil date of every day offset.
 */
export function businessAgeKernel(
  d: DateColumns,
  A: number,
  openAfter: number,
  openBy: number,
  packed: Int32Array,
  years: boolean,
  lo: number,
  hi: number,
): Kernel {
  const decide = (i: number) => {
    const o = d.opening[i]!;
    if ((d.flagValue[i]! & d.preBit) !== 0 || (o !== d.absent && o > A)) return 0;
    if (o === d.absent) return 2;
    const cl = d.closure[i]!;
    if (cl === d.absent || cl > A) return o > openAfter && o <= openBy ? 1 : 0;
    let v: number;
    if (years) {
      const pe = packed[cl]!;
      const po = packed[o]!;
      v = (pe >> 9) - (po >> 9) - ((pe & 511) < (po & 511) ? 1 : 0);
    } else v = cl - o;
    return v >= lo && v <= hi ? 1 : 0;
  };
  const by = Math.min(A, openBy);
  return (r0, r1, Tw, Uw, off) => {
    openingWindow(d, r0, r1, Tw, Uw, off, openAfter, by);
    patchExceptions(d, r0, r1, Tw, Uw, off, true, decide);
  };
}

/**
 * Closure planned and not yet closed, and/or closed on or before A within `within` days. Plain rows have no
 * closure date, so only a planned closure can make them true.
 */
export function closureKernel(
  d: DateColumns,
  A: number,
  within: number,
  planned: boolean,
  closed: boolean,
): Kernel {
  const decide = (i: number) => {
    const cl = d.closure[i]!;
    const isClosed = cl !== d.absent && cl <= A;
    if (closed && isClosed && A - cl <= within) return 1;
    return planned && !isClosed && d.planned[i] !== d.absent ? 1 : 0;
  };
  const wantPlanned = planned ? 1 : 0;
  return (r0, r1, Tw, Uw, off) => {
    const plannedCol = d.planned;
    const absent = d.absent;
    const wp = wantPlanned;
    let w = off;
    for (let base = r0; base < r1; base += 32) {
      const end = Math.min(base + 32, r1);
      let t = 0;
      for (let i = base; i < end; i++) t |= (wp & +(plannedCol[i] !== absent)) << (i - base);
      Tw[w++] = t;
    }
    patchExceptions(d, r0, r1, Tw, Uw, off, false, decide);
  };
}
