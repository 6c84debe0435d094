import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { loadCatalog, type StoredBusiness } from '@sbiz24/shared';
import type { BlobStore } from '@sbiz24/shared/recompute/types';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runResumable } from '../recompute/resumable-run';
import type { BatchRuntime } from '../recompute/runtime';
import {
  LATEST_SNAPSHOT_KEY,
  type LatestSnapshotPointer,
  type SnapshotManifest,
} from '../services/snapshot-keys';
import { createOutboxRepository } from '../store/outbox-repository';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { business } from '../testing/fixtures';
import { localBatchRuntime } from './local-runtime';

/**
 * The crash test of issue 15: a recompute over 500 businesses (`CRASH_N` for more; 1,000 also passes) is
 * killed at random points (every DynamoDB request and blob operation is a possible point of death; after it, the "process" does nothing more),
 * restarted with a fresh runtime on the same stored data — the restart finds the unfinished run by itself and
 * resumes it from the stored checkpoints — and the end state is compared with an uninterrupted run on a copy:
 * the same matches, program counts, snapshot bytes and notifications, and no notification twice.
 */

const NOW = new Date('2026-03-02T01:00:00Z');
const AS_OF = '2026-03-02';
const N = Number(process.env.CRASH_N ?? 500);
const SEEDS = [1, 7, 42];
const REGIONS = ['11110', '26110', '47130', '41110', '11440', '30200'];
const quietRun = { asOf: AS_OF, segments: 4, concurrency: 2 };

class Killed extends Error {}

/** A process that dies at its `killAt`-th operation: that one and every later one fail. */
class Mortal {
  ops = 0;
  dead = false;
  constructor(private readonly killAt = Number.POSITIVE_INFINITY) {}
  tick(): void {
    if (this.dead) throw new Killed('already dead');
    if (++this.ops >= this.killAt) {
      this.dead = true;
      throw new Killed(`killed at operation ${this.ops}`);
    }
  }
  doc(doc: DynamoDBDocumentClient): DynamoDBDocumentClient {
    const send = doc.send.bind(doc);
    return Object.assign(Object.create(doc) as DynamoDBDocumentClient, {
      send: (async (command: never) => {
        this.tick();
        return send(command);
      }) as DynamoDBDocumentClient['send'],
    });
  }
  blobs(blobs: BlobStore): BlobStore {
    const step =
      <A extends unknown[], R>(fn: (...args: A) => Promise<R>) =>
      async (...args: A) => {
        this.tick();
        return fn(...args);
      };
    return {
      get: step((k: string) => blobs.get(k)),
      put: step((k: string, b: Uint8Array) => blobs.put(k, b)),
      delete: step((k: string) => blobs.delete(k)),
      list: step((p: string) => blobs.list(p)),
    };
  }
}

function runtime(t: TestTable, dataDir: string, mortal: Mortal): BatchRuntime {
  const rt = localBatchRuntime({ doc: mortal.doc(t.doc), tableName: t.tableName, dataDir, clock: () => NOW });
  return { ...rt, blobs: mortal.blobs(rt.blobs), pageSize: 100 };
}

function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

async function fill(t: TestTable): Promise<void> {
  const catalog = loadCatalog();
  for (const p of catalog.programs) await t.repos.programs.create(p);
  for (const d of catalog.disasters) await t.repos.disasters.create(d);
  await t.repos.businesses.createMany(
    Array.from({ length: N }, (_, i) => {
      const b = business(
        i,
        REGIONS[i % REGIONS.length] as string,
        i % 4 === 0 ? `owner-${i % 400}` : undefined,
      );
      b.profile.flags = { taxArrears: false, suspended: false, womanOwned: i % 3 === 0 };
      b.profile.revenue = 80_000_000 + i * 1_000_000;
      b.profile.ownerBirthYear = 1960 + (i % 45);
      b.profile.openingDate = `${2000 + (i % 26)}-0${1 + (i % 9)}-15`;
      return b;
    }),
  );
}

