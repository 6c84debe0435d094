import * as z from 'zod/mini';
import {
  APPLICATION_ACTIONS,
  APPLICATION_STATUSES,
  STAFF_DECISION_ACTIONS,
} from '../application/application';
import { DOCUMENT_KINDS, FILE_LIMITS, FILE_TYPES } from '../application/documents';
import { FORM_LIMITS, FormFieldSchema } from '../application/form';
import { SLUG_PATTERN } from '../formats';
import { LIFECYCLE_STAGES } from '../lifecycle/stage';
import { BusinessProfileSchema } from '../profile/profile';
import {
  ACCOUNT_HOLDER_MAX_LENGTH,
  ACCOUNT_NUMBER_MAX_INPUT,
  ACCOUNT_NUMBER_MESSAGES,
  BANK_CODES,
  parseAccountNumber,
} from '../relief/bank-account';
import { ReasonSchema } from './businesses';
import { TimestampSchema } from './common';

/**
 * The applications API (issue 12): 통합신청, 신청 현황, 보완, 지원 이력, files, and the staff review queue,
 * decisions, bulk decisions, statistics and CSV export. Every input has a limit checked before any work starts
 * (docs/limits.md); messages are Korean and name the field. Written with zod/mini (functional API).
 */

// Limits

/** At most this many programs in one 통합신청. */
export const MAX_PROGRAMS_PER_APPLY = 10;
/** At most this many applications in one bulk decision request. */
export const MAX_BULK_DECISION_IDS = 500;
/** Staff queue and owner list page size (newest first). */
export const STAFF_QUEUE_PAGE_SIZE = 50;
/** A reason, a supplement request or response. */
export const MAX_MESSAGE_LENGTH = 1000;
/** The most the statistics route reads of one program's applications (it says when it stopped). */
export const MAX_STATS_APPLICATIONS = 20_000;

const desc = <T extends z.ZodMiniType>(schema: T, description: string): T => {
  z.globalRegistry.add(schema, { description });
  return schema;
};

// Pieces

export const ApplicationIdSchema = z
  .string({ error: '신청 ID(id)는 글자여야 합니다.' })
  .check(z.regex(/^[A-Za-z0-9_-]{16,40}$/, { error: '신청 ID(id)가 올바르지 않습니다.' }));

export const FileIdSchema = z
  .string({ error: '파일 ID(fileId)는 글자여야 합니다.' })
  .check(z.regex(/^[A-Za-z0-9_-]{8,64}$/, { error: '파일 ID(fileId)가 올바르지 않습니다.' }));

const programIdNamed = (field: string) =>
  z
    .string({ error: `사업 ID(${field})는 글자여야 합니다.` })
    .check(z.regex(SLUG_PATTERN, { error: `사업 ID(${field})가 올바르지 않습니다.` }));
const programId = programIdNamed('programIds');

const version = z
  .int({ error: '버전(version)은 정수여야 합니다.' })
  .check(z.minimum(1, { error: '버전(version)은 1 이상이어야 합니다.' }));

const message = (label: string) =>
  z.string({ error: `${label}(message)은 글자여야 합니다.` }).check(
    z.trim(),
    z.maxLength(MAX_MESSAGE_LENGTH, {
      error: `${label}(message)은 ${MAX_MESSAGE_LENGTH}자 이하여야 합니다.`,
    }),
  );

const amount = z
  .int({ error: '금액(amount)은 원 단위 정수여야 합니다.' })
  .check(
    z.minimum(1, { error: '금액(amount)은 1원 이상이어야 합니다.' }),
    z.maximum(1e13, { error: '금액(amount)이 너무 큽니다 (최대 10조원).' }),
  );

const idempotencyKey = desc(
  z.string({ error: '중복 방지 키(idempotencyKey)가 필요합니다.' }).check(
    z.regex(/^[A-Za-z0-9_-]{8,64}$/, {
      error: '중복 방지 키(idempotencyKey)는 영문·숫자·_·- 8~64자여야 합니다.',
    }),
  ),
  '같은 신청을 두 번 보내도 한 번만 만들어지도록 클라이언트가 정하는 키 (24시간 보관)',
);

