import type { Program, Repositories } from '@sbiz24/shared';
import type { Application } from '@sbiz24/shared/application/index';
import { createApplicationService } from '../services/application-service';
import { createCatalogCache } from '../services/catalog-cache';
import { ensureTable } from '../store/create-table';
import { createDynamoClient, toDocumentClient } from '../store/dynamo-client';
import { createRepositories } from '../store/repositories';
import { addedProgram, startDynaliteChild } from './store-throughput';

export interface ApplicationBenchOptions {
  /** Applications submitted over `programs` programs (one business each). */
  applications: number;
  programs: number;
  /** Applications in the one program whose staff queue is read. */
  queueApplications: number;
  /** Applications decided in one bulk decision (from the queue program). */
  bulk: number;
  /** Reads of the queue's first page. @default 200 */
  queueRuns?: number;
  /** Requests in flight, as the API's containers would send them. @default 16 */
  concurrency?: number;
  log?: (line: string) => void;
}

export interface ApplicationBenchResult {
  appSubmitted: number;
  appPrograms: number;
  /** 통합신청 of one program each through the store (one transaction each), per worker. */
  appSubmitPerSecond: number;
  appQueueSize: number;
  /** The staff queue's first page (50, newest first) of one program. */
  appQueueP50Ms: number;
  appQueueP99Ms: number;
  /** The same, one status (GSI3). */
  appQueueStatusP50Ms: number;
  appQueueStatusP99Ms: number;
  appBulkDecisions: number;
  /** A bulk decision (start-review) through the application service, per worker. */
  appBulkDecisionsPerSecond: number;
}

const BRN_BASE = 1_000_000_000;

/** A realistically sized submitted application (profile snapshot, reasons, one timeline entry). */
function benchApplication(i: number, programId: string, at: string): Application {
  const brn = String(BRN_BASE + i);
  const reasons = Array.from({ length: 5 }, (_, j) => ({
    path: `rules.${j}`,
    type: 'region' as const,
    met: true,
    text: '사업장 소재지가 경상북도이어야 합니다 (현재 경상북도 포항시 남구)',
    textEn: 'the business must be in Gyeongsangbuk-do (now Pohang-si Nam-gu, Gyeongsangbuk-do)',
  }));
  return {
    id: `bench-app-${String(i).padStart(10, '0')}`,
    brn,
    ownerId: `bench-owner-${i}`,
    programId,
    agencyId: 'gyeongbuk',
    sido: i % 3 === 0 ? '11' : '47',
    stage: i % 2 === 0 ? 'growth' : 'startup',
    status: 'submitted',
    version: 1,
    submittedAt: at,
    updatedAt: at,
    answers: { plan: '온라인 판로를 넓히고 포장 설비를 바꾸려 합니다.', employees: 3 },
    documents: [
      {
        id: 'reg',
        kind: 'business-registration',
        label: '사업자등록증명',
        required: true,
        state: 'confirmed',
      },
    ],
    snapshot: {
      profile: {
        brn,
        tradeName: `벤치상회${i}`,
        representativeName: '홍길동',
        openingDate: '2019-03-02',
        regionCode: '47111',
        ksic: '56111',
        employees: 3,
        revenue: 240_000_000,
        flags: { taxArrears: false, suspended: false },
        priorSupport: [],
        disasterDamage: [],
      },
      programVersion: 1,
      programTitle: '경상북도 소상공인 경영안정 지원',
      reasons,
      asOf: at.slice(0, 10),
    },
    supplementRounds: 0,
    timeline: [{ at, action: 'submit', to: 'submitted', actor: 'owner', actorId: `bench-owner-${i}` }],
  };
}

async function inParallel(
  count: number,
  concurrency: number,
  work: (i: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, count) }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

