/**
 * One rule over a snapshot: the eligible rows as a bitset (bit r of word r >> 5 is row r), the same answer
 * as `evaluateRule(rule, profile, ctx).eligible` for every row.
 */
import type { Rule } from '../rules/types';
import { type PlanOptions, type RuleContext, RulePlan, scanRules } from './plan';
import type { Snapshot } from './snapshot';

export interface CompiledRule {
  readonly rule: Rule;
  /** Eligible rows as a bitset of ceil(rows / 32) words. */
  evaluate(): Uint32Array;
}

/** Compiles a rule into a vectorized filter over the snapshot for the context's date and disasters. */
export function compileRule(
  rule: Rule,
  ctx: RuleContext,
  snapshot: Snapshot,
  options: PlanOptions = {},
): CompiledRule {
  const plan = new RulePlan(snapshot, [rule], ctx, options);
  return {
    rule,
    evaluate() {
      const out = new Uint32Array((snapshot.rows + 31) >>> 5);
      scanRules(plan, (r0, rows, eligible) => {
        out.set(eligible[0]!.subarray(0, (rows + 31) >>> 5), r0 >>> 5);
      });
      return out;
    },
  };
}

/** Number of set bits in a 32-bit word. */
export function popcount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/** Set bits of a bitset. */
export function countBits(bits: Uint32Array | Int32Array): number {
  let n = 0;
  for (let w = 0; w < bits.length; w++) if (bits[w] !== 0) n += popcount(bits[w]!);
  return n;
}

/** Whether row `row` is set in a bitset. */
export const hasRow = (bits: Uint32Array, row: number): boolean =>
  ((bits[row >>> 5]! >>> (row & 31)) & 1) === 1;