const cursor = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(2000, { error: '페이지 정보(cursor)가 너무 깁니다.' }),
    z.regex(/^[A-Za-z0-9_-]+$/, { error: '페이지 정보(cursor)가 올바르지 않습니다.' }),
  );

const str = z.string();
const statusEnum = z.enum(APPLICATION_STATUSES, { error: '상태(status)가 올바르지 않습니다.' });
const fileType = z.enum(FILE_TYPES, { error: '파일 형식(type)은 PDF, JPG, PNG 중 하나여야 합니다.' });

// Files

/** A stored, checked file as an application refers to it (the bytes are in private storage). */
export const FileMetadataSchema = z.object({
  id: FileIdSchema,
  name: z.string().check(z.minLength(1), z.maxLength(FILE_LIMITS.maxNameLength)),
  type: z.enum(FILE_TYPES),
  size: z.int().check(z.minimum(1), z.maximum(FILE_LIMITS.maxBytes)),
  sha256: z.optional(z.string().check(z.regex(/^[0-9a-f]{64}$/))),
});

/** A file the request refers to by the id its upload got; the server fills in the checked metadata. */
export const FileRefSchema = z.strictObject({ fileId: FileIdSchema });

/** `POST /api/me/files`: what the browser is about to upload. The type is checked again from the content. */
export const CreateUploadRequestSchema = z.strictObject({
  name: z.string({ error: '파일 이름(name)은 글자여야 합니다.' }).check(
    z.trim(),
    z.minLength(1, { error: '파일 이름(name)을 입력해 주세요.' }),
    z.maxLength(FILE_LIMITS.maxNameLength, {
      error: `파일 이름(name)은 ${FILE_LIMITS.maxNameLength}자 이하여야 합니다.`,
    }),
  ),
  type: fileType,
  size: z
    .int({ error: '파일 크기(size)는 바이트 단위 정수여야 합니다.' })
    .check(
      z.minimum(1, { error: '빈 파일(size)은 올릴 수 없습니다.' }),
      z.maximum(FILE_LIMITS.maxBytes, { error: '파일(size)은 10MB 이하여야 합니다.' }),
    ),
});
export type CreateUploadRequest = z.output<typeof CreateUploadRequestSchema>;

/**
 * Where and how the browser uploads: a form POST (multipart) of `fields` then the file as `file`, to `url`
 * (a presigned S3 POST on AWS, limited in type and size; the local portal's upload endpoint locally).
 */
export const UploadTicketSchema = z.object({
  url: str,
  method: z.literal('POST'),
  fields: z.record(str, str),
  /** The form field the file goes in (last). */
  fileField: z.literal('file'),
  expiresAt: TimestampSchema,
  maxBytes: z.int(),
});

export const PendingFileSchema = z.object({
  id: FileIdSchema,
  name: str,
  type: z.enum(FILE_TYPES),
  size: z.int(),
  status: z.enum(['pending', 'ready']),
});

export const CreateUploadResponseSchema = z.object({ file: PendingFileSchema, upload: UploadTicketSchema });
export type CreateUploadResponse = z.output<typeof CreateUploadResponseSchema>;

/** `POST /api/me/files/{fileId}/complete`: the upload checked (present, size, type from the first bytes). */
export const FileResponseSchema = z.object({ file: FileMetadataSchema });
export type FileResponse = z.output<typeof FileResponseSchema>;

export const FileParamsSchema = z.strictObject({ fileId: FileIdSchema });

/** A short-lived link to read a file (presigned on AWS, signed locally). */
export const DownloadResponseSchema = z.object({ url: str, expiresAt: TimestampSchema });
export type DownloadResponse = z.output<typeof DownloadResponseSchema>;

// Owner requests

