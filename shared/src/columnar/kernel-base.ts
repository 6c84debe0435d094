/** What every kernel shares: its signature, the block size, and writing listed rows over a fast result. */

/** Rows per block: 256 words of 32 rows, so every buffer of a block stays in cache. A kernel is never
 * asked for more rows at once. */
export const BLOCK_WORDS = 256;
export const BLOCK_ROWS = BLOCK_WORDS * 32;

/**
 * Fills words `off …` of T (true) and U (unknown) with rows [r0, r1) (r0 a multiple of 32): bit b of word
 * off + w is row r0 + 32·w + b. False is neither bit.
 */
export type Kernel = (r0: number, r1: number, T: Int32Array, U: Int32Array, off: number) => void;

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

/** The exact value of `row` in an exception list (ascending rows). */
export function exactValueAt(list: { rows: Uint32Array; values: Float64Array }, row: number): number {
  const j = lowerBound(list.rows, row);
  if (list.rows[j] !== row) throw new RangeError(`row ${row} has no exact value`);
  return list.values[j]!;
}

/**
 * Writes each row of [r0, r1) listed in `rows` (ascending) from `decide(row)` (0 false, 1 true, 2 unknown)
 * over words `off …` of T (and U when `withUnknown`).
 */
export function patchRows(
  rows: Uint32Array,
  r0: number,
  r1: number,
  Tw: Int32Array,
  Uw: Int32Array,
  off: number,
  withUnknown: boolean,
  decide: (row: number, j: number) => number,
): void {
  for (let j = lowerBound(rows, r0); j < rows.length && rows[j]! < r1; j++) {
    const row = rows[j]!;
    const at = row - r0;
    const word = off + (at >>> 5);
    const bit = 1 << (at & 31);
    const x = decide(row, j);
    Tw[word] = (Tw[word]! & ~bit) | (x === 1 ? bit : 0);
    if (withUnknown) Uw[word] = (Uw[word]! & ~bit) | (x === 2 ? bit : 0);
  }
}
