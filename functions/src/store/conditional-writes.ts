import type { DynamoDBDocumentClient, TransactWriteCommandInput } from '@aws-sdk/lib-dynamodb';
import { cancellationCodes, isConditionalCheckFailed } from './dynamo-errors';
import { PutCommand, TransactWriteCommand } from './dynamodb-sdk';
import type { RawItem } from './items';

/**
 * The two shapes of a write that can race: one item put only if it is new (`putIfAbsent`), and several
 * items written together, each on its condition (`transactWrite`). Both report a failed condition in the
 * repository's own terms, so no adapter inspects an SDK error for it.
 */

/** The condition of a create: no item with this key exists yet. */
export const ITEM_ABSENT = 'attribute_not_exists(PK)';

/** One element of a TransactWriteItems request (Put, Update, Delete or ConditionCheck). */
export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface TransactWrite {
  request: TransactItem;
  /**
   * What this item's failed condition means (a `ConflictError`, or the `NotFoundError` a read finds).
   * Without it, a failed condition on this item passes the SDK's cancellation through.
   */
  onConditionFailed?: () => Error | Promise<Error>;
}

/** A transaction's Put of `item`, on `condition` (with its placeholder values, if any). */
export function conditionalPut(
  tableName: string,
  item: RawItem,
  condition: string,
  values?: RawItem,
): TransactItem {
  return {
    Put: {
      TableName: tableName,
      Item: item,
      ConditionExpression: condition,
      ...(values ? { ExpressionAttributeValues: values } : {}),
    },
  };
}

/**
 * Sends `writes` as one TransactWriteItems request: all or nothing. When DynamoDB cancels it because of
 * conditions, the error of the first item (in request order) whose condition failed is thrown; any other
 * cancellation (e.g. `TransactionConflict`, to retry) and any other error pass through unchanged.
 */
export async function transactWrite(
  doc: DynamoDBDocumentClient,
  writes: readonly TransactWrite[],
): Promise<void> {
  try {
    await doc.send(new TransactWriteCommand({ TransactItems: writes.map((write) => write.request) }));
  } catch (err) {
    const failed = cancellationCodes(err)?.indexOf('ConditionalCheckFailed') ?? -1;
    const explain = writes[failed]?.onConditionFailed;
    if (!explain) throw err;
    throw await explain();
  }
}

/** Puts `item` unless an item with its key exists; false (and nothing written) when one does. */
export async function putIfAbsent(
  doc: DynamoDBDocumentClient,
  tableName: string,
  item: RawItem,
): Promise<boolean> {
  try {
    await doc.send(new PutCommand({ TableName: tableName, Item: item, ConditionExpression: ITEM_ABSENT }));
    return true;
  } catch (err) {
    if (isConditionalCheckFailed(err)) return false;
    throw err;
  }
}

/** TransactWriteItems' limit on items per call. */
export const TRANSACTION_SIZE = 100;

/**
 * Many independent conditional writes in few round trips: transactions of up to 100, `concurrency` in
 * flight. Each write stands alone — a cancelled transaction names the items whose condition failed; those
 * are reported false and the rest sent again (after a short wait when another transaction conflicted). The
 * result, in order: whether each write was made. Any other error passes through; what was already written
 * stays written, as with single writes.
 */
export async function transactEach(
  doc: DynamoDBDocumentClient,
  writes: readonly TransactItem[],
  options: { concurrency?: number; maxAttempts?: number } = {},
): Promise<boolean[]> {
  const made = writes.map(() => true);
  const groups: number[][] = [];
  for (let i = 0; i < writes.length; i += TRANSACTION_SIZE)
    groups.push(Array.from({ length: Math.min(TRANSACTION_SIZE, writes.length - i) }, (_, j) => i + j));
  let next = 0;
  const worker = async () => {
    while (next < groups.length) {
      let pending = groups[next++]!;
      for (let attempt = 0; pending.length > 0; attempt++) {
        try {
          await doc.send(new TransactWriteCommand({ TransactItems: pending.map((i) => writes[i]!) }));
          pending = [];
        } catch (err) {
          const codes = cancellationCodes(err);
          if (!codes || attempt >= (options.maxAttempts ?? 10)) throw err;
          const failed = new Set(codes.flatMap((c, i) => (c === 'ConditionalCheckFailed' ? [i] : [])));
          for (const i of failed) made[pending[i]!] = false;
          const conflict = codes.some((c) => c !== 'ConditionalCheckFailed' && c !== 'None');
          pending = pending.filter((_, i) => !failed.has(i));
          if (conflict || failed.size === 0)
            await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** Math.min(attempt, 6)));
        }
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(options.concurrency ?? 4, groups.length) }, worker));
  return made;
}