/** One answer as sent: text, choice and date as strings, numbers as numbers, a file by its upload id. */
export const AnswerInputSchema = z.union([
  z.string().check(z.maxLength(FORM_LIMITS.maxTextLength, { error: '답변은 2,000자 이하여야 합니다.' })),
  z.number(),
  FileRefSchema,
]);
export type AnswerInput = z.output<typeof AnswerInputSchema>;

const answersOfOneProgram = z.record(z.string().check(z.maxLength(40)), AnswerInputSchema).check(
  z.refine((a) => Object.keys(a).length <= FORM_LIMITS.maxFields, {
    error: `신청서 답변(answers)은 사업별 ${FORM_LIMITS.maxFields}개 이하여야 합니다.`,
  }),
);

/**
 * A bank account for a rapid payment (신속지급): a bank from the list of Korean bank codes, the number with or
 * without hyphens (10–14 digits), the holder's name. Messages never repeat the number.
 */
export const AccountInputSchema = z.strictObject({
  bankCode: z.enum(BANK_CODES, { error: '은행(bankCode)을 목록에서 골라 주세요.' }),
  number: z.string({ error: '계좌번호(number)는 글자여야 합니다.' }).check(
    z.maxLength(ACCOUNT_NUMBER_MAX_INPUT, { error: `계좌번호(number): ${ACCOUNT_NUMBER_MESSAGES.length}` }),
    z.superRefine((v, ctx) => {
      const parsed = parseAccountNumber(v);
      if (!parsed.ok)
        ctx.issues.push({
          code: 'custom',
          input: '',
          message: `계좌번호(number): ${ACCOUNT_NUMBER_MESSAGES[parsed.problem]}`,
        });
    }),
  ),
  holder: z.string({ error: '예금주(holder)는 글자여야 합니다.' }).check(
    z.trim(),
    z.minLength(1, { error: '예금주(holder)를 입력해 주세요.' }),
    z.maxLength(ACCOUNT_HOLDER_MAX_LENGTH, {
      error: `예금주(holder)는 ${ACCOUNT_HOLDER_MAX_LENGTH}자 이하여야 합니다.`,
    }),
  ),
});
export type AccountInput = z.output<typeof AccountInputSchema>;

/** `POST /api/me/applications/{id}/account`: the owner corrects the account after a failed payment. */
export const AccountUpdateRequestSchema = z.strictObject({ version, account: AccountInputSchema });
export type AccountUpdateRequest = z.output<typeof AccountUpdateRequestSchema>;

/** `POST /api/me/businesses/{brn}/applications`: 통합신청 to one or more programs. */
export const ApplyRequestSchema = z
  .strictObject({
    programIds: z.array(programId).check(
      z.minLength(1, { error: '신청할 사업(programIds)을 하나 이상 선택해 주세요.' }),
      z.maxLength(MAX_PROGRAMS_PER_APPLY, {
        error: `한 번에 ${MAX_PROGRAMS_PER_APPLY}개 사업까지 신청할 수 있습니다.`,
      }),
      z.refine((ids) => new Set(ids).size === ids.length, {
        error: '같은 사업(programIds)이 두 번 들어 있습니다.',
      }),
    ),
    /** Answers by program id, then by field id. */
    answers: z.optional(
      z.record(programId, answersOfOneProgram).check(
        z.refine((a) => Object.keys(a).length <= MAX_PROGRAMS_PER_APPLY, {
          error: `신청서 답변(answers)은 ${MAX_PROGRAMS_PER_APPLY}개 사업까지입니다.`,
        }),
      ),
    ),
    idempotencyKey,
    /** The account a rapid-payment program pays into (required for one, refused for any other program). */
    account: z.optional(AccountInputSchema),
  })
  .check(
    z.superRefine((r, ctx) => {
      for (const id of Object.keys(r.answers ?? {})) {
        if (!r.programIds.includes(id))
          ctx.issues.push({
            code: 'custom',
            input: r.answers?.[id],
            path: ['answers', id],
            message: '신청하지 않는 사업의 답변(answers)입니다.',
          });
      }
    }),
  );
