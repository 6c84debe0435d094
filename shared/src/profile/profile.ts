import * as z from 'zod/mini';
import { isIsoDate } from '../dates';
import { BusinessNumberSchema, IsoDateSchema, KsicCodeSchema, SigunguCodeSchema } from '../formats';
import { DAMAGE_KINDS } from '../relief/damage-list';
import { josa } from '../rules/format';
import type { FieldError } from '../validation';

/**
 * Yes/no facts about a business or its owner. Each is tri-state in a profile: true, false, or absent
 * (unknown). An unknown fact never makes a business eligible.
 */
export const FLAGS = [
  'womanOwned',
  'disabledOwned',
  'taxArrears',
  'suspended',
  'exporter',
  'revenueGrowth',
  'smartTech',
  'employmentInsurance',
  'covidRevenueDrop',
] as const;
export type Flag = (typeof FLAGS)[number];

export const FLAG_LABELS: Record<Flag, { ko: string; en: string }> = {
  womanOwned: { ko: '여성 대표 기업', en: 'woman-owned' },
  disabledOwned: { ko: '장애인 대표 기업', en: 'disabled-owned' },
  taxArrears: { ko: '국세·지방세 체납', en: 'tax arrears' },
  suspended: { ko: '휴업 중', en: 'temporarily closed (suspended)' },
  exporter: { ko: '최근 1년 수출 실적', en: 'exported in the last year' },
  revenueGrowth: { ko: '2년 연속 매출 10% 이상 성장', en: 'revenue up 10% two years running' },
  smartTech: { ko: '스마트기술(키오스크·서빙로봇·테이블오더) 도입', en: 'smart technology adopted' },
  employmentInsurance: { ko: '고용보험 가입', en: 'enrolled in employment insurance' },
  covidRevenueDrop: {
    ko: '2021년 매출 감소(2019년 또는 2020년 대비)',
    en: 'revenue in 2021 below 2019 or 2020',
  },
};

const isoDate = IsoDateSchema;

/** The earliest date a profile may hold: no business still on record opened before 1950. */
export const EARLIEST_PROFILE_DATE = '1950-01-01';

/** A date on or after `EARLIEST_PROFILE_DATE`; `label` names the field in the message. */
function profileDate(label: string) {
  const from = EARLIEST_PROFILE_DATE.slice(0, 4);
  return isoDate.check(
    z.refine((d) => !isIsoDate(d) || d >= EARLIEST_PROFILE_DATE, {
      message: `${josa(label, '은/는')} ${from}년 1월 1일 이후여야 합니다.`,
    }),
  );
}

/** Emoji, pictographs and control characters have no place in a registered trade name. */
const ODD_CHARACTERS = /\p{Extended_Pictographic}|\p{Cc}|\u200d|\ufe0f/u;

/** The most employees a profile may state: far above any 소상공인 (5 or 10) or small business (300). */
export const MAX_EMPLOYEES = 1_000;

const brnField = BusinessNumberSchema;

export const PriorSupportSchema = z.strictObject({
  programId: z.string().check(z.minLength(1), z.maxLength(64)),
  year: z.number().check(z.int(), z.minimum(1990), z.maximum(2100)),
  /** `portal`: awarded through a portal application (written by the approval itself); absent: self-reported. */
  source: z.optional(z.literal('portal')),
  /** The approved application, for a portal award. */
  applicationId: z.optional(z.string().check(z.maxLength(64))),
  /** Won, for a portal award. */
  amount: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(1e13))),
});

export const DamageConfirmationSchema = z.strictObject({
  disasterId: z.string().check(z.minLength(1), z.maxLength(64)),
  confirmedOn: profileDate('피해 확인일'),
  /** What was damaged, when the confirming office says (damage lists, relief/damage-list.ts). */
  kind: z.optional(z.enum(DAMAGE_KINDS)),
  /** Damage in won, when the confirming office says. */
  amountWon: z.optional(z.number().check(z.int(), z.minimum(0), z.maximum(1e13))),
});

/**
 * A business profile: the rule-relevant facts of one business (or of a founder preparing to open one).
 * Optional fields are unknown when absent.
 */
