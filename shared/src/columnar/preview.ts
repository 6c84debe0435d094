/**
 * Exact impact preview of a draft rule: how many businesses of the snapshot qualify, by 시도 and by
 * lifecycle stage, with a few anonymised samples (no number, no names, revenue as a band).
 */
import { fullYearsBetween } from '../dates';
import { LIFECYCLE_STAGES } from '../lifecycle/stage';
import { KSIC_DIVISIONS, KSIC_NAMED_CODES, ksicName } from '../reference/ksic';
import { findSido, findSigungu, SIDOS } from '../reference/regions';
import type { Rule } from '../rules/types';
import { popcount } from './compile';
import { STAGE_UNKNOWN, stageColumn } from './derived';
import { LeafCache } from './leaf-cache';
import { type RuleContext, RulePlan, scanRules } from './plan';
import { decodeRow, regionCodeOf } from './rows';
import type { Snapshot } from './snapshot';

export interface PreviewSample {
  sido: string;
  sidoName: string;
  regionCode: string;
  regionName: string;
  ksic: string;
  industryName: string;
  stage: string | null;
  /** Whole years of trading, when known. */
  businessAgeYears: number | null;
  employees: number | null;
  /** Last year's revenue as a band ("1억~3억"), when known. */
  revenueBand: string | null;
}

export interface PreviewCounts {
  total: number;
  /** 2-digit 시도 code → qualifying businesses (every 시도, zeros included). */
  bySido: Record<string, number>;
  /** startup, growth, closure, and unknown (no derivable stage). */
  byStage: Record<string, number>;
  samples: PreviewSample[];
}

const EOK = 100_000_000;
const BANDS: readonly [number, string][] = [
  [30_000_000, '3천만 원 미만'],
  [EOK, '3천만~1억 원'],
  [3 * EOK, '1억~3억 원'],
  [10 * EOK, '3억~10억 원'],
  [30 * EOK, '10억~30억 원'],
  [Number.POSITIVE_INFINITY, '30억 원 이상'],
];

/** The revenue band shown instead of an exact figure. */
export function revenueBand(revenue: number): string {
  return BANDS.find(([limit]) => revenue < limit)![1];
}

const industryName = (code: string) =>
  KSIC_NAMED_CODES[code] ?? KSIC_DIVISIONS[code.slice(0, 2)] ?? ksicName(code);

function sampleOf(s: Snapshot, row: number, stage: number, asOf: string): PreviewSample {
  const facts = decodeRow(s, row);
  const sido = facts.regionCode.slice(0, 2);
  const opened = facts.openingDate !== undefined && facts.openingDate <= asOf && !facts.preStartup;
  const end = facts.closureDate !== undefined && facts.closureDate <= asOf ? facts.closureDate : asOf;
  return {
    sido,
    sidoName: findSido(sido)?.name ?? sido,
    regionCode: facts.regionCode,
    regionName: findSigungu(facts.regionCode)?.name ?? facts.regionCode,
    ksic: facts.ksic,
    industryName: industryName(facts.ksic),
    stage: stage === STAGE_UNKNOWN ? null : LIFECYCLE_STAGES[stage]!,
    businessAgeYears: opened ? fullYearsBetween(facts.openingDate!, end) : null,
    employees: facts.employees ?? null,
    revenueBand: facts.revenue === undefined ? null : revenueBand(facts.revenue),
  };
}

const sidoIndexCache = new WeakMap<Snapshot, Uint8Array>();

/** 시도 position (in SIDOS) of each region dictionary entry; 255 for a row to look up. */
function sidoIndex(s: Snapshot): Uint8Array {
  let table = sidoIndexCache.get(s);
  if (!table) {
    table = new Uint8Array(0x10000).fill(255);
    s.regions.forEach((code, i) => {
      const at = SIDOS.findIndex((d) => d.code === code.slice(0, 2));
      if (at >= 0) table![i] = at;
    });
    sidoIndexCache.set(s, table);
  }
  return table;
}

const caches = new WeakMap<Snapshot, LeafCache>();

/** The condition cache previews of this snapshot share (64 MiB at most). */
export function previewCache(snapshot: Snapshot): LeafCache {
  let cache = caches.get(snapshot);
  if (!cache) {
    cache = new LeafCache();
    caches.set(snapshot, cache);
  }
  return cache;
}

