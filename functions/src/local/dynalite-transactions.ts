import {
  type DynaliteError,
  type DynaliteStore,
  dynaliteActions,
  dynaliteActionValidations,
  dynaliteDb,
  dynaliteValidations,
  type SubDb,
  type TableDescription,
  type WriteActionName,
} from './dynalite-internals';

/**
 * TransactWriteItems for dynalite, which implements every other operation the store uses but not
 * transactions. Each item runs through dynalite's own validation and its own PutItem/UpdateItem/DeleteItem
 * code (same condition evaluator, same update-expression semantics, same index maintenance) against a
 * staging view that records writes instead of applying them. With every item's lock held, all conditions
 * are checked first; only if all pass are the recorded writes applied in one LevelDB batch, so the
 * transaction is all-or-nothing, also on disk. Single-item writes to the same keys wait on the same locks.
 *
 * Not implemented: ClientRequestToken idempotency and ReturnValuesOnConditionCheckFailure (ignored),
 * TransactGetItems. Reads are not blocked while a batch is being applied (a LevelDB batch is atomic anyway).
 */

const OPERATIONS = {
  Put: 'putItem',
  Update: 'updateItem',
  Delete: 'deleteItem',
  ConditionCheck: 'deleteItem',
} as const satisfies Record<string, WriteActionName>;
type OperationName = keyof typeof OPERATIONS;

const MAX_ITEMS = 100;

export interface CancellationReason {
  Code: 'None' | 'ConditionalCheckFailed' | 'ValidationError';
  Message?: string;
}

/** What the HTTP layer sends back: a status and a DynamoDB JSON body. */
export interface TransactionResponse {
  statusCode: number;
  body: Record<string, unknown>;
}

interface PreparedItem {
  operation: OperationName;
  tableName: string;
  table: TableDescription;
  key: string;
  data: Record<string, unknown>;
}

interface StagedWrite {
  type: 'put' | 'del';
  /** The key in the main LevelDB, with dynalite's sub-database prefix. */
  key: string;
  value?: unknown;
}

function validationError(message: string): TransactionResponse {
  return { statusCode: 400, body: { __type: 'com.amazon.coral.validate#ValidationException', message } };
}

function fromDynaliteError(err: DynaliteError): TransactionResponse {
  if (err.statusCode && err.body) return { statusCode: err.statusCode, body: err.body };
  throw err;
}

function getTable(store: DynaliteStore, name: string): Promise<TableDescription> {
  return new Promise((resolve, reject) =>
    store.getTable(name, false, (err, table) => (err || !table ? reject(err) : resolve(table))),
  );
}

function runAction(
  action: WriteActionName,
  store: DynaliteStore,
  data: Record<string, unknown>,
): Promise<DynaliteError | undefined> {
  return new Promise((resolve) => dynaliteActions[action](store, data, (err) => resolve(err ?? undefined)));
}

/** Validates one transact item the way dynalite validates the equivalent single-item request. */
async function prepare(store: DynaliteStore, raw: unknown, index: number): Promise<PreparedItem> {
  if (!raw || typeof raw !== 'object') throw validationError(`TransactItems[${index}] must be an object`);
  const present = Object.keys(raw).filter((k): k is OperationName => k in OPERATIONS);
  const [operation] = present;
  if (present.length !== 1 || !operation)
    throw validationError(
      `TransactItems[${index}] must have exactly one of Put, Update, Delete, ConditionCheck`,
    );
  const request = { ...((raw as Record<string, unknown>)[operation] as Record<string, unknown>) };
  if (operation === 'ConditionCheck' && typeof request.ConditionExpression !== 'string')
    throw validationError('ConditionCheck requires a ConditionExpression');
  const action = OPERATIONS[operation];
  const validation = dynaliteActionValidations[action];
  let data: Record<string, unknown>;
  try {
    data = dynaliteValidations.checkTypes(request, validation.types);
    dynaliteValidations.checkValidations(data, validation.types, validation.custom, store);
  } catch (err) {
    throw fromDynaliteError(err as DynaliteError);
  }
  const tableName = String(data.TableName);
  let table: TableDescription;
  try {
    table = await getTable(store, tableName);
  } catch (err) {
    throw fromDynaliteError(err as DynaliteError);
  }
  const keySource = (operation === 'Put' ? data.Item : data.Key) as Record<string, unknown>;
  const invalid =
    operation === 'Put'
      ? dynaliteDb.validateItem(keySource, table)
      : dynaliteDb.validateKey(keySource, table);
  if (invalid) throw fromDynaliteError(invalid);
  return { operation, tableName, table, key: dynaliteDb.createKey(keySource, table), data };
}

