import { describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../testing/test-app';

describe('GET /api/programs', () => {
  it('lists published programs with summaries, open ones first, paged', async () => {
    const { app, repos } = await createTestApp();
    const draft = (await repos.programs.get('youth-fund'))!;
    await repos.programs.create({ ...draft, id: 'secret-draft', status: 'draft' });
    const res = await call(app, 'GET', '/api/programs?pageSize=5');
    expect(res.status).toBe(200);
    expect(res.body.total).toBe(20);
    expect(res.body.items).toHaveLength(5);
    expect(res.body).toMatchObject({ page: 1, pageSize: 5 });
    expect(res.body.items[0]).toMatchObject({ status: 'open', agencyName: expect.any(String) });
    expect(Object.keys(res.body.items[0]).sort()).toEqual(
      [
        'agencyId',
        'agencyName',
        'applyEnd',
        'applyStart',
        'benefit',
        'dDay',
        'id',
        'kind',
        'stages',
        'status',
        'summary',
        'summaryEn',
        'title',
        'titleEn',
      ].sort(),
    );
    const all = await call(app, 'GET', '/api/programs?pageSize=100');
    expect(all.body.items.map((p: { id: string }) => p.id)).not.toContain('secret-draft');
    const page4 = await call(app, 'GET', '/api/programs?pageSize=5&page=4');
    expect(page4.body.items).toHaveLength(5);
    expect(page4.body.items[4].status).toBe('closed');
  });

  it('filters by kind, stage, open now and closing within N days', async () => {
    const { app } = await createTestApp();
    const relief = await call(app, 'GET', '/api/programs?kind=disaster-relief&pageSize=100');
    expect(relief.body.items.length).toBeGreaterThan(0);
    expect(relief.body.items.every((p: { kind: string }) => p.kind === 'disaster-relief')).toBe(true);
    const closure = await call(app, 'GET', '/api/programs?stage=closure&openNow=true&pageSize=100');
    expect(closure.body.items.map((p: { id: string }) => p.id)).toEqual(
      expect.arrayContaining(['hope-return-closure', 'rechallenge-fund']),
    );
    expect(closure.body.items.every((p: { status: string }) => p.status === 'open')).toBe(true);
    const soon = await call(app, 'GET', '/api/programs?closingWithinDays=35&pageSize=100');
    expect(soon.body.total).toBeGreaterThan(0);
    expect(soon.body.items.every((p: { dDay: number }) => p.dDay <= 35)).toBe(true);
    const none = await call(app, 'GET', '/api/programs?closingWithinDays=3');
    expect(none.body.total).toBe(0);
  });

  it('searches Korean text ignoring spaces', async () => {
    const { app } = await createTestApp();
    const res = await call(app, 'GET', `/api/programs?q=${encodeURIComponent('청년 고용')}`);
    expect(res.body.items.map((p: { id: string }) => p.id)).toEqual(['youth-fund']);
  });

  it('drops programs whose top-level region condition excludes the region', async () => {
    const { app, repos } = await createTestApp();
    const base = (await repos.programs.get('youth-fund'))!;
    await repos.programs.create({
      ...base,
      id: 'gyeongbuk-only',
      rule: { type: 'all', rules: [{ type: 'region', op: 'in', codes: ['47'] }, base.rule] },
    });
    const ids = async (region: string) =>
      (await call(app, 'GET', `/api/programs?region=${region}&pageSize=100`)).body.items.map(
        (p: { id: string }) => p.id,
      );
    expect(await ids('47170')).toContain('gyeongbuk-only');
    expect(await ids('11440')).not.toContain('gyeongbuk-only');
    expect(await ids('11440')).toContain('youth-fund');
  });

  it('places disaster programs by their disaster: 서울 does not list the 경북 wildfire relief, 경북 and 안동 do', async () => {
    const { app } = await createTestApp();
    const ids = async (region: string) =>
      (await call(app, 'GET', `/api/programs?region=${region}&pageSize=100`)).body.items.map(
        (p: { id: string }) => p.id,
      );

    expect(await ids('11')).not.toContain('wildfire-relief');
    expect(await ids('11440')).not.toContain('wildfire-relief');
    expect(await ids('47')).toContain('wildfire-relief');
    expect(await ids('47170')).toContain('wildfire-relief');
  });

  it('answers 400 with field paths for a bad filter', async () => {
    const { app } = await createTestApp();
    const res = await call(app, 'GET', '/api/programs?kind=loan&region=999&pageSize=1000');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(res.body.error.details.map((d: { path: string }) => d.path).sort()).toEqual([
      'kind',
      'pageSize',
      'region',
    ]);
  });
});

describe('GET /api/programs/:id', () => {
  it('returns the program with its rule described in Korean and English', async () => {
    const { app } = await createTestApp();
    const res = await call(app, 'GET', '/api/programs/youth-fund');
    expect(res.status).toBe(200);
    expect(res.body.program).toMatchObject({ id: 'youth-fund', version: 1, howToApply: expect.any(String) });
    expect(res.body.program.rule.type).toBe('all');
    expect(res.body.description.length).toBeGreaterThan(0);
    expect(res.body.description.join(' ')).toMatch(/[가-힣]/);
    expect(res.body.descriptionEn.length).toBeGreaterThan(0);
  });

  it('names the programs a prior-support condition refers to by their titles', async () => {
    const { app } = await createTestApp();
    const res = await call(app, 'GET', '/api/programs/new-business-fund');
    expect(res.status).toBe(200);
    const text = res.body.description.join(' ');
    expect(text).toContain('「신사업창업사관학교」');
    expect(text).not.toContain('new-business-academy');
  });

  it('does not show drafts or unknown ids', async () => {
    const { app, repos } = await createTestApp();
    const base = (await repos.programs.get('youth-fund'))!;
    await repos.programs.create({ ...base, id: 'secret-draft', status: 'draft' });
    for (const id of ['secret-draft', 'nope']) {
      const res = await call(app, 'GET', `/api/programs/${id}`);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('PROGRAM_NOT_FOUND');
    }
  });
});

describe('GET /api/disasters', () => {
  it('lists the declared disasters', async () => {
    const { app } = await createTestApp();
    const res = await call(app, 'GET', '/api/disasters');
    expect(res.status).toBe(200);
    expect(res.body.items.map((d: { id: string }) => d.id)).toEqual([
      '2023-07-heavy-rain',
      '2025-03-wildfire',
    ]);
  });
});

describe('id limits', () => {
  it('refuses a program id over its limit or outside its pattern with 400 naming the field, in every route that takes one', async () => {
    const { app } = await createTestApp();
    for (const id of ['a'.repeat(3000), 'a'.repeat(101), 'Youth_Fund', '한글', '-x']) {
      for (const [path, as] of [
        [`/api/programs/${encodeURIComponent(id)}`, undefined],
        [`/api/staff/programs/${encodeURIComponent(id)}`, 'admin'],
        [`/api/staff/programs/${encodeURIComponent(id)}/audit`, 'admin'],
      ] as const) {
        const res = await call(app, 'GET', path, as ? { as } : {});
        expect(res.status, `${path.slice(0, 60)}`).toBe(400);
        expect(res.body.error.details).toContainEqual({
          path: 'id',
          message: expect.stringMatching(/사업 ID/),
        });
      }
    }
    expect((await call(app, 'GET', '/api/programs/no-such-program')).status).toBe(404);
  });

  it('refuses a notification id over its limit or outside its pattern with 400', async () => {
    const { app } = await createTestApp();
    for (const id of ['x'.repeat(101), 'a b', '<script>']) {
      const res = await call(app, 'POST', `/api/me/notifications/${encodeURIComponent(id)}/read`, {
        as: 'ownerA',
      });
      expect(res.status, id.slice(0, 20)).toBe(400);
    }
  });
});
