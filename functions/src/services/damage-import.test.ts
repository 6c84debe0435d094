import { type Disaster, DisasterSchema } from '@sbiz24/shared';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryRepositories } from '../testing/memory-repositories';
import { brnOf, newBusiness } from '../testing/store-data';
import { createDamageImportService } from './damage-import';
import type { Caller, ProgramChangeEvent } from './types';

const staff: Caller = { sub: 'staff-park', name: '박주무관', role: 'staff', agencyId: 'semas' };
const clock = () => new Date('2026-12-03T01:00:00Z');
const flood: Disaster = DisasterSchema.parse({
  id: '2026-07-flood',
  name: '2026년 7월 집중호우',
  kind: 'heavy-rain',
  regionCodes: ['11110', '11140'],
  startDate: '2026-07-10',
  endDate: '2026-07-20',
});
const csv = (...lines: string[]) => new TextEncoder().encode(lines.join('\n'));

async function setup() {
  const repos = createMemoryRepositories(clock);
  await repos.disasters.create(flood);
  for (let i = 1; i <= 4; i++) await repos.businesses.create(newBusiness(i));
  await repos.businesses.create(newBusiness(5, {}));
  const outside = newBusiness(6);
  await repos.businesses.create({ ...outside, profile: { ...outside.profile, regionCode: '26110' } });
  const events: ProgramChangeEvent[] = [];
  const service = createDamageImportService({ repos, clock, notify: async (e) => void events.push(e) });
  return { repos, service, events };
}

const FILE = [
  '사업자등록번호,피해확인일,피해유형,피해금액',
  `${brnOf(1)},2026-07-15,침수,"2,000,000"`,
  `${brnOf(2)},2026-07-16,,`,
  `${brnOf(6)},2026-07-16,,`, // outside the area
  `${brnOf(999)},2026-07-16,,`, // not in the portal
  `${brnOf(3)},2026-06-01,,`, // before the disaster
];

describe('damage import', () => {
  it('previews counts and reasons and stores nothing on a dry run', async () => {
    const { repos, service, events } = await setup();
    const result = await service.importList(staff, flood.id, csv(...FILE), { dryRun: true });
    expect(result.counts).toEqual({ total: 5, new: 2, updated: 0, unchanged: 0, rejected: 3 });
    expect(result.rejectedBy).toEqual({ OUTSIDE_AREA: 1, UNKNOWN_BUSINESS: 1, DATE_OUTSIDE_PERIOD: 1 });
    expect(result.errors.map((e) => [e.line, e.code])).toEqual([
      [4, 'OUTSIDE_AREA'],
      [5, 'UNKNOWN_BUSINESS'],
      [6, 'DATE_OUTSIDE_PERIOD'],
    ]);
    expect((await repos.businesses.get(brnOf(1)))!.profile.disasterDamage).toEqual([]);
    expect((await repos.businesses.get(brnOf(1)))!.version).toBe(1);
    expect(events).toEqual([]);
    expect(await repos.audit.list('disaster', flood.id)).toEqual([]);
  });

  it('applies the good rows, audits the import, starts a recompute; a second import changes nothing', async () => {
    const { repos, service, events } = await setup();
    const progress = vi.fn();
    const first = await service.importList(staff, flood.id, csv(...FILE), {
      dryRun: false,
      onProgress: progress,
    });
    expect(first.counts).toMatchObject({ new: 2, unchanged: 0, rejected: 3 });
    expect((await repos.businesses.get(brnOf(1)))!.profile.disasterDamage).toEqual([
      { disasterId: flood.id, confirmedOn: '2026-07-15', kind: 'flooding', amountWon: 2_000_000 },
    ]);
    expect((await repos.businesses.get(brnOf(2)))!.profile.disasterDamage).toEqual([
      { disasterId: flood.id, confirmedOn: '2026-07-16' },
    ]);
    expect(progress).toHaveBeenLastCalledWith(5, 5);
    expect(events).toEqual([{ type: 'damage-imported', disasterId: flood.id, at: clock().toISOString() }]);
    const audit = await repos.audit.list('disaster', flood.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'damage-import', actorId: 'staff-park' });
    expect(audit[0]!.summary).not.toContain(brnOf(1));

    const versions = [
      (await repos.businesses.get(brnOf(1)))!.version,
      (await repos.businesses.get(brnOf(2)))!.version,
    ];
    const again = await service.importList(staff, flood.id, csv(...FILE), { dryRun: false });
    expect(again.counts).toMatchObject({ new: 0, updated: 0, unchanged: 2, rejected: 3 });
    expect([
      (await repos.businesses.get(brnOf(1)))!.version,
      (await repos.businesses.get(brnOf(2)))!.version,
    ]).toEqual(versions);
    expect(events).toHaveLength(1);
  });

  it('updates a confirmation whose date or amount changed, keeping other disasters', async () => {
    const { repos, service } = await setup();
    const b = (await repos.businesses.get(brnOf(4)))!;
    await repos.businesses.updateProfile(
      brnOf(4),
      {
        ...b.profile,
        disasterDamage: [
          { disasterId: 'older-quake', confirmedOn: '2024-01-03' },
          { disasterId: flood.id, confirmedOn: '2026-07-12' },
        ],
      },
      b.version,
    );
    const result = await service.importList(staff, flood.id, csv(`${brnOf(4)},2026-07-18`), {
      dryRun: false,
    });
    expect(result.counts).toMatchObject({ updated: 1, new: 0 });
    expect((await repos.businesses.get(brnOf(4)))!.profile.disasterDamage).toEqual([
      { disasterId: 'older-quake', confirmedOn: '2024-01-03' },
      { disasterId: flood.id, confirmedOn: '2026-07-18' },
    ]);
  });

  it('re-reads a business edited between the check and the write, and keeps the edit', async () => {
    const { repos, service } = await setup();
    const real = repos.businesses.updateProfiles.bind(repos.businesses);
    let raced = false;
    repos.businesses.updateProfiles = async (updates) => {
      if (!raced) {
        raced = true;
        const current = (await repos.businesses.get(brnOf(1)))!;
        // The owner saves the profile between the import's read and its write.
        await repos.businesses.updateProfile(brnOf(1), { ...current.profile, employees: 3 }, current.version);
      }
      return real(updates);
    };
    const result = await service.importList(staff, flood.id, csv(`${brnOf(1)},2026-07-15`), {
      dryRun: false,
    });
    expect(result.counts.new).toBe(1);
    const stored = (await repos.businesses.get(brnOf(1)))!;
    expect(stored.profile.employees).toBe(3);
    expect(stored.profile.disasterDamage).toHaveLength(1);
    expect(stored.version).toBe(3);
  });

  it('refuses an unknown disaster and an empty or header-less file with 4xx errors, storing nothing', async () => {
    const { service } = await setup();
    await expect(
      service.importList(staff, 'no-such', csv(FILE[1]!), { dryRun: false }),
    ).rejects.toMatchObject({
      code: 'DISASTER_NOT_FOUND',
    });
    await expect(
      service.importList(staff, flood.id, new Uint8Array(), { dryRun: false }),
    ).rejects.toMatchObject({
      code: 'DAMAGE_FILE_EMPTY',
    });
    await expect(
      service.importList(staff, flood.id, csv('사업자등록번호,금액', `${brnOf(1)},1`), { dryRun: true }),
    ).rejects.toMatchObject({ code: 'DAMAGE_FILE_NO_COLUMNS' });
  });
});
