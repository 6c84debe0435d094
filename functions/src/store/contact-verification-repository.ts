import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConflictError, type ContactVerificationRepository, type EmailVerification } from '@sbiz24/shared';
import { isConditionalCheckFailed } from './dynamo-errors';
import { DeleteCommand, GetCommand, PutCommand } from './dynamodb-sdk';
import { emailVerificationKey } from './keys';

const conflict = () =>
  new ConflictError('인증번호 요청이 다른 곳에서 먼저 바뀌었습니다. 다시 시도해 주세요.', 'VERSION_CONFLICT');

/** Seconds since the epoch a day after the code expires: DynamoDB's TTL removes forgotten codes. */
const ttlOf = (expiresAt: string) => Math.floor(Date.parse(expiresAt) / 1000) + 24 * 3600;

/**
 * A pending e-mail verification (`USER#<sub>` / `CONTACT#EMAIL`), versioned: every write names the version it
 * read, so two tabs entering codes at once cannot both spend the same attempt.
 */
export function createContactVerificationRepository(
  doc: DynamoDBDocumentClient,
  tableName: string,
): ContactVerificationRepository {
  const condition = (expectedVersion: number) =>
    expectedVersion === 0
      ? { ConditionExpression: 'attribute_not_exists(PK)' }
      : { ConditionExpression: 'version = :v', ExpressionAttributeValues: { ':v': expectedVersion } };
  return {
    async get(userId) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: emailVerificationKey(userId), ConsistentRead: true }),
      );
      if (!Item) return undefined;
      return {
        address: String(Item.address),
        codeHash: String(Item.codeHash),
        expiresAt: String(Item.expiresAt),
        attempts: Number(Item.attempts),
        sentAt: (Item.sentAt as string[] | undefined) ?? [],
        version: Number(Item.version),
      };
    },
    async put(userId, value, expectedVersion) {
      const next: EmailVerification = { ...value, version: expectedVersion + 1 };
      try {
        await doc.send(
          new PutCommand({
            TableName: tableName,
            Item: {
              ...emailVerificationKey(userId),
              entity: 'EmailVerification',
              ...next,
              ttl: ttlOf(value.expiresAt),
            },
            ...condition(expectedVersion),
          }),
        );
      } catch (err) {
        if (isConditionalCheckFailed(err)) throw conflict();
        throw err;
      }
      return next;
    },
    async remove(userId, expectedVersion) {
      try {
        await doc.send(
          new DeleteCommand({
            TableName: tableName,
            Key: emailVerificationKey(userId),
            ...condition(expectedVersion),
          }),
        );
      } catch (err) {
        if (isConditionalCheckFailed(err)) throw conflict();
        throw err;
      }
    },
  };
}
