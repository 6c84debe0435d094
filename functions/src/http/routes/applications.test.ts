import { describe, expect, it } from 'vitest';
import { DEMO_OWNED_BUSINESSES } from '../../local/demo-data';
import { PENDING_FILE, READY_FILE, SUBMITTED, seedApplicationsOfA } from '../../testing/application-seed';
import { call, createTestApp, type TestApp } from '../../testing/test-app';

const kim = DEMO_OWNED_BUSINESSES[0]!.profile.brn;
const apps = `/api/me/businesses/${kim}/applications`;
const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const GIF = new TextEncoder().encode('GIF89a-not-allowed');

async function seeded(): Promise<TestApp> {
  const t = await createTestApp();
  await seedApplicationsOfA(t);
  return t;
}

async function upload(t: TestApp, bytes: Uint8Array, type = 'application/pdf') {
  const ticket = await call(t.app, 'POST', '/api/me/files', {
    as: 'ownerA',
    body: { name: '증빙.pdf', type, size: bytes.length },
  });
  expect(ticket.status).toBe(201);
  t.storage.put(ticket.body.upload.fields.key, bytes);
  return ticket.body.file.id as string;
}

describe('통합신청 routes', () => {
  it('applies to two programs at once and tells the owner each was received', async () => {
    const t = await createTestApp();
    const res = await call(t.app, 'POST', apps, {
      as: 'ownerA',
      body: { programIds: ['general-stability-fund', 'youth-fund'], idempotencyKey: 'two-at-once' },
    });

    expect(res.status).toBe(201);
    expect(res.body.items.map((a: { programId: string; status: string }) => [a.programId, a.status])).toEqual(
      [
        ['general-stability-fund', 'submitted'],
        ['youth-fund', 'submitted'],
      ],
    );
    const inbox = await call(t.app, 'GET', '/api/me/notifications', { as: 'ownerA' });
    expect(
      inbox.body.items.filter((n: { title: string }) => n.title.startsWith('신청이 접수되었습니다')),
    ).toHaveLength(2);
  });

  it('creates nothing when one program fails, and names each failing program with its code', async () => {
    const t = await createTestApp();
    const res = await call(t.app, 'POST', apps, {
      as: 'ownerA',
      body: {
        programIds: ['youth-fund', 'wildfire-relief', 'hundred-year-store'],
        idempotencyKey: 'one-fails',
      },
    });

    expect(res.status).toBe(422);
    expect(
      res.body.error.details.failures.map((f: { programId: string; code: string }) => [f.programId, f.code]),
    ).toEqual([
      ['wildfire-relief', 'NOT_ELIGIBLE'],
      ['hundred-year-store', 'PROGRAM_NOT_OPEN'],
    ]);
    const list = await call(t.app, 'GET', apps, { as: 'ownerA' });
    expect(list.body.items).toEqual([]);
  });

  it('answers a double submit with the first result and creates it once', async () => {
    const t = await createTestApp();
    const body = { programIds: ['youth-fund'], idempotencyKey: 'double-click' };
    const [a, b] = await Promise.all([
      call(t.app, 'POST', apps, { as: 'ownerA', body }),
      call(t.app, 'POST', apps, { as: 'ownerA', body }),
    ]);

    expect([a.status, b.status]).toEqual([201, 201]);
    expect(b.body.items[0].id).toBe(a.body.items[0].id);
    expect((await call(t.app, 'GET', apps, { as: 'ownerA' })).body.items).toHaveLength(1);
  });

  it('prefills the form and marks the business registration as already confirmed', async () => {
    const t = await createTestApp();
    const res = await call(
      t.app,
      'GET',
      `/api/me/businesses/${kim}/application-form?programIds=youth-fund,no-such`,
      {
        as: 'ownerA',
      },
    );

    expect(res.status).toBe(200);
    expect(res.body.programs).toEqual([
      expect.objectContaining({
        programId: 'youth-fund',
        open: true,
        documents: [expect.objectContaining({ kind: 'business-registration', state: 'confirmed' })],
        activeApplicationId: null,
      }),
    ]);
  });
});

