/** Our rules as json-rules-engine rules (through the Kleene-preserving expressions of baseline-ir.ts). */
import type { Rule } from '@sbiz24/shared';
import { Engine, type NestedCondition, type TopLevelCondition } from 'json-rules-engine';
import { type BaselineContext, type Expr, type Facts, truthOf } from './baseline-ir';

// The engine passes undefined for a fact a business does not have; our expressions treat it as null.
const NULLISH = [null, undefined];
const OPERATOR = {
  '<': 'lessThan',
  '<=': 'lessThanInclusive',
  '>': 'greaterThan',
  '>=': 'greaterThanInclusive',
  in: 'in',
  notIn: 'notIn',
  contains: 'contains',
  notContains: 'doesNotContain',
} as const;

function emit(e: Expr): NestedCondition {
  if ('const' in e) return { fact: 'constant', operator: 'equal', value: e.const };
  if ('and' in e) return { all: e.and.map(emit) };
  if ('or' in e) return { any: e.or.map(emit) };
  if (e.op === '===' || e.op === '!==') {
    if (e.value === null) return { fact: e.fact, operator: e.op === '===' ? 'in' : 'notIn', value: NULLISH };
    return { fact: e.fact, operator: e.op === '===' ? 'equal' : 'notEqual', value: e.value };
  }
  return { fact: e.fact, operator: OPERATOR[e.op], value: e.value };
}

/** The json-rules-engine conditions that hold exactly when our rule makes the business eligible. */
export function toRulesEngineConditions(rule: Rule, ctx: BaselineContext): TopLevelCondition {
  const c = emit(truthOf(rule, ctx).t);
  return 'all' in c || 'any' in c || 'not' in c ? (c as TopLevelCondition) : { all: [c] };
}

/** One engine holding every program's rule; an event of the program's id fires for each match. */
export function rulesEngineFor(
  programs: readonly { id: string; rule: Rule }[],
  ctx: BaselineContext,
): Engine {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const p of programs)
    engine.addRule({ conditions: toRulesEngineConditions(p.rule, ctx), event: { type: p.id } });
  return engine;
}

/** The ids of the programs a business matches, sorted. */
export async function runRulesEngine(engine: Engine, facts: Facts): Promise<string[]> {
  const { events } = await engine.run({ ...facts, constant: true });
  return events.map((e) => e.type).sort();
}
