import { securityHeadersFor } from '@sbiz24/shared/security-headers';
import type { MiddlewareHandler } from 'hono';

/** Over plain http (the local server) and over HTTPS (API Gateway and CloudFront): HSTS only on the latter. */
const PLAIN = securityHeadersFor({ https: false });
const SECURE = securityHeadersFor({ https: true });

/**
 * The security headers of every API response, from the one table in `@sbiz24/shared/security-headers` that
 * the local web server and CloudFront's response headers policy read too. HSTS goes out only when the request
 * came over HTTPS (on Lambda, hono/aws-lambda builds an https:// URL; API Gateway only speaks TLS).
 */
export const securityHeaders: MiddlewareHandler = async (c, next) => {
  await next();
  const headers = c.req.url.startsWith('https:') ? SECURE : PLAIN;
  for (const [name, value] of headers) c.res.headers.set(name, value);
  c.res.headers.delete('X-Powered-By');
};
