/**
 * Evaluation of an eligibility rule for one business on one date, in three-valued (Kleene) logic, with a
 * reason for every condition. See docs/rules.md.
 */
import type { Disaster } from '../disaster/disaster';
import type { BusinessProfile } from '../profile/profile';
import { memoActual } from './actual';
import { evaluateCondition } from './conditions';
import { deriveFacts, type Facts, not3, type Truth } from './facts';
import { type LeafWording, leafWording, type PhraseNames } from './phrases';
import type { Condition, ConditionType, Rule } from './types';

export type { Truth } from './facts';

/** What an evaluation needs besides the profile: the date, and the declared disasters. */
export interface EvalContext {
  /** The evaluation date (YYYY-MM-DD); the clock is never read. */
  asOf: string;
  disasters: readonly Disaster[];
  /** Program titles by id, so that prior-support reasons name the program (ids are shown otherwise). */
  programTitles?: Readonly<Record<string, string>>;
  /** English program titles by id, for the English reasons. */
  programTitlesEn?: Readonly<Record<string, string>>;
}

/** One condition's outcome, from the perspective of the whole requirement. */
export interface Reason {
  /** Dotted path of the condition in the rule ("rules.2.rule"); "" for a rule that is a single condition. */
  path: string;
  type: ConditionType;
  /** Whether the requirement this condition states holds (under `not`, the negated requirement). */
  met: Truth;
  /** "상시근로자 5명 미만이어야 합니다 (현재 6명)". */
  text: string;
  textEn: string;
  /**
   * The path of the nearest group this condition is one alternative of ("다음 중 하나": an `any`, or an
   * `all` under an odd number of `not`s); absent when every condition around it is required.
   */
  anyOf?: string;
}

export interface RuleEvaluation {
  result: Truth;
  /** True only when the result is true: unknown facts never make a business eligible. */
  eligible: boolean;
  reasons: Reason[];
}

/** A condition as evaluated, before its texts are written. */
export interface LeafOutcome {
  path: string;
  condition: Condition;
  /** Under an odd number of `not`s. */
  negated: boolean;
  /** Polarity-adjusted truth: the condition's requirement, as phrased, holds. */
  met: Truth;
  /** See `Reason.anyOf`. */
  anyOf?: string;
}

/** Kleene all/any over a rule tree whose leaves are read, in tree order, from `leafTruth(index)`. */
export function foldRule(rule: Rule, leafTruth: (index: number) => Truth): Truth {
  return fold(rule, leafTruth, { next: 0 });
}

function fold(r: Rule, leafTruth: (index: number) => Truth, cursor: { next: number }): Truth {
  switch (r.type) {
    case 'all': {
      let acc: Truth = true;
      for (const x of r.rules) {
        const t = fold(x, leafTruth, cursor);
        if (t === false) acc = false;
        else if (t === null && acc === true) acc = null;
      }
      return acc;
    }
    case 'any': {
      let acc: Truth = false;
      for (const x of r.rules) {
        const t = fold(x, leafTruth, cursor);
        if (t === true) acc = true;
        else if (t === null && acc === false) acc = null;
      }
      return acc;
    }
    case 'not':
      return not3(fold(r.rule, leafTruth, cursor));
    default:
      return leafTruth(cursor.next++);
  }
}

/** Evaluates every condition of the rule in tree order, with its path and polarity. */
export function evaluateLeaves(rule: Rule, facts: Facts): LeafOutcome[] {
  const out: LeafOutcome[] = [];
  collectLeaves(rule, '', false, undefined, facts, out);
  return out;
}

