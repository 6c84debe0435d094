import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError, type FileRepository, NotFoundError, type StoredFile } from '@sbiz24/shared';
import { putIfAbsent } from './conditional-writes';
import { alreadyExists, isConditionalCheckFailed } from './dynamo-errors';
import { GetCommand, UpdateCommand } from './dynamodb-sdk';
import { fileKey } from './keys';

/** Abandoned pending records expire with the upload bucket's lifecycle (a day), ready ones never. */
const PENDING_TTL_SECONDS = 24 * 60 * 60;

function fromItem(item: Record<string, unknown>): StoredFile {
  return item.file as StoredFile;
}

/**
 * Uploaded files at `FILE#<id>` / `META`: created pending when the upload ticket is issued, marked ready
 * (on condition that it is still pending) once the stored bytes were checked. The record is the only
 * authority on who owns a file: the storage key carries no personal data.
 */
export function createFileRepository(doc: DynamoDBDocumentClient, tableName: string): FileRepository {
  return {
    async get(id) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: fileKey(id), ConsistentRead: true }),
      );
      return Item ? fromItem(Item) : undefined;
    },

    async create(file) {
      const expiresAt = Math.floor(Date.parse(file.createdAt) / 1000) + PENDING_TTL_SECONDS;
      const item = { ...fileKey(file.id), entity: 'file', status: file.status, file, ttl: expiresAt };
      if (!(await putIfAbsent(doc, tableName, item))) throw alreadyExists('같은 ID의 파일이 이미 있습니다.');
    },

    async markReady(id, checked) {
      try {
        const { Attributes } = await doc.send(
          new UpdateCommand({
            TableName: tableName,
            Key: fileKey(id),
            UpdateExpression:
              'SET #status = :ready, #file.#status = :ready, #file.#type = :type, #file.#size = :size, #file.sha256 = :sha REMOVE #ttl',
            ConditionExpression: 'attribute_exists(PK) AND #status = :pending',
            ExpressionAttributeNames: {
              '#status': 'status',
              '#file': 'file',
              '#type': 'type',
              '#size': 'size',
              '#ttl': 'ttl',
            },
            ExpressionAttributeValues: {
              ':ready': 'ready',
              ':pending': 'pending',
              ':type': checked.type,
              ':size': checked.size,
              ':sha': checked.sha256,
            },
            ReturnValues: 'ALL_NEW',
          }),
        );
        return fromItem(Attributes!);
      } catch (err) {
        if (!isConditionalCheckFailed(err)) throw err;
        const current = await this.get(id);
        if (!current) throw new NotFoundError('파일을 찾을 수 없습니다.', 'FILE_NOT_FOUND');
        throw new ConflictError('이미 확인을 마친 파일입니다.', 'FILE_ALREADY_READY');
      }
    },
  };
}
