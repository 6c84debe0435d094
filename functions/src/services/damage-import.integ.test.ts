import { DisasterSchema } from '@sbiz24/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { brnOf, newBusiness } from '../testing/store-data';
import { createDamageImportService } from './damage-import';
import type { Caller } from './types';

let t: TestTable;
beforeAll(async () => {
  t = await startTestTable();
});
afterAll(() => t.stop());

const staff: Caller = { sub: 'staff-park', name: '박주무관', role: 'staff', agencyId: 'semas' };
const clock = () => new Date('2026-12-03T01:00:00Z');

describe('damage import on the local DynamoDB server', () => {
  it('confirms a thousand businesses from a UTF-8 file with a BOM and CRLF, and a re-import writes nothing', async () => {
    const disaster = DisasterSchema.parse({
      id: '2026-08-typhoon',
      name: '2026년 태풍',
      kind: 'typhoon',
      regionCodes: ['11110'],
      startDate: '2026-08-01',
      endDate: '2026-08-05',
    });
    await t.repos.disasters.create(disaster);
    await t.repos.businesses.createMany(Array.from({ length: 1000 }, (_, i) => newBusiness(20_000 + i)));
    const lines = ['\ufeff사업자등록번호,피해확인일'];
    for (let i = 0; i < 1000; i++) lines.push(`${brnOf(20_000 + i)},2026-08-0${1 + (i % 5)}`);
    lines.push(`${brnOf(20_000)},2026-08-02`); // a duplicate, reported
    const file = new TextEncoder().encode(lines.join('\r\n'));
    const service = createDamageImportService({ repos: t.repos, clock, notify: async () => {} });

    const preview = await service.importList(staff, disaster.id, file, { dryRun: true });
    expect(preview.counts).toEqual({ total: 1001, new: 1000, updated: 0, unchanged: 0, rejected: 1 });
    expect((await t.repos.businesses.get(brnOf(20_001)))!.profile.disasterDamage).toEqual([]);

    const applied = await service.importList(staff, disaster.id, file, { dryRun: false });
    expect(applied.counts).toEqual(preview.counts);
    const stored = await t.repos.businesses.getMany(lines.slice(1, 1001).map((l) => l.split(',')[0]!));
    expect([...stored.values()].every((b) => b.profile.disasterDamage[0]?.disasterId === disaster.id)).toBe(
      true,
    );
    expect([...stored.values()].every((b) => b.version === 2)).toBe(true);

    const again = await service.importList(staff, disaster.id, file, { dryRun: false });
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 1000, rejected: 1 });
    const after = await t.repos.businesses.getMany([...stored.keys()]);
    expect([...after.values()].every((b) => b.version === 2)).toBe(true);
    expect((await t.repos.audit.list('disaster', disaster.id)).map((e) => e.action)).toEqual([
      'damage-import',
      'damage-import',
    ]);
  });
});
