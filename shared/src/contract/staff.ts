import * as z from 'zod/mini';
import { DisasterSchema } from '../disaster/disaster';
import { SLUG_PATTERN } from '../formats';
import { BusinessProfileSchema, DamageConfirmationSchema, PriorSupportSchema } from '../profile/profile';
import { BenefitSchema, ProgramDraftSchema, ProgramExampleSchema, ProgramSchema } from '../program/program';
import { RuleSchema } from '../rules/schema';
import { strict } from '../validation';
import { TimestampSchema, VersionSchema } from './common';
import { ProgramSummarySchema } from './programs';

/** One instance for every plain string field (zod schemas are immutable). */
const str = z.string();

const profile = strict(
  z.safeExtend(BusinessProfileSchema, {
    priorSupport: z._default(z.array(strict(PriorSupportSchema)).check(z.maxLength(200)), []),
    disasterDamage: z._default(z.array(strict(DamageConfirmationSchema)).check(z.maxLength(50)), []),
  }),
);
const examples = z.array(strict(z.safeExtend(ProgramExampleSchema, { profile })));

/** A draft as staff send it: every object refuses fields it does not know (the rule tree already does). */
export const ProgramDraftBodySchema = strict(
  z.safeExtend(ProgramDraftSchema, {
    benefit: strict(BenefitSchema),
    examples: z._default(
      z.strictObject({
        mustMatch: z._default(examples.check(z.maxLength(20)), []),
        mustNotMatch: z._default(examples.check(z.maxLength(20)), []),
      }),
      { mustMatch: [], mustNotMatch: [] },
    ),
  }),
);

/** `POST /api/staff/programs`: a draft, with an optional id (made from the English title otherwise). */
export const CreateProgramSchema = strict(
  z.safeExtend(ProgramDraftBodySchema, {
    id: z.optional(
      z
        .string()
        .check(
          z.regex(SLUG_PATTERN, { message: '사업 ID는 영문 소문자, 숫자, 하이픈으로 2~64자여야 합니다.' }),
        ),
    ),
  }),
);
export type CreateProgramInput = z.input<typeof CreateProgramSchema>;

/** `PUT /api/staff/programs/{id}`: the version read and the whole new draft. */
export const UpdateProgramSchema = z.strictObject({ version: VersionSchema, draft: ProgramDraftBodySchema });
export type UpdateProgramInput = z.input<typeof UpdateProgramSchema>;

export const StaffProgramListResponseSchema = z.object({
  items: z.array(z.extend(ProgramSummarySchema, { version: VersionSchema })),
});
export type StaffProgramListResponse = z.infer<typeof StaffProgramListResponseSchema>;

/** A program with everything staff edit, its status and version. */
export const ProgramResponseSchema = z.object({ program: ProgramSchema });
export type ProgramResponse = z.infer<typeof ProgramResponseSchema>;

export const AuditEntrySchema = z.object({
  entityType: z.enum(['program', 'disaster', 'business', 'application']),
  entityId: str,
  at: TimestampSchema,
  actorId: str,
  action: str,
  summary: str,
  version: z.optional(VersionSchema),
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
export const AuditListResponseSchema = z.object({ items: z.array(AuditEntrySchema) });

/** `POST /api/staff/disasters` body: a disaster, strict. */
export const DisasterBodySchema = strict(DisasterSchema);
export const DisasterResponseSchema = z.object({ disaster: DisasterSchema });
export const DisasterListResponseSchema = z.object({ items: z.array(DisasterSchema) });

/** `POST /api/staff/preview`: the draft rule. */
export const PreviewRequestSchema = z.strictObject({ rule: RuleSchema });

/** An anonymous example of a qualifying business: bands and names, never a number or a name of a person. */
export const PreviewSampleSchema = z.object({
  sido: str,
  sidoName: str,
  regionCode: str,
  regionName: str,
  ksic: str,
  industryName: str,
  stage: z.nullable(str),
  businessAgeYears: z.nullable(z.number().check(z.int())),
  employees: z.nullable(z.number().check(z.int())),
  revenueBand: z.nullable(str),
});
export type PreviewSample = z.infer<typeof PreviewSampleSchema>;

export const PreviewResponseSchema = z.object({
  total: z.number().check(z.int(), z.minimum(0)),
  /** Businesses in the snapshot (the denominator). */
  rows: z.number().check(z.int(), z.minimum(0)),
  /** 2-digit 시도 code → qualifying businesses (every 시도, zeros included). */
  bySido: z.record(str, z.number().check(z.int(), z.minimum(0))),
  /** startup, growth, closure, and unknown. */
  byStage: z.record(str, z.number().check(z.int(), z.minimum(0))),
  samples: z.array(PreviewSampleSchema),
  snapshotRunId: str,
  snapshotAt: TimestampSchema,
  snapshotAgeSeconds: z.number().check(z.minimum(0)),
  asOf: str,
  tookMs: z.number().check(z.minimum(0)),
});
export type PreviewResponse = z.infer<typeof PreviewResponseSchema>;
