import type { BusinessProfile, StoredBusiness } from '@sbiz24/shared';
import { loadCatalog } from '@sbiz24/shared';
import { decodeSnapshot } from '@sbiz24/shared/columnar/format';
import { createGenerator } from '@sbiz24/shared/synthetic/generate';
import { arbContext, arbProfile, arbRule } from '@sbiz24/shared/testing/arbitraries';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brnOf, regionProgram } from '../testing/fixtures';
import { createRuleMatcher } from '../testing/rules-evaluator';
import { createColumnarEvaluator } from './columnar-evaluator';

const stored = (profiles: BusinessProfile[]): StoredBusiness[] =>
  profiles.map((p, i) => ({
    profile: { ...p, brn: brnOf(i) },
    registryStatus: 'trading',
    version: 1,
    updatedAt: '2026-01-01T00:00:00Z',
  }));

describe('createColumnarEvaluator', () => {
  it('gives every business the programs the per-business engine gives it (random rules, profiles, dates)', () => {
    fc.assert(
      fc.property(
        fc.array(arbRule(), { minLength: 1, maxLength: 6 }),
        fc.array(arbProfile(), { minLength: 1, maxLength: 40 }),
        arbContext(),
        (rules, profiles, ctx) => {
          const programs = rules.map((rule, i) =>
            regionProgram(`p-${String(i).padStart(2, '0')}`, ['11'], { rule }),
          );
          const businesses = stored(profiles);
          const reference = createRuleMatcher(programs, ctx);

          const { matches } = createColumnarEvaluator(programs, ctx).evaluate(businesses);

          expect(matches).toEqual(businesses.map((b) => reference(b.profile)));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('agrees with the per-business engine on the catalog over a synthetic population', () => {
    const catalog = loadCatalog();
    const ctx = { asOf: '2026-06-01', disasters: catalog.disasters };
    const make = createGenerator({ seed: 7, asOf: ctx.asOf });
    const businesses = stored(Array.from({ length: 3000 }, (_, i) => make(i)));
    const reference = createRuleMatcher(catalog.programs, ctx);

    const { matches } = createColumnarEvaluator(catalog.programs, ctx).evaluate(businesses);

    expect(matches).toEqual(businesses.map((b) => reference(b.profile)));
    expect(matches.filter((m) => m.length > 0).length).toBeGreaterThan(100);
  });

  it('joins page parts into one snapshot part with every row, in order', () => {
    const ctx = { asOf: '2026-06-01', disasters: [] };
    const make = createGenerator({ seed: 3, asOf: ctx.asOf });
    const evaluator = createColumnarEvaluator([regionProgram('seoul', ['11'])], ctx);
    const pages = [0, 1, 2].map((p) => stored(Array.from({ length: 50 + p }, (_, i) => make(p * 100 + i))));

    const joined = decodeSnapshot(evaluator.concat(pages.map((page) => evaluator.evaluate(page).part)));

    expect(joined.rows).toBe(50 + 51 + 52);
    const regionOf = (row: number) => joined.regions[joined.cols.region[row]!];
    expect(regionOf(0)).toBe(pages[0]![0]!.profile.regionCode);
    expect(regionOf(50)).toBe(pages[1]![0]!.profile.regionCode);
    expect(regionOf(152)).toBe(pages[2]![51]!.profile.regionCode);
  });

  it('evaluates an empty page and no programs', () => {
    const ctx = { asOf: '2026-06-01', disasters: [] };

    expect(createColumnarEvaluator([], ctx).evaluate(stored([])).matches).toEqual([]);
  });
});
