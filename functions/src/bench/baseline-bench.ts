/**
 * Item 2: the same rules and a sample of the same businesses through json-logic-js and json-rules-engine,
 * their answers checked against ours, timed, and extrapolated to the whole job.
 */
import { asBusinessProfile } from '@sbiz24/shared/columnar/derived';
import { fullMatch, matchesOf } from '@sbiz24/shared/columnar/full-match';
import { decodeRow } from '@sbiz24/shared/columnar/rows';
import { buildSnapshot, type Snapshot } from '@sbiz24/shared/columnar/snapshot';
import { type BaselineContext, factsOf } from './baseline-ir';
import type { BenchProgram } from './programs';
import { applyJsonLogic, toJsonLogic } from './translate-json-logic';
import { rulesEngineFor, runRulesEngine } from './translate-rules-engine';

export interface BaselineOptions {
  snapshot: Snapshot;
  programs: readonly BenchProgram[];
  ctx: BaselineContext;
  jsonLogicSample: number;
  rulesEngineSample: number;
  /** Cores the whole job may use: the extrapolation assumes the libraries would use them all perfectly. */
  cores: number;
  log: (line: string) => void;
}

export interface BaselineResult {
  jsonLogicPairsPerSecond: number;
  jsonRulesEnginePairsPerSecond: number;
  /** The whole job (businesses × programs) at those rates on all cores, in seconds. */
  jsonLogicSeconds: number;
  jsonRulesEngineSeconds: number;
  jsonLogicSample: number;
  jsonRulesEngineSample: number;
}

/** Businesses spread evenly over the snapshot, as plain profiles. */
function sampleRows(snapshot: Snapshot, n: number) {
  return Array.from({ length: Math.min(n, snapshot.rows) }, (_, i) =>
    decodeRow(snapshot, Math.floor((i * snapshot.rows) / Math.min(n, snapshot.rows))),
  );
}

class DisagreementError extends Error {}

export async function measureBaselines(o: BaselineOptions): Promise<BaselineResult> {
  const { programs, ctx } = o;
  const rows = sampleRows(o.snapshot, Math.max(o.jsonLogicSample, o.rulesEngineSample));
  // Our answers for the sample: the columnar full match over the same businesses.
  const sampleSnapshot = buildSnapshot(
    rows.map((r) =>
      asBusinessProfile({
        ...r,
        disasterDamage: r.disasterDamage.map((d) => ({ ...d, confirmedOn: ctx.asOf })),
      }),
    ),
  );
  const ours = fullMatch(sampleSnapshot, programs, ctx);
  const expected = rows.map((_, i) => matchesOf(ours, i));
  const jobPairs = o.snapshot.rows * programs.length;

  const logic = programs.map((p) => ({ id: p.id, logic: toJsonLogic(p.rule, ctx) }));
  const logicRows = rows.slice(0, o.jsonLogicSample);
  const logicAnswers: string[][] = [];
  let started = performance.now();
  for (const row of logicRows) {
    const facts = factsOf(row, ctx);
    const matched: string[] = [];
    for (const p of logic) if (applyJsonLogic(p.logic, facts)) matched.push(p.id);
    logicAnswers.push(matched);
  }
  const logicSeconds = (performance.now() - started) / 1000;
  logicAnswers.forEach((m, i) => {
    if (m.sort().join() !== expected[i]!.join())
      throw new DisagreementError(`json-logic-js disagrees on sample business ${i}: ${m} vs ${expected[i]}`);
  });
  const jsonLogicPairsPerSecond = (logicRows.length * programs.length) / logicSeconds;
  o.log(`json-logic-js: ${logicRows.length} × ${programs.length} in ${logicSeconds.toFixed(2)} s, agrees`);

  const engine = rulesEngineFor(programs, ctx);
  const engineRows = rows.slice(0, o.rulesEngineSample);
  const engineAnswers: string[][] = [];
  started = performance.now();
  for (const row of engineRows) engineAnswers.push(await runRulesEngine(engine, factsOf(row, ctx)));
  const engineSeconds = (performance.now() - started) / 1000;
  engineAnswers.forEach((m, i) => {
    if (m.join() !== expected[i]!.join())
      throw new DisagreementError(
        `json-rules-engine disagrees on sample business ${i}: ${m} vs ${expected[i]}`,
      );
  });
  const jsonRulesEnginePairsPerSecond = (engineRows.length * programs.length) / engineSeconds;
  o.log(
    `json-rules-engine: ${engineRows.length} × ${programs.length} in ${engineSeconds.toFixed(2)} s, agrees`,
  );

  return {
    jsonLogicPairsPerSecond,
    jsonRulesEnginePairsPerSecond,
    jsonLogicSeconds: jobPairs / jsonLogicPairsPerSecond / o.cores,
    jsonRulesEngineSeconds: jobPairs / jsonRulesEnginePairsPerSecond / o.cores,
    jsonLogicSample: logicRows.length,
    jsonRulesEngineSample: engineRows.length,
  };
}
