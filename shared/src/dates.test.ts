import { describe, expect, it } from 'vitest';
import {
  addYears,
  daysBetween,
  dDay,
  fromDayNumber,
  fullYearsBetween,
  isIsoDate,
  toDayNumber,
} from './dates';

describe('dates', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2023-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('2024-1-01')).toBe(false);
    expect(isIsoDate('2024-01-01T00:00:00Z')).toBe(false);
  });

  it('converts to and from day numbers', () => {
    expect(toDayNumber('1970-01-01')).toBe(0);
    expect(toDayNumber('1970-01-02')).toBe(1);
    expect(fromDayNumber(toDayNumber('2026-11-26'))).toBe('2026-11-26');
    expect(() => toDayNumber('2026-02-30')).toThrow(RangeError);
  });

  it('counts full anniversary years, like 만 나이', () => {
    expect(fullYearsBetween('2020-03-15', '2023-03-14')).toBe(2);
    expect(fullYearsBetween('2020-03-15', '2023-03-15')).toBe(3);
    expect(fullYearsBetween('2020-03-15', '2019-03-16')).toBe(-1);
  });

  it('counts days, across a leap day', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2023-02-28', '2023-03-01')).toBe(1);
    expect(daysBetween('2024-03-01', '2024-02-28')).toBe(-2);
  });

  it('adds years, with 29 February falling back to 28 February', () => {
    expect(addYears('2020-06-01', 7)).toBe('2027-06-01');
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
  });

  it('counts down to a deadline: 0 on the day, negative after', () => {
    expect(dDay('2026-12-31', '2026-12-24')).toBe(7);
    expect(dDay('2026-12-31', '2026-12-31')).toBe(0);
    expect(dDay('2026-12-31', '2027-01-01')).toBe(-1);
  });
});
