/** Kleene all/any over bit words: `t` true, `u` unknown, false neither (see docs/columnar.md). */

/**
 * Kleene conjunction of two word arrays into (t, u): true in both is true; false in either is false; the
 * rest unknown. Returns the unknown words, or null when neither side can be unknown.
 */
export function and3(
  n: number,
  at: Int32Array,
  au: Int32Array | null,
  bt: Int32Array,
  bu: Int32Array | null,
  t: Int32Array,
  u: Int32Array,
): Int32Array | null {
  if (!au && !bu) {
    for (let w = 0; w < n; w++) t[w] = at[w]! & bt[w]!;
    return null;
  }
  if (au && bu) {
    for (let w = 0; w < n; w++) {
      const a = at[w]!;
      const b = bt[w]!;
      t[w] = a & b;
      u[w] = (a | au[w]!) & (b | bu[w]!) & ~(a & b);
    }
  } else if (au) {
    // b is never unknown: unknown where a is unknown and b is true.
    for (let w = 0; w < n; w++) {
      const b = bt[w]!;
      t[w] = at[w]! & b;
      u[w] = au[w]! & b;
    }
  } else {
    for (let w = 0; w < n; w++) {
      const a = at[w]!;
      t[w] = a & bt[w]!;
      u[w] = a & bu![w]!;
    }
  }
  return u;
}

/**
 * Kleene disjunction of two word arrays into (t, u): true in either is true; unknown where neither is true
 * and one is unknown. Returns the unknown words, or null when neither side can be unknown.
 */
export function or3(
  n: number,
  at: Int32Array,
  au: Int32Array | null,
  bt: Int32Array,
  bu: Int32Array | null,
  t: Int32Array,
  u: Int32Array,
): Int32Array | null {
  if (!au && !bu) {
    for (let w = 0; w < n; w++) t[w] = at[w]! | bt[w]!;
    return null;
  }
  for (let w = 0; w < n; w++) {
    const x = at[w]! | bt[w]!;
    t[w] = x;
    u[w] = ~x & ((au ? au[w]! : 0) | (bu ? bu[w]! : 0));
  }
  return u;
}

export function isEmpty(t: Int32Array, u: Int32Array | null, n: number): boolean {
  if (u) {
    for (let w = 0; w < n; w++) if ((t[w]! | u[w]!) !== 0) return false;
  } else for (let w = 0; w < n; w++) if (t[w]! !== 0) return false;
  return true;
}
