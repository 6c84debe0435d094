import { describe, expect, it } from 'vitest';
import { PAYMENT_RESULTS_MAX_ROWS } from '../contract/rapid-payment';
import { BankResultFileError, parseBankResults, scrubBankReason } from './bank-results';

const bytes = (text: string) => new TextEncoder().encode(text);
const A = 'appAAAAAAAAAAAAAAAA1';
const B = 'appBBBBBBBBBBBBBBBB2';
const C = 'appCCCCCCCCCCCCCCCC3';

describe('the bank result file', () => {
  it("reads the banks' own words and column names, each line once, and says why a line is left out", () => {
    const parsed = parseBankResults(
      bytes(
        `\uFEFF신청번호, 처리 결과 ,불능사유\r\n${A},지급완료,\r\n${B},지급불능,계좌 110-123-456789 해지\r\n` +
          `${A},성공,\r\nshort,성공,\r\n${C},보류,\r\n`,
      ),
    );
    expect(parsed.encoding).toBe('utf-8');
    expect(parsed.total).toBe(5);
    expect(parsed.lines).toEqual([
      { line: 2, applicationId: A, outcome: 'paid' },
      { line: 3, applicationId: B, outcome: 'refused', reason: '계좌 *** 해지' },
    ]);
    expect(parsed.problems.map((p) => [p.line, p.code])).toEqual([
      [4, 'DUPLICATE'],
      [5, 'BAD_LINE'],
      [6, 'BAD_RESULT'],
    ]);
  });

  it('refuses a file without the id and result columns, without lines, or with too many lines', () => {
    const code = (text: string) => {
      try {
        parseBankResults(bytes(text));
      } catch (err) {
        return err instanceof BankResultFileError ? err.code : 'other';
      }
      return 'none';
    };
    expect(code(`계좌,금액\r\n1,2\r\n`)).toBe('NO_COLUMNS');
    expect(code('신청 ID,결과\r\n')).toBe('EMPTY');
    expect(code(`신청 ID,결과\r\n${`${A},성공\r\n`.repeat(PAYMENT_RESULTS_MAX_ROWS + 1)}`)).toBe(
      'TOO_MANY_ROWS',
    );
  });

  it('keeps no run of digits that could be an account number, and says so when the bank gave no reason', () => {
    expect(scrubBankReason('예금주 불일치 (3333 0123 4567)')).toBe('예금주 불일치 (***)');
    expect(scrubBankReason('  ')).toBe('은행이 사유를 알려 주지 않았습니다.');
  });
});
