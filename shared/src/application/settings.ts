import * as z from 'zod/mini';
import type { BusinessProfile } from '../profile/profile';
import { DAMAGE_KINDS, type DamageKind } from '../relief/damage-list';
import { DocumentRequirementSchema } from './documents';
import { FORM_LIMITS, FormFieldSchema } from './form';

/** Program quotas: a total budget (won) and/or a maximum number of awards. */
export const ProgramQuotaSchema = z.strictObject({
  budget: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(1e13))),
  maxAwards: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(10_000_000))),
});
export type ProgramQuota = z.output<typeof ProgramQuotaSchema>;

/** The most a rapid payment (신속지급) pays one business: 10억원. */
export const RAPID_PAYMENT_MAX_WON = 1_000_000_000;

const rapidAmount = (label: string) =>
  z
    .number({ error: `${label}은 원 단위 정수여야 합니다.` })
    .check(
      z.int({ error: `${label}은 원 단위 정수여야 합니다.` }),
      z.minimum(1, { error: `${label}은 1원 이상이어야 합니다.` }),
      z.maximum(RAPID_PAYMENT_MAX_WON, { error: `${label}은 10억원 이하여야 합니다.` }),
    );

/**
 * Rapid payment (신속지급): every approved application is paid a fixed amount, or the amount set for the
 * damage kind the business's confirmation records (the fixed amount when it records none or another kind).
 * The owner's form then asks only for the bank account; staff approve every still-eligible application at once.
 */
export const RapidPaymentSchema = z.strictObject({
  amountWon: rapidAmount('지급액(amountWon)'),
  byDamageKind: z.optional(
    z.partialRecord(
      z.enum(DAMAGE_KINDS, { error: '피해 유형(byDamageKind)이 올바르지 않습니다.' }),
      rapidAmount('피해 유형별 지급액(byDamageKind)'),
    ),
  ),
});
export type RapidPayment = z.output<typeof RapidPaymentSchema>;

/** The amount a rapid-payment program pays a business whose damage confirmation records `kind`. */
export function rapidPaymentAmount(rapid: RapidPayment, kind: DamageKind | undefined): number {
  return (kind && rapid.byDamageKind?.[kind]) ?? rapid.amountWon;
}

/**
 * The kind on the business's latest damage confirmation that records one (what a rapid amount may depend on).
 * The apply form, the bulk approval and the recompute's notice all read the amount through it, so the amount
 * an owner is told is the amount approved.
 */
export function latestDamageKind(profile: Pick<BusinessProfile, 'disasterDamage'>): DamageKind | undefined {
  const withKind = profile.disasterDamage.filter((d) => d.kind !== undefined);
  withKind.sort((a, b) => b.confirmedOn.localeCompare(a.confirmedOn));
  return withKind[0]?.kind;
}

/** How a program takes applications: its own questions, the documents it needs, its quota. */
export const ApplicationSettingsSchema = z
  .strictObject({
    fields: z._default(z.array(FormFieldSchema).check(z.maxLength(FORM_LIMITS.maxFields)), []),
    documents: z._default(z.array(DocumentRequirementSchema).check(z.maxLength(20)), []),
    quota: z.optional(ProgramQuotaSchema),
    rapidPayment: z.optional(RapidPaymentSchema),
  })
  .check(
    z.superRefine((s, ctx) => {
      const seen = new Set<string>();
      s.fields.forEach((f, i) => {
        if (seen.has(f.id))
          ctx.addIssue({ code: 'custom', path: ['fields', i, 'id'], message: '항목 ID가 중복됩니다.' });
        seen.add(f.id);
      });
      const docs = new Set<string>();
      s.documents.forEach((d, i) => {
        if (docs.has(d.id))
          ctx.addIssue({ code: 'custom', path: ['documents', i, 'id'], message: '서류 ID가 중복됩니다.' });
        docs.add(d.id);
      });
    }),
  );
export type ApplicationSettings = z.output<typeof ApplicationSettingsSchema>;

/** A program without settings asks no questions, needs only the business registration, and has no quota. */
export const DEFAULT_APPLICATION_SETTINGS: ApplicationSettings = {
  fields: [],
  documents: [
    {
      id: 'business-registration',
      kind: 'business-registration',
      label: '사업자등록증명',
      labelEn: 'Certificate of business registration',
      required: true,
    },
  ],
};

/**
 * A program as the application service reads it: the stored program may carry `application` settings. Not yet
 * part of ProgramDraftSchema: the staff editor adds it with the application routes (the schemas would grow the
 * API bundle before anything there uses them).
 */
export interface WithApplicationSettings {
  application?: ApplicationSettings;
}

/** The program's rapid-payment setting, when it is a 신속지급 program. */
export function rapidPaymentOf(program: object): RapidPayment | undefined {
  return (program as WithApplicationSettings).application?.rapidPayment;
}
