import { readFileSync } from 'node:fs';
import {
  type BusinessProfile,
  BusinessProfileSchema,
  type FieldError,
  type KnownIds,
  profileDateErrors,
  profileReferenceErrors,
  toFieldErrors,
} from '@sbiz24/shared';
import { findJsonSyntaxError, jsonPathOffsets, lineOfPath, locationOf } from './json-locate';

export type ProfileFileResult = { ok: true; profile: BusinessProfile } | { ok: false; message: string };

/** Reads a profile file; I/O is separate so that the parsing and messages can be tested on text. */
export function readProfileFile(path: string, known?: KnownIds, today?: string): ProfileFileResult {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOENT'
        ? '파일이 없습니다'
        : code === 'EISDIR'
          ? '폴더입니다'
          : code === 'EACCES'
            ? '읽을 권한이 없습니다'
            : code;
    return { ok: false, message: `프로필 파일을 읽을 수 없습니다: ${path} (${why ?? '알 수 없는 오류'})` };
  }
  return parseProfileText(text, path, known, today);
}

/**
 * Parses and validates a profile file's text. Errors are Korean, name the file, and give the line (and
 * column) of a syntax error or the line of each invalid field: unknown keys, and (given `known`) prior
 * support or damage that names a program or disaster that does not exist, and (given `today`) dates too far
 * ahead of it (shared/src/profile/bounds.ts).
 */
export function parseProfileText(
  raw: string,
  name: string,
  known?: KnownIds,
  today?: string,
): ProfileFileResult {
  const text = raw.replace(/^\uFEFF/, '');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const found = findJsonSyntaxError(text) ?? { offset: text.length, message: (e as Error).message };
    const { line, column } = locationOf(text, found.offset);
    const source = text.split('\n')[line - 1] ?? '';
    const pad = ' '.repeat(String(line).length);
    const message = [
      `프로필 파일의 JSON 형식이 올바르지 않습니다: ${name} ${line}행 ${column}열`,
      `  ${found.message}`,
      ...(source.trim() ? [`  ${line} | ${source}`, `  ${pad} | ${' '.repeat(column - 1)}^`] : []),
    ].join('\n');
    return { ok: false, message };
  }

  const parsed = BusinessProfileSchema.safeParse(data);
  const errors: FieldError[] = parsed.success
    ? [
        ...(known ? profileReferenceErrors(parsed.data, known) : []),
        ...(today ? profileDateErrors(parsed.data, today) : []),
      ]
    : toFieldErrors(parsed.error.issues);
  if (parsed.success && errors.length === 0) return { ok: true, profile: parsed.data };
  const offsets = jsonPathOffsets(text);
  const lines = errors.map((e) => {
    const line = lineOfPath(text, offsets, e.path);
    const where = line === undefined ? '' : ` (${line}행)`;
    return `  - ${e.path || '(파일 전체)'}${where}: ${e.message}`;
  });
  return { ok: false, message: [`프로필 파일에 잘못된 항목이 있습니다: ${name}`, ...lines].join('\n') };
}
