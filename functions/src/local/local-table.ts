import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ensureTable } from '../store/create-table';
import { createDynamoClient, toDocumentClient } from '../store/dynamo-client';
import { TABLE_DESIGN } from '../store/table-design';
import { DataDirLockedError, startDynalite } from './dynalite';

/** The local table's folder inside the data folder (shared with `npm start`). */
export function localDynamoDir(dataDir: string): string {
  return join(dataDir, 'dynamo');
}

/** What a running local portal writes to `<dataDir>/portal.json` so that CLIs can reach its database. */
export interface PortalRuntimeInfo {
  pid: number;
  url: string;
  dynamoEndpoint: string;
  tableName: string;
}

export function portalInfoPath(dataDir: string): string {
  return join(dataDir, 'portal.json');
}

export interface LocalTable {
  doc: DynamoDBDocumentClient;
  tableName: string;
  /** `own`: this process opened the data folder; `portal`: it talks to the running portal's server. */
  mode: 'own' | 'portal';
  close(): Promise<void>;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function runningPortal(dataDir: string): Promise<PortalRuntimeInfo | undefined> {
  try {
    const info = JSON.parse(await readFile(portalInfoPath(dataDir), 'utf8')) as PortalRuntimeInfo;
    return typeof info.dynamoEndpoint === 'string' && alive(info.pid) ? info : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Opens the local table for a CLI. LevelDB allows one process per folder, so when `npm start` holds the data
 * folder the CLI talks to the portal's own DynamoDB server (found through `portal.json`); when the folder is
 * locked and no portal says where it listens, it refuses with a clear message instead of waiting.
 */
export async function connectLocalTable(
  dataDir: string,
  tableName = process.env.TABLE_NAME ?? TABLE_DESIGN.defaultTableName,
): Promise<LocalTable> {
  const portal = await runningPortal(dataDir);
  if (portal) return connect(portal.dynamoEndpoint, portal.tableName, 'portal', async () => {});
  let server: Awaited<ReturnType<typeof startDynalite>>;
  try {
    server = await startDynalite({ dir: localDynamoDir(dataDir) });
  } catch (e) {
    if (e instanceof DataDirLockedError) {
      throw new Error(
        `데이터 폴더(${dataDir})를 다른 프로세스가 쓰고 있고, 실행 중인 포털 정보(${portalInfoPath(dataDir)})가 없습니다. ` +
          '포털(npm start)을 종료하거나, 포털이 쓰는 데이터 폴더를 확인하세요. ' +
          '(The data folder is locked by another process that is not a running portal.)',
      );
    }
    throw e;
  }
  return connect(server.endpoint, tableName, 'own', () => server.stop());
}

async function connect(
  endpoint: string,
  tableName: string,
  mode: LocalTable['mode'],
  stop: () => Promise<void>,
): Promise<LocalTable> {
  const client = createDynamoClient({ endpoint });
  try {
    await ensureTable(client, tableName, { pollMs: 20 });
  } catch (e) {
    client.destroy();
    await stop();
    throw e;
  }
  return {
    doc: toDocumentClient(client),
    tableName,
    mode,
    async close() {
      client.destroy();
      await stop();
    },
  };
}
