import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { generateBusinesses } from '../synthetic/generate';
import { arbProfile } from '../testing/arbitraries';
import { crc32 } from './crc32';
import {
  decodeSnapshot,
  encodeSnapshot,
  encodeSnapshotChunks,
  readSnapshotHeader,
  SnapshotFormatError,
} from './format';
import { buildSnapshot, type Snapshot } from './snapshot';

const profiles = [
  ...generateBusinesses(3_000, { seed: 9, asOf: '2025-06-01' }),
  ...fc.sample(arbProfile(), { numRuns: 50, seed: 4 }),
  ...fc.sample(arbProfile(), { numRuns: 20, seed: 5 }).map((p) => ({ ...p, highestLoanRate: 7.125 })),
];
const snapshot = buildSnapshot(profiles);

function plain(s: Snapshot) {
  return {
    rows: s.rows,
    cols: Object.fromEntries(Object.entries(s.cols).map(([k, v]) => [k, Array.from(v)])),
    regions: s.regions,
    ksic: s.ksic,
    extraKeys: s.extraKeys,
    extras: { rows: [...s.extras.rows], start: [...s.extras.start], items: [...s.extras.items] },
    irregular: { rows: [...s.irregular.rows], profiles: s.irregular.profiles },
    exact: Object.fromEntries(
      Object.entries(s.exact).map(([k, v]) => [k, { rows: [...v.rows], values: [...v.values] }]),
    ),
  };
}

const errorCode = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return e instanceof SnapshotFormatError ? e.code : `other: ${String(e)}`;
  }
  return 'no error';
};

describe('snapshot file format', () => {
  it('round-trips every column, dictionary, side table, irregular row and the metadata', () => {
    expect(snapshot.irregular.rows.length).toBeGreaterThan(0);
    expect(snapshot.extras.rows.length).toBeGreaterThan(0);
    expect(snapshot.exact.revenue.rows.length).toBeGreaterThan(0);
    const decoded = decodeSnapshot(encodeSnapshot(snapshot, { asOf: '2025-06-01', seed: 9 }));
    expect(plain(decoded)).toEqual(plain(snapshot));
    expect(decoded.meta).toEqual({ asOf: '2025-06-01', seed: 9 });
  });

  it('writes the same bytes as chunks as in one piece, with 8-aligned sections', () => {
    const whole = encodeSnapshot(snapshot);
    const chunks = encodeSnapshotChunks(snapshot);
    const joined = new Uint8Array(whole.byteLength);
    let at = 0;
    for (const c of chunks) {
      joined.set(c, at);
      at += c.byteLength;
    }
    expect(at).toBe(whole.byteLength);
    expect(joined.every((b, i) => b === whole[i])).toBe(true);
    expect((chunks[0]!.byteLength + chunks[1]!.byteLength) % 8).toBe(0);
  });

  it('reads columns as views over the given buffer, without copying', () => {
    const bytes = encodeSnapshot(snapshot);
    const decoded = decodeSnapshot(bytes);
    expect(decoded.cols.region.buffer).toBe(bytes.buffer);
    expect(decoded.cols.revenue.buffer).toBe(bytes.buffer);
  });

  it('copies sections that a misaligned buffer cannot view', () => {
    const bytes = encodeSnapshot(snapshot);
    const shifted = new Uint8Array(bytes.byteLength + 1).subarray(1);
    shifted.set(bytes);
    expect(plain(decodeSnapshot(shifted))).toEqual(plain(snapshot));
  });

  it('rejects a corrupted body with a checksum error, unless told not to verify', () => {
    const bytes = encodeSnapshot(snapshot);
    // A byte of the first column (the region of row 5).
    bytes[readSnapshotHeader(bytes).bodyStart + 10]! ^= 0x40;
    expect(errorCode(() => decodeSnapshot(bytes))).toBe('SNAPSHOT_BODY_CHECKSUM');
    expect(() => decodeSnapshot(bytes)).toThrow(/체크섬/);
    expect(decodeSnapshot(bytes, { verify: false }).rows).toBe(snapshot.rows);
  });

  it('rejects a corrupted header, another file, another version and a cut-short file', () => {
    const bytes = encodeSnapshot(snapshot);
    const header = bytes.slice();
    header[40]! ^= 0x01;
    expect(errorCode(() => decodeSnapshot(header))).toBe('SNAPSHOT_HEADER_CHECKSUM');
    const other = bytes.slice();
    other[0] = 0x50;
    expect(errorCode(() => decodeSnapshot(other))).toBe('SNAPSHOT_NOT_A_SNAPSHOT');
    const version = bytes.slice();
    version[8] = 9;
    expect(errorCode(() => decodeSnapshot(version))).toBe('SNAPSHOT_VERSION');
    expect(errorCode(() => decodeSnapshot(bytes.subarray(0, bytes.length - 100)))).toBe('SNAPSHOT_TRUNCATED');
    expect(errorCode(() => decodeSnapshot(bytes.subarray(0, 10)))).toBe('SNAPSHOT_TRUNCATED');
  });

  it('checksums with the standard CRC-32', () => {
    const text = Uint8Array.from('123456789', (c) => c.charCodeAt(0));
    expect(crc32(text)).toBe(0xcbf43926);
    expect(crc32(text.subarray(4), crc32(text.subarray(0, 4)))).toBe(0xcbf43926);
    expect(crc32(new Uint8Array(0))).toBe(0);
  });

  it('reads a version 1 file, which had no exact revenue lists', () => {
    const v1Snapshot = buildSnapshot(generateBusinesses(500, { seed: 3, asOf: '2025-06-01' }));
    const bytes = encodeSnapshot(v1Snapshot);
    const view = new DataView(bytes.buffer);
    const headerLength = view.getUint32(12, true);
    // The header is ASCII (codes, keys and numbers), so bytes and characters coincide.
    const header = JSON.parse(String.fromCharCode(...bytes.subarray(24, 24 + headerLength)));
    header.sections = header.sections.filter((x: { name: string }) => !x.name.startsWith('exact.'));
    const json = Uint8Array.from(JSON.stringify(header), (ch) => ch.charCodeAt(0));
    const padded = new Uint8Array(Math.ceil(json.length / 8) * 8).fill(0x20);
    padded.set(json);
    const body = bytes.subarray(24 + headerLength);
    const v1 = new Uint8Array(24 + padded.length + body.length);
    v1.set(bytes.subarray(0, 24));
    v1.set(padded, 24);
    v1.set(body, 24 + padded.length);
    const v1View = new DataView(v1.buffer);
    v1View.setUint32(8, 1, true);
    v1View.setUint32(12, padded.length, true);
    v1View.setUint32(16, crc32(padded), true);
    const decoded = decodeSnapshot(v1);
    expect(decoded.exact.revenue.rows.length).toBe(0);
    expect(plain(decoded)).toEqual(plain(v1Snapshot));
  });
});
