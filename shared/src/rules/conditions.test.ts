import { describe, expect, it } from 'vitest';
import { TEST_DISASTERS } from '../testing/arbitraries';
import { makeProfile } from '../testing/fixtures';
import { evaluateRule, type Truth } from './evaluate';
import type { Condition } from './types';

const AS_OF = '2026-11-26';

/** The result of one condition for the base business (의성군 한식당) with some fields replaced. */
function truth(c: Condition, overrides: Parameters<typeof makeProfile>[0] = {}, asOf = AS_OF): Truth {
  return evaluateRule(c, makeProfile(overrides), { asOf, disasters: TEST_DISASTERS }).result;
}

describe('region', () => {
  it('matches a 시군구 code or its 시도', () => {
    expect(truth({ type: 'region', op: 'in', codes: ['47730'] })).toBe(true);
    expect(truth({ type: 'region', op: 'in', codes: ['11', '47'] })).toBe(true);
    expect(truth({ type: 'region', op: 'in', codes: ['27720', '11'] })).toBe(false);
    expect(truth({ type: 'region', op: 'notIn', codes: ['47'] })).toBe(false);
    expect(truth({ type: 'region', op: 'notIn', codes: ['27'] })).toBe(true);
  });
});

describe('industry', () => {
  it('matches by section letter or digit prefix', () => {
    expect(truth({ type: 'industry', op: 'in', codes: ['I'] })).toBe(true);
    expect(truth({ type: 'industry', op: 'in', codes: ['561'] })).toBe(true);
    expect(truth({ type: 'industry', op: 'in', codes: ['56211', 'G'] })).toBe(false);
    expect(truth({ type: 'industry', op: 'notIn', codes: ['56211', 'K'] })).toBe(true);
    expect(truth({ type: 'industry', op: 'notIn', codes: ['56'] })).toBe(false);
  });
});

describe('range', () => {
  it('applies every bound, inclusive or strict', () => {
    expect(truth({ type: 'range', field: 'employees', lt: 5 })).toBe(true);
    expect(truth({ type: 'range', field: 'employees', lt: 3 })).toBe(false);
    expect(truth({ type: 'range', field: 'employees', lte: 3 })).toBe(true);
    expect(truth({ type: 'range', field: 'employees', gt: 3 })).toBe(false);
    expect(truth({ type: 'range', field: 'employees', gte: 3, lt: 5 })).toBe(true);
    expect(truth({ type: 'range', field: 'revenue', gt: 0, lte: 300_000_000 })).toBe(true);
    expect(truth({ type: 'range', field: 'revenueAvg3y', gt: 260_000_000 })).toBe(false);
  });

  it('is unknown when the number is absent', () => {
    expect(truth({ type: 'range', field: 'employees', lt: 5 }, { employees: undefined })).toBeNull();
    expect(truth({ type: 'range', field: 'highestLoanRate', gte: 7 })).toBeNull();
    expect(truth({ type: 'range', field: 'highestLoanRate', gte: 7 }, { highestLoanRate: 7.5 })).toBe(true);
  });

  it('counts business age in full years from the opening date', () => {
    const c: Condition = { type: 'range', field: 'businessAgeYears', gte: 7 };
    expect(truth(c, {}, '2026-04-14')).toBe(false);
    expect(truth(c, {}, '2026-04-15')).toBe(true);
    expect(truth({ type: 'range', field: 'businessAgeDays', gte: 60 }, { openingDate: '2026-09-27' })).toBe(
      true,
    );
    expect(truth({ type: 'range', field: 'businessAgeDays', gte: 61 }, { openingDate: '2026-09-27' })).toBe(
      false,
    );
  });

  it('counts business age until the closure for a closed business', () => {
    const closed = { openingDate: '2020-01-01', closureDate: '2022-06-30' };
    expect(truth({ type: 'range', field: 'businessAgeYears', lt: 3 }, closed)).toBe(true);
    expect(truth({ type: 'range', field: 'businessAgeDays', gte: 911 }, closed)).toBe(true);
    expect(truth({ type: 'range', field: 'businessAgeDays', gte: 912 }, closed)).toBe(false);
  });

  it('gives a pre-startup founder no business age: the range is not met, not unknown', () => {
    const c: Condition = { type: 'range', field: 'businessAgeYears', lt: 7 };
    expect(truth(c, { brn: undefined, preStartup: true, openingDate: undefined })).toBe(false);
    expect(truth(c, { openingDate: '2027-03-01' })).toBe(false);
    expect(truth(c, { openingDate: undefined })).toBeNull();
  });

  it('takes owner age as the as-of year minus the birth year', () => {
    expect(truth({ type: 'range', field: 'ownerAge', lte: 39 }, { ownerBirthYear: 1987 })).toBe(true);
    expect(truth({ type: 'range', field: 'ownerAge', lte: 39 }, { ownerBirthYear: 1986 })).toBe(false);
    expect(truth({ type: 'range', field: 'ownerAge', lte: 39 }, { ownerBirthYear: undefined })).toBeNull();
  });
});

