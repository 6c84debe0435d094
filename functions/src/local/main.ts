import { startBanner } from './banner';
import { PortalAlreadyRunningError } from './lock';
import { type RunningPortal, startPortal } from './portal';

/** `npm start`: the portal on http://localhost:3000 (PORT, DATA_DIR, SEED_BUSINESSES, HOST to change). */

function intFromEnv(name: string, fallback: number, min: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min) {
    console.error(`${name}=${raw}: ${min} 이상의 정수여야 합니다. (${name} must be an integer ≥ ${min})`);
    process.exit(2);
  }
  return value;
}

/** A second signal sooner than this after the first is a copy of it, not a request to force the exit. */
const FORCE_AFTER_MS = 1500;

async function main(): Promise<void> {
  const started = performance.now();
  // The local portal talks to a local database only; the SDK's advice to move off Node 20 is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  let portal: RunningPortal;
  try {
    portal = await startPortal({
      port: intFromEnv('PORT', 3000, 0),
      host: process.env.HOST || '127.0.0.1',
      dataDir: process.env.DATA_DIR || './.data',
      seedBusinesses: intFromEnv('SEED_BUSINESSES', 20_000, 0),
    });
  } catch (err) {
    if (err instanceof PortalAlreadyRunningError) console.error(err.message);
    else console.error('포털을 시작하지 못했습니다 (the portal failed to start):', err);
    process.exit(1);
  }
  console.log(startBanner(portal, ((performance.now() - started) / 1000).toFixed(1)));

  // npm exits on Ctrl-C before we do and may take the terminal's pipe with it: a failed write must not
  // end the process before the stop below has flushed the database and removed the lock.
  for (const stream of [process.stdout, process.stderr]) stream.on('error', () => undefined);
  let stopping = false;
  let stoppingSince = 0;
  const stop = async (signal: string) => {
    if (stopping) {
      // One Ctrl-C in a terminal reaches npm, tsx and us at once, and npm and tsx pass it on: the copies
      // arrive within moments. Only a signal well after the first one is a second Ctrl-C that forces the exit.
      if (performance.now() - stoppingSince < FORCE_AFTER_MS) return;
      console.error('강제 종료합니다 (forced exit).');
      process.exit(130);
    }
    stopping = true;
    stoppingSince = performance.now();
    console.log(`\n${signal}: 종료하는 중… (stopping)`);
    await portal.stop();
    console.log('종료했습니다. (stopped)');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGHUP', () => void stop('SIGHUP'));
  // Whoever started us (tsx, npm) may die without passing a signal on (kill -9, a closed terminal): then we
  // are re-parented, and stop rather than keep the port, the database and the lock as an orphan.
  const parent = process.ppid;
  setInterval(() => {
    // Not a second Ctrl-C: when npm or tsx exits while we already stop, let the stop finish.
    if (process.ppid !== parent && !stopping) void stop('parent exited');
  }, 500).unref();
}

await main();
