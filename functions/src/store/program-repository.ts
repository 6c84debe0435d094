import type { DynamoDBDocumentClient, QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import {
  NotFoundError,
  PROGRAM_STATUSES,
  type Program,
  type ProgramFilter,
  type ProgramRepository,
  ValidationError,
} from '@sbiz24/shared';
import { alreadyExists, cancellationCodes, versionConflict } from './dynamo-errors';
import { GetCommand, QueryCommand, TransactWriteCommand } from './dynamodb-sdk';
import {
  agencyPartition,
  INDEX,
  NO_DEADLINE,
  programIndexKeys,
  programKey,
  programStatusPartition,
  programVersionKey,
  programVersionPrefix,
} from './keys';
import { type StoreOptions, systemClock } from './store-options';

function currentItem(program: Program, at: string): Record<string, unknown> {
  return {
    ...programKey(program.id),
    ...programIndexKeys(program),
    entity: 'program',
    id: program.id,
    version: program.version,
    status: program.status,
    agencyId: program.agencyId,
    program,
    updatedAt: at,
  };
}

function versionItem(program: Program, at: string): Record<string, unknown> {
  return {
    ...programVersionKey(program.id, program.version),
    entity: 'programVersion',
    id: program.id,
    version: program.version,
    program,
    createdAt: at,
  };
}

/** Listing order: by deadline (open-ended last), then id, whichever index served the query. */
function byDeadline(a: Program, b: Program): number {
  const da = a.applyEnd ?? NO_DEADLINE;
  const db = b.applyEnd ?? NO_DEADLINE;
  return da < db ? -1 : da > db ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Programs: the current version at `PROG#<id>` / `META` and every version, kept, at `PROG#<id>` / `V#<n>`.
 * Both are written in one transaction conditional on the current version. Listing by status (ordered by
 * deadline) through GSI1, by agency through GSI2.
 */
export function createProgramRepository(
  doc: DynamoDBDocumentClient,
  tableName: string,
  options: StoreOptions = {},
): ProgramRepository {
  const clock = options.clock ?? systemClock;

  async function queryAll(input: Omit<QueryCommandInput, 'TableName' | 'ExclusiveStartKey'>) {
    const items: Record<string, unknown>[] = [];
    let ExclusiveStartKey: Record<string, unknown> | undefined;
    do {
      const page = await doc.send(new QueryCommand({ ...input, TableName: tableName, ExclusiveStartKey }));
      items.push(...(page.Items ?? []));
      ExclusiveStartKey = page.LastEvaluatedKey;
    } while (ExclusiveStartKey);
    return items.map((item) => item.program as Program);
  }

  async function get(id: string): Promise<Program | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: programKey(id), ConsistentRead: true }),
    );
    return Item?.program as Program | undefined;
  }

  function byStatus(status: string, filter: ProgramFilter): Promise<Program[]> {
    const from = filter.closingFrom;
    const to = filter.closingTo;
    const range = from || to ? ' AND GSI1SK BETWEEN :from AND :to' : '';
    return queryAll({
      IndexName: INDEX.gsi1,
      KeyConditionExpression: `GSI1PK = :status${range}`,
      ...(filter.agencyId ? { FilterExpression: 'agencyId = :agency' } : {}),
      ExpressionAttributeValues: {
        ':status': programStatusPartition(status),
        ...(range ? { ':from': from ?? '', ':to': `${to ?? NO_DEADLINE}#\uffff` } : {}),
        ...(filter.agencyId ? { ':agency': filter.agencyId } : {}),
      },
    });
  }

  return {
    get,

    async getVersion(id, version) {
      const { Item } = await doc.send(
        new GetCommand({ TableName: tableName, Key: programVersionKey(id, version), ConsistentRead: true }),
      );
      return Item?.program as Program | undefined;
    },

    listVersions(id) {
      return queryAll({
        KeyConditionExpression: 'PK = :pk AND begins_with(SK, :v)',
        ExpressionAttributeValues: { ':pk': programKey(id).PK, ':v': programVersionPrefix },
        ConsistentRead: true,
      });
    },

    async list(filter = {}) {
      let programs: Program[];
      if (filter.status || filter.closingFrom || filter.closingTo || !filter.agencyId) {
        const statuses = filter.status ? [filter.status] : PROGRAM_STATUSES;
        programs = (await Promise.all(statuses.map((status) => byStatus(status, filter)))).flat();
      } else {
        programs = await queryAll({
          IndexName: INDEX.gsi2,
          KeyConditionExpression: 'GSI2PK = :agency',
          ExpressionAttributeValues: { ':agency': agencyPartition(filter.agencyId) },
        });
      }
      return programs.sort(byDeadline);
    },

    async create(input) {
      const program: Program = { ...input, version: 1 };
      const at = clock().toISOString();
      try {
        await doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: currentItem(program, at),
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
              {
                Put: {
                  TableName: tableName,
                  Item: versionItem(program, at),
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
            ],
          }),
        );
      } catch (err) {
        if (cancellationCodes(err)?.includes('ConditionalCheckFailed'))
          throw alreadyExists('같은 ID의 지원사업이 이미 있습니다.');
        throw err;
      }
      return program;
    },

    async update(program) {
      if (!Number.isInteger(program.version) || program.version < 2)
        throw new ValidationError('수정된 사업의 버전은 2 이상이어야 합니다.', [
          { path: 'version', message: '버전은 2 이상의 정수여야 합니다.' },
        ]);
      const expected = program.version - 1;
      const at = clock().toISOString();
      try {
        await doc.send(
          new TransactWriteCommand({
            TransactItems: [
              {
                Put: {
                  TableName: tableName,
                  Item: currentItem(program, at),
                  ConditionExpression: 'attribute_exists(PK) AND version = :expected',
                  ExpressionAttributeValues: { ':expected': expected },
                },
              },
              {
                // Versions are never overwritten, even if META were somehow behind.
                Put: {
                  TableName: tableName,
                  Item: versionItem(program, at),
                  ConditionExpression: 'attribute_not_exists(PK)',
                },
              },
            ],
          }),
        );
      } catch (err) {
        if (!cancellationCodes(err)?.includes('ConditionalCheckFailed')) throw err;
        const current = await get(program.id);
        if (!current) throw new NotFoundError('지원사업을 찾을 수 없습니다.', 'PROGRAM_NOT_FOUND');
        throw versionConflict(expected, current.version);
      }
      return program;
    },
  };
}
