import { ValidationError, validateRule } from '@sbiz24/shared';
import * as z from 'zod';
import { type PreviewService, SnapshotUnavailableError } from '../../services/preview';
import { HttpError } from '../errors';
import type { Resource } from '../types';
import { readJson } from '../validate';

/** The body: the draft rule; its tree is validated by the rule validator, which reports exact paths. */
export const PreviewBodySchema = z.object({ rule: z.unknown() }).strict();

function unavailable(): HttpError {
  return new HttpError(
    503,
    'SNAPSHOT_UNAVAILABLE',
    '아직 영향 미리보기에 쓸 스냅샷이 없습니다. 일괄 재계산이 한 번 끝나면 사용할 수 있습니다.',
  );
}

/** `POST /api/staff/preview`: the exact count of businesses a draft rule would qualify, over the latest snapshot. */
export function previewResource({ preview }: { preview?: PreviewService | undefined }): Resource {
  return {
    prefix: '/api/staff/preview',
    tag: '담당자: 영향 미리보기',
    routes: [
      {
        method: 'post',
        path: '/',
        summary: '초안 규칙의 정확한 대상 사업자 수 (시도별·단계별, 익명 표본 20건)',
        description:
          '최신 스냅샷(일괄 재계산 결과)에서 규칙을 오늘 날짜로 평가합니다. 응답의 snapshotAt·snapshotAgeSeconds가 스냅샷 시점을 알려 줍니다. 스냅샷이 아직 없으면 503 SNAPSHOT_UNAVAILABLE.',
        access: 'staff',
        body: PreviewBodySchema,
        success: {
          status: 200,
          description:
            '`{ total, rows, bySido, byStage, samples, snapshotAt, snapshotAgeSeconds, snapshotRunId, asOf, tookMs }`',
        },
        errors: [503],
        handler: async (c) => {
          const body = await readJson(c, PreviewBodySchema);
          const checked = validateRule(body.rule, 'rule');
          if (!checked.ok)
            throw new ValidationError('규칙이 올바르지 않습니다.', checked.errors, 'INVALID_RULE');
          if (!preview) throw unavailable();
          try {
            return c.json(await preview.preview(checked.value));
          } catch (e) {
            if (e instanceof SnapshotUnavailableError) throw unavailable();
            throw e;
          }
        },
      },
    ],
  };
}
