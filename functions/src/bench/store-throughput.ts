import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { loadCatalog, type Program, type StoredBusiness } from '@sbiz24/shared';
import type { MatchEvent, MatchEventSink } from '@sbiz24/shared/recompute/types';
import { createGenerator, registryStatusOf } from '@sbiz24/shared/synthetic/generate';
import { createColumnarEvaluator } from '../recompute/columnar-evaluator';
import { type RunSummary, runAllSegments } from '../recompute/run-all';
import type { BatchRuntime } from '../recompute/runtime';
import { MemoryBlobStore } from '../services/blob-store';
import { ensureTable } from '../store/create-table';
import { createDynamoClient, toDocumentClient } from '../store/dynamo-client';
import { createRepositories } from '../store/repositories';
import { createRunRepository } from '../store/run-repository';

type NewBusiness = Omit<StoredBusiness, 'version' | 'updatedAt'>;

export interface StoreThroughputOptions {
  businesses: number;
  /** Businesses `start .. start+count-1` of a deterministic population. */
  generate: (start: number, count: number) => NewBusiness[];
  /** Evaluation date: the catalog's programs are open on it. @default '2026-06-01' */
  asOf?: string;
  log?: (line: string) => void;
}

export interface StoreThroughputResult {
  storeBusinesses: number;
  storePrograms: number;
  storeSeedSeconds: number;
  /** Businesses/s of one worker on a nightly run after one program was added (reads all, writes the changed). */
  storeBusinessesPerSecond: number;
  /** Businesses/s of one worker on the first run, when every business is written. */
  storeFirstRunBusinessesPerSecond: number;
  /** Businesses/s of one worker when nothing changed (reads and evaluates only). */
  storeUnchangedBusinessesPerSecond: number;
  /** Share of businesses whose match set changed (and was written) when one program was added. */
  changedWriteRatio: number;
  /** Writes of the unchanged rerun: 0 when the batch is idempotent. */
  storeUnchangedWrites: number;
  /** The worker's own CPU per business (µs) on the run after one program was added, the database excluded. */
  storeWorkerCpuMicrosPerBusiness: number;
  /** The same on the first run (every business written). */
  storeFirstRunWorkerCpuMicrosPerBusiness: number;
}

/** Counts events and drops them: the benchmark measures the worker, not the notifier. */
class CountingSink implements MatchEventSink {
  count = 0;
  async send(events: MatchEvent[]): Promise<void> {
    this.count += events.length;
  }
}

/**
 * A dynalite server in a child process, so that the worker measured here has this process's core to itself
 * and the database the other one (as a Lambda worker and DynamoDB would not share a CPU).
 */
