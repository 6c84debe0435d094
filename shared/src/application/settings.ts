import * as z from 'zod/mini';
import { DocumentRequirementSchema } from './documents';
import { FORM_LIMITS, FormFieldSchema } from './form';

/** Program quotas: a total budget (won) and/or a maximum number of awards. */
export const ProgramQuotaSchema = z.strictObject({
  budget: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(1e13))),
  maxAwards: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(10_000_000))),
});
export type ProgramQuota = z.output<typeof ProgramQuotaSchema>;

/** How a program takes applications: its own questions, the documents it needs, its quota. */
export const ApplicationSettingsSchema = z
  .strictObject({
    fields: z._default(z.array(FormFieldSchema).check(z.maxLength(FORM_LIMITS.maxFields)), []),
    documents: z._default(z.array(DocumentRequirementSchema).check(z.maxLength(20)), []),
    quota: z.optional(ProgramQuotaSchema),
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