describe('smallBusiness', () => {
  const c: Condition = { type: 'smallBusiness' };

  it('needs fewer employees than the industry limit and revenue within the cap', () => {
    expect(truth(c)).toBe(true);
    expect(truth(c, { employees: 5 })).toBe(false);
    expect(truth(c, { ksic: '10711', employees: 9 })).toBe(true);
    expect(truth(c, { ksic: '10711', employees: 10 })).toBe(false);
    expect(truth(c, { revenueAvg3y: 1_000_000_000 })).toBe(true);
    expect(truth(c, { revenueAvg3y: 1_000_000_001 })).toBe(false);
  });

  it('uses last-year revenue when the 3-year average is absent', () => {
    expect(truth(c, { revenueAvg3y: undefined, revenue: 1_200_000_000 })).toBe(false);
    expect(truth(c, { revenueAvg3y: undefined, revenue: 900_000_000 })).toBe(true);
  });

  it('is unknown when a needed number is absent, unless the other already fails', () => {
    expect(truth(c, { employees: undefined })).toBeNull();
    expect(truth(c, { revenue: undefined, revenueAvg3y: undefined })).toBeNull();
    expect(truth(c, { employees: undefined, revenueAvg3y: 2_000_000_000 })).toBe(false);
    expect(truth(c, { employees: 8, revenue: undefined, revenueAvg3y: undefined })).toBe(false);
  });
});

describe('flag', () => {
  it('is met when the flag has the wanted value, unknown when absent', () => {
    expect(truth({ type: 'flag', flag: 'taxArrears', present: false })).toBe(true);
    expect(truth({ type: 'flag', flag: 'taxArrears', present: true })).toBe(false);
    expect(truth({ type: 'flag', flag: 'womanOwned', present: true })).toBeNull();
    expect(truth({ type: 'flag', flag: 'womanOwned', present: false })).toBeNull();
    expect(truth({ type: 'flag', flag: 'womanOwned', present: true }, { flags: { womanOwned: true } })).toBe(
      true,
    );
  });
});

describe('priorSupport', () => {
  const supported = { priorSupport: [{ programId: 'smart-store', year: 2024 }] };

  it('looks for the program, within N calendar years when given', () => {
    expect(truth({ type: 'priorSupport', programId: 'smart-store', present: true }, supported)).toBe(true);
    expect(truth({ type: 'priorSupport', programId: 'other', present: true }, supported)).toBe(false);
    expect(
      truth({ type: 'priorSupport', programId: 'smart-store', withinYears: 2, present: true }, supported),
    ).toBe(true);
    expect(
      truth({ type: 'priorSupport', programId: 'smart-store', withinYears: 1, present: true }, supported),
    ).toBe(false);
  });

  it('is met by the absence of support when present is false, and known with an empty list', () => {
    expect(
      truth({ type: 'priorSupport', programId: 'smart-store', withinYears: 2, present: false }, supported),
    ).toBe(false);
    expect(truth({ type: 'priorSupport', programId: 'smart-store', present: false })).toBe(true);
  });
});

describe('disasterArea', () => {
  it('needs the business inside a selected disaster area and operating at its start', () => {
    expect(truth({ type: 'disasterArea' })).toBe(true); // 의성군, 2025-03 wildfire
    expect(truth({ type: 'disasterArea', disasterKind: 'wildfire' })).toBe(true);
    expect(truth({ type: 'disasterArea', disasterKind: 'heavy-rain' })).toBe(false);
    expect(truth({ type: 'disasterArea', disasterId: '2025-03-wildfire' })).toBe(true);
    expect(truth({ type: 'disasterArea', disasterId: '2023-07-heavy-rain' })).toBe(false);
    expect(truth({ type: 'disasterArea' }, { regionCode: '11680' })).toBe(false);
  });

  it('does not count a business that opened after the start or closed before it', () => {
    expect(truth({ type: 'disasterArea' }, { openingDate: '2025-03-21' })).toBe(true);
    expect(truth({ type: 'disasterArea' }, { openingDate: '2025-03-22' })).toBe(false);
    expect(truth({ type: 'disasterArea' }, { closureDate: '2025-03-21' })).toBe(true);
    expect(truth({ type: 'disasterArea' }, { closureDate: '2025-03-20' })).toBe(false);
    expect(truth({ type: 'disasterArea' }, { brn: undefined, preStartup: true })).toBe(false);
  });

  it('is unknown in the area without an opening date', () => {
    expect(truth({ type: 'disasterArea' }, { openingDate: undefined })).toBeNull();
    expect(truth({ type: 'disasterArea' }, { openingDate: undefined, regionCode: '11680' })).toBe(false);
  });
});

