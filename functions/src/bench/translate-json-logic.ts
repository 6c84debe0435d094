/** Our rules as json-logic-js rules (through the Kleene-preserving expressions of baseline-ir.ts). */
import type { Rule } from '@sbiz24/shared';
import jsonLogic, { type RulesLogic } from 'json-logic-js';
import { type BaselineContext, type Expr, type Facts, type Operand, truthOf } from './baseline-ir';

const operand = (v: Operand): unknown =>
  v !== null && typeof v === 'object' && 'fact' in v ? { var: v.fact } : v;

function emit(e: Expr): unknown {
  if ('const' in e) return e.const;
  if ('and' in e) return { and: e.and.map(emit) };
  if ('or' in e) return { or: e.or.map(emit) };
  const fact = { var: e.fact };
  const value = operand(e.value);
  switch (e.op) {
    case '===':
    case '!==':
      return { [e.op]: [fact, value] };
    case '<':
    case '<=':
    case '>':
    case '>=':
      // JsonLogic compares null as 0: an unknown fact must not pass.
      return { and: [{ '!==': [fact, null] }, { [e.op]: [fact, value] }] };
    case 'in':
      return { in: [fact, value] };
    case 'notIn':
      return { '!': { in: [fact, value] } };
    case 'contains':
      return { in: [value, fact] };
    case 'notContains':
      return { '!': { in: [value, fact] } };
  }
}

/** The json-logic-js rule that is true exactly when our rule makes the business eligible. */
export function toJsonLogic(rule: Rule, ctx: BaselineContext): RulesLogic {
  return emit(truthOf(rule, ctx).t) as RulesLogic;
}

/** Evaluates a translated rule on a business's facts. */
export function applyJsonLogic(logic: RulesLogic, facts: Facts): boolean {
  return jsonLogic.apply(logic, facts) === true;
}
