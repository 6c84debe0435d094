import { type BusinessRepository, ConflictError, type Program } from '@sbiz24/shared';
import { addCounts, emptyCounts, type SegmentCounts } from '@sbiz24/shared/recompute/types';
import { describe, expect, it } from 'vitest';
import { MemoryBlobStore } from '../services/blob-store';
import { segmentPartKey } from '../services/snapshot-keys';
import { brnOf, business, regionProgram, ruleEvaluator } from '../testing/fixtures';
import { MemoryOutbox } from '../testing/memory-outbox';
import {
  createMemoryBusinessRepository,
  createMemoryNotificationRepository,
} from '../testing/memory-repositories';
import { MemoryRunRepository } from '../testing/memory-run-repository';
import { DirectNotifierSink, MemoryEventSink } from './event-sinks';
import { matchHash } from './match-hash';
import { runSegment, type SegmentWorkerDeps } from './segment-worker';

const clock = () => new Date('2025-03-01T00:00:00Z');
const SEOUL = '11110';
const BUSAN = '26110';

async function setup(count = 30) {
  const businesses = createMemoryBusinessRepository(clock);
  const all = Array.from({ length: count }, (_, i) =>
    business(i, i % 2 === 0 ? SEOUL : BUSAN, i % 3 === 0 ? `user-${i}` : undefined),
  );
  await businesses.createMany(all);
  const deps: SegmentWorkerDeps = {
    businesses,
    runs: new MemoryRunRepository(),
    sink: new MemoryEventSink(),
    blobs: new MemoryBlobStore(),
    clock,
    pageSize: 4,
  };
  return { deps, businesses, sink: deps.sink as MemoryEventSink };
}

const compiledFor = (programs: Program[]) => ({ programs, evaluator: ruleEvaluator(programs) });
const task = (runId: string, segment = 0, totalSegments = 1) => ({
  runId,
  segment,
  totalSegments,
  asOf: '2025-03-01',
});

