/**
 * fast-check arbitraries for the rule engine: valid rules of every condition type, valid business profiles
 * (optional facts sometimes absent), evaluation dates, and a small fixed list of declared disasters.
 * Shared by the evaluator's property tests and the columnar engine's agreement test; keep exports stable.
 */
import fc from 'fast-check';
import { withCheckDigit } from '../business-number/business-number';
import { fromDayNumber, toDayNumber } from '../dates';
import type { Disaster } from '../disaster/disaster';
import { LIFECYCLE_STAGES } from '../lifecycle/stage';
import { type BusinessProfile, FLAGS } from '../profile/profile';
import { KSIC_DIVISIONS, KSIC_NAMED_CODES, KSIC_SECTIONS } from '../reference/ksic';
import { SIDOS, SIGUNGUS } from '../reference/regions';
import {
  type Bounds,
  type Condition,
  DISASTER_KINDS,
  RANGE_FIELDS,
  type RangeField,
  type Rule,
} from '../rules/types';

/** Declared disasters for tests: two real ones (programs.md) and one small synthetic one in Seoul. */
export const TEST_DISASTERS: readonly Disaster[] = [
  {
    id: '2023-07-heavy-rain',
    name: '2023년 7월 집중호우',
    kind: 'heavy-rain',
    regionCodes: ['43113', '43760', '44150', '44230', '44790', '44760', '47900', '47920', '47210', '47280'],
    startDate: '2023-07-13',
    endDate: '2023-07-26',
    specialArea: true,
  },
  {
    id: '2025-03-wildfire',
    name: '2025년 3월 경북·경남·울산 산불',
    kind: 'wildfire',
    regionCodes: ['47730', '47170', '47750', '47760', '47770', '48860', '48850', '31710'],
    startDate: '2025-03-21',
    endDate: '2025-03-30',
    specialArea: true,
  },
  {
    id: 'test-2024-snow',
    name: '2024년 11월 대설 (시험용)',
    kind: 'snow',
    regionCodes: ['11110', '11140', '41111'],
    startDate: '2024-11-27',
    endDate: '2024-11-28',
    specialArea: true,
  },
];

/** Program ids that prior-support entries and conditions draw from (so that they sometimes coincide). */
export const TEST_PROGRAM_IDS = ['general-stability-fund', 'hope-return-closure', 'smart-store'] as const;

/** 시군구 codes that rules and profiles favour, so that region conditions often meet their profile. */
const HOT_SIGUNGU = [
  ...new Set([...TEST_DISASTERS.flatMap((d) => d.regionCodes), '11680', '26350', '27720', '50110']),
];
const ALL_SIGUNGU = SIGUNGUS.map((s) => s.code);
const ALL_SIDO = SIDOS.map((s) => s.code);
const HOT_SIDO = [...new Set(HOT_SIGUNGU.map((c) => c.slice(0, 2)))];

/** Full KSIC codes profiles use: the named codes of 5 digits, plus synthetic codes in every division. */
const NAMED_KSIC = Object.keys(KSIC_NAMED_CODES).filter((c) => c.length === 5);
const DIVISIONS = Object.keys(KSIC_DIVISIONS);

const arbSigungu = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...HOT_SIGUNGU) },
  { weight: 1, arbitrary: fc.constantFrom(...ALL_SIGUNGU) },
);

const arbKsicCode: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...NAMED_KSIC) },
  {
    weight: 1,
    arbitrary: fc
      .tuple(fc.constantFrom(...DIVISIONS), fc.integer({ min: 0, max: 999 }))
      .map(([d, n]) => d + String(n).padStart(3, '0')),
  },
);

/** A day between two ISO dates, inclusive, as an ISO date. */
export function arbDateBetween(from: string, to: string): fc.Arbitrary<string> {
  return fc.integer({ min: toDayNumber(from), max: toDayNumber(to) }).map(fromDayNumber);
}

/** Evaluation dates: mostly 2020–2027, where the catalog's programs and disasters live. */
export function arbAsOf(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: arbDateBetween('2020-01-01', '2027-12-31') },
    { weight: 1, arbitrary: arbDateBetween('1995-01-01', '2040-12-31') },
  );
}

/** Scales of each range field: typical magnitudes of the fact, for bounds that sometimes bite. */
const RANGE_SCALE: Record<RangeField, { min: number; max: number; integer: boolean }> = {
  businessAgeYears: { min: 0, max: 40, integer: true },
  businessAgeDays: { min: 0, max: 5000, integer: true },
  employees: { min: 0, max: 30, integer: true },
  revenue: { min: 0, max: 20_000_000_000, integer: true },
  revenueAvg3y: { min: 0, max: 20_000_000_000, integer: true },
  ownerAge: { min: 15, max: 80, integer: true },
  highestLoanRate: { min: 0, max: 15, integer: false },
};

