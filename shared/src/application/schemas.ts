import * as z from 'zod/mini';
import { LIFECYCLE_STAGES } from '../lifecycle/stage';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  type Application,
  STAFF_DECISION_ACTIONS,
  type SupportHistoryEntry,
} from './application';
import { DOCUMENT_KINDS, FILE_LIMITS, FileMetadataSchema } from './documents';
import { AnswerValueSchema, FORM_LIMITS } from './form';

/**
 * The API contract of applications: what the routes will take and return. Every input has a limit that is
 * checked before any work starts; messages are Korean and name the field.
 */

/** At most this many programs in one 통합신청. */
export const MAX_PROGRAMS_PER_APPLY = 10;
/** At most this many applications in one bulk decision request. */
export const MAX_BULK_DECISION_IDS = 500;
/** Staff queue page size (newest first). */
export const STAFF_QUEUE_PAGE_SIZE = 50;
export const MAX_MESSAGE_LENGTH = 1000;

const programId = z
  .string()
  .check(z.regex(/^[a-z0-9][a-z0-9-]{1,63}$/, { message: '사업 ID(programIds)가 올바르지 않습니다.' }));
export const ApplicationIdSchema = z
  .string()
  .check(z.regex(/^[A-Za-z0-9_-]{16,40}$/, { message: '신청 ID가 올바르지 않습니다.' }));
const version = z
  .number({ message: '버전(version)은 숫자여야 합니다.' })
  .check(
    z.int({ message: '버전(version)은 정수여야 합니다.' }),
    z.minimum(1, { message: '버전(version)은 1 이상이어야 합니다.' }),
  );
const message = z
  .string({ message: '사유(message)는 글자여야 합니다.' })
  .check(
    z.trim(),
    z.maxLength(MAX_MESSAGE_LENGTH, { message: `사유(message)는 ${MAX_MESSAGE_LENGTH}자 이하여야 합니다.` }),
  );
const amount = z
  .number({ message: '금액(amount)은 숫자여야 합니다.' })
  .check(
    z.int({ message: '금액(amount)은 원 단위 정수여야 합니다.' }),
    z.minimum(1, { message: '금액(amount)은 1원 이상이어야 합니다.' }),
    z.maximum(1e13, { message: '금액(amount)이 너무 큽니다.' }),
  );

const answersOfOneProgram = z.record(z.string().check(z.maxLength(40)), AnswerValueSchema).check(
  z.refine((a) => Object.keys(a).length <= FORM_LIMITS.maxFields, {
    message: `신청서 답변(answers)은 사업별 ${FORM_LIMITS.maxFields}개 이하여야 합니다.`,
  }),
);

/** `POST /api/me/businesses/:brn/applications`: 통합신청 to one or more programs. */
export const ApplyRequestSchema = z
  .strictObject({
    programIds: z.array(programId).check(
      z.minLength(1, { message: '신청할 사업(programIds)을 하나 이상 선택해 주세요.' }),
      z.maxLength(MAX_PROGRAMS_PER_APPLY, {
        message: `한 번에 ${MAX_PROGRAMS_PER_APPLY}개 사업까지 신청할 수 있습니다.`,
      }),
      z.refine((ids) => new Set(ids).size === ids.length, {
        message: '같은 사업(programIds)이 두 번 들어 있습니다.',
      }),
    ),
    /** Answers by program id, then by field id. */
    answers: z.optional(
      z.record(programId, answersOfOneProgram).check(
        z.refine((a) => Object.keys(a).length <= MAX_PROGRAMS_PER_APPLY, {
          message: `신청서 답변(answers)은 ${MAX_PROGRAMS_PER_APPLY}개 사업까지입니다.`,
        }),
      ),
    ),
    idempotencyKey: z.string({ message: '중복 방지 키(idempotencyKey)가 필요합니다.' }).check(
      z.regex(/^[A-Za-z0-9_-]{8,64}$/, {
        message: '중복 방지 키(idempotencyKey)는 영문·숫자 8~64자여야 합니다.',
      }),
    ),
  })
  .check(
    z.superRefine((r, ctx) => {
      for (const id of Object.keys(r.answers ?? {})) {
        if (!r.programIds.includes(id))
          ctx.addIssue({
            code: 'custom',
            path: ['answers', id],
            message: '신청하지 않는 사업의 답변(answers)입니다.',
          });
      }
    }),
  );
