import type { StoredBusiness } from '@sbiz24/shared';
import { generateBusinesses, registryStatusOf } from '@sbiz24/shared/synthetic/generate';

/** The fixed seed of the local population: every machine seeds the same businesses. */
export const LOCAL_POPULATION_SEED = 20_261_126;

/**
 * `count` synthetic registry businesses (unclaimed) for the local portal, drawn for `asOf` with the shared
 * generator (the 6M benchmark draws from the same population). Their numbers (offices 400–999) never collide
 * with the hand-made demo businesses (1xx–3xx).
 */
export function* syntheticBusinesses(
  count: number,
  asOf: string,
): Iterable<Omit<StoredBusiness, 'version' | 'updatedAt'>> {
  for (const profile of generateBusinesses(count, { seed: LOCAL_POPULATION_SEED, asOf })) {
    yield { profile, registryStatus: registryStatusOf(profile, asOf) };
  }
}
