/**
 * Deterministic synthetic businesses following population.md: industry and 시도 shares, employees, revenue,
 * business age, closures and restarts, owner facts, prior support and disaster damage. Business `index` of
 * `seed` on `asOf` is always the same profile, whatever else is generated, so generation splits across
 * workers and resumes anywhere. Pure: no clock, no I/O.
 */
import { withCheckDigit } from '../business-number/business-number';
import { DISASTER_FILES } from '../catalog/index';
import { isoOfDay, packedCivil, packedYear, parseIsoDay } from '../columnar/calendar';
import { type Disaster, DisasterSchema } from '../disaster/disaster';
import type { BusinessProfile, Flag } from '../profile/profile';
import type { KsicSection } from '../reference/ksic';
import { findSido, SIGUNGUS } from '../reference/regions';
import type { StoredBusiness } from '../repositories';
import { Rng, WeightedTable } from './prng';
import {
  GIVEN_NAMES_MEN,
  GIVEN_NAMES_WOMEN,
  NAME_PREFIXES,
  NAME_WORDS,
  SECTION_CODES,
  SECTION_SHARES,
  SIDO_POPULATION,
  SURNAMES,
} from './tables';

export type SyntheticBusiness = BusinessProfile & { brn: string };

export interface GenerateOptions {
  seed: number;
  /** The date the population is drawn for: ages, closures and confirmations are relative to it. */
  asOf: string;
  /** First index (resume or split across workers). @default 0 */
  start?: number;
  /** Declared disasters whose areas receive damage confirmations. @default the catalog's disasters */
  disasters?: readonly Disaster[];
}

const SECTION_TABLE = new WeightedTable(
  Object.entries(SECTION_SHARES).map(([s, w]) => [s as KsicSection, w] as const),
);
const CODE_TABLES = new Map(
  Object.entries(SECTION_CODES).map(([s, codes]) => [s as KsicSection, new WeightedTable(codes)]),
);
const SIDO_TABLE = new WeightedTable(Object.entries(SIDO_POPULATION));
const SIGUNGU_BY_SIDO = new Map<string, string[]>();
for (const s of SIGUNGUS) {
  const list = SIGUNGU_BY_SIDO.get(s.sidoCode) ?? [];
  list.push(s.code);
  SIGUNGU_BY_SIDO.set(s.sidoCode, list);
}
const SURNAME_TABLE = new WeightedTable(SURNAMES);
const TEN_EMPLOYEE_SECTIONS = new Set<string>(['B', 'C', 'F', 'H']);
const PRIOR_SUPPORT_SECTIONS = new Set<string>(['G', 'I', 'S', 'C']);

/** Ages in years: 20% under 1, 20% 1–3, then a long tail to 45. */
const AGE_BUCKETS = new WeightedTable<readonly [number, number]>([
  [[0, 1], 20],
  [[1, 3], 20],
  [[3, 10], 30],
  [[10, 20], 17],
  [[20, 30], 8],
  [[30, 45], 5],
]);

/** Owner ages: about 20% aged 39 or under. */
const OWNER_AGE_BUCKETS = new WeightedTable<readonly [number, number]>([
  [[20, 39], 20],
  [[40, 49], 30],
  [[50, 59], 28],
  [[60, 69], 17],
  [[70, 85], 5],
]);

/** Capacity of the number space: offices 400–999 × 89 individual kinds × 10,000 serials. */
const BRN_SPACE = 600 * 89 * 10_000;
/** Coprime with BRN_SPACE (2^7·3·5^6·89), so `index ↦ index · multiplier + offset (mod space)` is a bijection. */
const BRN_MULTIPLIER = 330_017_441;
const BRN_OFFSET = 123_456_791;

/** `(a · b) mod m` without leaving the exact integer range of a double. */
function mulMod(a: number, b: number, m: number): number {
  const high = (a * Math.floor(b / 65_536)) % m;
  return (high * 65_536 + a * (b % 65_536)) % m;
}

/**
 * The business registration number of synthetic business `index`: a bijection of the index onto
 * offices 400–999 (the demo businesses use 1xx–3xx), individual kinds 01–79 and 90–99, and the serial, so
 * two indexes never share a number.
 */
export function syntheticBrn(index: number): string {
  if (!Number.isInteger(index) || index < 0 || index >= BRN_SPACE)
    throw new RangeError(`synthetic index out of range: ${index}`);
  const x = (mulMod(BRN_MULTIPLIER, index, BRN_SPACE) + BRN_OFFSET) % BRN_SPACE;
  const serial = x % 10_000;
  const rest = Math.floor(x / 10_000);
  const kindIndex = rest % 89;
  const kind = kindIndex < 79 ? kindIndex + 1 : 90 + (kindIndex - 79);
  const office = 400 + Math.floor(rest / 89);
  return withCheckDigit(`${office}${String(kind).padStart(2, '0')}${String(serial).padStart(4, '0')}`);
}

function nameWords(ksic: string, section: string): readonly string[] {
  return NAME_WORDS[ksic] ?? NAME_WORDS[ksic.slice(0, 2)] ?? NAME_WORDS[section] ?? ['상회'];
}

