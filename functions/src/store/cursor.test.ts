import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor } from './cursor';

describe('paging cursors', () => {
  const shape = { PK: 'USER#u1', SK: { prefix: 'NOTE#' } };

  it('round-trips a key within its scope', () => {
    const key = { PK: 'USER#u1', SK: 'NOTE#2025#n1' };

    expect(decodeCursor('s', encodeCursor('s', key), shape)).toEqual(key);
  });

  it('is absent when there is no next page', () => {
    expect(encodeCursor('s', undefined)).toBeUndefined();
    expect(decodeCursor('s', undefined, shape)).toBeUndefined();
  });

  it('refuses a cursor of another scope', () => {
    const cursor = encodeCursor('notifications:a', { PK: 'USER#a', SK: 'NOTE#x' });

    expect(() => decodeCursor('notifications:b', cursor, { PK: 'USER#a', SK: { prefix: 'NOTE#' } })).toThrow(
      expect.objectContaining({ code: 'INVALID_CURSOR' }),
    );
  });

  it('refuses keys with attributes outside the table design or non-string values', () => {
    const odd = encodeCursor('s', { PK: 'a', secret: 'b' });
    const typed = encodeCursor('s', { PK: { S: 'a' } });
    const empty = encodeCursor('s', {});

    for (const cursor of [odd, typed, empty, 'garbage!', Buffer.from('[1]').toString('base64url')])
      expect(() => decodeCursor('s', cursor, shape)).toThrow(
        expect.objectContaining({ code: 'INVALID_CURSOR' }),
      );
  });

  it('refuses a key outside its listing: another partition, a foreign sort key, a missing or extra attribute', () => {
    const forged: Record<string, string>[] = [
      { PK: 'USER#u2', SK: 'NOTE#1' },
      { PK: 'USER#u1', SK: 'APP#1' },
      { PK: 'USER#u1' },
      { PK: 'USER#u1', SK: 'NOTE#1', LSI1SK: 'NOTE#1' },
      { PK: 'USER#u1', SK: `NOTE#${'x'.repeat(1100)}` },
      { PK: 'USER#u1', SK: 'NOTE#1', constructor: 'x' },
    ];

    for (const key of forged)
      expect(
        () => decodeCursor('s', encodeCursor('s', key), shape),
        JSON.stringify(key).slice(0, 40),
      ).toThrow(expect.objectContaining({ code: 'INVALID_CURSOR' }));
  });
});
