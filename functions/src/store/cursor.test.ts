import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

describe('paging cursors', () => {
  it('round-trips a key within its scope', () => {
    const key = { PK: 'USER#u1', SK: 'NOTE#2025#n1' };

    expect(decodeCursor('s', encodeCursor('s', key))).toEqual(key);
  });

  it('is absent when there is no next page', () => {
    expect(encodeCursor('s', undefined)).toBeUndefined();
    expect(decodeCursor('s', undefined)).toBeUndefined();
  });

  it('refuses a cursor of another scope', () => {
    const cursor = encodeCursor('notifications:a', { PK: 'USER#a', SK: 'x' });

    expect(() => decodeCursor('notifications:b', cursor)).toThrow(
      expect.objectContaining({ code: 'INVALID_CURSOR' }),
    );
  });

  it('refuses keys with attributes outside the table design or non-string values', () => {
    const odd = encodeCursor('s', { PK: 'a', secret: 'b' });
    const typed = encodeCursor('s', { PK: { S: 'a' } });
    const empty = encodeCursor('s', {});

    for (const cursor of [odd, typed, empty, 'garbage!', Buffer.from('[1]').toString('base64url')])
      expect(() => decodeCursor('s', cursor)).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });
});
