import 'aws-sdk-client-mock-vitest/extend';
import { QueryCommand, type QueryCommandInput, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { ValidationError } from '@sbiz24/shared';
import { beforeEach, describe, expect, it } from 'vitest';
import { mockDocumentClient, TABLE, throttled } from '../testing/mock-dynamo';
import { encodeCursor } from './cursor';
import { queryAll, queryCount, queryPage, scanCount, scanPage } from './paging';

const { doc, ddb } = mockDocumentClient();

beforeEach(() => {
  ddb.reset();
});

const query = {
  TableName: TABLE,
  KeyConditionExpression: 'PK = :pk',
  ExpressionAttributeValues: { ':pk': 'P' },
};
const key = (sk: string) => ({ PK: 'P', SK: sk });
/** The keys of the listing `query` pages through. */
const shape = { PK: 'P', SK: { prefix: '' } };
const name = (item: Record<string, unknown>) => String(item.name);

/** The inputs as they were when sent (the SDK keeps a reference to the input object, not a copy). */
function recordQueries(
  pages: { Items?: Record<string, unknown>[]; Count?: number; LastEvaluatedKey?: object }[],
) {
  const sent: QueryCommandInput[] = [];
  ddb.on(QueryCommand).callsFake((input: QueryCommandInput) => {
    sent.push(structuredClone(input));
    return pages[sent.length - 1] ?? {};
  });
  return sent;
}

describe('queryAll', () => {
  it('follows LastEvaluatedKey through every page and maps every item, in order', async () => {
    const sent = recordQueries([
      { Items: [{ name: 'a' }, { name: 'b' }], LastEvaluatedKey: key('b') },
      { Items: [{ name: 'c' }], LastEvaluatedKey: key('c') },
      { Items: [{ name: 'd' }] },
    ]);

    const names = await queryAll(doc, query, name);

    expect(names).toEqual(['a', 'b', 'c', 'd']);
    expect(sent.map((input) => input.ExclusiveStartKey)).toEqual([undefined, key('b'), key('c')]);
    expect(sent.every((input) => input.KeyConditionExpression === 'PK = :pk')).toBe(true);
  });

  it('goes on past an empty page that still has a LastEvaluatedKey (a filter dropped every item)', async () => {
    recordQueries([{ Items: [], LastEvaluatedKey: key('x') }, { Items: [{ name: 'z' }] }]);

    expect(await queryAll(doc, query, name)).toEqual(['z']);
    expect(ddb).toHaveReceivedCommandTimes(QueryCommand, 2);
  });

  it('leaves the caller’s input as it was', async () => {
    recordQueries([{ Items: [], LastEvaluatedKey: key('x') }, { Items: [] }]);
    const input = { ...query };

    await queryAll(doc, input, name);

    expect(input).toEqual(query);
  });

  it('passes an error of any page through', async () => {
    ddb
      .on(QueryCommand)
      .resolvesOnce({ Items: [{ name: 'a' }], LastEvaluatedKey: key('a') })
      .rejects(throttled());

    await expect(queryAll(doc, query, name)).rejects.toMatchObject({
      name: 'ProvisionedThroughputExceededException',
    });
  });
});

describe('queryCount and scanCount', () => {
  it('sum Count over every page of a COUNT query', async () => {
    const sent = recordQueries([{ Count: 5, LastEvaluatedKey: key('e') }, { Count: 2 }]);

    expect(await queryCount(doc, query)).toBe(7);
    expect(sent.map((input) => input.Select)).toEqual(['COUNT', 'COUNT']);
    expect(sent[1]?.ExclusiveStartKey).toEqual(key('e'));
  });

  it('sum Count over every page of a COUNT scan', async () => {
    ddb
      .on(ScanCommand)
      .resolvesOnce({ Count: 3, LastEvaluatedKey: key('c') })
      .resolvesOnce({ Count: 0, LastEvaluatedKey: key('d') })
      .resolves({ Count: 4 });

    expect(await scanCount(doc, { TableName: TABLE, FilterExpression: 'x = :x' })).toBe(7);
    expect(ddb).toHaveReceivedCommandTimes(ScanCommand, 3);
    expect(ddb).toHaveReceivedCommandWith(ScanCommand, { Select: 'COUNT', FilterExpression: 'x = :x' });
  });
});

describe('queryPage and scanPage', () => {
  it('return one page and an opaque cursor that starts the next one from LastEvaluatedKey', async () => {
    const sent = recordQueries([
      { Items: [{ name: 'a' }], LastEvaluatedKey: key('a') },
      { Items: [{ name: 'b' }] },
    ]);

    const first = await queryPage(doc, { ...query, Limit: 1 }, { scope: 'things:P', shape }, name);
    const second = await queryPage(
      doc,
      { ...query, Limit: 1 },
      { scope: 'things:P', shape, cursor: first.cursor },
      name,
    );

    expect(first.items).toEqual(['a']);
    expect(first.cursor).toEqual(expect.any(String));
    expect(first.cursor).not.toContain('SK');
    expect(second).toEqual({ items: ['b'] });
    expect(sent.map((input) => input.ExclusiveStartKey)).toEqual([undefined, key('a')]);
    expect(sent.map((input) => input.Limit)).toEqual([1, 1]);
  });

  it('refuse a cursor of another listing before sending anything', async () => {
    const foreign = encodeCursor('things:someone-else', key('a'));

    const attempt = queryPage(doc, query, { scope: 'things:P', shape, cursor: foreign }, name);

    await expect(attempt).rejects.toBeInstanceOf(ValidationError);
    await expect(attempt).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    await expect(
      scanPage(doc, { TableName: TABLE }, { scope: 'scan:0/1', shape, cursor: 'garbage' }, name),
    ).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    expect(ddb).not.toHaveReceivedAnyCommand();
  });

  it('scan one segment from the cursor and map its items', async () => {
    ddb
      .on(ScanCommand)
      .resolvesOnce({ Items: [{ name: 'a' }], LastEvaluatedKey: key('a') })
      .resolves({ Items: [] });
    const input = { TableName: TABLE, Segment: 1, TotalSegments: 4, Limit: 10 };

    const first = await scanPage(doc, input, { scope: 'scan:1/4', shape }, name);
    const last = await scanPage(doc, input, { scope: 'scan:1/4', shape, cursor: first.cursor }, name);

    expect(first.items).toEqual(['a']);
    expect(last).toEqual({ items: [] });
    expect(ddb).toHaveReceivedNthCommandWith(ScanCommand, 2, {
      Segment: 1,
      TotalSegments: 4,
      Limit: 10,
      ExclusiveStartKey: key('a'),
    });
  });
});
