import { loadCatalog } from '@sbiz24/shared';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryRepositories } from '../testing/memory-repositories';
import { createCatalogCache } from './catalog-cache';

async function setup() {
  let now = Date.parse('2026-11-26T00:00:00Z');
  const repos = createMemoryRepositories();
  const catalog = loadCatalog();
  for (const p of catalog.programs) await repos.programs.create(p);
  const list = vi.spyOn(repos.programs, 'list');
  const cache = createCatalogCache({ ...repos, clock: () => new Date(now), ttlMs: 30_000 });
  return { repos, cache, list, catalog, advance: (ms: number) => (now += ms) };
}

describe('catalog cache', () => {
  it('loads once within the TTL, also for concurrent readers', async () => {
    const { cache, list } = await setup();
    await Promise.all([cache.get(), cache.get(), cache.get()]);
    await cache.get();
    expect(list).toHaveBeenCalledTimes(1);
  });

  it('reloads after the TTL, and at once after invalidate', async () => {
    const { cache, list, advance } = await setup();
    await cache.get();
    advance(30_001);
    await cache.get();
    expect(list).toHaveBeenCalledTimes(2);
    cache.invalidate();
    await cache.get();
    expect(list).toHaveBeenCalledTimes(3);
  });

  it('holds published programs only, and the declared disasters', async () => {
    const { repos, cache, catalog } = await setup();
    await repos.programs.create({ ...catalog.programs[0]!, id: 'a-draft', status: 'draft' });
    await repos.disasters.create(catalog.disasters[0]!);
    const snapshot = await cache.get();
    expect(snapshot.programs.map((p) => p.id)).not.toContain('a-draft');
    expect(snapshot.programs).toHaveLength(catalog.programs.length);
    expect(snapshot.disasters.map((d) => d.id)).toEqual([catalog.disasters[0]!.id]);
  });

  it('does not keep a load that an invalidate overtook', async () => {
    const { repos, cache, catalog } = await setup();
    const stale = cache.get();
    cache.invalidate();
    await repos.disasters.create(catalog.disasters[0]!);
    await stale;
    expect((await cache.get()).disasters).toHaveLength(1);
  });
});
