import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { toFieldErrors, validateWith } from './validation';

describe('validation', () => {
  it('returns the parsed value when valid', () => {
    expect(validateWith(z.object({ a: z.number() }), { a: 1 })).toEqual({ ok: true, value: { a: 1 } });
  });

  it('translates zod messages to Korean and joins paths with dots under a prefix', () => {
    const schema = z.object({
      list: z
        .array(z.object({ n: z.number().check(z.maximum(3)), s: z.string().check(z.minLength(1)) }))
        .check(z.minLength(1)),
      kind: z.enum(['a', 'b']),
    });
    const r = validateWith(schema, { list: [{ n: 5, s: '' }], kind: 'c', extra: 1 }, 'program');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors).toEqual([
      { path: 'program.list.0.n', message: '3 이하여야 합니다.' },
      { path: 'program.list.0.s', message: '비어 있을 수 없습니다.' },
      { path: 'program.kind', message: '허용되지 않는 값입니다 (가능한 값: a, b).' },
    ]);
  });

  it('says a required field is missing, and names the expected type otherwise', () => {
    const schema = z.object({ a: z.number(), b: z.string() });
    const r = validateWith(schema, { b: 1 });
    expect(r.ok ? [] : r.errors).toEqual([
      { path: 'a', message: '필수 항목입니다.' },
      { path: 'b', message: '문자열 값이어야 합니다.' },
    ]);
  });

  it('keeps our own Korean messages and replaces foreign ones', () => {
    const schema = z.object({
      a: z.number().check(z.refine((x) => x > 0, { message: '양수여야 합니다.' })),
      b: z.number().check(z.refine((x) => x > 0, { message: 'must be positive' })),
    });
    const r = schema.safeParse({ a: -1, b: -1 });
    expect(toFieldErrors(r.error!.issues)).toEqual([
      { path: 'a', message: '양수여야 합니다.' },
      { path: 'b', message: '값이 올바르지 않습니다.' },
    ]);
  });

  it('reports each unknown key of a strict object at its own path', () => {
    const r = validateWith(z.strictObject({ a: z.strictObject({ b: z.number() }) }), {
      a: { b: 1, y: 2 },
      zz: 2,
    });
    expect(r.ok ? [] : r.errors).toEqual([
      { path: 'a.y', message: '알 수 없는 항목입니다: y' },
      { path: 'zz', message: '알 수 없는 항목입니다: zz' },
    ]);
  });

  it('keeps a Korean message given on an integer check', () => {
    const r = validateWith(z.object({ n: z.number().check(z.int({ message: '정수로 입력해 주세요.' })) }), {
      n: 1.5,
    });
    expect(r.ok ? [] : r.errors).toEqual([{ path: 'n', message: '정수로 입력해 주세요.' }]);
  });
});
