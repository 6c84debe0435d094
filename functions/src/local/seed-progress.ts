import cliProgress from 'cli-progress';
import type { SeedResult } from './seed';

export interface SeedProgress {
  update(done: number, total: number): void;
  finish(result: SeedResult): void;
}

/**
 * Shows seeding progress: a bar on an interactive terminal, otherwise a line every 10 % (logs and tests).
 * Nothing at all when the data was already there.
 */
export function createSeedProgress(log: Pick<Console, 'log'>): SeedProgress {
  const interactive = log === console && process.stdout.isTTY === true;
  let bar: cliProgress.SingleBar | undefined;
  let lastDecile = -1;
  const started = Date.now();
  return {
    update(done, total) {
      if (interactive) {
        if (!bar) {
          log.log('처음 시작: 데모 데이터를 넣는 중입니다 (seeding demo data, once)…');
          bar = new cliProgress.SingleBar(
            { format: '  사업자 {bar} {percentage}% | {value}/{total}', hideCursor: true },
            cliProgress.Presets.shades_classic,
          );
          bar.start(total, done);
        }
        bar.update(done);
        return;
      }
      const decile = Math.floor((done / Math.max(total, 1)) * 10);
      if (lastDecile < 0) log.log('처음 시작: 데모 데이터를 넣는 중입니다 (seeding demo data, once)…');
      if (decile !== lastDecile) {
        lastDecile = decile;
        log.log(
          `  사업자 ${done.toLocaleString('ko-KR')}/${total.toLocaleString('ko-KR')} (${decile * 10}%)`,
        );
      }
    },
    finish(result) {
      bar?.stop();
      if (!result.seeded) return;
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      log.log(
        `데모 데이터 완료: 사업 ${result.programs}개, 재난 ${result.disasters}건, 사업자 ${result.businesses.toLocaleString('ko-KR')}곳 (${seconds}초)`,
      );
    },
  };
}
