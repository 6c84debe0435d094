import { ErrorSchema } from '@sbiz24/shared/contract/common';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEMO_CLAIMABLE_BUSINESSES, DEMO_OWNED_BUSINESSES } from '../testing/demo';
import { type CallerKey, call, createTestApp, type TestApp, tokenFor } from '../testing/test-app';

/**
 * Property-based fuzzing of every route the app declares (read from its own OpenAPI document, so a route
 * added tomorrow is fuzzed too): random and mutated path parameters, queries, bodies and headers, as anonymous,
 * owner and staff callers. Properties: never a 5xx but the documented 503 of the preview without a snapshot,
 * every error in the one error shape, and nothing stored changed by a refused request.
 * `FUZZ_RUNS` (default 30 per route) makes a longer run: `FUZZ_RUNS=2000 npx vitest run functions/src/http/fuzz.test.ts`.
 */
const RUNS = Number(process.env.FUZZ_RUNS ?? 30);

type Operation = { method: string; path: string; query: string[]; body: boolean };

async function operationsOf(test: TestApp): Promise<Operation[]> {
  const doc = (await call(test.app, 'GET', '/api/openapi.json')).body as {
    paths: Record<
      string,
      Record<string, { parameters?: { in: string; name: string }[]; requestBody?: unknown }>
    >;
  };
  return Object.entries(doc.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, op]) => ({
      method: method.toUpperCase(),
      path,
      query: (op.parameters ?? []).filter((p) => p.in === 'query').map((p) => p.name),
      body: op.requestBody !== undefined,
    })),
  );
}

/** What the store holds, read through the repositories: compared before and after each refused request. */
async function stored({ repos }: TestApp): Promise<string> {
  const programs = await repos.programs.list();
  const users = ['owner-kim', 'owner-park', 'staff-semas', 'staff-mss', 'admin'];
  return JSON.stringify({
    businesses: (await repos.businesses.scanSegment(0, 1, undefined, 10_000)).items,
    programs,
    disasters: await repos.disasters.list(),
    audit: await Promise.all(programs.map((p) => repos.audit.list('program', p.id))),
    notifications: await Promise.all(users.map((u) => repos.notifications.list(u, { limit: 50 }))),
    alerts: await Promise.all(users.map((u) => repos.alertPreferences.get(u))),
  });
}

const ownedBrn = DEMO_OWNED_BUSINESSES[0]!.profile.brn;
const claimable = DEMO_CLAIMABLE_BUSINESSES[0]!;

/** Strings a hostile or clumsy caller sends: empty, long, unicode, control characters, numbers, JSON-ish. */
const junk = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constantFrom(
    '',
    ' ',
    '0',
    '-1',
    '1e309',
    'NaN',
    'true',
    'null',
    '[]',
    '{}',
    '%00',
    '../..',
    '한글',
    '🙂',
  ),
  fc.integer({ min: 1, max: 5000 }).map((n) => 'a'.repeat(n)),
  fc.integer().map(String),
);

const pathValue = fc.oneof(
  junk.map((s) => encodeURIComponent(s) || 'x'),
  fc.constantFrom(
    ownedBrn,
    claimable.profile.brn,
    '123-45-67890',
    'youth-startup-fund',
    'no-such-program',
    'n1',
  ),
);

const jsonValue = fc.jsonValue({ maxDepth: 4 });

/** Bodies: any JSON, a known shape with junk in it, or not JSON at all. */
const body = fc.oneof(
  jsonValue,
  fc.record(
    { version: fc.oneof(fc.integer(), jsonValue), draft: jsonValue, changes: jsonValue },
    { requiredKeys: [] },
  ),
  fc.record(
    {
      brn: fc.oneof(junk, fc.constant(claimable.profile.brn)),
      representativeName: fc.oneof(junk, fc.constant(claimable.profile.representativeName)),
      openingDate: fc.oneof(junk, fc.constant(claimable.profile.openingDate)),
      userId: fc.oneof(junk, fc.constant('owner-kim')),
      rule: jsonValue,
      id: junk,
      name: junk,
      regionCodes: jsonValue,
      startDate: junk,
    },
    { requiredKeys: [] },
  ),
  fc.constantFrom('{', 'not json', '[1,2', '"\\u0000"', 'null', '1e999'),
);

const callers = fc.constantFrom<CallerKey | undefined>(undefined, 'ownerA', 'ownerB', 'staffSemas', 'admin');

function requestFor(op: Operation) {
  const params = [...op.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!);
  return fc.record({
    as: callers,
    params: fc.tuple(...params.map(() => pathValue)),
    query: fc.dictionary(
      fc.oneof(fc.constantFrom(...(op.query.length ? op.query : ['q'])), fc.string({ maxLength: 8 })),
      junk,
      { maxKeys: 4 },
    ),
    body: op.body ? fc.option(body, { nil: undefined, freq: 8 }) : fc.constant(undefined),
    contentType: fc.constantFrom(
      'application/json',
      'application/json; charset=utf-8',
      'text/plain',
      undefined,
    ),
    correlation: fc.option(junk, { nil: undefined }),
    badToken: fc.boolean(),
  });
}

describe('fuzzing every route', () => {
  it(
    'answers any input without a 5xx, in the error shape, and a refused request changes nothing stored',
    async () => {
      const test = await createTestApp();
      const operations = await operationsOf(test);
      expect(operations.length).toBeGreaterThan(15);
      for (const op of operations) {
        await fc.assert(
          fc.asyncProperty(requestFor(op), async (r) => {
            let i = 0;
            const path = op.path.replace(/\{\w+\}/g, () => r.params[i++]!);
            const search = new URLSearchParams(r.query).toString();
            const headers: Record<string, string> = {};
            if (r.as)
              headers.authorization = r.badToken ? `Bearer ${tokenFor(r.as)}x` : `Bearer ${tokenFor(r.as)}`;
            if (r.correlation !== undefined)
              headers['x-correlation-id'] = r.correlation.replace(/[^\t\x20-\x7e]/g, '');
            const raw =
              r.body === undefined ? undefined : typeof r.body === 'string' ? r.body : JSON.stringify(r.body);
            if (raw !== undefined && r.contentType) headers['content-type'] = r.contentType;
            const before = await stored(test);

            const res = await test.app.request(`${path}${search ? `?${search}` : ''}`, {
              method: op.method,
              headers,
              ...(raw !== undefined ? { body: raw } : {}),
            });

            const where = `${op.method} ${path.slice(0, 80)} → ${res.status}`;
            const text = await res.text();
            const snapshotMissing = res.status === 503 && op.path === '/api/staff/preview';
            expect(res.status < 500 || snapshotMissing, where).toBe(true);
            if (res.status >= 400) {
              expect(ErrorSchema.safeParse(JSON.parse(text)).success, `${where} ${text.slice(0, 200)}`).toBe(
                true,
              );
              expect(await stored(test), `${where}: a refused request changed the store`).toBe(before);
            }
          }),
          { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
        );
      }
    },
    Math.max(60_000, RUNS * 4_000),
  );
});
