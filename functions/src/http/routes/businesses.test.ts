import { formatBusinessNumber } from '@sbiz24/shared';
import { describe, expect, it } from 'vitest';
import { DEMO_CLAIMABLE_BUSINESSES, DEMO_OWNED_BUSINESSES } from '../../testing/demo';
import { call, createTestApp } from '../../testing/test-app';

const kimCafe = DEMO_OWNED_BUSINESSES[0]!.profile;
const parkShop = DEMO_OWNED_BUSINESSES[3]!.profile;
const claimable = DEMO_CLAIMABLE_BUSINESSES[0]!.profile;
const claimBody = {
  brn: formatBusinessNumber(claimable.brn),
  representativeName: claimable.representativeName,
  openingDate: claimable.openingDate,
};

describe('GET /api/me/businesses', () => {
  it("lists the owner's businesses with stage, region and industry names", async () => {
    const { app } = await createTestApp();
    const res = await call(app, 'GET', '/api/me/businesses', { as: 'ownerA' });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(3);
    expect(res.body.items[0]).toMatchObject({
      brn: kimCafe.brn,
      brnFormatted: formatBusinessNumber(kimCafe.brn),
      tradeName: '하늘카페',
      stage: 'startup',
      stageLabel: '창업',
      regionName: '서울특별시 마포구',
      ksicName: '커피 전문점',
      version: 1,
    });
    expect(new Set(res.body.items.map((b: { stage: string }) => b.stage))).toEqual(
      new Set(['startup', 'growth', 'closure']),
    );
  });
});

describe('GET /api/me/businesses/:brn', () => {
  it("answers 404, not 403, for another owner's business, so that existence does not leak", async () => {
    const { app } = await createTestApp();
    expect((await call(app, 'GET', `/api/me/businesses/${kimCafe.brn}`, { as: 'ownerA' })).status).toBe(200);
    const theirs = await call(app, 'GET', `/api/me/businesses/${parkShop.brn}`, { as: 'ownerA' });
    const unknown = await call(app, 'GET', '/api/me/businesses/1234567890', { as: 'ownerA' });
    expect(theirs.status).toBe(404);
    expect(theirs.body).toEqual(unknown.body);
  });
});

