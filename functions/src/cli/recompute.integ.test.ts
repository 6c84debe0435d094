import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { startDynalite } from '../local/dynalite';
import { connectLocalTable, localDynamoDir } from '../local/local-table';
import { startPortal } from '../local/portal';

const run = promisify(execFile);
const root = mkdtempSync(join(tmpdir(), 'sbiz24-recompute-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const quiet = { log: () => {}, error: () => {} };
const cli = join(import.meta.dirname, 'recompute.ts');

async function recompute(dataDir: string, ...args: string[]) {
  return run(process.execPath, ['--import', 'tsx', cli, '--data-dir', dataDir, ...args], {
    env: { ...process.env, NODE_NO_WARNINGS: '1' },
  });
}

describe('npm run recompute', () => {
  const dataDir = join(root, 'data');

  it('recomputes every business of the local table and prints a JSON summary', async () => {
    const portal = await startPortal({
      port: 0,
      dataDir,
      seedBusinesses: 150,
      webDist: join(root, 'none'),
      log: quiet,
    });
    await portal.stop();

    const { stdout, stderr } = await recompute(dataDir, '--segments', '3', '--as-of', '2026-06-01');

    const summary = JSON.parse(stdout.trim());
    expect(summary).toMatchObject({
      complete: true,
      segments: 3,
      connectedTo: 'own',
      changed: expect.any(Number),
    });
    expect(summary.rowsScanned).toBeGreaterThanOrEqual(150);
    expect(summary.seconds).toBeGreaterThan(0);
    expect(summary).toHaveProperty('notifications');
    expect(stderr).toContain('재계산');

    const again = JSON.parse(
      (await recompute(dataDir, '--segments', '3', '--as-of', '2026-06-01')).stdout.trim(),
    );
    expect(again.changed).toBe(0);
    expect(again.newMatches).toBe(0);
  }, 120_000);

  it('talks to the running portal’s database instead of colliding with it', async () => {
    const portal = await startPortal({
      port: 0,
      dataDir,
      seedBusinesses: 150,
      webDist: join(root, 'none'),
      log: quiet,
    });
    try {
      const table = await connectLocalTable(dataDir);
      try {
        expect(table.mode).toBe('portal');
      } finally {
        await table.close();
      }
      const { stdout } = await recompute(dataDir, '--segments', '2');
      expect(JSON.parse(stdout.trim())).toMatchObject({ complete: true, connectedTo: 'portal' });
    } finally {
      await portal.stop();
    }
  }, 120_000);

  it('refuses with a clear message when the folder is locked by something that is not a portal', async () => {
    const other = join(root, 'locked');
    const holder = await startDynalite({ dir: localDynamoDir(other) });
    try {
      await expect(connectLocalTable(other)).rejects.toThrow(/다른 프로세스가 쓰고 있고/);
    } finally {
      await holder.stop();
    }
  });
});
