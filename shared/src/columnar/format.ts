/**
 * The snapshot file format (version 2; version 1 files are read too), little-endian:
 *
 *   0  magic "SBZSNAP\0"          8 bytes
 *   8  format version             u32
 *  12  header length H            u32
 *  16  CRC-32 of the header       u32
 *  20  reserved (0)               u32
 *  24  header: UTF-8 JSON, padded with spaces to a multiple of 8
 *  24 + H  body: sections at 8-aligned offsets (relative to the body), zero-padded between them
 *
 * The header lists every section (name, element type, offset, byte length), the row count, the dictionaries,
 * caller metadata, and the body's length and CRC-32. Decoding returns typed-array views over the given bytes
 * (no copy) wherever they are aligned for their element type.
 */
import { crc32 } from './crc32';
import { COLUMNS, type ColumnName, type Columns, type ColumnType } from './layout';
import { type ExactValues, emptyExact, type RuleProfile, type Snapshot } from './snapshot';

/** The platform's UTF-8 codec (Node and browsers), typed here because shared/ compiles without DOM or Node types. */
const utf8 = globalThis as unknown as {
  TextEncoder: new () => { encode(text: string): Uint8Array };
  TextDecoder: new () => { decode(bytes: Uint8Array): string };
};

export const SNAPSHOT_MAGIC = 'SBZSNAP\0';
export const SNAPSHOT_FORMAT_VERSION = 2;
/** Versions this reader accepts: 1 had no exact revenue lists (read as empty). */
const READABLE_VERSIONS = [1, 2];
const PREAMBLE = 24;

type SectionType = ColumnType | 'f64' | 'json';
interface SectionEntry {
  name: string;
  type: SectionType;
  offset: number;
  byteLength: number;
}

/** Free-form facts about a snapshot (as-of date, seed, run id, …), kept in the header. */
export type SnapshotMeta = Record<string, string | number | boolean | null>;

export interface SnapshotHeader {
  rows: number;
  sections: SectionEntry[];
  regions: string[];
  ksic: string[];
  extraKeys: string[];
  meta: SnapshotMeta;
  bodyLength: number;
  bodyCrc32: number;
}

export type SnapshotErrorCode =
  | 'SNAPSHOT_NOT_A_SNAPSHOT'
  | 'SNAPSHOT_VERSION'
  | 'SNAPSHOT_TRUNCATED'
  | 'SNAPSHOT_HEADER_CHECKSUM'
  | 'SNAPSHOT_BODY_CHECKSUM'
  | 'SNAPSHOT_HEADER';

/** A snapshot file that cannot be read: not one, another version, cut short or corrupted. */
export class SnapshotFormatError extends Error {
  override readonly name = 'SnapshotFormatError';
  constructor(
    readonly code: SnapshotErrorCode,
    message: string,
  ) {
    super(message);
  }
}

const align8 = (n: number) => (n + 7) & ~7;
const bytesOf = (a: ArrayBufferView) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The body sections of a snapshot, in file order. */
function sectionsOf(s: Snapshot): { name: string; type: SectionType; bytes: Uint8Array }[] {
  const out: { name: string; type: SectionType; bytes: Uint8Array }[] = COLUMNS.map((c) => ({
    name: c.name,
    type: c.type,
    bytes: bytesOf(s.cols[c.name]),
  }));
  out.push(
    { name: 'extras.rows', type: 'u32', bytes: bytesOf(s.extras.rows) },
    { name: 'extras.start', type: 'u32', bytes: bytesOf(s.extras.start) },
    { name: 'extras.items', type: 'u32', bytes: bytesOf(s.extras.items) },
    { name: 'irregular.rows', type: 'u32', bytes: bytesOf(s.irregular.rows) },
    { name: 'exact.revenue.rows', type: 'u32', bytes: bytesOf(s.exact.revenue.rows) },
    { name: 'exact.revenue.values', type: 'f64', bytes: bytesOf(s.exact.revenue.values) },
    { name: 'exact.revenueAvg3y.rows', type: 'u32', bytes: bytesOf(s.exact.revenueAvg3y.rows) },
    { name: 'exact.revenueAvg3y.values', type: 'f64', bytes: bytesOf(s.exact.revenueAvg3y.values) },
    {
      name: 'irregular.profiles',
      type: 'json',
      bytes: new utf8.TextEncoder().encode(JSON.stringify(s.irregular.profiles)),
    },
  );
  return out;
}

