import * as z from 'zod/mini';

/** One problem with an input, located by a dotted path (`rule.rules.2.codes.0`), with a Korean message. */
export interface FieldError {
  path: string;
  message: string;
}

export type Validated<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

const TYPE_NAMES: Record<string, string> = {
  string: '문자열',
  number: '숫자',
  boolean: '참/거짓',
  int: '정수',
  array: '목록',
  object: '객체',
  undefined: '값 없음',
};

/**
 * zod/mini carries no locale: its issues all say "Invalid input", and they leave out the input unless asked.
 * The one fact the Korean messages need from zod's wording, that a value was missing, is kept as classic
 * zod's English put it (an explicit `z.config` elsewhere, or classic zod's English, words it the same way).
 */
z.config({
  localeError: (issue) =>
    issue.code === 'invalid_type' && issue.input === undefined
      ? `Invalid input: expected ${issue.expected}, received undefined`
      : undefined,
});

/** Korean message for a zod issue: our own messages pass through; zod's generic ones are translated. */
function koreanMessage(issue: z.core.$ZodIssue): string {
  // Our own messages (given on `.min()`, `.int()`, refinements …) are Korean already and pass through.
  if (/[가-힣]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      // zod 4 leaves `input` out of issues unless asked, so a missing value is recognised by zod's wording.
      if ('input' in issue ? issue.input === undefined : /received undefined$/.test(issue.message))
        return '필수 항목입니다.';
      return `${TYPE_NAMES[issue.expected] ?? issue.expected} 값이어야 합니다.`;
    case 'too_small':
      if (issue.origin === 'array') return `최소 ${issue.minimum}개 이상 입력해야 합니다.`;
      if (issue.origin === 'string')
        return issue.minimum === 1 ? '비어 있을 수 없습니다.' : `최소 ${issue.minimum}자 이상이어야 합니다.`;
      return `${issue.minimum} 이상이어야 합니다.`;
    case 'too_big':
      if (issue.origin === 'array') return `최대 ${issue.maximum}개까지 입력할 수 있습니다.`;
      if (issue.origin === 'string') return `최대 ${issue.maximum}자까지 입력할 수 있습니다.`;
      return `${issue.maximum} 이하여야 합니다.`;
    case 'invalid_value':
      return `허용되지 않는 값입니다 (가능한 값: ${issue.values.map(String).join(', ')}).`;
    case 'invalid_union':
      return '형식이 올바르지 않습니다.';
    case 'unrecognized_keys':
      return `알 수 없는 항목입니다: ${issue.keys.join(', ')}`;
    default:
      return '값이 올바르지 않습니다.';
  }
}

/** Turns zod issues into field errors with Korean messages. */
export function toFieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldError[] {
  const at = (path: readonly PropertyKey[]) => [prefix, ...path.map(String)].filter(Boolean).join('.');
  return issues.flatMap((issue) =>
    // One error per unknown key, located at the key itself, so that an editor can point at it.
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({
          path: at([...issue.path, key]),
          message: `알 수 없는 항목입니다: ${key}`,
        }))
      : [{ path: at(issue.path), message: koreanMessage(issue) }],
  );
}

/** Parses with a schema and reports every problem as a field error. */
export function validateWith<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  prefix = '',
): Validated<z.output<S>> {
  const result = z.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, errors: toFieldErrors(result.error.issues, prefix) };
}

/**
 * The object schema refusing keys it does not know, its checks kept: what classic zod's `.strict()` did
 * (`catchall(never)`), for schemas declared loose elsewhere.
 */
export function strict<T extends z.ZodMiniObject>(schema: T): z.ZodMiniObject<T['shape'], z.core.$strict> {
  return z.catchall(schema, z.never()) as never;
}