function collectLeaves(
  r: Rule,
  path: string,
  negated: boolean,
  anyOf: string | undefined,
  facts: Facts,
  out: LeafOutcome[],
): void {
  if (r.type === 'all' || r.type === 'any') {
    const prefix = path ? `${path}.rules.` : 'rules.';
    // Under a `not`, an `all` reads as "one of these must fail": alternatives, like an `any`.
    const group = (r.type === 'any') !== negated ? path : anyOf;
    for (let i = 0; i < r.rules.length; i++)
      collectLeaves(r.rules[i]!, prefix + i, negated, group, facts, out);
  } else if (r.type === 'not') {
    collectLeaves(r.rule, path ? `${path}.rule` : 'rule', !negated, anyOf, facts, out);
  } else {
    const raw = evaluateCondition(r, facts);
    const leaf: LeafOutcome = { path, condition: r, negated, met: negated ? not3(raw) : raw };
    if (anyOf !== undefined) leaf.anyOf = anyOf;
    out.push(leaf);
  }
}

/** The rule's result from its conditions' outcomes (as returned by `evaluateLeaves`). */
export function resultOf(rule: Rule, leaves: readonly LeafOutcome[]): Truth {
  return foldRule(rule, (i) => {
    const l = leaves[i]!;
    return l.negated ? not3(l.met) : l.met;
  });
}

const wordingCache = new WeakMap<Condition, { name: string | undefined; wording: LeafWording }>();

/** The one name a condition's wording uses (a program title or a disaster name, both languages), if any. */
function nameUsed(c: Condition, names: PhraseNames): string | undefined {
  if (c.type === 'priorSupport')
    return `${names.programTitles?.[c.programId]}|${names.programTitlesEn?.[c.programId]}`;
  if ((c.type === 'disasterArea' || c.type === 'disasterDamage') && c.disasterId !== undefined) {
    const d = names.disasters?.find((x) => x.id === c.disasterId);
    return `${d?.name}|${d?.nameEn}`;
  }
  return undefined;
}

/** Wording depends only on the condition and the one name it uses, so it is written once per condition. */
export function cachedWording(c: Condition, names: PhraseNames): LeafWording {
  const name = nameUsed(c, names);
  const hit = wordingCache.get(c);
  if (hit && hit.name === name) return hit.wording;
  const wording = leafWording(c, names);
  wordingCache.set(c, { name, wording });
  return wording;
}

/** The reason for one condition outcome. */
export function reasonOf(leaf: LeafOutcome, facts: Facts): Reason {
  const w = cachedWording(leaf.condition, {
    disasters: facts.disasters,
    programTitles: facts.programTitles,
    programTitlesEn: facts.programTitlesEn,
  });
  const k = leaf.negated ? 1 : 0;
  const actual = memoActual(leaf.condition, facts);
  const reason: Reason = {
    path: leaf.path,
    type: leaf.condition.type,
    met: leaf.met,
    text: `${w.ko[k]} (${actual.ko})`,
    textEn: `${w.en[k]} (${actual.en})`,
  };
  if (leaf.anyOf !== undefined) reason.anyOf = leaf.anyOf;
  return reason;
}

/** Facts of the business on the context's date (derive once, evaluate many rules). */
export function factsFor(profile: BusinessProfile, ctx: EvalContext): Facts {
  return deriveFacts(profile, ctx.asOf, ctx.disasters, ctx.programTitles, ctx.programTitlesEn);
}

/** Evaluates a rule against precomputed facts. */
export function evaluateWithFacts(rule: Rule, facts: Facts): RuleEvaluation & { leaves: LeafOutcome[] } {
  const leaves = evaluateLeaves(rule, facts);
  const result = resultOf(rule, leaves);
  return { result, eligible: result === true, reasons: leaves.map((l) => reasonOf(l, facts)), leaves };
}

/**
 * Evaluates a rule for a business on `ctx.asOf`: the three-valued result, eligible only when it is true,
 * and a reason for every condition in tree order.
 */
export function evaluateRule(rule: Rule, profile: BusinessProfile, ctx: EvalContext): RuleEvaluation {
  const { result, eligible, reasons } = evaluateWithFacts(rule, factsFor(profile, ctx));
  return { result, eligible, reasons };
}
