/**
 * The vectorized evaluation of many rules at once, block by block: each distinct condition (shared by any
 * number of rules) is computed once per block of rows into bit words, then each rule's all/any/not tree
 * combines them in Kleene logic, 32 rows per operation. Irregular rows (see layout.ts) are decided by the
 * per-business engine and written over the vectorized result.
 */
import type { Disaster } from '../disaster/disaster';
import { evaluateLeaves, factsFor, resultOf } from '../rules/evaluate';
import type { Condition, Rule } from '../rules/types';
import { asBusinessProfile, asOfFacts } from './derived';
import { and3, isEmpty, or3 } from './kleene-words';
import type { CachedLeaf, LeafCache } from './leaf-cache';
import { type CompiledLeaf, compileLeaf, type LeafContext } from './leaves';
import { canonical, dependencyKey, leavesOf } from './plan-keys';
import { BlockIndex } from './side-kernels';

export { leavesOf } from './plan-keys';

import type { Snapshot } from './snapshot';

export interface RuleContext {
  /** The evaluation date (YYYY-MM-DD). */
  asOf: string;
  disasters: readonly Disaster[];
}

import { BLOCK_ROWS, BLOCK_WORDS } from './kernel-base';

export { BLOCK_ROWS, BLOCK_WORDS } from './kernel-base';

interface LeafSlot {
  compiled: CompiledLeaf;
  t: Int32Array;
  u: Int32Array;
  /** Block sequence number the buffers were last computed for. */
  stamp: number;
  /** The whole-snapshot result, when it came from the cache. */
  cached?: CachedLeaf;
  /** Whole-snapshot buffers being filled block by block, to go into the cache once complete. */
  recording?: { key: string; t: Int32Array; u: Int32Array; rows: number };
  /** How many places of the plan use the condition. */
  uses: number;
  /** Buffers for the words computed on demand (only where the rule can still be true). */
  lazyT?: Int32Array;
  lazyU?: Int32Array;
}

export interface PlanOptions {
  /** Whole-snapshot condition results to reuse and to add to. */
  cache?: LeafCache;
  /** A millisecond clock (`performance.now`) to time the condition kernels with (`conditionMs`). */
  clock?: () => number;
}

/**
 * A node of the plan. `needU`: whether the node's parent reads its unknown words. Eligible is the true
 * words of the root, so only what lies under a `not` needs unknown; elsewhere `all` and `any` combine true
 * words alone (`T = Ta & Tb`, `T = Ta | Tb`), a third of the work of the full Kleene step.
 */
type PlanNode =
  | { op: 'leaf'; slot: LeafSlot; rarity: number }
  | {
      op: 'all' | 'any';
      kids: PlanNode[];
      t: Int32Array;
      u: Int32Array;
      rarity: number;
      needU: boolean;
      /** Words where the rule can still be true (lazy evaluation); each node its own, as they nest. */
      active?: Int32Array;
      stamp: number;
      res?: Result;
    }
  | {
      /**
       * Many rules: a conjunction of two nodes, true words only. An `all` of k conditions becomes a chain
       * of k − 1 of them, its conditions ordered so that rules sharing conditions share the chain's start
       * (computed once per block for all of them).
       */
      op: 'and2';
      a: PlanNode;
      b: PlanNode;
      t: Int32Array;
      rarity: number;
      stamp: number;
      res?: Result;
    }
  | { op: 'not'; kid: PlanNode; t: Int32Array; u: Int32Array; rarity: number; stamp: number; res?: Result };

/** A node's result for the current block: true words, and unknown words (null when none can be unknown). */
interface Result {
  t: Int32Array;
  u: Int32Array | null;
}

/** The result of a conjunction known to be false on the whole block (never written to). */
const NOTHING: Result = { t: new Int32Array(BLOCK_WORDS), u: null };