/** What a run leaves behind that must not depend on how often it was interrupted. */
async function endState(t: TestTable, dataDir: string) {
  const businesses: StoredBusiness[] = [];
  let cursor: string | undefined;
  do {
    const page = await t.repos.businesses.scanSegment(0, 1, cursor, 1000);
    businesses.push(...page.items);
    cursor = page.cursor;
  } while (cursor);
  const matches = Object.fromEntries(businesses.map((b) => [b.profile.brn, b.matchIds ?? null]));

  const outbox = createOutboxRepository(t.doc, t.tableName);
  const owners = [...new Set(businesses.flatMap((b) => (b.ownerId ? [b.ownerId] : [])))].sort();
  const notifications: string[] = [];
  let outboxRows = 0;
  for (const owner of owners) {
    let next: string | undefined;
    do {
      const page = await t.repos.notifications.list(owner, { limit: 100, ...(next ? { cursor: next } : {}) });
      for (const n of page.items) notifications.push(`${owner}|${n.dedupeKey}|${n.kind}|${n.title}`);
      next = page.cursor;
    } while (next);
    outboxRows += (await outbox.list(owner)).length;
  }

  const runs = localBatchRuntime({ doc: t.doc, tableName: t.tableName, dataDir });
  const counts: Record<string, number | undefined> = {};
  for (const p of loadCatalog().programs) counts[p.id] = (await runs.runs.getProgramCount(p.id))?.count;

  const decode = (bytes: Uint8Array | undefined) => JSON.parse(new TextDecoder().decode(bytes));
  const latest = decode(await runs.blobs.get(LATEST_SNAPSHOT_KEY)) as LatestSnapshotPointer;
  const manifest = decode(await runs.blobs.get(latest.manifestKey)) as SnapshotManifest;
  const parts: string[] = [];
  for (const part of manifest.parts)
    parts.push(Buffer.from((await runs.blobs.get(part.key)) ?? []).toString('base64'));
  const leftovers = (await runs.blobs.list('')).filter(
    (k) => k.includes('/pages/') || k.startsWith('pending-runs/'),
  );

  return {
    matches,
    notifications: notifications.sort(),
    outboxRows,
    counts,
    snapshot: { rows: manifest.rows, asOf: manifest.asOf, parts },
    leftovers,
  };
}

let reference: Awaited<ReturnType<typeof endState>>;
let referenceOps: number;
const dirs: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'sbiz24-crash-'));
  dirs.push(dir);
  return dir;
}

beforeAll(async () => {
  const t = await startTestTable({ tableName: 'crash-reference', clock: () => NOW });
  try {
    await fill(t);
    const dataDir = await tempDir();
    const counter = new Mortal();
    const summary = await runResumable(runtime(t, dataDir, counter), quietRun);
    expect(summary.complete).toBe(true);
    referenceOps = counter.ops;
    reference = await endState(t, dataDir);
  } finally {
    await t.stop();
  }
}, 300_000);

afterAll(async () => {
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

describe('a recompute killed at random points and restarted', () => {
  it('has something to compare: matches, notifications and a snapshot of every business', () => {
    expect(Object.keys(reference.matches)).toHaveLength(N);
    expect(Object.values(reference.matches).filter((m) => m && m.length > 0).length).toBeGreaterThan(N / 4);
    expect(reference.notifications.length).toBeGreaterThan(100);
    expect(reference.snapshot.rows).toBe(N);
    expect(referenceOps).toBeGreaterThan(100);
  });

  it.each(SEEDS)(
    'ends exactly like an uninterrupted run, without a notification twice (seed %i)',
    async (seed) => {
      const random = seededRandom(seed);
      const t = await startTestTable({ tableName: `crash-${seed}`, clock: () => NOW });
      try {
        await fill(t);
        const dataDir = await tempDir();
        const kills: number[] = [];
        // Two deaths at random operations of what is left of the run, then a restart that is left to finish.
        for (let attempt = 0; attempt < 2; attempt++) {
          const killAt = 1 + Math.floor(random() * referenceOps * (attempt === 0 ? 1 : 0.6));
          const mortal = new Mortal(killAt);
          await expect(runResumable(runtime(t, dataDir, mortal), quietRun)).rejects.toBeInstanceOf(Killed);
          kills.push(killAt);
          // Requests already on the wire when the process died still land; give them a moment.
          await new Promise((r) => setTimeout(r, 50));
        }
        const final = await runResumable(runtime(t, dataDir, new Mortal()), quietRun);

        expect(final.complete).toBe(true);
        const state = await endState(t, dataDir);
        expect(state.leftovers).toEqual([]);
        expect(state.matches).toEqual(reference.matches);
        expect(state.counts).toEqual(reference.counts);
        expect(state.snapshot).toEqual(reference.snapshot);
        expect(new Set(state.notifications.map((n) => n.split('|').slice(0, 2).join('|'))).size).toBe(
          state.notifications.length,
        );
        expect(state.notifications).toEqual(reference.notifications);
        expect(state.outboxRows).toBe(reference.outboxRows);
      } finally {
        await t.stop();
      }
    },
    300_000,
  );
});
