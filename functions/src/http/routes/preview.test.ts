import type { BusinessProfile } from '@sbiz24/shared';
import { encodeSnapshot } from '@sbiz24/shared/columnar/format';
import { buildSnapshot } from '@sbiz24/shared/columnar/snapshot';
import { describe, expect, it } from 'vitest';
import { MemoryBlobStore } from '../../services/blob-store';
import { columnarPreviewEngine, decodeSnapshotParts } from '../../services/columnar-preview-engine';
import { createPreviewService } from '../../services/preview';
import { createSnapshotSource } from '../../services/snapshot-source';
import { DEMO_OWNED_BUSINESSES } from '../../testing/demo';
import { writeFinishedRun } from '../../testing/finished-run';
import { business } from '../../testing/fixtures';
import { MemoryRunRepository } from '../../testing/memory-run-repository';
import { call, createTestApp, TEST_NOW } from '../../testing/test-app';
import { PREVIEW_RATE_LIMIT } from './preview';

async function snapshotOf(profiles: BusinessProfile[]) {
  const blobs = new MemoryBlobStore();
  const part = encodeSnapshot(buildSnapshot(profiles));
  const run = {
    runId: 'r1',
    asOf: '2026-11-26',
    at: '2026-11-25T18:00:00.000Z',
    part,
    rows: profiles.length,
  };
  await writeFinishedRun(blobs, new MemoryRunRepository(), run);
  return blobs;
}

async function appWithSnapshot(profiles: BusinessProfile[]) {
  const blobs = await snapshotOf(profiles);
  const clock = () => TEST_NOW;
  const preview = createPreviewService({
    source: createSnapshotSource(blobs, decodeSnapshotParts, { clock }),
    engine: columnarPreviewEngine,
    disasters: async () => [],
    clock,
    today: () => '2026-11-26',
  });
  return createTestApp({ preview });
}

const profiles = [
  ...DEMO_OWNED_BUSINESSES.map((b) => b.profile),
  ...Array.from({ length: 30 }, (_, i) => business(i, i % 2 ? '26110' : '11110').profile),
];

describe('POST /api/staff/preview', () => {
  it('counts the qualifying businesses of the latest snapshot by 시도 and stage, with anonymised samples', async () => {
    const { app } = await appWithSnapshot(profiles);
    const inBusan = profiles.filter((p) => p.regionCode.startsWith('26')).length;

    const res = await call(app, 'POST', '/api/staff/preview', {
      as: 'staffSemas',
      body: { rule: { type: 'region', op: 'in', codes: ['26'] } },
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      total: inBusan,
      rows: profiles.length,
      bySido: { '26': inBusan },
      snapshotRunId: 'r1',
      snapshotAt: '2026-11-25T18:00:00.000Z',
      snapshotAgeSeconds: 25_200,
      asOf: '2026-11-26',
    });
    expect(Object.values(res.body.byStage as Record<string, number>).reduce((a, b) => a + b, 0)).toBe(
      inBusan,
    );
    expect(res.body.samples).toHaveLength(inBusan);
    expect(res.body.samples[0]).not.toHaveProperty('brn');
  });

  it('returns at most 20 samples', async () => {
    const { app } = await appWithSnapshot(profiles);

    const res = await call(app, 'POST', '/api/staff/preview', {
      as: 'admin',
      body: { rule: { type: 'operating' } },
    });

    expect(res.status).toBe(200);
    expect(res.body.total).toBeGreaterThan(20);
    expect(res.body.samples).toHaveLength(20);
  });

  it('rejects an invalid rule with the path of each problem', async () => {
    const { app } = await appWithSnapshot(profiles);

    const res = await call(app, 'POST', '/api/staff/preview', {
      as: 'staffSemas',
      body: { rule: { type: 'all', rules: [{ type: 'region', op: 'in', codes: ['99'] }, { type: 'nope' }] } },
    });

    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('INVALID_RULE');
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('rule.rules.1.type');
  });

  it('answers 503 SNAPSHOT_UNAVAILABLE in Korean before any batch run finished', async () => {
    const clock = () => TEST_NOW;
    const preview = createPreviewService({
      source: createSnapshotSource(new MemoryBlobStore(), decodeSnapshotParts, { clock }),
      engine: columnarPreviewEngine,
      disasters: async () => [],
      clock,
      today: () => '2026-11-26',
    });
    const { app } = await createTestApp({ preview });

    const res = await call(app, 'POST', '/api/staff/preview', {
      as: 'staffMss',
      body: { rule: { type: 'operating' } },
    });

    expect(res.status).toBe(503);
    expect(res.body.error.code).toBe('SNAPSHOT_UNAVAILABLE');
    expect(res.body.error.message).toMatch(/스냅샷/);
  });
});

describe('the preview rate limit', () => {
  it('answers 429 with Retry-After past the per-user limit, for that user only, until the window passes', async () => {
    const { app, setNow } = await appWithSnapshot(DEMO_OWNED_BUSINESSES.map((b) => b.profile));
    const body = { rule: { type: 'region', op: 'in', codes: ['26'] } };
    const statuses: number[] = [];
    for (let i = 0; i < PREVIEW_RATE_LIMIT.limit; i++)
      statuses.push((await call(app, 'POST', '/api/staff/preview', { as: 'staffSemas', body })).status);

    const limited = await call(app, 'POST', '/api/staff/preview', { as: 'staffSemas', body });
    const other = await call(app, 'POST', '/api/staff/preview', { as: 'admin', body });
    setNow(new Date(TEST_NOW.getTime() + PREVIEW_RATE_LIMIT.windowMs));
    const later = await call(app, 'POST', '/api/staff/preview', { as: 'staffSemas', body });

    expect(new Set(statuses)).toEqual(new Set([200]));
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatchObject({
      code: 'RATE_LIMITED',
      message: expect.stringMatching(/미리보기/),
    });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(Number(limited.headers.get('retry-after'))).toBeLessThanOrEqual(60);
    expect(other.status).toBe(200);
    expect(later.status).toBe(200);
  });
});
