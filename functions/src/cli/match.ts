import { parseArgs } from 'node:util';

import { deriveStage, isIsoDate, loadCatalog, matchPrograms, todayInKorea } from '@sbiz24/shared';

import { readProfileFile } from './profile-file';

/**
 * `npm run match -- <profile.json> [--as-of YYYY-MM-DD]`: every catalog program evaluated for one business,
 * as JSON on stdout. Invalid input: a Korean message on stderr, nothing on stdout, exit 1 (bad file) or 2
 * (bad usage).
 */
const USAGE = `사용법: npm run match -- <profile.json> [--as-of YYYY-MM-DD]
  <profile.json>  사업장 프로필 파일 (형식: docs/profile-format.md)
  --as-of         평가 기준일 (기본값: 오늘, 한국 시간)`;

function usage(problem: string): never {
  process.stderr.write(`${problem}\n\n${USAGE}\n`);
  process.exit(2);
}

function main(): void {
  let args: ReturnType<typeof parse>;
  try {
    args = parse();
  } catch (e) {
    usage(`잘못된 인수입니다: ${(e as Error).message}`);
  }
  if (args.values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const [file, ...extra] = args.positionals;
  if (!file) usage('프로필 파일 경로를 입력해 주세요.');
  if (extra.length > 0) usage(`프로필 파일은 하나만 줄 수 있습니다: ${extra.join(' ')}`);
  const asOf = args.values['as-of'] ?? todayInKorea(() => new Date());
  if (!isIsoDate(asOf))
    usage(`--as-of 날짜가 올바르지 않습니다: ${asOf} (YYYY-MM-DD 형식의 실제 날짜여야 합니다)`);

  let catalog: ReturnType<typeof loadCatalog>;
  try {
    catalog = loadCatalog();
  } catch (e) {
    process.stderr.write(`사업 목록(카탈로그)을 불러오지 못했습니다.\n${(e as Error).message}\n`);
    process.exit(1);
  }

  // Dates may lie ahead of today, or of a later --as-of (a what-if evaluation), within the profile bounds.
  const today = todayInKorea(() => new Date());
  const read = readProfileFile(
    file,
    {
      programIds: new Set(catalog.programs.map((p) => p.id)),
      disasterIds: new Set(catalog.disasters.map((d) => d.id)),
    },
    [asOf, today].sort()[1],
  );
  if (!read.ok) {
    process.stderr.write(`${read.message}\n`);
    process.exit(1);
  }
  const profile = read.profile;
  const { evaluations, nearMisses } = matchPrograms(catalog.programs, profile, {
    asOf,
    disasters: catalog.disasters,
  });
  const out = {
    asOf,
    stage: deriveStage(profile, asOf)?.stage ?? null,
    programs: evaluations.map((e) => ({
      id: e.id,
      title: e.title,
      kind: e.kind,
      eligible: e.eligible,
      reasons: e.reasons.map((r) => ({ met: r.met, text: r.text })),
    })),
    nearMisses: nearMisses.map((n) => ({ id: n.id, title: n.title, change: n.change })),
  };
  process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
}

function parse() {
  return parseArgs({
    allowPositionals: true,
    options: { 'as-of': { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
}

main();
