import { describe, expect, it } from 'vitest';
import { deriveStage, STAGE_THRESHOLDS } from './stage';

const asOf = '2026-11-26';

describe('deriveStage', () => {
  it('puts a business operating under 3 years in startup', () => {
    expect(deriveStage({ openingDate: '2024-11-27' }, asOf)).toEqual({
      stage: 'startup',
      detail: 'operating',
    });
  });

  it('moves a business to growth on its third anniversary', () => {
    expect(deriveStage({ openingDate: '2023-11-27' }, asOf)?.stage).toBe('startup');
    expect(deriveStage({ openingDate: '2023-11-26' }, asOf)).toEqual({
      stage: 'growth',
      detail: 'operating',
    });
    expect(STAGE_THRESHOLDS.startupYears).toBe(3);
  });

  it('counts a pre-startup founder as startup', () => {
    expect(deriveStage({ preStartup: true }, asOf)).toEqual({ stage: 'startup', detail: 'preStartup' });
  });

  it('counts a business opening after the as-of date as pre-startup', () => {
    expect(deriveStage({ openingDate: '2027-01-02' }, asOf)).toEqual({
      stage: 'startup',
      detail: 'preStartup',
    });
  });

  it('puts a planned closure in the closure stage, whatever the age', () => {
    expect(deriveStage({ openingDate: '2001-01-01', plannedClosureDate: '2026-12-31' }, asOf)).toEqual({
      stage: 'closure',
      detail: 'closurePlanned',
    });
  });

  it('puts a business closed on or before the as-of date in the closure stage', () => {
    expect(deriveStage({ openingDate: '2015-01-01', closureDate: '2026-11-26' }, asOf)).toEqual({
      stage: 'closure',
      detail: 'closed',
    });
  });

  it('ignores a closure date after the as-of date', () => {
    expect(deriveStage({ openingDate: '2015-01-01', closureDate: '2026-11-27' }, asOf)).toEqual({
      stage: 'growth',
      detail: 'operating',
    });
  });

  it('puts a restart within 7 years of the previous closure in the closure stage', () => {
    const restarted = { openingDate: '2022-03-01', previousClosureDate: '2021-06-30' };
    expect(deriveStage(restarted, asOf)).toEqual({ stage: 'closure', detail: 'restarted' });
    expect(deriveStage(restarted, '2028-06-29')?.detail).toBe('restarted');
    expect(deriveStage(restarted, '2028-06-30')).toEqual({ stage: 'growth', detail: 'operating' });
  });

  it('does not count a previous closure after the opening as a restart', () => {
    expect(deriveStage({ openingDate: '2025-03-01', previousClosureDate: '2025-06-01' }, asOf)).toEqual({
      stage: 'startup',
      detail: 'operating',
    });
  });

  it('cannot derive a stage without an opening date', () => {
    expect(deriveStage({}, asOf)).toBeUndefined();
  });

  it('gives the stage for the date asked, not today', () => {
    const p = { openingDate: '2020-05-01' };
    expect(deriveStage(p, '2021-05-01')?.stage).toBe('startup');
    expect(deriveStage(p, '2024-05-01')?.stage).toBe('growth');
  });
});