describe('application files', () => {
  it('tells the type from the content, and attaches only checked files of the owner', async () => {
    const t = await seeded();
    const id = await upload(t, PNG, 'application/pdf');

    const done = await call(t.app, 'POST', `/api/me/files/${id}/complete`, { as: 'ownerA' });
    expect(done.status).toBe(200);
    expect(done.body.file).toMatchObject({ id, type: 'image/png', size: PNG.length });
    expect(done.body.file.sha256).toMatch(/^[0-9a-f]{64}$/);

    const foreign = await call(t.app, 'POST', apps, {
      as: 'ownerB',
      body: {
        programIds: ['youth-fund'],
        answers: { 'youth-fund': { x: { fileId: id } } },
        idempotencyKey: 'other-owner',
      },
    });
    expect(foreign.status).toBe(404);
  });

  it('refuses and deletes an upload that is not a PDF, JPG or PNG whatever its name says', async () => {
    const t = await seeded();
    const id = await upload(t, GIF, 'image/png');

    const res = await call(t.app, 'POST', `/api/me/files/${id}/complete`, { as: 'ownerA' });

    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('FILE_TYPE_NOT_ALLOWED');
    expect(t.storage.has(`uploads/${id}`)).toBe(false);
  });

  it('says when nothing was uploaded yet, and refuses to attach a file not yet checked', async () => {
    const t = await seeded();
    const ticket = await call(t.app, 'POST', '/api/me/files', {
      as: 'ownerA',
      body: { name: 'a.pdf', type: 'application/pdf', size: 10 },
    });
    const res = await call(t.app, 'POST', `/api/me/files/${ticket.body.file.id}/complete`, { as: 'ownerA' });
    expect(res.body.error.code).toBe('FILE_NOT_UPLOADED');

    const attach = await call(t.app, 'POST', `/api/me/applications/matrixSupplement0001/supplement`, {
      as: 'ownerA',
      body: { version: 2, message: '첨부합니다', files: [PENDING_FILE] },
    });
    expect(attach.status).toBe(422);
    expect(attach.body.error).toMatchObject({
      code: 'FILE_NOT_READY',
      details: [expect.objectContaining({ path: 'files.0' })],
    });
  });

  it('gives staff of the reviewing agency a link only to a file the application carries', async () => {
    const t = await seeded();
    const ok = await call(t.app, 'GET', `/api/staff/applications/${SUBMITTED}/files/${READY_FILE}/download`, {
      as: 'staffSemas',
    });
    expect(ok.status).toBe(200);
    expect(ok.body.url).toContain(`uploads/${READY_FILE}`);

    const other = await call(
      t.app,
      'GET',
      `/api/staff/applications/${SUBMITTED}/files/${PENDING_FILE}/download`,
      {
        as: 'staffSemas',
      },
    );
    expect(other.status).toBe(404);
  });
});

describe('staff review routes', () => {
  it('refuses a stale version with 409 and changes nothing', async () => {
    const t = await seeded();
    const res = await call(t.app, 'POST', `/api/staff/applications/${SUBMITTED}/decision`, {
      as: 'staffSemas',
      body: { version: 7, action: 'start-review' },
    });

    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('VERSION_CONFLICT');
    expect((await t.repos.applications.get(SUBMITTED))?.status).toBe('submitted');
  });

  it('decides each id of a bulk decision on its own', async () => {
    const t = await seeded();
    const res = await call(t.app, 'POST', '/api/staff/applications/bulk-decision', {
      as: 'staffSemas',
      body: { ids: [SUBMITTED, 'matrixSupplement0001', 'unknownApplication01'], action: 'start-review' },
    });

    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      results: [
        { id: SUBMITTED, ok: true, status: 'in-review', version: 2 },
        expect.objectContaining({ id: 'matrixSupplement0001', ok: false, code: 'TRANSITION_NOT_ALLOWED' }),
        expect.objectContaining({ id: 'unknownApplication01', ok: false, code: 'APPLICATION_NOT_FOUND' }),
      ],
      decided: 1,
      refused: 2,
    });
    const mss = await call(t.app, 'POST', '/api/staff/applications/bulk-decision', {
      as: 'staffMss',
      body: { ids: [SUBMITTED], action: 'reject', message: '다른 기관' },
    });
    expect(mss.body.results).toEqual([expect.objectContaining({ ok: false, code: 'APPLICATION_NOT_FOUND' })]);
  });

  it('exports the queue as CSV with a BOM, Korean headers and Korea time', async () => {
    const t = await seeded();
    const res = await call(t.app, 'GET', '/api/staff/programs/youth-fund/applications.csv', {
      as: 'staffSemas',
    });

    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="youth-fund-applications.csv"');
    // Response#text drops a BOM: read the bytes.
    const raw = await t.app.request('/api/staff/programs/youth-fund/applications.csv', {
      headers: { authorization: 'Bearer test:staffSemas' },
    });
    const bytes = new Uint8Array(await raw.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = res.text.split('\r\n');
    expect(lines[0]).toBe(
      '신청 ID,사업자등록번호,상호,시도,단계,상태,신청 일시,최종 변경 일시,선정 금액(원),보완 요청 횟수',
    );
    expect(lines[1]).toContain(`${SUBMITTED},`);
    expect(lines[1]).toContain(',접수,2026-11-25 10:00,');
    expect(lines).toHaveLength(3);
  });

  it('counts per status and shows the quota used', async () => {
    const t = await seeded();
    const res = await call(t.app, 'GET', '/api/staff/programs/youth-fund/applications/stats', {
      as: 'admin',
    });

    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      programId: 'youth-fund',
      total: 1,
      counts: { submitted: 1, approved: 0 },
      quota: { awards: 0, budgetUsed: 0 },
      perDay: [{ date: '2026-11-25', count: 1 }],
      truncated: false,
    });
  });
});
