/** Business profiles for unit tests, built through the real schema so that they are always valid. */
import { type BusinessProfile, type BusinessProfileInput, BusinessProfileSchema } from '../profile/profile';

/** 의성군의 한식당, opened 2019-04-15, 3 employees, 2.6억 revenue: a typical 소상공인. */
export const BASE_PROFILE: BusinessProfileInput = {
  brn: '220-81-62517',
  tradeName: '의성한식당',
  representativeName: '김민지',
  openingDate: '2019-04-15',
  regionCode: '47730',
  ksic: '56111',
  employees: 3,
  revenue: 280_000_000,
  revenueAvg3y: 260_000_000,
  ownerBirthYear: 1986,
  flags: { taxArrears: false, suspended: false },
};

/** The base profile with some fields replaced; `undefined` removes a field (makes it unknown). */
export function makeProfile(
  overrides: Partial<Record<keyof BusinessProfileInput, unknown>> = {},
): BusinessProfile {
  const input: Record<string, unknown> = { ...BASE_PROFILE, ...overrides };
  for (const [k, v] of Object.entries(input)) if (v === undefined) delete input[k];
  return BusinessProfileSchema.parse(input);
}
