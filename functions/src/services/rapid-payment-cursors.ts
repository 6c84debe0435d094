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

export function encodePosition(p: Position): string {
  return Buffer.from(JSON.stringify(p)).toString('base64url');
}

export function decodePosition(cursor: string | undefined): Position {
  if (!cursor) return { s: 0 };
  const bad = () =>
    new ValidationError('이어서 처리할 위치(cursor)가 올바르지 않습니다.', [
      { path: 'cursor', message: '처음부터 다시 시작해 주세요.' },
    ]);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const p = value as Partial<Position>;
  if (
    typeof value !== 'object' ||
    value === null ||
    Object.keys(value).some((k) => k !== 's' && k !== 'c' && k !== 't') ||
    !Number.isInteger(p.s) ||
    p.s! < 0 ||
    p.s! >= PENDING.length ||
    (p.c !== undefined && (typeof p.c !== 'string' || p.c.length === 0 || p.c.length > 1500)) ||
    (p.t !== undefined && (!Number.isSafeInteger(p.t) || p.t < 0))
  )
    throw bad();
  return p as Position;
}

/** Where a payment file starts: the store's cursor among the approved applications, and the file's number. */
export interface FilePosition {
  c?: string;
  p: number;
}

export function encodeFilePosition(p: FilePosition): string {
  return Buffer.from(JSON.stringify(p)).toString('base64url');
}

export function decodeFilePosition(cursor: string | undefined): FilePosition {
  if (!cursor) return { p: 1 };
  const bad = () =>
    new ValidationError('지급 파일의 위치(cursor)가 올바르지 않습니다.', [
      { path: 'cursor', message: '첫 번째 지급 파일부터 다시 내려받아 주세요.' },
    ]);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const p = value as Partial<FilePosition>;
  if (
    typeof value !== 'object' ||
    value === null ||
    Object.keys(value).some((k) => k !== 'c' && k !== 'p') ||
    typeof p.c !== 'string' ||
    p.c.length === 0 ||
    p.c.length > 1500 ||
    !Number.isInteger(p.p) ||
    p.p! < 2 ||
    p.p! > 10_000
  )
    throw bad();
  return p as FilePosition;
}