/**
 * Encodes a snapshot as a list of chunks to write one after another (column chunks are views of the
 * snapshot's arrays, so nothing large is copied).
 */
export function encodeSnapshotChunks(s: Snapshot, meta: SnapshotMeta = {}): Uint8Array[] {
  const sections = sectionsOf(s);
  const body: Uint8Array[] = [];
  const entries: SectionEntry[] = [];
  let offset = 0;
  let bodyCrc = 0;
  for (const sec of sections) {
    entries.push({ name: sec.name, type: sec.type, offset, byteLength: sec.bytes.byteLength });
    body.push(sec.bytes);
    bodyCrc = crc32(sec.bytes, bodyCrc);
    offset += sec.bytes.byteLength;
    const pad = align8(offset) - offset;
    if (pad > 0) {
      const zeros = new Uint8Array(pad);
      body.push(zeros);
      bodyCrc = crc32(zeros, bodyCrc);
      offset += pad;
    }
  }
  const header: SnapshotHeader = {
    rows: s.rows,
    sections: entries,
    regions: [...s.regions],
    ksic: [...s.ksic],
    extraKeys: [...s.extraKeys],
    meta,
    bodyLength: offset,
    bodyCrc32: bodyCrc,
  };
  const json = new utf8.TextEncoder().encode(JSON.stringify(header));
  const headerBytes = new Uint8Array(align8(json.byteLength)).fill(0x20);
  headerBytes.set(json);
  const preamble = new Uint8Array(PREAMBLE);
  const view = new DataView(preamble.buffer);
  for (let i = 0; i < 8; i++) preamble[i] = SNAPSHOT_MAGIC.charCodeAt(i);
  view.setUint32(8, SNAPSHOT_FORMAT_VERSION, true);
  view.setUint32(12, headerBytes.byteLength, true);
  view.setUint32(16, crc32(headerBytes), true);
  return [preamble, headerBytes, ...body];
}

