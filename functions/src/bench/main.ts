/**
 * `npm run bench [-- --quick]`: the national-scale benchmarks of issue 5, each in its own module, on this
 * machine. Progress goes to stderr; the last line on stdout is one JSON object of figures (null for a figure
 * not measured by this run). See docs/benchmarks.md.
 */
import { rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';
import { parseArgs } from 'node:util';
import { loadCatalog } from '@sbiz24/shared';
import { snapshotBytes } from '@sbiz24/shared/columnar/size';
import { generateSnapshot } from '../cli/snapshot/generate-parallel';
import { loadSnapshotFile, writeSnapshotFile } from '../cli/snapshot/snapshot-file';
import { measureAlertFanOut } from './alerts-bench';
import { measureApplications } from './application-bench';
import { measureBaselines } from './baseline-bench';
import { type FullMatchBenchResult, measureFullMatch } from './full-match-bench';
import { measurePreviews } from './preview-bench';
import { benchPrograms } from './programs';
import { measureRapidPayment, measureReliefEndToEnd } from './rapid-bench';
import { measureDamageImport } from './relief-bench';
import { measureStoreThroughput, syntheticStoredBusinesses } from './store-throughput';

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
const round = (x: number, digits = 2) => Math.round(x * 10 ** digits) / 10 ** digits;

function options() {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      businesses: { type: 'string' },
      programs: { type: 'string' },
      seed: { type: 'string', default: '1' },
      'as-of': { type: 'string', default: '2025-06-01' },
      workers: { type: 'string' },
      'preview-runs': { type: 'string' },
      'json-logic-sample': { type: 'string' },
      'rules-engine-sample': { type: 'string' },
      snapshot: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'store-businesses': { type: 'string' },
      applications: { type: 'string' },
      'app-programs': { type: 'string' },
      'queue-applications': { type: 'string' },
      'bulk-decisions': { type: 'string' },
      repeats: { type: 'string' },
      'alert-owners': { type: 'string' },
      'damage-rows': { type: 'string' },
      'rapid-applications': { type: 'string' },
      'relief-businesses': { type: 'string' },
      only: { type: 'string' },
    },
  });
  const parts = ['match', 'baselines', 'preview', 'store', 'applications', 'alerts', 'relief'] as const;
  const only = values.only === undefined ? [...parts] : values.only.split(',');
  const unknown = only.filter((p) => !(parts as readonly string[]).includes(p));
  if (unknown.length > 0) throw new Error(`--only takes ${parts.join(', ')}; not ${unknown.join(', ')}`);
  const quick = values.quick;
  const num = (v: string | undefined, full: number, small: number) =>
    v === undefined ? (quick ? small : full) : Number(v);
  const businesses = num(values.businesses, 6_000_000, 50_000);
  return {
    quick,
    only: values.only,
    businesses,
    programs: num(values.programs, 1_000, 100),
    seed: Number(values.seed),
    asOf: values['as-of'],
    workers: num(values.workers, availableParallelism(), availableParallelism()),
    previewRuns: num(values['preview-runs'], 50, 20),
    jsonLogicSample: num(values['json-logic-sample'], 1_000, 200),
    rulesEngineSample: num(values['rules-engine-sample'], 50, 10),
    snapshot: values.snapshot ?? `.data/bench-snapshot-${businesses}.bin`,
    keep: values.keep,
    storeBusinesses: num(values['store-businesses'], 200_000, 5_000),
    applications: num(values.applications, 100_000, 300),
    appPrograms: num(values['app-programs'], 1_000, 10),
    queueApplications: num(values['queue-applications'], 100_000, 300),
    bulkDecisions: num(values['bulk-decisions'], 10_000, 100),
    alertOwners: num(values['alert-owners'], 100_000, 1_000),
    damageRows: num(values['damage-rows'], 100_000, 1_000),
    rapidApplications: num(values['rapid-applications'], 10_000, 100),
    reliefBusinesses: num(values['relief-businesses'], 2_000, 200),
    // The rest of `npm start`'s default seed of 20,000 businesses.
    reliefOthers: quick ? 800 : 18_000,
    queueRuns: quick ? 50 : 200,
    repeats: num(values.repeats, 3, 3),
    run: (part: (typeof parts)[number]) => only.includes(part),
  };
}

