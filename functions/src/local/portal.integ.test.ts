import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_CLAIMABLE_BUSINESSES } from './demo-data';
import { PortalAlreadyRunningError } from './lock';
import { type RunningPortal, startPortal } from './portal';

const root = mkdtempSync(join(tmpdir(), 'sbiz24-portal-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function quietLog() {
  const lines: string[] = [];
  return {
    lines,
    log: {
      log: (...a: unknown[]) => lines.push(a.join(' ')),
      error: (...a: unknown[]) => lines.push(a.join(' ')),
    },
  };
}

async function json(portal: RunningPortal, path: string, init: RequestInit = {}, token?: string) {
  const res = await fetch(`${portal.url}${path}`, {
    ...init,
    headers: {
      ...(init.body ? { 'content-type': 'application/json' } : {}),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
  });
  // biome-ignore lint/suspicious/noExplicitAny: inspected field by field
  return { status: res.status, body: (await res.json()) as any };
}

async function login(portal: RunningPortal, userId: string): Promise<string> {
  return (await json(portal, '/api/dev/login', { method: 'POST', body: JSON.stringify({ userId }) })).body
    .token;
}

describe('the local portal', () => {
  const dataDir = join(root, 'data');
  const webDist = join(root, 'no-web');

  it('starts on a free port, seeds once, refuses a second start on the same folder, and keeps data over a restart', async () => {
    const first = quietLog();
    const portal = await startPortal({ port: 0, dataDir, seedBusinesses: 300, webDist, log: first.log });
    try {
      expect(portal.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      expect((await json(portal, '/api/health')).body.status).toBe('ok');
      expect(first.lines.join('\n')).toContain('데모 데이터 완료');
      const info = JSON.parse(readFileSync(join(dataDir, 'portal.json'), 'utf8'));
      expect(info).toMatchObject({
        pid: process.pid,
        url: portal.url,
        dynamoEndpoint: expect.stringMatching(/^http/),
      });

      const users = (await json(portal, '/api/dev/users')).body.users;
      expect(users.map((u: { role: string }) => u.role).sort()).toEqual([
        'admin',
        'owner',
        'owner',
        'staff',
        'staff',
      ]);
      const token = await login(portal, 'owner-park');
      const b = DEMO_CLAIMABLE_BUSINESSES[1]!.profile;
      const claim = await json(
        portal,
        '/api/me/businesses/claim',
        {
          method: 'POST',
          body: JSON.stringify({
            brn: b.brn,
            representativeName: b.representativeName,
            openingDate: b.openingDate,
          }),
        },
        token,
      );
      expect(claim.status).toBe(201);

      const second = startPortal({ port: 0, dataDir, seedBusinesses: 300, webDist, log: quietLog().log });
      await expect(second).rejects.toBeInstanceOf(PortalAlreadyRunningError);
      await expect(second).rejects.toThrow(new RegExp(`PID ${process.pid}.*포트 ${portal.port}`));
    } finally {
      await portal.stop();
    }
    expect(existsSync(join(dataDir, 'portal.lock'))).toBe(false);
    expect(existsSync(join(dataDir, 'portal.json'))).toBe(false);

    const again = quietLog();
    const restarted = await startPortal({ port: 0, dataDir, seedBusinesses: 300, webDist, log: again.log });
    try {
      expect(again.lines.join('\n')).not.toContain('데모 데이터');
      const token = await login(restarted, 'owner-park');
      const mine = await json(restarted, '/api/me/businesses', {}, token);
      expect(mine.body.items.map((x: { brn: string }) => x.brn)).toContain(
        DEMO_CLAIMABLE_BUSINESSES[1]!.profile.brn,
      );
    } finally {
      await restarted.stop();
    }
  });

  it('serves the web build with a fallback to index.html, and a Korean page when it is missing', async () => {
    const dist = join(root, 'dist');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(join(dist, 'index.html'), '<!doctype html><title>소상공인24</title><div id="root"></div>');
    writeFileSync(join(dist, 'assets', 'app.js'), 'console.log(1)');
    const portal = await startPortal({
      port: 0,
      dataDir: join(root, 'web'),
      seedBusinesses: 0,
      webDist: dist,
      log: quietLog().log,
    });
    try {
      const page = await fetch(`${portal.url}/businesses/123/matches`);
      expect(await page.text()).toContain('<div id="root">');
      const asset = await fetch(`${portal.url}/assets/app.js`);
      expect(asset.headers.get('cache-control')).toContain('immutable');
      expect(await asset.text()).toBe('console.log(1)');
      expect((await fetch(`${portal.url}/assets/missing.js`)).status).toBe(404);
      const api404 = await json(portal, '/api/unknown');
      expect(api404.body.error.code).toBe('NOT_FOUND');
    } finally {
      await portal.stop();
    }

    const bare = await startPortal({
      port: 0,
      dataDir: join(root, 'web'),
      seedBusinesses: 0,
      webDist: join(root, 'none'),
      log: quietLog().log,
    });
    try {
      const res = await fetch(`${bare.url}/`);
      expect(res.status).toBe(503);
      expect(await res.text()).toContain('웹 앱이 아직 빌드되지 않았습니다');
    } finally {
      await bare.stop();
    }
  });
});
