import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatNumber,
  formatWon,
  formatWonEn,
  hasBatchim,
  josa,
  listKo,
  mustBe,
  mustNotBe,
} from './format';

describe('Korean particles', () => {
  it('follow the final consonant of the last syllable', () => {
    expect(josa('소상공인', '이/가')).toBe('소상공인이');
    expect(josa('상시근로자', '이/가')).toBe('상시근로자가');
    expect(josa('신청서', '을/를')).toBe('신청서를');
    expect(josa('서울', '으로/로')).toBe('서울로');
    expect(josa('의성군', '으로/로')).toBe('의성군으로');
    expect(josa('「스마트상점 기술보급」', '을/를')).toBe('「스마트상점 기술보급」을');
    expect(josa('연 7%', '이/가')).toBe('연 7%가');
    expect(mustBe('5명 미만')).toBe('5명 미만이어야 합니다');
    expect(mustBe('39세 이하')).toBe('39세 이하여야 합니다');
    expect(mustNotBe('일반유흥 주점업(56211)')).toBe('일반유흥 주점업(56211)이 아니어야 합니다');
  });

  it('read digits and letters aloud', () => {
    expect(hasBatchim('2023')).toBe(true); // 삼
    expect(hasBatchim('2022')).toBe(false); // 이
    expect(hasBatchim('KSIC 56')).toBe(true); // 육
    expect(hasBatchim('G')).toBe(false); // 지
    expect(hasBatchim('L')).toBe(true); // 엘
  });

  it('attach to the word before a trailing parenthetical', () => {
    expect(mustBe('예비창업자(사업자등록 전)')).toBe('예비창업자(사업자등록 전)여야 합니다');
    expect(mustBe('제조업(C)')).toBe('제조업(C)이어야 합니다');
  });
});

describe('amounts, dates and lists', () => {
  it('writes won in 억 and 만 units', () => {
    expect(formatWon(300_000_000)).toBe('3억원');
    expect(formatWon(30_000_000)).toBe('3,000만원');
    expect(formatWon(260_000_000)).toBe('2억 6,000만원');
    expect(formatWon(5_000_000_000)).toBe('50억원');
    expect(formatWon(12_345_678)).toBe('1,234만 5,678원');
    expect(formatWon(0)).toBe('0원');
    expect(formatWon(1_234_500_000_000)).toBe('1조 2,345억원');
    expect(formatWon(1_000_000_000_000_000)).toBe('1,000조원');
    expect(formatWon(10_000_000_000_000)).toBe('10조원');
  });

  it('writes won in English', () => {
    expect(formatWonEn(300_000_000)).toBe('KRW 300 million');
    expect(formatWonEn(5_000_000_000)).toBe('KRW 5 billion');
    expect(formatWonEn(9_500)).toBe('KRW 9,500');
  });

  it('writes dates and numbers', () => {
    expect(formatDate('2025-06-01')).toBe('2025년 6월 1일');
    expect(formatNumber(1826)).toBe('1,826');
    expect(formatNumber(7.25)).toBe('7.25');
    expect(formatNumber(-1234567)).toBe('-1,234,567');
  });

  it('shortens long lists', () => {
    expect(listKo(['a', 'b'])).toBe('a, b');
    expect(listKo(['a', 'b', 'c', 'd'], 2, '곳')).toBe('a, b 외 2곳');
  });
});