async function main(): Promise<void> {
  const o = options();
  log(
    `${o.businesses.toLocaleString('en-US')} businesses × ${o.programs} programs, as of ${o.asOf}; ` +
      `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), ` +
      `${round(totalmem() / 2 ** 30, 1)} GiB, ${o.workers} workers`,
  );

  const loadBefore = loadavg().map((x) => round(x));
  const needSnapshot = o.run('match') || o.run('baselines') || o.run('preview');

  // 4. Snapshot: generation straight to a file, then a cold load of the file.
  let snapshotFigures = {};
  let match: FullMatchBenchResult | undefined;
  let matchFigures = {};
  let previewFigures = {};
  if (needSnapshot) {
    let started = performance.now();
    const generated = await generateSnapshot({
      businesses: o.businesses,
      seed: o.seed,
      asOf: o.asOf,
      workers: o.workers,
    });
    const fileBytes = await writeSnapshotFile(o.snapshot, generated, {
      kind: 'synthetic',
      seed: o.seed,
      asOf: o.asOf,
    });
    const snapshotGenSeconds = (performance.now() - started) / 1000;
    const memoryBytesPerBusiness = snapshotBytes(generated) / generated.rows;
    log(
      `snapshot: generated and written in ${round(snapshotGenSeconds)} s, ${fileBytes.toLocaleString('en-US')} bytes`,
    );
    started = performance.now();
    const { snapshot, bytes } = await loadSnapshotFile(o.snapshot, { shared: true });
    const snapshotLoadSeconds = (performance.now() - started) / 1000;
    log(`snapshot: loaded (read, checksum, decode) in ${round(snapshotLoadSeconds, 3)} s`);
    snapshotFigures = {
      snapshotBytesPerBusiness: round(fileBytes / snapshot.rows),
      businesses: snapshot.rows,
      snapshotLoadSeconds: round(snapshotLoadSeconds, 3),
      snapshotGenSeconds: round(snapshotGenSeconds),
      snapshotMemoryBytesPerBusiness: round(memoryBytesPerBusiness),
    };

    const { programs, disasters } = benchPrograms(o.programs, o.seed);
    const ctx = { asOf: o.asOf, disasters };

    // 1. Full match on all cores: the median of `repeats` runs, then one timed run for the breakdown.
    if (o.run('match')) {
      match = await measureFullMatch({
        bytes,
        rows: snapshot.rows,
        programs,
        ctx,
        workers: o.workers,
        runs: o.repeats,
      });
      log(
        `full match: ${round(match.fullMatchSeconds)} s (median of ${match.fullMatchRunsSeconds.map((x) => round(x)).join(', ')}) ` +
          `on ${match.workers} workers, ${Math.round(match.pairsPerSecond).toLocaleString('en-US')} pairs/s, ` +
          `${round(match.matchesPerBusiness, 1)} matches a business, ${match.distinctConditions} distinct conditions; ` +
          `timed run per worker: ${JSON.stringify(match.breakdown)}`,
      );
      matchFigures = {
        fullMatchSeconds: round(match.fullMatchSeconds, 3),
        fullMatchRunsSeconds: match.fullMatchRunsSeconds.map((x) => round(x, 3)),
        pairsPerSecond: Math.round(match.pairsPerSecond),
        fullMatchBreakdownMs: match.breakdown,
        programs: programs.length,
        matchesPerBusiness: round(match.matchesPerBusiness, 1),
        distinctConditions: match.distinctConditions,
        workers: match.workers,
      };
    }

    // 2. The same rules through json-logic-js and json-rules-engine on a sample, extrapolated.
    if (o.run('baselines')) {
      const baselines = await measureBaselines({
        snapshot,
        programs,
        ctx,
        jsonLogicSample: o.jsonLogicSample,
        rulesEngineSample: o.rulesEngineSample,
        cores: o.workers,
        log,
      });
      matchFigures = {
        ...matchFigures,
        ...(match
          ? {
              speedupVsJsonLogic: round(baselines.jsonLogicSeconds / match.fullMatchSeconds, 1),
              speedupVsJsonRulesEngine: round(baselines.jsonRulesEngineSeconds / match.fullMatchSeconds, 1),
            }
          : {}),
        jsonLogicExtrapolatedSeconds: round(baselines.jsonLogicSeconds, 1),
        jsonRulesEngineExtrapolatedSeconds: round(baselines.jsonRulesEngineSeconds, 1),
        jsonLogicSample: baselines.jsonLogicSample,
        jsonRulesEngineSample: baselines.jsonRulesEngineSample,
      };
    }

    // 3. Previews of draft rules over the whole snapshot, each scenario `repeats` times.
    if (o.run('preview')) {
      const warmRules = loadCatalog().programs.map((p) => p.rule);
      const previews = measurePreviews({
        snapshot,
        programs,
        warmRules,
        ctx,
        runs: o.previewRuns,
        repeats: o.repeats,
        log,
      });
      previewFigures = {
        previewP50Ms: previews.previewP50Ms,
        previewP99Ms: previews.previewP99Ms,
        previewSessionP50Ms: previews.previewSessionP50Ms,
        previewSessionP99Ms: previews.previewSessionP99Ms,
        previewColdP50Ms: previews.previewColdP50Ms,
        previewColdP99Ms: previews.previewColdP99Ms,
        previewRuns: previews.previewRuns,
      };
    }

    if (!o.keep) rmSync(o.snapshot, { force: true });
  }

  // 5. Batch through the store: one segment worker against dynalite (in a child process), the real catalog
  // on a date its programs are open, then the changed-write ratio after one program is added.
  let store = {};
  if (o.run('store')) {
    const storeAsOf = '2026-06-01';
    log(
      `store: ${o.storeBusinesses.toLocaleString('en-US')} businesses through dynalite, as of ${storeAsOf}`,
    );
    store = await measureStoreThroughput({
      businesses: o.storeBusinesses,
      asOf: storeAsOf,
      generate: syntheticStoredBusinesses(storeAsOf, o.seed),
      log: (line) => log(line),
    });
  }

  // 6. Applications (issue 12): submissions through the store, the staff queue, a bulk decision.
  let applications = {};
  if (o.run('applications')) {
    applications = await measureApplications({
      applications: o.applications,
      programs: o.appPrograms,
      queueApplications: o.queueApplications,
      bulk: o.bulkDecisions,
      queueRuns: o.queueRuns,
      log,
    });
  }

  // 7. Alerts (issue 14): one disaster notice fanned out to every owner, dispatched and sent (`--only alerts`).
  let alerts = {};
  if (o.run('alerts')) alerts = await measureAlertFanOut({ owners: o.alertOwners, log });

  // 8. Disaster relief (issue 13): a local government's damage list imported through the store; from a
  // declaration to every owner notified; one-click applications approved in bulk and the payment file.
  let relief = {};
  if (o.run('relief'))
    relief = {
      ...(await measureDamageImport({ rows: o.damageRows, seed: o.seed, log })),
      ...(await measureReliefEndToEnd({
        businesses: o.reliefBusinesses,
        others: o.reliefOthers,
        seed: o.seed,
        log,
      })),
      ...(await measureRapidPayment({ applications: o.rapidApplications, seed: o.seed, log })),
    };

  const figures = {
    ...matchFigures,
    ...previewFigures,
    ...snapshotFigures,
    ...store,
    ...applications,
    ...relief,
    ...alerts,
    repeats: o.repeats,
    loadAverageBefore: loadBefore,
    loadAverageAfter: loadavg().map((x) => round(x)),
  };
  process.stdout.write(`${JSON.stringify(figures)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
