import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { evaluateRule, loadCatalog, type Rule } from '@sbiz24/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { business, regionProgram } from '../testing/fixtures';
import { type LocalBatch, startLocalBatch } from './local-batch';

const NOW = new Date('2026-03-02T01:00:00Z');
const AS_OF = '2026-03-02';
const REGIONS = ['11110', '26110', '47130', '41110'];
const N = 80;

let t: TestTable;
let dataDir: string;
let batch: LocalBatch;

beforeAll(async () => {
  t = await startTestTable({ tableName: 'local-batch', clock: () => NOW });
  dataDir = await mkdtemp(join(tmpdir(), 'sbiz24-batch-'));
  const catalog = loadCatalog();
  for (const p of catalog.programs) await t.repos.programs.create(p);
  for (const d of catalog.disasters) await t.repos.disasters.create(d);
  await t.repos.businesses.createMany(
    Array.from({ length: N }, (_, i) => {
      const b = business(i, REGIONS[i % REGIONS.length]!, i % 5 === 0 ? `owner-${i}` : undefined);
      b.profile.flags = { taxArrears: false, suspended: false, womanOwned: i % 3 === 0 };
      b.profile.revenue = 80_000_000 + i * 1_000_000;
      b.profile.ownerBirthYear = 1985 + (i % 15);
      return b;
    }),
  );
  batch = await startLocalBatch({
    doc: t.doc,
    tableName: t.tableName,
    dataDir,
    clock: () => NOW,
    disasters: () => t.repos.disasters.list(),
    log: { log: () => {}, error: () => {} },
  });
});

afterAll(async () => {
  await batch?.stop();
  await t?.stop();
  await rm(dataDir, { recursive: true, force: true });
});

describe('the batch inside the local portal', () => {
  it('computes a first snapshot on start, and the preview counts exactly what the rules engine says', async () => {
    await batch.queue.idle();
    const rule: Rule = { type: 'flag', flag: 'womanOwned', present: true };

    const result = await batch.preview.preview(rule);

    const profiles = await Promise.all(
      Array.from(
        { length: N },
        async (_, i) => (await t.repos.businesses.get(business(i, '11110').profile.brn))!.profile,
      ),
    );
    const expected = profiles.filter((p) => evaluateRule(rule, p, { asOf: AS_OF, disasters: [] }).eligible);
    expect(result.rows).toBe(N);
    expect(result.total).toBe(expected.length);
    expect(Object.values(result.bySido).reduce((a, b) => a + b, 0)).toBe(expected.length);
    expect(result.samples.length).toBe(Math.min(20, expected.length));
    expect(JSON.stringify(result.samples)).not.toMatch(/\d{10}|홍길동|가게/);
    expect(result.asOf).toBe(AS_OF);
  });

  it('recomputes in the background after a program is published', async () => {
    await batch.queue.idle();
    await t.repos.programs.create(
      regionProgram('busan-only', ['26'], { applyStart: '2026-03-01', applyEnd: '2026-12-31' }),
    );

    batch.onProgramChanged({
      type: 'program-published',
      programId: 'busan-only',
      version: 1,
      at: NOW.toISOString(),
    });
    await batch.queue.idle();

    const busan = await t.repos.businesses.get(business(1, '26110').profile.brn);
    const seoul = await t.repos.businesses.get(business(0, '11110').profile.brn);
    expect(busan?.matchIds).toContain('busan-only');
    expect(seoul?.matchIds ?? []).not.toContain('busan-only');
  });
});
