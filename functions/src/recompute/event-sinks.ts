import type { MatchEvent, MatchEventSink } from '@sbiz24/shared/recompute/types';
import { type NotifierDeps, notifyAll } from '../services/notifier';

/** Keeps events in memory: tests and benchmarks. */
export class MemoryEventSink implements MatchEventSink {
  readonly events: MatchEvent[] = [];
  async send(events: MatchEvent[]): Promise<void> {
    this.events.push(...events);
  }
}

/** Local mode: no queue, the notifier runs in the same process. */
export class DirectNotifierSink implements MatchEventSink {
  added = 0;
  constructor(private readonly deps: NotifierDeps) {}
  async send(events: MatchEvent[]): Promise<void> {
    this.added += await notifyAll(this.deps, events);
  }
}
