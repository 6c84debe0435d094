/**
 * Fixtures for the applications pages' tests, in the contract's shapes (the client checks every answer
 * against the contract in tests, so a fixture that drifts fails loudly), and a fetch double that answers
 * by method and path.
 */
import { loadCatalog } from '@sbiz24/shared/catalog/index';
import { vi } from 'vitest';
import type { Application, ApplicationForm, StaffQueueItem } from '../api/applications';

export const profile = {
  brn: '1012134564',
  tradeName: '하늘카페',
  representativeName: '김하늘',
  openingDate: '2024-05-20',
  regionCode: '11440',
  ksic: '56221',
  employees: 2,
  revenue: 180_000_000,
  flags: {},
  priorSupport: [],
  disasterDamage: [],
};

export const business = {
  brn: '1012134564',
  brnFormatted: '101-21-34564',
  tradeName: '하늘카페',
  stage: 'startup',
  stageLabel: '창업기',
  regionName: '서울특별시 마포구',
  ksicName: '커피 전문점',
  version: 3,
  profile,
};

const reason = {
  path: 'rules.0',
  type: 'region',
  met: true,
  text: '소재지가 서울특별시입니다.',
  textEn: 'Located in Seoul.',
};

export function application(overrides: Partial<Application> = {}): Application {
  return {
    id: 'app0000000000000001',
    brn: profile.brn,
    ownerId: 'owner-kim',
    programId: 'youth-fund',
    agencyId: 'semas',
    sido: '11',
    stage: 'startup',
    status: 'submitted',
    version: 1,
    submittedAt: '2026-11-26T01:00:00.000Z',
    updatedAt: '2026-11-26T01:00:00.000Z',
    answers: {},
    documents: [
      {
        id: 'business-registration',
        kind: 'business-registration',
        label: '사업자등록증명',
        required: true,
        state: 'confirmed',
        source: '사업자 등록 정보(국세청)',
      },
    ],
    snapshot: {
      profile: { ...profile },
      programVersion: 2,
      programTitle: '청년고용연계자금',
      reasons: [reason],
      asOf: '2026-11-26',
    },
    supplementRounds: 0,
    timeline: [
      {
        at: '2026-11-26T01:00:00.000Z',
        action: 'submit',
        to: 'submitted',
        actor: 'owner',
        actorId: 'owner-kim',
      },
    ],
    ...overrides,
  } as Application;
}

export function form(overrides: Partial<ApplicationForm> = {}): ApplicationForm {
  return {
    programId: 'youth-fund',
    title: '청년고용연계자금',
    open: true,
    applyEnd: '2026-12-31',
    fields: [],
    answers: {},
    documents: application().documents,
    activeApplicationId: null,
    ...overrides,
  } as ApplicationForm;
}

export function queueItem(overrides: Partial<StaffQueueItem> = {}): StaffQueueItem {
  return {
    id: 'app0000000000000001',
    brn: profile.brn,
    brnFormatted: '101-21-34564',
    tradeName: '하늘카페',
    programId: 'youth-fund',
    status: 'submitted',
    version: 1,
    submittedAt: '2026-11-26T01:00:00.000Z',
    updatedAt: '2026-11-26T01:00:00.000Z',
    sido: '11',
    sidoName: '서울특별시',
    stage: 'startup',
    supplementRounds: 0,
    ...overrides,
  };
}

/** A real catalog program, as `GET /api/staff/programs/{id}` answers it. */
export function staffProgram(id = 'youth-fund') {
  const program = loadCatalog().programs.find((p) => p.id === id);
  if (!program) throw new Error(`no catalog program ${id}`);
  return { program };
}

type Handler = (
  body: unknown,
  url: string,
) => { status: number; body?: unknown } | Promise<{ status: number; body?: unknown }>;

/**
 * A fetch double: `routes['POST /api/x']` (path without the query, or with it when the key has a `?`)
 * answers; anything else is a 404. Every call is recorded with its parsed JSON body.
 */
export function fakeFetch(routes: Record<string, Handler>) {
  const calls: { method: string; url: string; body: unknown }[] = [];
  const fn = vi.fn(async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    const method = init?.method ?? 'GET';
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : init?.body;
    calls.push({ method, url, body });
    const handler = routes[`${method} ${url}`] ?? routes[`${method} ${url.split('?')[0]}`];
    const answer = handler
      ? await handler(body, url)
      : { status: 404, body: { error: { code: 'NOT_FOUND', message: '없습니다.' } } };
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fn);
  return { fn, calls };
}
