import { evaluateRule, loadCatalog } from '@sbiz24/shared';
import { programCheckDate } from '@sbiz24/shared/catalog/check-date';
import { arbContext, arbProfile, arbRule } from '@sbiz24/shared/testing/arbitraries';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { regionProgram } from './fixtures';
import { createRuleMatcher } from './rules-evaluator';

describe('createRuleMatcher', () => {
  it('agrees with evaluateRule on random rules, profiles and dates', () => {
    fc.assert(
      fc.property(
        fc.array(arbRule(), { minLength: 1, maxLength: 4 }),
        arbProfile(),
        arbContext(),
        (rules, profile, ctx) => {
          const programs = rules.map((rule, i) => regionProgram(`p-${i}`, ['11'], { rule }));
          const expected = programs
            .filter((p) => evaluateRule(p.rule, profile, ctx).eligible)
            .map((p) => p.id);

          expect(createRuleMatcher(programs, ctx)(profile)).toEqual(expected.sort());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('matches the catalog examples that must match and not those that must not', () => {
    const catalog = loadCatalog();
    for (const program of catalog.programs) {
      for (const [examples, wanted] of [
        [program.examples.mustMatch, true],
        [program.examples.mustNotMatch, false],
      ] as const) {
        for (const example of examples) {
          const asOf = example.asOf ?? programCheckDate(program, '2026-11-26');
          const ids = createRuleMatcher([program], { asOf, disasters: catalog.disasters })(example.profile);
          expect(ids.includes(program.id), `${program.id}: ${example.name}`).toBe(wanted);
        }
      }
    }
  });
});