export const BusinessProfileSchema = z
  .strictObject({
    /** 사업자등록번호, ten digits (hyphens accepted on input). Absent only for a pre-startup founder. */
    brn: z.optional(brnField),
    tradeName: z.string().check(
      z.trim(),
      z.minLength(1),
      z.maxLength(100),
      z.refine((v) => !ODD_CHARACTERS.test(v), {
        message: '상호에는 이모지나 제어 문자를 쓸 수 없습니다.',
      }),
    ),
    representativeName: z.string().check(z.trim(), z.minLength(1), z.maxLength(50)),
    /** 예비창업자: preparing to open, no registration yet. */
    preStartup: z.optional(z.boolean()),
    /** 개업일. */
    openingDate: z.optional(profileDate('개업일')),
    /** 폐업일, when closed. */
    closureDate: z.optional(profileDate('폐업일')),
    /** 폐업 예정일, when closure is planned. */
    plannedClosureDate: z.optional(profileDate('폐업 예정일')),
    /** The date the owner's previous business closed, for a restarted business (재창업). */
    previousClosureDate: z.optional(profileDate('이전 사업 폐업일')),
    /** 시군구 code (5 digits, 행정표준코드). */
    regionCode: SigunguCodeSchema,
    /** KSIC code, 2–5 digits. */
    ksic: KsicCodeSchema,
    /** 상시근로자 수. */
    employees: z.optional(
      z.number().check(
        z.int({ message: '상시근로자 수는 정수여야 합니다.' }),
        z.minimum(0, { message: '상시근로자 수는 0 이상이어야 합니다.' }),
        z.maximum(MAX_EMPLOYEES, {
          message: `상시근로자 수는 ${MAX_EMPLOYEES.toLocaleString('en-US')}명 이하여야 합니다.`,
        }),
      ),
    ),
    /** Last year's revenue in won. */
    revenue: z.optional(
      z.number().check(z.minimum(0, { message: '매출액은 0 이상이어야 합니다.' }), z.maximum(1e13)),
    ),
    /** 3-year average revenue in won. */
    revenueAvg3y: z.optional(
      z.number().check(z.minimum(0, { message: '매출액은 0 이상이어야 합니다.' }), z.maximum(1e13)),
    ),
    ownerBirthYear: z.optional(z.number().check(z.int(), z.minimum(1900), z.maximum(2100))),
    /** The highest interest rate (%) of the business loans held. */
    highestLoanRate: z.optional(z.number().check(z.minimum(0), z.maximum(100))),
    flags: z._default(z.partialRecord(z.enum(FLAGS), z.boolean()), {}),
    priorSupport: z._default(z.array(PriorSupportSchema).check(z.maxLength(200)), []),
    disasterDamage: z._default(z.array(DamageConfirmationSchema).check(z.maxLength(50)), []),
  })
  .check(
    z.superRefine((p, ctx) => {
      if (!p.brn && !p.preStartup) {
        ctx.addIssue({
          code: 'custom',
          path: ['brn'],
          message: '사업자등록번호를 입력해 주세요 (예비창업자는 preStartup: true).',
        });
      }
      if (p.openingDate && p.closureDate && p.closureDate < p.openingDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['closureDate'],
          message: '폐업일은 개업일보다 빠를 수 없습니다.',
        });
      }
      if (p.openingDate && p.plannedClosureDate && p.plannedClosureDate < p.openingDate) {
        ctx.addIssue({
          code: 'custom',
          path: ['plannedClosureDate'],
          message: '폐업 예정일은 개업일보다 빠를 수 없습니다.',
        });
      }
    }),
  );

export type BusinessProfile = z.output<typeof BusinessProfileSchema>;
export type BusinessProfileInput = z.input<typeof BusinessProfileSchema>;
export type PriorSupport = z.output<typeof PriorSupportSchema>;
export type DamageConfirmation = z.output<typeof DamageConfirmationSchema>;

/** The ids a profile may refer to: the programs and declared disasters that exist. */
export interface KnownIds {
  readonly programIds: ReadonlySet<string>;
  readonly disasterIds: ReadonlySet<string>;
}

/**
 * References a valid profile makes to programs (prior support) and disasters (damage) that do not exist: a
 * misspelt id would otherwise silently count for nothing. Paths are prefixed with `prefix` ("profile").
 */
export function profileReferenceErrors(
  p: Pick<BusinessProfile, 'priorSupport' | 'disasterDamage'>,
  known: KnownIds,
  prefix = '',
): FieldError[] {
  const at = (path: string) => [prefix, path].filter(Boolean).join('.');
  const errors: FieldError[] = [];
  p.priorSupport.forEach((s, i) => {
    if (!known.programIds.has(s.programId))
      errors.push({ path: at(`priorSupport.${i}.programId`), message: `없는 사업입니다: ${s.programId}` });
  });
  p.disasterDamage.forEach((d, i) => {
    if (!known.disasterIds.has(d.disasterId))
      errors.push({
        path: at(`disasterDamage.${i}.disasterId`),
        message: `선포된 재난 가운데 없는 재난입니다: ${d.disasterId}`,
      });
  });
  return errors;
}
