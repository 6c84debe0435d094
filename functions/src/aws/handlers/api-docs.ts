import { handle } from 'hono/aws-lambda';
import { createApp } from '../../http/app';
import { openApiDocs } from '../../http/docs';
import { alertRoutes } from '../api-alerts';
import { applicationRoutesOnAws } from '../api-applications';
import { realDeps } from '../api-deps';
import { apiConfig } from '../config';

/**
 * API Gateway → `/api/openapi.json` and `/api/docs`, generated from the same route declarations as the API
 * and the application and alerts functions (their routes are registered here only to be documented: no key, no SES).
 */
const deps = realDeps();
export const handler = handle(
  createApp({
    ...deps,
    docs: openApiDocs,
    routes: [applicationRoutesOnAws(deps, { tableName: apiConfig().tableName }), alertRoutes(deps)],
  }),
);
