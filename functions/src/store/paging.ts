import type {
  DynamoDBDocumentClient,
  QueryCommandInput,
  QueryCommandOutput,
  ScanCommandInput,
  ScanCommandOutput,
} from '@aws-sdk/lib-dynamodb';
import type { Page } from '@sbiz24/shared';
import { decodeCursor, encodeCursor, type KeyShape } from './cursor';
import { paginateQuery, paginateScan, QueryCommand, ScanCommand } from './dynamodb-sdk';
import type { RawItem } from './items';

/**
 * Reading past one page, in one place. A listing either wants every item (`queryAll`), a total
 * (`queryCount`, `scanCount`), or one page at a time behind an opaque cursor (`queryPage`, `scanPage`,
 * see cursor.ts); every adapter says which, and none spells out `ExclusiveStartKey` itself.
 */

/** A Query as the adapters write it: the helpers own `ExclusiveStartKey`. */
export type QueryInput = Omit<QueryCommandInput, 'ExclusiveStartKey'>;
/** A Scan as the adapters write it: the helpers own `ExclusiveStartKey`. */
export type ScanInput = Omit<ScanCommandInput, 'ExclusiveStartKey'>;

/** Where a paged listing starts: its cursor scope (which listing, whose) and the caller's cursor, if any. */
export interface PageRequest {
  /** Tags the cursor, so that one from another listing or user is refused (`INVALID_CURSOR`). */
  scope: string;
  /** What this listing's keys look like: a cursor holding any other key is refused before it is sent. */
  shape: KeyShape;
  cursor?: string | undefined;
}

/** Every item the query selects, through every page, each mapped by `fromItem`. */
export async function queryAll<T>(
  doc: DynamoDBDocumentClient,
  input: QueryInput,
  fromItem: (item: RawItem) => T,
): Promise<T[]> {
  const out: T[] = [];
  // The paginator writes each page's ExclusiveStartKey into the input it is given: give it a copy.
  for await (const page of paginateQuery({ client: doc }, { ...input })) {
    for (const item of page.Items ?? []) out.push(fromItem(item));
  }
  return out;
}

/** How many items the query selects (`Select: 'COUNT'`), summed over every page. */
export async function queryCount(doc: DynamoDBDocumentClient, input: QueryInput): Promise<number> {
  let total = 0;
  for await (const page of paginateQuery({ client: doc }, { ...input, Select: 'COUNT' })) {
    total += page.Count ?? 0;
  }
  return total;
}

/** How many items the scan selects (`Select: 'COUNT'`), summed over every page. */
export async function scanCount(doc: DynamoDBDocumentClient, input: ScanInput): Promise<number> {
  let total = 0;
  for await (const page of paginateScan({ client: doc }, { ...input, Select: 'COUNT' })) {
    total += page.Count ?? 0;
  }
  return total;
}

/**
 * One page of a query from the caller's cursor. The cursor is checked before anything is sent; the next
 * cursor is absent only when DynamoDB says there is nothing after this page (a full page may be the last
 * one, and then the next page is empty).
 */
export async function queryPage<T>(
  doc: DynamoDBDocumentClient,
  input: QueryInput,
  request: PageRequest,
  fromItem: (item: RawItem) => T,
): Promise<Page<T>> {
  const ExclusiveStartKey = decodeCursor(request.scope, request.cursor, request.shape);
  const page = await doc.send(new QueryCommand({ ...input, ExclusiveStartKey }));
  return toPage(page, request.scope, fromItem);
}

/** One page of a scan from the caller's cursor, like `queryPage`. */
export async function scanPage<T>(
  doc: DynamoDBDocumentClient,
  input: ScanInput,
  request: PageRequest,
  fromItem: (item: RawItem) => T,
): Promise<Page<T>> {
  const ExclusiveStartKey = decodeCursor(request.scope, request.cursor, request.shape);
  const page = await doc.send(new ScanCommand({ ...input, ExclusiveStartKey }));
  return toPage(page, request.scope, fromItem);
}

function toPage<T>(
  page: QueryCommandOutput | ScanCommandOutput,
  scope: string,
  fromItem: (item: RawItem) => T,
): Page<T> {
  const result: Page<T> = { items: (page.Items ?? []).map(fromItem) };
  const next = encodeCursor(scope, page.LastEvaluatedKey);
  if (next) result.cursor = next;
  return result;
}
