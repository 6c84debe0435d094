/**
 * What the process writes to stdout and stderr between `captureOutput()` and `restore()`, instead of the
 * terminal. Powertools' logger and metrics write there through their own `Console` (the same stream objects),
 * which is also what Lambda forwards to CloudWatch: a test sees exactly the lines CloudWatch would.
 */
export interface CapturedOutput {
  /** Everything written, stdout and stderr interleaved in order. */
  text(): string;
  /** The JSON lines written (log lines and EMF metric records); other lines are left out. */
  records(): Record<string, unknown>[];
  /** Forgets what was written so far (the arrange step's lines), keeps capturing. */
  clear(): void;
  restore(): void;
}

export function captureOutput(): CapturedOutput {
  const chunks: string[] = [];
  const streams = [process.stdout, process.stderr] as const;
  const originals = streams.map((s) => s.write);
  for (const stream of streams) {
    stream.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      chunks.push(typeof chunk === 'string' ? chunk : new TextDecoder().decode(chunk));
      const done = rest.find((r) => typeof r === 'function') as (() => void) | undefined;
      done?.();
      return true;
    }) as typeof stream.write;
  }
  return {
    text: () => chunks.join(''),
    clear: () => {
      chunks.length = 0;
    },
    records: () =>
      chunks
        .join('')
        .split('\n')
        .filter((line) => line.startsWith('{'))
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    restore: () => {
      streams.forEach((s, i) => {
        s.write = originals[i]!;
      });
    },
  };
}
