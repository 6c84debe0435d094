import {
  type BusinessRepository,
  ConflictError,
  type Page,
  type Program,
  type StoredBusiness,
} from '@sbiz24/shared';
import { latestDamageKind, rapidPaymentAmount, rapidPaymentOf } from '@sbiz24/shared/application/settings';
import {
  addCounts,
  type BlobStore,
  emptyCounts,
  type MatchEvent,
  type MatchEventSink,
  type PageEvaluator,
  type RunRepository,
  type SegmentCheckpoint,
  type SegmentCounts,
  type SegmentResult,
  type SegmentTask,
} from '@sbiz24/shared/recompute/types';
import { MAX_MATCH_WRITES } from '@sbiz24/shared/repositories';
import { pagePartKey, segmentPartKey } from '../services/snapshot-keys';
import { reminderDue } from './deadline-reminders';
import { mapLimit } from './map-limit';
import { matchHash, newlyMatched } from './match-hash';

export interface SegmentWorkerDeps {
  businesses: BusinessRepository;
  runs: RunRepository;
  sink: MatchEventSink;
  blobs: BlobStore;
  clock: () => Date;
  /** Items per scan page (DynamoDB also stops a page at 1 MB). @default 500 */
  pageSize?: number;
  /** Batches of conditional writes (up to 100 businesses each, one request) in flight at once. @default 4 */
  writeConcurrency?: number;
  /** Times a business is re-read and recomputed after a concurrent edit before it is left to the next run. @default 3 */
  maxConflictRetries?: number;
}

/** The run's programs, compiled once per invocation. */
export interface CompiledRun {
  programs: readonly Program[];
  evaluator: PageEvaluator;
}

export interface SegmentRunOptions {
  /** Asked after every page; true stops the worker (checkpoint kept) so that another invocation resumes. */
  shouldStop?: () => boolean;
  /**
   * Called after every page, once its checkpoint is stored, with the rows of that page and what the page did
   * (the Lambda handler sums them into the invocation's metrics; the local runner draws its progress bar).
   */
  onPage?: (rows: number, counts: SegmentCounts) => void;
}

/**
 * Recomputes one parallel-scan segment: page by page, evaluates every business against the run's programs,
 * writes only changed match sets (conditional on the profile version), emits new-match and deadline events
 * for claimed businesses, writes the page's snapshot part and a checkpoint. Resumes from the checkpoint;
 * a finished segment is a no-op, and a rerun in a new run writes and emits nothing when nothing changed.
 *
 * Events are sent before the page's writes, so a crash between the two re-sends them on resume (the
 * notifier's dedupe key makes that harmless) instead of losing them.
 */
export async function runSegment(
  deps: SegmentWorkerDeps,
  task: SegmentTask,
  compiled: CompiledRun,
  options: SegmentRunOptions = {},
): Promise<SegmentResult> {
  const pageSize = deps.pageSize ?? 500;
  const programsById = new Map(compiled.programs.map((p) => [p.id, p]));
  let cp: SegmentCheckpoint = (await deps.runs.getCheckpoint(task.runId, task.segment)) ?? {
    runId: task.runId,
    segment: task.segment,
    totalSegments: task.totalSegments,
    pages: 0,
    done: false,
    counts: emptyCounts(),
    programCounts: {},
    updatedAt: deps.clock().toISOString(),
  };
  if (cp.totalSegments !== task.totalSegments) {
    throw new RangeError(
      `segment ${task.segment}: checkpoint has ${cp.totalSegments} segments, task ${task.totalSegments}`,
    );
  }

  const scan = (cursor: string | undefined) =>
    deps.businesses.scanSegment(task.segment, task.totalSegments, cursor, pageSize);
  // The next page is read while this one is evaluated and written: the scan's latency is hidden.
  let prefetched: Promise<Page<StoredBusiness>> | undefined;
  while (!cp.done) {
    const scanFinished = cp.pages > 0 && cp.cursor === undefined;
    if (scanFinished) {
      cp = await finishSegment(deps, compiled.evaluator, cp);
      break;
    }
    const page = await (prefetched ?? scan(cp.cursor));
    prefetched = page.cursor === undefined ? undefined : scan(page.cursor);
    // A stop before it is used must not leave an unhandled rejection behind.
    prefetched?.catch(() => {});
    const partKey = pagePartKey(task.runId, task.segment, cp.pages);
    const outcome = await processPage(deps, task, compiled, programsById, page.items, (part) =>
      deps.blobs.put(partKey, part),
    );
    const programCounts = { ...cp.programCounts };
    for (const ids of outcome.matches) for (const id of ids) programCounts[id] = (programCounts[id] ?? 0) + 1;
    cp = {
      ...cp,
      pages: cp.pages + 1,
      cursor: page.cursor,
      counts: addCounts(cp.counts, outcome.counts),
      programCounts,
      updatedAt: deps.clock().toISOString(),
    };
    await deps.runs.putCheckpoint(cp);
    options.onPage?.(page.items.length, outcome.counts);
    if (cp.cursor !== undefined && options.shouldStop?.()) break;
  }
  return { runId: task.runId, segment: task.segment, counts: cp.counts, pages: cp.pages, done: cp.done };
}