/** Encodes a snapshot into one byte array. */
export function encodeSnapshot(s: Snapshot, meta: SnapshotMeta = {}): Uint8Array {
  const chunks = encodeSnapshotChunks(s, meta);
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export interface DecodeOptions {
  /** Check the body's CRC-32 (a full pass over the bytes). @default true */
  verify?: boolean;
  /** A faster CRC-32 to use instead of the built-in one (e.g. node:zlib's crc32). */
  crc32?: (bytes: Uint8Array) => number;
}

export type DecodedSnapshot = Snapshot & { meta: SnapshotMeta };

const CONSTRUCTORS = { u8: Uint8Array, u16: Uint16Array, u32: Uint32Array, f64: Float64Array } as const;
const ELEMENT = { u8: 1, u16: 2, u32: 4, f64: 8 } as const;

/** Reads and checks the preamble and header of a snapshot file. */
export function readSnapshotHeader(bytes: Uint8Array): SnapshotHeader & { bodyStart: number } {
  if (bytes.byteLength < PREAMBLE)
    throw new SnapshotFormatError('SNAPSHOT_TRUNCATED', '스냅샷 파일이 너무 짧습니다 (잘린 파일).');
  for (let i = 0; i < 8; i++) {
    if (bytes[i] !== SNAPSHOT_MAGIC.charCodeAt(i))
      throw new SnapshotFormatError(
        'SNAPSHOT_NOT_A_SNAPSHOT',
        '스냅샷 파일이 아닙니다 (파일 식별자 불일치).',
      );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, PREAMBLE);
  const version = view.getUint32(8, true);
  if (!READABLE_VERSIONS.includes(version))
    throw new SnapshotFormatError(
      'SNAPSHOT_VERSION',
      `지원하지 않는 스냅샷 형식 버전입니다 (파일 ${version}, 지원 ${SNAPSHOT_FORMAT_VERSION}).`,
    );
  const headerLength = view.getUint32(12, true);
  if (bytes.byteLength < PREAMBLE + headerLength)
    throw new SnapshotFormatError('SNAPSHOT_TRUNCATED', '스냅샷 헤더가 잘렸습니다.');
  const headerBytes = bytes.subarray(PREAMBLE, PREAMBLE + headerLength);
  if (crc32(headerBytes) !== view.getUint32(16, true))
    throw new SnapshotFormatError(
      'SNAPSHOT_HEADER_CHECKSUM',
      '스냅샷 헤더의 체크섬이 맞지 않습니다 (손상된 파일).',
    );
  let header: SnapshotHeader;
  try {
    header = JSON.parse(new utf8.TextDecoder().decode(headerBytes)) as SnapshotHeader;
  } catch {
    throw new SnapshotFormatError('SNAPSHOT_HEADER', '스냅샷 헤더를 읽을 수 없습니다.');
  }
  const bodyStart = PREAMBLE + headerLength;
  if (bytes.byteLength < bodyStart + header.bodyLength)
    throw new SnapshotFormatError('SNAPSHOT_TRUNCATED', '스냅샷 본문이 잘렸습니다.');
  return { ...header, bodyStart };
}

/**
 * Decodes a snapshot file. Columns are views over `bytes` (zero copy) when aligned, which they are for a
 * buffer of its own (a whole file read, a SharedArrayBuffer); misaligned sections are copied.
 */
export function decodeSnapshot(bytes: Uint8Array, options: DecodeOptions = {}): DecodedSnapshot {
  const header = readSnapshotHeader(bytes);
  const body = bytes.subarray(header.bodyStart, header.bodyStart + header.bodyLength);
  if (options.verify ?? true) {
    const actual = (options.crc32 ?? crc32)(body);
    if (actual >>> 0 !== header.bodyCrc32)
      throw new SnapshotFormatError(
        'SNAPSHOT_BODY_CHECKSUM',
        '스냅샷 본문의 체크섬이 맞지 않습니다 (손상된 파일). 스냅샷을 다시 만들어 주세요.',
      );
  }
  const byName = new Map(header.sections.map((s) => [s.name, s]));
  const section = (name: string): SectionEntry => {
    const s = byName.get(name);
    if (!s || s.offset + s.byteLength > header.bodyLength)
      throw new SnapshotFormatError('SNAPSHOT_HEADER', `스냅샷에 ${name} 구역이 없거나 범위를 벗어납니다.`);
    return s;
  };
  const typed = (name: string, type: ColumnType | 'f64') => {
    const s = section(name);
    const at = body.byteOffset + s.offset;
    const n = s.byteLength / ELEMENT[type];
    if (at % ELEMENT[type] === 0) return new CONSTRUCTORS[type](body.buffer as ArrayBuffer, at, n);
    return new CONSTRUCTORS[type](body.slice(s.offset, s.offset + s.byteLength).buffer, 0, n);
  };
  const cols = {} as Record<ColumnName, Uint8Array | Uint16Array | Uint32Array>;
  for (const c of COLUMNS) {
    const col = typed(c.name, c.type);
    if (col.length !== header.rows)
      throw new SnapshotFormatError('SNAPSHOT_HEADER', `스냅샷 열 ${c.name}의 길이가 행 수와 다릅니다.`);
    cols[c.name] = col as Uint8Array | Uint16Array | Uint32Array;
  }
  const exactOf = (field: 'revenue' | 'revenueAvg3y'): ExactValues =>
    byName.has(`exact.${field}.rows`)
      ? {
          rows: typed(`exact.${field}.rows`, 'u32') as Uint32Array,
          values: typed(`exact.${field}.values`, 'f64') as Float64Array,
        }
      : emptyExact();
  const json = section('irregular.profiles');
  const profiles = JSON.parse(
    new utf8.TextDecoder().decode(body.subarray(json.offset, json.offset + json.byteLength)),
  ) as RuleProfile[];
  return {
    rows: header.rows,
    cols: cols as Columns,
    regions: header.regions,
    ksic: header.ksic,
    extraKeys: header.extraKeys,
    extras: {
      rows: typed('extras.rows', 'u32') as Uint32Array,
      start: typed('extras.start', 'u32') as Uint32Array,
      items: typed('extras.items', 'u32') as Uint32Array,
    },
    irregular: { rows: typed('irregular.rows', 'u32') as Uint32Array, profiles },
    exact: {
      revenue: exactOf('revenue'),
      revenueAvg3y: exactOf('revenueAvg3y'),
    },
    meta: header.meta,
  };
}
