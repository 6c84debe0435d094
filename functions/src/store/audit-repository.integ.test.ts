import type { AuditEntry } from '@sbiz24/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { createAuditRepository } from './audit-repository';

let t: TestTable;
beforeAll(async () => {
  t = await startTestTable();
});
afterAll(() => t.stop());

function entry(at: string, overrides: Partial<AuditEntry> = {}): AuditEntry {
  return {
    entityType: 'program',
    entityId: 'p-audit',
    at,
    actorId: 'staff-semas-1',
    action: 'program.update',
    summary: '제목 변경',
    version: 2,
    ...overrides,
  };
}

describe('audit repository on dynalite', () => {
  it("lists an entity's entries in time order", async () => {
    const later = entry('2025-03-02T09:00:00.000Z', { action: 'program.publish', version: 3 });
    const earlier = entry('2025-03-01T09:00:00.000Z');
    await t.repos.audit.append(later);
    await t.repos.audit.append(earlier);

    expect(await t.repos.audit.list('program', 'p-audit')).toEqual([earlier, later]);
  });

  it('keeps two entries written in the same millisecond', async () => {
    const at = '2025-04-01T00:00:00.000Z';

    await Promise.all([
      t.repos.audit.append(entry(at, { entityId: 'p-same', action: 'a' })),
      t.repos.audit.append(entry(at, { entityId: 'p-same', action: 'b' })),
    ]);

    expect((await t.repos.audit.list('program', 'p-same')).map((e) => e.action).sort()).toEqual(['a', 'b']);
  });

  it('never replaces an entry, even when the random suffix repeats', async () => {
    const repo = createAuditRepository(t.doc, t.tableName, { suffix: () => 'fixed' });
    await repo.append(entry('2025-05-01T00:00:00.000Z', { entityId: 'p-fixed', action: 'first' }));

    await expect(
      repo.append(entry('2025-05-01T00:00:00.000Z', { entityId: 'p-fixed', action: 'second' })),
    ).rejects.toThrow();
    expect((await repo.list('program', 'p-fixed')).map((e) => e.action)).toEqual(['first']);
  });

  it('keeps entities of different types apart', async () => {
    await t.repos.audit.append(entry('2025-06-01T00:00:00.000Z', { entityType: 'disaster', entityId: 'x' }));
    await t.repos.audit.append(entry('2025-06-01T00:00:00.000Z', { entityType: 'business', entityId: 'x' }));

    expect(await t.repos.audit.list('disaster', 'x')).toHaveLength(1);
    expect(await t.repos.audit.list('program', 'x')).toEqual([]);
  });
});
