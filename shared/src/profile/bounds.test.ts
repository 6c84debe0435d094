import { describe, expect, it } from 'vitest';
import { makeProfile } from '../testing/fixtures';
import {
  employeeConfirmationError,
  employeesNeedConfirmation,
  latestPlannedDate,
  profileDateErrors,
} from './bounds';
import { BusinessProfileSchema } from './profile';

const TODAY = '2026-12-03';

describe('profileDateErrors', () => {
  it('accepts the base profile and dates right at each bound', () => {
    expect(profileDateErrors(makeProfile(), TODAY)).toEqual([]);
    const atBounds = makeProfile({
      openingDate: '2027-01-02', // today + 30 days
      plannedClosureDate: '2031-12-31',
    });
    expect(profileDateErrors(atBounds, TODAY)).toEqual([]);
    expect(profileDateErrors(makeProfile({ closureDate: '2026-12-04' }), TODAY)).toEqual([]);
  });

  it('refuses dates past each bound, naming the field and the last allowed day', () => {
    const p = makeProfile({
      openingDate: '2027-01-03',
      plannedClosureDate: '2032-01-01',
      closureDate: '2027-02-01',
      previousClosureDate: '2999-01-01',
      disasterDamage: [{ disasterId: 'x', confirmedOn: '2026-12-05' }],
    });
    expect(profileDateErrors(p, TODAY, 'profile')).toEqual([
      { path: 'profile.openingDate', message: '개업일은 2027년 1월 2일까지여야 합니다.' },
      { path: 'profile.closureDate', message: '폐업일은 2026년 12월 4일까지여야 합니다.' },
      { path: 'profile.previousClosureDate', message: '이전 사업 폐업일은 2026년 12월 4일까지여야 합니다.' },
      { path: 'profile.plannedClosureDate', message: '폐업 예정일은 2031년 12월 31일까지여야 합니다.' },
      {
        path: 'profile.disasterDamage.0.confirmedOn',
        message: '피해 확인일은 2026년 12월 4일까지여야 합니다.',
      },
    ]);
  });

  it("lets a pre-startup founder's planned opening lie up to five years ahead, not further", () => {
    const founder = (openingDate: string) => makeProfile({ brn: undefined, preStartup: true, openingDate });
    expect(profileDateErrors(founder('2031-06-01'), TODAY)).toEqual([]);
    expect(profileDateErrors(founder('2032-01-01'), TODAY).map((e) => e.path)).toEqual(['openingDate']);
  });

  it('moves with the date it is given, never with the machine clock', () => {
    expect(latestPlannedDate('2026-12-03')).toBe('2031-12-31');
    expect(latestPlannedDate('2030-01-01')).toBe('2035-12-31');
    const p = makeProfile({ plannedClosureDate: '2033-06-30' });
    expect(profileDateErrors(p, '2026-12-03')).toHaveLength(1);
    expect(profileDateErrors(p, '2028-01-01')).toEqual([]);
  });
});

describe('the static bounds of the schema', () => {
  it('refuses a planned closure before the opening, a closure before the opening, and emoji in a trade name', () => {
    const result = BusinessProfileSchema.safeParse({
      ...makeProfile(),
      tradeName: '의성한식당 🍚',
      plannedClosureDate: '2019-01-01',
      closureDate: '2019-01-01',
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual(
      expect.arrayContaining([
        ['tradeName', '상호에는 이모지나 제어 문자를 쓸 수 없습니다.'],
        ['closureDate', '폐업일은 개업일보다 빠를 수 없습니다.'],
        ['plannedClosureDate', '폐업 예정일은 개업일보다 빠를 수 없습니다.'],
      ]),
    );
  });
});

describe('employee counts above the 소상공인 limit', () => {
  it('need a confirmation from the limit of the industry on (5 in food service, 10 in manufacturing)', () => {
    expect(employeesNeedConfirmation('56111', 4)).toBe(false);
    expect(employeesNeedConfirmation('56111', 5)).toBe(true);
    expect(employeesNeedConfirmation('25112', 9)).toBe(false);
    expect(employeesNeedConfirmation('25112', 10)).toBe(true);
    expect(employeesNeedConfirmation('25112', undefined)).toBe(false);
    expect(employeeConfirmationError('25112', 1200, 'employees').message).toBe(
      '상시근로자 1,200명은 이 업종의 소상공인 기준(10명 미만)을 넘습니다. 인원이 맞으면 확인란에 표시해 주세요.',
    );
  });
});
