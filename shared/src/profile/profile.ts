import * as z from 'zod';
import { BusinessNumberSchema, IsoDateSchema, KsicCodeSchema, SigunguCodeSchema } from '../formats';

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
  suspended: { ko: '휴업 중', en: 'suspended (휴업)' },
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
const brnField = BusinessNumberSchema;

export const PriorSupportSchema = z.object({
  programId: z.string().min(1),
  year: z.number().int().min(1990).max(2100),
});

export const DamageConfirmationSchema = z.object({
  disasterId: z.string().min(1),
  confirmedOn: isoDate,
});

/**
 * A business profile: the rule-relevant facts of one business (or of a founder preparing to open one).
 * Optional fields are unknown when absent.
 */
export const BusinessProfileSchema = z
  .object({
    /** 사업자등록번호, ten digits (hyphens accepted on input). Absent only for a pre-startup founder. */
    brn: brnField.optional(),
    tradeName: z.string().trim().min(1).max(100),
    representativeName: z.string().trim().min(1).max(50),
    /** 예비창업자: preparing to open, no registration yet. */
    preStartup: z.boolean().optional(),
    /** 개업일. */
    openingDate: isoDate.optional(),
    /** 폐업일, when closed. */
    closureDate: isoDate.optional(),
    /** 폐업 예정일, when closure is planned. */
    plannedClosureDate: isoDate.optional(),
    /** The date the owner's previous business closed, for a restarted business (재창업). */
    previousClosureDate: isoDate.optional(),
    /** 시군구 code (5 digits, 행정표준코드). */
    regionCode: SigunguCodeSchema,
    /** KSIC code, 2–5 digits. */
    ksic: KsicCodeSchema,
    /** 상시근로자 수. */
    employees: z
      .number()
      .int({ message: '상시근로자 수는 정수여야 합니다.' })
      .min(0, { message: '상시근로자 수는 0 이상이어야 합니다.' })
      .max(100_000)
      .optional(),
    /** Last year's revenue in won. */
    revenue: z.number().min(0, { message: '매출액은 0 이상이어야 합니다.' }).max(1e13).optional(),
    /** 3-year average revenue in won. */
    revenueAvg3y: z.number().min(0, { message: '매출액은 0 이상이어야 합니다.' }).max(1e13).optional(),
    ownerBirthYear: z.number().int().min(1900).max(2100).optional(),
    /** The highest interest rate (%) of the business loans held. */
    highestLoanRate: z.number().min(0).max(100).optional(),
    flags: z.partialRecord(z.enum(FLAGS), z.boolean()).default({}),
    priorSupport: z.array(PriorSupportSchema).max(200).default([]),
    disasterDamage: z.array(DamageConfirmationSchema).max(50).default([]),
  })
  .superRefine((p, ctx) => {
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
  });

export type BusinessProfile = z.output<typeof BusinessProfileSchema>;
export type BusinessProfileInput = z.input<typeof BusinessProfileSchema>;
export type PriorSupport = z.output<typeof PriorSupportSchema>;
export type DamageConfirmation = z.output<typeof DamageConfirmationSchema>;