export async function startDynaliteChild(): Promise<{ endpoint: string; stop(): Promise<void> }> {
  const dynalite = fileURLToPath(new URL('../local/dynalite.ts', import.meta.url));
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      '--input-type=module',
      '-e',
      `import { startDynalite } from ${JSON.stringify(dynalite)};
       const s = await startDynalite();
       process.stdout.write(JSON.stringify({ endpoint: s.endpoint }) + '\\n');
       process.stdin.on('end', () => s.stop().then(() => process.exit(0)));
       process.stdin.resume();`,
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  const first = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once('line', resolve);
    child.once('exit', (code) => reject(new Error(`dynalite child exited with ${code}`)));
  });
  const { endpoint } = JSON.parse(first) as { endpoint: string };
  return {
    endpoint,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

/** The program added between the two measured runs: a realistic regional support program. */
export function addedProgram(): Program {
  return {
    id: 'bench-added-program',
    title: '경상북도 소상공인 경영안정 지원',
    kind: 'support',
    agencyId: 'gyeongbuk',
    stages: ['startup', 'growth'],
    summary: '경상북도 소재 소상공인의 경영 안정을 지원합니다.',
    benefit: { description: '업체당 최대 200만 원', maxAmount: 2_000_000 },
    applyStart: '2026-01-02',
    applyEnd: '2026-12-31',
    howToApply: '',
    rule: {
      type: 'all',
      rules: [{ type: 'region', op: 'in', codes: ['47'] }, { type: 'smallBusiness' }, { type: 'operating' }],
    },
    examples: { mustMatch: [], mustNotMatch: [] },
    status: 'open',
    version: 1,
  };
}

const perSecond = (rows: number, seconds: number): number => Math.round(rows / Math.max(seconds, 0.001));

/**
 * Batch through the store: one worker (one segment at a time) against a local DynamoDB (dynalite) holding
 * `businesses` businesses and the real catalog. Three runs: the first (every business written), an unchanged
 * rerun (nothing written), and one after a program was added (only the changed written).
 */
export async function measureStoreThroughput(
  options: StoreThroughputOptions,
): Promise<StoreThroughputResult> {
  const log = options.log ?? (() => {});
  const asOf = options.asOf ?? '2026-06-01';
  const server = await startDynaliteChild();
  const client = createDynamoClient({ endpoint: server.endpoint });
  try {
    const tableName = 'bench-store';
    await ensureTable(client, tableName, { pollMs: 20 });
    const doc = toDocumentClient(client);
    const repos = createRepositories(doc, tableName);
    const catalog = loadCatalog();
    for (const p of catalog.programs) await repos.programs.create(p);
    for (const d of catalog.disasters) await repos.disasters.create(d);

    const seedStarted = performance.now();
    const chunk = 5000;
    for (let start = 0; start < options.businesses; start += chunk) {
      await repos.businesses.createMany(options.generate(start, Math.min(chunk, options.businesses - start)));
      log(`store bench: seeded ${Math.min(start + chunk, options.businesses)}/${options.businesses}`);
    }
    const storeSeedSeconds = (performance.now() - seedStarted) / 1000;

    const runtime = (): BatchRuntime => ({
      ...repos,
      runs: createRunRepository(doc, tableName),
      blobs: new MemoryBlobStore(),
      sink: new CountingSink(),
      clock: () => new Date(`${asOf}T03:00:00Z`),
      evaluatorFor: createColumnarEvaluator,
      pageSize: 1000,
      estimateRows: async () => options.businesses,
    });
    const run = async (label: string): Promise<RunSummary & { cpuMicrosPerBusiness: number }> => {
      const cpu = process.cpuUsage();
      const summary = await runAllSegments(runtime(), { asOf, segments: 1, concurrency: 1 });
      const used = process.cpuUsage(cpu);
      // The worker's own CPU (this process; the database runs in the child): what a Lambda worker would spend.
      const cpuMicrosPerBusiness =
        Math.round(((used.user + used.system) / Math.max(summary.rowsScanned, 1)) * 10) / 10;
      log(
        `store bench: ${label}: ${summary.rowsScanned} rows, ${summary.changed} written, ${summary.seconds}s, ${perSecond(summary.rowsScanned, summary.seconds)} rows/s, worker CPU ${cpuMicrosPerBusiness} µs/business`,
      );
      return { ...summary, cpuMicrosPerBusiness };
    };

    const first = await run('first run');
    const unchanged = await run('unchanged rerun');
    await repos.programs.create(addedProgram());
    const added = await run('one program added');
    return {
      storeBusinesses: options.businesses,
      storePrograms: first.programs,
      storeSeedSeconds: Math.round(storeSeedSeconds * 10) / 10,
      storeBusinessesPerSecond: perSecond(added.rowsScanned, added.seconds),
      storeFirstRunBusinessesPerSecond: perSecond(first.rowsScanned, first.seconds),
      storeUnchangedBusinessesPerSecond: perSecond(unchanged.rowsScanned, unchanged.seconds),
      changedWriteRatio: Math.round((added.changed / Math.max(added.rowsScanned, 1)) * 10_000) / 10_000,
      storeUnchangedWrites: unchanged.changed,
      storeWorkerCpuMicrosPerBusiness: added.cpuMicrosPerBusiness,
      storeFirstRunWorkerCpuMicrosPerBusiness: first.cpuMicrosPerBusiness,
    };
  } finally {
    client.destroy();
    await server.stop();
  }
}

/** The synthetic population (shared/src/synthetic) as stored businesses; every tenth one claimed by an owner. */
export function syntheticStoredBusinesses(
  asOf: string,
  seed = 2024,
): (start: number, count: number) => NewBusiness[] {
  const make = createGenerator({ seed, asOf });
  return (start, count) =>
    Array.from({ length: count }, (_, k) => {
      const profile = make(start + k);
      return {
        profile,
        registryStatus: registryStatusOf(profile, asOf),
        ...((start + k) % 10 === 0 ? { ownerId: `bench-owner-${(start + k) % 5000}` } : {}),
      };
    });
}

/** Standalone: `tsx functions/src/bench/store-throughput.ts [--quick] [--businesses N]`; JSON on stdout. */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean' }, businesses: { type: 'string' } } });
  const businesses = values.businesses ? Number(values.businesses) : values.quick ? 5000 : 200_000;
  const asOf = '2026-06-01';
  const result = await measureStoreThroughput({
    businesses,
    asOf,
    generate: syntheticStoredBusinesses(asOf),
    log: (line) => process.stderr.write(`${line}\n`),
  });
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
