import { buildOpenApi } from './openapi';
import type { RouteList } from './route';
import { docsResource } from './routes/docs';
import type { Resource } from './types';

/**
 * `/api/openapi.json` and `/api/docs`, generated once from the routes the app registered. Kept out of the
 * API Lambda (its bundle has a 250 KB ceiling, and zod's JSON Schema generator is 21 KB): on AWS
 * a separate function serves these two paths; locally and in tests the one app serves everything.
 */
export function openApiDocs(routes: RouteList): Resource {
  let doc: Record<string, unknown> | undefined;
  return docsResource(() => {
    doc ??= buildOpenApi(routes);
    return doc;
  });
}
