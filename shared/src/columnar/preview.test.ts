import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../catalog/index';
import { deriveStage } from '../lifecycle/stage';
import { evaluateRule } from '../rules/evaluate';
import type { Rule } from '../rules/types';
import { generateBusinesses } from '../synthetic/generate';
import { arbProfile } from '../testing/arbitraries';
import { LeafCache } from './leaf-cache';
import { previewRule, revenueBand, warmPreviewCache } from './preview';
import { buildSnapshot } from './snapshot';

const { programs, disasters } = loadCatalog();
const ctx = { asOf: '2025-06-01', disasters };
const profiles = [
  ...generateBusinesses(15_000, { seed: 17, asOf: ctx.asOf }),
  ...fc.sample(arbProfile(), { numRuns: 200, seed: 17 }),
];
const snapshot = buildSnapshot(profiles);
const rule = programs.find((p) => p.id === 'youth-fund')!.rule;

describe('previewRule', () => {
  it('counts exactly the eligible businesses, by 시도 and by stage', () => {
    const preview = previewRule(snapshot, rule, ctx, { samples: 20 });
    const eligible = profiles.filter((p) => evaluateRule(rule, p, ctx).eligible);
    expect(preview.total).toBe(eligible.length);
    const bySido: Record<string, number> = {};
    const byStage: Record<string, number> = { startup: 0, growth: 0, closure: 0, unknown: 0 };
    for (const p of eligible) {
      bySido[p.regionCode.slice(0, 2)] = (bySido[p.regionCode.slice(0, 2)] ?? 0) + 1;
      byStage[deriveStage(p, ctx.asOf)?.stage ?? 'unknown']!++;
    }
    expect(Object.fromEntries(Object.entries(preview.bySido).filter(([, n]) => n > 0))).toEqual(bySido);
    expect(preview.byStage).toEqual(byStage);
  });

  it('counts by stage for a rule any stage can meet, unknown included', () => {
    const anyone: Rule = { type: 'region', op: 'notIn', codes: ['99'] };
    const preview = previewRule(snapshot, anyone, ctx, { samples: 0 });
    expect(preview.total).toBe(profiles.length);
    const unknown = profiles.filter((p) => deriveStage(p, ctx.asOf) === undefined).length;
    expect(unknown).toBeGreaterThan(0);
    expect(preview.byStage.unknown).toBe(unknown);
    expect(preview.samples).toEqual([]);
  });

  it('returns anonymised samples of eligible businesses, spread and deterministic', () => {
    const a = previewRule(snapshot, rule, ctx, { samples: 20 });
    const b = previewRule(snapshot, rule, ctx, { samples: 20 });
    expect(a.samples).toHaveLength(20);
    expect(a.samples).toEqual(b.samples);
    const text = JSON.stringify(a.samples);
    for (const p of profiles.slice(0, 500)) {
      expect(text).not.toContain(p.brn ?? '@');
      expect(text).not.toContain(p.representativeName);
    }
    expect(new Set(a.samples.map((s) => s.sido)).size).toBeGreaterThan(3);
    for (const s of a.samples) {
      expect(s.regionCode.startsWith(s.sido)).toBe(true);
      expect(s.industryName.length).toBeGreaterThan(0);
      expect(['startup', 'growth', 'closure', null]).toContain(s.stage);
    }
  });

  it('finds nobody for a rule nobody meets', () => {
    const preview = previewRule(snapshot, { type: 'region', op: 'in', codes: ['99'] } as Rule, ctx);
    expect(preview.total).toBe(0);
    expect(preview.samples).toEqual([]);
  });
});

describe('revenueBand', () => {
  it('puts revenue in a band, lower bound included', () => {
    expect(revenueBand(0)).toBe('3천만 원 미만');
    expect(revenueBand(100_000_000)).toBe('1억~3억 원');
    expect(revenueBand(5_000_000_000)).toBe('30억 원 이상');
  });
});

describe('preview cache', () => {
  it('gives the same previews from cached conditions, reusing the ones drafts share', () => {
    const cache = new LeafCache();
    const draft = (lte: number): Rule => ({
      type: 'all',
      rules: [{ type: 'range', field: 'ownerAge', lte }, { type: 'smallBusiness' }, { type: 'operating' }],
    });
    const first = previewRule(snapshot, draft(39), ctx, { samples: 5, cache });
    expect(cache.size).toBe(3);
    const second = previewRule(snapshot, draft(45), ctx, { samples: 5, cache });
    expect(cache.size).toBe(4);
    expect(previewRule(snapshot, draft(39), ctx, { samples: 5, cache })).toEqual(first);
    expect(previewRule(snapshot, draft(45), ctx, { samples: 5, cache: null })).toEqual(second);
    expect(second.total).toBeGreaterThan(first.total);
  });

  it('warms the cache with the conditions of the open programs', () => {
    const cache = new LeafCache();
    warmPreviewCache(
      snapshot,
      programs.map((p) => p.rule),
      ctx,
      cache,
    );
    const before = cache.size;
    expect(before).toBeGreaterThan(20);
    const preview = previewRule(snapshot, rule, ctx, { samples: 3, cache });
    expect(cache.size).toBe(before);
    expect(preview).toEqual(previewRule(snapshot, rule, ctx, { samples: 3, cache: null }));
  });
});
