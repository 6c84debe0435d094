import * as z from 'zod';
import { DisasterSchema } from '../disaster/disaster';
import { SLUG_PATTERN } from '../formats';
import { BusinessProfileSchema, DamageConfirmationSchema, PriorSupportSchema } from '../profile/profile';
import { BenefitSchema, ProgramDraftSchema, ProgramExampleSchema, ProgramSchema } from '../program/program';
import { RuleSchema } from '../rules/schema';
import { TimestampSchema, VersionSchema } from './common';
import { ProgramSummarySchema } from './programs';

/** One instance for every plain string field (zod schemas are immutable). */
const str = z.string();

const profile = BusinessProfileSchema.safeExtend({
  priorSupport: z.array(PriorSupportSchema.strict()).max(200).default([]),
  disasterDamage: z.array(DamageConfirmationSchema.strict()).max(50).default([]),
}).strict();
const examples = z.array(ProgramExampleSchema.safeExtend({ profile }).strict());

/** A draft as staff send it: every object refuses fields it does not know (the rule tree already does). */
export const ProgramDraftBodySchema = ProgramDraftSchema.safeExtend({
  benefit: BenefitSchema.strict(),
  examples: z
    .object({ mustMatch: examples.max(20).default([]), mustNotMatch: examples.max(20).default([]) })
    .strict()
    .default({ mustMatch: [], mustNotMatch: [] }),
}).strict();

/** `POST /api/staff/programs`: a draft, with an optional id (made from the English title otherwise). */
export const CreateProgramSchema = ProgramDraftBodySchema.safeExtend({
  id: z
    .string()
    .regex(SLUG_PATTERN, { message: '사업 ID는 영문 소문자, 숫자, 하이픈으로 2~64자여야 합니다.' })
    .optional(),
}).strict();
export type CreateProgramInput = z.input<typeof CreateProgramSchema>;

/** `PUT /api/staff/programs/{id}`: the version read and the whole new draft. */
export const UpdateProgramSchema = z
  .object({ version: VersionSchema, draft: ProgramDraftBodySchema })
  .strict();
export type UpdateProgramInput = z.input<typeof UpdateProgramSchema>;

export const StaffProgramListResponseSchema = z.object({
  items: z.array(ProgramSummarySchema.extend({ version: VersionSchema })),
});
export type StaffProgramListResponse = z.infer<typeof StaffProgramListResponseSchema>;

/** A program with everything staff edit, its status and version. */
export const ProgramResponseSchema = z.object({ program: ProgramSchema });
export type ProgramResponse = z.infer<typeof ProgramResponseSchema>;

export const AuditEntrySchema = z.object({
  entityType: z.enum(['program', 'disaster', 'business', 'application', 'account']),
  entityId: str,
  at: TimestampSchema,
  actorId: str,
  action: str,
  summary: str,
  version: VersionSchema.optional(),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditListResponseSchema = z.object({ items: z.array(AuditEntrySchema) });

/** `POST /api/staff/disasters` body: a disaster, strict. */
export const DisasterBodySchema = DisasterSchema.strict();
export const DisasterResponseSchema = z.object({ disaster: DisasterSchema });
export const DisasterListResponseSchema = z.object({ items: z.array(DisasterSchema) });

/** `POST /api/staff/preview`: the draft rule. */
export const PreviewRequestSchema = z.object({ rule: RuleSchema }).strict();

/** An anonymous example of a qualifying business: bands and names, never a number or a name of a person. */
export const PreviewSampleSchema = z.object({
  sido: str,
  sidoName: str,
  regionCode: str,
  regionName: str,
  ksic: str,
  industryName: str,
  stage: str.nullable(),
  businessAgeYears: z.number().int().nullable(),
  employees: z.number().int().nullable(),
  revenueBand: str.nullable(),
});
export type PreviewSample = z.infer<typeof PreviewSampleSchema>;

export const PreviewResponseSchema = z.object({
  total: z.number().int().min(0),
  /** Businesses in the snapshot (the denominator). */
  rows: z.number().int().min(0),
  /** 2-digit 시도 code → qualifying businesses (every 시도, zeros included). */
  bySido: z.record(str, z.number().int().min(0)),
  /** startup, growth, closure, and unknown. */
  byStage: z.record(str, z.number().int().min(0)),
  samples: z.array(PreviewSampleSchema),
  snapshotRunId: str,
  snapshotAt: TimestampSchema,
  snapshotAgeSeconds: z.number().min(0),
  asOf: str,
  tookMs: z.number().min(0),
});
export type PreviewResponse = z.infer<typeof PreviewResponseSchema>;
