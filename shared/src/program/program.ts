import * as z from 'zod/mini';
import { ApplicationSettingsSchema } from '../application/settings';
import { IsoDateSchema, SLUG_PATTERN } from '../formats';
import { LIFECYCLE_STAGES } from '../lifecycle/stage';
import { BusinessProfileSchema } from '../profile/profile';
import { RuleSchema } from '../rules/schema';

export const PROGRAM_KINDS = ['policy-fund', 'support', 'disaster-relief'] as const;
export type ProgramKind = (typeof PROGRAM_KINDS)[number];
export const PROGRAM_KIND_LABELS: Record<ProgramKind, { ko: string; en: string }> = {
  'policy-fund': { ko: '정책자금', en: 'Policy fund' },
  support: { ko: '지원사업', en: 'Support program' },
  'disaster-relief': { ko: '재난지원금', en: 'Disaster relief' },
};

export const PROGRAM_STATUSES = ['draft', 'scheduled', 'open', 'closed'] as const;
export type ProgramStatus = (typeof PROGRAM_STATUSES)[number];
export const PROGRAM_STATUS_LABELS: Record<ProgramStatus, string> = {
  draft: '작성 중',
  scheduled: '공고 예정',
  open: '접수 중',
  closed: '마감',
};

/** Agencies that publish programs; staff belong to one and edit only its programs. */
export const AGENCIES = {
  semas: '소상공인시장진흥공단',
  mss: '중소벤처기업부',
  mois: '행정안전부',
  gyeongbuk: '경상북도',
} as const;
export type AgencyId = keyof typeof AGENCIES;
/** The agencies' names on the English pages. */
export const AGENCY_NAMES_EN: Record<AgencyId, string> = {
  semas: 'Small Enterprise and Market Service',
  mss: 'Ministry of SMEs and Startups',
  mois: 'Ministry of the Interior and Safety',
  gyeongbuk: 'Gyeongsangbuk-do Provincial Government',
};
const AGENCY_IDS = Object.keys(AGENCIES) as [AgencyId, ...AgencyId[]];

const isoDate = IsoDateSchema;

/** A business that must (or must not) qualify: a check on the rule that runs before publishing. */
export const ProgramExampleSchema = z.object({
  name: z.string().check(z.trim(), z.minLength(1), z.maxLength(100)),
  /** Evaluation date for this example; the program's check date when absent. */
  asOf: z.optional(isoDate),
  profile: BusinessProfileSchema,
});

export const BenefitSchema = z.object({
  /** Korean description shown on program pages. */
  description: z.string().check(z.trim(), z.minLength(1), z.maxLength(500)),
  /** The description in English, for the English pages. */
  descriptionEn: z.optional(z.string().check(z.trim(), z.maxLength(500))),
  /** Largest grant or credit, in won. */
  maxAmount: z.optional(z.number().check(z.int(), z.minimum(0))),
  /** Largest loan, in won. */
  loanLimit: z.optional(z.number().check(z.int(), z.minimum(0))),
  /** Interest rate in words (e.g. "정책기준금리 + 0.6%p"). */
  rate: z.optional(z.string().check(z.maxLength(100))),
  rateEn: z.optional(z.string().check(z.maxLength(150))),
});

/** The parts of a program that staff author; id, status and version are managed by the portal. */
export const ProgramDraftSchema = z
  .object({
    title: z
      .string()
      .check(z.trim(), z.minLength(2, { message: '사업명은 2자 이상이어야 합니다.' }), z.maxLength(100)),
    titleEn: z.optional(z.string().check(z.trim(), z.maxLength(150))),
    kind: z.enum(PROGRAM_KINDS),
    agencyId: z.enum(AGENCY_IDS),
    stages: z
      .array(z.enum(LIFECYCLE_STAGES))
      .check(z.minLength(1, { message: '대상 단계를 하나 이상 선택해야 합니다.' })),
    summary: z.string().check(z.trim(), z.minLength(1), z.maxLength(1000)),
    /** The summary in English, for the English pages. */
    summaryEn: z.optional(z.string().check(z.trim(), z.maxLength(1000))),
    benefit: BenefitSchema,
    applyStart: z.optional(isoDate),
    applyEnd: z.optional(isoDate),
    howToApply: z._default(z.string().check(z.trim(), z.maxLength(1000)), ''),
    howToApplyEn: z.optional(z.string().check(z.trim(), z.maxLength(1000))),
    rule: RuleSchema,
    examples: z._default(
      z.object({
        mustMatch: z._default(z.array(ProgramExampleSchema).check(z.maxLength(20)), []),
        mustNotMatch: z._default(z.array(ProgramExampleSchema).check(z.maxLength(20)), []),
      }),
      { mustMatch: [], mustNotMatch: [] },
    ),
    /** How the program takes applications through the portal: its questions, documents and quota. */
    application: z.optional(ApplicationSettingsSchema),
  })
  .check(
    z.superRefine((p, ctx) => {
      if (p.applyStart && p.applyEnd && p.applyEnd < p.applyStart) {
        ctx.addIssue({
          code: 'custom',
          path: ['applyEnd'],
          message: '접수 마감일은 시작일보다 빠를 수 없습니다.',
        });
      }
    }),
  );

export const ProgramSchema = z.intersection(
  ProgramDraftSchema,
  z.object({
    id: z.string().check(
      z.regex(SLUG_PATTERN, {
        message: '사업 ID는 영문 소문자, 숫자, 하이픈으로 2~64자여야 합니다.',
      }),
    ),
    status: z.enum(PROGRAM_STATUSES),
    version: z.number().check(z.int(), z.minimum(1)),
  }),
);

export type ProgramDraft = z.output<typeof ProgramDraftSchema>;
export type ProgramDraftInput = z.input<typeof ProgramDraftSchema>;
export type Program = z.output<typeof ProgramSchema>;
export type ProgramExample = z.output<typeof ProgramExampleSchema>;

/** True when the program takes applications on `asOf`: open, and within its window if it has one. */
export function isOpenOn(p: Pick<Program, 'status' | 'applyStart' | 'applyEnd'>, asOf: string): boolean {
  if (p.status !== 'open') return false;
  if (p.applyStart && asOf < p.applyStart) return false;
  if (p.applyEnd && asOf > p.applyEnd) return false;
  return true;
}

/** The status a program has on `today`, taking its apply window into account. */
export function effectiveStatus(
  p: Pick<Program, 'status' | 'applyStart' | 'applyEnd'>,
  today: string,
): ProgramStatus {
  if (p.status === 'scheduled' && p.applyStart && p.applyStart <= today) {
    return p.applyEnd && p.applyEnd < today ? 'closed' : 'open';
  }
  if (p.status === 'open' && p.applyEnd && p.applyEnd < today) return 'closed';
  return p.status;
}

/** True when the program takes applications on `asOf` (a scheduled program counts once its window opens). */
export function isOpenAsOf(p: Pick<Program, 'status' | 'applyStart' | 'applyEnd'>, asOf: string): boolean {
  return isOpenOn({ ...p, status: effectiveStatus(p, asOf) }, asOf);
}
