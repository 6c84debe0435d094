import { describe, expect, it } from 'vitest';
import { findJsonSyntaxError, jsonPathOffsets, lineOfPath, locationOf } from './json-locate';
import { parseProfileText } from './profile-file';

const VALID = `{
  "brn": "220-81-62517",
  "tradeName": "의성한식당",
  "representativeName": "김민지",
  "regionCode": "47730",
  "ksic": "56111"
}`;

describe('parseProfileText', () => {
  it('returns the validated profile', () => {
    const r = parseProfileText(VALID, 'p.json');
    expect(r).toMatchObject({ ok: true, profile: { brn: '2208162517', regionCode: '47730' } });
  });

  it('accepts a byte-order mark', () => {
    expect(parseProfileText(`\uFEFF${VALID}`, 'p.json').ok).toBe(true);
  });

  it('names each invalid field with its line, nested and unknown keys included', () => {
    const text = `{
  "brn": "220-81-62517",
  "tradeName": "의성한식당",
  "representativeName": "김민지",
  "regionCode": "47730",
  "ksic": "56111",
  "flags": {
    "womanOwned": "yes",
    "youth": true
  },
  "priorSupport": [
    { "programId": "smart-store", "year": 1800 }
  ]
}`;
    const r = parseProfileText(text, 'p.json');
    expect(r.ok).toBe(false);
    expect(r.ok ? '' : r.message).toBe(
      [
        '프로필 파일에 잘못된 항목이 있습니다: p.json',
        '  - flags.womanOwned (8행): 참/거짓 값이어야 합니다.',
        '  - flags.youth (9행): 알 수 없는 항목입니다: youth',
        '  - priorSupport.0.year (12행): 1990 이상이어야 합니다.',
      ].join('\n'),
    );
  });

  it('reports a misspelt field and a damage record for an unknown disaster, with their lines', () => {
    const text = `{
  "brn": "220-81-62517",
  "tradeName": "의성한식당",
  "representativeName": "김민지",
  "regionCode": "47730",
  "ksic": "56111",
  "employes": 3
}`;
    const misspelt = parseProfileText(text, 'p.json');
    expect(misspelt.ok ? '' : misspelt.message).toContain(
      '  - employes (7행): 알 수 없는 항목입니다: employes',
    );

    const damage = VALID.replace(
      '"ksic": "56111"',
      '"ksic": "56111",\n  "disasterDamage": [{ "disasterId": "2025-13-wildfire", "confirmedOn": "2025-04-07" }]',
    );
    const known = { programIds: new Set<string>(), disasterIds: new Set(['2025-03-wildfire']) };
    const r = parseProfileText(damage, 'p.json', known);
    expect(r.ok ? '' : r.message).toBe(
      [
        '프로필 파일에 잘못된 항목이 있습니다: p.json',
        '  - disasterDamage.0.disasterId (7행): 선포된 재난 가운데 없는 재난입니다: 2025-13-wildfire',
      ].join('\n'),
    );
    expect(parseProfileText(damage.replace('2025-13', '2025-03'), 'p.json', known).ok).toBe(true);
  });

  it('refuses dates too far ahead of the given day, with their lines', () => {
    const text = VALID.replace('"ksic": "56111"', '"ksic": "56111",\n  "plannedClosureDate": "2999-01-01"');
    expect(parseProfileText(text, 'p.json').ok).toBe(true);
    const r = parseProfileText(text, 'p.json', undefined, '2026-12-03');
    expect(r.ok ? '' : r.message).toBe(
      [
        '프로필 파일에 잘못된 항목이 있습니다: p.json',
        '  - plannedClosureDate (7행): 폐업 예정일은 2031년 12월 31일까지여야 합니다.',
      ].join('\n'),
    );
  });

  it('names a missing field without a line', () => {
    const r = parseProfileText(
      '{ "brn": "220-81-62517", "tradeName": "a", "representativeName": "b", "ksic": "56111" }',
      'p.json',
    );
    expect(r.ok ? '' : r.message).toContain('  - regionCode: 필수 항목입니다.');
  });

  it('says when the file is not an object', () => {
    const r = parseProfileText('[1, 2]', 'p.json');
    expect(r.ok ? '' : r.message).toContain('  - (파일 전체): 객체 값이어야 합니다.');
  });

  it('gives the line and column of a syntax error and shows the line', () => {
    const r = parseProfileText('{\n  "a": 1,\n  "b": tru\n}', 'p.json');
    expect(r.ok).toBe(false);
    const message = r.ok ? '' : r.message;
    expect(message).toContain('프로필 파일의 JSON 형식이 올바르지 않습니다: p.json 3행 8열');
    expect(message).toContain('값이 와야 합니다');
    expect(message).toContain('3 |   "b": tru');
  });

  it('places an unexpected end at the end of the file', () => {
    const r = parseProfileText('{\n  "a": ', 'p.json');
    expect(r.ok ? '' : r.message).toContain('2행 8열');
    expect(r.ok ? '' : r.message).toContain('파일이 중간에 끝났습니다.');
  });
});

