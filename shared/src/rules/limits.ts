import type { FieldError } from '../validation';

/**
 * The size limits of an eligibility rule, one set for every entry that takes a rule (program create and
 * update, the impact preview, the catalog import, the batch). They are checked by {@link checkRuleLimits}, an
 * iterative walk, before anything walks the rule recursively (zod, the engines, the describer): a hostile
 * rule costs a bounded amount of work and can never overflow the stack. docs/limits.md lists them.
 */
export const RULE_LIMITS = {
  /** Nodes on the longest path from the root to a condition (`all`/`any`/`not` levels plus the condition). */
  depth: 12,
  /** Groups and conditions in the whole rule. */
  nodes: 1_000,
  /** Items in any one list (`rules`, `codes`, `stages`). */
  listLength: 300,
  /** List items in the whole rule, all lists together. */
  listItems: 5_000,
  /** Characters in any one string (ids, codes, dates). */
  stringLength: 200,
} as const;

/** Deepest nesting a rule may have; keeps evaluation and rendering bounded on hostile input. */
export const MAX_RULE_DEPTH = RULE_LIMITS.depth;

/** JSON nesting a rule can reach within its depth: a group level is an object and its list; a condition adds one list. */
const MAX_JSON_DEPTH = 2 * RULE_LIMITS.depth + 2;

const fmt = (n: number) => n.toLocaleString('en-US');

interface Frame {
  value: unknown;
  path: string[];
  /** Rule levels from the root to this value's rule node. */
  ruleDepth: number;
  jsonDepth: number;
}

/**
 * Checks a rule's size against {@link RULE_LIMITS} without recursion, stopping at the first limit crossed
 * (the rest of the input is not even looked at). Returns that problem with its path (`rule.rules.3.codes`),
 * or undefined when the rule is within every limit. Shapes and values are the schema's job.
 */
export function checkRuleLimits(input: unknown, prefix = ''): FieldError | undefined {
  const at = (path: string[]) => [prefix, ...path].filter(Boolean).join('.');
  const stack: Frame[] = [{ value: input, path: [], ruleDepth: 1, jsonDepth: 0 }];
  let nodes = 0;
  let listItems = 0;
  for (let frame = stack.pop(); frame; frame = stack.pop()) {
    const { value, path, ruleDepth, jsonDepth } = frame;
    if (typeof value === 'string') {
      if (value.length > RULE_LIMITS.stringLength)
        return { path: at(path), message: `${fmt(RULE_LIMITS.stringLength)}자까지 입력할 수 있습니다.` };
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (jsonDepth > MAX_JSON_DEPTH || ruleDepth > RULE_LIMITS.depth)
      return { path: at(path), message: `규칙은 ${RULE_LIMITS.depth}단계보다 깊게 중첩할 수 없습니다.` };
    if (Array.isArray(value)) {
      if (value.length > RULE_LIMITS.listLength)
        return { path: at(path), message: `목록에는 ${fmt(RULE_LIMITS.listLength)}개까지 넣을 수 있습니다.` };
      listItems += value.length;
      if (listItems > RULE_LIMITS.listItems)
        return {
          path: at(path),
          message: `규칙의 목록 항목은 모두 합쳐 ${fmt(RULE_LIMITS.listItems)}개까지 넣을 수 있습니다.`,
        };
      const isRuleList = path.at(-1) === 'rules';
      for (let i = value.length - 1; i >= 0; i--) {
        stack.push({
          value: value[i],
          path: [...path, String(i)],
          ruleDepth: isRuleList ? ruleDepth + 1 : ruleDepth,
          jsonDepth: jsonDepth + 1,
        });
      }
      continue;
    }
    const isRuleNode = path.length === 0 || path.at(-2) === 'rules' || path.at(-1) === 'rule';
    if (isRuleNode && ++nodes > RULE_LIMITS.nodes)
      return {
        path: at(path),
        message: `규칙의 조건은 모두 합쳐 ${fmt(RULE_LIMITS.nodes)}개까지 넣을 수 있습니다.`,
      };
    const keys = Object.keys(value);
    if (keys.length > RULE_LIMITS.listLength)
      return { path: at(path), message: `항목은 ${fmt(RULE_LIMITS.listLength)}개까지 넣을 수 있습니다.` };
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i] as string;
      if (key.length > RULE_LIMITS.stringLength)
        return {
          path: at(path),
          message: `${fmt(RULE_LIMITS.stringLength)}자를 넘는 항목 이름은 쓸 수 없습니다.`,
        };
      stack.push({
        value: (value as Record<string, unknown>)[key],
        path: [...path, key],
        ruleDepth: key === 'rule' ? ruleDepth + 1 : ruleDepth,
        jsonDepth: jsonDepth + 1,
      });
    }
  }
  return undefined;
}
