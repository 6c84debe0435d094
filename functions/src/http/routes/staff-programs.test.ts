import type { Program } from '@sbiz24/shared';
import { describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../testing/test-app';

const draftOf = ({ id: _id, status: _status, version: _version, ...draft }: Program) => draft;

async function setup() {
  const t = await createTestApp();
  const youth = (await t.repos.programs.get('youth-fund'))!;
  return {
    ...t,
    youth,
    draft: { ...draftOf(youth), title: '청년 도약 자금', titleEn: 'Youth Leap Fund 2027' },
  };
}

describe('staff program editing', () => {
  it('creates a draft at version 1 with an id from the English title, and audits it', async () => {
    const { app, repos, draft } = await setup();
    const res = await call(app, 'POST', '/api/staff/programs', { as: 'staffSemas', body: draft });
    expect(res.status).toBe(201);
    expect(res.body.program).toMatchObject({ id: 'youth-leap-fund-2027', status: 'draft', version: 1 });
    const again = await call(app, 'POST', '/api/staff/programs', { as: 'staffSemas', body: draft });
    expect(again.body.program.id).toBe('youth-leap-fund-2027-2');
    expect(await repos.audit.list('program', 'youth-leap-fund-2027')).toEqual([
      expect.objectContaining({ action: 'create', actorId: 'staff-semas', version: 1 }),
    ]);
  });

  it('refuses a taken id with 409 PROGRAM_EXISTS', async () => {
    const { app, draft } = await setup();
    const res = await call(app, 'POST', '/api/staff/programs', {
      as: 'staffSemas',
      body: { ...draft, id: 'youth-fund' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('PROGRAM_EXISTS');
  });

  it('reports rule errors with their exact paths, and names misspelt keys', async () => {
    const { app, draft } = await setup();
    const rule = {
      type: 'all',
      rules: [{ type: 'smallBusiness' }, { type: 'industry', op: 'notIn', codes: ['56211', 'ZZ'] }],
    };
    const res = await call(app, 'POST', '/api/staff/programs', {
      as: 'staffSemas',
      body: { ...draft, rule, applyend: '2026-12-31', stages: [] },
    });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(expect.arrayContaining(['rule.rules.1.codes.1', 'applyend', 'stages']));
    expect(res.body.error.details.every((d: { message: string }) => /[가-힣]/.test(d.message))).toBe(true);
  });

  it("forbids creating or touching another agency's program", async () => {
    const { app, draft } = await setup();
    expect((await call(app, 'POST', '/api/staff/programs', { as: 'staffMss', body: draft })).status).toBe(
      403,
    );
    const put = await call(app, 'PUT', '/api/staff/programs/youth-fund', {
      as: 'staffMss',
      body: { version: 1, draft },
    });
    expect(put.status).toBe(403);
    expect(put.body.error.code).toBe('FORBIDDEN');
  });

  it('writes the next version, and a stale version gets 409 with nothing overwritten', async () => {
    const { app, repos, draft } = await setup();
    const { body } = await call(app, 'POST', '/api/staff/programs', { as: 'staffSemas', body: draft });
    const id = body.program.id;
    const first = await call(app, 'PUT', `/api/staff/programs/${id}`, {
      as: 'staffSemas',
      body: { version: 1, draft: { ...draft, summary: '첫 번째 수정' } },
    });
    expect(first.status).toBe(200);
    expect(first.body.program.version).toBe(2);
    const stale = await call(app, 'PUT', `/api/staff/programs/${id}`, {
      as: 'admin',
      body: { version: 1, draft: { ...draft, summary: '늦은 수정' } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect((await repos.programs.get(id))?.summary).toBe('첫 번째 수정');
    expect((await repos.programs.listVersions(id)).map((p) => p.version)).toEqual([1, 2]);
  });

  it('prefixes draft paths in an update', async () => {
    const { app, draft } = await setup();
    const res = await call(app, 'PUT', '/api/staff/programs/youth-fund', {
      as: 'staffSemas',
      body: {
        version: 1,
        draft: { ...draft, rule: { type: 'all', rules: [{ type: 'range', field: 'age' }] } },
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toContain('draft.rule.rules.0.field');
  });

  it('lists own agency programs with drafts; admin sees every agency', async () => {
    const { app, draft } = await setup();
    await call(app, 'POST', '/api/staff/programs', { as: 'staffSemas', body: draft });
    const semas = await call(app, 'GET', '/api/staff/programs', { as: 'staffSemas' });
    expect(semas.body.items.every((p: { agencyId: string }) => p.agencyId === 'semas')).toBe(true);
    expect(semas.body.items.some((p: { status: string }) => p.status === 'draft')).toBe(true);
    const all = await call(app, 'GET', '/api/staff/programs', { as: 'admin' });
    expect(new Set(all.body.items.map((p: { agencyId: string }) => p.agencyId)).size).toBeGreaterThan(1);
  });
});

describe('publishing and closing', () => {
  it('refuses to publish when an example disagrees, naming each one', async () => {
    const { app, repos, draft } = await setup();
    const looser = { ...draft, rule: { type: 'smallBusiness' } };
    const { body } = await call(app, 'POST', '/api/staff/programs', { as: 'staffSemas', body: looser });
    const res = await call(app, 'POST', `/api/staff/programs/${body.program.id}/publish`, {
      as: 'staffSemas',
      body: { version: 1 },
    });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('EXAMPLE_MISMATCH');
    expect(res.body.error.details.length).toBeGreaterThan(0);
    for (const d of res.body.error.details) {
      expect(d).toMatchObject({
        list: 'mustNotMatch',
        expected: false,
        eligible: true,
        name: expect.any(String),
      });
    }
    expect((await repos.programs.get(body.program.id))?.status).toBe('draft');
  });

  it('publishes (open now, or scheduled for a later start), then closes, each a new version, audited and announced', async () => {
    const { app, repos, events, draft } = await setup();
    const created = (await call(app, 'POST', '/api/staff/programs', { as: 'staffSemas', body: draft })).body
      .program;
    const published = await call(app, 'POST', `/api/staff/programs/${created.id}/publish`, {
      as: 'staffSemas',
      body: { version: 1 },
    });
    expect(published.status).toBe(200);
    expect(published.body.program).toMatchObject({ status: 'open', version: 2 });
    const listed = await call(app, 'GET', `/api/programs/${created.id}`);
    expect(listed.status).toBe(200);

    const closed = await call(app, 'POST', `/api/staff/programs/${created.id}/close`, {
      as: 'admin',
      body: { version: 2 },
    });
    expect(closed.body.program).toMatchObject({ status: 'closed', version: 3 });
    expect(events.map((e) => e.type)).toEqual(['program-published', 'program-closed']);
    const audit = await call(app, 'GET', `/api/staff/programs/${created.id}/audit`, { as: 'staffSemas' });
    expect(
      audit.body.items.map((e: { action: string; version: number; actorId: string }) => [
        e.action,
        e.version,
        e.actorId,
      ]),
    ).toEqual([
      ['create', 1, 'staff-semas'],
      ['publish', 2, 'staff-semas'],
      ['close', 3, 'admin'],
    ]);
    const again = await call(app, 'POST', `/api/staff/programs/${created.id}/publish`, {
      as: 'staffSemas',
      body: { version: 3 },
    });
    expect(again.body.error.code).toBe('INVALID_STATUS');
    const edit = await call(app, 'PUT', `/api/staff/programs/${created.id}`, {
      as: 'staffSemas',
      body: { version: 3, draft },
    });
    expect(edit.body.error.code).toBe('PROGRAM_CLOSED');
    expect((await repos.programs.get(created.id))?.version).toBe(3);

    const later = { ...draft, applyStart: '2027-01-05', applyEnd: '2027-03-31' };
    const next = (await call(app, 'POST', '/api/staff/programs', { as: 'staffSemas', body: later })).body
      .program;
    const scheduled = await call(app, 'POST', `/api/staff/programs/${next.id}/publish`, {
      as: 'staffSemas',
      body: { version: 1 },
    });
    expect(scheduled.body.program.status).toBe('scheduled');
  });

  it('refuses a stale version on publish and close', async () => {
    const { app } = await setup();
    const res = await call(app, 'POST', '/api/staff/programs/general-stability-fund/close', {
      as: 'staffSemas',
      body: { version: 7 },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('VERSION_CONFLICT');
  });
});

describe('POST /api/staff/disasters', () => {
  const snow = {
    id: '2026-11-snow',
    name: '2026년 11월 강원 대설',
    kind: 'snow',
    regionCodes: ['51110', '51150'],
    startDate: '2026-11-20',
    endDate: '2026-11-22',
  };

  it('declares a disaster, audits it and announces the change; a second time is 409', async () => {
    const { app, repos, events } = await createTestApp();
    const res = await call(app, 'POST', '/api/staff/disasters', { as: 'staffMss', body: snow });
    expect(res.status).toBe(201);
    expect(res.body.disaster).toMatchObject({ id: '2026-11-snow', specialArea: true });
    expect((await call(app, 'GET', '/api/disasters')).body.items.map((d: { id: string }) => d.id)).toContain(
      '2026-11-snow',
    );
    expect(events).toEqual([
      { type: 'disaster-declared', disasterId: '2026-11-snow', at: expect.any(String) },
    ]);
    expect((await repos.audit.list('disaster', '2026-11-snow'))[0]).toMatchObject({ actorId: 'staff-mss' });
    const again = await call(app, 'POST', '/api/staff/disasters', { as: 'staffMss', body: snow });
    expect(again.body.error.code).toBe('DISASTER_EXISTS');
  });

  it('validates the area and dates with paths', async () => {
    const { app } = await createTestApp();
    const res = await call(app, 'POST', '/api/staff/disasters', {
      as: 'admin',
      body: { ...snow, regionCodes: ['99999'], endDate: '2026-11-01' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['regionCodes.0']),
    );
  });
});
