import * as z from 'zod/mini';
import { renderDocsPage } from '../docs-page';
import { defineRoute, jsonResponse, reply } from '../route';
import type { Resource } from '../types';

const DOCS_TAG = '문서';

const openApiJson = defineRoute('public', {
  method: 'get',
  path: '/api/openapi.json',
  tags: [DOCS_TAG],
  summary: 'OpenAPI 3.1 문서',
  responses: { 200: jsonResponse(z.record(z.string(), z.unknown()), 'OpenAPI 3.1 JSON') },
});

const docsPage = defineRoute('public', {
  method: 'get',
  path: '/api/docs',
  tags: [DOCS_TAG],
  summary: 'API 문서 (HTML)',
  responses: {
    200: { description: '사람이 읽는 API 문서', content: { 'text/html': { schema: z.string() } } },
  },
});

/** `/api/openapi.json` and `/api/docs`, both generated from the routes the app registered (these included). */
export function docsResource(openApi: () => Record<string, unknown>): Resource {
  return (server) => {
    server.serve(openApiJson, () => reply(openApi(), 200));
    server.serve(docsPage, (c) =>
      c.html(renderDocsPage(openApi() as unknown as Parameters<typeof renderDocsPage>[0]), 200),
    );
  };
}
