import { randomUUID } from 'node:crypto';
import type { Logger } from '@aws-lambda-powertools/logger';
import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../types';

const SAFE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** The API Gateway request id when running behind hono/aws-lambda. */
function gatewayRequestId(env: unknown): string | undefined {
  const id = (env as { event?: { requestContext?: { requestId?: unknown } } } | undefined)?.event
    ?.requestContext?.requestId;
  return typeof id === 'string' && SAFE_ID.test(id) ? id : undefined;
}

/**
 * Gives every request a correlation id (the caller's `x-correlation-id`, else the API Gateway request id,
 * else a new one), echoes it in the response, and logs one line per request. The line names the route
 * pattern (`/api/me/businesses/:brn`), never the concrete path, so registration numbers stay out of logs;
 * bodies, tokens and names are never logged.
 */
export function requestContext(logger: Logger): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const given = c.req.header('x-correlation-id');
    const correlationId =
      (given && SAFE_ID.test(given) ? given : undefined) ?? gatewayRequestId(c.env) ?? randomUUID();
    const child = logger.createChild({ persistentKeys: { correlation_id: correlationId } });
    c.set('correlationId', correlationId);
    c.set('logger', child);
    const started = performance.now();
    await next();
    c.header('x-correlation-id', correlationId);
    const status = c.res.status;
    const entry = {
      method: c.req.method,
      // No route matched (404, 405): say so, never the concrete path.
      route: c.get('route') ?? '(none)',
      status,
      durationMs: Math.round(performance.now() - started),
      ...(c.get('caller') ? { role: c.get('caller')!.role } : {}),
    };
    if (status >= 500) child.error('request', entry);
    else child.info('request', entry);
  };
}
