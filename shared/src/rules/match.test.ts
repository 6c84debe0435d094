import { describe, expect, it } from 'vitest';
import type { Program } from '../program/program';
import { TEST_DISASTERS } from '../testing/arbitraries';
import { makeProfile } from '../testing/fixtures';
import type { EvalContext } from './evaluate';
import { evaluateProgram, matchPrograms } from './match';
import type { Rule } from './types';

const ctx: EvalContext = { asOf: '2026-11-26', disasters: TEST_DISASTERS };

function program(id: string, rule: Rule, title = `사업 ${id}`): Program {
  return {
    id,
    title,
    kind: 'support',
    agencyId: 'semas',
    stages: ['growth'],
    summary: '시험용 사업',
    benefit: { description: '지원' },
    howToApply: '',
    rule,
    examples: { mustMatch: [], mustNotMatch: [] },
    status: 'open',
    version: 1,
  };
}

const EXCLUSIONS: Rule = {
  type: 'all',
  rules: [
    { type: 'industry', op: 'notIn', codes: ['56211', 'K'] },
    { type: 'flag', flag: 'taxArrears', present: false },
  ],
};

describe('evaluateProgram', () => {
  it('returns the program identity with the verdict and reasons', () => {
    const r = evaluateProgram(program('a', { type: 'range', field: 'employees', lt: 5 }), makeProfile(), ctx);
    expect(r).toMatchObject({ id: 'a', title: '사업 a', kind: 'support', eligible: true });
    expect(r.reasons).toHaveLength(1);
  });
});

