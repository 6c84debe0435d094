import type { Outbox, OutboxMessage } from '@sbiz24/shared';

/** The outbox in memory: tests. Same idempotence as the table adapter (one message per id and channel). */
export class MemoryOutbox implements Outbox {
  readonly messages = new Map<string, OutboxMessage>();
  async enqueue(message: OutboxMessage): Promise<void> {
    const key = `${message.userId}#${message.id}#${message.channel}`;
    if (!this.messages.has(key)) this.messages.set(key, structuredClone(message));
  }
  async list(userId: string): Promise<OutboxMessage[]> {
    return [...this.messages.values()].filter((m) => m.userId === userId);
  }
}
