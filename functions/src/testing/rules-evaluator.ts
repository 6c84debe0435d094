import type { BusinessProfile, Disaster, Program, Rule, StoredBusiness } from '@sbiz24/shared';
import { evaluateCondition } from '@sbiz24/shared/rules/conditions';
import { factsFor } from '@sbiz24/shared/rules/evaluate';
import { type Facts, not3, type Truth } from '@sbiz24/shared/rules/facts';

/** Kleene evaluation of a rule tree over derived facts, without the reasons the owner-facing path writes. */
export function ruleTruth(rule: Rule, facts: Facts): Truth {
  switch (rule.type) {
    case 'all': {
      let acc: Truth = true;
      for (const r of rule.rules) {
        const t = ruleTruth(r, facts);
        if (t === false) return false;
        if (t === null) acc = null;
      }
      return acc;
    }
    case 'any': {
      let acc: Truth = false;
      for (const r of rule.rules) {
        const t = ruleTruth(r, facts);
        if (t === true) return true;
        if (t === null) acc = null;
      }
      return acc;
    }
    case 'not':
      return not3(ruleTruth(rule.rule, facts));
    default:
      return evaluateCondition(rule, facts);
  }
}

/**
 * Per-business matching with the rules engine's own condition code (facts derived once per business, no
 * reason texts): the reference the columnar engine must agree with, and the path for a single business
 * re-read after a write conflict.
 */
export function createRuleMatcher(
  programs: readonly Program[],
  context: { asOf: string; disasters: readonly Disaster[] },
): (profile: BusinessProfile) => string[] {
  const sorted = [...programs].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return (profile) => {
    const facts = factsFor(profile, context);
    const ids: string[] = [];
    for (const p of sorted) if (ruleTruth(p.rule, facts) === true) ids.push(p.id);
    return ids;
  };
}

/** Matches a page of businesses: per business, the sorted ids of the programs whose rule is true. */
export function matchPage(
  matcher: (profile: BusinessProfile) => string[],
  businesses: readonly StoredBusiness[],
): string[][] {
  return businesses.map((b) => matcher(b.profile));
}
