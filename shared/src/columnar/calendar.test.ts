import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addYears, fromDayNumber, fullYearsBetween, toDayNumber } from '../dates';
import {
  addYearsDay,
  fullYearsBetweenDays,
  isoOfDay,
  lastDayOnOrBefore,
  packedCivil,
  parseIsoDay,
} from './calendar';

const arbDay = fc.integer({ min: toDayNumber('1000-01-01'), max: toDayNumber('9998-12-31') });

describe('calendar', () => {
  it('converts day numbers to and from ISO dates like dates.ts', () => {
    fc.assert(
      fc.property(arbDay, (day) => {
        expect(isoOfDay(day)).toBe(fromDayNumber(day));
        expect(parseIsoDay(fromDayNumber(day))).toBe(day);
      }),
      { numRuns: 2_000 },
    );
  });

  it('counts whole years and adds years like dates.ts, 29 February included', () => {
    const leapDays = fc
      .integer({ min: 251, max: 2250 })
      .map((q) => q * 4)
      .filter((y) => y % 100 !== 0 || y % 400 === 0)
      .map((y) => toDayNumber(`${y}-02-29`));
    fc.assert(
      fc.property(fc.oneof(arbDay, leapDays), arbDay, fc.integer({ min: 0, max: 40 }), (a, b, years) => {
        expect(fullYearsBetweenDays(a, b)).toBe(fullYearsBetween(fromDayNumber(a), fromDayNumber(b)));
        if (a < toDayNumber('9900-01-01'))
          expect(fromDayNumber(addYearsDay(a, years))).toBe(addYears(fromDayNumber(a), years));
      }),
      { numRuns: 2_000 },
    );
  });

  it('finds the last real day on or before a civil date that may not exist', () => {
    expect(isoOfDay(lastDayOnOrBefore(2023, 2, 29))).toBe('2023-02-28');
    expect(isoOfDay(lastDayOnOrBefore(2024, 2, 29))).toBe('2024-02-29');
    expect(packedCivil(toDayNumber('2024-12-31')) & 511).toBe(12 * 32 + 31);
  });
});