export type ApplyRequestBody = z.output<typeof ApplyRequestSchema>;
export type ApplyRequestInput = z.input<typeof ApplyRequestSchema>;

/** `POST /api/me/applications/{id}/withdraw`. */
export const WithdrawRequestSchema = z.strictObject({ version });
export type WithdrawRequest = z.output<typeof WithdrawRequestSchema>;

/** `POST /api/me/applications/{id}/supplement`: the owner's response, with files by their upload ids. */
export const SupplementRequestSchema = z.strictObject({
  version,
  message: message('보완 내용').check(z.minLength(1, { error: '보완 내용(message)을 입력해 주세요.' })),
  files: z.optional(
    z.array(FileIdSchema).check(
      z.maxLength(FILE_LIMITS.maxFilesPerRequest, {
        error: `파일(files)은 ${FILE_LIMITS.maxFilesPerRequest}개까지 첨부할 수 있습니다.`,
      }),
      z.refine((ids) => new Set(ids).size === ids.length, {
        error: '같은 파일(files)이 두 번 들어 있습니다.',
      }),
    ),
  ),
});
export type SupplementRequest = z.output<typeof SupplementRequestSchema>;

/** `POST /api/me/businesses/{brn}/support-history`: support the owner received elsewhere (자가 입력). */
export const AddSupportRequestSchema = z.strictObject({
  /** The business's version as read (the entry is part of its profile). */
  version,
  programId: z
    .string({ error: '사업 ID(programId)는 글자여야 합니다.' })
    .check(
      z.minLength(1, { error: '사업 ID(programId)를 입력해 주세요.' }),
      z.maxLength(64, { error: '사업 ID(programId)는 64자 이하여야 합니다.' }),
    ),
  year: z
    .int({ error: '연도(year)는 정수여야 합니다.' })
    .check(
      z.minimum(1990, { error: '연도(year)는 1990년 이후여야 합니다.' }),
      z.maximum(2100, { error: '연도(year)가 올바르지 않습니다.' }),
    ),
});
export type AddSupportRequest = z.output<typeof AddSupportRequestSchema>;

export const ApplicationParamsSchema = z.strictObject({ id: ApplicationIdSchema });
export const OwnerListQuerySchema = z.strictObject({ cursor: z.optional(cursor) });

/** `GET /api/me/businesses/{brn}/application-form?programIds=a,b`: the forms of up to 10 programs. */
export const ApplicationFormQuerySchema = z.strictObject({
  programIds: desc(
    z.string({ error: '사업 ID(programIds)를 쉼표로 구분해 입력해 주세요.' }).check(
      z.maxLength(700, { error: '사업 ID(programIds)가 너무 깁니다.' }),
      z.regex(/^[a-z0-9][a-z0-9-]{1,63}(,[a-z0-9][a-z0-9-]{1,63}){0,9}$/, {
        error: `사업 ID(programIds)는 쉼표로 구분한 ${MAX_PROGRAMS_PER_APPLY}개 이하의 ID여야 합니다.`,
      }),
    ),
    '쉼표로 구분한 사업 ID (최대 10개)',
  ),
});

// Staff requests

/** Staff decisions: the four of the issue, and `pay` (approved → paid) for the agency's payment record. */
export const DECISION_ACTIONS = [...STAFF_DECISION_ACTIONS, 'pay'] as const;
export type DecisionAction = (typeof DECISION_ACTIONS)[number];
const decisionAction = z.enum(DECISION_ACTIONS, {
  error: '결정(action)은 start-review, request-supplement, approve, reject, pay 중 하나여야 합니다.',
});

type DecisionFields = { action: DecisionAction; amount?: number | undefined; message?: string | undefined };

