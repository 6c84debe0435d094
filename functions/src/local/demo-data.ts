import {
  type BusinessProfileInput,
  BusinessProfileSchema,
  type StoredBusiness,
  withCheckDigit,
} from '@sbiz24/shared';
import { type AlertPreferences, DEFAULT_ALERT_PREFERENCES } from '@sbiz24/shared/alerts/preferences';
import type { DevUser } from '../http/types';

/**
 * The hand-made demo data of the local portal: who can log in, the demo owners' businesses (each chosen so
 * that it has real matches in the catalog as of late 2026, in a different lifecycle stage), and a few
 * unclaimed registry businesses whose details are printed at start so that the claim flow can be tried.
 */

export const DEMO_USERS: readonly DevUser[] = [
  { id: 'owner-kim', role: 'owner', name: '김하늘' },
  { id: 'owner-park', role: 'owner', name: '박준호' },
  { id: 'staff-semas', role: 'staff', name: '이소진', agencyId: 'semas' },
  { id: 'staff-mss', role: 'staff', name: '최민수', agencyId: 'mss' },
  { id: 'admin', role: 'admin', name: '정관리' },
];

type NewBusiness = Omit<StoredBusiness, 'version' | 'updatedAt'>;

/** Validates a hand-written profile (a typo fails at start, not in a demo). */
function business(
  nineDigits: string,
  input: Omit<BusinessProfileInput, 'brn'>,
  ownerId?: string,
): NewBusiness {
  const profile = BusinessProfileSchema.parse({ ...input, brn: withCheckDigit(nineDigits) });
  return {
    profile: { ...profile, brn: profile.brn! },
    registryStatus: 'trading',
    ...(ownerId ? { ownerId } : {}),
  };
}

const clean = { taxArrears: false, suspended: false } as const;

/** The demo owners' businesses, already claimed. */
export const DEMO_OWNED_BUSINESSES: readonly NewBusiness[] = [
  // 김하늘: a young café in Seoul (startup), a craft workshop hit by the March 2025 wildfire (growth),
  // and a snack bar about to close (closure).
  business(
    '101213456',
    {
      tradeName: '하늘카페',
      representativeName: '김하늘',
      openingDate: '2024-05-20',
      regionCode: '11440',
      ksic: '56221',
      employees: 2,
      revenue: 150_000_000,
      revenueAvg3y: 120_000_000,
      ownerBirthYear: 1994,
      flags: { ...clean, womanOwned: true },
    },
    'owner-kim',
  ),
  business(
    '102224567',
    {
      tradeName: '하늘공방',
      representativeName: '김하늘',
      openingDate: '2015-03-02',
      regionCode: '47170',
      ksic: '10711',
      employees: 4,
      revenue: 320_000_000,
      revenueAvg3y: 300_000_000,
      ownerBirthYear: 1994,
      flags: { ...clean, womanOwned: true, smartTech: true },
      disasterDamage: [{ disasterId: '2025-03-wildfire', confirmedOn: '2025-04-10' }],
    },
    'owner-kim',
  ),
  business(
    '103235678',
    {
      tradeName: '하늘분식',
      representativeName: '김하늘',
      openingDate: '2019-09-01',
      plannedClosureDate: '2027-01-31',
      regionCode: '26350',
      ksic: '56194',
      employees: 1,
      revenue: 60_000_000,
      ownerBirthYear: 1994,
      flags: { ...clean, womanOwned: true },
    },
    'owner-kim',
  ),
  // 박준호: a small exporting manufacturer flooded in July 2023 (growth), and a flower shop he restarted
  // after closing his previous business (closure & restart).
  business(
    '201313579',
    {
      tradeName: '준호정밀',
      representativeName: '박준호',
      openingDate: '2010-04-15',
      regionCode: '43760',
      ksic: '14111',
      employees: 8,
      revenue: 900_000_000,
      revenueAvg3y: 850_000_000,
      ownerBirthYear: 1975,
      flags: { ...clean, exporter: true, employmentInsurance: true },
      disasterDamage: [{ disasterId: '2023-07-heavy-rain', confirmedOn: '2023-08-02' }],
    },
    'owner-park',
  ),
  business(
    '202322468',
    {
      tradeName: '다시봄꽃집',
      representativeName: '박준호',
      openingDate: '2023-03-02',
      previousClosureDate: '2022-06-30',
      regionCode: '30200',
      ksic: '47',
      employees: 0,
      revenue: 45_000_000,
      ownerBirthYear: 1975,
      flags: { ...clean, employmentInsurance: true },
    },
    'owner-park',
  ),
];

/** Registered but unclaimed: a demo owner can claim these with the printed details. */
export const DEMO_CLAIMABLE_BUSINESSES: readonly NewBusiness[] = [
  business('301411111', {
    tradeName: '팔달편의점',
    representativeName: '김하늘',
    openingDate: '2021-06-14',
    regionCode: '41115',
    ksic: '47122',
    employees: 3,
    revenue: 480_000_000,
    ownerBirthYear: 1994,
    flags: clean,
  }),
  business('302422222', {
    tradeName: '빛고을미용실',
    representativeName: '박준호',
    openingDate: '2018-11-05',
    regionCode: '29155',
    ksic: '96112',
    employees: 1,
    revenue: 70_000_000,
    ownerBirthYear: 1975,
    flags: clean,
  }),
  business('303433333', {
    tradeName: '제주한달살기',
    representativeName: '오세린',
    openingDate: '2025-02-17',
    regionCode: '50110',
    ksic: '55103',
    employees: 0,
    revenue: 30_000_000,
    ownerBirthYear: 1990,
    flags: { ...clean, employmentInsurance: true },
  }),
];

/**
 * The demo owners' alert settings: both verified an e-mail address (example.com, which receives nothing
 * real: the development mailbox catches every mail), and 김하늘 also takes text messages.
 */
export const DEMO_ALERT_PREFERENCES: readonly { userId: string; preferences: AlertPreferences }[] = [
  {
    userId: 'owner-kim',
    preferences: {
      ...DEFAULT_ALERT_PREFERENCES,
      channels: { email: true, sms: true },
      email: { address: 'owner-kim@example.com', verified: true },
      phone: '010-0000-0001',
    },
  },
  {
    userId: 'owner-park',
    preferences: {
      ...DEFAULT_ALERT_PREFERENCES,
      email: { address: 'owner-park@example.com', verified: true },
    },
  },
];
