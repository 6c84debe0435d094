import { mkdirSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';
import { createDynaliteServerWithStore, type DynaliteStore } from './dynalite-internals';
import { transactWriteItems } from './dynalite-transactions';

export interface DynaliteOptions {
  /** Folder for the LevelDB files: data survives restarts. Absent: in memory, gone on stop. */
  dir?: string;
  /** @default 0 (a free port) */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
}

export interface RunningDynalite {
  /** `http://<host>:<port>`, for `createDocumentClient({ endpoint })`. */
  endpoint: string;
  port: number;
  /** Stops accepting requests, waits for pending writes and closes the database. */
  stop(): Promise<void>;
}

/** The data folder is held by another process (LevelDB allows one writer): usually another `npm start`. */
export class DataDirLockedError extends Error {
  readonly code = 'DATA_DIR_LOCKED';
  constructor(readonly dir: string) {
    super(
      `데이터 폴더(${dir})를 다른 프로세스가 사용 중입니다. 이미 실행 중인 포털을 먼저 종료하세요. ` +
        `(The data folder is in use by another process: stop the running portal first.)`,
    );
    this.name = 'DataDirLockedError';
  }
}

const TRANSACT_WRITE = 'DynamoDB_20120810.TransactWriteItems';

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function send(res: ServerResponse, statusCode: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.statusCode = statusCode;
  res.setHeader('Content-Type', 'application/x-amz-json-1.0');
  res.setHeader('Content-Length', Buffer.byteLength(text));
  res.end(text);
}

async function handleTransactWrite(store: DynaliteStore, req: IncomingMessage, res: ServerResponse) {
  let request: unknown;
  try {
    request = JSON.parse(await readBody(req));
  } catch {
    return send(res, 400, { __type: 'com.amazon.coral.service#SerializationException' });
  }
  try {
    const response = await transactWriteItems(store, request);
    send(res, response.statusCode, response.body);
  } catch (err) {
    send(res, 500, { __type: 'com.amazonaws.dynamodb.v20120810#InternalServerError', message: String(err) });
  }
}

function isLocked(err: unknown): boolean {
  for (let e = err as { code?: string; cause?: unknown } | undefined; e; e = e.cause as typeof e) {
    if (e.code === 'LEVEL_LOCKED') return true;
  }
  return false;
}

/**
 * Starts dynalite, a DynamoDB-protocol server on LevelDB, extended with TransactWriteItems (which dynalite
 * lacks; see `dynalite-transactions.ts`). Tables become ACTIVE at once (createTableMs 0).
 * Throws DataDirLockedError when `dir` is in use by another process.
 */
export async function startDynalite(options: DynaliteOptions = {}): Promise<RunningDynalite> {
  const host = options.host ?? '127.0.0.1';
  const dir = options.dir ? resolve(options.dir) : undefined;
  if (dir) mkdirSync(dir, { recursive: true });
  const { server, store } = createDynaliteServerWithStore({
    ...(dir ? { path: dir } : {}),
    createTableMs: 0,
    deleteTableMs: 0,
    updateTableMs: 0,
  });
  try {
    // LevelDB opens lazily; open now so that a locked folder fails here, with a clear message.
    await store.db.open?.();
  } catch (err) {
    if (dir && isLocked(err)) throw new DataDirLockedError(dir);
    throw err;
  }

  const [dynaliteHandler] = server.listeners('request') as ((
    req: IncomingMessage,
    res: ServerResponse,
  ) => void)[];
  if (!dynaliteHandler) throw new Error('dynalite server has no request handler');
  server.removeAllListeners('request');
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'POST' && req.headers['x-amz-target'] === TRANSACT_WRITE)
      void handleTransactWrite(store, req, res);
    else dynaliteHandler(req, res);
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolveListen();
    });
  });
  const port = (server.address() as AddressInfo).port;
  let stopping: Promise<void> | undefined;
  return {
    endpoint: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    stop() {
      stopping ??= new Promise<void>((resolveStop, reject) => {
        // Clients keep sockets alive; idle ones would hold close() open.
        server.close((err) => (err ? reject(err) : resolveStop()));
        server.closeIdleConnections();
      });
      return stopping;
    },
  };
}
