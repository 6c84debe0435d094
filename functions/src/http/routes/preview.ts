import { type FieldError, ValidationError } from '@sbiz24/shared';
import { PreviewRequestSchema, PreviewResponseSchema } from '@sbiz24/shared/contract/staff';
import { type PreviewService, SnapshotUnavailableError } from '../../services/preview';
import { createFailureLimiter } from '../../services/rate-limiter';
import { HttpError } from '../errors';
import { callerOf } from '../middleware/auth';
import { defineRoute, jsonRequest, jsonResponse, reply } from '../route';
import type { Resource } from '../types';

function unavailable(): HttpError {
  return new HttpError(
    503,
    'SNAPSHOT_UNAVAILABLE',
    '아직 영향 미리보기에 쓸 스냅샷이 없습니다. 일괄 재계산이 한 번 끝나면 사용할 수 있습니다.',
  );
}

const preview = defineRoute(
  'staff',
  {
    method: 'post',
    path: '/api/staff/preview',
    tags: ['담당자: 영향 미리보기'],
    summary: '초안 규칙의 정확한 대상 사업자 수 (시도별·단계별, 익명 표본 20건)',
    description:
      '최신 스냅샷에서 오늘 날짜로 평가합니다 (snapshotAt이 그 시점). 규칙이 틀리면 400 INVALID_RULE, 스냅샷이 없으면 503.',
    request: { body: jsonRequest(PreviewRequestSchema) },
    responses: {
      200: jsonResponse(PreviewResponseSchema),
    },
  },
  [429, 503],
);

/**
 * The preview is the most expensive request (a pass over the whole snapshot): each staff member may ask it
 * this often. In memory, per process locally and per Lambda container on AWS, so with N warm containers a
 * user could reach N × the limit at most; a brake on a stuck key or a script, not a global quota.
 */
export const PREVIEW_RATE_LIMIT = { limit: 10, windowMs: 60_000 } as const;

/** `POST /api/staff/preview`: the exact count of businesses a draft rule would qualify, over the latest snapshot. */
export function previewResource({
  preview: service,
  clock,
}: {
  preview?: PreviewService | undefined;
  clock: () => Date;
}): Resource {
  const limiter = createFailureLimiter({
    ...PREVIEW_RATE_LIMIT,
    clock,
    message: `영향 미리보기는 1분에 ${PREVIEW_RATE_LIMIT.limit}번까지 할 수 있습니다. 잠시 후 다시 시도해 주세요.`,
  });
  return (server) => {
    server.serve(
      preview,
      async (c, input) => {
        // Counted before any work, whatever the outcome: the cost is the pass over the snapshot.
        const { sub } = callerOf(c);
        limiter.check(sub);
        limiter.recordFailure(sub);
        if (!service) throw unavailable();
        try {
          return reply(await service.preview(input.body.rule), 200);
        } catch (e) {
          if (e instanceof SnapshotUnavailableError) throw unavailable();
          throw e;
        }
      },
      // A body refused only for its rule says so (INVALID_RULE), with the rule validator's exact paths.
      (e) => {
        const details = e instanceof ValidationError ? (e.details as FieldError[]) : [];
        if (details.length > 0 && details.every((d) => d.path === 'rule' || d.path.startsWith('rule.')))
          throw new ValidationError('규칙이 올바르지 않습니다.', details, 'INVALID_RULE');
        throw e;
      },
    );
  };
}
