import { type BusinessProfile, evaluateRule, type Rule } from '@sbiz24/shared';
import { arbContext, arbProfile, arbRule } from '@sbiz24/shared/testing/arbitraries';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { factsOf } from './baseline-ir';
import { applyJsonLogic, toJsonLogic } from './translate-json-logic';
import { rulesEngineFor, runRulesEngine } from './translate-rules-engine';

describe('baseline translations', () => {
  it('make json-logic-js agree with the rules engine on random rules and profiles', () => {
    fc.assert(
      fc.property(
        fc.array(arbProfile(), { minLength: 1, maxLength: 20 }),
        arbRule(),
        arbContext(),
        (profiles, rule, ctx) => {
          const logic = toJsonLogic(rule, ctx);
          for (const p of profiles)
            expect(applyJsonLogic(logic, factsOf(p, ctx))).toBe(evaluateRule(rule, p, ctx).eligible);
        },
      ),
      { numRuns: 800 },
    );
  });

  it('make json-rules-engine agree with the rules engine on random rules and profiles', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(arbProfile(), { minLength: 1, maxLength: 10 }),
        fc.array(arbRule(), { minLength: 1, maxLength: 6 }),
        arbContext(),
        async (profiles: BusinessProfile[], rules: Rule[], ctx) => {
          const programs = rules.map((rule, i) => ({ id: `p${i}`, rule }));
          const engine = rulesEngineFor(programs, ctx);
          for (const p of profiles) {
            const expected = programs.filter((x) => evaluateRule(x.rule, p, ctx).eligible).map((x) => x.id);
            expect(await runRulesEngine(engine, factsOf(p, ctx))).toEqual(expected.sort());
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
