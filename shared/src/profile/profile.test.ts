import { describe, expect, it } from 'vitest';
import { validateWith } from '../validation';
import { type BusinessProfileInput, BusinessProfileSchema, profileReferenceErrors } from './profile';

const base: BusinessProfileInput = {
  brn: '220-81-62517',
  tradeName: '의성한식당',
  representativeName: '김민지',
  openingDate: '2019-04-15',
  regionCode: '47730',
  ksic: '56111',
  employees: 3,
};

function errorsOf(input: unknown) {
  const r = validateWith(BusinessProfileSchema, input);
  return r.ok ? [] : r.errors;
}

describe('BusinessProfileSchema', () => {
  it('normalises the registration number and fills the lists', () => {
    const r = BusinessProfileSchema.parse(base);
    expect(r.brn).toBe('2208162517');
    expect(r.flags).toEqual({});
    expect(r.priorSupport).toEqual([]);
    expect(r.disasterDamage).toEqual([]);
  });

  it('names a bad registration number', () => {
    expect(errorsOf({ ...base, brn: '220-81-62518' })).toEqual([
      { path: 'brn', message: '사업자등록번호의 검증번호가 맞지 않습니다.' },
    ]);
    expect(errorsOf({ ...base, brn: '12345' })[0]).toEqual({
      path: 'brn',
      message: '사업자등록번호는 숫자 10자리여야 합니다.',
    });
  });

  it('requires a registration number unless pre-startup', () => {
    const { brn: _brn, ...noBrn } = base;
    expect(errorsOf(noBrn).map((e) => e.path)).toEqual(['brn']);
    expect(errorsOf({ ...noBrn, preStartup: true })).toEqual([]);
  });

  it('rejects an unknown 시군구 code and a 시도 code', () => {
    expect(errorsOf({ ...base, regionCode: '47999' })).toEqual([
      { path: 'regionCode', message: '알 수 없는 시군구 코드입니다.' },
    ]);
    expect(errorsOf({ ...base, regionCode: '47' }).map((e) => e.path)).toEqual(['regionCode']);
  });

  it('rejects negative or fractional employees with Korean messages', () => {
    expect(errorsOf({ ...base, employees: -1 })).toEqual([
      { path: 'employees', message: '상시근로자 수는 0 이상이어야 합니다.' },
    ]);
    expect(errorsOf({ ...base, employees: 2.5 })).toEqual([
      { path: 'employees', message: '상시근로자 수는 정수여야 합니다.' },
    ]);
  });

  it('rejects a closure before the opening and impossible dates', () => {
    expect(errorsOf({ ...base, closureDate: '2018-01-01' }).map((e) => e.path)).toEqual(['closureDate']);
    expect(errorsOf({ ...base, openingDate: '2019-02-30' })).toEqual([
      { path: 'openingDate', message: '날짜는 YYYY-MM-DD 형식이어야 합니다.' },
    ]);
  });

  it('rejects unknown flags and bad list entries with their paths', () => {
    expect(errorsOf({ ...base, flags: { youth: true } })).toEqual([
      { path: 'flags.youth', message: '알 수 없는 항목입니다: youth' },
    ]);
    expect(errorsOf({ ...base, flags: { womanOwned: 'yes' } })).toEqual([
      { path: 'flags.womanOwned', message: '참/거짓 값이어야 합니다.' },
    ]);
    expect(errorsOf({ ...base, priorSupport: [{ programId: 'x', year: 1800 }] }).map((e) => e.path)).toEqual([
      'priorSupport.0.year',
    ]);
    expect(
      errorsOf({ ...base, disasterDamage: [{ disasterId: 'd', confirmedOn: 'yesterday' }] }).map(
        (e) => e.path,
      ),
    ).toEqual(['disasterDamage.0.confirmedOn']);
  });

  it('rejects an unknown KSIC code and a missing trade name', () => {
    const { tradeName: _t, ...noName } = base;
    expect(errorsOf({ ...base, ksic: '57000' }).map((e) => e.path)).toEqual(['ksic']);
    expect(errorsOf(noName)).toEqual([{ path: 'tradeName', message: '필수 항목입니다.' }]);
  });

  it('reports a misspelt field with its path, at the top and in the lists', () => {
    expect(errorsOf({ ...base, employes: 3 })).toEqual([
      { path: 'employes', message: '알 수 없는 항목입니다: employes' },
    ]);
    expect(
      errorsOf({ ...base, priorSupport: [{ programId: 'smart-store', year: 2025, yaer: 2025 }] }),
    ).toEqual([{ path: 'priorSupport.0.yaer', message: '알 수 없는 항목입니다: yaer' }]);
    expect(
      errorsOf({
        ...base,
        disasterDamage: [{ disasterId: '2025-03-wildfire', confirmedOn: '2025-04-07', note: 'x' }],
      }),
    ).toEqual([{ path: 'disasterDamage.0.note', message: '알 수 없는 항목입니다: note' }]);
  });

  it('keeps dates from 1950 on, naming the field', () => {
    expect(errorsOf({ ...base, openingDate: '1949-12-31' })).toEqual([
      { path: 'openingDate', message: '개업일은 1950년 1월 1일 이후여야 합니다.' },
    ]);
    expect(errorsOf({ ...base, openingDate: '1950-01-01' })).toEqual([]);
  });

  it('rejects implausible employee counts and emoji in a trade name', () => {
    expect(errorsOf({ ...base, employees: 100_000 })).toEqual([
      { path: 'employees', message: '상시근로자 수는 1,000명 이하여야 합니다.' },
    ]);
    expect(errorsOf({ ...base, tradeName: '의성식당🍜' })).toEqual([
      { path: 'tradeName', message: '상호에는 이모지나 제어 문자를 쓸 수 없습니다.' },
    ]);
    expect(errorsOf({ ...base, tradeName: '(주)의성 & 식당 No.1' })).toEqual([]);
  });
});

describe('profileReferenceErrors', () => {
  const known = { programIds: new Set(['smart-store']), disasterIds: new Set(['2025-03-wildfire']) };

  it('names prior support and damage that refer to nothing, with their paths', () => {
    const profile = BusinessProfileSchema.parse({
      ...base,
      priorSupport: [
        { programId: 'smart-store', year: 2025 },
        { programId: 'smart-stor', year: 2025 },
      ],
      disasterDamage: [{ disasterId: '2025-03-wildfir', confirmedOn: '2025-04-07' }],
    });
    expect(profileReferenceErrors(profile, known, 'profile')).toEqual([
      { path: 'profile.priorSupport.1.programId', message: '없는 사업입니다: smart-stor' },
      {
        path: 'profile.disasterDamage.0.disasterId',
        message: '선포된 재난 가운데 없는 재난입니다: 2025-03-wildfir',
      },
    ]);
  });
});