/** Submits `count` applications starting at business `start`, spread over `programIds`; seconds taken. */
async function submit(
  repos: Repositories,
  start: number,
  count: number,
  programIds: readonly string[],
  concurrency: number,
): Promise<number> {
  const started = performance.now();
  await inParallel(count, concurrency, async (k) => {
    const i = start + k;
    // One millisecond apart, so that "newest first" has a strict order.
    const at = new Date(Date.UTC(2026, 11, 1) + i).toISOString();
    const app = benchApplication(i, programIds[k % programIds.length]!, at);
    await repos.applications.create({
      applications: [app],
      idempotency: {
        ownerId: app.ownerId,
        key: `bench-${i}`,
        requestHash: '0'.repeat(64),
        applicationIds: [app.id],
        createdAt: at,
      },
      audit: [
        {
          entityType: 'application',
          entityId: app.id,
          at,
          actorId: app.ownerId,
          action: 'application.submit',
          summary: 'submitted',
          version: 1,
        },
      ],
    });
  });
  return (performance.now() - started) / 1000;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function timeRuns(runs: number, read: () => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  for (let i = 0; i < 5; i++) await read();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await read();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const round = (x: number) => Math.round(x * 100) / 100;
  return { p50: round(percentile(times, 50)), p99: round(percentile(times, 99)) };
}

/**
 * Applications through the store against dynalite in a child process (the database on the other core):
 * submissions over many programs, the staff queue's first page of one large program, and a bulk decision
 * through the application service.
 */
export async function measureApplications(options: ApplicationBenchOptions): Promise<ApplicationBenchResult> {
  const log = options.log ?? (() => {});
  const concurrency = options.concurrency ?? 16;
  const server = await startDynaliteChild();
  const client = createDynamoClient({ endpoint: server.endpoint });
  try {
    await ensureTable(client, 'bench-applications', { pollMs: 10 });
    const repos = createRepositories(toDocumentClient(client), 'bench-applications');
    const programIds = Array.from({ length: options.programs }, (_, i) => `bench-program-${i}`);

    const submitSeconds = await submit(repos, 0, options.applications, programIds, concurrency);
    const appSubmitPerSecond = Math.round(options.applications / submitSeconds);
    log(
      `applications: ${options.applications.toLocaleString('en-US')} over ${options.programs} programs in ` +
        `${submitSeconds.toFixed(1)} s, ${appSubmitPerSecond.toLocaleString('en-US')}/s`,
    );

    const queue: Program = { ...addedProgram(), id: 'bench-queue-program' };
    await repos.programs.create(queue);
    await submit(repos, options.applications, options.queueApplications, [queue.id], concurrency);
    const runs = options.queueRuns ?? 200;
    const all = await timeRuns(runs, () => repos.applications.listByProgram(queue.id, { limit: 50 }));
    const byStatus = await timeRuns(runs, () =>
      repos.applications.listByProgram(queue.id, { status: 'submitted', limit: 50 }),
    );
    log(
      `staff queue, first page of ${options.queueApplications.toLocaleString('en-US')}: p50 ${all.p50} ms, ` +
        `p99 ${all.p99} ms; one status: p50 ${byStatus.p50} ms, p99 ${byStatus.p99} ms`,
    );

    const ids: string[] = [];
    let cursor: string | undefined;
    while (ids.length < options.bulk) {
      const page = await repos.applications.listByProgram(queue.id, {
        status: 'submitted',
        limit: 100,
        cursor,
      });
      ids.push(...page.items.map((a) => a.id));
      cursor = page.cursor;
      if (!cursor) break;
    }
    const chosen = ids.slice(0, options.bulk);
    const clock = () => new Date();
    const service = createApplicationService({
      repos,
      clock,
      catalog: createCatalogCache({ programs: repos.programs, disasters: repos.disasters, clock }),
    });
    const admin = { sub: 'bench-admin', name: '', role: 'admin' as const };
    const started = performance.now();
    let decided = 0;
    // The API takes at most 500 ids a request: the same chunks a staff member's selections would make.
    for (let i = 0; i < chosen.length; i += 500) {
      const results = await service.bulkDecide(admin, {
        ids: chosen.slice(i, i + 500),
        action: 'start-review',
      });
      decided += results.filter((r) => r.ok).length;
    }
    const bulkSeconds = (performance.now() - started) / 1000;
    if (decided !== chosen.length) throw new Error(`bulk decision: ${decided} of ${chosen.length} decided`);
    const appBulkDecisionsPerSecond = Math.round(decided / bulkSeconds);
    log(
      `bulk decision: ${decided.toLocaleString('en-US')} in ${bulkSeconds.toFixed(1)} s, ${appBulkDecisionsPerSecond}/s`,
    );

    return {
      appSubmitted: options.applications,
      appPrograms: options.programs,
      appSubmitPerSecond,
      appQueueSize: options.queueApplications,
      appQueueP50Ms: all.p50,
      appQueueP99Ms: all.p99,
      appQueueStatusP50Ms: byStatus.p50,
      appQueueStatusP99Ms: byStatus.p99,
      appBulkDecisions: decided,
      appBulkDecisionsPerSecond,
    };
  } finally {
    client.destroy();
    await server.stop();
  }
}