/** The conditions of a rule, in tree order. */
function conditionsOf(rule: Rule, out: Rule[] = []): Rule[] {
  if (rule.type === 'all' || rule.type === 'any') for (const r of rule.rules) conditionsOf(r, out);
  else if (rule.type === 'not') conditionsOf(rule.rule, out);
  else out.push(rule);
  return out;
}

/**
 * Computes the conditions of these rules (typically the open programs', which drafts reuse) over the whole
 * snapshot into its preview cache, as a warm container would after loading a snapshot.
 */
export function warmPreviewCache(
  snapshot: Snapshot,
  rules: readonly Rule[],
  ctx: RuleContext,
  cache = previewCache(snapshot),
): void {
  const plan = new RulePlan(
    snapshot,
    rules.flatMap((r) => conditionsOf(r)),
    ctx,
    { cache },
  );
  scanRules(plan, () => {});
}

export interface PreviewOptions {
  samples: number;
  /** Condition results to reuse across previews. @default the snapshot's shared preview cache */
  cache?: LeafCache | null;
}

/** Runs a draft rule over the snapshot: exact counts and up to `samples` evenly spread samples. */
export function previewRule(
  snapshot: Snapshot,
  rule: Rule,
  ctx: RuleContext,
  options: PreviewOptions = { samples: 20 },
): PreviewCounts {
  const cache = options.cache === undefined ? previewCache(snapshot) : (options.cache ?? undefined);
  const plan = new RulePlan(snapshot, [rule], ctx, cache ? { cache } : {});
  const stages = stageColumn(snapshot, ctx.asOf);
  const sidoOf = sidoIndex(snapshot);
  const region = snapshot.cols.region;
  const sidoCounts = new Float64Array(256);
  const stageCounts = new Float64Array(STAGE_UNKNOWN + 1);
  const eligible = new Int32Array((snapshot.rows + 31) >>> 5);
  const lookUp: number[] = [];
  let total = 0;

  scanRules(plan, (r0, rows, [bits]) => {
    const words = (rows + 31) >>> 5;
    const at = r0 >>> 5;
    for (let w = 0; w < words; w++) {
      let x = bits![w]!;
      eligible[at + w] = x;
      if (x === 0) continue;
      total += popcount(x);
      const base = r0 + (w << 5);
      while (x !== 0) {
        const row = base + 31 - Math.clz32(x & -x);
        const sido = sidoOf[region[row]!]!;
        if (sido === 255) lookUp.push(row);
        else sidoCounts[sido]!++;
        stageCounts[stages[row]!]!++;
        x &= x - 1;
      }
    }
  });

  const bySido: Record<string, number> = {};
  SIDOS.forEach((d, i) => {
    bySido[d.code] = sidoCounts[i]!;
  });
  for (const row of lookUp) {
    const code = regionCodeOf(snapshot, row).slice(0, 2);
    bySido[code] = (bySido[code] ?? 0) + 1;
  }
  const byStage: Record<string, number> = { unknown: stageCounts[STAGE_UNKNOWN]! };
  LIFECYCLE_STAGES.forEach((stage, i) => {
    byStage[stage] = stageCounts[i]!;
  });

  // Samples at evenly spaced ranks among the eligible rows: deterministic and spread over the country.
  const wanted = Math.min(options.samples, total);
  const samples: PreviewSample[] = [];
  let rank = 0;
  let next = 0;
  for (let w = 0; w < eligible.length && next < wanted; w++) {
    let x = eligible[w]!;
    const n = x === 0 ? 0 : popcount(x);
    const target = Math.floor(((next + 0.5) * total) / wanted);
    if (rank + n <= target) {
      rank += n;
      continue;
    }
    while (x !== 0 && next < wanted) {
      const row = (w << 5) + 31 - Math.clz32(x & -x);
      if (rank === Math.floor(((next + 0.5) * total) / wanted)) {
        samples.push(sampleOf(snapshot, row, stages[row]!, ctx.asOf));
        next++;
      }
      rank++;
      x &= x - 1;
    }
  }
  return { total, bySido, byStage, samples };
}
