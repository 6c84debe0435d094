import type { DamageImportResponse } from '@sbiz24/shared/contract/relief';
import {
  csvRecords,
  DAMAGE_LIST_MAX_REPORTED_ERRORS,
  DamageFileError,
  type DamageLineError,
  type DamageListEncoding,
  decodeDamageList,
  parseDamageList,
} from '@sbiz24/shared/relief/damage-list';

/** Data rows sent in one request: each answers well inside the API's 15-second limit. */
export const DAMAGE_ROWS_PER_REQUEST = 5_000;

export interface DamageChunk {
  /** A CSV the API reads as it would read the whole file: the header line, then whole records on their lines. */
  body: Uint8Array;
  /** Data rows in this chunk (the progress bar's step). */
  rows: number;
}

export interface DamageUploadPlan {
  encoding: DamageListEncoding;
  /** Data rows in the file (header excluded). */
  total: number;
  chunks: DamageChunk[];
  /** Later lines of a business already listed: reported here, never sent (a chunk cannot see earlier chunks). */
  duplicates: DamageLineError[];
}

const quote = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
const newlines = (s: string) => s.split('\n').length - 1;

/**
 * Splits a damage list into requests of whole records for an honest progress bar. Every chunk starts with the
 * file's header line and pads with blank lines (which the parser skips) so each record keeps its original
 * line number. A business listed twice is found here over the whole file, with the same parser as the server,
 * and its later lines are reported as DUPLICATE instead of sent. A file the parser refuses as a whole (empty,
 * no columns, too large, too many rows) is sent as it is, once, and the server's answer says why.
 */
export function planDamageUpload(
  bytes: Uint8Array,
  disaster: { startDate: string; endDate: string },
  today: string,
  rowsPerRequest = DAMAGE_ROWS_PER_REQUEST,
): DamageUploadPlan {
  const whole = (encoding: DamageListEncoding, total: number): DamageUploadPlan => ({
    encoding,
    total,
    chunks: [{ body: bytes, rows: total }],
    duplicates: [],
  });
  let parsed: ReturnType<typeof parseDamageList>;
  try {
    parsed = parseDamageList(bytes, disaster, today);
  } catch (err) {
    if (err instanceof DamageFileError) return whole('utf-8', 0);
    throw err;
  }
  if (parsed.errors.some((e) => e.code === 'TOO_MANY_ROWS')) return whole(parsed.encoding, parsed.total);
  const records = [...csvRecords(decodeDamageList(bytes).text)];
  const hasHeader = records.length === parsed.total + 1;
  const header = hasHeader ? `${records[0]!.fields.map(quote).join(',')}\n` : '';
  const duplicates = parsed.errors.filter((e) => e.code === 'DUPLICATE');
  const skip = new Set(duplicates.map((e) => e.line));
  const encoder = new TextEncoder();
  const chunks: DamageChunk[] = [];
  let text = header;
  let line = hasHeader ? 2 : 1;
  let rows = 0;
  const flush = () => {
    if (rows > 0) chunks.push({ body: encoder.encode(text), rows });
    text = header;
    line = hasHeader ? 2 : 1;
    rows = 0;
  };
  for (const record of records.slice(hasHeader ? 1 : 0)) {
    if (skip.has(record.line)) continue;
    if (rows === rowsPerRequest) flush();
    const fields = record.fields.map(quote);
    if (record.unclosed) {
      // The file ended inside this quoted field: keep it open, as the file had it.
      const last = record.fields.at(-1)!;
      fields[fields.length - 1] = `"${last.replace(/"/g, '""')}`;
    }
    const serialized = fields.join(',');
    text += `${'\n'.repeat(record.line - line)}${serialized}\n`;
    line = record.line + newlines(serialized) + 1;
    rows++;
  }
  flush();
  return { encoding: parsed.encoding, total: parsed.total, chunks, duplicates };
}

/** The answers of every chunk and the duplicates found in the browser, as one answer for the whole file. */
export function mergeDamageResults(
  dryRun: boolean,
  plan: DamageUploadPlan,
  answers: DamageImportResponse[],
): DamageImportResponse {
  const counts = { total: 0, new: 0, updated: 0, unchanged: 0, rejected: 0 };
  const rejectedBy: DamageImportResponse['rejectedBy'] = {};
  const errors: DamageImportResponse['errors'] = [...plan.duplicates];
  let truncated = false;
  for (const a of answers) {
    for (const k of Object.keys(counts) as (keyof typeof counts)[]) counts[k] += a.counts[k];
    for (const [code, n] of Object.entries(a.rejectedBy) as [keyof typeof rejectedBy, number][])
      rejectedBy[code] = (rejectedBy[code] ?? 0) + n;
    errors.push(...a.errors);
    truncated ||= a.errorsTruncated;
  }
  if (plan.duplicates.length > 0) {
    counts.total += plan.duplicates.length;
    counts.rejected += plan.duplicates.length;
    rejectedBy.DUPLICATE = (rejectedBy.DUPLICATE ?? 0) + plan.duplicates.length;
  }
  errors.sort((a, b) => a.line - b.line);
  return {
    dryRun,
    encoding: plan.encoding,
    counts,
    rejectedBy,
    errors: errors.slice(0, DAMAGE_LIST_MAX_REPORTED_ERRORS),
    errorsTruncated: truncated || errors.length > DAMAGE_LIST_MAX_REPORTED_ERRORS,
  };
}
