import { withCheckDigit } from '@sbiz24/shared/business-number/business-number';
import { parseDamageList } from '@sbiz24/shared/relief/damage-list';
import { encodeCp949 } from '@sbiz24/shared/testing/cp949';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeDamageResults, planDamageUpload } from './damage-chunks';

const disaster = { startDate: '2026-07-10', endDate: '2026-07-20' };
const today = '2026-12-03';

/** A cell as offices write them: plain, quoted, with commas, quotes or a line break inside. */
const cell = fc.oneof(
  fc.constantFrom('', '침수', '"재고"', '"1,200,000"', '"기타\n피해"', '"a ""b"""', '화재'),
  fc.integer({ min: 0, max: 9_999_999 }).map(String),
);
const row = fc.record({
  nine: fc.integer({ min: 100_000_000, max: 100_000_012 }), // few numbers: duplicates are common
  bad: fc.boolean(),
  day: fc.integer({ min: 1, max: 31 }),
  kind: cell,
  amount: cell,
  blankBefore: fc.integer({ min: 0, max: 2 }),
});

type Row = typeof row extends fc.Arbitrary<infer T> ? T : never;

function fileOf(rows: Row[], header: boolean, crlf: boolean, truncate: boolean): string {
  const nl = crlf ? '\r\n' : '\n';
  const lines: string[] = header ? ['사업자등록번호,피해확인일,피해유형,피해금액'] : [];
  for (const r of rows) {
    for (let i = 0; i < r.blankBefore; i++) lines.push('');
    const brn = r.bad ? String(r.nine) : withCheckDigit(String(r.nine));
    lines.push([brn, `2026-07-${String(r.day).padStart(2, '0')}`, r.kind, r.amount].join(','));
  }
  let text = lines.join(nl);
  if (truncate) text += `${nl}${withCheckDigit('100000001')},"2026-07`;
  return text;
}

describe('damage list chunks', () => {
  it('read chunk by chunk, give every row and bad line of the whole file, on its original line (property)', () => {
    fc.assert(
      fc.property(
        fc.array(row, { minLength: 1, maxLength: 40 }),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 1, max: 7 }),
        (rows, header, crlf, truncate, cp949, size) => {
          const text = fileOf(rows, header, crlf, truncate);
          const bytes = cp949 ? encodeCp949(text) : new TextEncoder().encode(text);
          const whole = parseDamageList(bytes, disaster, today);
          const plan = planDamageUpload(bytes, disaster, today, size);
          expect(plan.total).toBe(whole.total);
          expect(plan.encoding).toBe(whole.encoding);
          const parts = plan.chunks.map((c) => parseDamageList(c.body, disaster, today));
          for (const [i, p] of parts.entries()) expect(p.total).toBe(plan.chunks[i]!.rows);
          expect(parts.flatMap((p) => p.rows)).toEqual(whole.rows);
          const errors = [...plan.duplicates, ...parts.flatMap((p) => p.errors)].sort(
            (a, b) => a.line - b.line,
          );
          expect(errors).toEqual(whole.errors);
          expect(plan.chunks.every((c) => c.rows <= size)).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('sends a file the parser refuses as a whole once, as it is, for the server to explain', () => {
    const bytes = new TextEncoder().encode('사업자등록번호,상호\n1234567890,행복분식');
    const plan = planDamageUpload(bytes, disaster, today);
    expect(plan.chunks).toEqual([{ body: bytes, rows: 0 }]);
  });

  it('merges the answers and the duplicates found in the browser into one answer', () => {
    const text = [
      '사업자등록번호,피해확인일',
      `${withCheckDigit('100000001')},2026-07-12`,
      `${withCheckDigit('100000001')},2026-07-13`,
    ].join('\n');
    const plan = planDamageUpload(new TextEncoder().encode(text), disaster, today, 1);
    expect(plan.duplicates.map((d) => [d.line, d.code])).toEqual([[3, 'DUPLICATE']]);
    const merged = mergeDamageResults(true, plan, [
      {
        dryRun: true,
        encoding: 'utf-8',
        counts: { total: 1, new: 1, updated: 0, unchanged: 0, rejected: 0 },
        rejectedBy: {},
        errors: [],
        errorsTruncated: false,
      },
    ]);
    expect(merged.counts).toEqual({ total: 2, new: 1, updated: 0, unchanged: 0, rejected: 1 });
    expect(merged.rejectedBy).toEqual({ DUPLICATE: 1 });
    expect(merged.errors.map((e) => e.line)).toEqual([3]);
  });
});
