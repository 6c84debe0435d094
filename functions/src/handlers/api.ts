import { handle } from 'hono/aws-lambda';
import { createApp } from '../api/app';
import { realDeps } from '../lib/real-deps';

/** API Gateway (HTTP API) → the portal API. */
export const handler = handle(createApp(realDeps()));