export type ApplyRequest = z.output<typeof ApplyRequestSchema>;

/** `POST /api/me/applications/:id/withdraw`. */
export const WithdrawRequestSchema = z.strictObject({ version });
export type WithdrawRequest = z.output<typeof WithdrawRequestSchema>;

/** `POST /api/me/applications/:id/supplement`: the owner's response to a supplement request. */
export const SupplementResponseRequestSchema = z.strictObject({
  version,
  message: message.check(z.minLength(1, { message: '보완 내용(message)을 입력해 주세요.' })),
  files: z.optional(
    z.array(FileMetadataSchema).check(
      z.maxLength(FILE_LIMITS.maxFilesPerRequest, {
        message: `파일(files)은 ${FILE_LIMITS.maxFilesPerRequest}개까지 첨부할 수 있습니다.`,
      }),
    ),
  ),
});
export type SupplementResponseRequest = z.output<typeof SupplementResponseRequestSchema>;

function decisionNeeds(
  d: {
    action: (typeof STAFF_DECISION_ACTIONS)[number];
    amount?: number | undefined;
    message?: string | undefined;
  },
  ctx: z.core.$RefinementCtx,
): void {
  if ((d.action === 'reject' || d.action === 'request-supplement') && !d.message) {
    ctx.addIssue({
      code: 'custom',
      path: ['message'],
      message:
        d.action === 'reject'
          ? '미선정 사유(message)를 입력해 주세요.'
          : '보완 요청 내용(message)을 입력해 주세요.',
    });
  }
  if (d.action === 'approve' && d.amount === undefined) {
    ctx.addIssue({ code: 'custom', path: ['amount'], message: '선정 금액(amount)을 입력해 주세요.' });
  }
  if (d.action !== 'approve' && d.amount !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['amount'], message: '금액(amount)은 선정할 때만 입력합니다.' });
  }
}

const decisionAction = z.enum(STAFF_DECISION_ACTIONS, {
  message: '결정(action)은 start-review, request-supplement, approve, reject 중 하나여야 합니다.',
});

/** `POST /api/staff/applications/:id/decision`. */
export const DecisionRequestSchema = z
  .strictObject({ version, action: decisionAction, amount: z.optional(amount), message: z.optional(message) })
  .check(z.superRefine(decisionNeeds));
export type DecisionRequest = z.output<typeof DecisionRequestSchema>;

/** `POST /api/staff/applications/bulk-decision`: each id is decided (at its current version) or refused on its own. */
export const BulkDecisionRequestSchema = z
  .strictObject({
    ids: z.array(ApplicationIdSchema).check(
      z.minLength(1, { message: '신청(ids)을 하나 이상 선택해 주세요.' }),
      z.maxLength(MAX_BULK_DECISION_IDS, {
        message: `한 번에 ${MAX_BULK_DECISION_IDS}건까지 처리할 수 있습니다.`,
      }),
      z.refine((ids) => new Set(ids).size === ids.length, {
        message: '같은 신청(ids)이 두 번 들어 있습니다.',
      }),
    ),
    action: decisionAction,
    amount: z.optional(amount),
    message: z.optional(message),
  })
  .check(z.superRefine(decisionNeeds));
export type BulkDecisionRequest = z.output<typeof BulkDecisionRequestSchema>;

/** `GET /api/staff/applications?programId=&status=&sido=&stage=&cursor=`. */
export const StaffQueueQuerySchema = z.strictObject({
  programId,
  status: z.optional(z.enum(APPLICATION_STATUSES, { message: '상태(status)가 올바르지 않습니다.' })),
  sido: z.optional(
    z.string().check(z.regex(/^\d{2}$/, { message: '시도(sido)는 두 자리 코드여야 합니다.' })),
  ),
  stage: z.optional(z.enum(LIFECYCLE_STAGES, { message: '단계(stage)가 올바르지 않습니다.' })),
  cursor: z.optional(z.string().check(z.maxLength(2000, { message: '페이지 정보(cursor)가 너무 깁니다.' }))),
});
export type StaffQueueQuery = z.output<typeof StaffQueueQuerySchema>;

// Responses

const ReasonSchema = z.object({
  path: z.string(),
  type: z.string(),
  met: z.nullable(z.boolean()),
  text: z.string(),
  textEn: z.string(),
});

