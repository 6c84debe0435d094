import { randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditEntry, AuditRepository } from '@sbiz24/shared';
import { PutCommand, QueryCommand } from './dynamodb-sdk';
import { auditKey, auditPartition } from './keys';

const ENTRY_FIELDS = ['entityType', 'entityId', 'at', 'actorId', 'action', 'summary', 'version'] as const;

function toEntry(item: Record<string, unknown>): AuditEntry {
  const entry: Record<string, unknown> = {};
  for (const field of ENTRY_FIELDS) if (item[field] !== undefined) entry[field] = item[field];
  return entry as unknown as AuditEntry;
}

export interface AuditRepositoryOptions {
  /** Suffix that keeps two entries of the same millisecond apart. @default 8 random hex digits */
  suffix?: () => string;
}

/** Append-only audit trail at `AUDIT#<entityType>#<id>` / `<iso time>#<random>`, read in time order. */
export function createAuditRepository(
  doc: DynamoDBDocumentClient,
  tableName: string,
  options: AuditRepositoryOptions = {},
): AuditRepository {
  const suffix = options.suffix ?? (() => randomBytes(4).toString('hex'));
  return {
    async append(entry) {
      await doc.send(
        new PutCommand({
          TableName: tableName,
          Item: {
            ...auditKey(entry.entityType, entry.entityId, entry.at, suffix()),
            entity: 'audit',
            ...entry,
          },
          // An entry is never replaced, even on a suffix collision.
          ConditionExpression: 'attribute_not_exists(PK)',
        }),
      );
    },

    async list(entityType, entityId) {
      const entries: AuditEntry[] = [];
      let ExclusiveStartKey: Record<string, unknown> | undefined;
      do {
        const page = await doc.send(
          new QueryCommand({
            TableName: tableName,
            KeyConditionExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': auditPartition(entityType, entityId) },
            ExclusiveStartKey,
          }),
        );
        entries.push(...(page.Items ?? []).map(toEntry));
        ExclusiveStartKey = page.LastEvaluatedKey;
      } while (ExclusiveStartKey);
      return entries;
    },
  };
}
