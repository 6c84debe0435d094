import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { securityHeadersFor } from '@sbiz24/shared/security-headers';
import type { Hono, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../http/types';

const NOT_BUILT_PAGE = `<!doctype html>
<html lang="ko"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>소상공인24 — 웹 앱이 빌드되지 않았습니다</title></head>
<body style="font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;line-height:1.6">
<h1>웹 앱이 아직 빌드되지 않았습니다</h1>
<p>API는 동작 중입니다: <a href="/api/docs">API 문서</a>, <a href="/api/health">/api/health</a>.</p>
<p>화면을 보려면 <code>npm run build:web</code>으로 웹 앱을 빌드한 뒤 포털을 다시 시작하세요
(<code>npm start</code>는 시작할 때 빌드합니다).</p>
<p lang="en">The web app is not built: run <code>npm run build:web</code>, then restart the portal.</p>
</body></html>`;

const isApi = (path: string) => path === '/api' || path.startsWith('/api/');

const PAGE_HEADERS = securityHeadersFor({ https: false });
/** The development mailbox shows mails as sent, inline styles and all (scripts stay blocked). */
const DEV_PAGE_HEADERS = securityHeadersFor({ https: false, csp: { inlineStyles: true } });

/**
 * The security headers of everything the local server answers outside `/api` (which sets its own from the same
 * table): the web app's files and shell, and the development pages. The local server speaks plain http, so
 * no HSTS; CloudFront sends the same table on AWS (infra/lib/web.ts). Mount it before the pages.
 */
export const webSecurityHeaders: MiddlewareHandler<AppEnv> = async (c, next) => {
  await next();
  if (isApi(c.req.path)) return;
  const headers = c.req.path.startsWith('/dev/') ? DEV_PAGE_HEADERS : PAGE_HEADERS;
  for (const [name, value] of headers) c.res.headers.set(name, value);
};

/**
 * Serves the built web app beside the API: files from `webDist`, and `index.html` for any other GET that
 * is not under /api (client-side routes such as /businesses/123). Without a build, a short Korean page says so.
 */
export function mountWebApp(app: Hono<AppEnv>, webDist: string): { built: boolean } {
  const root = resolve(webDist);
  const indexPath = join(root, 'index.html');
  if (!existsSync(indexPath)) {
    app.get('*', (c, next) => (isApi(c.req.path) ? next() : c.html(NOT_BUILT_PAGE, 503)));
    return { built: false };
  }
  const files = serveStatic<AppEnv>({
    root,
    onFound: (path, c) => {
      // Vite fingerprints everything under assets/: cache it for good; everything else revalidates.
      c.header(
        'Cache-Control',
        path.includes(`${join(root, 'assets')}`) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  app.use('*', (c, next) => (isApi(c.req.path) ? next() : files(c, next)));
  app.get('*', (c, next) => {
    // A missing file (a name with an extension) is a 404, not the app shell.
    if (isApi(c.req.path) || /\.[A-Za-z0-9]+$/.test(c.req.path)) return next();
    c.header('Cache-Control', 'no-cache');
    return c.html(readFileSync(indexPath, 'utf8'));
  });
  return { built: true };
}
