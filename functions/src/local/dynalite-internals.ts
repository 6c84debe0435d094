import type { Server } from 'node:http';
import { createRequire } from 'node:module';

/**
 * Typed access to the parts of dynalite 4 that the local server builds on. dynalite ships CommonJS with no
 * types and no `exports` map, so its modules load through `createRequire`. Pinned to dynalite 4.0.x:
 * `dynalite.integ.test.ts` exercises every internal used here, so an upgrade that changes them fails there.
 */

// biome-ignore lint/suspicious/noExplicitAny: dynalite passes callbacks through with their arguments untouched.
type Releaser = (done: (...args: any[]) => void) => (...args: any[]) => void;

type Callback<T = unknown> = (err?: DynaliteError | null, value?: T) => void;

/** An error dynalite returns to clients: an HTTP status and a DynamoDB-shaped body. */
export interface DynaliteError extends Error {
  statusCode?: number;
  body?: { __type: string; message?: string; Message?: string };
}

export interface SubDb {
  get(key: string, cb: Callback<Record<string, unknown>>): void;
  put(key: string, value: unknown, cb: Callback): void;
  del(key: string, cb: Callback): void;
  /** A `lock` package Lock: runs `exec` once every key is free; `release(done)` wraps `done` to free them first. */
  lock(keys: string | string[], exec: (release: Releaser) => void): void;
}

export interface TableDescription {
  TableName: string;
  KeySchema: { AttributeName: string; KeyType: string }[];
  [key: string]: unknown;
}

export interface DynaliteStore {
  options: Record<string, unknown>;
  db: {
    batch(ops: { type: 'put' | 'del'; key: string; value?: unknown }[], cb: Callback): void;
    open?(): Promise<void>;
  };
  getTable(name: string, cb: Callback<TableDescription>): void;
  getTable(name: string, checkStatus: boolean, cb: Callback<TableDescription>): void;
  getItemDb(tableName: string): SubDb;
  getIndexDb(indexType: string, tableName: string, indexName: string): SubDb;
}

export type DynaliteAction = (store: DynaliteStore, data: Record<string, unknown>, cb: Callback) => void;

export interface ActionValidation {
  types: Record<string, unknown>;
  custom?: unknown;
}

interface DbModule {
  create(options: Record<string, unknown>): DynaliteStore;
  createKey(item: Record<string, unknown>, table: TableDescription): string;
  validateKey(key: Record<string, unknown>, table: TableDescription): DynaliteError | null | undefined;
  validateItem(item: Record<string, unknown>, table: TableDescription): DynaliteError | null | undefined;
  validationError(message: string): DynaliteError;
}

interface ValidationsModule {
  checkTypes(data: Record<string, unknown>, types: Record<string, unknown>): Record<string, unknown>;
  checkValidations(
    data: Record<string, unknown>,
    types: Record<string, unknown>,
    custom: unknown,
    store: DynaliteStore,
  ): void;
}

const require = createRequire(import.meta.url);

export const dynaliteFactory = require('dynalite') as (options: Record<string, unknown>) => Server;
export const dynaliteDb = require('dynalite/db') as DbModule;
export const dynaliteValidations = require('dynalite/validations') as ValidationsModule;

export type WriteActionName = 'putItem' | 'updateItem' | 'deleteItem';

export const dynaliteActions: Record<WriteActionName, DynaliteAction> = {
  putItem: require('dynalite/actions/putItem') as DynaliteAction,
  updateItem: require('dynalite/actions/updateItem') as DynaliteAction,
  deleteItem: require('dynalite/actions/deleteItem') as DynaliteAction,
};

export const dynaliteActionValidations: Record<WriteActionName, ActionValidation> = {
  putItem: require('dynalite/validations/putItem') as ActionValidation,
  updateItem: require('dynalite/validations/updateItem') as ActionValidation,
  deleteItem: require('dynalite/validations/deleteItem') as ActionValidation,
};

/**
 * Creates a dynalite server and hands back its store too (dynalite keeps it private): `db.create` is
 * wrapped for the duration of the call, synchronously, so no other caller can observe the wrapper.
 */
export function createDynaliteServerWithStore(options: Record<string, unknown>): {
  server: Server;
  store: DynaliteStore;
} {
  const original = dynaliteDb.create;
  let store: DynaliteStore | undefined;
  dynaliteDb.create = (opts) => {
    store = original(opts);
    return store;
  };
  try {
    const server = dynaliteFactory(options);
    if (!store) throw new Error('dynalite did not create its store through db.create');
    return { server, store };
  } finally {
    dynaliteDb.create = original;
  }
}
