import { createHash } from 'node:crypto';

/**
 * The hash stored beside a business's match set (`matchHash` on the profile item), so a batch can tell
 * whether a set changed without comparing lists. Order-independent: the ids are sorted first.
 */
export function matchHash(ids: readonly string[]): string {
  const sorted = [...ids].sort();
  return createHash('sha256').update(sorted.join('\n')).digest('base64url').slice(0, 22);
}

/** Ids in `next` that are not in `previous`: the programs a business newly qualifies for. */
export function newlyMatched(previous: readonly string[] | undefined, next: readonly string[]): string[] {
  if (!previous || previous.length === 0) return [...next];
  const before = new Set(previous);
  return next.filter((id) => !before.has(id));
}
