import * as z from 'zod/mini';

/**
 * Rapid payment (신속지급, issue 13): staff approve every still-eligible application of a rapid-payment program
 * in bounded batches, download the bank's payment file and upload the bank's results. The owner's account
 * (one-click apply, correction) is in applications.ts. Written with zod/mini.
 */

/** Applications one approve-eligible call decides; the browser repeats the call with `cursor` until it is null. */
export const APPROVE_ELIGIBLE_BATCH = 100;
/** The most pending applications a dry run counts (it says when it stopped). */
export const APPROVE_ELIGIBLE_MAX_SCAN = 20_000;
/**
 * Rows of one payment file. A larger payout comes as several files, one request each (the response names
 * the next one): a file of 20,000 rows is about 1.8 MB, well inside a Lambda response, and its reads finish
 * within API Gateway's time limit.
 */
export const PAYMENT_FILE_MAX_ROWS = 20_000;
/** The bank's result file: at most 2 MB and 20,000 lines (one payment file's rows). */
export const PAYMENT_RESULTS_MAX_BYTES = 2 * 1024 * 1024;
export const PAYMENT_RESULTS_MAX_ROWS = 20_000;
/** The most failed lines one result import reports one by one (the counts cover all). */
export const PAYMENT_RESULTS_MAX_REPORTED = 1_000;
/** A bank's reason, as kept on the application and shown to the owner. */
export const PAYMENT_REASON_MAX_LENGTH = 200;

const str = z.string();

/** An opaque position the server handed out (base64url, ≤ 2,000 characters); `what` names it, ending in 위치. */
const positionCursor = (what: string) =>
  z.optional(
    z
      .string({ error: `${what}(cursor)는 글자여야 합니다.` })
      .check(
        z.minLength(1, { error: `${what}(cursor)가 비어 있습니다.` }),
        z.maxLength(2000, { error: `${what}(cursor)가 너무 깁니다.` }),
        z.regex(/^[A-Za-z0-9_-]+$/, { error: `${what}(cursor)가 올바르지 않습니다.` }),
      ),
  );

/** `POST /api/staff/programs/{id}/approve-eligible`: a dry run (count only) or the next batch. */
export const ApproveEligibleRequestSchema = z.strictObject({
  dryRun: z.optional(z.boolean({ error: '미리 세기(dryRun)는 true 또는 false여야 합니다.' })),
  cursor: positionCursor('이어서 처리할 위치'),
});
export type ApproveEligibleRequest = z.output<typeof ApproveEligibleRequestSchema>;

/** `GET /api/staff/programs/{id}/payments.csv?cursor=`: the first file, or the one a previous file named. */
export const PaymentFileQuerySchema = z.strictObject({
  cursor: positionCursor('지급 파일의 위치'),
});

export const ApproveEligibleResponseSchema = z.object({
  dryRun: z.boolean(),
  /** Applications waiting for a decision (접수, 심사 중) when the run's first call started: the progress bar's total. */
  pending: z.int(),
  /** Approved by this call (a dry run: would be approved now). */
  approved: z.int(),
  /** Left pending by this call, by reason code: NOT_ELIGIBLE, QUOTA_EXCEEDED, ACCOUNT_MISSING, VERSION_CONFLICT… */
  refused: z.record(str, z.int()),
  /** Applications this call looked at. */
  processed: z.int(),
  /** Where the next batch starts; null when every pending application was looked at. */
  cursor: z.nullable(str),
  /** A dry run stopped counting at APPROVE_ELIGIBLE_MAX_SCAN. */
  truncated: z.boolean(),
});
export type ApproveEligibleResponse = z.output<typeof ApproveEligibleResponseSchema>;

export const PaymentFailureLineSchema = z.object({
  /** The line of the uploaded file (1 = the header). */
  line: z.int(),
  /** The application the line names, when it names one. */
  applicationId: z.nullable(str),
  /** A machine-readable code: BANK_REFUSED (the bank's failure, kept for the owner), or why the line was not applied. */
  code: str,
  /** The bank's reason, or why the line was not applied (Korean). */
  reason: str,
});

/** `POST /api/staff/programs/{id}/payment-results`: what the bank's result file did. */
export const PaymentResultsResponseSchema = z.object({
  paid: z.int(),
  /** Lines the bank failed (the owner corrects the account) and lines not applied, at most 1,000 listed. */
  failed: z.array(PaymentFailureLineSchema),
  /** Every failed line, also those beyond the listed ones. */
  failedCount: z.int(),
  encoding: z.enum(['utf-8', 'cp949']),
});
export type PaymentResultsResponse = z.output<typeof PaymentResultsResponseSchema>;
