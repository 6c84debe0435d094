import { handle } from 'hono/aws-lambda';
import { createApp } from '../../http/app';
import { realDeps } from '../api-deps';

/** API Gateway (HTTP API) → the portal API. */
export const handler = handle(createApp(realDeps()));
