/**
 * Loop kernels: each fills the truth of one condition for rows [r0, r1) as bit words, bit b of word w
 * being row r0 + 32·w + b. `T` gets the true bits and `U` the unknown ones (false is neither). Every
 * kernel is a tight loop over typed arrays with per-dictionary lookup tables precomputed by the compiler;
 * rows beyond r1 in the last word are left 0.
 *
 * The kernels look alike on purpose. A u8 and a u16 variant are two functions, not one taking
 * `Uint8Array | Uint16Array`: closures made by one function share V8's type feedback, so a shared loop would
 * see both array types and its element loads turn polymorphic — in the full match's innermost loop.
 */

import { type Kernel, patchRows } from './kernel-base';

export type { Kernel } from './kernel-base';

/** Tri-state codes of the lookup tables. */
export const F = 0;
export const T = 1;
export const U = 2;

/** True bits from a 0/1 table indexed by a u16 column (region, industry). */
export function table16T(col: Uint16Array, table: Uint8Array): Kernel {
  return (r0, r1, Tw, _Uw, off) => {
    const c = col;
    const tb = table;
    let w = off;
    for (let base = r0; base < r1; base += 32) {
      const end = Math.min(base + 32, r1);
      let t = 0;
      for (let i = base; i < end; i++) t |= tb[c[i]!]! << (i - base);
      Tw[w++] = t;
    }
  };
}

/** True and unknown bits from a tri-state table indexed by a u16 column. */
export function table16TU(col: Uint16Array, table: Uint8Array): Kernel {
  return (r0, r1, Tw, Uw, off) => {
    const c = col;
    const tb = table;
    let w = off;
    for (let base = r0; base < r1; base += 32) {
      const end = Math.min(base + 32, r1);
      let t = 0;
      let u = 0;
      for (let i = base; i < end; i++) {
        const x = tb[c[i]!]!;
        const b = i - base;
        t |= (x & 1) << b;
        u |= (x >> 1) << b;
      }
      Tw[w] = t;
      Uw[w++] = u;
    }
  };
}

/** True and unknown bits from a tri-state table indexed by a u8 column (owner birth year, stage). */
export function table8TU(col: Uint8Array, table: Uint8Array): Kernel {
  return (r0, r1, Tw, Uw, off) => {
    const c = col;
    const tb = table;
    let w = off;
    for (let base = r0; base < r1; base += 32) {
      const end = Math.min(base + 32, r1);
      let t = 0;
      let u = 0;
      for (let i = base; i < end; i++) {
        const x = tb[c[i]!]!;
        const b = i - base;
        t |= (x & 1) << b;
        u |= (x >> 1) << b;
      }
      Tw[w] = t;
      Uw[w++] = u;
    }
  };
}

/** A u16 integer column within [lo, hi]; `absent` is unknown. Branch-free. */
export function range16(col: Uint16Array, absent: number, lo: number, hi: number): Kernel {
  return (r0, r1, Tw, Uw, off) => {
    const lo_ = lo;
    const hi_ = hi;
    const abs = absent;
    const c = col;
    let w = off;
    for (let base = r0; base < r1; base += 32) {
      const end = Math.min(base + 32, r1);
      let t = 0;
      let u = 0;
      for (let i = base; i < end; i++) {
        const x = c[i]!;
        const known = +(x !== abs);
        const b = i - base;
        t |= (known & +(x >= lo_) & +(x <= hi_)) << b;
        u |= (known ^ 1) << b;
      }
      Tw[w] = t;
      Uw[w++] = u;
    }
  };
}

/**
 * A u32 column times `unit` within [lo, hi], the integer interval of the bounds (exact: the product is an
 * integer below 2^53); the rows of `exact` (escaped in the column) are decided by `within` on their exact
 * values. Branch-free: the outcome of a bound is
 * data, not control flow, so a bound that splits the rows costs no mispredictions.
 */
export function rangeScaled32(
  col: Uint32Array,
  absent: number,
  unit: number,
  lo: number,
  hi: number,
  exact: { rows: Uint32Array; values: Float64Array },
  within: (value: number) => boolean,
): Kernel {
  // Escaped figures need not be whole numbers: the bounds themselves decide, not their integer interval.
  const decide = (_row: number, j: number) => (within(exact.values[j]!) ? 1 : 0);
  return (r0, r1, Tw, Uw, off) => {
    const lo_ = lo;
    const hi_ = hi;
    const abs = absent;
    const scale = unit;
    const c = col;
    let w = off;
    for (let base = r0; base < r1; base += 32) {
      const end = Math.min(base + 32, r1);
      let t = 0;
      let u = 0;
      for (let i = base; i < end; i++) {
        const x = c[i]!;
        const v = x * scale;
        const known = +(x !== abs);
        const b = i - base;
        t |= (known & +(v >= lo_) & +(v <= hi_)) << b;
        u |= (known ^ 1) << b;
      }
      Tw[w] = t;
      Uw[w++] = u;
    }
    if (exact.rows.length > 0) patchRows(exact.rows, r0, r1, Tw, Uw, off, true, decide);
  };
}

