import { ValidationError } from '@sbiz24/shared';

/**
 * Opaque paging cursors: a DynamoDB LastEvaluatedKey, tagged with the listing it belongs to, as base64url
 * JSON. Decoding checks the tag and that the key holds only string key attributes, so a cursor from another
 * listing (or another user's) is refused with a 400 instead of reaching DynamoDB.
 */

type Key = Record<string, string>;

const KEY_ATTRIBUTES = new Set([
  'PK',
  'SK',
  'GSI1PK',
  'GSI1SK',
  'GSI2PK',
  'GSI2SK',
  'GSI3PK',
  'GSI3SK',
  'LSI1SK',
  'LSI2SK',
]);

function invalid(): ValidationError {
  return new ValidationError('페이지 정보(cursor)가 올바르지 않습니다.', [], 'INVALID_CURSOR');
}

export function encodeCursor(scope: string, key: Record<string, unknown> | undefined): string | undefined {
  if (!key) return undefined;
  return Buffer.from(JSON.stringify({ s: scope, k: key }), 'utf8').toString('base64url');
}

export function decodeCursor(scope: string, cursor: string | undefined): Key | undefined {
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
  if (
    entries.length === 0 ||
    entries.some(([name, value]) => !KEY_ATTRIBUTES.has(name) || typeof value !== 'string')
  )
    throw invalid();
  return k as Key;
}
