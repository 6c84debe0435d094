import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DescribeTableCommand,
  type DynamoDBClient,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { type IndexDesign, keyAttributes, TABLE_DESIGN, type TableDesign } from './table-design';

function keySchema(index: Pick<IndexDesign, 'partitionKey' | 'sortKey'>) {
  return [
    { AttributeName: index.partitionKey.name, KeyType: 'HASH' as const },
    ...(index.sortKey ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' as const }] : []),
  ];
}

/** The CreateTable request for a design (PITR and TTL are set by the CDK stack; the local server has neither). */
export function createTableInput(
  tableName: string,
  design: TableDesign = TABLE_DESIGN,
): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: design.billingMode,
    AttributeDefinitions: keyAttributes(design).map((a) => ({
      AttributeName: a.name,
      AttributeType: a.type,
    })),
    KeySchema: keySchema(design),
    GlobalSecondaryIndexes: design.globalSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: keySchema(index),
      Projection: { ProjectionType: index.projection },
    })),
    LocalSecondaryIndexes: design.localSecondaryIndexes.map((index) => ({
      IndexName: index.indexName,
      KeySchema: keySchema(index),
      Projection: { ProjectionType: index.projection },
    })),
  };
}

async function describe(client: DynamoDBClient, tableName: string): Promise<TableDescription | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table;
  } catch (err) {
    if ((err as Error).name === 'ResourceNotFoundException') return undefined;
    throw err;
  }
}

/** Throws when an existing table lacks an index of the design (e.g. a data folder from an older version). */
function checkDesign(table: TableDescription, design: TableDesign): void {
  const present = new Set([
    ...(table.GlobalSecondaryIndexes ?? []).map((i) => i.IndexName),
    ...(table.LocalSecondaryIndexes ?? []).map((i) => i.IndexName),
  ]);
  const missing = [...design.globalSecondaryIndexes, ...design.localSecondaryIndexes]
    .map((i) => i.indexName)
    .filter((name) => !present.has(name));
  if (missing.length > 0)
    throw new Error(
      `테이블 ${table.TableName}에 다음 인덱스가 없습니다: ${missing.join(', ')}. 예전 버전의 데이터입니다. ` +
        `(Table ${table.TableName} lacks index ${missing.join(', ')}: delete the local data folder to recreate it.)`,
    );
}

export interface EnsureTableOptions {
  /** @default 5 minutes */
  timeoutMs?: number;
  /** @default 100 ms */
  pollMs?: number;
  design?: TableDesign;
}

/**
 * Creates the table unless it exists, then waits until it and its indexes are ACTIVE. Safe to call on every
 * start and from several processes at once: an existing table (or losing a creation race) is fine.
 */
export async function ensureTable(
  client: DynamoDBClient,
  tableName: string,
  options: EnsureTableOptions = {},
): Promise<TableDescription> {
  const design = options.design ?? TABLE_DESIGN;
  const deadline = Date.now() + (options.timeoutMs ?? 300_000);
  if (!(await describe(client, tableName))) {
    try {
      await client.send(new CreateTableCommand(createTableInput(tableName, design)));
    } catch (err) {
      if ((err as Error).name !== 'ResourceInUseException') throw err;
    }
  }
  for (;;) {
    const table = await describe(client, tableName);
    const active =
      table?.TableStatus === 'ACTIVE' &&
      (table.GlobalSecondaryIndexes ?? []).every(
        (i) => i.IndexStatus === undefined || i.IndexStatus === 'ACTIVE',
      );
    if (table && active) {
      checkDesign(table, design);
      return table;
    }
    if (Date.now() > deadline) throw new Error(`table ${tableName} did not become ACTIVE in time`);
    await new Promise((r) => setTimeout(r, options.pollMs ?? 100));
  }
}
