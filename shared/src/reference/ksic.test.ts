import { describe, expect, it } from 'vitest';
import {
  isKsicCode,
  isKsicPrefix,
  KSIC_DIVISIONS,
  KSIC_SECTIONS,
  ksicMatches,
  ksicName,
  ksicSection,
} from './ksic';

describe('KSIC', () => {
  it('has the 21 sections A–U with contiguous, non-overlapping divisions', () => {
    expect(KSIC_SECTIONS.map((s) => s.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU');
    for (const [i, s] of KSIC_SECTIONS.entries()) {
      if (i > 0) expect(s.divisions[0]).toBeGreaterThan(KSIC_SECTIONS[i - 1]!.divisions[1]);
    }
  });

  it('maps every listed division into a section', () => {
    for (const d of Object.keys(KSIC_DIVISIONS)) expect(ksicSection(d), d).toBeDefined();
  });

  it('finds the section of a code from its division', () => {
    expect(ksicSection('56111')).toBe('I');
    expect(ksicSection('10')).toBe('C');
    expect(ksicSection('47190')).toBe('G');
    expect(ksicSection('05100')).toBe('B');
    expect(ksicSection('64')).toBe('K');
    expect(ksicSection('99000')).toBe('U');
  });

  it('rejects unknown divisions and malformed codes', () => {
    expect(ksicSection('04000')).toBeUndefined();
    expect(isKsicCode('57')).toBe(false);
    expect(isKsicCode('5')).toBe(false);
    expect(isKsicCode('561110')).toBe(false);
    expect(isKsicCode('I')).toBe(false);
  });

  it('accepts section letters and digit prefixes in rules', () => {
    expect(isKsicPrefix('K')).toBe(true);
    expect(isKsicPrefix('681')).toBe(true);
    expect(isKsicPrefix('9124')).toBe(true);
    expect(isKsicPrefix('Z')).toBe(false);
    expect(isKsicPrefix('04')).toBe(false);
  });

  it('matches codes under a section or a digit prefix', () => {
    expect(ksicMatches('56211', '56211')).toBe(true);
    expect(ksicMatches('56211', '562')).toBe(true);
    expect(ksicMatches('56211', 'I')).toBe(true);
    expect(ksicMatches('56111', '56211')).toBe(false);
    expect(ksicMatches('64110', 'K')).toBe(true);
    expect(ksicMatches('47190', 'I')).toBe(false);
  });

  it('names codes by their own name, else by division or section', () => {
    expect(ksicName('56211')).toBe('일반유흥 주점업');
    expect(ksicName('56')).toBe('음식점 및 주점업');
    expect(ksicName('G')).toBe('도매 및 소매업');
    expect(ksicName('56199')).toBe('산업분류 56199');
  });
});
