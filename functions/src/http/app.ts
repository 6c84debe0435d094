import { bodyLimit } from 'hono/body-limit';
import { Hono } from 'hono/tiny';
import { createBusinessService } from '../services/business-service';
import { createCatalogCache } from '../services/catalog-cache';
import { CATALOG_EVENT_FAILED_MESSAGE } from '../services/catalog-events';
import { createDisasterService } from '../services/disaster-service';
import { createMatchService } from '../services/match-service';
import { createStaffProgramService } from '../services/staff-program-service';
import type { ProgramChangeEvent } from '../services/types';
import { requireAccess } from './middleware/auth';
import { errorResponse, notFound, onError } from './middleware/error-handler';
import { requestContext } from './middleware/request-context';
import { securityHeaders } from './middleware/security-headers';
import { createServer, isCsvBody, MAX_CSV_BODY_BYTES, type RouteList } from './route';
import { businessesResource } from './routes/businesses';
import { disastersResource } from './routes/disasters';
import { healthResource } from './routes/health';
import { meResource } from './routes/me';
import { previewResource } from './routes/preview';
import { programsResource } from './routes/programs';
import { staffDisastersResource } from './routes/staff-disasters';
import { staffProgramsResource } from './routes/staff-programs';
import type { AppDeps, AppEnv, Resource } from './types';
import { jsonBody } from './validate';

/** Largest request body accepted: a program draft with 40 example profiles is well under this. */
export const MAX_BODY_BYTES = 256 * 1024;

export type App = Hono<AppEnv>;

const formatBytes = (n: number) => (n >= 1024 * 1024 ? `${n / 1024 / 1024}MB` : `${n / 1024}KB`);

/**
 * The portal API: one Hono app for Lambda (hono/aws-lambda) and for the local server (@hono/node-server).
 * Every route is declared once in a resource (path, access rule, contract schemas, handler); the app
 * registers and validates it, and the OpenAPI document and docs page are generated from the same routes.
 */
export function createApp(deps: AppDeps): App {
  const { repos, clock, logger, verifyToken } = deps;
  const catalog =
    deps.catalogCache ?? createCatalogCache({ programs: repos.programs, disasters: repos.disasters, clock });
  const notify = async (event: ProgramChangeEvent): Promise<void> => {
    try {
      await deps.onProgramChanged?.(event);
    } catch (err) {
      logger.error(CATALOG_EVENT_FAILED_MESSAGE, { eventType: event.type, error: err as Error });
    }
  };

  const businesses = createBusinessService({ repos, clock });
  const matches = createMatchService({ catalog, clock });
  const staffPrograms = createStaffProgramService({ repos, clock, catalog, notify });
  const disasters = createDisasterService({ repos, clock, catalog, notify });
  const resources: Resource[] = [
    healthResource({ clock }),
    programsResource({ catalog, clock }),
    disastersResource({ catalog }),
    meResource(),
    businessesResource({ businesses, matches }),
    staffProgramsResource({ programs: staffPrograms, clock }),
    staffDisastersResource({ disasters }),
    previewResource({ preview: deps.preview, clock }),
  ];
  if (deps.devAuth) resources.push(deps.devAuth.routes());
  resources.push(...(deps.routes ?? []));

  const app = new Hono<AppEnv>();
  app.use('/api/*', requestContext(logger));
  app.use('/api/*', securityHeaders);
  // JSON bodies up to MAX_BODY_BYTES; CSV uploads (damage lists, bank results) up to MAX_CSV_BODY_BYTES, each
  // route's own limit checked again when it reads them. Content-Length is checked before anything is read.
  const tooLarge = (max: number) =>
    bodyLimit({
      maxSize: max,
      onError: (c) =>
        errorResponse(c, 413, 'PAYLOAD_TOO_LARGE', `요청 본문이 너무 큽니다 (최대 ${formatBytes(max)}).`),
    });
  const jsonLimit = tooLarge(MAX_BODY_BYTES);
  const csvLimit = tooLarge(MAX_CSV_BODY_BYTES);
  app.use('/api/*', (c, next) =>
    /^text\/csv\b/i.test(c.req.header('content-type') ?? '') ? csvLimit(c, next) : jsonLimit(c, next),
  );
  const routes: RouteList = [];
  const server = createServer(
    app,
    (route) => [
      requireAccess(route['x-access'], verifyToken),
      ...(route.request?.body && !isCsvBody(route.request.body) ? [jsonBody] : []),
    ],
    routes,
  );
  for (const serve of resources) serve(server);
  // The OpenAPI document and docs page, when this app serves them (not the API Lambda: see http/docs.ts).
  deps.docs?.(routes)(server);

  const methodsOf = allowedMethods(routes);
  app.notFound((c) => {
    const allowed = methodsOf(c.req.path);
    if (allowed.length === 0) return notFound(c);
    c.header('Allow', allowed.join(', '));
    return errorResponse(
      c,
      405,
      'METHOD_NOT_ALLOWED',
      `이 주소는 ${c.req.method} 요청을 받지 않습니다 (허용: ${allowed.join(', ')}).`,
    );
  });
  app.onError(onError);
  return app;
}

/**
 * The methods the app answers on a path, from its registered routes (GET implies HEAD, as Hono serves it):
 * a known path asked with another method gets 405 and these in `Allow`, not 404.
 */
function allowedMethods(routes: RouteList): (path: string) => string[] {
  const patterns = new Map<string, { re: RegExp; methods: Set<string> }>();
  for (const r of routes) {
    const entry = patterns.get(r.path) ?? {
      re: new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+')}$`),
      methods: new Set<string>(),
    };
    const method = r.method.toUpperCase();
    entry.methods.add(method);
    if (method === 'GET') entry.methods.add('HEAD');
    patterns.set(r.path, entry);
  }
  return (path) => {
    const methods = new Set<string>();
    for (const { re, methods: m } of patterns.values()) if (re.test(path)) for (const x of m) methods.add(x);
    return [...methods].sort();
  };
}
