import { renderDocsPage } from '../docs-page';
import { buildOpenApi } from '../openapi';
import type { Resource } from '../types';

/** `/api/openapi.json` and `/api/docs`, generated from every resource the app registers (including these). */
export function docsResource(all: () => readonly Resource[]): Resource {
  let doc: Record<string, unknown> | undefined;
  const openApi = () => {
    doc ??= buildOpenApi(all(), { version: '0.1.0' });
    return doc;
  };
  return {
    prefix: '/api',
    tag: '문서',
    routes: [
      {
        method: 'get',
        path: '/openapi.json',
        summary: 'OpenAPI 3.1 문서',
        access: 'public',
        success: { status: 200, description: 'OpenAPI 3.1 JSON' },
        handler: (c) => c.json(openApi()),
      },
      {
        method: 'get',
        path: '/docs',
        summary: 'API 문서 (HTML)',
        access: 'public',
        success: { status: 200, description: '사람이 읽는 API 문서', contentType: 'text/html' },
        handler: (c) => c.html(renderDocsPage(openApi() as unknown as Parameters<typeof renderDocsPage>[0])),
      },
    ],
  };
}
