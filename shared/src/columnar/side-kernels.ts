/**
 * Kernels over the sparse side table (prior support, damage confirmations) and over per-block inverted
 * indexes of the dictionary columns. Same conventions as kernels.ts.
 */
import { type Kernel, lowerBound } from './kernel-base';

export { exactValueAt, lowerBound, patchRows } from './kernel-base';

/**
 * Three-valued kernel over side-table rows: rows without entries are false; `decide` gives T, F or U
 * (kernels.ts) for a row with entries.
 */
export function sparseKernel3(
  rows: Uint32Array,
  start: Uint32Array,
  decide: (from: number, to: number, row: number) => number,
): Kernel {
  return (r0, r1, Tw, Uw, off) => {
    const words = (r1 - r0 + 31) >>> 5;
    Tw.fill(0, off, off + words);
    Uw.fill(0, off, off + words);
    const last = lowerBound(rows, r1);
    for (let j = lowerBound(rows, r0); j < last; j++) {
      const row = rows[j]!;
      const at = row - r0;
      const x = decide(start[j]!, start[j + 1]!, row);
      if (x === 1) Tw[off + (at >>> 5)]! |= 1 << (at & 31);
      else if (x === 2) Uw[off + (at >>> 5)]! |= 1 << (at & 31);
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
