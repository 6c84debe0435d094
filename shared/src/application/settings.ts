import * as z from 'zod';
import { DocumentRequirementSchema } from './documents';
import { FORM_LIMITS, FormFieldSchema } from './form';

/** Program quotas: a total budget (won) and/or a maximum number of awards. */
export const ProgramQuotaSchema = z
  .object({
    budget: z.number().int().min(1).max(1e13).optional(),
    maxAwards: z.number().int().min(1).max(10_000_000).optional(),
  })
  .strict();
export type ProgramQuota = z.output<typeof ProgramQuotaSchema>;

/** How a program takes applications: its own questions, the documents it needs, its quota. */
export const ApplicationSettingsSchema = z
  .object({
    fields: z.array(FormFieldSchema).max(FORM_LIMITS.maxFields).default([]),
    documents: z.array(DocumentRequirementSchema).max(20).default([]),
    quota: ProgramQuotaSchema.optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
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
  });
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
