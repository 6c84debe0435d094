import { describe, expect, it } from 'vitest';
import { TEST_DISASTERS } from '../testing/arbitraries';
import { makeProfile } from '../testing/fixtures';
import { type EvalContext, evaluateRule } from './evaluate';
import type { Rule } from './types';

const ctx: EvalContext = { asOf: '2026-11-26', disasters: TEST_DISASTERS };
const T: Rule = { type: 'region', op: 'in', codes: ['47'] }; // true for the base business
const F: Rule = { type: 'region', op: 'in', codes: ['11'] }; // false
const U: Rule = { type: 'flag', flag: 'womanOwned', present: true }; // unknown: flag absent

const result = (rule: Rule) => evaluateRule(rule, makeProfile(), ctx).result;

describe('three-valued logic', () => {
  it('combines all: any false is false, else any unknown is unknown', () => {
    expect(result({ type: 'all', rules: [T, T] })).toBe(true);
    expect(result({ type: 'all', rules: [T, U] })).toBeNull();
    expect(result({ type: 'all', rules: [U, F] })).toBe(false);
  });

  it('combines any: any true is true, else any unknown is unknown', () => {
    expect(result({ type: 'any', rules: [F, F] })).toBe(false);
    expect(result({ type: 'any', rules: [F, U] })).toBeNull();
    expect(result({ type: 'any', rules: [U, T] })).toBe(true);
  });

  it('negates true and false, and keeps unknown unknown', () => {
    expect(result({ type: 'not', rule: T })).toBe(false);
    expect(result({ type: 'not', rule: F })).toBe(true);
    expect(result({ type: 'not', rule: U })).toBeNull();
  });

  it('makes a business eligible only when the result is true', () => {
    const p = makeProfile();
    expect(evaluateRule({ type: 'all', rules: [T, U] }, p, ctx)).toMatchObject({
      result: null,
      eligible: false,
    });
    expect(evaluateRule({ type: 'not', rule: F }, p, ctx)).toMatchObject({ result: true, eligible: true });
  });
});

