import { describe, expect, it, vi } from 'vitest';
import { createDevIssuer, DEMO_OWNED_BUSINESSES, DEMO_USERS } from '../testing/demo';
import { call, createTestApp, SNOW_DECLARATION, tokenFor } from '../testing/test-app';
import { MAX_BODY_BYTES } from './app';

describe('request context', () => {
  it('echoes a given correlation id and makes one otherwise', async () => {
    const { app } = await createTestApp();
    const given = await call(app, 'GET', '/api/health', { headers: { 'x-correlation-id': 'abc-123' } });
    expect(given.headers.get('x-correlation-id')).toBe('abc-123');
    const made = await call(app, 'GET', '/api/health', {
      headers: { 'x-correlation-id': 'bad id <script>' },
    });
    expect(made.headers.get('x-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('logs the route pattern, status and correlation id, never the number, name, token or body', async () => {
    const { app, logs } = await createTestApp();
    const business = DEMO_OWNED_BUSINESSES[0]!.profile;
    await call(app, 'PATCH', `/api/me/businesses/${business.brn}`, {
      as: 'ownerA',
      body: { version: 1, changes: { tradeName: '비밀상호' } },
      headers: { 'x-correlation-id': 'corr-1' },
    });
    const text = logs.join('\n');
    const line = JSON.parse(logs.find((l) => l.includes('"request"'))!);
    expect(line).toMatchObject({
      correlation_id: 'corr-1',
      route: '/api/me/businesses/:brn',
      method: 'PATCH',
      status: 200,
      role: 'owner',
    });
    for (const secret of [
      business.brn,
      '김하늘',
      tokenFor('ownerA'),
      '비밀상호',
      business.representativeName,
    ]) {
      expect(text).not.toContain(secret);
    }
  });
});

describe('errors', () => {
  it('answers an unknown API path with the JSON error shape', async () => {
    const { app } = await createTestApp();
    const res = await call(app, 'GET', '/api/nothing-here');
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ error: { code: 'NOT_FOUND', message: expect.stringMatching(/[가-힣]/) } });
  });

  it('requires a JSON content type on writes (415) and well-formed JSON (400)', async () => {
    const { app } = await createTestApp();
    const path = '/api/me/businesses/claim';
    const form = await call(app, 'POST', path, {
      as: 'ownerA',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'brn=1',
    });
    expect(form.status).toBe(415);
    expect(form.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const broken = await call(app, 'POST', path, { as: 'ownerA', body: '{"brn": ' });
    expect(broken.status).toBe(400);
    expect(broken.body.error.code).toBe('INVALID_JSON');
  });

  it('refuses a body over the limit with 413', async () => {
    const { app } = await createTestApp();
    const res = await call(app, 'POST', '/api/staff/programs', {
      as: 'staffSemas',
      body: { title: 'x'.repeat(MAX_BODY_BYTES + 1) },
    });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers an unexpected failure with 500 INTERNAL and no internals, and logs it', async () => {
    const { app, repos, logs } = await createTestApp();
    vi.spyOn(repos.programs, 'list').mockRejectedValue(new Error('connection to db-7.internal refused'));
    const res = await call(app, 'GET', '/api/programs');
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ error: { code: 'INTERNAL', message: expect.stringMatching(/[가-힣]/) } });
    expect(res.text).not.toContain('db-7');
    expect(logs.join('\n')).toContain('db-7.internal');
  });

  it('keeps a failing change listener from failing the request', async () => {
    const { app } = await createTestApp({
      onProgramChanged: () => {
        throw new Error('listener down');
      },
    });
    const res = await call(app, 'POST', '/api/staff/disasters', {
      as: 'admin',
      body: SNOW_DECLARATION,
    });
    expect(res.status).toBe(201);
  });
});

describe('OpenAPI and docs', () => {
  it('documents every registered route, with security on every non-public one', async () => {
    const issuer = await createDevIssuer(DEMO_USERS);
    const { app } = await createTestApp({ devAuth: issuer });
    const res = await call(app, 'GET', '/api/openapi.json');
    expect(res.body.openapi).toBe('3.1.0');
    const documented = Object.entries(
      res.body.paths as Record<string, Record<string, { security: unknown[] }>>,
    )
      .flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`),
      )
      .sort();
    const registered = [
      ...new Set(app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method} ${r.path}`)),
    ].sort();
    expect(documented).toEqual(registered);
    const claim = res.body.paths['/api/me/businesses/claim'].post;
    expect(claim.security).toEqual([{ bearer: [] }]);
    expect(claim.requestBody.content['application/json'].schema.$ref).toMatch(/^#\/components\/schemas\//);
    expect(Object.keys(claim.responses)).toEqual(expect.arrayContaining(['201', '404', '409', '422', '429']));
    expect(res.body.paths['/api/programs'].get.security).toEqual([]);
    expect(res.body.paths['/api/programs'].get.parameters.map((p: { name: string }) => p.name)).toEqual(
      expect.arrayContaining([
        'kind',
        'stage',
        'region',
        'openNow',
        'closingWithinDays',
        'q',
        'page',
        'pageSize',
      ]),
    );
    const rule = res.body.components.schemas.Rule;
    expect(JSON.stringify(rule)).toContain('#/components/schemas/Rule');
  });

  it('renders the docs page with every path and no external resources', async () => {
    const { app } = await createTestApp();
    const res = await call(app, 'GET', '/api/docs');
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    for (const path of [
      '/api/programs',
      '/api/me/businesses/{brn}/matches',
      '/api/staff/programs/{id}/publish',
    ]) {
      expect(res.text).toContain(path);
    }
    expect(res.text).not.toMatch(/<script|https?:\/\/(?!json-schema)/);
  });

  it('has no dev routes without a dev issuer', async () => {
    const { app } = await createTestApp();
    expect(app.routes.some((r) => r.path.startsWith('/api/dev'))).toBe(false);
    expect((await call(app, 'GET', '/api/dev/users')).status).toBe(404);
  });
});