/** Joins the segment's page parts into one snapshot part, then marks the segment done. */
async function finishSegment(
  deps: SegmentWorkerDeps,
  evaluator: PageEvaluator,
  cp: SegmentCheckpoint,
): Promise<SegmentCheckpoint> {
  const parts: Uint8Array[] = [];
  for (let page = 0; page < cp.pages; page++) {
    const bytes = await deps.blobs.get(pagePartKey(cp.runId, cp.segment, page));
    if (!bytes) throw new Error(`segment ${cp.segment}: snapshot part of page ${page} is missing`);
    parts.push(bytes);
  }
  const snapshotKey = segmentPartKey(cp.runId, cp.segment);
  await deps.blobs.put(snapshotKey, evaluator.concat(parts));
  const done: SegmentCheckpoint = { ...cp, done: true, snapshotKey, updatedAt: deps.clock().toISOString() };
  await deps.runs.putCheckpoint(done);
  for (let page = 0; page < cp.pages; page++)
    await deps.blobs.delete(pagePartKey(cp.runId, cp.segment, page));
  return done;
}

interface PageOutcome {
  /** Final match set per business (after conflict retries). */
  matches: string[][];
  part: Uint8Array;
  counts: SegmentCounts;
}

async function processPage(
  deps: SegmentWorkerDeps,
  task: SegmentTask,
  compiled: CompiledRun,
  programsById: ReadonlyMap<string, Program>,
  items: StoredBusiness[],
  putPart: (part: Uint8Array) => Promise<void>,
): Promise<PageOutcome> {
  const counts = { ...emptyCounts(), scanned: items.length };
  const { matches, part } = compiled.evaluator.evaluate(items);
  // The part is stored while the matches are written; both are done before the checkpoint.
  const stored = putPart(part);
  stored.catch(() => {});
  const events: MatchEvent[] = [];
  const toWrite: { business: StoredBusiness; ids: string[]; hash: string; index: number }[] = [];
  for (const [index, business] of items.entries()) {
    const ids = matches[index] ?? [];
    const hash = matchHash(ids);
    events.push(...eventsFor(business, ids, programsById, task));
    if (hash !== business.matchHash) toWrite.push({ business, ids, hash, index });
  }
  counts.newMatches += events.filter((e) => e.reason === 'new-match').length;
  counts.reminders += events.length - counts.newMatches;
  if (events.length > 0) await deps.sink.send(events);

  const matchedAt = deps.clock().toISOString();
  const finalMatches = matches.map((m) => m ?? []);
  // Many results per request (one transaction, each write on its own version), a few requests in flight: a
  // first run writes every business, and one round trip each was most of its time and CPU.
  const batches: (typeof toWrite)[] = [];
  for (let i = 0; i < toWrite.length; i += MAX_MATCH_WRITES)
    batches.push(toWrite.slice(i, i + MAX_MATCH_WRITES));
  await mapLimit(batches, deps.writeConcurrency ?? 4, async (batch) => {
    const { conflicts } = await deps.businesses.putMatchesMany(
      batch.map(({ business, ids, hash }) => ({
        brn: business.profile.brn,
        result: { matchIds: ids, matchHash: hash, matchedAt },
        expectedVersion: business.version,
      })),
    );
    const conflicted = new Set(conflicts);
    counts.changed += batch.length - conflicted.size;
    for (const { business, index } of batch) {
      if (!conflicted.has(business.profile.brn)) continue;
      counts.conflicts += 1;
      const retried = await recomputeAfterConflict(
        deps,
        task,
        compiled,
        programsById,
        business.profile.brn,
        matchedAt,
      );
      if (retried) {
        finalMatches[index] = retried.ids;
        counts.changed += retried.written ? 1 : 0;
        counts.newMatches += retried.newMatches;
        counts.reminders += retried.reminders;
      }
    }
  });
  await stored;
  return { matches: finalMatches, part, counts };
}

