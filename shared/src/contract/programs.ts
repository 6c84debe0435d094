import * as z from 'zod/mini';
import { IsoDateSchema, regionCodeSchema } from '../formats';
import { LIFECYCLE_STAGES } from '../lifecycle/stage';
import { BenefitSchema, PROGRAM_KINDS, PROGRAM_STATUSES } from '../program/program';
import { RuleSchema } from '../rules/schema';
import { AgencyIdSchema, VersionSchema } from './common';

/** One instance for every plain string field (zod schemas are immutable). */
const str = z.string();

/** `GET /api/programs` query: filters and the page. Unknown parameters are refused (400). */
export const ProgramListQuerySchema = z.strictObject({
  kind: z.optional(z.enum(PROGRAM_KINDS)),
  stage: z.optional(z.enum(LIFECYCLE_STAGES)),
  region: z.optional(regionCodeSchema('지역은 시도 2자리 또는 시군구 5자리 코드여야 합니다.')),
  openNow: z.optional(z.enum(['true', 'false'])),
  closingWithinDays: z.optional(z.coerce.number().check(z.int(), z.minimum(0), z.maximum(366))),
  q: z.optional(z.string().check(z.trim(), z.maxLength(100))),
  page: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(10_000)), 1),
  pageSize: z._default(z.coerce.number().check(z.int(), z.minimum(1), z.maximum(100)), 20),
});
export type ProgramListQuery = z.input<typeof ProgramListQuerySchema>;

/** A program as lists show it; absent facts are `null`. */
export const ProgramSummarySchema = z.object({
  id: str,
  title: str,
  titleEn: z.nullable(str),
  kind: z.enum(PROGRAM_KINDS),
  agencyId: AgencyIdSchema,
  agencyName: str,
  stages: z.array(z.enum(LIFECYCLE_STAGES)),
  summary: str,
  /** The summary in English; null when the program has none (the English page shows the Korean). */
  summaryEn: z.nullable(str),
  benefit: BenefitSchema,
  applyStart: z.nullable(IsoDateSchema),
  applyEnd: z.nullable(IsoDateSchema),
  /** The status today: a scheduled program whose window has begun shows as open. */
  status: z.enum(PROGRAM_STATUSES),
  /** Days to the last day to apply (0 on the day); null without an end date or once it has passed. */
  dDay: z.nullable(z.number().check(z.int(), z.minimum(0))),
});
export type ProgramSummary = z.infer<typeof ProgramSummarySchema>;

export const ProgramListResponseSchema = z.object({
  items: z.array(ProgramSummarySchema),
  page: z.number().check(z.int(), z.minimum(1)),
  pageSize: z.number().check(z.int(), z.minimum(1)),
  total: z.number().check(z.int(), z.minimum(0)),
});
export type ProgramListResponse = z.infer<typeof ProgramListResponseSchema>;

export const ProgramDetailSchema = z.extend(ProgramSummarySchema, {
  howToApply: str,
  howToApplyEn: z.nullable(str),
  rule: RuleSchema,
  version: VersionSchema,
});
export type ProgramDetail = z.infer<typeof ProgramDetailSchema>;

export const ProgramDetailResponseSchema = z.object({
  program: ProgramDetailSchema,
  /** The rule in Korean sentences, one per condition. */
  description: z.array(str),
  descriptionEn: z.array(str),
});
export type ProgramDetailResponse = z.infer<typeof ProgramDetailResponseSchema>;
