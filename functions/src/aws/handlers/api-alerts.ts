import { handle } from 'hono/aws-lambda';
import { createApp } from '../../http/app';
import { alertRoutes } from '../api-alerts';
import { realDeps } from '../api-deps';
import { apiConfig } from '../config';

/**
 * API Gateway → `/api/me/alert-settings`, `/api/me/contacts/*` and `/api/alerts/*`: the API app with the alert
 * settings routes, the SES grant and the signing key, which the main API function does without.
 */
const deps = realDeps();
export const handler = handle(createApp({ ...deps, routes: [alertRoutes(deps, apiConfig().alerts)] }));
