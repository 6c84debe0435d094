import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestTable, type TestTable } from '../testing/dynalite-harness';
import { batchWriteAll } from './batch';
import type { RawItem } from './items';
import { queryAll, queryCount, queryPage, scanCount, scanPage } from './paging';

let t: TestTable;
beforeAll(async () => {
  t = await startTestTable();
});
afterAll(() => t.stop());

const sk = (n: number) => `ITEM#${String(n).padStart(4, '0')}`;
const skOf = (item: RawItem) => String(item.SK);

/** `count` items in partition `pk`, each with a `pad` of `bytes` characters. */
async function fill(pk: string, count: number, bytes = 10): Promise<string[]> {
  const items = Array.from({ length: count }, (_, n) => ({ PK: pk, SK: sk(n), pad: 'x'.repeat(bytes) }));
  await batchWriteAll(t.doc, t.tableName, items);
  return items.map((item) => item.SK);
}

/** A query for every item of partition `pk`. */
function inPartition(pk: string) {
  return {
    TableName: t.tableName,
    KeyConditionExpression: 'PK = :pk',
    ExpressionAttributeValues: { ':pk': pk },
  };
}

/** The keys of a listing of partition `pk`. */
const partitionShape = (pk: string) => ({ PK: pk, SK: { prefix: 'ITEM#' } });

describe('paging helpers on dynalite', () => {
  it('queryAll returns every item of a partition larger than one 1 MB response, in key order', async () => {
    // 48 items of ~30 KB: DynamoDB (and dynalite) stop a page at 1 MB, so this takes at least two.
    const written = await fill('PAGE#big', 48, 30_000);
    const input = inPartition('PAGE#big');
    const onePage = await t.doc.send(new QueryCommand(input));

    const read = await queryAll(t.doc, input, skOf);

    expect(onePage.LastEvaluatedKey).toBeDefined();
    expect(onePage.Items?.length).toBeLessThan(48);
    expect(read).toEqual(written);
  });

  it('queryAll and queryCount go through many small pages (Limit) to the same items', async () => {
    const written = await fill('PAGE#small', 23);
    const input = { ...inPartition('PAGE#small'), Limit: 5 };

    expect(await queryAll(t.doc, input, skOf)).toEqual(written);
    expect(await queryCount(t.doc, input)).toBe(23);
  });

  it('scanCount counts across pages with a filter that leaves some pages empty', async () => {
    await fill('PAGE#scan', 17);

    const count = await scanCount(t.doc, {
      TableName: t.tableName,
      FilterExpression: 'PK = :pk',
      ExpressionAttributeValues: { ':pk': 'PAGE#scan' },
      Limit: 7,
    });

    expect(count).toBe(17);
  });

  it('queryPage hands out each item exactly once across cursors, and refuses a cursor of another scope', async () => {
    const written = await fill('PAGE#cursor', 11);
    const input = { ...inPartition('PAGE#cursor'), Limit: 4 };

    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await queryPage(
        t.doc,
        input,
        { scope: 'cursor-test', shape: partitionShape('PAGE#cursor'), cursor },
        skOf,
      );
      seen.push(...page.items);
      cursor = page.cursor;
      pages++;
    } while (cursor);

    expect(seen).toEqual(written);
    expect(pages).toBeGreaterThanOrEqual(3);
    const first = await queryPage(
      t.doc,
      input,
      { scope: 'cursor-test', shape: partitionShape('PAGE#cursor') },
      skOf,
    );
    await expect(
      queryPage(
        t.doc,
        input,
        { scope: 'another-listing', shape: partitionShape('PAGE#cursor'), cursor: first.cursor },
        skOf,
      ),
    ).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
  });

  it('queryPage refuses a forged key in the right scope before DynamoDB sees it (a ValidationException there)', async () => {
    await fill('PAGE#forged', 3);
    const input = inPartition('PAGE#forged');
    const forge = (k: Record<string, unknown>) =>
      Buffer.from(JSON.stringify({ s: 'forged', k }), 'utf8').toString('base64url');
    const forged = [
      { PK: 'PAGE#forged' },
      { PK: 'PAGE#other', SK: sk(1) },
      { PK: 'PAGE#forged', SK: 'NOT-AN-ITEM' },
      { PK: 'PAGE#forged', SK: sk(1), GSI1PK: 'x' },
      { PK: 'PAGE#forged', SK: `ITEM#${'9'.repeat(2000)}` },
    ];

    for (const k of forged) {
      await expect(
        queryPage(
          t.doc,
          input,
          { scope: 'forged', shape: partitionShape('PAGE#forged'), cursor: forge(k) },
          skOf,
        ),
        JSON.stringify(k).slice(0, 60),
      ).rejects.toMatchObject({ code: 'INVALID_CURSOR' });
    }
  });

  it('scanPage covers every item of the table once over all segments', async () => {
    const written = await fill('PAGE#segments', 30);
    const total = 3;

    const seen: string[] = [];
    for (let segment = 0; segment < total; segment++) {
      let cursor: string | undefined;
      do {
        const page = await scanPage(
          t.doc,
          {
            TableName: t.tableName,
            Segment: segment,
            TotalSegments: total,
            Limit: 8,
            FilterExpression: 'PK = :pk',
            ExpressionAttributeValues: { ':pk': 'PAGE#segments' },
          },
          {
            scope: `segments:${segment}/${total}`,
            shape: { PK: { prefix: '' }, SK: { prefix: '' } },
            cursor,
          },
          skOf,
        );
        seen.push(...page.items);
        cursor = page.cursor;
      } while (cursor);
    }

    expect(seen.sort()).toEqual(written);
  });
});
