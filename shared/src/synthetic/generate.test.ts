import { describe, expect, it } from 'vitest';
import { isValidBusinessNumber } from '../business-number/business-number';
import { fullYearsBetween } from '../dates';
import { BusinessProfileSchema } from '../profile/profile';
import { ksicSection } from '../reference/ksic';
import { findSigungu } from '../reference/regions';
import {
  generateBusiness,
  generateBusinesses,
  registryStatusOf,
  type SyntheticBusiness,
  syntheticBrn,
} from './generate';
import { SIDO_POPULATION } from './tables';

const AS_OF = '2025-06-01';
const sample = (count: number, seed = 7): SyntheticBusiness[] => [
  ...generateBusinesses(count, { seed, asOf: AS_OF }),
];
const share = <T>(items: readonly T[], predicate: (x: T) => boolean) =>
  items.filter(predicate).length / items.length;

describe('generateBusiness', () => {
  it('returns the same business for the same index, seed and date', () => {
    expect(generateBusiness(123_456, 42, AS_OF)).toEqual(generateBusiness(123_456, 42, AS_OF));
  });

  it('draws each index independently of where generation starts', () => {
    const fromZero = [...generateBusinesses(30, { seed: 5, asOf: AS_OF })];
    const fromTwenty = [...generateBusinesses(10, { seed: 5, asOf: AS_OF, start: 20 })];
    expect(fromTwenty).toEqual(fromZero.slice(20));
    expect(generateBusiness(25, 5, AS_OF)).toEqual(fromZero[25]);
  });

  it('gives another population for another seed', () => {
    const a = sample(50, 1).map((b) => b.ksic + b.regionCode + b.openingDate);
    const b = sample(50, 2).map((x) => x.ksic + x.regionCode + x.openingDate);
    expect(a).not.toEqual(b);
  });

  it('makes profiles the schema accepts unchanged', () => {
    for (const business of sample(3_000, 11)) {
      const parsed = BusinessProfileSchema.safeParse(business);
      expect(parsed.success ? parsed.data : parsed.error.issues).toEqual(business);
    }
  });
});

describe('syntheticBrn', () => {
  it('gives valid, distinct numbers outside the demo offices', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200_000; i++) {
      const brn = syntheticBrn(i);
      seen.add(brn);
      if (i % 997 === 0) {
        expect(isValidBusinessNumber(brn)).toBe(true);
        expect(Number(brn.slice(0, 3))).toBeGreaterThanOrEqual(400);
        const kind = Number(brn.slice(3, 5));
        expect((kind >= 1 && kind <= 79) || kind >= 90).toBe(true);
      }
    }
    expect(seen.size).toBe(200_000);
  });

  it('rejects an index beyond the number space', () => {
    expect(() => syntheticBrn(-1)).toThrow(RangeError);
    expect(() => syntheticBrn(600 * 89 * 10_000)).toThrow(RangeError);
  });
});