export class RulePlan {
  readonly roots: PlanNode[];
  private readonly slots = new Map<string, LeafSlot>();
  private readonly cache: LeafCache | undefined;
  private block = 0;
  private words = 0;
  /** One rule (a preview): conditions after a selective one are computed only where it can still be true. */
  private readonly lazy: boolean;
  private readonly allWords = Int32Array.from({ length: BLOCK_WORDS }, (_, w) => w);
  private lastMask = -1;
  private rowsInBlock = 0;
  /** Times the condition kernels when set (`conditionMs`), for the benchmarks' breakdown. */
  private readonly clock: (() => number) | undefined;
  /** Milliseconds spent in condition kernels, when the plan has a clock. */
  conditionMs = 0;
  /** Per irregular row (ascending), the eligibility under each rule. */
  private readonly irregular: { row: number; eligible: Uint8Array }[];

  constructor(
    readonly snapshot: Snapshot,
    readonly rules: readonly Rule[],
    ctx: RuleContext,
    options: PlanOptions = {},
  ) {
    const leafCtx: LeafContext = { asOf: asOfFacts(ctx.asOf), disasters: ctx.disasters };
    this.lazy = rules.length === 1;
    // Many rules on few regions or industries: one inverted index per block serves them all.
    const dictionaryConditions = rules
      .flatMap(leavesOf)
      .filter((c) => c.type === 'region' || c.type === 'industry');
    if (
      !this.lazy &&
      dictionaryConditions.length >= 4 &&
      snapshot.regions.length <= 4096 &&
      snapshot.ksic.length <= 4096
    )
      leafCtx.indexes = {
        region: new BlockIndex(snapshot.cols.region, snapshot.regions.length, BLOCK_WORDS),
        ksic: new BlockIndex(snapshot.cols.ksic, snapshot.ksic.length, BLOCK_WORDS),
      };
    const cache = options.cache;
    this.cache = cache;
    this.clock = options.clock;
    const disastersKey = cache ? canonical(ctx.disasters) : '';
    const words = (snapshot.rows + 31) >>> 5;
    const buffers = () => ({ t: new Int32Array(BLOCK_WORDS), u: new Int32Array(BLOCK_WORDS) });
    // Many rules: equal subtrees are one node (evaluated once per block), and conjunctions are chains whose
    // start is shared. How often each condition appears under an `all`, to order the chains.
    const shared = new Map<string, PlanNode>();
    const frequency = new Map<string, number>();
    // Keys built bottom-up (each subtree's once), not canonical JSON of every subtree (quadratic in depth).
    const keys = new WeakMap<Rule, string>();
    const keyOf = (r: Rule): string => {
      let key = keys.get(r);
      if (key === undefined) {
        if (r.type === 'all' || r.type === 'any') key = `${r.type}(${r.rules.map(keyOf).join(',')})`;
        else if (r.type === 'not') key = `not(${keyOf(r.rule)})`;
        else key = canonical(r);
        keys.set(r, key);
      }
      return key;
    };
    if (!this.lazy) {
      const count = (r: Rule): void => {
        if (r.type === 'all' || r.type === 'any') {
          for (const k of r.rules) {
            if (r.type === 'all') {
              const key = `t${keyOf(k)}`;
              frequency.set(key, (frequency.get(key) ?? 0) + 1);
            }
            count(k);
          }
        } else if (r.type === 'not') count(r.rule);
      };
      rules.forEach(count);
    }
    const leaf = (r: Condition, key: string): PlanNode => {
      let slot = this.slots.get(key);
      if (!slot) {
        const compiled = compileLeaf(r, snapshot, leafCtx);
        slot = { compiled, stamp: -1, uses: 0, ...buffers() };
        if (cache) {
          const cacheKey = key + dependencyKey(r, ctx.asOf, disastersKey);
          const cached = cache.get(cacheKey);
          if (cached) slot.cached = cached;
          else
            slot.recording = {
              key: cacheKey,
              t: new Int32Array(words),
              u: new Int32Array(compiled.unknown ? words : 0),
              rows: 0,
            };
        }
        this.slots.set(key, slot);
      }
      slot.uses++;
      return { op: 'leaf', slot, rarity: slot.compiled.rarity };
    };
    /** A conjunction of true words only, as a chain of shared pairs: rare conditions first (a block stops
     * early once nothing is true), then the conditions most rules share, so that their chains start alike. */
    const chain = (kids: { key: string; node: PlanNode }[]): { key: string; node: PlanNode } => {
      const order = (k: { key: string; node: PlanNode }) => (k.node.rarity === 0 ? 0 : 1);
      kids.sort(
        (a, b) =>
          order(a) - order(b) ||
          (frequency.get(b.key) ?? 0) - (frequency.get(a.key) ?? 0) ||
          (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
      );
      let acc = kids[0]!;
      for (let k = 1; k < kids.length; k++) {
        const b = kids[k]!;
        const key = `&(${acc.key},${b.key})`;
        let node = shared.get(key);
        if (!node) {
          node = {
            op: 'and2',
            a: acc.node,
            b: b.node,
            t: new Int32Array(BLOCK_WORDS),
            rarity: Math.min(acc.node.rarity, b.node.rarity),
            stamp: -1,
          };
          shared.set(key, node);
        }
        acc = { key, node };
      }
      return acc;
    };
    const build = (r: Rule, needU: boolean): PlanNode => {
      if (r.type !== 'all' && r.type !== 'any' && r.type !== 'not') return leaf(r, keyOf(r));
      const key = `${needU ? 'u' : 't'}${keyOf(r)}`;
      const known = shared.get(key);
      if (known) return known;
      let node: PlanNode;
      if (r.type === 'not') {
        const kid = build(r.rule, true);
        node = { op: 'not', kid, rarity: 3 - kid.rarity, stamp: -1, ...buffers() };
      } else if (r.type === 'all' && !needU && !this.lazy) {
        node = chain(r.rules.map((k) => ({ key: `t${keyOf(k)}`, node: build(k, false) }))).node;
      } else {
        const kids = r.rules.map((k) => build(k, needU));
        // Rarely-true conditions first under all (a block stops once nothing can be true); the reverse under any.
        kids.sort((a, b) => (r.type === 'all' ? a.rarity - b.rarity : b.rarity - a.rarity));
        const rarity =
          r.type === 'all' ? Math.min(...kids.map((k) => k.rarity)) : Math.max(...kids.map((k) => k.rarity));
        node = { op: r.type, kids, rarity, needU, stamp: -1, ...buffers() };
      }
      // One rule (lazy) evaluates a node on the words the rule still needs: nodes are not shared there.
      if (!this.lazy) shared.set(key, node);
      return node;
    };
    this.roots = rules.map((r) => build(r, false));

    this.irregular = Array.from(snapshot.irregular.rows, (row, j) => {
      const facts = factsFor(asBusinessProfile(snapshot.irregular.profiles[j]!), ctx);
      const eligible = Uint8Array.from(rules, (rule) =>
        resultOf(rule, evaluateLeaves(rule, facts)) === true ? 1 : 0,
      );
      return { row, eligible };
    });
  }

  /** Distinct conditions across the rules (each computed once per block). */
  get distinctConditions(): number {
    return this.slots.size;
  }

  /**
   * Evaluates every rule on rows [r0, r1) (r0 a multiple of 32, at most BLOCK_ROWS rows) and returns, per
   * rule, the eligible bit words of the block (valid until the next call).
   */
  evaluateBlock(r0: number, r1: number): Int32Array[] {
    this.block++;
    const rows = r1 - r0;
    this.rowsInBlock = rows;
    this.words = (rows + 31) >>> 5;
    this.lastMask = rows % 32 === 0 ? -1 : (1 << (rows % 32)) - 1;
    const out = this.lazy
      ? [this.evaluateOn(this.roots[0]!, r0, this.allWords, this.words).t]
      : this.roots.map((root) => this.evaluate(root, r0, r1).t);
    if (this.irregular.length > 0) this.overrideIrregular(out, r0, r1);
    return out;
  }

  private overrideIrregular(out: Int32Array[], r0: number, r1: number): void {
    const copied = new Set<number>();
    for (const { row, eligible } of this.irregular) {
      if (row < r0 || row >= r1) continue;
      const at = row - r0;
      for (let p = 0; p < out.length; p++) {
        // A node's words may be shared by other rules or cached: write over a copy of them.
        if (!copied.has(p)) {
          out[p] = out[p]!.slice(0, this.words);
          copied.add(p);
        }
        const words = out[p]!;
        if (eligible[p]) words[at >>> 5]! |= 1 << (at & 31);
        else words[at >>> 5]! &= ~(1 << (at & 31));
      }
    }
  }

  /** Puts the conditions computed over every row of the snapshot into the cache. */
  finishScan(): void {
    if (!this.cache) return;
    for (const slot of this.slots.values()) {
      const rec = slot.recording;
      if (!rec) continue;
      slot.recording = undefined;
      // Under `all`, a block where nothing could be true skips the remaining conditions: incomplete.
      if (rec.rows !== this.snapshot.rows) continue;
      const entry = { t: rec.t, u: slot.compiled.unknown ? rec.u : null };
      this.cache.set(rec.key, entry);
      slot.cached = entry;
    }
  }

  /**
   * One rule (a preview): evaluates `node` only on the given words of the block (its result is valid there
   * and nowhere else). Under `all`, the words where the rule can no longer be true drop out after each
   * child, and a condition used nowhere else is computed on the remaining words only, in runs of
   * consecutive words; when most words remain, it is computed on the whole block instead.
   */
  private evaluateOn(node: PlanNode, r0: number, words: Int32Array, count: number): Result {
    const n = this.words;
    if (node.op === 'leaf') {
      const slot = node.slot;
      if (slot.cached || slot.uses !== 1 || count * 2 >= n)
        return this.evaluate(node, r0, r0 + this.rowsInBlock);
      slot.lazyT ??= new Int32Array(BLOCK_WORDS);
      if (slot.compiled.unknown) slot.lazyU ??= new Int32Array(BLOCK_WORDS);
      const lt = slot.lazyT;
      const lu = slot.lazyU ?? lt;
      const blockEnd = r0 + this.rowsInBlock;
      const started = this.clock ? this.clock() : 0;
      for (let j = 0; j < count; ) {
        const w0 = words[j]!;
        let w1 = w0 + 1;
        while (j + 1 < count && words[j + 1] === w1) {
          j++;
          w1++;
        }
        j++;
        slot.compiled.run(r0 + (w0 << 5), Math.min(r0 + (w1 << 5), blockEnd), lt, lu, w0);
      }
      if (this.clock) this.conditionMs += this.clock() - started;
      return { t: lt, u: slot.compiled.unknown ? lu : null };
    }
    // Conjunction chains belong to plans of many rules, never evaluated lazily.
    if (node.op === 'and2') return this.evaluate(node, r0, r0 + this.rowsInBlock);
    const t = node.t;
    const u = node.u;
    if (node.op === 'not') {
      const k = this.evaluateOn(node.kid, r0, words, count);
      for (let j = 0; j < count; j++) {
        const w = words[j]!;
        const ku = k.u ? k.u[w]! : 0;
        t[w] = ~(k.t[w]! | ku) & (w === n - 1 ? this.lastMask : -1);
        u[w] = ku;
      }
      return { t, u: k.u ? u : null };
    }
    const first = this.evaluateOn(node.kids[0]!, r0, words, count);
    if (!node.needU) return this.trueWordsOn(node, first, r0, words, count);
    let hasU = first.u !== null;
    if (node.op === 'any') {
      for (let j = 0; j < count; j++) {
        const w = words[j]!;
        t[w] = first.t[w]!;
        u[w] = hasU ? first.u![w]! : 0;
      }
      for (let k = 1; k < node.kids.length; k++) {
        const kid = this.evaluateOn(node.kids[k]!, r0, words, count);
        for (let j = 0; j < count; j++) {
          const w = words[j]!;
          const x = t[w]! | kid.t[w]!;
          t[w] = x;
          u[w] = ~x & (u[w]! | (kid.u ? kid.u[w]! : 0));
        }
        hasU = hasU || kid.u !== null;
      }
      return { t, u: hasU ? u : null };
    }
    node.active ??= new Int32Array(BLOCK_WORDS);
    const active = node.active;
    let kept = 0;
    for (let j = 0; j < count; j++) {
      const w = words[j]!;
      const x = first.t[w]!;
      const y = hasU ? first.u![w]! : 0;
      t[w] = x;
      u[w] = y;
      if ((x | y) !== 0) active[kept++] = w;
    }
    let live = kept;
    for (let k = 1; k < node.kids.length && live > 0; k++) {
      const kid = this.evaluateOn(node.kids[k]!, r0, active, live);
      const kt = kid.t;
      const ku = kid.u;
      kept = 0;
      for (let j = 0; j < live; j++) {
        const w = active[j]!;
        const a = t[w]!;
        const b = kt[w]!;
        const x = a & b;
        const y = (a | u[w]!) & (b | (ku ? ku[w]! : 0)) & ~x;
        t[w] = x;
        u[w] = y;
        if ((x | y) !== 0) active[kept++] = w;
      }
      hasU = hasU || ku !== null;
      live = kept;
    }
    return { t, u: hasU ? u : null };
  }

  /**
   * `evaluateOn` for a node whose unknown words nobody reads: true words only, and under `all` a word drops
   * out as soon as it holds no true row (an unknown row can no longer make the rule eligible).
   */
  private trueWordsOn(
    node: Extract<PlanNode, { op: 'all' | 'any' }>,
    first: Result,
    r0: number,
    words: Int32Array,
    count: number,
  ): Result {
    const t = node.t;
    const ft = first.t;
    if (node.op === 'any') {
      for (let j = 0; j < count; j++) t[words[j]!] = ft[words[j]!]!;
      for (let k = 1; k < node.kids.length; k++) {
        const kt = this.evaluateOn(node.kids[k]!, r0, words, count).t;
        for (let j = 0; j < count; j++) t[words[j]!]! |= kt[words[j]!]!;
      }
      return { t, u: null };
    }
    node.active ??= new Int32Array(BLOCK_WORDS);
    const active = node.active;
    let live = 0;
    for (let j = 0; j < count; j++) {
      const w = words[j]!;
      const x = ft[w]!;
      t[w] = x;
      if (x !== 0) active[live++] = w;
    }
    for (let k = 1; k < node.kids.length && live > 0; k++) {
      const kt = this.evaluateOn(node.kids[k]!, r0, active, live).t;
      let kept = 0;
      for (let j = 0; j < live; j++) {
        const w = active[j]!;
        const x = t[w]! & kt[w]!;
        t[w] = x;
        if (x !== 0) active[kept++] = w;
      }
      live = kept;
    }
    return { t, u: null };
  }

  private evaluate(node: PlanNode, r0: number, r1: number): Result {
    const n = this.words;
    if (node.op === 'leaf') {
      const slot = node.slot;
      if (slot.stamp !== this.block) {
        slot.stamp = this.block;
        const at = r0 >>> 5;
        const started = this.clock ? this.clock() : 0;
        if (slot.cached) {
          slot.t = slot.cached.t.subarray(at, at + n);
          if (slot.cached.u) slot.u = slot.cached.u.subarray(at, at + n);
        } else if (slot.recording) {
          const rec = slot.recording;
          slot.t = rec.t.subarray(at, at + n);
          if (slot.compiled.unknown) slot.u = rec.u.subarray(at, at + n);
          slot.compiled.run(r0, r1, slot.t, slot.u, 0);
          rec.rows += r1 - r0;
        } else slot.compiled.run(r0, r1, slot.t, slot.u, 0);
        if (this.clock) this.conditionMs += this.clock() - started;
      }
      return { t: slot.t, u: slot.compiled.unknown ? slot.u : null };
    }
    // Nodes are shared between rules: each is computed once per block.
    if (node.stamp === this.block) return node.res!;
    node.stamp = this.block;
    node.res = this.compute(node, r0, r1);
    return node.res;
  }

  private compute(node: Exclude<PlanNode, { op: 'leaf' }>, r0: number, r1: number): Result {
    const n = this.words;
    const t = node.t;
    if (node.op === 'and2') {
      const a = this.evaluate(node.a, r0, r1);
      if (a === NOTHING) return NOTHING;
      const b = this.evaluate(node.b, r0, r1);
      if (b === NOTHING) return NOTHING;
      const at = a.t;
      const bt = b.t;
      let any = 0;
      for (let w = 0; w < n; w++) {
        const x = at[w]! & bt[w]!;
        t[w] = x;
        any |= x;
      }
      return any === 0 ? NOTHING : { t, u: null };
    }
    const u = node.u;
    if (node.op === 'not') {
      const k = this.evaluate(node.kid, r0, r1);
      const kt = k.t;
      const ku = k.u;
      if (ku) {
        for (let w = 0; w < n; w++) {
          t[w] = ~(kt[w]! | ku[w]!);
          u[w] = ku[w]!;
        }
      } else for (let w = 0; w < n; w++) t[w] = ~kt[w]!;
      t[n - 1]! &= this.lastMask;
      return { t, u: ku ? u : null };
    }
    const first = this.evaluate(node.kids[0]!, r0, r1);
    const all = node.op === 'all';
    if (!node.needU) {
      // True words only (an `any`, or an `all` of one plan; a plan of many rules chains its `all`s).
      let st = first.t;
      for (let k = 1; k < node.kids.length; k++) {
        if (all && node.kids[k - 1]!.rarity === 0 && isEmpty(st, null, n)) break;
        const kt = this.evaluate(node.kids[k]!, r0, r1).t;
        if (all) for (let w = 0; w < n; w++) t[w] = st[w]! & kt[w]!;
        else for (let w = 0; w < n; w++) t[w] = st[w]! | kt[w]!;
        st = t;
      }
      if (st !== t) for (let w = 0; w < n; w++) t[w] = st[w]!;
      return { t, u: null };
    }
    // The running result is read from the first child's words until the first combination writes ours.
    let st = first.t;
    let su = first.u;
    for (let k = 1; k < node.kids.length; k++) {
      // Only a rarely-true child can leave a block where nothing is true any more: check after those.
      if (all && node.kids[k - 1]!.rarity === 0 && isEmpty(st, su, n)) break;
      const kid = this.evaluate(node.kids[k]!, r0, r1);
      su = all ? and3(n, st, su, kid.t, kid.u, t, u) : or3(n, st, su, kid.t, kid.u, t, u);
      st = t;
    }
    if (st !== t) {
      for (let w = 0; w < n; w++) t[w] = st[w]!;
      if (su) for (let w = 0; w < n; w++) u[w] = su[w]!;
    }
    return { t, u: su ? u : null };
  }
}

/**
 * Evaluates rules over rows [rowStart, rowEnd) block by block, calling `onBlock` with the block's first
 * row, its row count, and each rule's eligible words.
 */
export function scanRules(
  plan: RulePlan,
  onBlock: (r0: number, rows: number, eligible: Int32Array[]) => void,
  rowStart = 0,
  rowEnd = plan.snapshot.rows,
): void {
  if (rowStart % 32 !== 0) throw new RangeError('rowStart must be a multiple of 32');
  for (let r0 = rowStart; r0 < rowEnd; r0 += BLOCK_ROWS) {
    const r1 = Math.min(r0 + BLOCK_ROWS, rowEnd);
    onBlock(r0, r1 - r0, plan.evaluateBlock(r0, r1));
  }
  if (rowStart === 0 && rowEnd === plan.snapshot.rows) plan.finishScan();
}
