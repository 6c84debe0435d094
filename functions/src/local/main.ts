import { formatBusinessNumber } from '@sbiz24/shared';
import { DEMO_CLAIMABLE_BUSINESSES, DEMO_USERS } from './demo-data';
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

const ROLE_LABELS = { owner: '사업자', staff: '기관 담당자', admin: '관리자' } as const;

function banner(portal: RunningPortal, seconds: string): string {
  const local = portal.url.replace('127.0.0.1', 'localhost');
  const users = DEMO_USERS.map(
    (u) => `  - ${u.name} (${ROLE_LABELS[u.role]}${u.agencyId ? `, ${u.agencyId}` : ''}) — id: ${u.id}`,
  );
  const claimable = DEMO_CLAIMABLE_BUSINESSES.map(
    (b) =>
      `  - ${b.profile.tradeName}: 사업자등록번호 ${formatBusinessNumber(b.profile.brn)}, 대표자 ${b.profile.representativeName}, 개업일 ${b.profile.openingDate}`,
  );
  return [
    '',
    `소상공인24 포털이 실행 중입니다: ${local}   (${seconds}초 만에 시작)`,
    `  API 문서: ${local}/api/docs · 데이터: ${portal.dataDir}`,
    `  개발용 메일함: ${local}/dev/mailbox (SMTP 127.0.0.1:${portal.smtpPort}) · 문자 발송 기록: ${local}/dev/texts`,
    '',
    '데모 로그인 (화면의 "데모 로그인" 또는 POST /api/dev/login {"userId"}):',
    ...users,
    '',
    '등록(소유 확인)해 볼 수 있는 사업자 (내 사업장 → 사업장 등록):',
    ...claimable,
    '',
    '종료: Ctrl-C (데이터는 유지됩니다 / data is kept)',
    '',
  ].join('\n');
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
  console.log(banner(portal, ((performance.now() - started) / 1000).toFixed(1)));

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
