import * as z from 'zod';
import { IsoDateSchema, regionCodeSchema } from '../formats';
import { LIFECYCLE_STAGES } from '../lifecycle/stage';
import { BenefitSchema, PROGRAM_KINDS, PROGRAM_STATUSES } from '../program/program';
import { RuleSchema } from '../rules/schema';
import { AgencyIdSchema, VersionSchema } from './common';

/** One instance for every plain string field (zod schemas are immutable). */
const str = z.string();

/** `GET /api/programs` query: filters and the page. Unknown parameters are refused (400). */
export const ProgramListQuerySchema = z
  .object({
    kind: z.enum(PROGRAM_KINDS).optional(),
    stage: z.enum(LIFECYCLE_STAGES).optional(),
    region: regionCodeSchema('지역은 시도 2자리 또는 시군구 5자리 코드여야 합니다.').optional(),
    openNow: z.enum(['true', 'false']).optional(),
    closingWithinDays: z.coerce.number().int().min(0).max(366).optional(),
    q: z.string().trim().max(100).optional(),
    page: z.coerce.number().int().min(1).max(10_000).default(1),
    pageSize: z.coerce.number().int().min(1).max(100).default(20),
  })
  .strict();
export type ProgramListQuery = z.input<typeof ProgramListQuerySchema>;

/** A program as lists show it; absent facts are `null`. */
export const ProgramSummarySchema = z.object({
  id: str,
  title: str,
  titleEn: str.nullable(),
  kind: z.enum(PROGRAM_KINDS),
  agencyId: AgencyIdSchema,
  agencyName: str,
  stages: z.array(z.enum(LIFECYCLE_STAGES)),
  summary: str,
  benefit: BenefitSchema,
  applyStart: IsoDateSchema.nullable(),
  applyEnd: IsoDateSchema.nullable(),
  /** The status today: a scheduled program whose window has begun shows as open. */
  status: z.enum(PROGRAM_STATUSES),
  /** Days to the last day to apply (0 on the day); null without an end date or once it has passed. */
  dDay: z.number().int().min(0).nullable(),
});
export type ProgramSummary = z.infer<typeof ProgramSummarySchema>;

export const ProgramListResponseSchema = z.object({
  items: z.array(ProgramSummarySchema),
  page: z.number().int().min(1),
  pageSize: z.number().int().min(1),
  total: z.number().int().min(0),
});
export type ProgramListResponse = z.infer<typeof ProgramListResponseSchema>;

export const ProgramDetailSchema = ProgramSummarySchema.extend({
  howToApply: str,
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