/** Sets a flag with probability `p` when it is known (probability `known`); leaves it unknown otherwise. */
function setFlag(
  rng: Rng,
  flags: Partial<Record<Flag, boolean>>,
  name: Flag,
  known: number,
  p: number,
): void {
  if (rng.chance(known)) flags[name] = rng.chance(p);
}

/** A support year between 1990 (the schema's floor) and the as-of year. */
function clampYear(asOfYear: number, year: number): number {
  return Math.max(1990, Math.min(year, asOfYear));
}

let catalogDisasters: readonly Disaster[] | undefined;
function defaultDisasters(): readonly Disaster[] {
  catalogDisasters ??= DISASTER_FILES.map((f) => DisasterSchema.parse(f.data));
  return catalogDisasters;
}

/** Makes the generator of one population (seed, date, disasters). */
export function createGenerator(
  options: Omit<GenerateOptions, 'start'>,
): (index: number) => SyntheticBusiness {
  const { seed } = options;
  const asOfDay = parseIsoDay(options.asOf);
  const asOfYear = packedYear(packedCivil(asOfDay));
  const disasters = (options.disasters ?? defaultDisasters()).map((d) => ({
    id: d.id,
    regions: new Set(d.regionCodes),
    startDay: parseIsoDay(d.startDate),
  }));

  return (index) => {
    const rng = Rng.forItem(seed, index);
    const section = SECTION_TABLE.pick(rng);
    const ksic = CODE_TABLES.get(section)!.pick(rng);
    const sido = SIDO_TABLE.pick(rng);
    const regionCode = rng.pick(SIGUNGU_BY_SIDO.get(sido)!);

    // Lifecycle: a few registered but not yet open, ~5.5% closed in the last two years, ~2.5% closing.
    const notYetOpen = rng.chance(0.006);
    const [ageLo, ageHi] = AGE_BUCKETS.pick(rng);
    const ageDays = notYetOpen
      ? -rng.int(1, 120)
      : Math.floor((ageLo + rng.next() * (ageHi - ageLo)) * 365.25);
    const openingDay = asOfDay - ageDays;
    const fate = rng.next();
    let closureDay: number | undefined;
    let plannedClosureDay: number | undefined;
    if (!notYetOpen && fate < 0.055) closureDay = asOfDay - rng.int(0, Math.min(ageDays, 730));
    else if (!notYetOpen && fate < 0.08) plannedClosureDay = asOfDay + rng.int(7, 180);
    const previousClosureDay = rng.chance(0.04) ? openingDay - rng.int(30, 8 * 365) : undefined;
    const ageYears = ageDays / 365.25;

    // Employees: ~60% none; in B, C, F, H more have staff and some have 5–9.
    const tenSection = TEN_EMPLOYEE_SECTIONS.has(section);
    let employees: number | undefined;
    const e = rng.next();
    if (notYetOpen) employees = 0;
    else if (e < 0.02) employees = undefined;
    else if (e < (tenSection ? 0.47 : 0.635)) employees = 0;
    else if (e < (tenSection ? 0.82 : 0.995))
      employees = Math.min(4, 1 + Math.floor(-Math.log(1 - rng.next()) * 1.3));
    else employees = rng.int(5, 9);

    // Revenue: log-normal around 1억, more with staff, a partial first year.
    let revenue: number | undefined;
    let revenueAvg3y: number | undefined;
    if (!notYetOpen && rng.chance(0.95)) {
      const median = 75_000_000 * 1.35 ** (employees ?? 1);
      const annual = median * Math.exp(1.0 * rng.normal());
      revenue = Math.round((annual * Math.min(1, ageYears)) / 10_000) * 10_000;
      const avgChance = ageYears >= 3 ? 0.65 : ageYears >= 1 ? 0.3 : 0;
      if (rng.chance(avgChance))
        revenueAvg3y = Math.round((annual * Math.exp(0.15 * rng.normal())) / 10_000) * 10_000;
    }

    const [ownerLo, ownerHi] = OWNER_AGE_BUCKETS.pick(rng);
    const ownerBirthYear = rng.chance(0.97) ? asOfYear - rng.int(ownerLo, ownerHi) : undefined;
    const highestLoanRate = rng.chance(0.4)
      ? Math.round(Math.min(15, Math.max(2.5, 5.2 + 1.6 * rng.normal())) * 100) / 100
      : undefined;

    const flags: Partial<Record<Flag, boolean>> = {};
    setFlag(rng, flags, 'womanOwned', 0.97, 0.37);
    setFlag(rng, flags, 'disabledOwned', 0.9, 0.02);
    setFlag(rng, flags, 'taxArrears', 0.95, 0.03);
    setFlag(rng, flags, 'suspended', 0.98, closureDay === undefined ? 0.02 : 0);
    setFlag(rng, flags, 'exporter', 0.6, section === 'C' || section === 'G' ? 0.05 : 0.01);
    setFlag(rng, flags, 'revenueGrowth', 0.5, 0.12);
    setFlag(rng, flags, 'smartTech', 0.55, section === 'I' || section === 'G' ? 0.14 : 0.04);
    setFlag(rng, flags, 'employmentInsurance', 0.8, employees ? 0.7 : 0.02);
    if (!notYetOpen && openingDay < parseIsoDay('2021-01-01'))
      setFlag(rng, flags, 'covidRevenueDrop', 0.6, 0.45);
    else if (rng.chance(0.5)) flags.covidRevenueDrop = false;

    const openingYear = packedYear(packedCivil(openingDay));
    const priorSupport: { programId: string; year: number }[] = [];
    if ((closureDay !== undefined || plannedClosureDay !== undefined) && rng.chance(0.25))
      priorSupport.push({ programId: 'hope-return-closure', year: asOfYear - (rng.chance(0.5) ? 1 : 0) });
    if (ageYears < 3 && rng.chance(0.06))
      priorSupport.push({
        programId: 'new-business-academy',
        year: clampYear(asOfYear, openingYear - rng.int(0, 1)),
      });
    if (PRIOR_SUPPORT_SECTIONS.has(section) && !notYetOpen && rng.chance(0.05))
      priorSupport.push({
        programId: 'smart-store',
        year: clampYear(asOfYear, rng.int(Math.max(openingYear, asOfYear - 4), asOfYear)),
      });
    if (!notYetOpen && rng.chance(0.07))
      priorSupport.push({
        programId: 'general-stability-fund',
        year: clampYear(asOfYear, rng.int(openingYear, asOfYear)),
      });
    if (ownerBirthYear !== undefined && asOfYear - ownerBirthYear <= 39 && rng.chance(0.05))
      priorSupport.push({
        programId: 'youth-fund',
        year: clampYear(asOfYear, rng.int(Math.max(openingYear, asOfYear - 3), asOfYear)),
      });

    const disasterDamage: { disasterId: string; confirmedOn: string }[] = [];
    for (const d of disasters) {
      if (!d.regions.has(regionCode) || openingDay > d.startDay) continue;
      if (closureDay !== undefined && closureDay < d.startDay) continue;
      const confirmedDay = d.startDay + rng.int(7, 60);
      if (confirmedDay <= asOfDay && rng.chance(0.2))
        disasterDamage.push({ disasterId: d.id, confirmedOn: isoOfDay(confirmedDay) });
    }

    const woman = flags.womanOwned ?? rng.chance(0.37);
    const representativeName =
      SURNAME_TABLE.pick(rng) + rng.pick(woman ? GIVEN_NAMES_WOMEN : GIVEN_NAMES_MEN);
    const word = rng.pick(nameWords(ksic, section));
    const style = rng.next();
    const place = findSido(sido)?.shortName ?? '';
    const tradeName =
      style < 0.55
        ? `${rng.pick(NAME_PREFIXES)} ${word}`
        : style < 0.8
          ? `${representativeName.slice(1)}네 ${word}`
          : style < 0.93
            ? `${place} ${word}`
            : `${rng.pick(NAME_PREFIXES)} ${word} ${rng.int(2, 5)}호점`;

    const profile: SyntheticBusiness = {
      brn: syntheticBrn(index),
      tradeName,
      representativeName,
      openingDate: isoOfDay(openingDay),
      regionCode,
      ksic,
      flags,
      priorSupport,
      disasterDamage,
    };
    if (closureDay !== undefined) profile.closureDate = isoOfDay(closureDay);
    if (plannedClosureDay !== undefined) profile.plannedClosureDate = isoOfDay(plannedClosureDay);
    if (previousClosureDay !== undefined) profile.previousClosureDate = isoOfDay(previousClosureDay);
    if (employees !== undefined) profile.employees = employees;
    if (revenue !== undefined) profile.revenue = revenue;
    if (revenueAvg3y !== undefined) profile.revenueAvg3y = revenueAvg3y;
    if (ownerBirthYear !== undefined) profile.ownerBirthYear = ownerBirthYear;
    if (highestLoanRate !== undefined) profile.highestLoanRate = highestLoanRate;
    return profile;
  };
}

const generators = new Map<string, (index: number) => SyntheticBusiness>();

/** Synthetic business `index` of population `seed` on `asOf` (with the catalog's disasters). */
export function generateBusiness(index: number, seed: number, asOf: string): SyntheticBusiness {
  const key = `${seed}|${asOf}`;
  let make = generators.get(key);
  if (!make) {
    if (generators.size > 16) generators.clear();
    make = createGenerator({ seed, asOf });
    generators.set(key, make);
  }
  return make(index);
}

/** `count` synthetic businesses from index `start`, lazily. */
export function* generateBusinesses(count: number, options: GenerateOptions): Iterable<SyntheticBusiness> {
  const make = createGenerator(options);
  const start = options.start ?? 0;
  for (let i = start; i < start + count; i++) yield make(i);
}

/** The tax office status a synthetic business would have on `asOf`: closed, suspended or trading. */
export function registryStatusOf(profile: BusinessProfile, asOf: string): StoredBusiness['registryStatus'] {
  if (profile.closureDate !== undefined && profile.closureDate <= asOf) return 'closed';
  return profile.flags.suspended ? 'suspended' : 'trading';
}