describe('population shares on 50,000 businesses', () => {
  const businesses = sample(50_000);

  it('follows the industry shares of population.md', () => {
    const expected: Record<string, number> = {
      G: 30,
      I: 20,
      S: 10,
      C: 8,
      P: 5,
      H: 5,
      M: 5,
      L: 4,
      F: 4,
      R: 3,
    };
    for (const [section, pct] of Object.entries(expected)) {
      const actual = share(businesses, (b) => ksicSection(b.ksic) === section) * 100;
      expect(Math.abs(actual - pct)).toBeLessThan(1.2);
    }
    expect(businesses.every((b) => b.ksic.length === 5 && ksicSection(b.ksic) !== undefined)).toBe(true);
  });

  it('spreads businesses over 시도 by population, in known 시군구', () => {
    const total = Object.values(SIDO_POPULATION).reduce((a, b) => a + b, 0);
    for (const [sido, population] of Object.entries(SIDO_POPULATION)) {
      const actual = share(businesses, (b) => b.regionCode.startsWith(sido));
      expect(Math.abs(actual - population / total)).toBeLessThan(0.006);
    }
    expect(businesses.every((b) => findSigungu(b.regionCode) !== undefined)).toBe(true);
  });

  it('gives about 60% no employees and puts 5–9 mostly in B, C, F, H', () => {
    expect(share(businesses, (b) => b.employees === 0)).toBeGreaterThan(0.56);
    expect(share(businesses, (b) => b.employees === 0)).toBeLessThan(0.64);
    const large = businesses.filter((b) => (b.employees ?? 0) >= 5);
    expect(large.length / businesses.length).toBeLessThan(0.06);
    expect(share(large, (b) => 'BCFH'.includes(ksicSection(b.ksic)!))).toBeGreaterThan(0.6);
    expect(Math.max(...businesses.map((b) => b.employees ?? 0))).toBeLessThanOrEqual(9);
  });

  it('draws revenue around a 1억 median with a tail past 10억', () => {
    const revenues = businesses
      .flatMap((b) => (b.revenue === undefined ? [] : [b.revenue]))
      .sort((a, b) => a - b);
    const median = revenues[Math.floor(revenues.length / 2)]!;
    expect(median).toBeGreaterThan(60_000_000);
    expect(median).toBeLessThan(140_000_000);
    expect(share(revenues, (r) => r >= 1_000_000_000)).toBeGreaterThan(0.002);
    expect(revenues.every((r) => r % 10_000 === 0)).toBe(true);
  });

  it('makes many young businesses and about 8% closed or closing', () => {
    const operating = businesses.filter((b) => b.openingDate! <= AS_OF);
    const age = (b: SyntheticBusiness) => fullYearsBetween(b.openingDate!, AS_OF);
    expect(share(operating, (b) => age(b) < 1)).toBeCloseTo(0.2, 1);
    expect(share(operating, (b) => age(b) < 3)).toBeCloseTo(0.4, 1);
    expect(share(operating, (b) => age(b) >= 40)).toBeGreaterThan(0.005);
    const closing = share(
      businesses,
      (b) => b.closureDate !== undefined || b.plannedClosureDate !== undefined,
    );
    expect(closing).toBeGreaterThan(0.065);
    expect(closing).toBeLessThan(0.095);
    expect(share(businesses, (b) => b.previousClosureDate !== undefined)).toBeGreaterThan(0.03);
    expect(businesses.some((b) => b.openingDate! > AS_OF)).toBe(true);
  });

  it('sets owner facts near their national shares, leaving some unknown', () => {
    expect(share(businesses, (b) => b.flags.womanOwned === true)).toBeCloseTo(0.36, 1);
    expect(share(businesses, (b) => b.flags.womanOwned === undefined)).toBeGreaterThan(0.01);
    const aged = businesses.filter((b) => b.ownerBirthYear !== undefined);
    expect(share(aged, (b) => 2025 - b.ownerBirthYear! <= 39)).toBeCloseTo(0.2, 1);
    expect(share(businesses, (b) => b.flags.disabledOwned === true)).toBeCloseTo(0.018, 2);
    expect(share(businesses, (b) => b.flags.taxArrears === true)).toBeCloseTo(0.029, 2);
    expect(share(businesses, (b) => b.flags.exporter === undefined)).toBeGreaterThan(0.3);
  });

  it('records prior support from catalog programs and damage only in the disaster areas', () => {
    const ids = new Set(businesses.flatMap((b) => b.priorSupport.map((s) => s.programId)));
    expect([...ids].sort()).toEqual(
      [
        'general-stability-fund',
        'hope-return-closure',
        'new-business-academy',
        'smart-store',
        'youth-fund',
      ].sort(),
    );
    const damaged = businesses.filter((b) => b.disasterDamage.length > 0);
    expect(damaged.length).toBeGreaterThan(10);
    const areas = new Set(['43', '44', '47', '48', '52', '31']);
    expect(damaged.every((b) => areas.has(b.regionCode.slice(0, 2)))).toBe(true);
    expect(damaged.every((b) => b.disasterDamage.every((d) => d.confirmedOn <= AS_OF))).toBe(true);
  });

  it('derives the registry status from closure and suspension', () => {
    const closed = businesses.find((b) => b.closureDate !== undefined)!;
    expect(registryStatusOf(closed, AS_OF)).toBe('closed');
    const suspended = businesses.find((b) => b.flags.suspended === true && !b.closureDate)!;
    expect(registryStatusOf(suspended, AS_OF)).toBe('suspended');
  });
});
