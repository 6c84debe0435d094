import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchGetCommand, BatchWriteCommand } from './dynamodb-sdk';
import type { RawItem } from './items';
import type { TableKey } from './keys';

/** BatchWriteItem's limit on requests per call. */
export const BATCH_WRITE_SIZE = 25;
/** BatchGetItem's limit on keys per call. */
export const BATCH_GET_SIZE = 100;

export interface BatchOptions {
  /** Attempts for one batch before giving up on its unprocessed part. @default 10 */
  maxBatchAttempts?: number;
  /** First back-off; doubles each retry, with jitter. @default 50 ms */
  retryBaseMs?: number;
}

function backoff(attempt: number, options: BatchOptions): Promise<void> {
  const base = (options.retryBaseMs ?? 50) * 2 ** attempt;
  return new Promise((resolve) => setTimeout(resolve, base / 2 + Math.random() * (base / 2)));
}

/** Runs `fn` over `items` with at most `concurrency` calls in flight; rejects on the first failure. */
export async function mapWithConcurrency<T>(
  items: readonly T[],
  concurrency: number,
  fn: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  const workers = Array.from({ length: Math.min(concurrency, items.length) }, async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await fn(item);
    }
  });
  await Promise.all(workers);
}

/**
 * Puts `items` with BatchWriteItem, 25 a call, all calls of this group in flight together; whatever DynamoDB
 * returns as UnprocessedItems (throttling) is resent with exponential back-off.
 */
export async function batchWriteAll(
  doc: DynamoDBDocumentClient,
  tableName: string,
  items: RawItem[],
  options: BatchOptions = {},
): Promise<void> {
  const chunks: RawItem[][] = [];
  for (let i = 0; i < items.length; i += BATCH_WRITE_SIZE) chunks.push(items.slice(i, i + BATCH_WRITE_SIZE));
  await Promise.all(
    chunks.map(async (chunk) => {
      let requests = chunk.map((Item) => ({ PutRequest: { Item } }));
      for (let attempt = 0; requests.length > 0; attempt++) {
        if (attempt >= (options.maxBatchAttempts ?? 10))
          throw new Error(
            `BatchWriteItem left ${requests.length} items unprocessed after ${attempt} attempts`,
          );
        if (attempt > 0) await backoff(attempt - 1, options);
        const { UnprocessedItems } = await doc.send(
          new BatchWriteCommand({ RequestItems: { [tableName]: requests } }),
        );
        requests = (UnprocessedItems?.[tableName] ?? []) as typeof requests;
      }
    }),
  );
}

/**
 * The items stored under `keys` (in no particular order; missing keys are absent), with BatchGetItem,
 * `concurrency` calls of 100 keys in flight and retries of UnprocessedKeys. `projection` limits the attributes.
 */
export async function batchGetItems(
  doc: DynamoDBDocumentClient,
  tableName: string,
  keys: TableKey[],
  options: BatchOptions & { projection?: string; concurrency?: number } = {},
): Promise<RawItem[]> {
  const found: RawItem[] = [];
  const groups: TableKey[][] = [];
  for (let i = 0; i < keys.length; i += BATCH_GET_SIZE) groups.push(keys.slice(i, i + BATCH_GET_SIZE));
  await mapWithConcurrency(groups, options.concurrency ?? 1, async (group) => {
    let pending: Record<string, unknown>[] = group.map((key) => ({ ...key }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt >= (options.maxBatchAttempts ?? 10))
        throw new Error(`BatchGetItem left ${pending.length} keys unprocessed after ${attempt} attempts`);
      if (attempt > 0) await backoff(attempt - 1, options);
      const { Responses, UnprocessedKeys } = await doc.send(
        new BatchGetCommand({
          RequestItems: {
            [tableName]: {
              Keys: pending,
              ConsistentRead: true,
              ...(options.projection ? { ProjectionExpression: options.projection } : {}),
            },
          },
        }),
      );
      for (const item of Responses?.[tableName] ?? []) found.push(item as RawItem);
      pending = UnprocessedKeys?.[tableName]?.Keys ?? [];
    }
  });
  return found;
}

/** Which of `keys` exist (by PK, as a set), with BatchGetItem and retries of UnprocessedKeys. */
export async function batchGetKeys(
  doc: DynamoDBDocumentClient,
  tableName: string,
  keys: TableKey[],
  options: BatchOptions = {},
): Promise<Set<string>> {
  const items = await batchGetItems(doc, tableName, keys, { ...options, projection: 'PK' });
  return new Set(items.map((item) => item.PK as string));
}