describe('disasterDamage', () => {
  const damaged = { disasterDamage: [{ disasterId: '2025-03-wildfire', confirmedOn: '2025-04-07' }] };

  it('needs a confirmation for a selected disaster whose area holds the business', () => {
    expect(truth({ type: 'disasterDamage' }, damaged)).toBe(true);
    expect(truth({ type: 'disasterDamage', disasterKind: 'wildfire' }, damaged)).toBe(true);
    expect(truth({ type: 'disasterDamage', disasterKind: 'heavy-rain' }, damaged)).toBe(false);
    expect(truth({ type: 'disasterDamage' })).toBe(false);
    expect(truth({ type: 'disasterDamage' }, { ...damaged, regionCode: '47900' })).toBe(false);
  });

  it('counts a confirmation only for a business operating when the disaster began (2025-03-21)', () => {
    expect(truth({ type: 'disasterDamage' }, { ...damaged, openingDate: '2025-03-21' })).toBe(true);
    expect(truth({ type: 'disasterDamage' }, { ...damaged, openingDate: '2025-03-22' })).toBe(false);
    expect(truth({ type: 'disasterDamage' }, { ...damaged, closureDate: '2025-03-20' })).toBe(false);
    expect(truth({ type: 'disasterDamage' }, { ...damaged, openingDate: undefined })).toBeNull();
    expect(truth({ type: 'disasterDamage' }, { ...damaged, brn: undefined, preStartup: true })).toBe(false);
  });
});

describe('openedBefore', () => {
  it('is strict, unknown without an opening date, not met before opening', () => {
    expect(truth({ type: 'openedBefore', date: '2019-04-16' })).toBe(true);
    expect(truth({ type: 'openedBefore', date: '2019-04-15' })).toBe(false);
    expect(truth({ type: 'openedBefore', date: '2030-01-01' }, { openingDate: undefined })).toBeNull();
    expect(truth({ type: 'openedBefore', date: '2030-01-01' }, { openingDate: '2027-01-01' })).toBe(false);
  });
});

describe('operating', () => {
  it('is met between opening and closure, on the as-of date by default', () => {
    expect(truth({ type: 'operating' })).toBe(true);
    expect(truth({ type: 'operating' }, { closureDate: '2026-11-26' })).toBe(false);
    expect(truth({ type: 'operating' }, { closureDate: '2026-11-27' })).toBe(true);
    expect(truth({ type: 'operating', date: '2019-04-15' })).toBe(true);
    expect(truth({ type: 'operating', date: '2019-04-14' })).toBe(false);
  });

  it('is not met for a pre-startup founder and unknown without an opening date', () => {
    expect(truth({ type: 'operating' }, { brn: undefined, preStartup: true })).toBe(false);
    expect(truth({ type: 'operating' }, { openingDate: undefined })).toBeNull();
    expect(truth({ type: 'operating' }, { openingDate: undefined, closureDate: '2026-01-01' })).toBe(false);
  });
});

describe('closure', () => {
  it('tells planned from closed, and limits how long ago', () => {
    const planned = { plannedClosureDate: '2027-01-31' };
    const closed = { closureDate: '2026-06-01' };
    expect(truth({ type: 'closure', status: 'planned' }, planned)).toBe(true);
    expect(truth({ type: 'closure', status: 'closed' }, planned)).toBe(false);
    expect(truth({ type: 'closure', status: 'closed' }, closed)).toBe(true);
    expect(truth({ type: 'closure', status: 'closed', withinDays: 178 }, closed)).toBe(true);
    expect(truth({ type: 'closure', status: 'closed', withinDays: 177 }, closed)).toBe(false);
    expect(truth({ type: 'closure', status: 'plannedOrClosed' }, planned)).toBe(true);
    expect(truth({ type: 'closure', status: 'plannedOrClosed' })).toBe(false);
    expect(truth({ type: 'closure', status: 'planned' }, { ...planned, closureDate: '2026-01-01' })).toBe(
      false,
    );
    expect(truth({ type: 'closure', status: 'closed' }, { closureDate: '2026-12-01' })).toBe(false);
  });
});

describe('restart', () => {
  it('needs an opening within N years after the previous closure', () => {
    const c: Condition = { type: 'restart', withinYears: 7 };
    expect(truth(c, { previousClosureDate: '2012-04-15' })).toBe(true);
    expect(truth(c, { previousClosureDate: '2012-04-14' })).toBe(false);
    expect(truth(c, { previousClosureDate: '2019-05-01' })).toBe(false);
    expect(truth(c)).toBe(false);
    expect(truth(c, { previousClosureDate: '2018-01-01', openingDate: undefined })).toBeNull();
  });
});

describe('preStartup and stage', () => {
  it('reads the pre-startup declaration', () => {
    expect(truth({ type: 'preStartup' }, { brn: undefined, preStartup: true })).toBe(true);
    expect(truth({ type: 'preStartup' })).toBe(false);
  });

  it('derives the stage, unknown without an opening date', () => {
    expect(truth({ type: 'stage', stages: ['growth'] })).toBe(true);
    expect(truth({ type: 'stage', stages: ['startup', 'closure'] })).toBe(false);
    expect(truth({ type: 'stage', stages: ['startup'] }, { openingDate: undefined })).toBeNull();
  });
});
