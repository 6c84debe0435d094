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

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) {
      console.error('강제 종료합니다 (forced exit).');
      process.exit(130);
    }
    stopping = true;
    console.log(`\n${signal}: 종료하는 중… (stopping)`);
    await portal.stop();
    console.log('종료했습니다. (stopped)');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

await main();
