import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type RunningPortal, startPortal } from '../../../functions/src/local/portal';

const webDist = resolve(fileURLToPath(new URL('../../dist', import.meta.url)));

/**
 * The portal's "today" in the journeys: late 2026, when the demo catalog's windows are open (the demo data
 * is chosen for it), so that the journeys do not change with the calendar.
 */
export const E2E_NOW = new Date('2026-11-26T01:00:00Z');

export interface TestPortal {
  url: string;
  stop(): Promise<void>;
}

/**
 * The real local portal (dynalite, the API, the built web app) on a free port with a fresh data folder,
 * seeded with a small synthetic population. The web app must be built first (`npm run build:web`).
 */
export async function startTestPortal(seedBusinesses = 2000): Promise<TestPortal> {
  const dataDir = mkdtempSync(join(tmpdir(), 'sbiz24-e2e-'));
  const startedAt = Date.now();
  const quiet = { log: () => undefined, error: (...a: unknown[]) => console.error(...a) };
  let portal: RunningPortal;
  try {
    portal = await startPortal({
      port: 0,
      host: '127.0.0.1',
      dataDir,
      seedBusinesses,
      webDist,
      log: quiet,
      clock: () => new Date(E2E_NOW.getTime() + (Date.now() - startedAt)),
    });
  } catch (err) {
    rmSync(dataDir, { recursive: true, force: true });
    throw err;
  }
  return {
    url: portal.url,
    async stop() {
      await portal.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
