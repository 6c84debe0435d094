import { type Disaster, DisasterSchema, formatBusinessNumber } from '@sbiz24/shared';
import { DamageImportResponseSchema } from '@sbiz24/shared/contract/relief';
import { encodeCp949 } from '@sbiz24/shared/testing/cp949';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { brnOf, newBusiness } from '../../testing/store-data';
import { type CallerKey, createTestApp, tokenFor } from '../../testing/test-app';

const flood: Disaster = DisasterSchema.parse({
  id: '2026-07-flood',
  name: '2026년 7월 집중호우',
  kind: 'heavy-rain',
  regionCodes: ['11110', '11140'],
  startDate: '2026-07-10',
  endDate: '2026-07-20',
});

/** Businesses 1..IN_AREA in the flooded 시군구, IN_AREA+1..IN_AREA+OUTSIDE in Busan (outside the area). */
const IN_AREA = 60;
const OUTSIDE = 10;

async function setup() {
  const t = await createTestApp();
  await t.repos.disasters.create(flood);
  for (let i = 1; i <= IN_AREA + OUTSIDE; i++) {
    const b = newBusiness(i);
    await t.repos.businesses.create(
      i > IN_AREA ? { ...b, profile: { ...b.profile, regionCode: '26110' } } : b,
    );
  }
  return t;
}

type App = Awaited<ReturnType<typeof setup>>['app'];

async function upload(
  app: App,
  body: Uint8Array | string,
  {
    dryRun = true,
    as = 'staffSemas',
    disaster = flood.id,
    type = 'text/csv',
  }: { dryRun?: boolean; as?: CallerKey; disaster?: string; type?: string } = {},
) {
  const res = await app.request(`/api/staff/disasters/${disaster}/damage-imports?dryRun=${dryRun}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokenFor(as)}`, 'content-type': type },
    body,
  });
  // biome-ignore lint/suspicious/noExplicitAny: answers are inspected field by field
  return { status: res.status, json: (await res.json()) as any };
}

const utf8 = (text: string) => new TextEncoder().encode(text);
const damageOf = async (t: Awaited<ReturnType<typeof setup>>, i: number) =>
  (await t.repos.businesses.get(brnOf(i)))!;

const FILE = [
  '사업자등록번호,피해확인일,피해유형,피해금액',
  `${brnOf(1)},2026-07-15,침수,"2,000,000"`,
  `${formatBusinessNumber(brnOf(2))},2026.07.16,,`,
  `${brnOf(IN_AREA + 1)},2026-07-16,,`,
  `${brnOf(999)},2026-07-16,,`,
  `${brnOf(3)},2026-06-01,,`,
].join('\r\n');