/**
 * A concurrent owner edit bumped the version between the scan and the write: the owner's edit stands; re-read
 * the business, recompute its matches from the fresh profile and write again (bounded retries).
 */
async function recomputeAfterConflict(
  deps: SegmentWorkerDeps,
  task: SegmentTask,
  compiled: CompiledRun,
  programsById: ReadonlyMap<string, Program>,
  brn: string,
  matchedAt: string,
): Promise<{ ids: string[]; written: boolean; newMatches: number; reminders: number } | undefined> {
  const attempts = deps.maxConflictRetries ?? 3;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const fresh = await deps.businesses.get(brn);
    if (!fresh) return undefined;
    const ids = compiled.evaluator.evaluate([fresh]).matches[0] ?? [];
    const hash = matchHash(ids);
    const events = eventsFor(fresh, ids, programsById, task);
    if (events.length > 0) await deps.sink.send(events);
    const newMatches = events.filter((e) => e.reason === 'new-match').length;
    const reminders = events.length - newMatches;
    if (hash === fresh.matchHash) return { ids, written: false, newMatches, reminders };
    try {
      await deps.businesses.putMatches(brn, { matchIds: ids, matchHash: hash, matchedAt }, fresh.version);
      return { ids, written: true, newMatches, reminders };
    } catch (e) {
      if (!(e instanceof ConflictError)) throw e;
    }
  }
  // Still racing an editor: leave it to the next run (the owner's on-read matches are always current).
  return undefined;
}

/** New-match events for programs the business did not match before; deadline reminders for the others. */
function eventsFor(
  business: StoredBusiness,
  ids: readonly string[],
  programsById: ReadonlyMap<string, Program>,
  task: SegmentTask,
): MatchEvent[] {
  if (!business.ownerId || ids.length === 0) return [];
  const fresh = new Set(newlyMatched(business.matchIds, ids));
  const events: MatchEvent[] = [];
  for (const id of ids) {
    const program = programsById.get(id);
    if (!program) continue;
    // A program newly matched today is announced once (with its deadline); reminders start from the next run.
    const reason = fresh.has(id) ? 'new-match' : reminderDue(program.applyEnd, task.asOf);
    if (!reason) continue;
    // A rapid-payment program's notice says the amount, from the damage confirmed on the profile just read.
    const rapid = reason === 'new-match' ? rapidPaymentOf(program) : undefined;
    events.push({
      reason,
      brn: business.profile.brn,
      ownerId: business.ownerId,
      programId: id,
      programTitle: program.title,
      programKind: program.kind,
      ...(program.applyEnd ? { applyEnd: program.applyEnd } : {}),
      ...(rapid
        ? {
            rapidPayment: {
              amountWon: rapidPaymentAmount(rapid, latestDamageKind(business.profile)),
              tradeName: business.profile.tradeName,
            },
          }
        : {}),
      runId: task.runId,
      asOf: task.asOf,
    });
  }
  return events;
}
