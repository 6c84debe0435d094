import * as z from 'zod/mini';
import { BUSINESS_NUMBER_INPUT_PATTERN, BUSINESS_NUMBER_PATTERN, IsoDateSchema } from '../formats';
import { LIFECYCLE_STAGES } from '../lifecycle/stage';
import { BusinessProfileSchema, FLAGS, type Flag } from '../profile/profile';
import { PROGRAM_KINDS } from '../program/program';
import { VersionSchema } from './common';

/** One instance for every plain string field (zod schemas are immutable). */
const str = z.string();

/** `/api/me/businesses/{brn}`: any other owner's or malformed number answers 404, so existence does not leak. */
export const BusinessParamsSchema = z.object({ brn: z.string().check(z.minLength(1), z.maxLength(20)) });

/** `POST /api/me/businesses/claim`: the three facts the tax office's status check compares. */
export const ClaimRequestSchema = z.strictObject({
  /** Checked (check digit included) by the service, which answers with the exact problem. */
  brn: z.string().check(z.maxLength(20), z.meta({ pattern: BUSINESS_NUMBER_INPUT_PATTERN })),
  representativeName: z.string().check(z.trim(), z.minLength(1), z.maxLength(50)),
  openingDate: IsoDateSchema,
});
export type ClaimRequest = z.output<typeof ClaimRequestSchema>;

/** Flags an owner may state; tax arrears and suspension come from the tax office, never from the owner. */
export const OWNER_FLAGS = FLAGS.filter((f) => f !== 'taxArrears' && f !== 'suspended') as [Flag, ...Flag[]];

const amount = z.number().check(z.minimum(0, { message: '0 이상이어야 합니다.' }), z.maximum(1e13));

/** Fields an owner may change; `null` clears an optional fact (back to unknown). */
export const ProfileChangesSchema = z
  .strictObject({
    tradeName: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(100))),
    employees: z.optional(z.nullable(z.number().check(z.int(), z.minimum(0), z.maximum(100_000)))),
    /**
     * The owner confirms an employee count at or above the industry's 소상공인 limit (profile/bounds.ts);
     * without it such a count is refused, since it ends every 소상공인 program's match. Not stored.
     */
    employeesConfirmed: z.optional(z.boolean()),
    revenue: z.optional(z.nullable(amount)),
    revenueAvg3y: z.optional(z.nullable(amount)),
    plannedClosureDate: z.optional(z.nullable(IsoDateSchema)),
    highestLoanRate: z.optional(z.nullable(z.number().check(z.minimum(0), z.maximum(100)))),
    flags: z.optional(z.partialRecord(z.enum(OWNER_FLAGS), z.nullable(z.boolean()))),
  })
  .check(z.refine((c) => Object.keys(c).length > 0, { message: '바꿀 항목을 하나 이상 입력해 주세요.' }));

/** `PATCH /api/me/businesses/{brn}`. */
export const PatchBusinessSchema = z.strictObject({ version: VersionSchema, changes: ProfileChangesSchema });
export type PatchBusiness = z.output<typeof PatchBusinessSchema>;
export type PatchBusinessInput = z.input<typeof PatchBusinessSchema>;

/** One of the owner's businesses. */
export const BusinessItemSchema = z.object({
  brn: z.string().check(z.regex(new RegExp(BUSINESS_NUMBER_PATTERN))),
  brnFormatted: str,
  tradeName: str,
  /** Lifecycle stage today; null when the opening date is unknown. */
  stage: z.nullable(z.enum(LIFECYCLE_STAGES)),
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
export const MatchQuerySchema = z.strictObject({ asOf: z.optional(IsoDateSchema) });

/** Why a condition holds or not, in Korean and English; `met` is null when a fact is unknown. */
export const ReasonSchema = z.object({
  path: str,
  type: str,
  met: z.nullable(z.boolean()),
  text: str,
  textEn: str,
  /** The "다음 중 하나" group this condition is one alternative of (its path in the rule); absent when required. */
  anyOf: z.optional(str),
});
export type Reason = z.infer<typeof ReasonSchema>;

export const MatchSchema = z.object({
  id: str,
  title: str,
  titleEn: z.nullable(str),
  kind: z.enum(PROGRAM_KINDS),
  eligible: z.literal(true),
  reasons: z.array(ReasonSchema),
  applyEnd: z.nullable(IsoDateSchema),
  dDay: z.nullable(z.number().check(z.int(), z.minimum(0))),
});
export type Match = z.infer<typeof MatchSchema>;

export const NearMissSchema = z.object({
  id: str,
  title: str,
  titleEn: z.nullable(str),
  kind: z.enum(PROGRAM_KINDS),
  change: str,
  changeEn: str,
  blocking: ReasonSchema,
});
export type NearMiss = z.infer<typeof NearMissSchema>;

export const MatchesResponseSchema = z.object({
  asOf: IsoDateSchema,
  stage: z.nullable(z.enum(LIFECYCLE_STAGES)),
  groups: z.object({
    'policy-fund': z.array(MatchSchema),
    support: z.array(MatchSchema),
    'disaster-relief': z.array(MatchSchema),
  }),
  nearMisses: z.array(NearMissSchema),
});
export type MatchesResponse = z.infer<typeof MatchesResponseSchema>;
