import { ValidationError } from '@sbiz24/shared/errors';

/**
 * The opaque positions of rapid payment's long runs, handed to the browser and back: where the next
 * approve-eligible batch starts, and where the next payment file starts. Base64url JSON, checked key by key on
 * the way in (a forged or garbled one is 400, never a scan from a wrong place).
 */

/** The statuses approve-eligible decides, in the order it walks them. */
export const PENDING = ['submitted', 'in-review'] as const;

export interface Position {
  /** Index into PENDING. */
  s: number;
  /** The store's cursor within that status. */
  c?: string;
  /**
   * The pending count of the run's first call, carried along: counting is a read of every application of
   * the program, once per run, not once per batch (which made a run of N applications read N²/100 items).
   */
  t?: number;
}

/** Any position, as the browser carries it. */
function encode(position: object): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

/**
 * The fields of a position the browser sent back, or the 400 that `message` and `hint` describe: base64url JSON
 * of an object with no key outside `keys`, each field then passing `valid`.
 */
function decode<T extends object>(
  cursor: string,
  keys: readonly (keyof T & string)[],
  valid: (p: Partial<T>) => boolean,
  message: string,
  hint: string,
): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = undefined;
  }
  if (
    typeof value !== 'object' ||
    value === null ||
    Array.isArray(value) ||
    Object.keys(value).some((k) => !(keys as readonly string[]).includes(k)) ||
    !valid(value as Partial<T>)
  )
    throw new ValidationError(message, [{ path: 'cursor', message: hint }]);
  return value as T;
}

/** A cursor of the store's, as carried inside a position. */
const storeCursor = (c: unknown) => typeof c === 'string' && c.length > 0 && c.length <= 1500;

export const encodePosition = (p: Position): string => encode(p);

export function decodePosition(cursor: string | undefined): Position {
  if (!cursor) return { s: 0 };
  return decode<Position>(
    cursor,
    ['s', 'c', 't'],
    (p) =>
      Number.isInteger(p.s) &&
      p.s! >= 0 &&
      p.s! < PENDING.length &&
      (p.c === undefined || storeCursor(p.c)) &&
      (p.t === undefined || (Number.isSafeInteger(p.t) && p.t >= 0)),
    '이어서 처리할 위치(cursor)가 올바르지 않습니다.',
    '처음부터 다시 시작해 주세요.',
  );
}

/** Where a payment file starts: the store's cursor among the approved applications, and the file's number. */
export interface FilePosition {
  c?: string;
  p: number;
}

export const encodeFilePosition = (p: FilePosition): string => encode(p);

export function decodeFilePosition(cursor: string | undefined): FilePosition {
  if (!cursor) return { p: 1 };
  return decode<FilePosition>(
    cursor,
    ['c', 'p'],
    (p) => storeCursor(p.c) && Number.isInteger(p.p) && p.p! >= 2 && p.p! <= 10_000,
    '지급 파일의 위치(cursor)가 올바르지 않습니다.',
    '첫 번째 지급 파일부터 다시 내려받아 주세요.',
  );
}
