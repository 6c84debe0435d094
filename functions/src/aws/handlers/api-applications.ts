import { handle } from 'hono/aws-lambda';
import { createApp } from '../../http/app';
import { applicationRoutesOnAws } from '../api-applications';
import { realDeps } from '../api-deps';

/**
 * API Gateway → the application routes (`APPLICATION_ROUTES` in infra/lib/api.ts): the API app with 통합신청,
 * 신청 현황, files and the staff review, and the upload bucket's grants, which the main API function does without.
 */
const deps = realDeps();
export const handler = handle(createApp({ ...deps, routes: [applicationRoutesOnAws(deps)] }));