describe('runSegment', () => {
  it('writes every business on the first run and emits new-match events for claimed ones only', async () => {
    const { deps, businesses, sink } = await setup();
    const programs = [regionProgram('seoul-a', ['11']), regionProgram('all-b', ['11', '26'])];

    const result = await runSegment(deps, task('r1'), compiledFor(programs));

    expect(result.done).toBe(true);
    expect(result.counts.scanned).toBe(30);
    expect(result.counts.changed).toBe(30);
    const seoul = await businesses.get(brnOf(0));
    expect(seoul?.matchIds).toEqual(['all-b', 'seoul-a']);
    expect(seoul?.matchHash).toBe(matchHash(['all-b', 'seoul-a']));
    const claimed = Array.from({ length: 30 }, (_, i) => i).filter((i) => i % 3 === 0);
    const expectedEvents = claimed.reduce((n, i) => n + (i % 2 === 0 ? 2 : 1), 0);
    expect(sink.events).toHaveLength(expectedEvents);
    expect(sink.events.every((e) => e.ownerId.startsWith('user-') && e.reason === 'new-match')).toBe(true);
  });

  it('puts the amount on the new-match events of a rapid-payment program, by damage kind, and only there', async () => {
    const businesses = createMemoryBusinessRepository(clock);
    // Business 0 (Seoul, claimed) had flooding confirmed last; business 3 (Busan, claimed) no damage kind.
    const all = Array.from({ length: 6 }, (_, i) =>
      business(i, i % 2 === 0 ? SEOUL : BUSAN, i % 3 === 0 ? `user-${i}` : undefined),
    );
    all[0]!.profile.disasterDamage = [
      { disasterId: 'd-1', confirmedOn: '2025-02-10', kind: 'flooding' },
      { disasterId: 'd-1', confirmedOn: '2025-02-01', kind: 'fire' },
    ];
    await businesses.createMany(all);
    const sink = new MemoryEventSink();
    const deps: SegmentWorkerDeps = {
      businesses,
      runs: new MemoryRunRepository(),
      sink,
      blobs: new MemoryBlobStore(),
      clock,
      pageSize: 4,
    };
    const rapid = regionProgram('rapid', ['11', '26'], {
      kind: 'disaster-relief',
      applyEnd: '2025-03-31',
      application: {
        fields: [],
        documents: [],
        rapidPayment: { amountWon: 3_000_000, byDamageKind: { flooding: 5_000_000 } },
      },
    } as Partial<Program>);
    const ordinary = regionProgram('plain', ['11', '26']);

    await runSegment(deps, task('r1'), compiledFor([rapid, ordinary]));

    const of = (brn: string, programId: string) =>
      sink.events.find((e) => e.brn === brn && e.programId === programId);
    expect(of(brnOf(0), 'rapid')).toMatchObject({
      reason: 'new-match',
      rapidPayment: { amountWon: 5_000_000, tradeName: '가게0' },
    });
    expect(of(brnOf(3), 'rapid')).toMatchObject({
      reason: 'new-match',
      rapidPayment: { amountWon: 3_000_000, tradeName: '가게3' },
    });
    expect(of(brnOf(0), 'plain')).toBeDefined();
    expect(of(brnOf(0), 'plain')?.rapidPayment).toBeUndefined();
    expect(of(brnOf(3), 'plain')?.rapidPayment).toBeUndefined();
    // Unclaimed businesses are not notified at all.
    expect(sink.events.every((e) => e.ownerId)).toBe(true);
    expect(sink.events).toHaveLength(4);

    // A later run finds nothing new: no second notice (the deadline reminders never carry the amount).
    sink.events.length = 0;
    await runSegment(deps, { ...task('r2'), asOf: '2025-03-24' }, compiledFor([rapid, ordinary]));
    expect(sink.events.filter((e) => e.reason === 'new-match')).toHaveLength(0);
    expect(sink.events.length).toBeGreaterThan(0);
    expect(sink.events.every((e) => e.rapidPayment === undefined)).toBe(true);
  });

  it("notifies a rapid program's new match in the inbox with the amount, the ordinary program's without", async () => {
    const businesses = createMemoryBusinessRepository(clock);
    const one = business(0, SEOUL, 'owner-0');
    one.profile.disasterDamage = [{ disasterId: 'd-1', confirmedOn: '2025-02-10', kind: 'fire' }];
    await businesses.create(one);
    const notifications = createMemoryNotificationRepository();
    const outbox = new MemoryOutbox();
    const deps: SegmentWorkerDeps = {
      businesses,
      runs: new MemoryRunRepository(),
      sink: new DirectNotifierSink({ notifications, outbox, clock }),
      blobs: new MemoryBlobStore(),
      clock,
    };
    const rapid = regionProgram('rapid', ['11'], {
      kind: 'disaster-relief',
      title: '산불 피해 신속지원금',
      application: {
        fields: [],
        documents: [],
        rapidPayment: { amountWon: 2_000_000, byDamageKind: { fire: 4_000_000 } },
      },
    } as Partial<Program>);

    await runSegment(deps, task('r1'), compiledFor([rapid, regionProgram('plain', ['11'])]));

    const items = (await notifications.list('owner-0')).items;
    const notice = items.find((n) => n.programId === 'rapid')!;
    expect(notice).toMatchObject({ kind: 'disaster', rapid: { amountWon: 4_000_000, tradeName: '가게0' } });
    expect(notice.title).toBe('재난지원금 400만원 신속지급 대상입니다: 산불 피해 신속지원금');
    expect(notice.body).toContain(
      "가게0은 「산불 피해 신속지원금」 신속지급 대상입니다. 받으실 금액은 400만원입니다. '신청하기'",
    );
    const plain = items.find((n) => n.programId === 'plain')!;
    expect(plain).toMatchObject({ kind: 'new-match' });
    expect(plain.rapid).toBeUndefined();
    expect(plain.title).toBe('새로 신청할 수 있는 지원사업: plain 지원사업');
    expect((await outbox.list('owner-0')).find((m) => m.programId === 'rapid')?.rapidAmountWon).toBe(
      4_000_000,
    );
  });

  it('changes nothing and emits nothing when rerun in a new run', async () => {
    const { deps, sink } = await setup();
    const compiled = compiledFor([regionProgram('seoul-a', ['11'])]);
    await runSegment(deps, task('r1'), compiled);
    sink.events.length = 0;

    const second = await runSegment(deps, task('r2'), compiled);

    expect(second.counts).toMatchObject({ scanned: 30, changed: 0, newMatches: 0 });
    expect(sink.events).toHaveLength(0);
  });

  it('writes only the businesses whose match set changed when a program is added', async () => {
    const { deps, sink } = await setup();
    await runSegment(deps, task('r1'), compiledFor([regionProgram('seoul-a', ['11'])]));
    sink.events.length = 0;

    const second = await runSegment(
      deps,
      task('r2'),
      compiledFor([regionProgram('seoul-a', ['11']), regionProgram('busan-b', ['26'])]),
    );

    expect(second.counts.changed).toBe(15);
    expect(sink.events.map((e) => e.programId)).toEqual(Array(5).fill('busan-b'));
  });

  it('is a no-op for a segment already done in the same run', async () => {
    const { deps, sink } = await setup();
    const compiled = compiledFor([regionProgram('seoul-a', ['11'])]);
    const first = await runSegment(deps, task('r1'), compiled);
    sink.events.length = 0;

    const again = await runSegment(deps, task('r1'), compiled);

    expect(again).toEqual(first);
    expect(sink.events).toHaveLength(0);
  });

  it('resumes from its checkpoint after stopping and ends where an uninterrupted run ends', async () => {
    const programs = [regionProgram('seoul-a', ['11']), regionProgram('all-b', ['11', '26'])];
    const a = await setup();
    let pages = 0;
    const stopped = await runSegment(a.deps, task('r1'), compiledFor(programs), {
      shouldStop: () => ++pages >= 3,
    });
    expect(stopped.done).toBe(false);
    expect(stopped.pages).toBe(3);
    const resumed = await runSegment(a.deps, task('r1'), compiledFor(programs));
    const b = await setup();
    const straight = await runSegment(b.deps, task('r1'), compiledFor(programs));

    expect(resumed.counts).toEqual(straight.counts);
    for (let i = 0; i < 30; i++) {
      expect((await a.businesses.get(brnOf(i)))?.matchIds).toEqual(
        (await b.businesses.get(brnOf(i)))?.matchIds,
      );
    }
    const partA = await a.deps.blobs.get(segmentPartKey('r1', 0));
    const partB = await b.deps.blobs.get(segmentPartKey('r1', 0));
    expect(partA).toEqual(partB);
    expect(await a.deps.blobs.list('runs/r1/pages/')).toEqual([]);
  });

  it("reports each page's counts, so that the pages of a stopped and a resumed invocation add up to the segment's", async () => {
    const programs = [regionProgram('seoul-a', ['11']), regionProgram('all-b', ['11', '26'])];
    const { deps } = await setup();
    const seen: { rows: number; counts: SegmentCounts }[] = [];
    const onPage = (rows: number, counts: SegmentCounts) => seen.push({ rows, counts });
    let pages = 0;
    await runSegment(deps, task('r1'), compiledFor(programs), { shouldStop: () => ++pages >= 3, onPage });
    expect(seen).toHaveLength(3);
    const result = await runSegment(deps, task('r1'), compiledFor(programs), { onPage });

    expect(seen).toHaveLength(8);
    expect(seen.every(({ rows, counts }) => rows === counts.scanned && rows <= 4)).toBe(true);
    expect(seen.map((p) => p.counts).reduce(addCounts, emptyCounts())).toEqual(result.counts);
    expect(result.counts).toMatchObject({ scanned: 30, changed: 30 });
  });

  it('keeps a concurrent owner edit and recomputes that business from the fresh profile', async () => {
    const { deps, businesses } = await setup(6);
    const target = brnOf(2);
    let raced = false;
    // The owner moves the business to Busan between the scan and the batch's write.
    const racing: BusinessRepository = {
      ...businesses,
      async putMatchesMany(writes) {
        if (writes.some((w) => w.brn === target) && !raced) {
          raced = true;
          const current = (await businesses.get(target))!;
          await businesses.updateProfile(target, { ...current.profile, regionCode: BUSAN }, current.version);
        }
        return businesses.putMatchesMany(writes);
      },
    };

    const result = await runSegment(
      { ...deps, businesses: racing },
      task('r1'),
      compiledFor([regionProgram('seoul-a', ['11']), regionProgram('busan-b', ['26'])]),
    );

    const stored = await businesses.get(target);
    expect(stored?.profile.regionCode).toBe(BUSAN);
    expect(stored?.version).toBe(2);
    expect(stored?.matchIds).toEqual(['busan-b']);
    expect(result.counts.conflicts).toBe(1);
    expect(result.counts.changed).toBe(6);
  });

  it('gives up on a business after bounded retries and leaves it for the next run', async () => {
    const { deps, businesses } = await setup(2);
    // Every write of brnOf(0) finds another version, in the batch and on each retry alike.
    const alwaysConflicting: BusinessRepository = {
      ...businesses,
      async putMatchesMany(writes) {
        const { conflicts } = await businesses.putMatchesMany(writes.filter((w) => w.brn !== brnOf(0)));
        return { conflicts: [...conflicts, ...writes.filter((w) => w.brn === brnOf(0)).map((w) => w.brn)] };
      },
      async putMatches(brn) {
        if (brn === brnOf(0)) throw new ConflictError('race', 'VERSION_CONFLICT');
      },
    };

    const result = await runSegment(
      { ...deps, businesses: alwaysConflicting, maxConflictRetries: 2 },
      task('r1'),
      compiledFor([regionProgram('seoul-a', ['11'])]),
    );

    expect(result.done).toBe(true);
    expect(result.counts.conflicts).toBe(1);
    expect(result.counts.changed).toBe(1);
  });

  it('counts every business once per matched program across pages', async () => {
    const { deps } = await setup();
    await runSegment(
      deps,
      task('r1'),
      compiledFor([regionProgram('seoul-a', ['11']), regionProgram('all-b', ['11', '26'])]),
    );

    const cp = await deps.runs.getCheckpoint('r1', 0);

    expect(cp?.programCounts).toEqual({ 'seoul-a': 15, 'all-b': 30 });
  });

  it('splits the table between segments without overlap', async () => {
    const { deps } = await setup();
    const compiled = compiledFor([regionProgram('all-b', ['11', '26'])]);
    const results = await Promise.all([0, 1, 2].map((s) => runSegment(deps, task('r1', s, 3), compiled)));

    expect(results.reduce((n, r) => n + r.counts.scanned, 0)).toBe(30);
  });
});
