import type { TestTable } from '@sbiz24/functions/testing/dynalite-harness';
import type { StoredBusiness } from '@sbiz24/shared';
import { generateBusinesses, registryStatusOf } from '@sbiz24/shared/synthetic/generate';

/** Owners of the claimed synthetic businesses: a few owners with several businesses each. */
const OWNERS = 40;

/**
 * Seeds `count` businesses from the shared synthetic population (the one the 6M benchmark draws from), drawn
 * for `asOf`; every tenth one is claimed by an owner, so the recompute emits new-match events for them.
 */
export async function seedSyntheticBusinesses(
  t: TestTable,
  count: number,
  options: { seed: number; asOf: string },
): Promise<void> {
  const batch: Omit<StoredBusiness, 'version' | 'updatedAt'>[] = [];
  let index = 0;
  for (const profile of generateBusinesses(count, options)) {
    const claimed = index % 10 === 0;
    batch.push({
      profile,
      registryStatus: registryStatusOf(profile, options.asOf),
      ...(claimed ? { ownerId: `owner-${index % OWNERS}` } : {}),
    });
    index++;
  }
  await t.repos.businesses.createMany(batch);
}
