/**
 * The DynamoDB table as plain data: the single source for CreateTable (local and tests, `create-table.ts`)
 * and for the CDK `Data` construct, which imports this file by relative path. Deliberately import-free so
 * that both sides can load it without pulling in the AWS SDK or CDK.
 *
 * Every index is overloaded (one index, several access patterns); `docs/data-model.md` lists which key
 * prefixes live in which index, and `keys.ts` is the only place that builds them.
 */

export interface KeyAttribute {
  readonly name: string;
  readonly type: 'S' | 'N' | 'B';
}

export interface IndexDesign {
  readonly indexName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey?: KeyAttribute;
  readonly projection: 'ALL' | 'KEYS_ONLY';
}

export interface TableDesign {
  /** Table name when neither the environment nor the caller names one. */
  readonly defaultTableName: string;
  readonly partitionKey: KeyAttribute;
  readonly sortKey: KeyAttribute;
  readonly billingMode: 'PAY_PER_REQUEST';
  readonly pointInTimeRecovery: boolean;
  /** Epoch-seconds attribute that DynamoDB deletes items by on AWS (the local server ignores it). */
  readonly timeToLiveAttribute: string;
  readonly globalSecondaryIndexes: readonly IndexDesign[];
  /** Share the table's partition key; strongly consistent reads within one user's partition. */
  readonly localSecondaryIndexes: readonly IndexDesign[];
}

export const TABLE_DESIGN: TableDesign = {
  defaultTableName: 'sbiz24',
  partitionKey: { name: 'PK', type: 'S' },
  sortKey: { name: 'SK', type: 'S' },
  billingMode: 'PAY_PER_REQUEST',
  pointInTimeRecovery: true,
  timeToLiveAttribute: 'ttl',
  globalSecondaryIndexes: [
    {
      // OWNER#<sub> → the owner's businesses; PSTATUS#<status> → programs by deadline; DISASTERS → all disasters;
      // BAPPS#<brn> → a business's applications, newest first.
      indexName: 'GSI1',
      partitionKey: { name: 'GSI1PK', type: 'S' },
      sortKey: { name: 'GSI1SK', type: 'S' },
      projection: 'ALL',
    },
    {
      // AGENCY#<agencyId> → that agency's programs; PAPPS#<programId> → its applications, newest first.
      indexName: 'GSI2',
      partitionKey: { name: 'GSI2PK', type: 'S' },
      sortKey: { name: 'GSI2SK', type: 'S' },
      projection: 'ALL',
    },
    {
      // PAPPS#<programId>#<status> → a program's applications in one status, newest first (staff queue).
      indexName: 'GSI3',
      partitionKey: { name: 'GSI3PK', type: 'S' },
      sortKey: { name: 'GSI3SK', type: 'S' },
      projection: 'ALL',
    },
  ],
  localSecondaryIndexes: [
    {
      // NOTEID#<id> → a notification by id (markRead knows the id, not the time).
      indexName: 'LSI1',
      partitionKey: { name: 'PK', type: 'S' },
      sortKey: { name: 'LSI1SK', type: 'S' },
      projection: 'KEYS_ONLY',
    },
    {
      // UNREAD#<time>#<id> → a user's unread notifications (sparse: removed when read).
      indexName: 'LSI2',
      partitionKey: { name: 'PK', type: 'S' },
      sortKey: { name: 'LSI2SK', type: 'S' },
      projection: 'KEYS_ONLY',
    },
  ],
};

/** Every attribute that some key schema uses, once each (CreateTable's AttributeDefinitions). */
export function keyAttributes(design: TableDesign = TABLE_DESIGN): KeyAttribute[] {
  const all = [
    design.partitionKey,
    design.sortKey,
    ...[...design.globalSecondaryIndexes, ...design.localSecondaryIndexes].flatMap((index) =>
      index.sortKey ? [index.partitionKey, index.sortKey] : [index.partitionKey],
    ),
  ];
  const seen = new Map<string, KeyAttribute>();
  for (const attribute of all) if (!seen.has(attribute.name)) seen.set(attribute.name, attribute);
  return [...seen.values()];
}
