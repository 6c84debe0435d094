import { describe, expect, it } from 'vitest';
import { ProgramSchema } from '../program/program';
import { checkRuleLimits, RULE_LIMITS } from './limits';
import { RuleSchema, validateRule } from './schema';

/** `levels` nodes on one path: `not` groups around a condition, built without recursion. */
function nested(levels: number): unknown {
  let rule: unknown = { type: 'smallBusiness' };
  for (let i = 1; i < levels; i++) rule = i % 2 ? { type: 'not', rule } : { type: 'all', rules: [rule] };
  return rule;
}

const leaf = { type: 'region', op: 'in', codes: ['11'] };

describe('rule limits, before any recursive walk', () => {
  it('accepts a rule at the depth limit and refuses one level more, with the path of the too-deep node', () => {
    expect(validateRule(nested(RULE_LIMITS.depth)).ok).toBe(true);
    const result = validateRule(nested(RULE_LIMITS.depth + 1), 'rule');
    expect(result).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('12단계') }] });
    expect((result as { errors: { path: string }[] }).errors[0]?.path).toMatch(/^rule\.(rule|rules\.0)\./);
  });

  it.each([1_000, 1_500, 200_000])(
    'refuses a rule nested %i deep with a 400-style error, never a stack overflow',
    (n) => {
      const rule = nested(n);
      expect(validateRule(rule, 'rule')).toMatchObject({ ok: false });
      expect(RuleSchema.safeParse(rule).success).toBe(false);
      expect(() => checkRuleLimits(rule)).not.toThrow();
    },
  );

  it('refuses a program whose rule is too deep, through the program schema (create, import)', () => {
    const result = ProgramSchema.safeParse({ rule: nested(5_000) });
    expect(result.success).toBe(false);
    expect(result.error?.issues.some((i) => i.path[0] === 'rule' && /단계/.test(i.message))).toBe(true);
  });

  it('refuses more nodes than the limit, each group within its own list length', () => {
    const groups = Array.from({ length: 11 }, () => ({
      type: 'any',
      rules: Array.from({ length: 100 }, () => ({ type: 'smallBusiness' })),
    }));
    const result = validateRule({ type: 'all', rules: groups }, 'rule');
    expect(result).toMatchObject({ ok: false, errors: [{ message: expect.stringContaining('1,000개') }] });
  });

  it('refuses a list longer than the limit and names it', () => {
    const codes = Array.from({ length: RULE_LIMITS.listLength + 1 }, () => '11');
    expect(validateRule({ type: 'all', rules: [leaf, { ...leaf, codes }] }, 'rule')).toEqual({
      ok: false,
      errors: [{ path: 'rule.rules.1.codes', message: '목록에는 300개까지 넣을 수 있습니다.' }],
    });
  });

  it('refuses more list items in the whole rule than the limit', () => {
    const codes = Array.from({ length: 250 }, () => '11');
    const rules = Array.from({ length: 25 }, () => ({ ...leaf, codes }));
    expect(validateRule({ type: 'any', rules })).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringContaining('5,000개') }],
    });
  });

  it('refuses a string longer than the limit, with its path', () => {
    const rule = { type: 'priorSupport', programId: 'x'.repeat(100_000), present: false };
    expect(validateRule({ type: 'not', rule }, 'rule')).toEqual({
      ok: false,
      errors: [{ path: 'rule.rule.programId', message: '200자까지 입력할 수 있습니다.' }],
    });
  });

  it('refuses deep junk under a condition key as too deep', () => {
    let junk: unknown = '11';
    for (let i = 0; i < 100_000; i++) junk = [junk];
    expect(validateRule({ ...leaf, codes: junk })).toMatchObject({ ok: false });
  });
});
