import type { Outbox, OutboxEnding, OutboxMessage } from '@sbiz24/shared';
import type { OutboundChannel } from '@sbiz24/shared/alerts/preferences';

/** The outbox in memory: tests. Same semantics as the table adapter: idempotent enqueue, conditional states. */
export class MemoryOutbox implements Outbox {
  readonly messages = new Map<string, OutboxMessage>();

  private key(m: Pick<OutboxMessage, 'userId' | 'id' | 'channel'>): string {
    return `${m.userId}#${m.id}#${m.channel}`;
  }

  async enqueue(message: OutboxMessage): Promise<void> {
    const key = this.key(message);
    if (this.messages.has(key)) return;
    const due = message.nextAttemptAt ?? message.createdAt;
    this.messages.set(
      key,
      structuredClone({ ...message, status: 'pending', attempts: 0, nextAttemptAt: due }),
    );
  }

  async list(userId: string): Promise<OutboxMessage[]> {
    return [...this.messages.values()]
      .filter((m) => m.userId === userId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
      .map((m) => structuredClone(m));
  }

  private byState(status: OutboxMessage['status'], channel: OutboundChannel): OutboxMessage[] {
    return [...this.messages.values()].filter((m) => m.status === status && m.channel === channel);
  }

  async listDue(channel: OutboundChannel, now: string, limit: number): Promise<OutboxMessage[]> {
    return this.byState('pending', channel)
      .filter((m) => (m.nextAttemptAt ?? m.createdAt) <= now)
      .sort((a, b) => (a.nextAttemptAt ?? '').localeCompare(b.nextAttemptAt ?? ''))
      .slice(0, limit)
      .map((m) => structuredClone(m));
  }

  async listInterrupted(channel: OutboundChannel, now: string, limit: number): Promise<OutboxMessage[]> {
    return this.byState('sending', channel)
      .filter((m) => (m.leaseUntil ?? '') <= now)
      .slice(0, limit)
      .map((m) => structuredClone(m));
  }

  async listParked(channel: OutboundChannel, limit: number): Promise<OutboxMessage[]> {
    return this.byState('parked', channel)
      .sort((a, b) => (b.finishedAt ?? '').localeCompare(a.finishedAt ?? ''))
      .slice(0, limit)
      .map((m) => structuredClone(m));
  }

  /** Applies `change` when the stored message is in the state and attempt count the caller read. */
  private transition(
    message: OutboxMessage,
    expected: 'pending' | 'sending',
    change: Partial<OutboxMessage>,
  ) {
    const stored = this.messages.get(this.key(message));
    if (!stored || stored.status !== expected || (stored.attempts ?? 0) !== (message.attempts ?? 0))
      return false;
    const next: OutboxMessage = { ...stored, ...change };
    if (!('leaseUntil' in change)) delete next.leaseUntil;
    this.messages.set(this.key(message), next);
    return true;
  }

  async claim(message: OutboxMessage, leaseUntil: string): Promise<OutboxMessage | undefined> {
    const attempts = (message.attempts ?? 0) + 1;
    const ok = this.transition(message, 'pending', { status: 'sending', attempts, leaseUntil });
    return ok ? structuredClone(this.messages.get(this.key(message))!) : undefined;
  }

  async enqueueMany(messages: readonly OutboxMessage[]): Promise<void> {
    for (const m of messages) await this.enqueue(m);
  }

  async claimMany(messages: readonly OutboxMessage[], leaseUntil: string): Promise<OutboxMessage[]> {
    const claimed: OutboxMessage[] = [];
    for (const m of messages) {
      const c = await this.claim(m, leaseUntil);
      if (c) claimed.push(c);
    }
    return claimed;
  }

  async finishMany(endings: readonly OutboxEnding[]): Promise<boolean[]> {
    const done: boolean[] = [];
    for (const e of endings) done.push(await this.finish(e.message, e.status, e.at, e.reason));
    return done;
  }

  async finish(message: OutboxMessage, status: 'sent' | 'skipped' | 'parked', at: string, reason?: string) {
    const lastError = status === 'parked' ? (reason ?? 'parked') : reason;
    return this.transition(message, 'sending', {
      status,
      finishedAt: at,
      ...(lastError ? { lastError } : {}),
    });
  }

  async retryLater(message: OutboxMessage, nextAttemptAt: string, error: string) {
    return this.transition(message, 'sending', { status: 'pending', nextAttemptAt, lastError: error });
  }

  async postpone(message: OutboxMessage, nextAttemptAt: string) {
    return this.transition(message, 'pending', { nextAttemptAt });
  }
}
