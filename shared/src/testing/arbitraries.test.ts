import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isIsoDate } from '../dates';
import { DisasterSchema } from '../disaster/disaster';
import { BusinessProfileSchema } from '../profile/profile';
import { validateRule } from '../rules/schema';
import type { Rule } from '../rules/types';
import { arbAsOf, arbCondition, arbProfile, arbRule, TEST_DISASTERS } from './arbitraries';

function leafTypes(rule: Rule, out: Set<string>): void {
  if (rule.type === 'all' || rule.type === 'any') for (const r of rule.rules) leafTypes(r, out);
  else if (rule.type === 'not') leafTypes(rule.rule, out);
  else out.add(rule.type);
}

describe('test arbitraries', () => {
  it('generates rules that the rule schema accepts', () => {
    fc.assert(
      fc.property(arbRule(), (rule) => {
        const result = validateRule(rule);
        expect(result.ok ? [] : result.errors).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('generates every condition type', () => {
    const seen = new Set<string>();
    for (const c of fc.sample(arbCondition(), 2000)) leafTypes(c, seen);
    expect(seen.size).toBe(14);
  });

  it('generates profiles that the profile schema accepts unchanged', () => {
    fc.assert(
      fc.property(arbProfile(), (profile) => {
        const result = BusinessProfileSchema.safeParse(profile);
        expect(result.error?.issues ?? []).toEqual([]);
        expect(result.data).toEqual(profile);
      }),
      { numRuns: 300 },
    );
  });

  it('generates real dates and valid disasters', () => {
    for (const d of fc.sample(arbAsOf(), 200)) expect(isIsoDate(d)).toBe(true);
    for (const d of TEST_DISASTERS) expect(DisasterSchema.safeParse(d).success).toBe(true);
  });
});