export const TimelineEntrySchema = z.object({
  at: z.string(),
  action: z.enum([...APPLICATION_ACTIONS, 'submit']),
  from: z.optional(z.enum(APPLICATION_STATUSES)),
  to: z.enum(APPLICATION_STATUSES),
  actor: z.enum(['owner', 'staff', 'system']),
  actorId: z.string(),
  message: z.optional(z.string()),
  amount: z.optional(z.number()),
  files: z.optional(z.array(FileMetadataSchema)),
});

export const DocumentStatusSchema = z.object({
  id: z.string(),
  kind: z.enum(DOCUMENT_KINDS),
  label: z.string(),
  labelEn: z.optional(z.string()),
  required: z.boolean(),
  state: z.enum(['confirmed', 'needed']),
  source: z.optional(z.string()),
});

export const ApplicationSchema = z.object({
  id: z.string(),
  brn: z.string(),
  ownerId: z.string(),
  programId: z.string(),
  agencyId: z.string(),
  sido: z.string(),
  stage: z.nullable(z.string()),
  status: z.enum(APPLICATION_STATUSES),
  version: z.number().check(z.int()),
  submittedAt: z.string(),
  updatedAt: z.string(),
  answers: z.record(z.string(), AnswerValueSchema),
  documents: z.array(DocumentStatusSchema),
  snapshot: z.object({
    profile: z.looseObject({
      brn: z.string(),
      tradeName: z.string(),
      regionCode: z.string(),
      ksic: z.string(),
    }),
    programVersion: z.number().check(z.int()),
    programTitle: z.string(),
    reasons: z.array(ReasonSchema),
    asOf: z.string(),
  }),
  amount: z.optional(z.number()),
  supplementRounds: z.number().check(z.int()),
  timeline: z.array(TimelineEntrySchema),
});

export const ApplicationListResponseSchema = z.object({
  items: z.array(ApplicationSchema),
  cursor: z.optional(z.string()),
});
export type ApplicationListResponse = { items: Application[]; cursor?: string };

/** Staff see the reasons at submission (in the snapshot) and re-evaluated now. */
export const StaffApplicationResponseSchema = z.extend(ApplicationSchema, {
  reasonsNow: z.array(ReasonSchema),
  eligibleNow: z.nullable(z.boolean()),
});

/** One program that failed the 통합신청 checks: the whole request created nothing. */
export const APPLY_FAILURE_CODES = [
  'PROGRAM_NOT_FOUND',
  'PROGRAM_NOT_OPEN',
  'NOT_ELIGIBLE',
  'ALREADY_APPLIED',
  'INCOMPLETE_FORM',
] as const;
export type ApplyFailureCode = (typeof APPLY_FAILURE_CODES)[number];

export const ApplyFailureSchema = z.object({
  programId: z.string(),
  code: z.enum(APPLY_FAILURE_CODES),
  message: z.string(),
  fields: z.optional(z.array(z.object({ fieldId: z.string(), message: z.string() }))),
});
export type ApplyFailure = z.output<typeof ApplyFailureSchema>;

export const BulkDecisionResultSchema = z.discriminatedUnion('ok', [
  z.object({
    id: z.string(),
    ok: z.literal(true),
    status: z.enum(APPLICATION_STATUSES),
    version: z.number().check(z.int()),
  }),
  z.object({ id: z.string(), ok: z.literal(false), code: z.string(), message: z.string() }),
]);
export type BulkDecisionResult = z.output<typeof BulkDecisionResultSchema>;

export const BulkDecisionResponseSchema = z.object({ results: z.array(BulkDecisionResultSchema) });

export const SupportHistoryEntrySchema = z.object({
  programId: z.string(),
  programTitle: z.optional(z.string()),
  year: z.number().check(z.int()),
  amount: z.optional(z.number()),
  source: z.enum(['portal', 'self']),
  applicationId: z.optional(z.string()),
});
export const SupportHistoryResponseSchema = z.object({ items: z.array(SupportHistoryEntrySchema) });
export type SupportHistoryResponse = { items: SupportHistoryEntry[] };

/** Per-status counts of one program's applications (the staff queue's tabs). */
export const ApplicationCountsSchema = z.record(z.enum(APPLICATION_STATUSES), z.number().check(z.int()));
