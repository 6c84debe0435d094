import { describe, expect, it } from 'vitest';
import { smallBusinessEmployeeLimit, smallBusinessRevenueCap } from './small-business';

const EOK = 100_000_000;

describe('소상공인 thresholds', () => {
  it('allows fewer than 10 employees in mining, manufacturing, construction and transport', () => {
    for (const code of ['05100', '10711', '41221', '49231'])
      expect(smallBusinessEmployeeLimit(code), code).toBe(10);
  });

  it('allows fewer than 5 employees elsewhere', () => {
    for (const code of ['56111', '47190', '96112', '62010', '68112'])
      expect(smallBusinessEmployeeLimit(code), code).toBe(5);
  });

  it('caps revenue by industry, per the 소기업 reference figures', () => {
    expect(smallBusinessRevenueCap('10711')).toBe(120 * EOK); // food manufacturing
    expect(smallBusinessRevenueCap('13101')).toBe(80 * EOK); // textiles
    expect(smallBusinessRevenueCap('35')).toBe(120 * EOK); // D
    expect(smallBusinessRevenueCap('36')).toBe(120 * EOK); // water supply
    expect(smallBusinessRevenueCap('37')).toBe(30 * EOK); // sewage
    expect(smallBusinessRevenueCap('41221')).toBe(80 * EOK); // F
    expect(smallBusinessRevenueCap('47190')).toBe(50 * EOK); // G
    expect(smallBusinessRevenueCap('62010')).toBe(50 * EOK); // J
    expect(smallBusinessRevenueCap('68112')).toBe(30 * EOK); // L
    expect(smallBusinessRevenueCap('75')).toBe(30 * EOK); // N
    expect(smallBusinessRevenueCap('56111')).toBe(10 * EOK); // I
    expect(smallBusinessRevenueCap('96112')).toBe(10 * EOK); // S
  });
});
