/**
 * Loop kernels: each fills the truth of one condition for rows [r0, r1) as bit words, bit b of word w
 * being row r0 + 32·w + b. `T` gets the true bits and `U` the unknown ones (false is neither). Every
 * kernel is a tight loop over typed arrays with per-dictionary lookup tables precomputed by the compiler;
 * rows beyond r1 in the last word are left 0.
 */

/** Fills words `off …` of T and U with rows [r0, r1) (r0 a multiple of 32). */
export type Kernel = (r0: number, r1: number, T: Int32Array, U: Int32Array, off: number) => void;

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
 * A u32 column times `unit` within [lo, hi] (exact: the product is an integer below 2^53). Branch-free:
 * the outcome of a bound is data, not control flow, so a bound that splits the rows costs no mispredictions.
 */
export function rangeScaled32(
  col: Uint32Array,
  absent: number,
  unit: number,
  lo: number,
  hi: number,
): Kernel {
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

/** First index of `rows` (ascending) that is ≥ `row`. */
export function lowerBound(rows: Uint32Array, row: number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (rows[mid]! < row) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * A condition decided by the sparse side table: rows without entries get `fallback`; a row with entries
 * gets `decide(entryStart, entryEnd, row)` (0 or 1).
 */
export function sparseKernel(
  rows: Uint32Array,
  start: Uint32Array,
  fallback: 0 | 1,
  decide: (from: number, to: number, row: number) => number,
): Kernel {
  return (r0, r1, Tw, _Uw, off) => {
    const words = (r1 - r0 + 31) >>> 5;
    Tw.fill(fallback ? -1 : 0, off, off + words);
    if (fallback && (r1 - r0) % 32 !== 0) Tw[off + words - 1] = (1 << ((r1 - r0) % 32)) - 1;
    const last = lowerBound(rows, r1);
    for (let j = lowerBound(rows, r0); j < last; j++) {
      const row = rows[j]!;
      const at = row - r0;
      const bit = 1 << (at & 31);
      if (decide(start[j]!, start[j + 1]!, row)) Tw[off + (at >>> 5)]! |= bit;
      else Tw[off + (at >>> 5)]! &= ~bit;
    }
  };
}

/** Date columns and the pre-startup bit, which several date conditions read. */
export interface DateColumns {
  opening: Uint16Array;
  closure: Uint16Array;
  planned: Uint16Array;
  flagValue: Uint16Array;
  absent: number;
  preBit: number;
}

/**
 * Operating on day D (`operatingOn`): not a pre-startup founder on the as-of day A, not closed on or
 * before D, then opened on or before D (unknown without an opening date). Branch-free.
 */
export function operatingKernel(d: DateColumns, A: number, D: number): Kernel {
  return (r0, r1, Tw, Uw, off) => {
    const a = A;
    const day = D;
    const { opening, closure, flagValue, absent, preBit } = d;
    const preShift = 31 - Math.clz32(preBit);
    let w = off;
    for (let base = r0; base < r1; base += 32) {
      const end = Math.min(base + 32, r1);
      let t = 0;
      let u = 0;
      for (let i = base; i < end; i++) {
        const o = opening[i]!;
        const cl = closure[i]!;
        const oKnown = +(o !== absent);
        const out =
          ((flagValue[i]! >>> preShift) & 1) | (oKnown & +(o > a)) | (+(cl !== absent) & +(cl <= day));
        const b = i - base;
        t |= ((out ^ 1) & oKnown & +(o <= day)) << b;
        u |= ((out ^ 1) & (oKnown ^ 1)) << b;
      }
      Tw[w] = t;
      Uw[w++] = u;
    }
  };
}

/** Opened strictly before day D (false for a pre-startup founder, unknown without an opening date). */
export function openedBeforeKernel(d: DateColumns, A: number, D: number): Kernel {
  return (r0, r1, Tw, Uw, off) => {
    const a = A;
    const day = D;
    const { opening, flagValue, absent, preBit } = d;
    const preShift = 31 - Math.clz32(preBit);
    let w = off;
    for (let base = r0; base < r1; base += 32) {
      const end = Math.min(base + 32, r1);
      let t = 0;
      let u = 0;
      for (let i = base; i < end; i++) {
        const o = opening[i]!;
        const oKnown = +(o !== absent);
        const out = ((flagValue[i]! >>> preShift) & 1) | (oKnown & +(o > a));
        const b = i - base;
        t |= ((out ^ 1) & oKnown & +(o < day)) << b;
        u |= ((out ^ 1) & (oKnown ^ 1)) << b;
      }
      Tw[w] = t;
      Uw[w++] = u;
    }
  };
}

/**
 * Business age within [lo, hi] whole years (`years`) or days, up to the closure for a closed business;
 * false for a pre-startup founder, unknown without an opening date. A business still open on A qualifies
 * when its opening day lies in (openAfter, openBy] (precomputed from A); a closed one is measured to its
 * closure with `packed`, the civil date of every day offset.
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
  return (r0, r1, Tw, Uw, off) => {
    const a = A;
    const after = openAfter;
    const by = openBy;
    const lo_ = lo;
    const hi_ = hi;
    const inYears = years;
    const { opening, closure, flagValue, absent, preBit } = d;
    const P = packed;
    const preShift = 31 - Math.clz32(preBit);
    let w = off;
    for (let base = r0; base < r1; base += 32) {
      const end = Math.min(base + 32, r1);
      let t = 0;
      let u = 0;
      for (let i = base; i < end; i++) {
        const o = opening[i]!;
        const cl = closure[i]!;
        const oKnown = +(o !== absent);
        const out = ((flagValue[i]! >>> preShift) & 1) | (oKnown & +(o > a));
        const closed = +(cl !== absent) & +(cl <= a);
        const b = i - base;
        u |= ((out ^ 1) & (oKnown ^ 1)) << b;
        // Open on a: the opening day lies in the window. Closed (few rows): measured to the closure.
        let inside = +(o > after) & +(o <= by);
        if (closed === 1 && out === 0 && oKnown === 1) {
          let v: number;
          if (inYears) {
            const pe = P[cl]!;
            const po = P[o]!;
            v = (pe >> 9) - (po >> 9) - ((pe & 511) < (po & 511) ? 1 : 0);
          } else v = cl - o;
          inside = +(v >= lo_) & +(v <= hi_);
        }
        t |= ((out ^ 1) & oKnown & inside) << b;
      }
      Tw[w] = t;
      Uw[w++] = u;
    }
  };
}

/** Closure planned and not yet closed, and/or closed on or before A within `within` days. */
export function closureKernel(
  d: DateColumns,
  A: number,
  within: number,
  planned: boolean,
  closed: boolean,
): Kernel {
  const wantClosed = closed ? 1 : 0;
  const wantPlanned = planned ? 1 : 0;
  return (r0, r1, Tw, _Uw, off) => {
    const a = A;
    const withinDays = within;
    const wc = wantClosed;
    const wp = wantPlanned;
    const { closure, planned: plannedCol, absent } = d;
    let w = off;
    for (let base = r0; base < r1; base += 32) {
      const end = Math.min(base + 32, r1);
      let t = 0;
      for (let i = base; i < end; i++) {
        const cl = closure[i]!;
        const isClosed = +(cl !== absent) & +(cl <= a);
        const hit =
          (wc & isClosed & +(a - cl <= withinDays)) | (wp & (isClosed ^ 1) & +(plannedCol[i] !== absent));
        t |= hit << (i - base);
      }
      Tw[w++] = t;
    }
  };
}

/** Fewer employees than the industry limit, and revenue (3-year average, else last year) within its cap. */
export function smallBusinessKernel(
  cols: { employees: Uint16Array; revenue: Uint32Array; revenueAvg3y: Uint32Array; ksic: Uint16Array },
  limit: Uint16Array,
  capUnits: Float64Array,
  absent16: number,
  absent32: number,
): Kernel {
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
  };
}

/**
 * Prior support: rows without side entries get `fallback`; a row with entries is true when whether any
 * entry counts (`counts[item]`) equals `want`.
 */
export function priorSupportKernel(
  rows: Uint32Array,
  start: Uint32Array,
  items: Uint32Array,
  counts: Uint8Array,
  want: number,
): Kernel {
  const fallback = want === 0 ? 1 : 0;
  return (r0, r1, Tw, _Uw, off) => {
    const words = (r1 - r0 + 31) >>> 5;
    Tw.fill(fallback ? -1 : 0, off, off + words);
    if (fallback && (r1 - r0) % 32 !== 0) Tw[off + words - 1] = (1 << ((r1 - r0) % 32)) - 1;
    const last = lowerBound(rows, r1);
    for (let j = lowerBound(rows, r0); j < last; j++) {
      let counted = 0;
      const to = start[j + 1]!;
      for (let k = start[j]!; k < to; k++) counted |= counts[items[k]!]!;
      const at = rows[j]! - r0;
      if (counted === want) Tw[off + (at >>> 5)]! |= 1 << (at & 31);
      else Tw[off + (at >>> 5)]! &= ~(1 << (at & 31));
    }
  };
}

/**
 * For one block of rows at a time, the rows of each value of a dictionary column as bit words (an inverted
 * index rebuilt per block, shared by every condition on that column): a condition true for a few values
 * ORs their words instead of looking up every row.
 */
export class BlockIndex {
  private r0 = -1;
  private r1 = -1;
  /** Words of value v for the current block: bits[v * blockWords … (v + 1) * blockWords - 1]. */
  readonly bits: Int32Array;

  constructor(
    private readonly col: Uint16Array,
    readonly values: number,
    readonly blockWords: number,
  ) {
    this.bits = new Int32Array(values * blockWords);
  }

  /** Builds the index for rows [r0, r1) unless it is already built for them. */
  ensure(r0: number, r1: number): void {
    if (r0 === this.r0 && r1 === this.r1) return;
    this.r0 = r0;
    this.r1 = r1;
    const bits = this.bits;
    const col = this.col;
    const bw = this.blockWords;
    const values = this.values;
    bits.fill(0);
    for (let i = r0; i < r1; i++) {
      const v = col[i]!;
      if (v >= values) continue;
      const at = i - r0;
      bits[v * bw + (at >>> 5)]! |= 1 << (at & 31);
    }
  }
}

/** True for the rows whose value is one of `members` (or, `invert`ed, none of them), through a block index. */
export function indexedKernel(index: BlockIndex, members: Int32Array, invert: boolean): Kernel {
  return (r0, r1, Tw, _Uw, off) => {
    index.ensure(r0, r1);
    const words = (r1 - r0 + 31) >>> 5;
    const bits = index.bits;
    const bw = index.blockWords;
    Tw.fill(0, off, off + words);
    for (let m = 0; m < members.length; m++) {
      const base = members[m]! * bw;
      for (let w = 0; w < words; w++) Tw[off + w]! |= bits[base + w]!;
    }
    if (invert) {
      for (let w = 0; w < words; w++) Tw[off + w] = ~Tw[off + w]!;
      if ((r1 - r0) % 32 !== 0) Tw[off + words - 1]! &= (1 << ((r1 - r0) % 32)) - 1;
    }
  };
}
