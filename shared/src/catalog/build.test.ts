import { describe, expect, it } from 'vitest';
import { buildCatalog, CatalogError, type CatalogFile } from './build';
import { programCheckDate } from './check-date';
import { DISASTER_FILES, PROGRAM_FILES } from './index';

/** A deep copy of one real program file with values set at dotted paths (`rule.rules.0.field`), to break it. */
function programFile(id: string, changes: Record<string, unknown> = {}): CatalogFile {
  const original = PROGRAM_FILES.find((f) => f.file === `programs/${id}.json`);
  if (!original) throw new Error(`no such program file: ${id}`);
  const data = JSON.parse(JSON.stringify(original.data)) as Record<string, unknown>;
  for (const [path, value] of Object.entries(changes)) {
    const keys = path.split('.');
    const last = keys.pop()!;
    let node = data;
    for (const k of keys) node = node[k] as Record<string, unknown>;
    node[last] = value;
  }
  return { file: original.file, data };
}

function problemsOf(act: () => unknown): { file: string; path: string; message: string }[] {
  try {
    act();
  } catch (e) {
    expect(e).toBeInstanceOf(CatalogError);
    return (e as CatalogError).problems;
  }
  throw new Error('expected a CatalogError');
}

describe('buildCatalog', () => {
  it('accepts the real catalog files', () => {
    const catalog = buildCatalog(PROGRAM_FILES, DISASTER_FILES);

    expect(catalog.programs.map((p) => p.id)).toContain('youth-fund');
    expect(catalog.disasters.map((d) => d.id)).toContain('2025-03-wildfire');
  });

  it('names the file and the exact rule path of an invalid condition', () => {
    const bad = programFile('youth-fund', { 'rule.rules.0.field': 'shoeSize' });

    const problems = problemsOf(() => buildCatalog([bad], DISASTER_FILES));

    expect(problems).toContainEqual(
      expect.objectContaining({ file: 'programs/youth-fund.json', path: 'rule.rules.0.field' }),
    );
  });

  it('lists the problems of every file in the error message', () => {
    const a = programFile('youth-fund', { 'benefit.loanLimit': -1 });
    const b = programFile('smart-store', { status: 'maybe' });

    const error = (() => {
      try {
        buildCatalog([a, b], DISASTER_FILES);
      } catch (e) {
        return e as Error;
      }
      throw new Error('expected a CatalogError');
    })();

    expect(error.message).toContain('programs/youth-fund.json benefit.loanLimit');
    expect(error.message).toContain('programs/smart-store.json status');
  });

  it('rejects a misspelt field that the schema would drop', () => {
    const bad = programFile('youth-fund', { applyend: '2026-12-31' });

    expect(problemsOf(() => buildCatalog([bad], DISASTER_FILES))).toContainEqual(
      expect.objectContaining({ path: 'applyend' }),
    );
  });

  it('rejects an id that differs from the file name', () => {
    const bad = programFile('youth-fund', { id: 'youth-fund-2' });

    expect(problemsOf(() => buildCatalog([bad], DISASTER_FILES))).toContainEqual(
      expect.objectContaining({ file: 'programs/youth-fund.json', path: 'id' }),
    );
  });

  it('rejects two files with the same id', () => {
    const one = programFile('youth-fund');
    const two = { ...programFile('youth-fund'), file: 'programs/youth-fund.json' };

    expect(problemsOf(() => buildCatalog([one, two], DISASTER_FILES))).toContainEqual(
      expect.objectContaining({ path: 'id', message: expect.stringContaining('겹칩니다') }),
    );
  });

  it('rejects a rule that refers to a program not in the catalog', () => {
    const fund = programFile('new-business-fund');

    expect(problemsOf(() => buildCatalog([fund], DISASTER_FILES))).toContainEqual({
      file: 'programs/new-business-fund.json',
      path: 'rule.rules.1.programId',
      message: '카탈로그에 없는 사업을 가리킵니다: new-business-academy',
    });
  });

  it('rejects an example that refers to a disaster not in the catalog', () => {
    const relief = programFile('wildfire-relief');

    expect(problemsOf(() => buildCatalog([relief], []))).toContainEqual(
      expect.objectContaining({ path: 'examples.mustMatch.0.profile.disasterDamage.0.disasterId' }),
    );
  });

  it('rejects a disaster with an unknown 시군구 code', () => {
    const data = {
      ...(JSON.parse(JSON.stringify(DISASTER_FILES[0]!.data)) as object),
      regionCodes: ['99999'],
    };

    expect(
      problemsOf(() => buildCatalog([], [{ file: 'disasters/2023-07-heavy-rain.json', data }])),
    ).toContainEqual(expect.objectContaining({ path: 'regionCodes.0' }));
  });
});

describe('programCheckDate', () => {
  it('is today inside the window', () => {
    expect(programCheckDate({ applyStart: '2026-01-02', applyEnd: '2026-12-31' }, '2026-11-26')).toBe(
      '2026-11-26',
    );
  });

  it('is the last day of a window that has passed', () => {
    expect(programCheckDate({ applyStart: '2025-07-14', applyEnd: '2025-11-28' }, '2026-11-26')).toBe(
      '2025-11-28',
    );
  });

  it('is the first day of a window still to come', () => {
    expect(programCheckDate({ applyStart: '2027-02-02', applyEnd: '2027-03-05' }, '2026-11-26')).toBe(
      '2027-02-02',
    );
  });

  it('is today for a program without a window', () => {
    expect(programCheckDate({}, '2026-11-26')).toBe('2026-11-26');
  });
});