describe('POST /api/staff/disasters/{id}/damage-imports', () => {
  it('previews on a dry run (counts, reasons, lines) and stores nothing', async () => {
    const t = await setup();
    const res = await upload(t.app, utf8(FILE));
    expect(res.status).toBe(200);
    expect(DamageImportResponseSchema.safeParse(res.json).success).toBe(true);
    expect(res.json).toMatchObject({
      dryRun: true,
      encoding: 'utf-8',
      counts: { total: 5, new: 2, updated: 0, unchanged: 0, rejected: 3 },
      rejectedBy: { OUTSIDE_AREA: 1, UNKNOWN_BUSINESS: 1, DATE_OUTSIDE_PERIOD: 1 },
      errorsTruncated: false,
    });
    expect(res.json.errors.map((e: { line: number; code: string }) => [e.line, e.code])).toEqual([
      [4, 'OUTSIDE_AREA'],
      [5, 'UNKNOWN_BUSINESS'],
      [6, 'DATE_OUTSIDE_PERIOD'],
    ]);
    expect((await damageOf(t, 1)).version).toBe(1);
    expect((await damageOf(t, 1)).profile.disasterDamage).toEqual([]);
    expect(t.events).toEqual([]);
    expect(await t.repos.audit.list('disaster', flood.id)).toEqual([]);
  });

  it('applies the good rows, audits counts only, starts the recompute; the same file again changes nothing', async () => {
    const t = await setup();
    const first = await upload(t.app, utf8(FILE), { dryRun: false });
    expect(first.status).toBe(200);
    expect(first.json.counts).toEqual({ total: 5, new: 2, updated: 0, unchanged: 0, rejected: 3 });
    expect((await damageOf(t, 1)).profile.disasterDamage).toEqual([
      { disasterId: flood.id, confirmedOn: '2026-07-15', kind: 'flooding', amountWon: 2_000_000 },
    ]);
    expect((await damageOf(t, 2)).profile.disasterDamage).toEqual([
      { disasterId: flood.id, confirmedOn: '2026-07-16' },
    ]);
    expect(t.events).toEqual([expect.objectContaining({ type: 'damage-imported', disasterId: flood.id })]);
    const audit = await t.repos.audit.list('disaster', flood.id);
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'damage-import', actorId: 'staff-semas' });
    expect(audit[0]!.summary).not.toContain(brnOf(1));

    const again = await upload(t.app, utf8(FILE), { dryRun: false });
    expect(again.json.counts).toEqual({ total: 5, new: 0, updated: 0, unchanged: 2, rejected: 3 });
    expect((await damageOf(t, 1)).version).toBe(2);
    expect(t.events).toHaveLength(1);
  });

  it('reports every bad line of a fuzzed file and applies every good one, in any encoding (property)', async () => {
    type Bad = 'checkDigit' | 'letters' | 'early' | 'late' | 'outside' | 'unknown' | 'badDate' | 'kind';
    const row = fc.oneof(
      fc.record({ good: fc.integer({ min: 1, max: IN_AREA }), day: fc.integer({ min: 10, max: 20 }) }),
      fc.record({
        bad: fc.constantFrom<Bad>(
          'checkDigit',
          'letters',
          'early',
          'late',
          'outside',
          'unknown',
          'badDate',
          'kind',
        ),
        i: fc.integer({ min: 1, max: IN_AREA }),
      }),
    );
    const expectedCode: Record<Bad, string> = {
      checkDigit: 'BRN_CHECK_DIGIT',
      letters: 'BRN_FORMAT',
      early: 'DATE_OUTSIDE_PERIOD',
      late: 'DATE_OUTSIDE_PERIOD',
      outside: 'OUTSIDE_AREA',
      unknown: 'UNKNOWN_BUSINESS',
      badDate: 'DATE_FORMAT',
      kind: 'KIND_UNKNOWN',
    };
    await fc.assert(
      fc.asyncProperty(
        fc.array(row, { minLength: 1, maxLength: 40 }),
        fc.constantFrom('utf-8', 'bom', 'cp949'),
        fc.boolean(),
        fc.boolean(),
        async (rows, encoding, crlf, truncate) => {
          const t = await setup();
          const lines = ['사업자등록번호,피해확인일,피해유형,피해금액'];
          const want = new Map<number, string>(); // line → code
          const good = new Map<string, string>(); // brn → confirmedOn of its first good line
          const read = new Set<string>(); // numbers of rows that passed the file checks (later ones: DUPLICATE)
          const once = (brn: string, line: number, code?: string) => {
            if (read.has(brn)) want.set(line, 'DUPLICATE');
            else if (code) want.set(line, code);
            read.add(brn);
            return !want.has(line);
          };
          rows.forEach((r, k) => {
            const line = k + 2;
            if ('good' in r) {
              const brn = brnOf(r.good);
              const date = `2026-07-${String(r.day).padStart(2, '0')}`;
              lines.push(`${brn},${date},침수,`);
              if (once(brn, line)) good.set(brn, date);
              return;
            }
            const brn = brnOf(r.i);
            const wrong = `${brn.slice(0, 9)}${(Number(brn[9]) + 1) % 10}`;
            const outsider = brnOf(IN_AREA + 1 + (r.i % OUTSIDE));
            const stranger = brnOf(500 + r.i);
            const cells: Record<Bad, string> = {
              checkDigit: `${wrong},2026-07-12`,
              letters: `12345abcde,2026-07-12`,
              early: `${brn},2026-07-01`,
              late: `${brn},2026-12-01`,
              outside: `${outsider},2026-07-12`,
              unknown: `${stranger},2026-07-12`,
              badDate: `${brn},2026-07-32`,
              kind: `${brn},2026-07-12,홍수아님`,
            };
            lines.push(cells[r.bad]);
            // Numbers outside the area or not registered pass the file checks: a repeat is a DUPLICATE first.
            if (r.bad === 'outside') once(outsider, line, expectedCode[r.bad]);
            else if (r.bad === 'unknown') once(stranger, line, expectedCode[r.bad]);
            else want.set(line, expectedCode[r.bad]);
          });
          let text = lines.join(crlf ? '\r\n' : '\n');
          if (truncate) {
            // The last line cut off inside a quoted field: reported, never half-read.
            text += `${crlf ? '\r\n' : '\n'}${brnOf(1)},"2026-07`;
            want.set(rows.length + 2, 'UNCLOSED_QUOTE');
          }
          const bytes =
            encoding === 'cp949'
              ? encodeCp949(text)
              : encoding === 'bom'
                ? new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(text)])
                : utf8(text);
          const res = await upload(t.app, bytes, { dryRun: false });
          expect(res.status).toBe(200);
          expect(res.json.encoding).toBe(encoding === 'cp949' ? 'cp949' : 'utf-8');
          const got = new Map<number, string>(
            res.json.errors.map((e: { line: number; code: string }) => [e.line, e.code]),
          );
          expect(got).toEqual(want);
          expect(res.json.counts).toMatchObject({ new: good.size, rejected: want.size });
          for (let i = 1; i <= IN_AREA; i++) {
            const date = good.get(brnOf(i));
            expect((await damageOf(t, i)).profile.disasterDamage).toEqual(
              date ? [{ disasterId: flood.id, confirmedOn: date, kind: 'flooding' }] : [],
            );
          }
          const again = await upload(t.app, bytes, { dryRun: false });
          expect(again.json.counts).toMatchObject({ new: 0, updated: 0, unchanged: good.size });
        },
      ),
      { numRuns: 15 },
    );
  });

  it('answers 404 for an unknown disaster, 400 for a bad query or file, and stores nothing', async () => {
    const t = await setup();
    const unknown = await upload(t.app, utf8(FILE), { dryRun: false, disaster: 'no-such-disaster' });
    expect(unknown.status).toBe(404);
    expect(unknown.json.error.code).toBe('DISASTER_NOT_FOUND');
    const badQuery = await t.app.request(`/api/staff/disasters/${flood.id}/damage-imports?dryRun=yes`, {
      method: 'POST',
      headers: { authorization: `Bearer ${tokenFor('staffSemas')}`, 'content-type': 'text/csv' },
      body: FILE,
    });
    expect(badQuery.status).toBe(400);
    const noColumns = await upload(t.app, utf8('사업자등록번호,상호\n1234567890,행복분식'), {
      dryRun: false,
    });
    expect(noColumns.status).toBe(400);
    expect(noColumns.json.error.code).toBe('DAMAGE_FILE_NO_COLUMNS');
    const empty = await upload(t.app, new Uint8Array(), { dryRun: false });
    expect(empty.status).toBe(400);
    expect(empty.json.error.code).toBe('DAMAGE_FILE_EMPTY');
    expect((await damageOf(t, 1)).version).toBe(1);
  });

  it('is for staff: owners get 403 and nothing changes', async () => {
    const t = await setup();
    const res = await upload(t.app, utf8(FILE), { dryRun: false, as: 'ownerA' });
    expect(res.status).toBe(403);
    expect((await damageOf(t, 1)).version).toBe(1);
  });

  it('refuses another media type with 415 and a file over 5 MB with 413', async () => {
    const t = await setup();
    const json = await upload(t.app, FILE, { dryRun: false, type: 'application/json' });
    expect(json.status).toBe(415);
    const big = await upload(t.app, new Uint8Array(5 * 1024 * 1024 + 1).fill(0x31), { dryRun: false });
    expect(big.status).toBe(413);
    expect(big.json.error.code).toBe('PAYLOAD_TOO_LARGE');
    expect((await damageOf(t, 1)).version).toBe(1);
  });
});