function arbBounds(field: RangeField): fc.Arbitrary<Bounds> {
  const s = RANGE_SCALE[field];
  const num = s.integer
    ? fc.integer({ min: s.min, max: s.max })
    : fc
        .double({ min: s.min, max: s.max, noNaN: true, noDefaultInfinity: true })
        .map((x) => Math.round(x * 10) / 10);
  return fc
    .record({
      a: num,
      b: num,
      lowKind: fc.constantFrom('gte', 'gt', 'none'),
      highKind: fc.constantFrom('lte', 'lt', 'none'),
    })
    .map(({ a, b, lowKind, highKind }) => {
      const [low, high] = a <= b ? [a, b] : [b, a];
      const bounds: Bounds = {};
      if (lowKind !== 'none') bounds[lowKind] = low;
      if (highKind !== 'none') bounds[highKind] = high;
      // At least one bound is required.
      if (lowKind === 'none' && highKind === 'none') bounds.lt = high;
      return bounds;
    });
}

const arbDisasterSelector = fc.oneof(
  fc.constant({}),
  fc.record({ disasterId: fc.constantFrom(...TEST_DISASTERS.map((d) => d.id), 'no-such-disaster') }),
  fc.record({ disasterKind: fc.constantFrom(...DISASTER_KINDS) }),
);

const arbRegionCodes = fc.uniqueArray(
  fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...HOT_SIGUNGU) },
    { weight: 2, arbitrary: fc.constantFrom(...HOT_SIDO) },
    { weight: 1, arbitrary: fc.constantFrom(...ALL_SIDO, ...ALL_SIGUNGU) },
  ),
  { minLength: 1, maxLength: 4 },
);

const arbKsicPrefixes = fc.uniqueArray(
  fc.oneof(
    fc.constantFrom(...KSIC_SECTIONS.map((s) => s.code)),
    fc.constantFrom(...DIVISIONS),
    fc.constantFrom(...NAMED_KSIC),
    fc.constantFrom(...NAMED_KSIC.map((c) => c.slice(0, 3))),
  ),
  { minLength: 1, maxLength: 4 },
);

/** One valid leaf condition; every condition type is generated. */
export function arbCondition(): fc.Arbitrary<Condition> {
  return fc.oneof(
    fc.record({ type: fc.constant('region'), op: fc.constantFrom('in', 'notIn'), codes: arbRegionCodes }),
    fc.record({ type: fc.constant('industry'), op: fc.constantFrom('in', 'notIn'), codes: arbKsicPrefixes }),
    fc
      .constantFrom(...RANGE_FIELDS)
      .chain((field) => arbBounds(field).map((b) => ({ type: 'range' as const, field, ...b }))),
    fc.constant({ type: 'smallBusiness' as const }),
    fc.record({ type: fc.constant('flag'), flag: fc.constantFrom(...FLAGS), present: fc.boolean() }),
    fc.record(
      {
        type: fc.constant('priorSupport'),
        programId: fc.constantFrom(...TEST_PROGRAM_IDS),
        withinYears: fc.integer({ min: 1, max: 10 }),
        present: fc.boolean(),
      },
      { requiredKeys: ['type', 'programId', 'present'] },
    ),
    arbDisasterSelector.map((s) => ({ type: 'disasterArea' as const, ...s })),
    arbDisasterSelector.map((s) => ({ type: 'disasterDamage' as const, ...s })),
    fc.record({ type: fc.constant('openedBefore'), date: arbDateBetween('2000-01-01', '2027-12-31') }),
    fc.record(
      { type: fc.constant('operating'), date: arbDateBetween('2015-01-01', '2027-12-31') },
      { requiredKeys: ['type'] },
    ),
    fc.record(
      {
        type: fc.constant('closure'),
        status: fc.constantFrom('planned', 'closed', 'plannedOrClosed'),
        withinDays: fc.integer({ min: 1, max: 3650 }),
      },
      { requiredKeys: ['type', 'status'] },
    ),
    fc.record({ type: fc.constant('restart'), withinYears: fc.integer({ min: 1, max: 10 }) }),
    fc.constant({ type: 'preStartup' as const }),
    fc.record({
      type: fc.constant('stage'),
      stages: fc.uniqueArray(fc.constantFrom(...LIFECYCLE_STAGES), { minLength: 1, maxLength: 3 }),
    }),
  ) as fc.Arbitrary<Condition>;
}

/** A valid rule tree of at most `depth` levels of `all` / `any` / `not` above the leaves. */
export function arbRule(depth = 3): fc.Arbitrary<Rule> {
  const leaf = arbCondition();
  if (depth <= 0) return leaf;
  const sub = arbRule(depth - 1);
  return fc.oneof(
    { weight: 3, arbitrary: leaf },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('all'),
        rules: fc.array(sub, { minLength: 1, maxLength: 4 }),
      }),
    },
    {
      weight: 2,
      arbitrary: fc.record({
        type: fc.constant('any'),
        rules: fc.array(sub, { minLength: 1, maxLength: 4 }),
      }),
    },
    { weight: 1, arbitrary: fc.record({ type: fc.constant('not'), rule: sub }) },
  ) as fc.Arbitrary<Rule>;
}

