/** Why a recompute was asked for (logged). */
export interface RecomputeRequest {
  reason: string;
}

export interface RecomputeQueue {
  /** Asks for a recompute; returns at once. Requests made while one runs coalesce into one more run. */
  request(req: RecomputeRequest): void;
  /** Resolves when nothing runs or waits. */
  idle(): Promise<void>;
  readonly running: boolean;
}

/**
 * Background recomputes for the local portal: one at a time, and any number of requests during a run
 * collapse into a single follow-up run (it sees every change made meanwhile). Errors are reported, never thrown
 * into the request path.
 */
export function createRecomputeQueue<T>(
  run: (reasons: string[]) => Promise<T>,
  hooks: {
    onDone?: (result: T, reasons: string[]) => void;
    onError?: (error: unknown, reasons: string[]) => void;
  } = {},
): RecomputeQueue {
  let current: Promise<void> | undefined;
  let pending: string[] = [];

  const loop = async (): Promise<void> => {
    // Start asynchronously, so that `current` is set before the loop can finish and clear it.
    await Promise.resolve();
    while (pending.length > 0) {
      const reasons = pending;
      pending = [];
      try {
        const result = await run(reasons);
        hooks.onDone?.(result, reasons);
      } catch (e) {
        hooks.onError?.(e, reasons);
      }
    }
    current = undefined;
  };

  return {
    request(req) {
      pending.push(req.reason);
      current ??= loop();
    },
    async idle() {
      while (current) await current;
    },
    get running() {
      return current !== undefined;
    },
  };
}
