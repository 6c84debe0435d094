import {
  type FieldError,
  type ProgramDraft,
  ProgramDraftSchema,
  toFieldErrors,
  ValidationError,
  validateRule,
} from '@sbiz24/shared';
import * as z from 'zod';

const DRAFT_KEYS = new Set(Object.keys(ProgramDraftSchema.shape));
const ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,63}$/;

/** The body of `POST /api/staff/programs`: a draft, with an optional id (generated from the title otherwise). */
export const CreateProgramSchema = z.intersection(
  ProgramDraftSchema,
  z.object({
    id: z
      .string()
      .regex(ID_PATTERN, { message: '사업 ID는 영문 소문자, 숫자, 하이픈으로 2~64자여야 합니다.' })
      .optional(),
  }),
);

/** The body of `PUT /api/staff/programs/:id`. */
export const UpdateProgramSchema = z.object({ version: z.number().int().min(1), draft: ProgramDraftSchema });

/**
 * Validates a draft with exact paths: zod reports a failing rule union blurrily, so rule errors come from
 * `validateRule` (`rule.rules.1.codes.0`), and misspelt keys are named instead of silently dropped.
 */
export function parseDraft(input: unknown, prefix = '', extraKeys: string[] = []): ProgramDraft {
  const at = (path: string) => [prefix, path].filter(Boolean).join('.');
  const errors: FieldError[] = [];
  if (typeof input === 'object' && input !== null && !Array.isArray(input)) {
    for (const key of Object.keys(input)) {
      if (!DRAFT_KEYS.has(key) && !extraKeys.includes(key))
        errors.push({ path: at(key), message: `알 수 없는 항목입니다: ${key}` });
    }
  }
  const result = ProgramDraftSchema.safeParse(input);
  if (result.success && errors.length === 0) return result.data;
  const rule = (input as { rule?: unknown } | null)?.rule;
  const ruleCheck = rule === undefined ? undefined : validateRule(rule, at('rule'));
  const fromRule = ruleCheck && !ruleCheck.ok ? ruleCheck.errors : [];
  const rest = result.success
    ? []
    : toFieldErrors(result.error.issues, prefix).filter(
        (e) => fromRule.length === 0 || !(e.path === at('rule') || e.path.startsWith(`${at('rule')}.`)),
      );
  throw new ValidationError('입력값이 올바르지 않습니다.', [...errors, ...rest, ...fromRule]);
}

/** Parses the id of a create request, if given. */
export function parseGivenId(input: unknown): string | undefined {
  const id = (input as { id?: unknown } | null)?.id;
  if (id === undefined) return undefined;
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    throw new ValidationError('입력값이 올바르지 않습니다.', [
      { path: 'id', message: '사업 ID는 영문 소문자, 숫자, 하이픈으로 2~64자여야 합니다.' },
    ]);
  }
  return id;
}

/**
 * A readable id from the English title (`Youth Fund 2027` → `youth-fund-2027`); Korean-only titles get the
 * kind and date (`support-20261127`). The caller makes it unique.
 */
export function slugFor(draft: Pick<ProgramDraft, 'title' | 'titleEn' | 'kind'>, today: string): string {
  const fromEnglish = (draft.titleEn ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 48)
    .replace(/-+$/, '');
  if (fromEnglish.length >= 2) return fromEnglish;
  const fromTitle = draft.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (fromTitle.length >= 4) return fromTitle.slice(0, 48).replace(/-+$/, '');
  return `${draft.kind}-${today.replaceAll('-', '')}`;
}
