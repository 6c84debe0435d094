import { DisasterSchema } from '@sbiz24/shared';
import { withCheckDigit } from '@sbiz24/shared/business-number/business-number';
import { createDamageImportService } from '../services/damage-import';
import { ensureTable } from '../store/create-table';
import { createDynamoClient, toDocumentClient } from '../store/dynamo-client';
import { createRepositories } from '../store/repositories';
import { startDynaliteChild, syntheticStoredBusinesses } from './store-throughput';

export interface ReliefBenchOptions {
  /** Rows of the damage list (each a business in the disaster's area). */
  rows: number;
  seed: number;
  log?: (line: string) => void;
}

export interface ReliefBenchResult {
  damageImportRows: number;
  /** The preview (dry run): decode, parse, check every row, read every business. */
  damageImportDryRunSeconds: number;
  /** The import itself: the same checks plus one conditional profile write per business. */
  damageImportSeconds: number;
  damageImportRowsPerSecond: number;
  /** Importing the same file again (every row unchanged, nothing written). */
  damageReimportSeconds: number;
}

/**
 * Issue 13's damage-list import through the store: `rows` businesses seeded into one 시군구 of a local
 * dynalite (in a child process, as the other store benchmarks), a CSV of them as an office would send it,
 * then the preview, the import, and a re-import timed on the import service.
 */
export async function measureDamageImport(options: ReliefBenchOptions): Promise<ReliefBenchResult> {
  const log = options.log ?? (() => {});
  const server = await startDynaliteChild();
  const client = createDynamoClient({ endpoint: server.endpoint });
  try {
    await ensureTable(client, 'bench-relief', { pollMs: 10 });
    const repos = createRepositories(toDocumentClient(client), 'bench-relief');
    const region = '47130';
    const disaster = DisasterSchema.parse({
      id: 'bench-flood',
      name: '벤치 집중호우',
      kind: 'heavy-rain',
      regionCodes: [region],
      startDate: '2026-07-10',
      endDate: '2026-07-20',
    });
    await repos.disasters.create(disaster);
    const generate = syntheticStoredBusinesses('2026-06-01', options.seed);
    const brns: string[] = [];
    for (let start = 0; start < options.rows; start += 5000) {
      const batch = generate(start, Math.min(5000, options.rows - start)).map((b, i) => {
        const brn = withCheckDigit(String(300_000_000 + start + i));
        brns.push(brn);
        return { ...b, profile: { ...b.profile, brn, regionCode: region, disasterDamage: [] } };
      });
      await repos.businesses.createMany(batch);
    }
    log(`relief: seeded ${options.rows.toLocaleString('en-US')} businesses`);
    const lines = ['사업자등록번호,피해확인일,피해유형,피해금액'];
    for (const [i, brn] of brns.entries())
      lines.push(`${brn},2026-07-${11 + (i % 9)},침수,${(i % 50) * 100_000}`);
    const file = new TextEncoder().encode(lines.join('\r\n'));
    const service = createDamageImportService({
      repos,
      clock: () => new Date('2026-08-01T00:00:00Z'),
      notify: async () => {},
    });
    const staff = { sub: 'bench-staff', name: '벤치', role: 'staff' as const, agencyId: 'semas' as const };
    const time = async (dryRun: boolean) => {
      const started = performance.now();
      const result = await service.importList(staff, disaster.id, file, { dryRun });
      if (result.counts.rejected > 0)
        throw new Error(`bench damage list rejected ${result.counts.rejected} rows`);
      return { seconds: (performance.now() - started) / 1000, counts: result.counts };
    };
    const dry = await time(true);
    const real = await time(false);
    if (real.counts.new !== options.rows)
      throw new Error(`expected ${options.rows} new, got ${real.counts.new}`);
    const again = await time(false);
    if (again.counts.unchanged !== options.rows) throw new Error('re-import changed rows');
    const round = (x: number) => Math.round(x * 100) / 100;
    log(
      `relief: damage list of ${options.rows.toLocaleString('en-US')} rows — preview ${round(dry.seconds)} s, ` +
        `import ${round(real.seconds)} s (${Math.round(options.rows / real.seconds)}/s), re-import ${round(again.seconds)} s`,
    );
    return {
      damageImportRows: options.rows,
      damageImportDryRunSeconds: round(dry.seconds),
      damageImportSeconds: round(real.seconds),
      damageImportRowsPerSecond: Math.round(options.rows / real.seconds),
      damageReimportSeconds: round(again.seconds),
    };
  } finally {
    client.destroy();
    await server.stop();
  }
}
