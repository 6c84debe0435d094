import type { DocumentRequirement } from '@sbiz24/shared/application/documents';
import type { FormField, FormFieldType, PrefillSource } from '@sbiz24/shared/application/form';
import type { ApplicationSettings } from '@sbiz24/shared/application/settings';
import { DAMAGE_KINDS, type DamageKind } from '@sbiz24/shared/relief/damage-list';
import { numberText, parseNumberInput } from '../../lib/numbers';

/** Documents the portal can confirm itself (확인됨), with the label a new one gets. */
export const HELD_DOCUMENTS = {
  'business-registration': '사업자등록증명',
  'tax-facts': '부가가치세 과세표준증명',
  'damage-confirmation': '피해사실확인서',
} as const;
export type HeldKind = keyof typeof HELD_DOCUMENTS;

export interface QuestionForm {
  id: string;
  label: string;
  type: FormFieldType;
  required: boolean;
  /** Choice options, one a line. */
  options: string;
  prefill: PrefillSource | '';
  /** What the editor does not show (English label, limits), kept as loaded. */
  extras: Partial<FormField>;
}

export interface UploadDocForm {
  id: string;
  label: string;
  required: boolean;
  extras: Partial<DocumentRequirement>;
}

/** A program's application settings as the editor holds them: numbers as typed text. */
export interface ApplicationSettingsForm {
  budget: string;
  maxAwards: string;
  held: Partial<Record<HeldKind, DocumentRequirement>>;
  uploads: UploadDocForm[];
  questions: QuestionForm[];
  /** Rapid payment (신속지급): on or off, the amount and the amounts by damage kind, as typed. */
  rapid: boolean;
  rapidAmount: string;
  rapidByKind: Partial<Record<DamageKind, string>>;
}

/** A new program asks for the business registration only, which the portal already holds. */
export function emptySettingsForm(): ApplicationSettingsForm {
  return {
    budget: '',
    maxAwards: '',
    held: {
      'business-registration': {
        id: 'business-registration',
        kind: 'business-registration',
        label: HELD_DOCUMENTS['business-registration'],
        required: true,
      },
    },
    uploads: [],
    questions: [],
    rapid: false,
    rapidAmount: '',
    rapidByKind: {},
  };
}

export function settingsFormOf(s: ApplicationSettings | undefined): ApplicationSettingsForm {
  if (!s) return emptySettingsForm();
  const held: ApplicationSettingsForm['held'] = {};
  const uploads: UploadDocForm[] = [];
  for (const d of s.documents) {
    if (d.kind === 'upload') {
      const { id, label, required, ...extras } = d;
      uploads.push({ id, label, required, extras });
    } else held[d.kind] ??= d;
  }
  return {
    budget: numberText(s.quota?.budget),
    maxAwards: numberText(s.quota?.maxAwards),
    held,
    uploads,
    questions: s.fields.map(({ id, label, type, required, options, prefill, ...extras }) => ({
      id,
      label,
      type,
      required,
      options: (options ?? []).join('\n'),
      prefill: prefill ?? '',
      extras,
    })),
    rapid: s.rapidPayment !== undefined,
    rapidAmount: numberText(s.rapidPayment?.amountWon),
    rapidByKind: Object.fromEntries(
      DAMAGE_KINDS.flatMap((k) => {
        const won = s.rapidPayment?.byDamageKind?.[k];
        return won === undefined ? [] : [[k, numberText(won)]];
      }),
    ),
  };
}

/** An id not yet taken: `q1`, `q2`… for questions, `doc-1`… for documents. */
export function nextId(prefix: string, taken: readonly string[]): string {
  for (let n = 1; ; n++) if (!taken.includes(`${prefix}${n}`)) return `${prefix}${n}`;
}

/** A typed number, or the text itself when it is not one (so that the API names the field in its error). */
function num(text: string): number | string | undefined {
  const n = parseNumberInput(text);
  if (n === undefined) return undefined;
  return Number.isNaN(n) ? text : n;
}

/** The `application` part of a program draft, as the API takes it. */
export function settingsBody(f: ApplicationSettingsForm) {
  const budget = num(f.budget);
  const maxAwards = num(f.maxAwards);
  const quota = {
    ...(budget !== undefined ? { budget } : {}),
    ...(maxAwards !== undefined ? { maxAwards } : {}),
  };
  return {
    fields: f.questions.map((q) => {
      const options = q.options
        .split('\n')
        .map((o) => o.trim())
        .filter(Boolean);
      return {
        ...q.extras,
        id: q.id,
        label: q.label.trim(),
        type: q.type,
        required: q.required,
        ...(q.type === 'choice' ? { options } : {}),
        ...(q.prefill ? { prefill: q.prefill } : {}),
      };
    }),
    documents: [
      ...(Object.keys(HELD_DOCUMENTS) as HeldKind[]).flatMap((k) => (f.held[k] ? [f.held[k]] : [])),
      ...f.uploads.map((u) => ({
        ...u.extras,
        id: u.id,
        kind: 'upload' as const,
        label: u.label.trim(),
        required: u.required,
      })),
    ],
    ...(Object.keys(quota).length > 0 ? { quota } : {}),
    ...(f.rapid ? { rapidPayment: rapidBody(f) } : {}),
  };
}

function rapidBody(f: ApplicationSettingsForm) {
  const byKind = Object.fromEntries(
    DAMAGE_KINDS.flatMap((k) => {
      const won = num(f.rapidByKind[k] ?? '');
      return won === undefined ? [] : [[k, won]];
    }),
  );
  return {
    amountWon: num(f.rapidAmount) ?? f.rapidAmount,
    ...(Object.keys(byKind).length > 0 ? { byDamageKind: byKind } : {}),
  };
}
