import { formatBusinessNumber, type Program } from '@sbiz24/shared';
import { describe, expect, it } from 'vitest';
import {
  PENDING_FILE,
  READY_FILE,
  SUBMITTED,
  SUPPLEMENT,
  seedApplicationsOfA,
} from '../testing/application-seed';
import {
  createDevIssuer,
  DEMO_CLAIMABLE_BUSINESSES,
  DEMO_OWNED_BUSINESSES,
  DEMO_USERS,
} from '../testing/demo';
import { RAPID_APPROVED, seedRapidOfA } from '../testing/relief-seed';
import { type CallerKey, call, createTestApp, testUnsubscribeTokens } from '../testing/test-app';
import { devMailboxResource } from './routes/dev-mailbox';

/**
 * Every registered route × every kind of caller, with the status each must get. The route list comes from
 * the app itself (`app.routes`), so a route added without a row here fails the first test.
 */

type Actor = 'anonymous' | CallerKey;
const ACTORS: Actor[] = ['anonymous', 'ownerA', 'ownerB', 'staffSemas', 'staffMss', 'admin'];

const kimCafe = DEMO_OWNED_BUSINESSES[0]!.profile.brn;
const claimable = DEMO_CLAIMABLE_BUSINESSES[0]!.profile;
type Statuses = [
  anonymous: number,
  ownerA: number,
  ownerB: number,
  staffSemas: number,
  staffMss: number,
  admin: number,
];

interface Row {
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  expect: Statuses;
}

const ALERT_SETTINGS = {
  version: 0,
  channels: { email: true, sms: true },
  kinds: { newMatch: true, deadline: false, application: true, disaster: true },
  quietHours: { start: '22:00', end: '07:30' },
  disasterIgnoresQuietHours: true,
  digest: 'weekly',
  phone: '010-1234-5678',
};

const draftOf = ({ id: _id, status: _status, version: _version, ...draft }: Program) => draft;

const everyone = (status: number): Statuses => [status, status, status, status, status, status];
const signedIn = (status: number): Statuses => [401, status, status, status, status, status];

