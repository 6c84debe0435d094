import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../../..');
const CLI = join(ROOT, 'functions/src/cli/match.ts');

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sbiz24-match-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI as `npm run match` does (tsx), on a file written to a temp folder. */
function run(args: string[], file?: { name: string; text: string }) {
  if (file) writeFileSync(join(dir, file.name), file.text);
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 30_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const VALID = {
  brn: '220-81-62517',
  tradeName: '의성한식당',
  representativeName: '김민지',
  openingDate: '2019-04-15',
  regionCode: '47730',
  ksic: '56111',
  employees: 3,
  revenue: 280_000_000,
  revenueAvg3y: 260_000_000,
  ownerBirthYear: 1990,
  flags: { taxArrears: false, suspended: false },
  disasterDamage: [{ disasterId: '2025-03-wildfire', confirmedOn: '2025-04-07' }],
};

describe('npm run match', () => {
  it('prints every catalog program with reasons, and the near misses, as JSON', () => {
    const file = join(dir, 'valid.json');
    const r = run([file, '--as-of', '2026-11-26'], {
      name: 'valid.json',
      text: JSON.stringify(VALID, null, 2),
    });
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.asOf).toBe('2026-11-26');
    expect(out.stage).toBe('growth');
    expect(out.programs).toHaveLength(20);
    const general = out.programs.find((p: { id: string }) => p.id === 'general-stability-fund');
    expect(general).toMatchObject({ title: '일반경영안정자금', kind: 'policy-fund', eligible: true });
    expect(general.reasons[0]).toEqual({
      met: true,
      text: '소상공인이어야 합니다 (업종 기준 상시근로자 5명 미만·매출 10억원 이하, 현재 3명·2억 6,000만원)',
    });
    expect(out.programs.find((p: { id: string }) => p.id === 'wildfire-relief').eligible).toBe(true);
    // 백년가게 needs 30 years of trading: an age, so no near miss proposes it.
    expect(out.nearMisses.map((n: { id: string }) => n.id)).not.toContain('hundred-year-store');
  });

  it('rejects invalid fields with exit 1, nothing on stdout, and each field path with its line', () => {
    const text = JSON.stringify(
      { ...VALID, brn: '220-81-62518', regionCode: '47999', employees: -2 },
      null,
      2,
    );
    const r = run([join(dir, 'invalid.json'), '--as-of', '2026-11-26'], { name: 'invalid.json', text });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('프로필 파일에 잘못된 항목이 있습니다');
    expect(r.stderr).toContain('brn (2행): 사업자등록번호의 검증번호가 맞지 않습니다.');
    expect(r.stderr).toContain('regionCode (6행): 알 수 없는 시군구 코드입니다.');
    expect(r.stderr).toContain('employees (8행): 상시근로자 수는 0 이상이어야 합니다.');
  });

  it('rejects malformed JSON with the line and column of the error', () => {
    const r = run([join(dir, 'broken.json')], {
      name: 'broken.json',
      text: '{\n  "brn": "220-81-62517",\n}\n',
    });
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('JSON 형식이 올바르지 않습니다');
    expect(r.stderr).toContain('3행 1열');
  });

  it('rejects an unreadable file', () => {
    const r = run([join(dir, 'missing.json')]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('프로필 파일을 읽을 수 없습니다');
  });

  it('exits 2 with the usage for a bad --as-of or no file', () => {
    const bad = run([join(dir, 'valid.json'), '--as-of', '2026-02-30']);
    expect(bad.code).toBe(2);
    expect(bad.stdout).toBe('');
    expect(bad.stderr).toContain('--as-of 날짜가 올바르지 않습니다');
    expect(bad.stderr).toContain('사용법: npm run match');
    const none = run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('사용법');
  });
});