describe('POST /api/me/businesses/claim', () => {
  it('claims a registered business whose details match, with or without hyphens', async () => {
    const { app, repos } = await createTestApp();
    const res = await call(app, 'POST', '/api/me/businesses/claim', { as: 'ownerB', body: claimBody });
    expect(res.status).toBe(201);
    expect(res.body.business).toMatchObject({ brn: claimable.brn, tradeName: claimable.tradeName });
    expect((await repos.businesses.get(claimable.brn))?.ownerId).toBe('owner-park');
    const audit = await repos.audit.list('business', claimable.brn);
    expect(audit.map((e) => e.action)).toEqual(['claim']);
  });

  it('answers 404 BUSINESS_NOT_FOUND for a valid number that is not registered', async () => {
    const { app } = await createTestApp();
    const res = await call(app, 'POST', '/api/me/businesses/claim', {
      as: 'ownerB',
      body: { ...claimBody, brn: '220-81-62517' },
    });
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('BUSINESS_NOT_FOUND');
  });

  it('answers 422 CLAIM_MISMATCH when the name or opening date differs', async () => {
    const { app, repos } = await createTestApp();
    for (const wrong of [{ representativeName: '홍길동' }, { openingDate: '2021-06-15' }]) {
      const res = await call(app, 'POST', '/api/me/businesses/claim', {
        as: 'ownerB',
        body: { ...claimBody, ...wrong },
      });
      expect(res.status).toBe(422);
      expect(res.body.error).toEqual({
        code: 'CLAIM_MISMATCH',
        message: '대표자명 또는 개업일이 사업자 등록 정보와 일치하지 않습니다',
      });
    }
    expect((await repos.businesses.get(claimable.brn))?.ownerId).toBeUndefined();
  });

  it('answers 400 for a malformed number or check digit, naming the field', async () => {
    const { app } = await createTestApp();
    const res = await call(app, 'POST', '/api/me/businesses/claim', {
      as: 'ownerB',
      body: { ...claimBody, brn: '220-81-62518' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([{ path: 'brn', message: expect.stringContaining('검증번호') }]);
  });

  it('answers 409 ALREADY_CLAIMED when someone else owns it', async () => {
    const { app } = await createTestApp();
    await call(app, 'POST', '/api/me/businesses/claim', { as: 'ownerB', body: claimBody });
    const res = await call(app, 'POST', '/api/me/businesses/claim', { as: 'ownerA', body: claimBody });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('ALREADY_CLAIMED');
  });

  it('rate-limits failed attempts per user: the 6th try within 10 minutes gets 429', async () => {
    const { app, setNow } = await createTestApp();
    const wrong = { as: 'ownerB' as const, body: { ...claimBody, representativeName: '아무개' } };
    for (let i = 0; i < 5; i++)
      expect((await call(app, 'POST', '/api/me/businesses/claim', wrong)).status).toBe(422);
    const limited = await call(app, 'POST', '/api/me/businesses/claim', { as: 'ownerB', body: claimBody });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    const otherUser = await call(app, 'POST', '/api/me/businesses/claim', { ...wrong, as: 'ownerA' });
    expect(otherUser.status).toBe(422);
    setNow(new Date(Date.parse('2026-11-26T01:10:01Z')));
    expect(
      (await call(app, 'POST', '/api/me/businesses/claim', { as: 'ownerB', body: claimBody })).status,
    ).toBe(201);
  });
});

describe('PATCH /api/me/businesses/:brn', () => {
  it('changes owner-editable fields, clears one with null, and bumps the version', async () => {
    const { app, repos } = await createTestApp();
    const res = await call(app, 'PATCH', `/api/me/businesses/${kimCafe.brn}`, {
      as: 'ownerA',
      body: { version: 1, changes: { employees: 4, revenueAvg3y: null, flags: { exporter: true } } },
    });
    expect(res.status).toBe(200);
    expect(res.body.business.version).toBe(2);
    const stored = (await repos.businesses.get(kimCafe.brn))!;
    expect(stored.profile.employees).toBe(4);
    expect(stored.profile.revenueAvg3y).toBeUndefined();
    expect(stored.profile.flags).toMatchObject({ exporter: true, womanOwned: true, taxArrears: false });
    const audit = await repos.audit.list('business', kimCafe.brn);
    expect(audit.at(-1)).toMatchObject({ action: 'update-profile', actorId: 'owner-kim', version: 2 });
    expect(audit.at(-1)!.summary).toBe('변경 항목: employees, revenueAvg3y, flags');
  });

  it('answers 409 VERSION_CONFLICT for a stale version and overwrites nothing', async () => {
    const { app, repos } = await createTestApp();
    const path = `/api/me/businesses/${kimCafe.brn}`;
    await call(app, 'PATCH', path, { as: 'ownerA', body: { version: 1, changes: { employees: 4 } } });
    const stale = await call(app, 'PATCH', path, {
      as: 'ownerA',
      body: { version: 1, changes: { employees: 9 } },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error).toMatchObject({ code: 'VERSION_CONFLICT', details: { currentVersion: 2 } });
    expect((await repos.businesses.get(kimCafe.brn))?.profile.employees).toBe(4);
  });

  it('refuses fields an owner may not change, with their paths', async () => {
    const { app } = await createTestApp();
    const res = await call(app, 'PATCH', `/api/me/businesses/${kimCafe.brn}`, {
      as: 'ownerA',
      body: { version: 1, changes: { regionCode: '11110', flags: { taxArrears: false }, employees: -1 } },
    });
    expect(res.status).toBe(400);
    const paths = res.body.error.details.map((d: { path: string }) => d.path);
    expect(paths).toEqual(
      expect.arrayContaining(['changes.regionCode', 'changes.flags.taxArrears', 'changes.employees']),
    );
  });

  it('answers 400 for implausible values, naming the field in Korean, and changes nothing', async () => {
    const { app, repos } = await createTestApp(); // today is 2026-11-26
    const path = `/api/me/businesses/${kimCafe.brn}`;
    const refused = async (changes: Record<string, unknown>) => {
      const res = await call(app, 'PATCH', path, { as: 'ownerA', body: { version: 1, changes } });
      expect(res.status, JSON.stringify(changes)).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
      return res.body.error.details as { path: string; message: string }[];
    };
    expect(await refused({ plannedClosureDate: '2999-01-01' })).toEqual([
      { path: 'changes.plannedClosureDate', message: '폐업 예정일은 2031년 12월 31일까지여야 합니다.' },
    ]);
    expect(await refused({ plannedClosureDate: '2024-01-01' })).toEqual([
      { path: 'changes.plannedClosureDate', message: '폐업 예정일은 개업일보다 빠를 수 없습니다.' },
    ]);
    expect(await refused({ tradeName: '하늘카페 ☕' })).toEqual([
      { path: 'changes.tradeName', message: '상호에는 이모지나 제어 문자를 쓸 수 없습니다.' },
    ]);
    // A café (56221): the 소상공인 limit is fewer than 5 employees.
    expect(await refused({ employees: 100_000 })).toEqual([
      expect.objectContaining({ path: 'changes.employees' }),
    ]);
    expect(await refused({ employees: 12 })).toEqual([
      {
        path: 'changes.employees',
        message:
          '상시근로자 12명은 이 업종의 소상공인 기준(5명 미만)을 넘습니다. 인원이 맞으면 확인란에 표시해 주세요.',
      },
    ]);
    const stored = (await repos.businesses.get(kimCafe.brn))!;
    expect(stored.version).toBe(1);
    expect(stored.profile).toMatchObject({ employees: 2, tradeName: '하늘카페' });
    expect(stored.profile.plannedClosureDate).toBeUndefined();
  });

  it('takes a count above the 소상공인 limit once the owner confirms it, and a planned closure within bounds', async () => {
    const { app, repos } = await createTestApp();
    const res = await call(app, 'PATCH', `/api/me/businesses/${kimCafe.brn}`, {
      as: 'ownerA',
      body: {
        version: 1,
        changes: { employees: 12, employeesConfirmed: true, plannedClosureDate: '2031-12-31' },
      },
    });
    expect(res.status).toBe(200);
    const stored = (await repos.businesses.get(kimCafe.brn))!;
    expect(stored.profile).toMatchObject({ employees: 12, plannedClosureDate: '2031-12-31' });
    expect(stored.profile).not.toHaveProperty('employeesConfirmed');
  });

  it("answers 404 for another owner's business", async () => {
    const { app } = await createTestApp();
    const res = await call(app, 'PATCH', `/api/me/businesses/${parkShop.brn}`, {
      as: 'ownerA',
      body: { version: 1, changes: { employees: 1 } },
    });
    expect(res.status).toBe(404);
  });
});
