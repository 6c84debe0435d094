import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
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
import { businessesResource } from './routes/businesses';
import { disastersResource } from './routes/disasters';
import { docsResource } from './routes/docs';
import { healthResource } from './routes/health';
import { meResource } from './routes/me';
import { previewResource } from './routes/preview';
import { programsResource } from './routes/programs';
import { staffDisastersResource } from './routes/staff-disasters';
import { staffProgramsResource } from './routes/staff-programs';
import type { AppDeps, AppEnv, Resource } from './types';

/** Largest request body accepted: a program draft with 40 example profiles is well under this. */
export const MAX_BODY_BYTES = 256 * 1024;

export type App = Hono<AppEnv>;

/**
 * The portal API: one Hono app for Lambda (hono/aws-lambda) and for the local server (@hono/node-server).
 * Every route is declared once in a resource (path, access rule, schemas, handler); the app registers them
 * and the OpenAPI document is generated from the same list.
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
    meResource({ repos }),
    businessesResource({ businesses, matches }),
    staffProgramsResource({ programs: staffPrograms, clock }),
    staffDisastersResource({ disasters }),
    previewResource({ preview: deps.preview }),
  ];
  if (deps.devAuth) resources.push(deps.devAuth.routes());
  resources.push(docsResource(() => resources));

  const app = new Hono<AppEnv>();
  app.use('/api/*', requestContext(logger));
  app.use('/api/*', secureHeaders({ crossOriginResourcePolicy: 'same-origin' }));
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: (c) =>
        errorResponse(
          c,
          413,
          'PAYLOAD_TOO_LARGE',
          `요청 본문이 너무 큽니다 (최대 ${MAX_BODY_BYTES / 1024}KB).`,
        ),
    }),
  );
  for (const resource of resources) {
    const sub = new Hono<AppEnv>();
    for (const route of resource.routes) {
      sub.on(route.method.toUpperCase(), route.path, requireAccess(route.access, verifyToken), route.handler);
    }
    app.route(resource.prefix, sub);
  }
  app.notFound(notFound);
  app.onError(onError);
  return app;
}