/** `<METHOD> <route pattern>` → request and expected statuses, in ACTORS order. */
const ROWS: Record<string, (ctx: { semasProgram: Program }) => Row> = {
  'GET /api/health': () => ({ path: '/api/health', expect: everyone(200) }),
  'GET /api/programs': () => ({ path: '/api/programs', expect: everyone(200) }),
  'GET /api/programs/:id': () => ({ path: '/api/programs/youth-fund', expect: everyone(200) }),
  'GET /api/disasters': () => ({ path: '/api/disasters', expect: everyone(200) }),
  'GET /api/openapi.json': () => ({ path: '/api/openapi.json', expect: everyone(200) }),
  'GET /api/docs': () => ({ path: '/api/docs', expect: everyone(200) }),
  'GET /api/dev/users': () => ({ path: '/api/dev/users', expect: everyone(200) }),
  'POST /api/dev/login': () => ({
    path: '/api/dev/login',
    body: { userId: 'owner-kim' },
    expect: everyone(200),
  }),
  'GET /api/dev/mailbox': () => ({ path: '/api/dev/mailbox', expect: everyone(200) }),
  'GET /api/me': () => ({ path: '/api/me', expect: signedIn(200) }),
  'POST /api/me/first-sign-in': () => ({ path: '/api/me/first-sign-in', expect: signedIn(200) }),
  'POST /api/me/notifications/read-all': () => ({
    path: '/api/me/notifications/read-all',
    expect: signedIn(204),
  }),
  'GET /api/me/alert-settings': () => ({
    path: '/api/me/alert-settings',
    expect: [401, 200, 200, 403, 403, 403],
  }),
  'PUT /api/me/alert-settings': () => ({
    path: '/api/me/alert-settings',
    body: ALERT_SETTINGS,
    expect: [401, 200, 200, 403, 403, 403],
  }),
  'POST /api/me/contacts/email': () => ({
    path: '/api/me/contacts/email',
    body: { address: 'owner@example.com' },
    expect: [401, 202, 202, 403, 403, 403],
  }),
  'POST /api/me/contacts/email/verify': () => ({
    path: '/api/me/contacts/email/verify',
    body: { code: '123456' },
    // Nobody asked for a code in a fresh app: past the access check, the owner is told to ask first.
    expect: [401, 422, 422, 403, 403, 403],
  }),
  'GET /api/alerts/unsubscribe': () => ({
    path: `/api/alerts/unsubscribe?token=${testUnsubscribeTokens.sign('owner-kim', 'deadline')}`,
    expect: everyone(200),
  }),
  'POST /api/alerts/unsubscribe': () => ({
    path: `/api/alerts/unsubscribe?token=${testUnsubscribeTokens.sign('owner-kim', 'deadline')}`,
    expect: everyone(200),
  }),
  'GET /api/me/notifications': () => ({ path: '/api/me/notifications', expect: signedIn(200) }),
  'POST /api/me/notifications/:id/read': () => ({
    path: '/api/me/notifications/note-of-a/read',
    expect: [401, 204, 404, 404, 404, 404],
  }),
  'GET /api/me/businesses': () => ({ path: '/api/me/businesses', expect: [401, 200, 200, 403, 403, 403] }),
  'POST /api/me/businesses/claim': () => ({
    path: '/api/me/businesses/claim',
    body: {
      brn: formatBusinessNumber(claimable.brn),
      representativeName: claimable.representativeName,
      openingDate: claimable.openingDate,
    },
    expect: [401, 201, 201, 403, 403, 403],
  }),
  'GET /api/me/businesses/:brn': () => ({
    path: `/api/me/businesses/${kimCafe}`,
    expect: [401, 200, 404, 403, 403, 403],
  }),
  'PATCH /api/me/businesses/:brn': () => ({
    path: `/api/me/businesses/${kimCafe}`,
    body: { version: 1, changes: { employees: 3 } },
    expect: [401, 200, 404, 403, 403, 403],
  }),
  'GET /api/me/businesses/:brn/matches': () => ({
    path: `/api/me/businesses/${kimCafe}/matches`,
    expect: [401, 200, 404, 403, 403, 403],
  }),
  'GET /api/staff/programs': () => ({ path: '/api/staff/programs', expect: [401, 403, 403, 200, 200, 200] }),
  'POST /api/staff/programs': ({ semasProgram }) => ({
    path: '/api/staff/programs',
    body: { ...draftOf(semasProgram), title: '새 청년 자금' },
    expect: [401, 403, 403, 201, 403, 201],
  }),
  'GET /api/staff/programs/:id': () => ({
    path: '/api/staff/programs/semas-draft',
    expect: [401, 403, 403, 200, 403, 200],
  }),
  'PUT /api/staff/programs/:id': ({ semasProgram }) => ({
    path: '/api/staff/programs/semas-draft',
    body: { version: 1, draft: { ...draftOf(semasProgram), summary: '고친 요약' } },
    expect: [401, 403, 403, 200, 403, 200],
  }),
  'POST /api/staff/programs/:id/publish': () => ({
    path: '/api/staff/programs/semas-draft/publish',
    body: { version: 1 },
    expect: [401, 403, 403, 200, 403, 200],
  }),
  'POST /api/staff/programs/:id/close': () => ({
    path: '/api/staff/programs/general-stability-fund/close',
    body: { version: 1 },
    expect: [401, 403, 403, 200, 403, 200],
  }),
  'GET /api/staff/programs/:id/audit': () => ({
    path: '/api/staff/programs/semas-draft/audit',
    expect: [401, 403, 403, 200, 403, 200],
  }),
  'POST /api/staff/disasters': () => ({
    path: '/api/staff/disasters',
    body: {
      id: '2026-11-snow',
      name: '2026년 11월 대설',
      kind: 'snow',
      regionCodes: ['51110'],
      startDate: '2026-11-20',
      endDate: '2026-11-22',
    },
    expect: [401, 403, 403, 201, 201, 201],
  }),
  'POST /api/staff/disasters/:id/damage-imports': () => ({
    path: '/api/staff/disasters/2025-03-wildfire/damage-imports?dryRun=false',
    body: `사업자등록번호,피해확인일\n${kimCafe},2025-03-25\n`,
    headers: { 'content-type': 'text/csv' },
    expect: [401, 403, 403, 200, 200, 200],
  }),
  'POST /api/staff/preview': () => ({
    path: '/api/staff/preview',
    body: { rule: { type: 'smallBusiness' } },
    // No snapshot service in this app: past the access check, the preview answers 503.
    expect: [401, 403, 403, 503, 503, 503],
  }),
  // Applications (issue 12): owner A's submitted application to youth-fund (semas) carries owner A's file.
  'POST /api/me/businesses/:brn/applications': () => ({
    path: `/api/me/businesses/${kimCafe}/applications`,
    body: { programIds: ['general-stability-fund'], idempotencyKey: 'matrix-apply-1' },
    expect: [401, 201, 404, 403, 403, 403],
  }),
  'GET /api/me/businesses/:brn/applications': () => ({
    path: `/api/me/businesses/${kimCafe}/applications`,
    expect: [401, 200, 404, 403, 403, 403],
  }),
  'GET /api/me/businesses/:brn/application-form': () => ({
    path: `/api/me/businesses/${kimCafe}/application-form?programIds=youth-fund,online-sales`,
    expect: [401, 200, 404, 403, 403, 403],
  }),
  'GET /api/me/businesses/:brn/support-history': () => ({
    path: `/api/me/businesses/${kimCafe}/support-history`,
    expect: [401, 200, 404, 403, 403, 403],
  }),
  'POST /api/me/businesses/:brn/support-history': () => ({
    path: `/api/me/businesses/${kimCafe}/support-history`,
    body: { version: 1, programId: 'local-voucher', year: 2024 },
    expect: [401, 201, 404, 403, 403, 403],
  }),
  'GET /api/me/applications/:id': () => ({
    path: `/api/me/applications/${SUBMITTED}`,
    expect: [401, 200, 404, 403, 403, 403],
  }),
  'POST /api/me/applications/:id/withdraw': () => ({
    path: `/api/me/applications/${SUBMITTED}/withdraw`,
    body: { version: 1 },
    expect: [401, 200, 404, 403, 403, 403],
  }),
  'POST /api/me/applications/:id/supplement': () => ({
    path: `/api/me/applications/${SUPPLEMENT}/supplement`,
    body: { version: 2, message: '매출 증빙을 첨부했습니다.', files: [READY_FILE] },
    expect: [401, 200, 404, 403, 403, 403],
  }),
  'POST /api/me/files': () => ({
    path: '/api/me/files',
    body: { name: '사업계획서.pdf', type: 'application/pdf', size: 2048 },
    expect: [401, 201, 201, 403, 403, 403],
  }),
  'POST /api/me/files/:fileId/complete': () => ({
    path: `/api/me/files/${PENDING_FILE}/complete`,
    expect: [401, 200, 404, 403, 403, 403],
  }),
  'GET /api/me/files/:fileId/download': () => ({
    path: `/api/me/files/${READY_FILE}/download`,
    expect: [401, 200, 404, 403, 403, 403],
  }),
  'GET /api/staff/applications': () => ({
    path: '/api/staff/applications?programId=youth-fund',
    expect: [401, 403, 403, 200, 404, 200],
  }),
  'GET /api/staff/applications/:id': () => ({
    path: `/api/staff/applications/${SUBMITTED}`,
    expect: [401, 403, 403, 200, 404, 200],
  }),
  'POST /api/staff/applications/:id/decision': () => ({
    path: `/api/staff/applications/${SUBMITTED}/decision`,
    body: { version: 1, action: 'start-review' },
    expect: [401, 403, 403, 200, 404, 200],
  }),
  // Per-id results: another agency's staff get 200 with the id refused (checked in the route tests).
  'POST /api/staff/applications/bulk-decision': () => ({
    path: '/api/staff/applications/bulk-decision',
    body: { ids: [SUBMITTED], action: 'start-review' },
    expect: [401, 403, 403, 200, 200, 200],
  }),
  'GET /api/staff/applications/:id/files/:fileId/download': () => ({
    path: `/api/staff/applications/${SUBMITTED}/files/${READY_FILE}/download`,
    expect: [401, 403, 403, 200, 404, 200],
  }),
  'GET /api/staff/programs/:id/applications/stats': () => ({
    path: '/api/staff/programs/youth-fund/applications/stats',
    expect: [401, 403, 403, 200, 404, 200],
  }),
  'GET /api/staff/programs/:id/applications.csv': () => ({
    path: '/api/staff/programs/youth-fund/applications.csv',
    expect: [401, 403, 403, 200, 404, 200],
  }),
  'POST /api/staff/programs/:id/approve-eligible': () => ({
    path: '/api/staff/programs/semas-rapid/approve-eligible',
    body: { dryRun: true },
    expect: [401, 403, 403, 200, 404, 200],
  }),
  'GET /api/staff/programs/:id/payments.csv': () => ({
    path: '/api/staff/programs/semas-rapid/payments.csv',
    expect: [401, 403, 403, 200, 404, 200],
  }),
  'POST /api/staff/programs/:id/payment-results': () => ({
    path: '/api/staff/programs/semas-rapid/payment-results',
    body: `신청 ID,결과\n${RAPID_APPROVED},성공\n`,
    headers: { 'content-type': 'text/csv' },
    expect: [401, 403, 403, 200, 404, 200],
  }),
  'POST /api/me/applications/:id/account': () => ({
    path: `/api/me/applications/${RAPID_APPROVED}/account`,
    body: { version: 2, account: { bankCode: '004', number: '123456-01-234567', holder: '김하늘' } },
    expect: [401, 200, 404, 403, 403, 403],
  }),
};

