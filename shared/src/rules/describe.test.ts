import { describe, expect, it } from 'vitest';
import { TEST_DISASTERS } from '../testing/arbitraries';
import { describeRule } from './describe';
import type { Rule } from './types';

describe('describeRule', () => {
  it('gives one sentence per requirement of a top-level all', () => {
    const rule: Rule = {
      type: 'all',
      rules: [
        { type: 'range', field: 'employees', lt: 5 },
        { type: 'industry', op: 'notIn', codes: ['56211'] },
        { type: 'operating' },
      ],
    };
    expect(describeRule(rule)).toEqual([
      '상시근로자 5명 미만이어야 합니다.',
      '업종이 일반유흥 주점업(56211)이 아니어야 합니다.',
      '영업 중이어야 합니다.',
    ]);
  });

  it('introduces a nested group with a header and indents its items', () => {
    const rule: Rule = {
      type: 'all',
      rules: [
        {
          type: 'any',
          rules: [
            { type: 'restart', withinYears: 7 },
            {
              type: 'all',
              rules: [
                { type: 'stage', stages: ['closure'] },
                { type: 'priorSupport', programId: 'hope-return-closure', present: true },
              ],
            },
          ],
        },
        { type: 'flag', flag: 'taxArrears', present: false },
      ],
    };
    expect(describeRule(rule, 'ko', { programTitles: { 'hope-return-closure': '희망리턴패키지' } })).toEqual([
      '다음 중 하나 이상을 충족해야 합니다:',
      '- 이전 사업 폐업 후 7년 안에 다시 창업한 재창업 사업장이어야 합니다.',
      '- 다음을 모두 충족해야 합니다:',
      '  - 생애주기 단계가 폐업·재기여야 합니다.',
      '  - 「희망리턴패키지」 지원을 받은 적이 있어야 합니다.',
      '국세·지방세 체납에 해당하지 않아야 합니다.',
    ]);
  });

  it('carries not down to the conditions, so each line says what is required', () => {
    const rule: Rule = {
      type: 'not',
      rule: {
        type: 'any',
        rules: [
          { type: 'flag', flag: 'taxArrears', present: true },
          { type: 'industry', op: 'in', codes: ['K'] },
        ],
      },
    };
    expect(describeRule(rule)).toEqual([
      '국세·지방세 체납에 해당하지 않아야 합니다.',
      '업종이 금융 및 보험업(K)이 아니어야 합니다.',
    ]);
    expect(
      describeRule({
        type: 'not',
        rule: { type: 'all', rules: [{ type: 'preStartup' }, { type: 'smallBusiness' }] },
      }),
    ).toEqual([
      '다음 중 하나 이상을 충족해야 합니다:',
      '- 예비창업자(사업자등록 전)가 아니어야 합니다.',
      expect.stringMatching(/^- 소상공인이 아니어야 합니다 \(소상공인: 상시근로자 5명 미만/),
    ]);
  });

  it('explains the 소상공인 test and names disasters', () => {
    const lines = describeRule(
      {
        type: 'all',
        rules: [{ type: 'smallBusiness' }, { type: 'disasterArea', disasterId: '2025-03-wildfire' }],
      },
      'ko',
      { disasters: TEST_DISASTERS },
    );
    expect(lines[0]).toMatch(
      /^소상공인이어야 합니다 \(소상공인: 상시근로자 5명 미만\(광업·제조업·건설업·운수업은 10명 미만\)/,
    );
    expect(lines[1]).toBe(
      '재난 「2025년 3월 경북·경남·울산 산불」 지역에 있고 재난 시작일에 영업 중이었어야 합니다.',
    );
  });

  it('describes a single condition in one line, in English when asked', () => {
    expect(describeRule({ type: 'range', field: 'ownerAge', lte: 39 })).toEqual([
      '대표자 나이 39세 이하여야 합니다.',
    ]);
    expect(
      describeRule(
        { type: 'any', rules: [{ type: 'preStartup' }, { type: 'closure', status: 'planned' }] },
        'en',
      ),
    ).toEqual([
      'At least one of the following:',
      '- Must be a pre-startup founder.',
      '- Must be planning to close.',
    ]);
  });
});
