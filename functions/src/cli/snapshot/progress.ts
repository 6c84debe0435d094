import { SingleBar } from 'cli-progress';

export interface RowProgress {
  update(rows: number): void;
  stop(): void;
}

/** A progress bar on `stream` (stderr): rows done of the total, rows/s so far and ETA. */
export function createRowProgress(stream: NodeJS.WriteStream, label: string, total: number): RowProgress {
  const bar = new SingleBar({
    stream,
    format: `${label} [{bar}] {percentage}% | {value}/{total}개 | {rate} rows/s | ETA {eta_formatted}`,
    barCompleteChar: '█',
    barIncompleteChar: '░',
    hideCursor: true,
    etaBuffer: 40,
    noTTYOutput: true,
    notTTYSchedule: 3000,
  });
  const started = performance.now();
  bar.start(Math.max(1, total), 0, { rate: '0' });
  return {
    update(rows) {
      const seconds = (performance.now() - started) / 1000;
      bar.update(rows, { rate: seconds > 0 ? Math.round(rows / seconds).toLocaleString('en-US') : '0' });
    },
    stop() {
      bar.stop();
    },
  };
}
