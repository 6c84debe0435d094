/// <reference types="vite/client" />
import { describe, expect, it } from 'vitest';
import { leavesOf } from '../columnar/plan-keys';
import { fromDayNumber, toDayNumber } from '../dates';
import { evaluateProgram } from '../rules/match';
import { DISASTER_FILES, loadCatalog, PROGRAM_FILES, programCheckDate } from './index';

/** The date the catalog was written for; examples without their own date are checked on it (within the window). */
const CATALOG_DATE = '2026-11-26';

const { programs, disasters } = loadCatalog();

describe('the catalog', () => {
  it('holds the 20 programs and 2 declared disasters of the source list', () => {
    expect(programs).toHaveLength(20);
    expect(disasters).toHaveLength(2);
    expect(disasters.map((d) => [d.id, d.kind])).toEqual([
      ['2023-07-heavy-rain', 'heavy-rain'],
      ['2025-03-wildfire', 'wildfire'],
    ]);
  });

  it('lists every data file in its folders, and nothing else', () => {
    const onDisk = Object.keys(import.meta.glob(['./programs/*.json', './disasters/*.json'])).map((f) =>
      f.replace(/^\.\//, ''),
    );
    const listed = [...PROGRAM_FILES, ...DISASTER_FILES].map((f) => f.file);
    expect([...listed].sort()).toEqual([...onDisk].sort());
  });

  it('names each file after the id inside it', () => {
    for (const f of [...PROGRAM_FILES, ...DISASTER_FILES]) {
      expect(f.file).toBe(`${f.file.split('/')[0]}/${(f.data as { id: string }).id}.json`);
    }
  });

  it('gives every program at least two examples that must qualify and two that must not', () => {
    for (const p of programs) {
      expect(p.examples.mustMatch.length, p.id).toBeGreaterThanOrEqual(2);
      expect(p.examples.mustNotMatch.length, p.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('uses each registration number once across all examples', () => {
    const brns = programs.flatMap((p) =>
      [...p.examples.mustMatch, ...p.examples.mustNotMatch].flatMap((e) =>
        e.profile.brn ? [e.profile.brn] : [],
      ),
    );
    expect(new Set(brns).size).toBe(brns.length);
  });

  it('returns the same validated programs on every load, in fresh arrays', () => {
    const again = loadCatalog();
    expect(again.programs).not.toBe(programs);
    expect(again.programs[0]).toBe(programs[0]);
  });
});

const cases = programs.flatMap((program) => [
  ...program.examples.mustMatch.map((example) => ({ program, example, expected: true })),
  ...program.examples.mustNotMatch.map((example) => ({ program, example, expected: false })),
]);

describe.each(cases)('$program.id — $example.name', ({ program, example, expected }) => {
  const asOf = example.asOf ?? programCheckDate(program, CATALOG_DATE);

  it(expected ? 'qualifies' : 'does not qualify', () => {
    const result = evaluateProgram(program, example.profile, { asOf, disasters });
    const why = result.reasons.map((r) => `${r.path} ${r.type} ${String(r.met)}: ${r.text}`).join('\n');
    expect(result.eligible, why).toBe(expected);
  });

  if (!expected) {
    it('fails on a known fact, not on missing data', () => {
      const result = evaluateProgram(program, example.profile, { asOf, disasters });
      expect(result.reasons.some((r) => r.met === false)).toBe(true);
    });
  }
});

/** Programs whose rule names a disaster (area or damage), with the mustMatch examples that have a damage record. */
const disasterCases = programs
  .filter((p) => leavesOf(p.rule).some((c) => c.type === 'disasterArea' || c.type === 'disasterDamage'))
  .flatMap((program) =>
    program.examples.mustMatch.flatMap((example) => {
      const damage = example.profile.disasterDamage[0];
      const disaster = disasters.find((d) => d.id === damage?.disasterId);
      return disaster ? [{ program, example, disaster }] : [];
    }),
  );

describe('every program tied to a disaster', () => {
  it('has examples with a damage record to check', () => {
    expect(new Set(disasterCases.map((c) => c.program.id))).toEqual(
      new Set(['disaster-emergency-fund', 'heavy-rain-relief', 'wildfire-relief']),
    );
  });

  it.each(disasterCases)(
    '$program.id refuses "$example.name" had it opened after the disaster began',
    ({ program, example, disaster }) => {
      const asOf = example.asOf ?? programCheckDate(program, CATALOG_DATE);
      const late = { ...example.profile, openingDate: fromDayNumber(toDayNumber(disaster.startDate) + 1) };
      const result = evaluateProgram(program, late, { asOf, disasters });
      expect(result.eligible).toBe(false);
      const refused = result.reasons.filter((r) => r.met === false);
      expect(refused.map((r) => r.text).join('\n')).toContain('재난 시작일');
    },
  );

  it.each(disasterCases)(
    '$program.id refuses "$example.name" had it closed before the disaster began',
    ({ program, example, disaster }) => {
      const asOf = example.asOf ?? programCheckDate(program, CATALOG_DATE);
      const closed = { ...example.profile, closureDate: fromDayNumber(toDayNumber(disaster.startDate) - 1) };
      expect(evaluateProgram(program, closed, { asOf, disasters }).eligible).toBe(false);
    },
  );
});

describe('what a pre-startup founder reads', () => {
  const founder = {
    ...programs.find((p) => p.id === 'new-business-academy')!.examples.mustMatch[0]!.profile,
  };

  it.each(programs)('$id describes the founder as not opened yet, never as operating', (program) => {
    const result = evaluateProgram(program, founder, { asOf: CATALOG_DATE, disasters });
    const texts = result.reasons.map((r) => r.text);
    for (const text of texts) {
      expect(text).not.toContain('영업 중,');
      expect(text).not.toContain('폐업 예정 없음');
    }
    const aboutOpening = result.reasons.filter((r) =>
      ['operating', 'closure', 'openedBefore'].includes(r.type),
    );
    for (const r of aboutOpening) expect(r.text).toContain('예비창업자: 아직 개업 전');
  });
});

describe('the catalog in English', () => {
  it.each(programs)('$id has every text of its page in English with no Korean left', (program) => {
    const texts = [program.titleEn, program.summaryEn, program.benefit.descriptionEn, program.howToApplyEn];
    if (program.benefit.rate) texts.push(program.benefit.rateEn);
    for (const text of texts) expect(text).toBeTruthy();
    expect(texts.join(' ')).not.toMatch(/[가-힣]/);
  });

  it.each(disasters)('$id has an English name', (disaster) => {
    expect(disaster.nameEn).toBeTruthy();
    expect(disaster.nameEn).not.toMatch(/[가-힣]/);
  });
});
