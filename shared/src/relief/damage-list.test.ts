import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBusinessNumber, withCheckDigit } from '../business-number/business-number';
import { encodeCp949 } from '../testing/cp949';
import {
  csvRecords,
  DAMAGE_CONFIRMATION_GRACE_DAYS,
  DAMAGE_LIST_MAX_BYTES,
  DamageFileError,
  decodeDamageList,
  parseDamageList,
  parseKoreanDate,
  parseWon,
} from './damage-list';

const disaster = { startDate: '2025-03-21', endDate: '2025-03-30' };
const today = '2026-12-03';
const utf8 = (s: string) => new TextEncoder().encode(s);
const brnA = withCheckDigit('220816251'); // 2208162517
const brnB = withCheckDigit('123456789');
const brnC = withCheckDigit('987654321');

describe('decoding', () => {
  it('reads UTF-8 with and without a BOM, and CP949 as Excel writes it', () => {
    const text = '사업자등록번호,피해확인일\n';
    expect(decodeDamageList(utf8(text))).toEqual({ text, encoding: 'utf-8' });
    expect(decodeDamageList(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]))).toEqual({
      text,
      encoding: 'utf-8',
    });
    expect(decodeDamageList(encodeCp949(text))).toEqual({ text, encoding: 'cp949' });
  });

  it('refuses a file over the size limit before reading it', () => {
    expect(() => decodeDamageList(new Uint8Array(DAMAGE_LIST_MAX_BYTES + 1))).toThrow(DamageFileError);
  });
});

describe('CSV records', () => {
  it('gives each record its starting line, with quotes, doubled quotes, line breaks and CRLF', () => {
    const text = 'a,b\r\n\r\n"x, y","say ""hi"""\n"multi\nline",z\n';
    expect([...csvRecords(text)]).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 3, fields: ['x, y', 'say "hi"'] },
      { line: 4, fields: ['multi\nline', 'z'] },
    ]);
  });

  it('marks a record cut off inside a quote instead of failing the file', () => {
    expect([...csvRecords('a,b\n"unterminated,c')]).toEqual([
      { line: 1, fields: ['a', 'b'] },
      { line: 2, fields: ['unterminated,c'], unclosed: true },
    ]);
  });
});

describe('dates and amounts as offices write them', () => {
  it.each([
    ['2025-04-07', '2025-04-07'],
    ['2025.04.07', '2025-04-07'],
    ['2025. 4. 7.', '2025-04-07'],
    ['2025/4/7', '2025-04-07'],
    ['20250407', '2025-04-07'],
    ['2025년 4월 7일', '2025-04-07'],
  ])('%s', (input, iso) => expect(parseKoreanDate(input)).toBe(iso));

  it('refuses dates that do not exist', () => {
    for (const bad of ['2025-02-30', '2025-13-01', '07/04/2025', '어제', ''])
      expect(parseKoreanDate(bad)).toBeUndefined();
  });

  it('reads won with commas and 원, refuses the rest', () => {
    expect(parseWon('1,200,000')).toBe(1_200_000);
    expect(parseWon('1200000원')).toBe(1_200_000);
    for (const bad of ['-5', '1.5', '12만원', '1e6']) expect(parseWon(bad)).toBeUndefined();
  });
});