describe('reasons', () => {
  it('lists every condition in tree order with its dotted path', () => {
    const rule: Rule = {
      type: 'all',
      rules: [T, { type: 'any', rules: [F, U] }, { type: 'not', rule: { type: 'not', rule: T } }],
    };
    const { reasons } = evaluateRule(rule, makeProfile(), ctx);
    expect(reasons.map((r) => [r.path, r.type, r.met])).toEqual([
      ['rules.0', 'region', true],
      ['rules.1.rules.0', 'region', false],
      ['rules.1.rules.1', 'flag', null],
      ['rules.2.rule.rule', 'region', true],
    ]);
  });

  it('gives an empty path to a rule that is a single condition', () => {
    expect(evaluateRule(T, makeProfile(), ctx).reasons[0]?.path).toBe('');
  });

  it('states the requirement and the actual value', () => {
    const { reasons } = evaluateRule(
      { type: 'range', field: 'employees', lt: 5 },
      makeProfile({ employees: 6 }),
      ctx,
    );
    expect(reasons[0]).toEqual({
      path: '',
      type: 'range',
      met: false,
      text: '상시근로자 5명 미만이어야 합니다 (현재 6명)',
      textEn: 'The regular employees must be under 5 (now 6)',
    });
  });

  it('phrases an excluded industry with names and codes', () => {
    const rule: Rule = { type: 'industry', op: 'notIn', codes: ['56211'] };
    const [reason] = evaluateRule(rule, makeProfile(), ctx).reasons;
    expect(reason?.text).toBe(
      '업종이 일반유흥 주점업(56211)이 아니어야 합니다 (현재 한식 일반 음식점업 56111)',
    );
    expect(reason?.met).toBe(true);
  });

  it('phrases a condition under not negated, with met from the negated requirement', () => {
    const rule: Rule = { type: 'not', rule: { type: 'industry', op: 'in', codes: ['56211'] } };
    const [reason] = evaluateRule(rule, makeProfile(), ctx).reasons;
    expect(reason?.text).toBe(
      '업종이 일반유흥 주점업(56211)이 아니어야 합니다 (현재 한식 일반 음식점업 56111)',
    );
    expect(reason?.met).toBe(true);
    const [under] = evaluateRule(
      { type: 'not', rule: { type: 'range', field: 'employees', lt: 5 } },
      makeProfile(),
      ctx,
    ).reasons;
    expect(under).toMatchObject({ met: false, text: '상시근로자 5명 미만이 아니어야 합니다 (현재 3명)' });
  });

  it('phrases a double negation as written', () => {
    const rule: Rule = {
      type: 'not',
      rule: { type: 'not', rule: { type: 'range', field: 'employees', lt: 5 } },
    };
    expect(evaluateRule(rule, makeProfile(), ctx).reasons[0]?.text).toBe(
      '상시근로자 5명 미만이어야 합니다 (현재 3명)',
    );
  });

  it('says when a fact is missing', () => {
    const r = evaluateRule(
      { type: 'range', field: 'highestLoanRate', gte: 7 },
      makeProfile({ highestLoanRate: undefined }),
      ctx,
    );
    expect(r.reasons[0]?.text).toBe('보유 대출의 최고 금리 연 7% 이상이어야 합니다 (정보 없음)');
    expect(r.reasons[0]?.textEn).toBe('The highest loan rate must be at least 7% a year (not known)');
  });

  it('writes won amounts in 만원 and 억원, regions and flags by name', () => {
    const p = makeProfile({ revenue: 45_000_000 });
    const texts = (rule: Rule) => evaluateRule(rule, p, ctx).reasons.map((r) => r.text);
    expect(texts({ type: 'range', field: 'revenue', gt: 0, lte: 300_000_000 })).toEqual([
      '연매출 0원 초과 3억원 이하여야 합니다 (현재 4,500만원)',
    ]);
    expect(texts({ type: 'region', op: 'in', codes: ['27720', '47'] })).toEqual([
      '사업장이 대구광역시 군위군, 경상북도에 있어야 합니다 (현재 경상북도 의성군)',
    ]);
    expect(texts({ type: 'flag', flag: 'taxArrears', present: false })).toEqual([
      '국세·지방세 체납에 해당하지 않아야 합니다 (현재 해당하지 않음)',
    ]);
  });

  it('names disasters and programs when it knows them', () => {
    const p = makeProfile({
      disasterDamage: [{ disasterId: '2025-03-wildfire', confirmedOn: '2025-04-07' }],
      priorSupport: [{ programId: 'smart-store', year: 2025 }],
    });
    const withTitles = { ...ctx, programTitles: { 'smart-store': '스마트상점 기술보급' } };
    const texts = (rule: Rule) => evaluateRule(rule, p, withTitles).reasons.map((r) => r.text);
    expect(texts({ type: 'disasterArea', disasterId: '2025-03-wildfire' })).toEqual([
      '재난 「2025년 3월 경북·경남·울산 산불」 지역에 있고 재난 시작일에 영업 중이었어야 합니다 (「2025년 3월 경북·경남·울산 산불」 지역, 2025년 3월 21일에 영업 중)',
    ]);
    expect(texts({ type: 'disasterDamage', disasterKind: 'wildfire' })).toEqual([
      '선포된 산불 재난 지역에서 재난 시작일에 영업 중이었고 지방자치단체의 피해 확인을 받아야 합니다 (피해 확인 2025년 4월 7일, 재난 시작일(2025년 3월 21일)에 영업 중)',
    ]);
    expect(texts({ type: 'priorSupport', programId: 'smart-store', withinYears: 2, present: false })).toEqual(
      ['최근 2년(연도 기준) 안에 「스마트상점 기술보급」 지원을 받은 적이 없어야 합니다 (2025년 지원받음)'],
    );
  });

  it('writes a Korean and an English text for every condition type', () => {
    const rules: Rule[] = [
      { type: 'smallBusiness' },
      { type: 'openedBefore', date: '2025-06-01' },
      { type: 'operating', date: '2022-05-30' },
      { type: 'closure', status: 'plannedOrClosed', withinDays: 365 },
      { type: 'restart', withinYears: 7 },
      { type: 'preStartup' },
      { type: 'stage', stages: ['startup', 'closure'] },
      { type: 'range', field: 'businessAgeYears', gte: 3 },
      { type: 'range', field: 'ownerAge', lte: 39 },
    ];
    const reasons = evaluateRule({ type: 'all', rules }, makeProfile(), ctx).reasons;
    expect(reasons.map((r) => r.text)).toEqual([
      '소상공인이어야 합니다 (업종 기준 상시근로자 5명 미만·매출 10억원 이하, 현재 3명·2억 6,000만원)',
      '2025년 6월 1일 전에 개업했어야 합니다 (개업일 2019년 4월 15일)',
      '2022년 5월 30일에 영업 중이었어야 합니다 (영업 중, 개업일 2019년 4월 15일)',
      '폐업 예정이거나 최근 365일 안에 폐업한 사업장이어야 합니다 (영업 중, 폐업 예정 없음)',
      '이전 사업 폐업 후 7년 안에 다시 창업한 재창업 사업장이어야 합니다 (이전 폐업 기록 없음)',
      '예비창업자(사업자등록 전)여야 합니다 (현재 사업자)',
      '생애주기 단계가 창업 또는 폐업·재기여야 합니다 (현재 성장)',
      '업력 3년 이상이어야 합니다 (현재 7년)',
      '대표자 나이 39세 이하여야 합니다 (현재 40세)',
    ]);
    for (const r of reasons) expect(r.textEn).toMatch(/^[A-Z][^가-힣]*\(/);
  });
});

describe('"one of" groups in reasons', () => {
  it('marks the alternatives of an any, and of an all under not, with the group path', () => {
    const rule: Rule = {
      type: 'all',
      rules: [
        { type: 'smallBusiness' },
        {
          type: 'any',
          rules: [
            { type: 'flag', flag: 'exporter', present: true },
            { type: 'flag', flag: 'smartTech', present: true },
          ],
        },
        {
          type: 'not',
          rule: {
            type: 'all',
            rules: [
              { type: 'flag', flag: 'taxArrears', present: true },
              { type: 'flag', flag: 'suspended', present: true },
            ],
          },
        },
      ],
    };
    const reasons = evaluateRule(rule, makeProfile(), ctx).reasons;
    expect(reasons.map((r) => r.anyOf)).toEqual([
      undefined,
      'rules.1',
      'rules.1',
      'rules.2.rule',
      'rules.2.rule',
    ]);
  });
});
