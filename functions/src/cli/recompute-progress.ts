import { SingleBar } from 'cli-progress';

export interface Progress {
  start(total: number, info: { totalSegments: number; runId: string }): void;
  add(rows: number): void;
  stop(): void;
}

/** The recompute's progress bar: rows done of the table's count, rows/s over the run so far, and ETA. */
export function createProgress(stream: NodeJS.WriteStream): Progress {
  const bar = new SingleBar({
    stream,
    format:
      '재계산 [{bar}] {percentage}% | {value}/{total}개 사업자 | {rate} rows/s | ETA {eta_formatted} | {segments}개 세그먼트',
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    etaBuffer: 50,
    noTTYOutput: true,
    notTTYSchedule: 5000,
  });
  let started = 0;
  let done = 0;
  let active = false;
  return {
    start(total, info) {
      started = performance.now();
      active = true;
      bar.start(Math.max(total, 1), 0, { rate: '0', segments: info.totalSegments });
    },
    add(rows) {
      done += rows;
      const seconds = (performance.now() - started) / 1000;
      // Rows can exceed the count taken at the start when businesses are added meanwhile.
      if (done > bar.getTotal()) bar.setTotal(done);
      bar.update(done, { rate: seconds > 0 ? Math.round(done / seconds).toLocaleString('en-US') : '0' });
    },
    stop() {
      if (active) bar.stop();
      active = false;
    },
  };
}