describe('JSON syntax errors', () => {
  it('finds the place and says what is wrong, in Korean', () => {
    expect(findJsonSyntaxError('{"a":1,}')).toEqual({
      offset: 7,
      message: '마지막 항목 뒤에 쉼표(,)가 있습니다.',
    });
    expect(findJsonSyntaxError("{'a':1}")).toEqual({
      offset: 1,
      message: '항목 이름은 큰따옴표(")로 감싸야 합니다.',
    });
    expect(findJsonSyntaxError('{"a" 1}')?.message).toBe('항목 이름 뒤에 쌍점(:)이 와야 합니다.');
    expect(findJsonSyntaxError('{"a":[1 2]}')).toEqual({
      offset: 8,
      message: '쉼표(,) 또는 닫는 대괄호(])가 와야 합니다.',
    });
    expect(findJsonSyntaxError('{"a":"x')).toEqual({ offset: 5, message: '닫는 따옴표(")가 없습니다.' });
    expect(findJsonSyntaxError('{"a":01}')?.offset).toBe(5);
    expect(findJsonSyntaxError('{} x')).toEqual({ offset: 3, message: '값 뒤에 불필요한 내용이 있습니다.' });
    expect(findJsonSyntaxError('')?.message).toBe('파일이 중간에 끝났습니다.');
  });

  it('accepts exactly what JSON.parse accepts on valid documents', () => {
    for (const t of ['{"a":-1.5e3,"b":[true,false,null,{}],"c":"\\u00e9\\n"}', '[]', '"x"', ' 0 ']) {
      expect(() => JSON.parse(t)).not.toThrow();
      expect(findJsonSyntaxError(t)).toBeUndefined();
    }
  });
});

describe('JSON locations', () => {
  it('finds lines and columns of offsets', () => {
    expect(locationOf('ab\ncd', 0)).toEqual({ line: 1, column: 1 });
    expect(locationOf('ab\ncd', 4)).toEqual({ line: 2, column: 2 });
  });

  it('locates every value by its dotted path, members at their keys', () => {
    const text = '{\n "a": {"b": [1, {"c": "x\\"y"}]},\n "d": null\n}';
    const at = jsonPathOffsets(text);
    expect(at.get('')).toBe(0);
    expect(text.slice(at.get('a')!, at.get('a')! + 3)).toBe('"a"');
    expect(text.slice(at.get('a.b.1.c')!, at.get('a.b.1.c')! + 3)).toBe('"c"');
    expect(lineOfPath(text, at, 'd')).toBe(3);
    expect(lineOfPath(text, at, 'a.b.5')).toBe(2);
    expect(lineOfPath(text, at, 'zz')).toBeUndefined();
  });
});
