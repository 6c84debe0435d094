import { PAYMENT_REASON_MAX_LENGTH, PAYMENT_RESULTS_MAX_ROWS } from '../contract/rapid-payment';
import { csvRecords, DamageFileError, type DamageListEncoding, decodeDamageList } from './damage-list';

/**
 * The bank's result file of a rapid payment (신속지급), read without touching the store: UTF-8 or CP949 CSV,
 * a header naming the application id and the result (and optionally the reason), one line per transfer.
 * Korean banks' own words are accepted for the result (성공/정상/지급완료, 실패/불능/오류, …). The service then
 * applies each line to its application.
 */

const SUCCESS_WORDS = new Set(['성공', '정상', '지급', '지급완료', '완료', 'ok', 'success', 'paid', 'y']);
const FAILURE_WORDS = new Set(['실패', '불능', '오류', '지급불능', 'fail', 'failed', 'error', 'n']);
const ID_COLUMNS = new Set(['신청id', '신청번호', 'applicationid']);
const RESULT_COLUMNS = new Set(['결과', '처리결과', '지급결과', 'result']);
const REASON_COLUMNS = new Set(['사유', '불능사유', '실패사유', 'reason']);
/** A header or result word compared without spaces, hyphens, underscores or case. */
const word = (s: string) => s.replace(/[\s_-]/g, '').toLowerCase();

/** Why a whole result file is refused (nothing applied). */
export type BankResultFileProblem = 'FILE_TOO_LARGE' | 'NO_COLUMNS' | 'EMPTY' | 'TOO_MANY_ROWS';

export class BankResultFileError extends Error {
  constructor(
    readonly code: BankResultFileProblem,
    message: string,
  ) {
    super(message);
    this.name = 'BankResultFileError';
  }
}

/** One transfer the bank reports: paid, or refused with its reason (scrubbed of any account number). */
export type BankResultLine =
  | { line: number; applicationId: string; outcome: 'paid' }
  | { line: number; applicationId: string; outcome: 'refused'; reason: string };

/** A line that names no transfer the file can report: left out, and reported with its line. */
export interface BankResultProblem {
  line: number;
  applicationId: string | null;
  code: 'BAD_LINE' | 'DUPLICATE' | 'BAD_RESULT';
  reason: string;
}

export interface ParsedBankResults {
  encoding: DamageListEncoding;
  /** Data lines in the file (the header excluded). */
  total: number;
  lines: BankResultLine[];
  problems: BankResultProblem[];
}

/** Digit runs that could be an account number are never kept from a bank's free-text reason. */
export function scrubBankReason(text: string): string {
  const clean = text
    .replace(/\d[\d\s-]{5,}\d/g, '***')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.slice(0, PAYMENT_REASON_MAX_LENGTH) || '은행이 사유를 알려 주지 않았습니다.';
}

/**
 * Reads a bank result file. Throws BankResultFileError when the file as a whole cannot be used (too large,
 * no id or result column, no data line, more than PAYMENT_RESULTS_MAX_ROWS lines); otherwise every line is
 * either a result or a problem. An application named twice counts once: the first line.
 */
export function parseBankResults(bytes: Uint8Array): ParsedBankResults {
  let decoded: ReturnType<typeof decodeDamageList>;
  try {
    decoded = decodeDamageList(bytes);
  } catch (err) {
    if (err instanceof DamageFileError) throw new BankResultFileError('FILE_TOO_LARGE', err.message);
    throw err;
  }
  const records = [...csvRecords(decoded.text)];
  const head = records.shift();
  const columns = (head?.fields ?? []).map(word);
  const idAt = columns.findIndex((c) => ID_COLUMNS.has(c));
  const resultAt = columns.findIndex((c) => RESULT_COLUMNS.has(c));
  const reasonAt = columns.findIndex((c) => REASON_COLUMNS.has(c));
  if (!head || idAt < 0 || resultAt < 0)
    throw new BankResultFileError(
      'NO_COLUMNS',
      '은행 결과 파일의 첫 줄에 "신청 ID"와 "결과" 열 이름이 있어야 합니다.',
    );
  if (records.length === 0) throw new BankResultFileError('EMPTY', '은행 결과 파일에 결과 줄이 없습니다.');
  if (records.length > PAYMENT_RESULTS_MAX_ROWS)
    throw new BankResultFileError(
      'TOO_MANY_ROWS',
      `은행 결과는 한 번에 ${PAYMENT_RESULTS_MAX_ROWS.toLocaleString('ko-KR')}줄까지 올릴 수 있습니다. 나누어 올려 주세요.`,
    );

  const lines: BankResultLine[] = [];
  const problems: BankResultProblem[] = [];
  const seen = new Set<string>();
  for (const { line, fields, unclosed } of records) {
    const id = (fields[idAt] ?? '').trim();
    if (unclosed || !/^[A-Za-z0-9_-]{16,40}$/.test(id)) {
      problems.push({
        line,
        applicationId: null,
        code: 'BAD_LINE',
        reason: '신청 ID가 없거나 올바르지 않은 줄입니다.',
      });
      continue;
    }
    if (seen.has(id)) {
      problems.push({
        line,
        applicationId: id,
        code: 'DUPLICATE',
        reason: '같은 신청이 파일에 두 번 있습니다. 앞의 줄만 반영했습니다.',
      });
      continue;
    }
    seen.add(id);
    const result = word(fields[resultAt] ?? '');
    if (SUCCESS_WORDS.has(result)) lines.push({ line, applicationId: id, outcome: 'paid' });
    else if (FAILURE_WORDS.has(result))
      lines.push({
        line,
        applicationId: id,
        outcome: 'refused',
        reason: scrubBankReason(reasonAt >= 0 ? (fields[reasonAt] ?? '') : ''),
      });
    else
      problems.push({
        line,
        applicationId: id,
        code: 'BAD_RESULT',
        reason: '결과는 "성공" 또는 "실패"로 써 주세요.',
      });
  }
  return { encoding: decoded.encoding, total: records.length, lines, problems };
}
