import { describe, expect, it } from 'vitest';
import { anonymise, revenueBand, spreadIndexes } from './preview-sample';
import { business } from './test-fixtures';

describe('preview samples', () => {
  it('shows revenue as a band, never the figure', () => {
    expect(revenueBand(undefined)).toBeNull();
    expect(revenueBand(49_000_000)).toBe('5천만 원 미만');
    expect(revenueBand(150_000_000)).toBe('1억~3억 원');
    expect(revenueBand(5_000_000_000)).toBe('30억 원 이상');
  });

  it('keeps region, industry, stage and size and drops the number and names', () => {
    const { profile } = business(7, '47130');

    const sample = anonymise({ ...profile, revenue: 123_456_789 }, '2026-03-02');

    expect(sample).toEqual({
      sido: '47',
      sidoName: '경상북도',
      regionCode: '47130',
      regionName: '경상북도 경주시',
      ksic: '56111',
      industryName: expect.any(String),
      stage: 'growth',
      businessAgeYears: 6,
      employees: 1,
      revenueBand: '1억~3억 원',
    });
    expect(JSON.stringify(sample)).not.toContain(profile.brn);
    expect(JSON.stringify(sample)).not.toContain(profile.tradeName);
  });

  it('spreads sample indexes over all matches', () => {
    expect(spreadIndexes(3, 20)).toEqual([0, 1, 2]);
    expect(spreadIndexes(100, 4)).toEqual([0, 25, 50, 75]);
  });
});
