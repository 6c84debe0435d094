import { ValidationError } from '@sbiz24/shared';

/**
 * Opaque paging cursors: a DynamoDB LastEvaluatedKey, tagged with the listing it belongs to, as base64url
 * JSON. A cursor is not signed (a signing key would have to be shared by every Lambda container); it is
 * bound instead: decoding checks the tag (which listing, whose) and that the key has exactly the attributes
 * of that listing's keys, with the listing's own partition values and sort-key prefixes. So a garbled
 * cursor, one from another listing or user, or a forged key pointing into another partition is refused with
 * a 400 before anything reaches DynamoDB (which would answer a ValidationException, a 500).
 */

type Key = Record<string, string>;

/**
 * What every key of one listing looks like: each attribute's exact value (the partition the listing
 * queries) or the prefix its values start with (`''` for any value). No other attribute may appear.
 */
export type KeyShape = Readonly<Record<string, string | { readonly prefix: string }>>;

/** DynamoDB's own ceiling for a sort key value (a partition key may take 2,048; no cursor needs that). */
const MAX_KEY_VALUE_BYTES = 1024;

function invalid(): ValidationError {
  return new ValidationError('페이지 정보(cursor)가 올바르지 않습니다.', [], 'INVALID_CURSOR');
}

export function encodeCursor(scope: string, key: Record<string, unknown> | undefined): string | undefined {
  if (!key) return undefined;
  return Buffer.from(JSON.stringify({ s: scope, k: key }), 'utf8').toString('base64url');
}

/** The key a cursor holds, if it belongs to this listing (`scope`) and fits its `shape`; else 400. */
export function decodeCursor(scope: string, cursor: string | undefined, shape: KeyShape): Key | undefined {
  if (cursor === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const { s, k } = (parsed ?? {}) as { s?: unknown; k?: unknown };
  if (s !== scope || !k || typeof k !== 'object' || Array.isArray(k)) throw invalid();
  const entries = Object.entries(k);
  const expected = Object.keys(shape);
  if (entries.length !== expected.length) throw invalid();
  for (const [name, value] of entries) {
    const want = Object.hasOwn(shape, name) ? shape[name] : undefined;
    if (want === undefined || typeof value !== 'string' || value.length === 0) throw invalid();
    if (Buffer.byteLength(value, 'utf8') > MAX_KEY_VALUE_BYTES) throw invalid();
    if (typeof want === 'string' ? value !== want : !value.startsWith(want.prefix)) throw invalid();
  }
  return k as Key;
}
