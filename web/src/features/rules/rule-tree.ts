import type { AllRule, AnyRule, Condition, ConditionType, Rule } from '@sbiz24/shared/rules/types';

/**
 * Immutable edits of a rule tree by path. A path is the list of keys from the root, the same keys the API
 * uses in its error paths (`rules.1.rule.rules.0`), so an error lands on the node it concerns.
 */
export type RulePath = (string | number)[];
export type Group = AllRule | AnyRule;

export function isGroup(r: Rule): r is Group {
  return r.type === 'all' || r.type === 'any';
}

/** The API error path of a node: `rule.rules.1.codes` for path [rules, 1] and field `codes`. */
export function errorPath(path: RulePath, prefix = 'rule'): string {
  return [prefix, ...path].filter((s) => s !== '').join('.');
}

export function getAt(rule: Rule, path: RulePath): Rule | undefined {
  let node: unknown = rule;
  for (const key of path) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string | number, unknown>)[key];
  }
  return node as Rule | undefined;
}

/** The tree with the node at `path` replaced by `fn(node)`. */
export function updateAt(rule: Rule, path: RulePath, fn: (node: Rule) => Rule): Rule {
  if (path.length === 0) return fn(rule);
  const [head, ...rest] = path;
  if (Array.isArray(rule)) throw new Error('unexpected array');
  const r = rule as unknown as Record<string, unknown>;
  if (head === 'rules' && isGroup(rule)) {
    const [index, ...deeper] = rest;
    const i = Number(index);
    return {
      ...rule,
      rules: rule.rules.map((child, j) => (j === i ? updateAt(child, deeper, fn) : child)),
    };
  }
  if (head === 'rule' && rule.type === 'not') return { ...rule, rule: updateAt(rule.rule, rest, fn) };
  throw new Error(`no node at ${String(head)} of ${String(r.type)}`);
}

/** Adds a child at the end of the group at `groupPath`. */
export function appendChild(rule: Rule, groupPath: RulePath, child: Rule): Rule {
  return updateAt(rule, groupPath, (g) => (isGroup(g) ? { ...g, rules: [...g.rules, child] } : g));
}

/** Removes the child `index` of the group at `groupPath`. */
export function removeChild(rule: Rule, groupPath: RulePath, index: number): Rule {
  return updateAt(rule, groupPath, (g) =>
    isGroup(g) ? { ...g, rules: g.rules.filter((_, i) => i !== index) } : g,
  );
}

/** Moves child `index` of a group up (-1) or down (+1). */
export function moveChild(rule: Rule, groupPath: RulePath, index: number, delta: -1 | 1): Rule {
  return updateAt(rule, groupPath, (g) => {
    if (!isGroup(g)) return g;
    const to = index + delta;
    if (to < 0 || to >= g.rules.length) return g;
    const rules = [...g.rules];
    [rules[index], rules[to]] = [rules[to]!, rules[index]!];
    return { ...g, rules };
  });
}

/** The editor always edits a group at the root; a bare condition becomes the only member of an "all". */
export function asRootGroup(rule: Rule | undefined): Group {
  if (!rule) return { type: 'all', rules: [] };
  return isGroup(rule) ? rule : { type: 'all', rules: [rule] };
}

/** What a new condition of each kind starts as; some are incomplete until the user fills them in. */
export function newCondition(type: ConditionType): Condition {
  switch (type) {
    case 'region':
      return { type, op: 'in', codes: [] };
    case 'industry':
      return { type, op: 'in', codes: [] };
    case 'range':
      return { type, field: 'employees', lt: 5 };
    case 'flag':
      return { type, flag: 'taxArrears', present: false };
    case 'priorSupport':
      return { type, programId: '', present: false };
    case 'disasterArea':
    case 'disasterDamage':
      return { type };
    case 'openedBefore':
      return { type, date: '' };
    case 'operating':
      return { type };
    case 'closure':
      return { type, status: 'plannedOrClosed' };
    case 'restart':
      return { type, withinYears: 7 };
    case 'stage':
      return { type, stages: ['startup'] };
    case 'smallBusiness':
    case 'preStartup':
      return { type };
  }
}

export const CONDITION_TYPES: ConditionType[] = [
  'region',
  'industry',
  'range',
  'smallBusiness',
  'flag',
  'stage',
  'operating',
  'openedBefore',
  'closure',
  'restart',
  'preStartup',
  'priorSupport',
  'disasterArea',
  'disasterDamage',
];

/** Errors under a node, keyed by the rest of their path ('' for the node itself). */
export function errorsUnder(errors: Record<string, string>, nodePath: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [path, message] of Object.entries(errors)) {
    if (path === nodePath) out[''] = message;
    else if (path.startsWith(`${nodePath}.`)) out[path.slice(nodePath.length + 1)] = message;
  }
  return out;
}

/** The first message for a field or anything inside it (`codes` matches `codes.3`). */
export function fieldError(errs: Record<string, string>, field: string): string | undefined {
  if (errs[field]) return errs[field];
  const key = Object.keys(errs).find((k) => k.startsWith(`${field}.`));
  return key ? errs[key] : undefined;
}
