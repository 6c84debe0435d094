import { formatBusinessNumber, type Program } from '@sbiz24/shared';
import { encodeSnapshot } from '@sbiz24/shared/columnar/format';
import { buildSnapshot } from '@sbiz24/shared/columnar/snapshot';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { MemoryBlobStore } from '../services/blob-store';
import { columnarPreviewEngine, decodeSnapshotParts } from '../services/columnar-preview-engine';
import { createPreviewService } from '../services/preview';
import { createSnapshotSource } from '../services/snapshot-source';
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
import { writeFinishedRun } from '../testing/finished-run';
import { MemoryRunRepository } from '../testing/memory-run-repository';
import { RAPID_APPROVED, seedRapidOfA } from '../testing/relief-seed';
import {
  type CallerKey,
  call,
  createTestApp,
  TEST_NOW,
  type TestApp,
  testUnsubscribeTokens,
} from '../testing/test-app';
import { devMailboxResource } from './routes/dev-mailbox';

/**
 * Real answers against the published contract: every route of the test app is called (as the callers it
 * serves, and into its errors), and every answer's body is validated with ajv against the schema that
 * `/api/openapi.json` gives for that path, method and status. An answer the document does not describe, or
 * a body that drifted from its schema, fails here.
 */

type Doc = {
  paths: Record<string, Record<string, { responses: Record<string, { content?: Record<string, unknown> }> }>>;
  components: { schemas: Record<string, unknown> };
};

const kim = DEMO_OWNED_BUSINESSES[0]!.profile;
const claimable = DEMO_CLAIMABLE_BUSINESSES[0]!.profile;
const draftOf = ({ id: _id, status: _status, version: _version, ...draft }: Program) => draft;

async function contractApp(): Promise<TestApp> {
  const blobs = new MemoryBlobStore();
  const part = encodeSnapshot(buildSnapshot(DEMO_OWNED_BUSINESSES.map((b) => b.profile)));
  const run = { runId: 'r1', asOf: '2026-11-26', at: '2026-11-25T18:00:00.000Z', part, rows: 2 };
  await writeFinishedRun(blobs, new MemoryRunRepository(), run);
  const clock = () => TEST_NOW;
  const preview = createPreviewService({
    source: createSnapshotSource(blobs, decodeSnapshotParts, { clock }),
    engine: columnarPreviewEngine,
    disasters: async () => [],
    clock,
    today: () => '2026-11-26',
  });
  const mailbox = [
    {
      id: 'm1',
      messageId: 'x@sbiz24.local',
      from: 'no-reply@sbiz24.local',
      to: ['owner@example.com'],
      subject: '[소상공인24] 안내',
      text: '본문',
      listUnsubscribe: '<http://127.0.0.1/api/alerts/unsubscribe?token=a.b>',
      receivedAt: '2026-11-26T01:00:00.000Z',
    },
  ];
  return createTestApp({
    preview,
    devAuth: await createDevIssuer(DEMO_USERS),
    routes: [devMailboxResource({ list: () => mailbox })],
  });
}

/**
 * Finds the documented path template a concrete path belongs to (`/api/programs/x` → `/api/programs/{id}`);
 * a literal segment wins over a parameter (`/api/staff/applications/bulk-decision` over `…/{id}`).
 */
