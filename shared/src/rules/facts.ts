import { daysBetween, fullYearsBetween } from '../dates';
import type { Disaster } from '../disaster/disaster';
import { deriveStage, type StageResult } from '../lifecycle/stage';
import type { BusinessProfile } from '../profile/profile';
import { smallBusinessEmployeeLimit, smallBusinessRevenueCap } from '../reference/small-business';
import type { RangeField } from './types';

/** Three-valued truth: true, false, or null for unknown (missing data). */
export type Truth = boolean | null;

/** Kleene negation. */
export function not3(t: Truth): Truth {
  return t === null ? null : !t;
}

/** Kleene conjunction of two values. */
export function and3(a: Truth, b: Truth): Truth {
  if (a === false || b === false) return false;
  if (a === null || b === null) return null;
  return true;
}

/** Kleene disjunction of two values. */
export function or3(a: Truth, b: Truth): Truth {
  if (a === true || b === true) return true;
  if (a === null || b === null) return null;
  return false;
}

/**
 * A range fact: a number, `'none'` when the fact does not exist (a pre-startup founder has no business age,
 * so any range on it is not met), or undefined when unknown.
 */
export type RangeValue = number | 'none' | undefined;

/** Whether the business has opened by the evaluation date: `'no'` for a pre-startup founder. */
export type Opened = 'yes' | 'no' | 'unknown';

/**
 * The rule-relevant facts of one business on one date, derived once and shared by every condition of every
 * program evaluated for it (no date is parsed twice in the hot loop).
 */
export interface Facts {
  readonly profile: BusinessProfile;
  readonly asOf: string;
  readonly asOfYear: number;
  readonly disasters: readonly Disaster[];
  readonly programTitles: Readonly<Record<string, string>> | undefined;
  readonly programTitlesEn: Readonly<Record<string, string>> | undefined;
  readonly opened: Opened;
  /** Closed on or before the evaluation date. */
  readonly closed: boolean;
  /** Days from the closure to the evaluation date, when closed. */
  readonly closedDaysAgo: number | undefined;
  readonly ranges: Readonly<Record<RangeField, RangeValue>>;
  readonly smallBusiness: Truth;
  readonly employeeLimit: number;
  readonly revenueCap: number;
  readonly stage: StageResult | undefined;
  /** Texts already written for this business (see actual.ts), keyed by what they depend on. */
  readonly memo: Map<string, { ko: string; en: string }>;
}

/** Pre-startup: declared so, or opening only after the evaluation date. */
export function isPreStartupOn(p: BusinessProfile, asOf: string): boolean {
  return p.preStartup === true || (p.openingDate !== undefined && p.openingDate > asOf);
}

/** Derives the facts of a business on `asOf`. */
export function deriveFacts(
  profile: BusinessProfile,
  asOf: string,
  disasters: readonly Disaster[],
  programTitles?: Readonly<Record<string, string>>,
  programTitlesEn?: Readonly<Record<string, string>>,
): Facts {
  const opened: Opened = isPreStartupOn(profile, asOf) ? 'no' : profile.openingDate ? 'yes' : 'unknown';
  const closed = profile.closureDate !== undefined && profile.closureDate <= asOf;
  const closedDaysAgo = closed ? daysBetween(profile.closureDate!, asOf) : undefined;

  let businessAgeYears: RangeValue;
  let businessAgeDays: RangeValue;
  if (opened === 'no') {
    businessAgeYears = 'none';
    businessAgeDays = 'none';
  } else if (opened === 'yes') {
    const end = closed ? profile.closureDate! : asOf;
    businessAgeYears = fullYearsBetween(profile.openingDate!, end);
    businessAgeDays = daysBetween(profile.openingDate!, end);
  }

  const asOfYear = Number(asOf.slice(0, 4));
  const ranges: Record<RangeField, RangeValue> = {
    businessAgeYears,
    businessAgeDays,
    employees: profile.employees,
    revenue: profile.revenue,
    revenueAvg3y: profile.revenueAvg3y,
    ownerAge: profile.ownerBirthYear === undefined ? undefined : asOfYear - profile.ownerBirthYear,
    highestLoanRate: profile.highestLoanRate,
  };

  const employeeLimit = smallBusinessEmployeeLimit(profile.ksic);
  const revenueCap = smallBusinessRevenueCap(profile.ksic);
  const revenueForCap = profile.revenueAvg3y ?? profile.revenue;
  const smallBusiness = and3(
    profile.employees === undefined ? null : profile.employees < employeeLimit,
    revenueForCap === undefined ? null : revenueForCap <= revenueCap,
  );

  return {
    profile,
    asOf,
    asOfYear,
    disasters,
    programTitles,
    programTitlesEn,
    opened,
    closed,
    closedDaysAgo,
    ranges,
    smallBusiness,
    employeeLimit,
    revenueCap,
    stage: deriveStage(profile, asOf),
    memo: new Map(),
  };
}

/** Operating on `date`: opened on or before it and not closed on or before it; a pre-startup founder is not. */
export function operatingOn(f: Facts, date: string): Truth {
  const p = f.profile;
  if (f.opened === 'no') return false;
  if (p.closureDate !== undefined && p.closureDate <= date) return false;
  if (f.opened === 'unknown') return null;
  return p.openingDate! <= date;
}

/**
 * Operating at a disaster's start: opened on or before it and not closed before it (a business that closed
 * on the start date itself was still trading that day).
 */
export function operatingAtDisaster(f: Facts, startDate: string): Truth {
  const p = f.profile;
  if (f.opened === 'no') return false;
  if (p.closureDate !== undefined && p.closureDate < startDate) return false;
  if (f.opened === 'unknown') return null;
  return p.openingDate! <= startDate;
}
