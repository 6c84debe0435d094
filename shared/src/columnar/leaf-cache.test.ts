import { describe, expect, it } from 'vitest';
import { LeafCache } from './leaf-cache';

const entry = (words: number, unknown = false) => ({
  t: new Int32Array(words),
  u: unknown ? new Int32Array(words) : null,
});

describe('LeafCache', () => {
  it('evicts the least recently used entries to stay within its bytes', () => {
    const cache = new LeafCache(4 * 250);
    cache.set('a', entry(100));
    cache.set('b', entry(100));
    cache.get('a');
    cache.set('c', entry(50, true));
    expect(cache.get('b')).toBeUndefined();
    expect(cache.get('a')).toBeDefined();
    expect(cache.get('c')).toBeDefined();
    expect(cache.bytes).toBe(4 * 200);
  });

  it('skips an entry larger than the whole cache and replaces one with the same key', () => {
    const cache = new LeafCache(400);
    cache.set('big', entry(101));
    expect(cache.size).toBe(0);
    cache.set('x', entry(10));
    cache.set('x', entry(20));
    expect(cache.bytes).toBe(80);
    cache.clear();
    expect(cache.size).toBe(0);
  });
});
