import { describe, expect, it } from 'vitest';
import { MAX_RULE_DEPTH, validateRule } from './schema';

function errors(input: unknown, prefix?: string) {
  const r = validateRule(input, prefix);
  return r.ok ? [] : r.errors;
}

describe('validateRule', () => {
  it('accepts a valid nested rule and returns it', () => {
    const rule = {
      type: 'all',
      rules: [
        { type: 'smallBusiness' },
        { type: 'not', rule: { type: 'industry', op: 'in', codes: ['56211', 'K'] } },
        { type: 'any', rules: [{ type: 'range', field: 'ownerAge', lte: 39 }, { type: 'preStartup' }] },
      ],
    };
    expect(validateRule(rule)).toEqual({ ok: true, value: rule });
  });

  it('locates an unknown region code at rules.1.codes.0, in Korean', () => {
    expect(
      errors({
        type: 'all',
        rules: [{ type: 'smallBusiness' }, { type: 'region', op: 'in', codes: ['99999'] }],
      }),
    ).toEqual([
      { path: 'rules.1.codes.0', message: '알 수 없는 지역 코드입니다 (시도 2자리 또는 시군구 5자리).' },
    ]);
  });

  it('rejects an empty all', () => {
    expect(errors({ type: 'all', rules: [] })).toEqual([
      { path: 'rules', message: '조건을 하나 이상 넣어야 합니다.' },
    ]);
  });

  it('rejects bad bounds: none, both lower kinds, lower above upper', () => {
    expect(errors({ type: 'range', field: 'employees' })).toEqual([
      { path: '', message: '범위의 하한 또는 상한을 하나 이상 입력해야 합니다.' },
    ]);
    expect(errors({ type: 'range', field: 'employees', gte: 1, gt: 2 })).toEqual([
      { path: 'gt', message: '이상(gte)과 초과(gt)는 함께 쓸 수 없습니다.' },
    ]);
    expect(errors({ type: 'range', field: 'employees', gte: 10, lt: 5 })).toEqual([
      { path: '', message: '하한(10)이 상한(5)보다 클 수 없습니다.' },
    ]);
  });

  it('finds an unknown type deep in the tree', () => {
    const rule = { type: 'all', rules: [{ type: 'any', rules: [{ type: 'not', rule: { type: 'bogus' } }] }] };
    expect(errors(rule)).toEqual([
      { path: 'rules.0.rules.0.rule.type', message: '알 수 없는 조건 종류입니다: bogus' },
    ]);
  });

  it('puts a prefix in front of every path', () => {
    expect(errors({ type: 'industry', op: 'in', codes: ['ZZ'] }, 'rule')).toEqual([
      { path: 'rule.codes.0', message: '알 수 없는 산업분류 코드입니다 (대분류 문자 또는 숫자 코드).' },
    ]);
  });

  it('rejects unknown fields, flags and keys with their paths', () => {
    expect(
      errors({ type: 'all', rules: [{ type: 'range', field: 'age', gte: 1 }] }).map((e) => e.path),
    ).toEqual(['rules.0.field']);
    expect(errors({ type: 'flag', flag: 'youth', present: true }).map((e) => e.path)).toEqual(['flag']);
    expect(errors({ type: 'region', op: 'in', codes: ['11'], extra: 1 })).toEqual([
      { path: 'extra', message: '알 수 없는 항목입니다: extra' },
    ]);
  });

  it('rejects impossible dates, non-objects and empty stage lists', () => {
    expect(errors({ type: 'openedBefore', date: '2025-02-30' })).toEqual([
      { path: 'date', message: '날짜는 YYYY-MM-DD 형식이어야 합니다.' },
    ]);
    expect(errors('x')).toEqual([{ path: '', message: '규칙은 객체여야 합니다.' }]);
    expect(errors({ type: 'stage', stages: [] })).toEqual([
      { path: 'stages', message: '단계를 하나 이상 선택해야 합니다.' },
    ]);
  });

  it('refuses nesting deeper than the limit', () => {
    let rule: unknown = { type: 'preStartup' };
    for (let i = 0; i < MAX_RULE_DEPTH + 1; i++) rule = { type: 'not', rule };
    expect(errors(rule)[0]?.message).toMatch(/중첩할 수 없습니다/);
  });

  it('gives every message in Korean', () => {
    const bad = [
      { type: 'closure', status: 'maybe' },
      { type: 'priorSupport', programId: '', present: true },
      { type: 'restart', withinYears: 0 },
      { type: 'disasterArea', disasterKind: 'flood' },
      { type: 'any' },
    ];
    for (const b of bad) {
      const errs = errors(b);
      expect(errs.length, JSON.stringify(b)).toBeGreaterThan(0);
      for (const e of errs) expect(e.message).toMatch(/[가-힣]/);
    }
  });
});
