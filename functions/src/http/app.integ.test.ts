import { type Disaster, loadCatalog } from '@sbiz24/shared';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ProgramChangeEvent } from '../services/types';
import {
  createDevIssuer,
  DEMO_CLAIMABLE_BUSINESSES,
  DEMO_OWNED_BUSINESSES,
  DEMO_USERS,
} from '../testing/demo';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { capturingLogger, TEST_NOW } from '../testing/test-app';
import { type App, createApp } from './app';

/** The full app over the real store on dynalite, signed in through the dev issuer's login route. */

let table: TestTable;
let app: App;
const events: ProgramChangeEvent[] = [];
const kimCafe = DEMO_OWNED_BUSINESSES[0]!.profile;
/** Moves a millisecond per reading, so that audit entries written in one test keep their order. */
let tick = 0;
const clock = () => new Date(TEST_NOW.getTime() + tick++);

beforeAll(async () => {
  table = await startTestTable({ clock });
  const catalog = loadCatalog();
  for (const p of catalog.programs) await table.repos.programs.create(p);
  for (const d of catalog.disasters) await table.repos.disasters.create(d);
  await table.repos.businesses.createMany([...DEMO_OWNED_BUSINESSES, ...DEMO_CLAIMABLE_BUSINESSES]);
  const issuer = await createDevIssuer(DEMO_USERS);
  app = createApp({
    repos: table.repos,
    clock,
    verifyToken: issuer.verifyToken,
    logger: capturingLogger([]),
    devAuth: issuer,
    onProgramChanged: (e) => {
      events.push(e);
    },
  });
});
afterAll(() => table?.stop());

// biome-ignore lint/suspicious/noExplicitAny: responses are inspected field by field
type Body = any;

const tokens = new Map<string, string>();
async function login(userId: string): Promise<string> {
  if (!tokens.has(userId)) {
    const res = await app.request('/api/dev/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId }),
    });
    tokens.set(userId, ((await res.json()) as { token: string }).token);
  }
  return tokens.get(userId)!;
}

