import { handle } from 'hono/aws-lambda';
import { createApp } from '../../http/app';
import { openApiDocs } from '../../http/docs';
import { realDeps } from '../api-deps';

/** API Gateway → `/api/openapi.json` and `/api/docs`, generated from the same route declarations as the API. */
export const handler = handle(createApp({ ...realDeps(), docs: openApiDocs }));
