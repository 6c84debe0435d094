import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { contentSecurityPolicy, SECURITY_HEADERS } from '@sbiz24/shared/security-headers';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_OWNED_BUSINESSES } from '../testing/demo';
import { call, createTestApp } from '../testing/test-app';
import { mountWebApp, webSecurityHeaders } from './web-app';

const dist = mkdtempSync(join(tmpdir(), 'sbiz24-web-'));
mkdirSync(join(dist, 'assets'));
writeFileSync(
  join(dist, 'index.html'),
  '<!doctype html><title>t</title><script type="module" src="/assets/a.js"></script>',
);
writeFileSync(join(dist, 'assets', 'a.js'), 'export {};');
afterAll(() => rmSync(dist, { recursive: true, force: true }));

/** The app as the local server assembles it: the API, then the security headers, then the web app. */
async function localServer() {
  const test = await createTestApp();
  test.app.use('*', webSecurityHeaders);
  mountWebApp(test.app, dist);
  return test;
}

describe('the local web server', () => {
  it('sends the security header table and the CSP with the app shell, its files and a missing file, no HSTS over http', async () => {
    const { app } = await localServer();
    for (const path of ['/', '/programs/youth-startup-fund', '/assets/a.js', '/assets/missing.js']) {
      const res = await call(app, 'GET', path);
      for (const [name, value] of SECURITY_HEADERS)
        expect(res.headers.get(name), `${path} ${name}`).toBe(value);
      expect(res.headers.get('content-security-policy'), path).toBe(contentSecurityPolicy());
      expect(res.headers.get('strict-transport-security')).toBeNull();
    }
  });

  it('logs the matched API route pattern, not the web app’s catch-all', async () => {
    const { app, logs } = await localServer();
    const brn = DEMO_OWNED_BUSINESSES[0]!.profile.brn;

    await call(app, 'GET', `/api/me/businesses/${brn}`, { as: 'ownerA' });
    await call(app, 'GET', `/api/me/businesses/${brn}`);
    await call(app, 'GET', '/api/no-such-route');

    const routes = logs
      .map((l) => JSON.parse(l))
      .filter((l) => l.message === 'request')
      .map((l) => `${l.status} ${l.route}`);
    expect(routes).toEqual(['200 /api/me/businesses/:brn', '401 /api/me/businesses/:brn', '404 (none)']);
    expect(logs.join('\n')).not.toContain(brn);
  });
});