/** A view of the store whose writes are recorded, not applied; reads and table lookups go to the real store. */
function stagingStore(store: DynaliteStore, writes: StagedWrite[]): DynaliteStore {
  const staged = (real: SubDb, prefix: string): SubDb => ({
    get: (key, cb) => real.get(key, cb),
    put: (key, value, cb) => {
      writes.push({ type: 'put', key: prefix + key, value });
      setImmediate(cb);
    },
    del: (key, cb) => {
      writes.push({ type: 'del', key: prefix + key });
      setImmediate(cb);
    },
    // The transaction already holds the real locks for every item it touches.
    lock: (_keys, exec) =>
      exec(
        (done) =>
          (...args) =>
            done(...args),
      ),
  });
  return {
    ...store,
    getTable: store.getTable,
    // dynalite prefixes each sub-database's keys with `<name>~` (db/index.js getSubDb).
    getItemDb: (tableName) => staged(store.getItemDb(tableName), `item-${tableName}~`),
    getIndexDb: (indexType, tableName, indexName) =>
      staged(
        store.getIndexDb(indexType, tableName, indexName),
        `index-${indexType.toLowerCase()}~${tableName}~${indexName}~`,
      ),
  };
}

/** Takes every item lock, table by table in name order so that two transactions cannot deadlock. */
async function lockAll(store: DynaliteStore, items: PreparedItem[]): Promise<() => void> {
  const byTable = new Map<string, string[]>();
  for (const item of items) byTable.set(item.tableName, [...(byTable.get(item.tableName) ?? []), item.key]);
  const releases: (() => void)[] = [];
  for (const tableName of [...byTable.keys()].sort()) {
    const keys = byTable.get(tableName) ?? [];
    releases.push(
      await new Promise<() => void>((resolve) =>
        store.getItemDb(tableName).lock(keys, (release) => resolve(release(() => {}))),
      ),
    );
  }
  return () => {
    for (const release of releases.reverse()) release();
  };
}

function cancelled(reasons: CancellationReason[]): TransactionResponse {
  return {
    statusCode: 400,
    body: {
      __type: 'com.amazonaws.dynamodb.v20120810#TransactionCanceledException',
      Message: `Transaction cancelled, please refer cancellation reasons for specific reasons [${reasons
        .map((r) => r.Code)
        .join(', ')}]`,
      CancellationReasons: reasons,
    },
  };
}

/** Executes one TransactWriteItems request against the store: all writes or none. */
export async function transactWriteItems(
  store: DynaliteStore,
  request: unknown,
): Promise<TransactionResponse> {
  const rawItems = (request as { TransactItems?: unknown } | null)?.TransactItems;
  if (!Array.isArray(rawItems) || rawItems.length === 0 || rawItems.length > MAX_ITEMS)
    return validationError(`TransactItems must have between 1 and ${MAX_ITEMS} items`);

  let items: PreparedItem[];
  try {
    items = [];
    for (const [index, raw] of rawItems.entries()) items.push(await prepare(store, raw, index));
  } catch (err) {
    if ((err as TransactionResponse).statusCode) return err as TransactionResponse;
    throw err;
  }
  const identities = new Set(items.map((item) => `${item.tableName}\u0000${item.key}`));
  if (identities.size !== items.length)
    return validationError('Transaction request cannot include multiple operations on one item');

  const release = await lockAll(store, items);
  try {
    const writes: StagedWrite[] = [];
    const reasons: CancellationReason[] = [];
    for (const item of items) {
      // A condition check runs DeleteItem's condition logic and throws its write away.
      const sink = item.operation === 'ConditionCheck' ? [] : writes;
      const err = await runAction(OPERATIONS[item.operation], stagingStore(store, sink), item.data);
      if (!err) reasons.push({ Code: 'None' });
      else if (err.body?.__type.endsWith('#ConditionalCheckFailedException'))
        reasons.push({ Code: 'ConditionalCheckFailed', Message: 'The conditional request failed' });
      else if (err.statusCode && err.body) return { statusCode: err.statusCode, body: err.body };
      else throw err;
    }
    if (reasons.some((r) => r.Code !== 'None')) return cancelled(reasons);
    await new Promise<void>((resolve, reject) =>
      store.db.batch(writes, (err) => (err ? reject(err) : resolve())),
    );
    return { statusCode: 200, body: {} };
  } finally {
    release();
  }
}
