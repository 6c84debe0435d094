import * as z from 'zod/mini';
import { SLUG_PATTERN } from '../formats';
import {
  DAMAGE_LIST_MAX_BYTES,
  DAMAGE_LIST_MAX_REPORTED_ERRORS,
  type DamageLineCode,
} from '../relief/damage-list';

/**
 * The disaster-relief API (issue 13): staff import a disaster's damage list (피해 확인 명단). The CSV body's
 * limits (bytes, rows, field length) are in `relief/damage-list.ts` and docs/limits.md. Written with zod/mini.
 */

export { DAMAGE_LIST_MAX_BYTES, DAMAGE_LIST_MAX_REPORTED_ERRORS };

const DAMAGE_LINE_CODES = [
  'COLUMNS',
  'BRN_FORMAT',
  'BRN_CHECK_DIGIT',
  'DATE_FORMAT',
  'DATE_OUTSIDE_PERIOD',
  'KIND_UNKNOWN',
  'AMOUNT_FORMAT',
  'DUPLICATE',
  'FIELD_TOO_LONG',
  'UNCLOSED_QUOTE',
  'UNKNOWN_BUSINESS',
  'OUTSIDE_AREA',
  'TOO_MANY_RECORDS',
  'TOO_MANY_ROWS',
] as const satisfies readonly DamageLineCode[];
// Every code the parser and the service give: a code added there and not here fails the type check.
true satisfies [Exclude<DamageLineCode, (typeof DAMAGE_LINE_CODES)[number]>] extends [never] ? true : false;

export { DAMAGE_LINE_CODES };

/** `/api/staff/disasters/{id}/…`: a disaster id (an unknown one is a 404, not a 400). */
export const DisasterIdParamsSchema = z.object({
  id: z
    .string()
    .check(z.regex(SLUG_PATTERN, { message: '재난 ID는 영문 소문자, 숫자, 하이픈으로 2~64자여야 합니다.' })),
});

/** `?dryRun=true` checks and counts and stores nothing; `false` applies the good rows. Required: no default. */
export const DamageImportQuerySchema = z.strictObject({
  dryRun: z.enum(['true', 'false'], { message: 'dryRun은 true 또는 false여야 합니다.' }),
});
export type DamageImportQuery = z.output<typeof DamageImportQuerySchema>;

export const DamageLineErrorSchema = z.object({
  /** 1-based line of the file where the row starts. */
  line: z.number().check(z.int(), z.minimum(1)),
  code: z.enum(DAMAGE_LINE_CODES),
  message: z.string(),
});
export type DamageLineErrorBody = z.output<typeof DamageLineErrorSchema>;

const count = z.number().check(z.int(), z.minimum(0));

/** The import's answer: the counts (a dry run's are what applying would do), rejections by reason, bad lines. */
export const DamageImportResponseSchema = z.object({
  dryRun: z.boolean(),
  encoding: z.enum(['utf-8', 'cp949']),
  counts: z.object({ total: count, new: count, updated: count, unchanged: count, rejected: count }),
  rejectedBy: z.partialRecord(z.enum(DAMAGE_LINE_CODES), count),
  /** The first DAMAGE_LIST_MAX_REPORTED_ERRORS bad lines in file order; `errorsTruncated` when there were more. */
  errors: z.array(DamageLineErrorSchema),
  errorsTruncated: z.boolean(),
});
export type DamageImportResponse = z.output<typeof DamageImportResponseSchema>;
