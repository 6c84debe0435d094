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
  /** A millisecond clock (`performance.now`): when given, the result says where the time went (`timings`). */
  clock?: () => number;
}

/** Where a full match spent its time, in milliseconds. */
export interface FullMatchTimings {
  /** Compiling the rules into one plan (conditions, lookup tables, shared conjunctions). */
  compileMs: number;
  /** The condition kernels, block by block. */
  conditionsMs: number;
  /** Combining condition words into each rule's eligible words (all / any / not). */
  combineMs: number;
  /** Counting, and building the per-business sets or bitsets from the eligible words. */
  setsMs: number;
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
  /** With a clock in the options. */
  timings?: FullMatchTimings;
}

/** Slots per row of the per-block scratch lists; a row with more matches is listed from the bitsets. */
const ROW_SLOTS = 128;
/** Rows whose lists are gathered at a time (so that the scratch lists stay in cache): 64 words. */
const GATHER_WORDS = 64;

/** Evaluates all programs over the snapshot's rows in one pass. */
export function fullMatch(
  snapshot: Snapshot,
  programs: readonly MatchProgram[],
  ctx: RuleContext,
  options: FullMatchOptions = {},
): FullMatchResult {
  const sorted = [...programs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const clock = options.clock;
  const compileStarted = clock ? clock() : 0;
  const plan = new RulePlan(
    snapshot,
    sorted.map((p) => p.rule),
    ctx,
    clock ? { clock } : {},
  );
  const compileMs = clock ? clock() - compileStarted : 0;
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
  const perRow = new Uint32Array(GATHER_WORDS * 32);
  const slots = new Index(withSets ? GATHER_WORDS * 32 * ROW_SLOTS : 0);
  let evaluateMs = 0;
  let setsMs = 0;
  let blockStarted = clock ? clock() : 0;

  scanRules(
    plan,
    (r0, rows, eligible) => {
      const setsStarted = clock ? clock() : 0;
      if (clock) evaluateMs += setsStarted - blockStarted;
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
      } else {
        // A few words of rows at a time, one pass over the programs in ascending order lists each row's
        // programs, sorted, in its scratch slots; then the lists are copied out row by row.
        for (let w0 = 0; w0 < blockWords; w0 += GATHER_WORDS) {
          const w1 = Math.min(w0 + GATHER_WORDS, blockWords);
          const first = w0 << 5;
          const count = Math.min(rows, w1 << 5) - first;
          perRow.fill(0, 0, count);
          let gathered = 0;
          for (let p = 0; p < eligible.length; p++) {
            const bits = eligible[p]!;
            let n = 0;
            for (let w = w0; w < w1; w++) {
              let x = bits[w]!;
              while (x !== 0) {
                const i = ((w - w0) << 5) + 31 - Math.clz32(x & -x);
                const c = perRow[i]!;
                if (c < ROW_SLOTS) slots[i * ROW_SLOTS + c] = p;
                perRow[i] = c + 1;
                x &= x - 1;
                n++;
              }
            }
            counts[p]! += n;
            gathered += n;
          }
          if (pairs + gathered > indexes.length) {
            const grown = new Index(Math.max(indexes.length * 2, pairs + gathered));
            grown.set(indexes);
            indexes = grown;
          }
          let at = pairs;
          const row0 = r0 - rowStart + first;
          for (let i = 0; i < count; i++) {
            const c = perRow[i]!;
            if (c <= ROW_SLOTS) {
              const from = i * ROW_SLOTS;
              for (let k = 0; k < c; k++) indexes[at + k] = slots[from + k]!;
            } else {
              // More matches than slots: read this row's bit in every program (rare).
              const w = w0 + (i >>> 5);
              const bit = 1 << (i & 31);
              let k = 0;
              for (let p = 0; p < eligible.length; p++)
                if ((eligible[p]![w]! & bit) !== 0) indexes[at + k++] = p;
            }
            at += c;
            offsets[row0 + i + 1] = at;
          }
          pairs = at;
        }
      }
      if (clock) {
        blockStarted = clock();
        setsMs += blockStarted - setsStarted;
      }
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
    ...(clock
      ? {
          timings: {
            compileMs,
            conditionsMs: plan.conditionMs,
            combineMs: evaluateMs - plan.conditionMs,
            setsMs,
          },
        }
      : {}),
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
