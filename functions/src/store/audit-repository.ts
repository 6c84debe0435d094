import { randomBytes } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { AuditRepository } from '@sbiz24/shared';
import { ITEM_ABSENT } from './conditional-writes';
import { PutCommand } from './dynamodb-sdk';
import { auditItem } from './items';
import { auditPartition } from './keys';
import { queryAll } from './paging';

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
          Item: auditItem.toItem(entry, suffix()),
          // An entry is never replaced, even on a suffix collision; the caller sees the failure as it is.
          ConditionExpression: ITEM_ABSENT,
        }),
      );
    },

    list(entityType, entityId) {
      return queryAll(
        doc,
        {
          TableName: tableName,
          KeyConditionExpression: 'PK = :pk',
          ExpressionAttributeValues: { ':pk': auditPartition(entityType, entityId) },
        },
        auditItem.fromItem,
      );
    },
  };
}