/**
 * Optional facts that are unknown when absent: removing one may turn a result unknown, never true.
 * (Closure dates are different: an absent `closureDate` means "not closed", a fact.)
 */
export const UNKNOWN_WHEN_ABSENT_FIELDS = [
  'openingDate',
  'employees',
  'revenue',
  'revenueAvg3y',
  'ownerBirthYear',
  'highestLoanRate',
] as const;

/** A profile's optional fields; each may be absent. */
export const OPTIONAL_PROFILE_FIELDS = [
  'openingDate',
  'closureDate',
  'plannedClosureDate',
  'previousClosureDate',
  'employees',
  'revenue',
  'revenueAvg3y',
  'ownerBirthYear',
  'highestLoanRate',
] as const;

/** A valid business profile (the schema's output shape), with optional facts sometimes absent. */
export function arbProfile(): fc.Arbitrary<BusinessProfile> {
  const opt = { requiredKeys: [] as [] };
  return fc
    .record({
      nine: fc.integer({ min: 100_000_000, max: 999_999_999 }),
      preStartup: fc.option(fc.boolean(), { nil: undefined, freq: 2 }),
      openingDate: fc.option(arbDateBetween('1985-01-01', '2027-06-30'), { nil: undefined, freq: 6 }),
      closedAfterDays: fc.option(fc.integer({ min: 0, max: 6000 }), { nil: undefined, freq: 2 }),
      plannedClosureDate: fc.option(arbDateBetween('2020-01-01', '2028-12-31'), { nil: undefined, freq: 2 }),
      previousClosureBeforeDays: fc.option(fc.integer({ min: -200, max: 4000 }), { nil: undefined, freq: 2 }),
      regionCode: arbSigungu,
      ksic: arbKsicCode,
      numbers: fc.record(
        {
          employees: fc.integer({ min: 0, max: 30 }),
          revenue: fc.integer({ min: 0, max: 15_000_000_000 }),
          revenueAvg3y: fc.integer({ min: 0, max: 15_000_000_000 }),
          ownerBirthYear: fc.integer({ min: 1940, max: 2008 }),
          highestLoanRate: fc.integer({ min: 0, max: 150 }).map((x) => x / 10),
        },
        opt,
      ),
      flags: fc.record(
        Object.fromEntries(FLAGS.map((f) => [f, fc.boolean()])) as Record<
          (typeof FLAGS)[number],
          fc.Arbitrary<boolean>
        >,
        opt,
      ),
      priorSupport: fc.array(
        fc.record({
          programId: fc.constantFrom(...TEST_PROGRAM_IDS),
          year: fc.integer({ min: 2010, max: 2027 }),
        }),
        { maxLength: 3 },
      ),
      disasterDamage: fc.array(
        fc.record({
          disasterId: fc.constantFrom(...TEST_DISASTERS.map((d) => d.id)),
          confirmedOn: arbDateBetween('2023-07-13', '2025-06-30'),
        }),
        { maxLength: 2 },
      ),
    })
    .map((r) => {
      const p: BusinessProfile = {
        tradeName: '시험상회',
        representativeName: '홍길동',
        regionCode: r.regionCode,
        ksic: r.ksic,
        flags: r.flags,
        priorSupport: r.priorSupport,
        disasterDamage: r.disasterDamage,
        ...r.numbers,
      };
      if (r.preStartup !== true) p.brn = withCheckDigit(String(r.nine));
      if (r.preStartup !== undefined) p.preStartup = r.preStartup;
      if (r.openingDate) {
        p.openingDate = r.openingDate;
        if (r.closedAfterDays !== undefined)
          p.closureDate = fromDayNumber(toDayNumber(r.openingDate) + r.closedAfterDays);
        if (r.previousClosureBeforeDays !== undefined)
          p.previousClosureDate = fromDayNumber(toDayNumber(r.openingDate) - r.previousClosureBeforeDays);
      }
      // A planned closure before the opening is refused by the schema (issue 16, item 11).
      if (r.plannedClosureDate && !(p.openingDate && r.plannedClosureDate < p.openingDate))
        p.plannedClosureDate = r.plannedClosureDate;
      return p;
    });
}

/** An evaluation context over the fixed test disasters. */
export function arbContext(): fc.Arbitrary<{ asOf: string; disasters: readonly Disaster[] }> {
  return arbAsOf().map((asOf) => ({ asOf, disasters: TEST_DISASTERS }));
}
