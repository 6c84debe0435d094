/** Identities of conditions: canonical keys (shared slots, cache keys) and what each result depends on. */
import type { Condition, Rule } from '../rules/types';

/** The conditions of a rule, in tree order. */
export function leavesOf(rule: Rule): Condition[] {
  if (rule.type === 'all' || rule.type === 'any') return rule.rules.flatMap(leavesOf);
  if (rule.type === 'not') return leavesOf(rule.rule);
  return [rule];
}

/**
 * What a condition's result depends on besides the snapshot: nothing for facts stored as they are, the
 * as-of year or date for ages and dates, the declared disasters for disaster conditions. Part of the cache
 * key, so that results independent of the date survive the change of day.
 */
export function dependencyKey(c: Condition, asOf: string, disastersKey: string): string {
  switch (c.type) {
    case 'region':
    case 'industry':
    case 'flag':
    case 'preStartup':
    case 'smallBusiness':
      return '';
    case 'range':
      if (c.field === 'ownerAge') return `|${asOf.slice(0, 4)}`;
      return c.field === 'businessAgeDays' || c.field === 'businessAgeYears' ? `|${asOf}` : '';
    case 'priorSupport':
      return c.withinYears === undefined ? '' : `|${asOf.slice(0, 4)}`;
    case 'disasterDamage':
    case 'disasterArea':
      return `|${asOf}|${disastersKey}`;
    default:
      return `|${asOf}`;
  }
}

/** JSON with sorted keys, so that equal conditions written in another key order share one slot. */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}
