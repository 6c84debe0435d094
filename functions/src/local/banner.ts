import { DEMO_USERS } from './demo-data';
import type { RunningPortal } from './portal';

const ROLE_LABELS = { owner: '사업자', staff: '기관 담당자', admin: '관리자' } as const;

/**
 * What `npm start` prints: the URL, the demo logins and where the test data is described. Never a business's
 * registration number, representative or opening date (everything needed to claim it): terminals are shared,
 * recorded and pasted into tickets.
 */
export function startBanner(
  portal: Pick<RunningPortal, 'url' | 'dataDir'> & { smtpPort?: number },
  seconds: string,
): string {
  const local = portal.url.replace('127.0.0.1', 'localhost');
  const users = DEMO_USERS.map(
    (u) => `  - ${u.name} (${ROLE_LABELS[u.role]}${u.agencyId ? `, ${u.agencyId}` : ''}) — id: ${u.id}`,
  );
  return [
    '',
    `소상공인24 포털이 실행 중입니다: ${local}   (${seconds}초 만에 시작)`,
    `  API 문서: ${local}/api/docs · 데이터: ${portal.dataDir}`,
    ...(portal.smtpPort
      ? [
          `  개발용 메일함: ${local}/dev/mailbox (SMTP 127.0.0.1:${portal.smtpPort}) · 문자 발송 기록: ${local}/dev/texts`,
        ]
      : []),
    '',
    '데모 로그인 (화면의 "데모 로그인" 또는 POST /api/dev/login {"userId"}):',
    ...users,
    '',
    '등록(소유 확인)해 볼 수 있는 테스트 사업자와 그 등록 정보는 docs/local-mode.md의 "데모 데이터"에 있습니다.',
    '',
    '종료: Ctrl-C (데이터는 유지됩니다 / data is kept)',
    '',
  ].join('\n');
}