function templateOf(doc: Doc, path: string): string | undefined {
  const bare = path.split('?')[0]!;
  const params = (t: string) => t.split('{').length;
  return Object.keys(doc.paths)
    .filter((t) => new RegExp(`^${t.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(bare))
    .sort((a, b) => params(a) - params(b))[0];
}

/** A validator of answers against a document (ajv 2020-12, as OpenAPI 3.1 uses, with formats). */
function answerChecker(doc: Doc) {
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema(doc, 'api');
  const pointer = (s: string) => s.replaceAll('~', '~0').replaceAll('/', '~1');
  return (method: string, path: string, status: number, body: unknown): string[] => {
    const template = templateOf(doc, path);
    // Unknown paths answer with the common error shape.
    const ref = template
      ? `api#/paths/${pointer(template)}/${method.toLowerCase()}/responses/${status}`
      : 'api#/components/schemas/Error';
    if (template && !doc.paths[template]![method.toLowerCase()]?.responses[status]) {
      return status === 405 ? [] : [`${method} ${template} ${status} is not documented`];
    }
    if (status === 204) return body === undefined ? [] : ['204 with a body'];
    // A documented answer that is not JSON (the CSV export): its content type is checked by its own test.
    const documented = template ? doc.paths[template]![method.toLowerCase()]!.responses[status]! : undefined;
    if (documented?.content && !documented.content['application/json']) return [];
    const schemaRef = template ? `${ref}/content/application~1json/schema` : ref;
    const validate = ajv.getSchema(schemaRef) ?? ajv.compile({ $ref: schemaRef });
    return validate(body)
      ? []
      : (validate.errors ?? []).map((e) => `${method} ${path} ${status}: ${e.instancePath} ${e.message}`);
  };
}

interface Case {
  method: string;
  path: string;
  as?: CallerKey;
  /** A function is called at request time (a body that depends on an earlier answer). */
  body?: unknown;
  headers?: Record<string, string>;
  status: number;
}

/** The damage list import (docs/relief.md): a CSV body, a preview, an apply, and its refusals. */
function damageImportCases(): Case[] {
  const path = '/api/staff/disasters/2025-03-wildfire/damage-imports';
  const csv = { 'content-type': 'text/csv' };
  const body = '사업자등록번호,피해확인일,피해유형\n1234567891,2025-03-25,화재\n12345,2025-03-25,\n';
  return [
    { method: 'POST', path: `${path}?dryRun=true`, as: 'staffSemas', body, headers: csv, status: 200 },
    { method: 'POST', path: `${path}?dryRun=false`, as: 'admin', body, headers: csv, status: 200 },
    { method: 'POST', path: `${path}?dryRun=maybe`, as: 'staffSemas', body, headers: csv, status: 400 },
    { method: 'POST', path: `${path}?dryRun=true`, as: 'staffSemas', body: '', headers: csv, status: 400 },
    { method: 'POST', path: `${path}?dryRun=true`, as: 'staffSemas', body, status: 415 },
    { method: 'POST', path: `${path}?dryRun=true`, as: 'ownerA', body, headers: csv, status: 403 },
    {
      method: 'POST',
      path: '/api/staff/disasters/no-such-disaster/damage-imports?dryRun=true',
      as: 'staffSemas',
      body,
      headers: csv,
      status: 404,
    },
  ];
}

const VALID_DISASTER = {
  id: '2026-11-snow',
  name: '2026년 11월 대설',
  kind: 'snow',
  regionCodes: ['51110'],
  startDate: '2026-11-20',
  endDate: '2026-11-22',
};

const ALERT_SETTINGS = {
  version: 0,
  channels: { email: true, sms: true },
  kinds: { newMatch: true, deadline: false, application: true, disaster: true },
  quietHours: { start: '22:00', end: '07:30' },
  disasterIgnoresQuietHours: false,
  digest: 'weekly',
  phone: '010-1234-5678',
};

/** The code in the last verification mail the API sent. */
const lastCode = (t: TestApp) => {
  const m = t.mails.at(-1);
  return m?.channel === 'email' ? /인증번호는 (\d{6})/.exec(m.email.text)?.[1] : undefined;
};

/** Every route, as its callers, into success and its errors. Runs in order on one app (writes build on each other). */
function cases(youth: Program, t: TestApp): Case[] {
  const brn = kim.brn!;
  const unsubscribe = `/api/alerts/unsubscribe?token=${testUnsubscribeTokens.sign('owner-kim', 'deadline')}`;
  return [
    { method: 'GET', path: '/api/dev/mailbox', status: 200 },
    { method: 'GET', path: '/api/me/alert-settings', as: 'ownerA', status: 200 },
    { method: 'GET', path: '/api/me/alert-settings', as: 'staffSemas', status: 403 },
    { method: 'PUT', path: '/api/me/alert-settings', as: 'ownerA', body: ALERT_SETTINGS, status: 200 },
    { method: 'PUT', path: '/api/me/alert-settings', as: 'ownerA', body: ALERT_SETTINGS, status: 409 },
    {
      method: 'PUT',
      path: '/api/me/alert-settings',
      as: 'ownerA',
      body: { ...ALERT_SETTINGS, version: 1, phone: null },
      status: 400,
    },
    {
      method: 'PUT',
      path: '/api/me/alert-settings',
      as: 'ownerA',
      body: { ...ALERT_SETTINGS, version: 1, quietHours: { start: '24:00', end: '07:00' } },
      status: 400,
    },
    { method: 'POST', path: '/api/me/contacts/email', as: 'ownerA', body: { address: 'no' }, status: 400 },
    {
      method: 'POST',
      path: '/api/me/contacts/email',
      as: 'ownerA',
      body: { address: 'owner@example.com' },
      status: 202,
    },
    {
      method: 'POST',
      path: '/api/me/contacts/email',
      as: 'ownerA',
      body: { address: 'owner@example.com' },
      status: 429,
    },
    {
      method: 'POST',
      path: '/api/me/contacts/email/verify',
      as: 'ownerA',
      body: { code: '12345' },
      status: 400,
    },
    {
      method: 'POST',
      path: '/api/me/contacts/email/verify',
      as: 'ownerA',
      body: () => ({ code: lastCode(t) === '000000' ? '000001' : '000000' }),
      status: 422,
    },
    {
      method: 'POST',
      path: '/api/me/contacts/email/verify',
      as: 'ownerA',
      body: () => ({ code: lastCode(t) }),
      status: 200,
    },
    { method: 'POST', path: unsubscribe, status: 200 },
    { method: 'POST', path: '/api/alerts/unsubscribe?token=abc.def', status: 400 },
    { method: 'POST', path: '/api/me/notifications/read-all', as: 'ownerA', status: 204 },
    { method: 'POST', path: '/api/me/first-sign-in', as: 'ownerA', status: 200 },
    { method: 'GET', path: '/api/health', status: 200 },
    { method: 'GET', path: '/api/programs', status: 200 },
    {
      method: 'GET',
      path: '/api/programs?kind=support&stage=startup&region=11&pageSize=5&page=2',
      status: 200,
    },
    {
      method: 'GET',
      path: '/api/programs?q=%EC%B2%AD%EB%85%84&openNow=true&closingWithinDays=30',
      status: 200,
    },
    { method: 'GET', path: '/api/programs?region=99', status: 400 },
    { method: 'GET', path: '/api/programs?colour=blue', status: 400 },
    { method: 'GET', path: '/api/programs/youth-fund', status: 200 },
    { method: 'GET', path: '/api/programs/no-such-program', status: 404 },
    { method: 'DELETE', path: '/api/programs/youth-fund', status: 405 },
    { method: 'GET', path: '/api/disasters', status: 200 },
    { method: 'GET', path: '/api/dev/users', status: 200 },
    { method: 'POST', path: '/api/dev/login', body: { userId: 'owner-kim' }, status: 200 },
    { method: 'POST', path: '/api/dev/login', body: { userId: 'nobody' }, status: 404 },
    { method: 'POST', path: '/api/dev/login', body: { userId: 'owner-kim', extra: 1 }, status: 400 },
    { method: 'GET', path: '/api/me', status: 401 },
    { method: 'GET', path: '/api/me', as: 'ownerA', status: 200 },
    { method: 'GET', path: '/api/me', as: 'staffSemas', status: 200 },
    { method: 'GET', path: '/api/me/notifications', as: 'ownerA', status: 200 },
    { method: 'GET', path: '/api/me/notifications?limit=1', as: 'ownerA', status: 200 },
    { method: 'GET', path: '/api/me/notifications?limit=0', as: 'ownerA', status: 400 },
    { method: 'POST', path: '/api/me/notifications/note-of-a/read', as: 'ownerA', status: 204 },
    { method: 'POST', path: '/api/me/notifications/note-of-a/read', as: 'ownerB', status: 404 },
    { method: 'GET', path: '/api/me/businesses', as: 'ownerA', status: 200 },
    { method: 'GET', path: '/api/me/businesses', as: 'staffSemas', status: 403 },
    {
      method: 'POST',
      path: '/api/me/businesses/claim',
      as: 'ownerA',
      body: {
        brn: formatBusinessNumber(claimable.brn!),
        representativeName: claimable.representativeName,
        openingDate: claimable.openingDate,
      },
      status: 201,
    },
    {
      method: 'POST',
      path: '/api/me/businesses/claim',
      as: 'ownerA',
      body: { brn: '1234567890', representativeName: '누구', openingDate: '2020-02-30' },
      status: 400,
    },
    {
      method: 'POST',
      path: '/api/me/businesses/claim',
      as: 'ownerA',
      body: 'brn=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      status: 415,
    },
    { method: 'GET', path: `/api/me/businesses/${brn}`, as: 'ownerA', status: 200 },
    { method: 'GET', path: `/api/me/businesses/${brn}`, as: 'ownerB', status: 404 },
    {
      method: 'PATCH',
      path: `/api/me/businesses/${brn}`,
      as: 'ownerA',
      body: { version: 1, changes: { employees: 3, flags: { womanOwned: true } } },
      status: 200,
    },
    {
      method: 'PATCH',
      path: `/api/me/businesses/${brn}`,
      as: 'ownerA',
      body: { version: 1, changes: { employees: 4 } },
      status: 409,
    },
    { method: 'GET', path: `/api/me/businesses/${brn}/matches`, as: 'ownerA', status: 200 },
    { method: 'GET', path: `/api/me/businesses/${brn}/matches?asOf=2026-12-01`, as: 'ownerA', status: 200 },
    { method: 'GET', path: `/api/me/businesses/${brn}/matches?asOf=2026-13-01`, as: 'ownerA', status: 400 },
    { method: 'GET', path: '/api/staff/programs', as: 'staffSemas', status: 200 },
    { method: 'GET', path: '/api/staff/programs', as: 'ownerA', status: 403 },
    {
      method: 'POST',
      path: '/api/staff/programs',
      as: 'staffSemas',
      body: { ...draftOf(youth), id: 'contract-fund', title: '계약 검사 자금' },
      status: 201,
    },
    {
      method: 'POST',
      path: '/api/staff/programs',
      as: 'staffSemas',
      body: { ...draftOf(youth), id: 'contract-fund', title: '계약 검사 자금' },
      status: 409,
    },
    {
      method: 'POST',
      path: '/api/staff/programs',
      as: 'staffSemas',
      body: { ...draftOf(youth), rule: { type: 'all', rules: [{ type: 'range', field: 'nope' }] } },
      status: 400,
    },
    { method: 'GET', path: '/api/staff/programs/contract-fund', as: 'staffSemas', status: 200 },
    { method: 'GET', path: '/api/staff/programs/contract-fund', as: 'staffMss', status: 403 },
    { method: 'GET', path: '/api/staff/programs/no-such-program', as: 'staffSemas', status: 404 },
    {
      method: 'PUT',
      path: '/api/staff/programs/contract-fund',
      as: 'staffSemas',
      body: { version: 1, draft: { ...draftOf(youth), title: '계약 검사 자금', summary: '고친 요약' } },
      status: 200,
    },
    {
      method: 'PUT',
      path: '/api/staff/programs/contract-fund',
      as: 'staffSemas',
      body: { version: 1, draft: { ...draftOf(youth), title: '계약 검사 자금' } },
      status: 409,
    },
    {
      method: 'POST',
      path: '/api/staff/programs/contract-fund/publish',
      as: 'staffSemas',
      body: { version: 2 },
      status: 200,
    },
    {
      method: 'POST',
      path: '/api/staff/programs/contract-fund/close',
      as: 'staffSemas',
      body: { version: 3 },
      status: 200,
    },
    {
      method: 'POST',
      path: '/api/staff/programs/contract-fund/close',
      as: 'staffSemas',
      body: { version: 0 },
      status: 400,
    },
    { method: 'GET', path: '/api/staff/programs/contract-fund/audit', as: 'staffSemas', status: 200 },
    { method: 'POST', path: '/api/staff/disasters', as: 'staffSemas', body: VALID_DISASTER, status: 201 },
    { method: 'POST', path: '/api/staff/disasters', as: 'staffSemas', body: VALID_DISASTER, status: 409 },
    {
      method: 'POST',
      path: '/api/staff/disasters',
      as: 'staffSemas',
      body: { ...VALID_DISASTER, id: 'other', startDate: '2026/11/20' },
      status: 400,
    },
    ...damageImportCases(),
    {
      method: 'POST',
      path: '/api/staff/preview',
      as: 'staffSemas',
      body: { rule: { type: 'smallBusiness' } },
      status: 200,
    },
    {
      method: 'POST',
      path: '/api/staff/preview',
      as: 'staffSemas',
      body: { rule: { type: 'x' } },
      status: 400,
    },
    {
      method: 'POST',
      path: '/api/staff/preview',
      as: 'ownerA',
      body: { rule: { type: 'smallBusiness' } },
      status: 403,
    },
    ...applicationCases(brn),
    { method: 'GET', path: '/api/no-such-thing', status: 404 },
  ];
}

/** Routes that answer an HTML page, not JSON (checked by their own tests). */
const HTML_PAGES = new Set(['/api/docs']);

/** Applications (issue 12), on owner A's seeded applications and files (testing/application-seed.ts). */
function applicationCases(brn: string): Case[] {
  const apps = `/api/me/businesses/${brn}/applications`;
  return [
    { method: 'GET', path: apps, as: 'ownerA', status: 200 },
    { method: 'GET', path: `${apps}?cursor=%%%`, as: 'ownerA', status: 400 },
    { method: 'GET', path: apps, as: 'ownerB', status: 404 },
    {
      method: 'GET',
      path: `/api/me/businesses/${brn}/application-form?programIds=youth-fund,general-stability-fund`,
      as: 'ownerA',
      status: 200,
    },
    {
      method: 'GET',
      path: `/api/me/businesses/${brn}/application-form?programIds=`,
      as: 'ownerA',
      status: 400,
    },
    {
      method: 'POST',
      path: apps,
      as: 'ownerA',
      body: { programIds: ['general-stability-fund'], idempotencyKey: 'contract-apply-1' },
      status: 201,
    },
    {
      method: 'POST',
      path: apps,
      as: 'ownerA',
      body: { programIds: ['general-stability-fund', 'youth-fund'], idempotencyKey: 'contract-apply-2' },
      status: 409,
    },
    {
      method: 'POST',
      path: apps,
      as: 'ownerA',
      body: { programIds: ['wildfire-relief'], idempotencyKey: 'contract-apply-3' },
      status: 422,
    },
    { method: 'POST', path: apps, as: 'ownerA', body: { programIds: [], idempotencyKey: 'x' }, status: 400 },
    { method: 'GET', path: `/api/me/applications/${SUBMITTED}`, as: 'ownerA', status: 200 },
    { method: 'GET', path: `/api/me/applications/${SUBMITTED}`, as: 'ownerB', status: 404 },
    { method: 'GET', path: '/api/me/applications/short', as: 'ownerA', status: 400 },
    {
      method: 'POST',
      path: '/api/me/files',
      as: 'ownerA',
      body: { name: '사업계획서.pdf', type: 'application/pdf', size: 2048 },
      status: 201,
    },
    {
      method: 'POST',
      path: '/api/me/files',
      as: 'ownerA',
      body: { name: '큰 파일.pdf', type: 'application/pdf', size: 10 * 1024 * 1024 + 1 },
      status: 400,
    },
    { method: 'POST', path: `/api/me/files/${PENDING_FILE}/complete`, as: 'ownerA', status: 200 },
    { method: 'POST', path: '/api/me/files/never-uploaded/complete', as: 'ownerA', status: 404 },
    { method: 'GET', path: `/api/me/files/${READY_FILE}/download`, as: 'ownerA', status: 200 },
    {
      method: 'POST',
      path: `/api/me/applications/${SUPPLEMENT}/supplement`,
      as: 'ownerA',
      body: { version: 2, message: '매출 증빙을 첨부했습니다.', files: [PENDING_FILE] },
      status: 200,
    },
    {
      method: 'POST',
      path: `/api/me/applications/${SUPPLEMENT}/supplement`,
      as: 'ownerA',
      body: { version: 3, message: '한 번 더' },
      status: 409,
    },
    { method: 'GET', path: '/api/staff/applications?programId=youth-fund', as: 'staffSemas', status: 200 },
    {
      method: 'GET',
      path: '/api/staff/applications?programId=youth-fund&status=submitted&sido=11&stage=growth',
      as: 'staffSemas',
      status: 200,
    },
    { method: 'GET', path: '/api/staff/applications?programId=youth-fund', as: 'staffMss', status: 404 },
    { method: 'GET', path: '/api/staff/applications', as: 'staffSemas', status: 400 },
    { method: 'GET', path: `/api/staff/applications/${SUBMITTED}`, as: 'staffSemas', status: 200 },
    {
      method: 'GET',
      path: `/api/staff/applications/${SUBMITTED}/files/${READY_FILE}/download`,
      as: 'staffSemas',
      status: 200,
    },
    {
      method: 'POST',
      path: `/api/staff/applications/${SUBMITTED}/decision`,
      as: 'staffSemas',
      body: { version: 1, action: 'start-review' },
      status: 200,
    },
    {
      method: 'POST',
      path: `/api/staff/applications/${SUBMITTED}/decision`,
      as: 'staffSemas',
      body: { version: 1, action: 'approve', amount: 10_000_000 },
      status: 409,
    },
    {
      method: 'POST',
      path: `/api/staff/applications/${SUBMITTED}/decision`,
      as: 'staffSemas',
      body: { version: 2, action: 'reject' },
      status: 400,
    },
    {
      method: 'POST',
      path: `/api/staff/applications/${SUBMITTED}/decision`,
      as: 'staffSemas',
      body: { version: 2, action: 'approve', amount: 10_000_000_000 },
      status: 422,
    },
    {
      method: 'POST',
      path: '/api/staff/applications/bulk-decision',
      as: 'staffSemas',
      body: { ids: [SUBMITTED, SUPPLEMENT], action: 'approve', amount: 10_000_000 },
      status: 200,
    },
    {
      method: 'POST',
      path: `/api/staff/applications/${SUBMITTED}/decision`,
      as: 'staffSemas',
      body: { version: 3, action: 'pay' },
      status: 200,
    },
    { method: 'GET', path: `/api/me/businesses/${brn}/support-history`, as: 'ownerA', status: 200 },
    {
      method: 'POST',
      path: `/api/me/businesses/${brn}/support-history`,
      as: 'ownerA',
      body: { version: 99, programId: 'local-voucher', year: 2024 },
      status: 409,
    },
    {
      // Version 3: the profile edit above (2) and youth-fund's award (3); online-sales caps awards at 200만원,
      // so the bulk approval refused that one (AMOUNT_OVER_BENEFIT) on its own.
      method: 'POST',
      path: `/api/me/businesses/${brn}/support-history`,
      as: 'ownerA',
      body: { version: 3, programId: 'local-voucher', year: 2024 },
      status: 201,
    },
    {
      method: 'GET',
      path: '/api/staff/programs/youth-fund/applications/stats',
      as: 'staffSemas',
      status: 200,
    },
    { method: 'GET', path: '/api/staff/programs/youth-fund/applications.csv', as: 'staffSemas', status: 200 },
    {
      method: 'GET',
      path: '/api/staff/programs/youth-fund/applications.csv?colour=red',
      as: 'admin',
      status: 400,
    },
    {
      method: 'POST',
      path: `/api/me/applications/${SUPPLEMENT}/withdraw`,
      as: 'ownerA',
      body: { version: 3 },
      status: 200,
    },
    // Rapid payment (신속지급): semas-rapid and owner A's approved application with an account.
    {
      method: 'POST',
      path: '/api/staff/programs/semas-rapid/approve-eligible',
      as: 'staffSemas',
      body: { dryRun: true },
      status: 200,
    },
    {
      method: 'POST',
      path: '/api/staff/programs/semas-rapid/approve-eligible',
      as: 'staffSemas',
      body: {},
      status: 200,
    },
    {
      method: 'POST',
      path: '/api/staff/programs/semas-rapid/approve-eligible',
      as: 'staffSemas',
      body: { cursor: 'e30' },
      status: 400,
    },
    {
      method: 'POST',
      path: '/api/staff/programs/youth-fund/approve-eligible',
      as: 'staffSemas',
      body: { dryRun: true },
      status: 422,
    },
    { method: 'GET', path: '/api/staff/programs/semas-rapid/payments.csv', as: 'staffSemas', status: 200 },
    { method: 'GET', path: '/api/staff/programs/youth-fund/payments.csv', as: 'staffSemas', status: 422 },
    {
      method: 'POST',
      path: `/api/me/applications/${RAPID_APPROVED}/account`,
      as: 'ownerA',
      body: { version: 2, account: { bankCode: '004', number: '12', holder: '김하늘' } },
      status: 400,
    },
    {
      method: 'POST',
      path: `/api/me/applications/${RAPID_APPROVED}/account`,
      as: 'ownerA',
      body: { version: 1, account: { bankCode: '004', number: '123456-01-234567', holder: '김하늘' } },
      status: 409,
    },
    {
      method: 'POST',
      path: `/api/me/applications/${SUBMITTED}/account`,
      as: 'ownerA',
      body: { version: 3, account: { bankCode: '004', number: '123456-01-234567', holder: '김하늘' } },
      status: 422,
    },
    {
      method: 'POST',
      path: '/api/staff/programs/semas-rapid/payment-results',
      as: 'staffSemas',
      body: `신청 ID,결과,사유\n${RAPID_APPROVED},실패,예금주 불일치\n`,
      headers: { 'content-type': 'text/csv' },
      status: 200,
    },
    {
      method: 'POST',
      path: `/api/me/applications/${RAPID_APPROVED}/account`,
      as: 'ownerA',
      body: { version: 3, account: { bankCode: '004', number: '123456-01-234567', holder: '김하늘' } },
      status: 200,
    },
    {
      method: 'POST',
      path: '/api/staff/programs/semas-rapid/payment-results',
      as: 'staffSemas',
      body: 'a,b\n1,2\n',
      headers: { 'content-type': 'text/csv' },
      status: 422,
    },
    {
      method: 'POST',
      path: '/api/staff/programs/semas-rapid/payment-results',
      as: 'staffSemas',
      body: { not: 'csv' },
      status: 415,
    },
  ];
}

describe('the API answers as its OpenAPI document says', () => {
  let t: TestApp;
  let doc: Doc;
  beforeAll(async () => {
    t = await contractApp();
    await seedApplicationsOfA(t);
    await seedRapidOfA(t);
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
    doc = (await call(t.app, 'GET', '/api/openapi.json')).body;
  });

  it('has a named schema for every JSON success answer', () => {
    for (const [path, ops] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(ops)) {
        const [status, success] = Object.entries(op.responses).find(([s]) => s.startsWith('2'))!;
        const schema = (success.content?.['application/json'] as { schema?: { $ref?: string } } | undefined)
          ?.schema;
        if (status === '204' || HTML_PAGES.has(path) || path === '/api/openapi.json') continue;
        if (path === '/api/alerts/unsubscribe' && method === 'get') continue;
        if (success.content?.['text/csv']) continue;
        expect(schema?.$ref, `${method} ${path}`).toMatch(/^#\/components\/schemas\/\w+$/);
      }
    }
  });

  it('answers every route, as each caller and into its errors, with a body its schema accepts', async () => {
    const youth = (await t.repos.programs.get('youth-fund'))!;
    const check = answerChecker(doc);
    const problems: string[] = [];
    const succeeded = new Set<string>();
    for (const c of cases(youth, t)) {
      const res = await call(t.app, c.method, c.path, {
        ...(c.as ? { as: c.as } : {}),
        ...(c.body !== undefined ? { body: typeof c.body === 'function' ? c.body() : c.body } : {}),
        ...(c.headers ? { headers: c.headers } : {}),
      });
      if (res.status !== c.status)
        problems.push(`${c.method} ${c.path}: ${res.status}, expected ${c.status}`);
      problems.push(...check(c.method, c.path, res.status, res.body));
      if (res.status < 300) succeeded.add(`${c.method.toLowerCase()} ${templateOf(doc, c.path)}`);
    }
    expect(problems).toEqual([]);
    // Every documented operation was called into success at least once.
    const operations = Object.entries(doc.paths).flatMap(([p, ops]) =>
      Object.keys(ops).map((m) => `${m} ${p}`),
    );
    expect(
      operations.filter(
        (op) =>
          !succeeded.has(op) &&
          !op.endsWith('/api/docs') &&
          !op.endsWith('/api/openapi.json') &&
          op !== 'get /api/alerts/unsubscribe',
      ),
    ).toEqual([]);
  });

  it('refuses unknown fields in a body at any depth, and in a query, naming each', async () => {
    const youth = (await t.repos.programs.get('youth-fund'))!;
    const draft = draftOf(youth);
    const example = { name: '예시', profile: { ...kim, colour: 'blue' } };
    const res = await call(t.app, 'POST', '/api/staff/programs', {
      as: 'staffSemas',
      body: {
        ...draft,
        extra: 1,
        benefit: { ...draft.benefit, colour: 'red' },
        examples: { mustMatch: [example], mustNotMatch: [] },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'benefit.colour',
      'examples.mustMatch.0.profile.colour',
      'extra',
    ]);
    const query = await call(t.app, 'GET', '/api/me/notifications?colour=blue', { as: 'ownerA' });
    expect(query.status).toBe(400);
    expect(query.body.error.details).toEqual([{ path: 'colour', message: '알 수 없는 항목입니다: colour' }]);
  });

  it('answers 405 with Allow for a known path and an unsupported method', async () => {
    const res = await call(t.app, 'DELETE', '/api/programs');
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET, HEAD');
    expect(res.body.error.code).toBe('METHOD_NOT_ALLOWED');
    expect(res.body.error.message).toContain('DELETE');
  });

  it('fails when an answer drifts from its schema', async () => {
    // A document whose ProgramSummary says a listed program is always a draft (the public list never shows
    // drafts): the same checker must refuse the real answer, and name the field.
    const drifted = structuredClone(doc);
    const summary = drifted.components.schemas.ProgramSummary as { properties: Record<string, unknown> };
    summary.properties.status = { enum: ['draft'] };
    const res = await call(t.app, 'GET', '/api/programs?pageSize=100');
    expect(res.body.items.length).toBeGreaterThan(0);
    expect(answerChecker(doc)('GET', '/api/programs?pageSize=100', 200, res.body)).toEqual([]);
    expect(answerChecker(drifted)('GET', '/api/programs?pageSize=100', 200, res.body)).toContain(
      'GET /api/programs?pageSize=100 200: /items/0/status must be equal to one of the allowed values',
    );
    // And an answer with a status the document does not list is refused too.
    expect(answerChecker(doc)('GET', '/api/health', 418, {})).toEqual([
      'GET /api/health 418 is not documented',
    ]);
  });
});