/** A reason to reject or to ask for a supplement, an amount to approve (and only then). */
const decisionNeeds = z.superRefine((d: DecisionFields, ctx) => {
  const issue = (path: string, text: string) =>
    ctx.issues.push({ code: 'custom', input: d, path: [path], message: text });
  if ((d.action === 'reject' || d.action === 'request-supplement') && !d.message)
    issue(
      'message',
      d.action === 'reject'
        ? '미선정 사유(message)를 입력해 주세요.'
        : '보완 요청 내용(message)을 입력해 주세요.',
    );
  if (d.action === 'approve' && d.amount === undefined) issue('amount', '선정 금액(amount)을 입력해 주세요.');
  if (d.action !== 'approve' && d.amount !== undefined)
    issue('amount', '금액(amount)은 선정할 때만 입력합니다.');
});

/** `POST /api/staff/applications/{id}/decision`. */
export const DecisionRequestSchema = z
  .strictObject({
    version,
    action: decisionAction,
    amount: z.optional(amount),
    message: z.optional(message('사유')),
  })
  .check(decisionNeeds);
export type DecisionRequest = z.output<typeof DecisionRequestSchema>;
export type DecisionRequestInput = z.input<typeof DecisionRequestSchema>;

/** `POST /api/staff/applications/bulk-decision`: each id decided at its current version, or refused on its own. */
export const BulkDecisionRequestSchema = z
  .strictObject({
    ids: z.array(ApplicationIdSchema).check(
      z.minLength(1, { error: '신청(ids)을 하나 이상 선택해 주세요.' }),
      z.maxLength(MAX_BULK_DECISION_IDS, {
        error: `한 번에 ${MAX_BULK_DECISION_IDS}건까지 처리할 수 있습니다.`,
      }),
      z.refine((ids) => new Set(ids).size === ids.length, { error: '같은 신청(ids)이 두 번 들어 있습니다.' }),
    ),
    action: decisionAction,
    amount: z.optional(amount),
    message: z.optional(message('사유')),
  })
  .check(decisionNeeds);
export type BulkDecisionRequest = z.output<typeof BulkDecisionRequestSchema>;
export type BulkDecisionRequestInput = z.input<typeof BulkDecisionRequestSchema>;

const queueFilters = {
  status: z.optional(statusEnum),
  sido: z.optional(z.string().check(z.regex(/^\d{2}$/, { error: '시도(sido)는 두 자리 코드여야 합니다.' }))),
  stage: z.optional(z.enum(LIFECYCLE_STAGES, { error: '단계(stage)가 올바르지 않습니다.' })),
};

/** `GET /api/staff/applications?programId=&status=&sido=&stage=&cursor=`: newest first, 50 a page. */
export const StaffQueueQuerySchema = z.strictObject({
  programId: desc(programIdNamed('programId'), '사업 ID (필수)'),
  ...queueFilters,
  cursor: z.optional(cursor),
});
export type StaffQueueQuery = z.output<typeof StaffQueueQuerySchema>;

/** `GET /api/staff/programs/{id}/applications.csv?status=&sido=&stage=`. */
export const CsvExportQuerySchema = z.strictObject(queueFilters);
export type CsvExportQuery = z.output<typeof CsvExportQuerySchema>;

export const StaffFileParamsSchema = z.strictObject({ id: ApplicationIdSchema, fileId: FileIdSchema });

// Responses

export const AnswerValueSchema = z.union([str, z.number(), FileMetadataSchema]);

export const TimelineEntrySchema = z.object({
  at: TimestampSchema,
  action: z.enum([...APPLICATION_ACTIONS, 'submit']),
  from: z.optional(statusEnum),
  to: statusEnum,
  actor: z.enum(['owner', 'staff', 'system']),
  actorId: str,
  message: z.optional(str),
  amount: z.optional(z.number()),
  files: z.optional(z.array(FileMetadataSchema)),
});
export type TimelineEntryBody = z.output<typeof TimelineEntrySchema>;

export const DocumentStatusSchema = z.object({
  id: str,
  kind: z.enum(DOCUMENT_KINDS),
  label: str,
  labelEn: z.optional(str),
  required: z.boolean(),
  /** `confirmed` (확인됨): the portal holds it; `needed`: the owner uploads it. */
  state: z.enum(['confirmed', 'needed']),
  /** For a confirmed document: where the portal has it from (Korean). */
  source: z.optional(str),
});

