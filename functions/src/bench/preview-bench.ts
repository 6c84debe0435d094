/**
 * Item 3: the exact impact preview of draft rules over the whole snapshot, timed one by one. Drafts are
 * what staff write: a program's rule, then one change after another (another region, a bound moved, a flag
 * flipped, an industry list swapped, a region added).
 */
import { type Disaster, type Rule, RuleSchema, SIDOS, SIGUNGUS } from '@sbiz24/shared';
import { LeafCache } from '@sbiz24/shared/columnar/leaf-cache';
import { previewRule, warmPreviewCache } from '@sbiz24/shared/columnar/preview';
import type { Snapshot } from '@sbiz24/shared/columnar/snapshot';
import { Rng } from '@sbiz24/shared/synthetic/prng';
import type { BenchProgram } from './programs';
import { median } from './stats';

const INDUSTRIES = [['I'], ['G'], ['C', 'G'], ['56'], ['S'], ['47912'], ['85'], ['G', 'I', 'S']];

/** One edit somewhere in the rule: the first condition of the picked kind found, or a region added. */
function edit(rule: Rule, rng: Rng): Rule {
  const kind = rng.int(0, 4);
  let done = false;
  const visit = (r: Rule): Rule => {
    if (done) return r;
    if (r.type === 'all' || r.type === 'any') return { ...r, rules: r.rules.map(visit) };
    if (r.type === 'not') return { ...r, rule: visit(r.rule) };
    if (kind === 0 && r.type === 'region') {
      done = true;
      return { ...r, codes: [rng.chance(0.5) ? rng.pick(SIDOS).code : rng.pick(SIGUNGUS).code] };
    }
    if (kind === 1 && r.type === 'range') {
      done = true;
      const bump = (v: number | undefined) =>
        v === undefined ? undefined : Math.max(0, Math.round(v * (0.5 + rng.next())));
      const next = { ...r, gte: bump(r.gte), gt: bump(r.gt), lte: bump(r.lte), lt: bump(r.lt) };
      for (const k of ['gte', 'gt', 'lte', 'lt'] as const) if (next[k] === undefined) delete next[k];
      return next;
    }
    if (kind === 2 && r.type === 'flag') {
      done = true;
      return { ...r, present: !r.present };
    }
    if (kind === 3 && r.type === 'industry') {
      done = true;
      return { ...r, codes: rng.pick(INDUSTRIES) };
    }
    return r;
  };
  const edited = visit(rule);
  if (done) return edited;
  return { type: 'all', rules: [edited, { type: 'region', op: 'in', codes: [rng.pick(SIDOS).code] }] };
}

/** `n` drafts: every fifth starts from another program's rule, the others edit the previous draft. */
export function draftRules(programs: readonly BenchProgram[], n: number, seed = 7): Rule[] {
  const rng = new Rng(seed);
  const drafts: Rule[] = [];
  for (let i = 0; i < n; i++) {
    if (i % 5 === 0) drafts.push(programs[(i * 37) % programs.length]!.rule);
    else {
      // A draft the editor would refuse (e.g. bounds crossed) is not previewed: staff fix it first.
      const next = edit(drafts[i - 1]!, rng);
      drafts.push(RuleSchema.safeParse(next).success ? next : drafts[i - 1]!);
    }
  }
  return drafts;
}

export interface PreviewBenchResult {
  /** A warm container: the open catalog programs' conditions cached, then a drafting session. */
  previewP50Ms: number;
  previewP99Ms: number;
  /** The same session from an empty condition cache. */
  previewSessionP50Ms: number;
  previewSessionP99Ms: number;
  /** Every draft computed from scratch (no condition cache). */
  previewColdP50Ms: number;
  previewColdP99Ms: number;
  previewRuns: number;
  previewMeanTotal: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
const round1 = (x: number) => Math.round(x * 10) / 10;

export function measurePreviews(options: {
  snapshot: Snapshot;
  programs: readonly BenchProgram[];
  /** The rules of the open catalog programs, which a container computes after loading a snapshot. */
  warmRules: readonly Rule[];
  ctx: { asOf: string; disasters: readonly Disaster[] };
  runs: number;
  /** Times each scenario is measured; the figures are the medians. */
  repeats: number;
  log: (line: string) => void;
}): PreviewBenchResult {
  const { snapshot, ctx } = options;
  const drafts = draftRules(options.programs, options.runs);
  // Code optimised and the day's stage column built, no condition cached.
  for (let i = 0; i < 3; i++)
    previewRule(snapshot, options.programs[i]!.rule, ctx, { samples: 20, cache: null });

  const time = (cache: LeafCache | null) => {
    const runs = drafts.map((rule) => {
      const started = performance.now();
      const preview = previewRule(snapshot, rule, ctx, { samples: 20, cache });
      return { ms: performance.now() - started, total: preview.total };
    });
    const ms = runs.map((r) => r.ms).sort((a, b) => a - b);
    return { p50: round1(percentile(ms, 50)), p99: round1(percentile(ms, 99)), runs };
  };
  // Each scenario `repeats` times (a fresh cache each time); the figures are the medians.
  const scenarios = Array.from({ length: options.repeats }, () => {
    const warmCache = new LeafCache();
    const started = performance.now();
    warmPreviewCache(snapshot, options.warmRules, ctx, warmCache);
    options.log(
      `preview: cache warmed with ${warmCache.size} conditions of ${options.warmRules.length} open programs ` +
        `in ${Math.round(performance.now() - started)} ms`,
    );
    const result = { warm: time(warmCache), session: time(new LeafCache()), cold: time(null) };
    const { warm, session, cold } = result;
    options.log(
      `preview: warm p50 ${warm.p50} ms, p99 ${warm.p99} ms; from an empty cache p50 ${session.p50} ms, ` +
        `p99 ${session.p99} ms; uncached p50 ${cold.p50} ms, p99 ${cold.p99} ms`,
    );
    return result;
  });
  const mid = (pick: (s: (typeof scenarios)[number]) => number) => round1(median(scenarios.map(pick)));
  const warm = { p50: mid((s) => s.warm.p50), p99: mid((s) => s.warm.p99), runs: scenarios[0]!.warm.runs };
  const session = { p50: mid((s) => s.session.p50), p99: mid((s) => s.session.p99) };
  const cold = { p50: mid((s) => s.cold.p50), p99: mid((s) => s.cold.p99) };
  return {
    previewP50Ms: warm.p50,
    previewP99Ms: warm.p99,
    previewSessionP50Ms: session.p50,
    previewSessionP99Ms: session.p99,
    previewColdP50Ms: cold.p50,
    previewColdP99Ms: cold.p99,
    previewRuns: drafts.length,
    previewMeanTotal: Math.round(warm.runs.reduce((n, r) => n + r.total, 0) / warm.runs.length),
  };
}
