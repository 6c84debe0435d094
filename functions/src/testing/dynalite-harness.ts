import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Repositories } from '@sbiz24/shared';
import { startDynalite } from '../local/dynalite';
import { ensureTable } from '../store/create-table';
import { createDynamoClient, toDocumentClient } from '../store/dynamo-client';
import { createRepositories } from '../store/repositories';
import type { StoreOptions } from '../store/store-options';
import { TABLE_DESIGN } from '../store/table-design';

export interface TestTable {
  doc: DynamoDBDocumentClient;
  client: DynamoDBClient;
  tableName: string;
  /** The local server's URL, for code under test that makes its own client. */
  endpoint: string;
  repos: Repositories;
  /** Stops the server (the in-memory data goes with it) and releases the clients' sockets. */
  stop(): Promise<void>;
}

export interface TestTableOptions extends StoreOptions {
  /** @default the design's default table name */
  tableName?: string;
}

/**
 * For `*.integ.test.ts`: an in-memory dynalite on a free 127.0.0.1 port with the table created and the
 * repositories bound to it. Call `stop()` in `afterAll`/`afterEach`.
 *
 * @example
 * let t: TestTable;
 * beforeAll(async () => { t = await startTestTable(); });
 * afterAll(() => t.stop());
 */
export async function startTestTable(options: TestTableOptions = {}): Promise<TestTable> {
  const server = await startDynalite();
  const tableName = options.tableName ?? TABLE_DESIGN.defaultTableName;
  const client = createDynamoClient({ endpoint: server.endpoint });
  try {
    await ensureTable(client, tableName, { pollMs: 10 });
  } catch (err) {
    client.destroy();
    await server.stop();
    throw err;
  }
  const doc = toDocumentClient(client);
  return {
    doc,
    client,
    tableName,
    endpoint: server.endpoint,
    repos: createRepositories(doc, tableName, options),
    async stop() {
      client.destroy();
      await server.stop();
    },
  };
}

/** A bare local DynamoDB-protocol server, for tests of table creation itself. */
export { type RunningDynalite, startDynalite } from '../local/dynalite';
