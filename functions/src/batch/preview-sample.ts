import {
  type BusinessProfile,
  deriveStage,
  findSido,
  fullYearsBetween,
  ksicName,
  regionName,
} from '@sbiz24/shared';
import type { PreviewSample } from './preview';

const EOK = 100_000_000;
const REVENUE_BANDS: readonly [number, string][] = [
  [0.5 * EOK, '5천만 원 미만'],
  [1 * EOK, '5천만~1억 원'],
  [3 * EOK, '1억~3억 원'],
  [10 * EOK, '3억~10억 원'],
  [30 * EOK, '10억~30억 원'],
  [Number.POSITIVE_INFINITY, '30억 원 이상'],
];

/** Revenue as a band, so that a sample never shows a business's exact figure. */
export function revenueBand(revenue: number | undefined): string | null {
  if (revenue === undefined) return null;
  return REVENUE_BANDS.find(([limit]) => revenue < limit)?.[1] ?? null;
}

/** A qualifying business as a preview shows it: where, what, how old, how big. No number or names. */
export function anonymise(profile: BusinessProfile, asOf: string): PreviewSample {
  const sido = profile.regionCode.slice(0, 2);
  const opened = profile.openingDate && profile.openingDate <= asOf ? profile.openingDate : undefined;
  return {
    sido,
    sidoName: findSido(sido)?.name ?? sido,
    regionCode: profile.regionCode,
    regionName: regionName(profile.regionCode),
    ksic: profile.ksic,
    industryName: ksicName(profile.ksic),
    stage: deriveStage(profile, asOf)?.stage ?? null,
    businessAgeYears: opened
      ? fullYearsBetween(
          opened,
          profile.closureDate && profile.closureDate <= asOf ? profile.closureDate : asOf,
        )
      : null,
    employees: profile.employees ?? null,
    revenueBand: revenueBand(profile.revenue),
  };
}

/** `k` indexes spread evenly over `n` matches (not the first k, which would all come from one segment). */
export function spreadIndexes(n: number, k: number): number[] {
  if (n <= k) return Array.from({ length: n }, (_, i) => i);
  return Array.from({ length: k }, (_, i) => Math.floor((i * n) / k));
}