describe('matchPrograms', () => {
  it('evaluates every program in order', () => {
    const programs = [program('a', { type: 'smallBusiness' }), program('b', { type: 'preStartup' })];
    const { evaluations } = matchPrograms(programs, makeProfile(), ctx);
    expect(evaluations.map((e) => [e.id, e.eligible])).toEqual([
      ['a', true],
      ['b', false],
    ]);
  });

  it('reports a program failed by exactly one condition as a near miss, with what would have to change', () => {
    const rule: Rule = { type: 'all', rules: [{ type: 'range', field: 'employees', lt: 5 }, EXCLUSIONS] };
    const { nearMisses } = matchPrograms([program('a', rule)], makeProfile({ employees: 6 }), ctx);
    expect(nearMisses).toEqual([
      {
        id: 'a',
        title: '사업 a',
        kind: 'support',
        blocking: {
          path: 'rules.0',
          type: 'range',
          met: false,
          text: '상시근로자 5명 미만이어야 합니다 (현재 6명)',
          textEn: 'The regular employees must be under 5 (now 6)',
        },
        change: '상시근로자가 5명 미만이면 신청할 수 있습니다',
        changeEn: 'Eligible if the regular employees were under 5',
      },
    ]);
  });

  it('ignores programs failed by two or more conditions, and eligible ones', () => {
    const rule: Rule = {
      type: 'all',
      rules: [
        { type: 'range', field: 'employees', lt: 5 },
        { type: 'region', op: 'in', codes: ['11'] },
      ],
    };
    const { nearMisses } = matchPrograms(
      [program('two', rule), program('ok', { type: 'region', op: 'in', codes: ['47'] })],
      makeProfile({ employees: 6 }),
      ctx,
    );
    expect(nearMisses).toEqual([]);
  });

  it('phrases the change of a negated condition negated', () => {
    const rule: Rule = { type: 'all', rules: [{ type: 'smallBusiness' }, EXCLUSIONS] };
    const { nearMisses } = matchPrograms(
      [program('a', rule)],
      makeProfile({ flags: { taxArrears: true } }),
      ctx,
    );
    expect(nearMisses[0]?.blocking.path).toBe('rules.1.rules.1');
    expect(nearMisses[0]?.change).toBe('국세·지방세 체납에 해당하지 않으면 신청할 수 있습니다');
  });

  it('finds the blocking condition under not, where meeting it means the inner condition fails', () => {
    const rule: Rule = {
      type: 'not',
      rule: { type: 'any', rules: [{ type: 'flag', flag: 'taxArrears', present: true }] },
    };
    const { nearMisses } = matchPrograms(
      [program('a', rule)],
      makeProfile({ flags: { taxArrears: true } }),
      ctx,
    );
    expect(nearMisses[0]).toMatchObject({
      blocking: { path: 'rule.rules.0', met: false },
      change: '국세·지방세 체납에 해당하지 않으면 신청할 수 있습니다',
    });
  });

  it('proposes only what the owner can change: never a region, an industry, an age or a past date', () => {
    const fixed: Rule[] = [
      { type: 'region', op: 'in', codes: ['11'] },
      { type: 'industry', op: 'notIn', codes: ['56'] },
      { type: 'range', field: 'businessAgeYears', gte: 30 },
      { type: 'range', field: 'ownerAge', lte: 39 },
      { type: 'openedBefore', date: '2019-01-01' },
      { type: 'disasterArea', disasterKind: 'heavy-rain' },
      { type: 'disasterDamage', disasterKind: 'heavy-rain' },
      { type: 'priorSupport', programId: 'a', present: false },
      { type: 'flag', flag: 'womanOwned', present: true },
    ];
    const profile = makeProfile({
      ownerBirthYear: 1970,
      flags: { womanOwned: false },
      priorSupport: [{ programId: 'a', year: 2026 }],
    });
    const { evaluations, nearMisses } = matchPrograms(
      fixed.map((r, i) => program(`p${i}`, r)),
      profile,
      ctx,
    );
    expect(evaluations.filter((e) => e.eligible)).toEqual([]);
    expect(nearMisses).toEqual([]);
  });

  it('proposes what can change: revenue, employees, a confirmation, arrears, a plan, missing facts', () => {
    const movable: Rule[] = [
      { type: 'range', field: 'employees', lt: 3 },
      { type: 'disasterDamage', disasterKind: 'wildfire' },
      { type: 'flag', flag: 'employmentInsurance', present: true },
      { type: 'not', rule: { type: 'closure', status: 'planned' } },
      { type: 'range', field: 'highestLoanRate', gte: 7 },
    ];
    const { nearMisses } = matchPrograms(
      movable.map((r, i) => program(`p${i}`, r)),
      makeProfile({ flags: { employmentInsurance: false }, plannedClosureDate: '2027-01-31' }),
      ctx,
    );
    expect(nearMisses.map((n) => n.id)).toEqual(['p0', 'p1', 'p2', 'p3', 'p4']);
  });

  it('picks a member of an "any" group the owner can change over one that is history', () => {
    const rule: Rule = {
      type: 'any',
      rules: [
        { type: 'range', field: 'businessAgeYears', gte: 30 },
        { type: 'flag', flag: 'smartTech', present: true },
      ],
    };
    const { nearMisses } = matchPrograms(
      [program('a', rule)],
      makeProfile({ flags: { smartTech: false } }),
      ctx,
    );
    expect(nearMisses[0]?.blocking.path).toBe('rules.1');
  });

  it('reports a single unknown fact as a near miss, saying it is not on record', () => {
    const rule: Rule = {
      type: 'all',
      rules: [{ type: 'range', field: 'highestLoanRate', gte: 7 }, EXCLUSIONS],
    };
    const { nearMisses } = matchPrograms([program('a', rule)], makeProfile(), ctx);
    expect(nearMisses[0]?.blocking.met).toBeNull();
    expect(nearMisses[0]?.change).toBe(
      '보유 대출의 최고 금리가 연 7% 이상이면 신청할 수 있습니다 (지금은 정보가 없어 확인할 수 없습니다)',
    );
  });

  it('prefers a known failure to an unknown fact when either would do', () => {
    const rule: Rule = {
      type: 'any',
      rules: [
        { type: 'flag', flag: 'womanOwned', present: true },
        { type: 'range', field: 'employees', lt: 2 },
      ],
    };
    const { nearMisses } = matchPrograms([program('a', rule)], makeProfile(), ctx);
    expect(nearMisses[0]?.blocking.path).toBe('rules.1');
  });

  it('gives the industry thresholds when the 소상공인 test blocks', () => {
    const { nearMisses } = matchPrograms(
      [program('a', { type: 'smallBusiness' })],
      makeProfile({ employees: 7 }),
      ctx,
    );
    expect(nearMisses[0]?.change).toBe(
      '소상공인 기준(상시근로자 5명 미만, 매출 10억원 이하)을 충족하면 신청할 수 있습니다',
    );
  });

  it('names a prior-support program by the title of a program in the list', () => {
    const programs = [
      program('academy', { type: 'preStartup' }, '신사업창업사관학교'),
      program('fund', { type: 'priorSupport', programId: 'academy', present: true }),
    ];
    const { evaluations, nearMisses } = matchPrograms(programs, makeProfile(), ctx);
    expect(evaluations[1]?.reasons[0]?.text).toBe(
      '「신사업창업사관학교」 지원을 받은 적이 있어야 합니다 (지원받은 기록 없음)',
    );
    expect(nearMisses.map((n) => n.change)).toEqual([
      '「신사업창업사관학교」 지원을 받은 적이 있으면 신청할 수 있습니다',
    ]);
  });
});