/** One application with its timeline (진행현황) and what it was judged on at submission. */
export const ApplicationSchema = z.object({
  id: str,
  brn: str,
  ownerId: str,
  programId: str,
  agencyId: str,
  sido: str,
  stage: z.nullable(str),
  status: statusEnum,
  version: z.int(),
  submittedAt: TimestampSchema,
  updatedAt: TimestampSchema,
  answers: z.record(str, AnswerValueSchema),
  documents: z.array(DocumentStatusSchema),
  snapshot: z.object({
    profile: BusinessProfileSchema,
    programVersion: z.int(),
    programTitle: str,
    programTitleEn: z.optional(str),
    reasons: z.array(ReasonSchema),
    asOf: str,
  }),
  amount: z.optional(z.number()),
  supplementRounds: z.int(),
  timeline: z.array(TimelineEntrySchema),
  /** Rapid payment: the account, its number masked (`110-***-***456`); the owner's own or the reviewing staff's view. */
  account: z.optional(z.object({ bankCode: str, holder: str, masked: str })),
  /** The bank refused the last payment: the owner corrects the account, the next payment file includes it. */
  paymentFailure: z.optional(z.object({ at: TimestampSchema, reason: str })),
});
export type ApplicationBody = z.output<typeof ApplicationSchema>;

export const ApplicationResponseSchema = z.object({ application: ApplicationSchema });
export type ApplicationResponse = z.output<typeof ApplicationResponseSchema>;

/** `POST …/applications` 201: the applications created (or, for a repeated idempotency key, created before). */
export const ApplyResponseSchema = z.object({ items: z.array(ApplicationSchema) });
export type ApplyResponse = z.output<typeof ApplyResponseSchema>;

export const ApplicationListResponseSchema = z.object({
  items: z.array(ApplicationSchema),
  /** The next page's cursor; null on the last page. */
  cursor: z.nullable(str),
});
export type ApplicationListResponse = z.output<typeof ApplicationListResponseSchema>;

/** Staff see the reasons at submission (in the snapshot) and re-evaluated now on today's profile. */
export const StaffApplicationSchema = z.extend(ApplicationSchema, {
  reasonsNow: z.array(ReasonSchema),
  /** null when the program or business is gone. */
  eligibleNow: z.nullable(z.boolean()),
});
export const StaffApplicationResponseSchema = z.object({ application: StaffApplicationSchema });
export type StaffApplicationResponse = z.output<typeof StaffApplicationResponseSchema>;

/** One row of the staff queue: enough to list and filter, without the snapshot and timeline. */
export const StaffQueueItemSchema = z.object({
  id: str,
  brn: str,
  brnFormatted: str,
  tradeName: str,
  programId: str,
  status: statusEnum,
  version: z.int(),
  submittedAt: TimestampSchema,
  updatedAt: TimestampSchema,
  sido: str,
  sidoName: str,
  stage: z.nullable(z.enum(LIFECYCLE_STAGES)),
  amount: z.optional(z.number()),
  supplementRounds: z.int(),
});
export type StaffQueueItem = z.output<typeof StaffQueueItemSchema>;

export const StaffQueueResponseSchema = z.object({
  items: z.array(StaffQueueItemSchema),
  /** The next page's cursor; null on the last page (a filtered page may be shorter than 50 before that). */
  cursor: z.nullable(str),
});
export type StaffQueueResponse = z.output<typeof StaffQueueResponseSchema>;

export const ApplicationCountsSchema = z.record(statusEnum, z.int());
export type ApplicationCounts = z.output<typeof ApplicationCountsSchema>;

