import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Repositories } from '@sbiz24/shared';
import { ConflictError, loadCatalog, type StoredBusiness } from '@sbiz24/shared';
import { localSeedMarkerKey } from '../store/keys';
import { seedDemoApplications } from './demo-applications';
import { DEMO_ALERT_PREFERENCES, DEMO_CLAIMABLE_BUSINESSES, DEMO_OWNED_BUSINESSES } from './demo-data';

type NewBusiness = Omit<StoredBusiness, 'version' | 'updatedAt'>;

export interface SeedOptions {
  doc: DynamoDBDocumentClient;
  tableName: string;
  repos: Repositories;
  /** How many synthetic businesses to add besides the demo ones. */
  businesses: number;
  /** Makes `count` synthetic businesses, deterministically. */
  synthetic: (count: number) => Iterable<NewBusiness>;
  clock: () => Date;
  /** Progress: called with done/total while the businesses are written. */
  onProgress?: (done: number, total: number) => void;
  /** Writes in flight at once. @default 4 */
  concurrency?: number;
}

export interface SeedResult {
  seeded: boolean;
  programs: number;
  disasters: number;
  businesses: number;
  /** Demo applications of the demo owners, in every state. */
  applications: number;
}

const CHUNK = 500;

async function ignoreConflict(write: Promise<unknown>): Promise<void> {
  try {
    await write;
  } catch (err) {
    if (!(err instanceof ConflictError)) throw err;
  }
}

/**
 * Seeds the local table once: the catalog's programs and disasters, the demo businesses, then the synthetic
 * ones; the marker item goes last, so an interrupted seed is simply redone (every write skips what exists).
 */
export async function seedIfEmpty(options: SeedOptions): Promise<SeedResult> {
  const { doc, tableName, repos, clock } = options;
  const marker = await doc.send(new GetCommand({ TableName: tableName, Key: localSeedMarkerKey }));
  if (marker.Item) return { seeded: false, programs: 0, disasters: 0, businesses: 0, applications: 0 };

  const catalog = loadCatalog();
  for (const program of catalog.programs) await ignoreConflict(repos.programs.create(program));
  for (const disaster of catalog.disasters) await ignoreConflict(repos.disasters.create(disaster));

  const demo = [...DEMO_OWNED_BUSINESSES, ...DEMO_CLAIMABLE_BUSINESSES];
  const total = demo.length + options.businesses;
  let done = 0;
  await repos.businesses.createMany(demo);
  for (const { userId, preferences } of DEMO_ALERT_PREFERENCES) {
    await ignoreConflict(repos.alertPreferences.put(userId, preferences, 0));
  }
  done += demo.length;
  options.onProgress?.(done, total);

  // Chunks go out a few at a time: enough to keep the local server busy, bounded in memory.
  const inflight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  let chunk: NewBusiness[] = [];
  const flush = async (items: NewBusiness[]) => {
    const tracked: Promise<void> = repos.businesses
      .createMany(items)
      .then(() => {
        done += items.length;
        options.onProgress?.(done, total);
      })
      .catch((error: unknown) => {
        failure ??= { error };
      })
      .finally(() => inflight.delete(tracked));
    inflight.add(tracked);
    if (inflight.size >= (options.concurrency ?? 4)) await Promise.race(inflight);
    if (failure) throw failure.error;
  };
  for (const b of options.synthetic(options.businesses)) {
    chunk.push(b);
    if (chunk.length === CHUNK) {
      await flush(chunk);
      chunk = [];
    }
  }
  if (chunk.length > 0) await flush(chunk);
  await Promise.all(inflight);
  if (failure) throw failure.error;
  const applications = await seedDemoApplications({ repos, clock });

  await doc.send(
    new PutCommand({
      TableName: tableName,
      Item: { ...localSeedMarkerKey, seededAt: clock().toISOString(), businesses: total },
    }),
  );
  return {
    seeded: true,
    programs: catalog.programs.length,
    disasters: catalog.disasters.length,
    businesses: total,
    applications: applications.length,
  };
}
