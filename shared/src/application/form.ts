import * as z from 'zod/mini';
import { isIsoDate } from '../dates';
import type { BusinessProfile } from '../profile/profile';
import { type FileMetadata, FileMetadataSchema } from './documents';

/**
 * The questions a program may ask beyond what the portal holds (defined by staff in the program editor).
 * A field that maps to a profile fact is prefilled from the profile, so the owner only checks it.
 */

export const FORM_FIELD_TYPES = ['text', 'number', 'choice', 'date', 'file'] as const;
export type FormFieldType = (typeof FORM_FIELD_TYPES)[number];

/** Profile facts a field may be prefilled from. */
export const PREFILL_SOURCES = [
  'tradeName',
  'representativeName',
  'openingDate',
  'regionCode',
  'ksic',
  'employees',
  'revenue',
] as const;
export type PrefillSource = (typeof PREFILL_SOURCES)[number];

/** Limits of a form, enforced before anything is stored. */
export const FORM_LIMITS = {
  maxFields: 30,
  maxTextLength: 2000,
  maxChoices: 30,
  maxLabelLength: 100,
} as const;

const fieldId = z.string().check(
  z.regex(/^[a-z][a-zA-Z0-9_-]{0,39}$/, {
    message: '항목 ID는 영문 소문자로 시작하는 40자 이하의 영문·숫자여야 합니다.',
  }),
);

export const FormFieldSchema = z
  .strictObject({
    id: fieldId,
    label: z.string().check(z.trim(), z.minLength(1), z.maxLength(FORM_LIMITS.maxLabelLength)),
    labelEn: z.optional(z.string().check(z.trim(), z.maxLength(FORM_LIMITS.maxLabelLength * 2))),
    type: z.enum(FORM_FIELD_TYPES),
    required: z._default(z.boolean(), false),
    /** text: the longest answer in characters. */
    maxLength: z.optional(z.number().check(z.int(), z.minimum(1), z.maximum(FORM_LIMITS.maxTextLength))),
    /** number: the range allowed. */
    min: z.optional(z.number()),
    max: z.optional(z.number()),
    /** choice: the options offered. */
    options: z.optional(
      z
        .array(z.string().check(z.trim(), z.minLength(1), z.maxLength(100)))
        .check(z.minLength(1), z.maxLength(FORM_LIMITS.maxChoices)),
    ),
    prefill: z.optional(z.enum(PREFILL_SOURCES)),
  })
  .check(
    z.superRefine((f, ctx) => {
      if (f.type === 'choice' && !f.options) {
        ctx.addIssue({ code: 'custom', path: ['options'], message: '선택형 항목에는 선택지가 필요합니다.' });
      }
      if (f.min !== undefined && f.max !== undefined && f.max < f.min) {
        ctx.addIssue({ code: 'custom', path: ['max'], message: '최댓값은 최솟값보다 작을 수 없습니다.' });
      }
    }),
  );

export type FormField = z.output<typeof FormFieldSchema>;

/** One answer: text, choice and date answers are strings, numbers are numbers, files are their metadata. */
export const AnswerValueSchema = z.union([
  z.string().check(z.maxLength(FORM_LIMITS.maxTextLength)),
  z.number(),
  FileMetadataSchema,
]);
export type AnswerValue = string | number | FileMetadata;

export interface FormIssue {
  fieldId: string;
  message: string;
}

function prefillValue(source: PrefillSource, profile: BusinessProfile): string | number | undefined {
  return profile[source];
}

/** The answers with every empty prefillable field filled from the profile. */
export function prefillAnswers(
  fields: readonly FormField[],
  profile: BusinessProfile,
  answers: Readonly<Record<string, AnswerValue>> = {},
): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const field of fields) {
    const given = answers[field.id];
    const value = given ?? (field.prefill ? prefillValue(field.prefill, profile) : undefined);
    if (value !== undefined && value !== '') out[field.id] = value;
  }
  return out;
}

const isFile = (v: AnswerValue): v is FileMetadata => typeof v === 'object' && v !== null;

/** Why one answer does not fit its field, or undefined when it does. */
function answerIssue(field: FormField, value: AnswerValue): string | undefined {
  switch (field.type) {
    case 'text':
      if (typeof value !== 'string') return `「${field.label}」에는 글자를 입력해 주세요.`;
      if (value.length > (field.maxLength ?? FORM_LIMITS.maxTextLength))
        return `「${field.label}」 항목은 ${field.maxLength ?? FORM_LIMITS.maxTextLength}자 이하여야 합니다.`;
      return undefined;
    case 'number':
      if (typeof value !== 'number' || !Number.isFinite(value))
        return `「${field.label}」에는 숫자를 입력해 주세요.`;
      if (field.min !== undefined && value < field.min)
        return `「${field.label}」 값은 ${field.min} 이상이어야 합니다.`;
      if (field.max !== undefined && value > field.max)
        return `「${field.label}」 값은 ${field.max} 이하여야 합니다.`;
      return undefined;
    case 'choice':
      if (typeof value !== 'string' || !field.options?.includes(value))
        return `「${field.label}」에서 제시된 선택지 중 하나를 골라 주세요.`;
      return undefined;
    case 'date':
      if (typeof value !== 'string' || !isIsoDate(value))
        return `「${field.label}」에는 YYYY-MM-DD 형식의 날짜를 입력해 주세요.`;
      return undefined;
    case 'file':
      if (!isFile(value)) return `「${field.label}」에는 파일을 첨부해 주세요.`;
      return undefined;
  }
}

/**
 * Checks a program's form: every required field answered (after prefill), every answer of the right kind,
 * no answer to a field the form does not have. An empty list means complete.
 */
export function checkAnswers(
  fields: readonly FormField[],
  answers: Readonly<Record<string, AnswerValue>>,
): FormIssue[] {
  const issues: FormIssue[] = [];
  const known = new Set(fields.map((f) => f.id));
  for (const id of Object.keys(answers)) {
    if (!known.has(id)) issues.push({ fieldId: id, message: `이 사업의 신청서에 없는 항목(${id})입니다.` });
  }
  for (const field of fields) {
    const value = answers[field.id];
    if (value === undefined || value === '') {
      if (field.required)
        issues.push({ fieldId: field.id, message: `「${field.label}」 항목을 입력해 주세요.` });
      continue;
    }
    const problem = answerIssue(field, value);
    if (problem) issues.push({ fieldId: field.id, message: problem });
  }
  return issues;
}