async function api(
  method: string,
  path: string,
  userId?: string,
  body?: unknown,
): Promise<{ status: number; body: Body }> {
  const headers: Record<string, string> = {};
  if (userId) headers.authorization = `Bearer ${await login(userId)}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await app.request(path, {
    method,
    headers,
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

const matchIds = async (brn: string) => {
  const res = await api('GET', `/api/me/businesses/${brn}/matches`, 'owner-kim');
  expect(res.status).toBe(200);
  return Object.values(res.body.groups as Record<string, { id: string }[]>).flatMap((g) =>
    g.map((m) => m.id),
  );
};

const mapoOnly = {
  title: '마포구 골목상권 카페 지원',
  titleEn: 'Mapo alley cafe support',
  kind: 'support',
  agencyId: 'semas',
  stages: ['startup', 'growth'],
  summary: '마포구 소상공인 카페의 골목상권 마케팅을 지원합니다.',
  benefit: { description: '마케팅 비용 최대 300만원', maxAmount: 3_000_000 },
  applyStart: '2026-11-01',
  applyEnd: '2026-12-31',
  rule: {
    type: 'all',
    rules: [
      { type: 'region', op: 'in', codes: ['11440'] },
      { type: 'industry', op: 'in', codes: ['56221'] },
      { type: 'operating' },
    ],
  },
  examples: {
    mustMatch: [{ name: '마포 카페', profile: { ...kimCafe, brn: '220-81-62517' } }],
    mustNotMatch: [{ name: '종로 카페', profile: { ...kimCafe, brn: '220-81-62517', regionCode: '11110' } }],
  },
};

describe('the app on the real store', () => {
  it('shows a demo owner every business with its matches and reasons', async () => {
    const list = await api('GET', '/api/me/businesses', 'owner-kim');
    expect(list.body.items).toHaveLength(3);
    for (const b of list.body.items) {
      const res = await api('GET', `/api/me/businesses/${b.brn}/matches`, 'owner-kim');
      const all = Object.values(res.body.groups as Record<string, { reasons: unknown[] }[]>).flat();
      expect(all.length, b.tradeName).toBeGreaterThan(0);
      expect(all.every((m) => m.reasons.length > 0)).toBe(true);
    }
  });

  it('lets staff draft, publish and close a program, and the owner’s matches follow', async () => {
    const created = await api('POST', '/api/staff/programs', 'staff-semas', mapoOnly);
    expect(created.status).toBe(201);
    const id = created.body.program.id;
    expect(await matchIds(kimCafe.brn)).not.toContain(id);

    const published = await api('POST', `/api/staff/programs/${id}/publish`, 'staff-semas', { version: 1 });
    expect(published.body.program).toMatchObject({ status: 'open', version: 2 });
    expect(await matchIds(kimCafe.brn)).toContain(id);
    expect(await matchIds(DEMO_OWNED_BUSINESSES[1]!.profile.brn)).not.toContain(id);

    const closed = await api('POST', `/api/staff/programs/${id}/close`, 'staff-semas', { version: 2 });
    expect(closed.body.program.status).toBe('closed');
    expect(await matchIds(kimCafe.brn)).not.toContain(id);

    const audit = await api('GET', `/api/staff/programs/${id}/audit`, 'staff-semas');
    expect(audit.body.items.map((e: { action: string }) => e.action)).toEqual(['create', 'publish', 'close']);
    expect(events.filter((e) => 'programId' in e && e.programId === id).map((e) => e.type)).toEqual([
      'program-published',
      'program-closed',
    ]);
  });

  it('makes an owner in a newly declared disaster area match the disaster-relief program at once', async () => {
    expect(await matchIds(kimCafe.brn)).not.toContain('disaster-utility-relief');
    const disaster: Disaster = {
      id: '2026-11-mapo-flood',
      name: '2026년 11월 마포구 침수',
      kind: 'heavy-rain',
      regionCodes: ['11440'],
      startDate: '2026-11-20',
      endDate: '2026-11-22',
      specialArea: true,
    };
    const declared = await api('POST', '/api/staff/disasters', 'staff-mss', disaster);
    expect(declared.status).toBe(201);
    expect(await matchIds(kimCafe.brn)).toContain('disaster-utility-relief');
  });

  it('answers a stale version with 409 and overwrites nothing', async () => {
    const path = `/api/me/businesses/${kimCafe.brn}`;
    const current = (await api('GET', path, 'owner-kim')).body.business;
    const first = await api('PATCH', path, 'owner-kim', {
      version: current.version,
      changes: { employees: 3 },
    });
    expect(first.status).toBe(200);
    const stale = await api('PATCH', path, 'owner-kim', {
      version: current.version,
      changes: { employees: 9 },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('VERSION_CONFLICT');
    expect((await table.repos.businesses.get(kimCafe.brn))?.profile.employees).toBe(3);

    const program = (await api('GET', '/api/staff/programs/youth-fund', 'staff-semas')).body.program;
    const { id: _id, status: _s, version, ...draft } = program;
    const edit = await api('PUT', '/api/staff/programs/youth-fund', 'admin', {
      version,
      draft: { ...draft, summary: '관리자 수정' },
    });
    expect(edit.status).toBe(200);
    const late = await api('PUT', '/api/staff/programs/youth-fund', 'staff-semas', {
      version,
      draft: { ...draft, summary: '늦은 수정' },
    });
    expect(late.status).toBe(409);
    expect((await table.repos.programs.get('youth-fund'))?.summary).toBe('관리자 수정');
  });

  it('claims a registry business once through the store', async () => {
    const b = DEMO_CLAIMABLE_BUSINESSES[1]!.profile;
    const body = { brn: b.brn, representativeName: b.representativeName, openingDate: b.openingDate };
    expect((await api('POST', '/api/me/businesses/claim', 'owner-park', body)).status).toBe(201);
    const other = await api('POST', '/api/me/businesses/claim', 'owner-kim', body);
    expect(other.status).toBe(409);
    expect(
      (await api('GET', '/api/me/businesses', 'owner-park')).body.items.map((x: { brn: string }) => x.brn),
    ).toContain(b.brn);
  });
});
