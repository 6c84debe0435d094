import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BusinessProfile } from '../profile/profile';
import { evaluateRule } from '../rules/evaluate';
import type { Rule } from '../rules/types';
import { generateBusinesses } from '../synthetic/generate';
import { arbContext, arbProfile, arbRule, TEST_DISASTERS } from '../testing/arbitraries';
import { compileRule, hasRow } from './compile';
import { decodeSnapshot, encodeSnapshot } from './format';
import { fullMatch, matchesOf } from './full-match';
import { LeafCache } from './leaf-cache';
import type { RuleContext } from './plan';
import { buildSnapshot, type Snapshot } from './snapshot';

/** The columnar answer for every row, and the per-business engine's. */
function bothAnswers(
  rule: Rule,
  profiles: readonly BusinessProfile[],
  ctx: RuleContext,
  snapshot: Snapshot,
  cache?: LeafCache,
) {
  const bits = compileRule(rule, ctx, snapshot, cache ? { cache } : {}).evaluate();
  return {
    columnar: profiles.map((_, i) => hasRow(bits, i)),
    perBusiness: profiles.map((p) => evaluateRule(rule, p, ctx).eligible),
  };
}

/** Facts rounded to what the compact columns hold exactly, so the vectorized path decides every row. */
const regular = (p: BusinessProfile): BusinessProfile => ({
  ...p,
  ...(p.revenue === undefined ? {} : { revenue: Math.round(p.revenue / 1000) * 1000 }),
  ...(p.revenueAvg3y === undefined ? {} : { revenueAvg3y: Math.round(p.revenueAvg3y / 1000) * 1000 }),
});

/** A fact no compact column can hold: a loan rate in thousandths, or a planned closure after 2079. */
const irregular = (p: BusinessProfile, i = 0): BusinessProfile =>
  (p.employees ?? i) % 2 === 0
    ? { ...p, highestLoanRate: 4.125 }
    : { ...p, plannedClosureDate: '2085-03-01' };

describe('columnar filter agrees with the per-business engine', () => {
  it('on random rules and profiles the compact columns hold exactly', () => {
    fc.assert(
      fc.property(
        fc.array(arbProfile().map(regular), { minLength: 1, maxLength: 60 }),
        arbRule(),
        arbContext(),
        (profiles, rule, ctx) => {
          const snapshot = buildSnapshot(profiles);
          expect(snapshot.irregular.rows.length).toBe(0);
          const { columnar, perBusiness } = bothAnswers(rule, profiles, ctx, snapshot);
          expect(columnar).toEqual(perBusiness);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('on random rules and any valid profiles (escaped revenue, irregular rows), after a file round trip', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(arbProfile(), arbProfile().map(irregular)), { minLength: 1, maxLength: 40 }),
        arbRule(),
        arbContext(),
        (profiles, rule, ctx) => {
          const snapshot = decodeSnapshot(encodeSnapshot(buildSnapshot(profiles)));
          const { columnar, perBusiness } = bothAnswers(rule, profiles, ctx, snapshot);
          expect(columnar).toEqual(perBusiness);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('on random rules over synthetic businesses across block boundaries, with a condition cache', () => {
    const profiles = [
      ...generateBusinesses(9_000, { seed: 3, asOf: '2025-06-01', disasters: TEST_DISASTERS }),
    ];
    const snapshot = buildSnapshot(profiles);
    const cache = new LeafCache();
    const dates = fc.constantFrom('2024-02-29', '2025-06-01', '2026-03-01');
    const contexts = fc.oneof(
      arbContext(),
      dates.map((asOf) => ({ asOf, disasters: TEST_DISASTERS })),
    );
    fc.assert(
      fc.property(arbRule(), contexts, (rule, ctx) => {
        const { columnar, perBusiness } = bothAnswers(rule, profiles, ctx, snapshot, cache);
        expect(columnar).toEqual(perBusiness);
      }),
      { numRuns: 60 },
    );
    expect(cache.size).toBeGreaterThan(10);
  });

  it('for many rules at once, sharing conditions and block indexes', () => {
    const profiles = [
      ...generateBusinesses(9_000, { seed: 5, asOf: '2025-06-01', disasters: TEST_DISASTERS }),
      ...fc.sample(arbProfile().map(regular), { numRuns: 200, seed: 5 }),
    ];
    const snapshot = buildSnapshot(profiles);
    fc.assert(
      fc.property(fc.array(arbRule(2), { minLength: 4, maxLength: 12 }), arbContext(), (rules, ctx) => {
        const programs = rules.map((rule, i) => ({ id: `r${String(i).padStart(2, '0')}`, rule }));
        const result = fullMatch(snapshot, programs, ctx);
        for (let row = 0; row < profiles.length; row += 7) {
          const expected = programs
            .filter((p) => evaluateRule(p.rule, profiles[row]!, ctx).eligible)
            .map((p) => p.id);
          expect(matchesOf(result, row)).toEqual(expected);
        }
      }),
      { numRuns: 25 },
    );
  });

  it('on revenue at, just under and just over the bounds and 소기업 caps, compact or escaped', () => {
    const caps = [0, 30_000_000, 100_000_000, 1e9, 3e9, 5e9, 8e9, 12e9];
    const figures = caps.flatMap((c) => [
      c,
      c + 1,
      c + 0.5,
      c + 1000,
      Math.max(0, c - 1),
      Math.max(0, c - 1000),
    ]);
    const figure = fc.constantFrom(...figures);
    const profile = fc
      .tuple(arbProfile(), figure, fc.option(figure, { nil: undefined }))
      .map(([p, revenue, revenueAvg3y]) => ({ ...p, revenue, revenueAvg3y }));
    const bound = fc.constantFrom(...figures);
    const rule: fc.Arbitrary<Rule> = fc.oneof(
      fc.constant({ type: 'smallBusiness' } as Rule),
      fc
        .tuple(fc.constantFrom('revenue', 'revenueAvg3y'), fc.constantFrom('gte', 'gt', 'lte', 'lt'), bound)
        .map(([field, op, value]) => ({ type: 'range', field, [op]: value }) as Rule),
    );
    fc.assert(
      fc.property(
        fc.array(profile, { minLength: 1, maxLength: 30 }),
        rule,
        arbContext(),
        (profiles, r, ctx) => {
          const snapshot = buildSnapshot(profiles);
          const { columnar, perBusiness } = bothAnswers(r, profiles, ctx, snapshot);
          expect(columnar).toEqual(perBusiness);
        },
      ),
      { numRuns: 300 },
    );
  });
});
