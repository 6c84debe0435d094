import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { disaster } from '../testing/store-data';

let t: TestTable;
beforeAll(async () => {
  t = await startTestTable();
});
afterAll(() => t.stop());

describe('disaster repository on dynalite', () => {
  it('declares a disaster and reads it back', async () => {
    const declared = await t.repos.disasters.create(disaster('rain-2025-07'));

    expect(await t.repos.disasters.get('rain-2025-07')).toEqual(declared);
  });

  it('refuses a second declaration with the same id and keeps the first', async () => {
    await t.repos.disasters.create(
      disaster('fire-2025-03', {
        kind: 'wildfire',
        name: '경북 산불',
        startDate: '2025-03-21',
        endDate: '2025-03-30',
      }),
    );

    await expect(
      t.repos.disasters.create(disaster('fire-2025-03', { name: '다른 이름' })),
    ).rejects.toMatchObject({
      code: 'ALREADY_EXISTS',
    });
    expect((await t.repos.disasters.get('fire-2025-03'))?.name).toBe('경북 산불');
  });

  it('returns undefined for an unknown disaster', async () => {
    expect(await t.repos.disasters.get('nothing-here')).toBeUndefined();
  });

  it('lists every disaster by start date', async () => {
    await t.repos.disasters.create(
      disaster('snow-2024-12', { kind: 'snow', startDate: '2024-12-01', endDate: '2024-12-03' }),
    );

    const listed = await t.repos.disasters.list();

    expect(listed.map((d) => d.id)).toEqual(['snow-2024-12', 'fire-2025-03', 'rain-2025-07']);
  });
});
