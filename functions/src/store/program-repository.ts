import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import {
  NotFoundError,
  PROGRAM_STATUSES,
  type Program,
  type ProgramFilter,
  type ProgramRepository,
  ValidationError,
} from '@sbiz24/shared';
import { conditionalPut, ITEM_ABSENT, transactWrite } from './conditional-writes';
import { alreadyExists, versionConflict } from './dynamo-errors';
import { GetCommand } from './dynamodb-sdk';
import { programItem, programVersionItem } from './items';
import {
  agencyPartition,
  INDEX,
  NO_DEADLINE,
  programKey,
  programStatusPartition,
  programVersionKey,
  programVersionPrefix,
} from './keys';
import { type QueryInput, queryAll } from './paging';
import { type StoreOptions, systemClock } from './store-options';

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

  const queryPrograms = (input: Omit<QueryInput, 'TableName'>) =>
    queryAll(doc, { ...input, TableName: tableName }, programItem.fromItem);

  async function get(id: string): Promise<Program | undefined> {
    const { Item } = await doc.send(
      new GetCommand({ TableName: tableName, Key: programKey(id), ConsistentRead: true }),
    );
    return Item ? programItem.fromItem(Item) : undefined;
  }

  function byStatus(status: string, filter: ProgramFilter): Promise<Program[]> {
    const from = filter.closingFrom;
    const to = filter.closingTo;
    const range = from || to ? ' AND GSI1SK BETWEEN :from AND :to' : '';
    return queryPrograms({
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
      return Item ? programVersionItem.fromItem(Item) : undefined;
    },

    listVersions(id) {
      return queryPrograms({
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
        programs = await queryPrograms({
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
      const exists = () => alreadyExists('같은 ID의 지원사업이 이미 있습니다.');
      await transactWrite(doc, [
        {
          request: conditionalPut(tableName, programItem.toItem(program, at), ITEM_ABSENT),
          onConditionFailed: exists,
        },
        {
          request: conditionalPut(tableName, programVersionItem.toItem(program, at), ITEM_ABSENT),
          onConditionFailed: exists,
        },
      ]);
      return program;
    },

    async update(program) {
      if (!Number.isInteger(program.version) || program.version < 2)
        throw new ValidationError('수정된 사업의 버전은 2 이상이어야 합니다.', [
          { path: 'version', message: '버전은 2 이상의 정수여야 합니다.' },
        ]);
      const expected = program.version - 1;
      const at = clock().toISOString();
      // Either condition failing means someone else wrote first (or the program is gone): read to tell which.
      const explain = async (): Promise<Error> => {
        const current = await get(program.id);
        if (!current) return new NotFoundError('지원사업을 찾을 수 없습니다.', 'PROGRAM_NOT_FOUND');
        return versionConflict(expected, current.version);
      };
      await transactWrite(doc, [
        {
          request: conditionalPut(
            tableName,
            programItem.toItem(program, at),
            'attribute_exists(PK) AND version = :expected',
            { ':expected': expected },
          ),
          onConditionFailed: explain,
        },
        {
          // Versions are never overwritten, even if META were somehow behind.
          request: conditionalPut(tableName, programVersionItem.toItem(program, at), ITEM_ABSENT),
          onConditionFailed: explain,
        },
      ]);
      return program;
    },
  };
}
