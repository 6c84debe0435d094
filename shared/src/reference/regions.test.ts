import { describe, expect, it } from 'vitest';
import { findSido, findSigungu, isRegionCode, regionName, SIDO_NAMES_EN, SIDOS, SIGUNGUS } from './regions';

describe('regions', () => {
  it('holds the 17 시도 and 252 시군구 of the reference list', () => {
    expect(SIDOS).toHaveLength(17);
    expect(SIGUNGUS).toHaveLength(252);
  });

  it('romanizes every 시도 for the English pages', () => {
    for (const s of SIDOS) expect(SIDO_NAMES_EN[s.code], s.name).toMatch(/^[A-Z][a-z]+(-do)?$/);
  });

  it('has unique codes, each 시군구 under a known 시도', () => {
    expect(new Set(SIGUNGUS.map((s) => s.code)).size).toBe(252);
    for (const s of SIGUNGUS) {
      expect(s.code).toMatch(/^\d{5}$/);
      expect(s.kostat2018Code).toMatch(/^\d{5}$/);
      expect(findSido(s.sidoCode), s.code).toBeDefined();
    }
  });

  it('knows 의성군 and 군위군, now under 대구', () => {
    expect(findSigungu('47730')).toMatchObject({ name: '의성군', sidoCode: '47' });
    expect(findSigungu('27720')).toMatchObject({ name: '군위군', sidoCode: '27' });
    expect(regionName('27720')).toBe('대구광역시 군위군');
    expect(regionName('47730')).toBe('경상북도 의성군');
  });

  it('uses the current codes of 강원 and 전북 특별자치도', () => {
    expect(findSido('51')?.name).toBe('강원특별자치도');
    expect(findSido('52')?.name).toBe('전북특별자치도');
  });

  it('accepts 2-digit 시도 and 5-digit 시군구 codes only', () => {
    expect(isRegionCode('47')).toBe(true);
    expect(isRegionCode('47730')).toBe(true);
    expect(isRegionCode('42')).toBe(false);
    expect(isRegionCode('47999')).toBe(false);
    expect(isRegionCode('477')).toBe(false);
  });

  it('names a 시도 on its own', () => {
    expect(regionName('11')).toBe('서울특별시');
    expect(findSido('50')?.shortName).toBe('제주');
  });
});
