import * as z from 'zod';
import { BUSINESS_NUMBER_INPUT_PATTERN, BUSINESS_NUMBER_PATTERN, IsoDateSchema } from '../formats';
import { LIFECYCLE_STAGES } from '../lifecycle/stage';
import { BusinessProfileSchema, FLAGS, type Flag } from '../profile/profile';
import { PROGRAM_KINDS } from '../program/program';
import { VersionSchema } from './common';

/** One instance for every plain string field (zod schemas are immutable). */
const str = z.string();

/** `/api/me/businesses/{brn}`: any other owner's or malformed number answers 404, so existence does not leak. */
export const BusinessParamsSchema = z.object({ brn: z.string().min(1).max(20) });

/** `POST /api/me/businesses/claim`: the three facts the tax office's status check compares. */
export const ClaimRequestSchema = z
  .object({
    /** Checked (check digit included) by the service, which answers with the exact problem. */
    brn: z.string().max(20).meta({ pattern: BUSINESS_NUMBER_INPUT_PATTERN }),
    representativeName: z.string().trim().min(1).max(50),
    openingDate: IsoDateSchema,
  })
  .strict();
export type ClaimRequest = z.output<typeof ClaimRequestSchema>;

/** Flags an owner may state; tax arrears and suspension come from the tax office, never from the owner. */
export const OWNER_FLAGS = FLAGS.filter((f) => f !== 'taxArrears' && f !== 'suspended') as [Flag, ...Flag[]];

const amount = z.number().min(0, { message: '0 이상이어야 합니다.' }).max(1e13);

/** Fields an owner may change; `null` clears an optional fact (back to unknown). */
export const ProfileChangesSchema = z
  .object({
    tradeName: z.string().trim().min(1).max(100).optional(),
    employees: z.number().int().min(0).max(100_000).nullable().optional(),
    revenue: amount.nullable().optional(),
    revenueAvg3y: amount.nullable().optional(),
    plannedClosureDate: IsoDateSchema.nullable().optional(),
    highestLoanRate: z.number().min(0).max(100).nullable().optional(),
    flags: z.partialRecord(z.enum(OWNER_FLAGS), z.boolean().nullable()).optional(),
  })
  .strict()
  .refine((c) => Object.keys(c).length > 0, { message: '바꿀 항목을 하나 이상 입력해 주세요.' });

/** `PATCH /api/me/businesses/{brn}`. */
export const PatchBusinessSchema = z
  .object({ version: VersionSchema, changes: ProfileChangesSchema })
  .strict();
export type PatchBusiness = z.output<typeof PatchBusinessSchema>;
export type PatchBusinessInput = z.input<typeof PatchBusinessSchema>;

/** One of the owner's businesses. */
export const BusinessItemSchema = z.object({
  brn: z.string().regex(new RegExp(BUSINESS_NUMBER_PATTERN)),
  brnFormatted: str,
  tradeName: str,
  /** Lifecycle stage today; null when the opening date is unknown. */
  stage: z.enum(LIFECYCLE_STAGES).nullable(),
  stageLabel: str,
  regionName: str,
  ksicName: str,
  version: VersionSchema,
  profile: BusinessProfileSchema,
});
export type BusinessItem = z.infer<typeof BusinessItemSchema>;

export const BusinessListResponseSchema = z.object({ items: z.array(BusinessItemSchema) });
export type BusinessListResponse = z.infer<typeof BusinessListResponseSchema>;
export const BusinessResponseSchema = z.object({ business: BusinessItemSchema });
export type BusinessResponse = z.infer<typeof BusinessResponseSchema>;

/** `GET /api/me/businesses/{brn}/matches` query. */
export const MatchQuerySchema = z.object({ asOf: IsoDateSchema.optional() }).strict();

/** Why a condition holds or not, in Korean and English; `met` is null when a fact is unknown. */
export const ReasonSchema = z.object({
  path: str,
  type: str,
  met: z.boolean().nullable(),
  text: str,
  textEn: str,
});
export type Reason = z.infer<typeof ReasonSchema>;

export const MatchSchema = z.object({
  id: str,
  title: str,
  kind: z.enum(PROGRAM_KINDS),
  eligible: z.literal(true),
  reasons: z.array(ReasonSchema),
  applyEnd: IsoDateSchema.nullable(),
  dDay: z.number().int().min(0).nullable(),
});
export type Match = z.infer<typeof MatchSchema>;

export const NearMissSchema = z.object({
  id: str,
  title: str,
  kind: z.enum(PROGRAM_KINDS),
  change: str,
  changeEn: str,
  blocking: ReasonSchema,
});
export type NearMiss = z.infer<typeof NearMissSchema>;

export const MatchesResponseSchema = z.object({
  asOf: IsoDateSchema,
  stage: z.enum(LIFECYCLE_STAGES).nullable(),
  groups: z.object({
    'policy-fund': z.array(MatchSchema),
    support: z.array(MatchSchema),
    'disaster-relief': z.array(MatchSchema),
  }),
  nearMisses: z.array(NearMissSchema),
});
export type MatchesResponse = z.infer<typeof MatchesResponseSchema>;
