import { describe, expect, it } from 'vitest';
import { csvCell } from './application-reports';

describe('csvCell', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvCell('가나, 다라')).toBe('"가나, 다라"');
    expect(csvCell('그는 "네"라고')).toBe('"그는 ""네""라고"');
    expect(csvCell('줄\r\n바꿈')).toBe('"줄\r\n바꿈"');
    expect(csvCell('평범한 상호')).toBe('평범한 상호');
  });

  it('defuses text Excel would run as a formula, and leaves numbers and empty cells alone', () => {
    expect(csvCell('=HYPERLINK("http://x")')).toBe(`"'=HYPERLINK(""http://x"")"`);
    expect(csvCell('+82-10')).toBe("'+82-10");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-5)).toBe('-5');
    expect(csvCell(undefined)).toBe('');
  });
});