/** `GET /api/staff/programs/{id}/applications/stats`: the program dashboard's figures. */
export const ApplicationStatsResponseSchema = z.object({
  programId: str,
  /** Applications per status (every status, zeros included). */
  counts: ApplicationCountsSchema,
  total: z.int(),
  quota: z.object({
    budget: z.optional(z.number()),
    maxAwards: z.optional(z.int()),
    /** Awards made and won awarded so far (the quota counter). */
    awards: z.int(),
    budgetUsed: z.number(),
  }),
  /** Applications submitted per Korea date, oldest first. */
  perDay: z.array(z.object({ date: str, count: z.int() })),
  /** Approved and paid applications by 2-digit 시도 code. */
  approvalsBySido: z.record(str, z.int()),
  /** Applications read for perDay and approvalsBySido; `truncated` when the program has more than the limit. */
  scanned: z.int(),
  truncated: z.boolean(),
});
export type ApplicationStatsResponse = z.output<typeof ApplicationStatsResponseSchema>;

/** One program that failed the 통합신청 checks (the whole request created nothing). */
export const APPLY_FAILURE_CODES = [
  'PROGRAM_NOT_FOUND',
  'PROGRAM_NOT_OPEN',
  'NOT_ELIGIBLE',
  'ALREADY_APPLIED',
  'INCOMPLETE_FORM',
  'ACCOUNT_REQUIRED',
  'ACCOUNT_NOT_ALLOWED',
] as const;
export type ApplyFailureCode = (typeof APPLY_FAILURE_CODES)[number];

/** In `error.details.failures` of a refused 통합신청 (422 or 409). */
export const ApplyFailureSchema = z.object({
  programId: str,
  code: z.enum(APPLY_FAILURE_CODES),
  message: str,
  fields: z.optional(z.array(z.object({ fieldId: str, message: str }))),
});
export type ApplyFailure = z.output<typeof ApplyFailureSchema>;

export const BulkDecisionResultSchema = z.discriminatedUnion('ok', [
  z.object({ id: str, ok: z.literal(true), status: statusEnum, version: z.int() }),
  z.object({ id: str, ok: z.literal(false), code: str, message: str }),
]);
export type BulkDecisionResult = z.output<typeof BulkDecisionResultSchema>;

/** Per-id results, in the order of the request's ids. */
export const BulkDecisionResponseSchema = z.object({
  results: z.array(BulkDecisionResultSchema),
  decided: z.int(),
  refused: z.int(),
});
export type BulkDecisionResponse = z.output<typeof BulkDecisionResponseSchema>;

/** 지원이력: portal awards (포털 선정) and the owner's own entries (자가 입력), newest first. */
export const SupportHistoryEntrySchema = z.object({
  programId: str,
  programTitle: z.optional(str),
  year: z.int(),
  amount: z.optional(z.number()),
  source: z.enum(['portal', 'self']),
  /** Korean label of the source: 포털 선정 / 자가 입력. */
  sourceLabel: str,
  applicationId: z.optional(str),
});
export type SupportHistoryEntryBody = z.output<typeof SupportHistoryEntrySchema>;
export const SupportHistoryResponseSchema = z.object({ items: z.array(SupportHistoryEntrySchema) });
export type SupportHistoryResponse = z.output<typeof SupportHistoryResponseSchema>;

/** One program's application form for one business: questions prefilled, documents already held marked. */
export const ApplicationFormSchema = z.object({
  programId: str,
  title: str,
  /** Takes applications today (status and apply window). */
  open: z.boolean(),
  applyEnd: z.nullable(str),
  fields: z.array(FormFieldSchema),
  /** Prefilled from the profile where a field maps to one. */
  answers: z.record(str, AnswerValueSchema),
  documents: z.array(DocumentStatusSchema),
  /** The id of the business's active application for this program, if any. */
  activeApplicationId: z.nullable(str),
  /**
   * A rapid-payment program (신속지급): the form asks only for the account. The amount this business would be
   * paid, and the holder to prefill (the representative's name).
   */
  rapid: z.optional(z.object({ amountWon: z.number(), holder: str })),
});
export type ApplicationForm = z.output<typeof ApplicationFormSchema>;
export const ApplicationFormResponseSchema = z.object({ programs: z.array(ApplicationFormSchema) });
export type ApplicationFormResponse = z.output<typeof ApplicationFormResponseSchema>;