/**
 * A fresh app per cell (writes of one caller must not change another's answer), with a semas draft, a note
 * for owner A, and owner A's applications (one submitted with a file, one waiting for a supplement) and files.
 */
async function freshApp() {
  const issuer = await createDevIssuer(DEMO_USERS);
  const t = await createTestApp({
    devAuth: issuer,
    routes: [devMailboxResource({ list: () => [] })],
  });
  await seedApplicationsOfA(t);
  await seedRapidOfA(t);
  const youth = (await t.repos.programs.get('youth-fund'))!;
  await t.repos.programs.create({ ...youth, id: 'semas-draft', status: 'draft', version: 1 });
  await t.repos.notifications.add({
    id: 'note-of-a',
    userId: 'owner-kim',
    createdAt: '2026-11-25T00:00:00Z',
    kind: 'system',
    title: '안내',
    body: '안내',
    read: false,
    dedupeKey: 'note-of-a',
  });
  return { ...t, semasProgram: youth };
}

async function registeredRoutes(): Promise<string[]> {
  const { app } = await freshApp();
  return [
    ...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)),
  ].sort();
}

describe('authorization matrix', () => {
  it('has a row for every registered route, and no row for a route that does not exist', async () => {
    expect(Object.keys(ROWS).sort()).toEqual(await registeredRoutes());
  });

  for (const [route, row] of Object.entries(ROWS)) {
    it(`${route}: ${ACTORS.map((a, i) => `${a} ${row({ semasProgram: {} as Program }).expect[i]}`).join(', ')}`, async () => {
      const method = route.split(' ')[0]!;
      const got: Record<string, number> = {};
      const want: Record<string, number> = {};
      for (const [i, actor] of ACTORS.entries()) {
        const { app, semasProgram } = await freshApp();
        const { path, body, headers, expect: statuses } = row({ semasProgram });
        const res = await call(app, method, path, {
          ...(actor === 'anonymous' ? {} : { as: actor }),
          ...(body !== undefined ? { body } : {}),
          ...(headers ? { headers } : {}),
        });
        got[actor] = res.status;
        want[actor] = statuses[i]!;
      }
      expect(got).toEqual(want);
    });
  }
});