describe('parseDamageList', () => {
  it('reads a header in Korean, in any column order, with optional kind and amount', () => {
    const file = `피해유형,피해확인일,사업자등록번호,피해금액\n침수,2025-04-07,${formatBusinessNumber(brnA)},"3,000,000"\n,2025.04.08,${brnB},\n`;
    const parsed = parseDamageList(utf8(file), disaster, today);
    expect(parsed.errors).toEqual([]);
    expect(parsed.total).toBe(2);
    expect(parsed.rows).toEqual([
      { line: 2, brn: brnA, confirmedOn: '2025-04-07', kind: 'flooding', amountWon: 3_000_000 },
      { line: 3, brn: brnB, confirmedOn: '2025-04-08' },
    ]);
  });

  it('reads a file without a header by position', () => {
    const parsed = parseDamageList(utf8(`${brnA},2025-03-25\n`), disaster, today);
    expect(parsed.rows).toEqual([{ line: 1, brn: brnA, confirmedOn: '2025-03-25' }]);
  });

  it('refuses a header without the two required columns', () => {
    expect(() => parseDamageList(utf8('사업자등록번호,금액\n'), disaster, today)).toThrow(/피해확인일/);
    expect(() => parseDamageList(new Uint8Array(), disaster, today)).toThrow(DamageFileError);
  });

  it('reports every bad line with its number and reason, and keeps every good one', () => {
    const late = '2025-09-27'; // 181 days after the end
    const file = [
      '사업자등록번호,피해확인일,피해유형,피해금액',
      `${brnA},2025-04-07,화재,`,
      '12345,2025-04-07', // 3: format
      `${brnB.slice(0, 9)}${(Number(brnB[9]) + 1) % 10},2025-04-07`, // 4: check digit
      `${brnB},2025-02-30`, // 5: no such date
      `${brnB},2025-03-20`, // 6: before the disaster
      `${brnB},${late}`, // 7: too long after it
      `${brnB},2025-04-07,지진,`, // 8: unknown kind
      `${brnB},2025-04-07,,백만원`, // 9: bad amount
      `${brnA},2025-04-09`, // 10: duplicate of line 2
      `${brnC}`, // 11: truncated row
      `${brnC},"2025-04-07`, // 12: cut off inside a quote
    ].join('\n');
    const parsed = parseDamageList(utf8(file), disaster, today);
    expect(parsed.rows.map((r) => r.line)).toEqual([2]);
    expect(parsed.errors.map((e) => [e.line, e.code])).toEqual([
      [3, 'BRN_FORMAT'],
      [4, 'BRN_CHECK_DIGIT'],
      [5, 'DATE_FORMAT'],
      [6, 'DATE_OUTSIDE_PERIOD'],
      [7, 'DATE_OUTSIDE_PERIOD'],
      [8, 'KIND_UNKNOWN'],
      [9, 'AMOUNT_FORMAT'],
      [10, 'DUPLICATE'],
      [11, 'COLUMNS'],
      [12, 'UNCLOSED_QUOTE'],
    ]);
    expect(parsed.errors.find((e) => e.line === 10)!.message).toContain('2번째 줄');
    expect(parsed.errors.find((e) => e.line === 7)!.message).toContain(`${DAMAGE_CONFIRMATION_GRACE_DAYS}일`);
    for (const e of parsed.errors) expect(e.message).toMatch(/[가-힣].*(니다|세요)\.$/);
    expect(parsed.total).toBe(11);
  });

  it('refuses a confirmation dated after today', () => {
    const parsed = parseDamageList(utf8(`${brnA},2025-04-07\n`), disaster, '2025-04-01');
    expect(parsed.errors.map((e) => e.code)).toEqual(['DATE_OUTSIDE_PERIOD']);
    expect(parsed.errors[0]!.message).toContain('오늘보다 뒤');
  });

  it('reads the same rows from UTF-8, UTF-8 with a BOM and CP949 (property)', () => {
    const row = fc.record({
      nine: fc.integer({ min: 100_000_000, max: 999_999_999 }),
      day: fc.integer({ min: 0, max: 120 }),
      kind: fc.constantFrom('', '침수', '재고', '영업 중단', 'fire'),
      amount: fc.option(fc.integer({ min: 0, max: 1e10 }), { nil: undefined }),
      hyphens: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(row, { maxLength: 30 }), fc.boolean(), (rows, crlf) => {
        const lines = ['사업자등록번호,피해확인일,피해유형,피해금액'];
        for (const r of rows) {
          const brn = withCheckDigit(String(r.nine));
          const date = new Date(Date.UTC(2025, 2, 21 + r.day)).toISOString().slice(0, 10);
          const amount = r.amount === undefined ? '' : `"${r.amount.toLocaleString('en-US')}"`;
          lines.push([r.hyphens ? formatBusinessNumber(brn) : brn, date, r.kind, amount].join(','));
        }
        const text = lines.join(crlf ? '\r\n' : '\n');
        const a = parseDamageList(utf8(text), disaster, today);
        const b = parseDamageList(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)]), disaster, today);
        const c = parseDamageList(encodeCp949(text), disaster, today);
        expect(c.encoding).toBe('cp949');
        expect(b.rows).toEqual(a.rows);
        expect(c.rows).toEqual(a.rows);
        expect(a.rows.length + a.errors.length).toBe(rows.length);
        // Every row is either good or reported as a duplicate of an earlier number: nothing is lost.
        for (const e of a.errors) expect(e.code).toBe('DUPLICATE');
      }),
      { numRuns: 60 },
    );
  });
});
