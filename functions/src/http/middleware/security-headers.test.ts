import { createHash } from 'node:crypto';
import {
  contentSecurityPolicy,
  DOCS_STYLE_HASH,
  SECURITY_HEADERS,
  STRICT_TRANSPORT_SECURITY,
} from '@sbiz24/shared/security-headers';
import { describe, expect, it } from 'vitest';
import { call, createTestApp } from '../../testing/test-app';
import { DOCS_STYLESHEET } from '../docs-page';

describe('API security headers', () => {
  it('sends every header of the table and the CSP on success and error responses alike, no HSTS over http', async () => {
    const { app } = await createTestApp();
    for (const path of ['/api/health', '/api/programs/no-such-program', '/api/docs']) {
      const res = await call(app, 'GET', path);
      for (const [name, value] of SECURITY_HEADERS)
        expect(res.headers.get(name), `${path} ${name}`).toBe(value);
      expect(res.headers.get('content-security-policy')).toBe(contentSecurityPolicy());
      expect(res.headers.get('strict-transport-security')).toBeNull();
      expect(res.headers.get('x-powered-by')).toBeNull();
    }
  });

  it('adds HSTS when the request came over HTTPS, as on Lambda', async () => {
    const { app } = await createTestApp();

    const res = await app.request('https://api.example.test/api/health');

    expect(res.headers.get('strict-transport-security')).toBe(STRICT_TRANSPORT_SECURITY);
  });

  it('allows no inline script and only the docs page stylesheet, by its hash', async () => {
    const { app } = await createTestApp();
    const csp = contentSecurityPolicy();
    const html = (await call(app, 'GET', '/api/docs')).text;
    const hash = `'sha256-${createHash('sha256').update(DOCS_STYLESHEET, 'utf8').digest('base64')}'`;

    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/unsafe-(inline|eval)/);
    expect(DOCS_STYLE_HASH, 'the docs stylesheet changed: put its new hash in security-headers.ts').toBe(
      hash,
    );
    expect(html).toContain(`<style>${DOCS_STYLESHEET}</style>`);
    expect(html.match(/<style>/g)).toHaveLength(1);
    expect(html).not.toMatch(/<script|\son[a-z]+=|style="/i);
  });
});
