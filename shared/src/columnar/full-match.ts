/**
 * Full match: every business of a snapshot (or a row range of it) against every program, giving per-program
 * counts and each business's sorted set of matching programs (CSR: offsets into one index array).
 */
import type { Rule } from '../rules/types';
import { popcount } from './compile';
import { type RuleContext, RulePlan, scanRules } from './plan';
import type { Snapshot } from './snapshot';

export interface MatchProgram {
  id: string;
  rule: Rule;
}

export interface FullMatchOptions {
  /** First row (a multiple of 32). @default 0 */
  rowStart?: number;
  /** End row (exclusive). @default snapshot.rows */
  rowEnd?: number;
  /**
   * What to keep besides the counts: each business's sorted program set (`sets`), each program's eligible
   * rows as a bitset (`bitsets`, cheaper to build), or nothing (`counts`). @default 'sets'
   */
  output?: 'sets' | 'bitsets' | 'counts';
}

export interface FullMatchResult {
  /** Program ids in ascending order; set entries index this list. */
  programIds: string[];
  /** Matching businesses per program (same order as programIds). */
  counts: Uint32Array;
  rowStart: number;
  rowEnd: number;
  /** Business-program pairs that match. */
  pairs: number;
  /** Distinct conditions across all rules (each evaluated once per row). */
  distinctConditions: number;
  /** Row r's programs are indexes[offsets[r - rowStart]] … indexes[offsets[r - rowStart + 1] - 1]. */
  offsets?: Uint32Array;
  indexes?: Uint16Array | Uint32Array;
  /** Per program (programIds order), bit r - rowStart is set when row r matches. */
  bitsets?: Int32Array[];
}

/** Evaluates all programs over the snapshot's rows in one pass. */
export function fullMatch(
  snapshot: Snapshot,
  programs: readonly MatchProgram[],
  ctx: RuleContext,
  options: FullMatchOptions = {},
): FullMatchResult {
  const sorted = [...programs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const plan = new RulePlan(
    snapshot,
    sorted.map((p) => p.rule),
    ctx,
  );
  const rowStart = options.rowStart ?? 0;
  const rowEnd = Math.min(options.rowEnd ?? snapshot.rows, snapshot.rows);
  const output = options.output ?? 'sets';
  const withSets = output === 'sets';
  const words = (rowEnd - rowStart + 31) >>> 5;
  const bitsets = output === 'bitsets' ? sorted.map(() => new Int32Array(words)) : undefined;
  const counts = new Uint32Array(sorted.length);
  const offsets = withSets ? new Uint32Array(rowEnd - rowStart + 1) : undefined;
  const Index = sorted.length <= 0x10000 ? Uint16Array : Uint32Array;
  let indexes: Uint16Array | Uint32Array = new Index(withSets ? Math.max(1024, (rowEnd - rowStart) * 4) : 0);
  let pairs = 0;
  const perRow = new Uint32Array(32 * 256 + 1);

  scanRules(
    plan,
    (r0, rows, eligible) => {
      const blockWords = (rows + 31) >>> 5;
      if (!offsets) {
        const at = (r0 - rowStart) >>> 5;
        for (let p = 0; p < eligible.length; p++) {
          const bits = eligible[p]!;
          let n = 0;
          for (let w = 0; w < blockWords; w++) if (bits[w] !== 0) n += popcount(bits[w]!);
          counts[p]! += n;
          pairs += n;
          if (bitsets) bitsets[p]!.set(bits.subarray(0, blockWords), at);
        }
        return;
      }
      // Count per row (and per program), then fill: programs are visited in ascending order, so each
      // row's list comes out sorted.
      perRow.fill(0, 0, rows + 1);
      let blockPairs = 0;
      for (let p = 0; p < eligible.length; p++) {
        const bits = eligible[p]!;
        let n = 0;
        for (let w = 0; w < blockWords; w++) {
          let x = bits[w]!;
          while (x !== 0) {
            perRow[(w << 5) + 32 - Math.clz32(x & -x)]!++;
            x &= x - 1;
            n++;
          }
        }
        counts[p]! += n;
        blockPairs += n;
      }
      const base = pairs;
      for (let i = 0; i < rows; i++) {
        perRow[i + 1]! += perRow[i]!;
        offsets[r0 - rowStart + i + 1] = base + perRow[i + 1]!;
      }
      if (base + blockPairs > indexes.length) {
        const grown = new Index(Math.max(indexes.length * 2, base + blockPairs));
        grown.set(indexes);
        indexes = grown;
      }
      for (let p = 0; p < eligible.length; p++) {
        const bits = eligible[p]!;
        for (let w = 0; w < blockWords; w++) {
          let x = bits[w]!;
          while (x !== 0) {
            const i = (w << 5) + 31 - Math.clz32(x & -x);
            indexes[base + perRow[i]!++] = p;
            x &= x - 1;
          }
        }
      }
      pairs += blockPairs;
    },
    rowStart,
    rowEnd,
  );

  return {
    programIds: sorted.map((p) => p.id),
    counts,
    rowStart,
    rowEnd,
    pairs,
    distinctConditions: plan.distinctConditions,
    ...(offsets ? { offsets, indexes: indexes.subarray(0, pairs) } : {}),
    ...(bitsets ? { bitsets } : {}),
  };
}

/** The sorted ids of the programs row `row` matches. */
export function matchesOf(result: FullMatchResult, row: number): string[] {
  const r = row - result.rowStart;
  const out: string[] = [];
  if (result.offsets && result.indexes) {
    for (let k = result.offsets[r]!; k < result.offsets[r + 1]!; k++)
      out.push(result.programIds[result.indexes[k]!]!);
  } else if (result.bitsets) {
    result.bitsets.forEach((bits, p) => {
      if ((bits[r >>> 5]! >>> (r & 31)) & 1) out.push(result.programIds[p]!);
    });
  } else throw new Error('full match kept only counts');
  return out;
}