/** A flag is known and equals `present`; unknown when not known. Bit arithmetic only. */
export function flagKernel(known: Uint16Array, value: Uint16Array, bit: number, present: boolean): Kernel {
  const shift = 31 - Math.clz32(bit);
  const flip = present ? 0 : 1;
  return (r0, r1, Tw, Uw, off) => {
    const sh = shift;
    const fl = flip;
    const k = known;
    const v = value;
    let w = off;
    for (let base = r0; base < r1; base += 32) {
      const end = Math.min(base + 32, r1);
      let t = 0;
      let u = 0;
      for (let i = base; i < end; i++) {
        const kb = (k[i]! >>> sh) & 1;
        const b = i - base;
        t |= (kb & (((v[i]! >>> sh) & 1) ^ fl)) << b;
        u |= (kb ^ 1) << b;
      }
      Tw[w] = t;
      Uw[w++] = u;
    }
  };
}

/** A bit of a u16 mask column is set (pre-startup). */
export function bitKernel(col: Uint16Array, bit: number): Kernel {
  const shift = 31 - Math.clz32(bit);
  return (r0, r1, Tw, _Uw, off) => {
    const sh = shift;
    const c = col;
    let w = off;
    for (let base = r0; base < r1; base += 32) {
      const end = Math.min(base + 32, r1);
      let t = 0;
      for (let i = base; i < end; i++) t |= ((c[i]! >>> sh) & 1) << (i - base);
      Tw[w++] = t;
    }
  };
}

/**
 * A per-row tri-state function (0 false, 1 true, 2 unknown), for the conditions on dates whose per-row
 * logic has several steps. Each use gets its own copy of the loop so that V8 inlines `f`.
 */
export function perRow(f: (i: number) => number): Kernel {
  const run = new Function(
    'f',
    `return function perRow(r0, r1, Tw, Uw, off) {
      let w = off;
      for (let base = r0; base < r1; base += 32) {
        const end = base + 32 < r1 ? base + 32 : r1;
        let t = 0;
        let u = 0;
        for (let i = base; i < end; i++) {
          const x = f(i);
          const b = i - base;
          t |= (x & 1) << b;
          u |= (x >> 1) << b;
        }
        Tw[w] = t;
        Uw[w++] = u;
      }
    };`,
  ) as (f: (i: number) => number) => Kernel;
  return run(f);
}

/** The escaped revenue rows of a snapshot, and the exact small-business test for one of those rows. */
export interface SmallBusinessExact {
  revenue: { rows: Uint32Array };
  revenueAvg3y: { rows: Uint32Array };
  decide: (row: number) => number;
}

/** Fewer employees than the industry limit, and revenue (3-year average, else last year) within its cap. */
export function smallBusinessKernel(
  cols: { employees: Uint16Array; revenue: Uint32Array; revenueAvg3y: Uint32Array; ksic: Uint16Array },
  limit: Uint16Array,
  capUnits: Float64Array,
  absent16: number,
  absent32: number,
  exact: SmallBusinessExact,
): Kernel {
  const patch = exact.revenue.rows.length > 0 || exact.revenueAvg3y.rows.length > 0;
  return (r0, r1, Tw, Uw, off) => {
    const lim = limit;
    const caps = capUnits;
    const abs16 = absent16;
    const abs32 = absent32;
    const { employees, revenue, revenueAvg3y, ksic } = cols;
    let w = off;
    for (let base = r0; base < r1; base += 32) {
      const end = Math.min(base + 32, r1);
      let t = 0;
      let u = 0;
      for (let i = base; i < end; i++) {
        const k = ksic[i]!;
        const e = employees[i]!;
        const avg = revenueAvg3y[i]!;
        const rev = revenue[i]!;
        const avgKnown = +(avg !== abs32);
        // The 3-year average when known, else last year's revenue (exact arithmetic select).
        const r = rev + (avg - rev) * avgKnown;
        const eKnown = +(e !== abs16);
        const rKnown = +(r !== abs32);
        const eOk = +(e < lim[k]!);
        const rOk = +(r <= caps[k]!);
        const yes = eKnown & eOk & rKnown & rOk;
        const no = (eKnown & (eOk ^ 1)) | (rKnown & (rOk ^ 1));
        const b = i - base;
        t |= yes << b;
        u |= ((yes | no) ^ 1) << b;
      }
      Tw[w] = t;
      Uw[w++] = u;
    }
    if (patch) {
      patchRows(exact.revenue.rows, r0, r1, Tw, Uw, off, true, exact.decide);
      patchRows(exact.revenueAvg3y.rows, r0, r1, Tw, Uw, off, true, exact.decide);
    }
  };
}
