import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Disaster, DisasterSchema, type Program, type Repositories } from '@sbiz24/shared';
import { withCheckDigit } from '@sbiz24/shared/business-number/business-number';
import { startLocalBatch } from '../local/local-batch';
import { createAccountVault, masterKeyProvider } from '../services/account-vault';
import { createApplicationService } from '../services/application-service';
import { createCatalogCache } from '../services/catalog-cache';
import { createDamageImportService } from '../services/damage-import';
import { createRapidPaymentService } from '../services/rapid-payment';
import type { Caller } from '../services/types';
import { mapWithConcurrency } from '../store/batch';
import { ensureTable } from '../store/create-table';
import { createDynamoClient, toDocumentClient } from '../store/dynamo-client';
import { createRepositories } from '../store/repositories';
import { startDynaliteChild, syntheticStoredBusinesses } from './store-throughput';

/** The business date of the bench: the disaster below is a fortnight old. */
const TODAY = new Date('2026-08-01T01:00:00Z');
const REGION = '47130';
const AMOUNT_WON = 3_000_000;
const STAFF: Caller = { sub: 'bench-staff', name: '벤치', role: 'staff', agencyId: 'mois' };

const round = (x: number) => Math.round(x * 100) / 100;

function benchDisaster(): Disaster {
  return DisasterSchema.parse({
    id: 'bench-flood',
    name: '벤치 집중호우',
    kind: 'heavy-rain',
    regionCodes: [REGION],
    startDate: '2026-07-10',
    endDate: '2026-07-20',
  });
}

/** A rapid-payment (신속지급) copy of the heavy-rain relief: 300만원 to every confirmed business in the area. */
function rapidProgram(budget: number): Program {
  return {
    id: 'bench-rapid',
    title: '벤치 집중호우 신속지원금',
    kind: 'disaster-relief',
    agencyId: 'mois',
    stages: ['startup', 'growth', 'closure'],
    summary: '집중호우 피해가 확인된 소상공인에게 300만원을 신속히 지급합니다.',
    benefit: { description: '피해 사업장당 300만원', maxAmount: AMOUNT_WON },
    applyStart: '2026-07-10',
    applyEnd: '2026-12-31',
    howToApply: '',
    rule: {
      type: 'all',
      rules: [
        { type: 'disasterArea', disasterKind: 'heavy-rain' },
        { type: 'disasterDamage', disasterKind: 'heavy-rain' },
      ],
    },
    examples: { mustMatch: [], mustNotMatch: [] },
    status: 'open',
    version: 1,
    application: { fields: [], documents: [], quota: { budget }, rapidPayment: { amountWon: AMOUNT_WON } },
  } as Program;
}

/**
 * `count` businesses in the disaster's 시군구, each with an owner, opened before the disaster and trading (so
 * that every one is eligible once its damage is confirmed); their numbers in order.
 */
async function seedArea(repos: Repositories, count: number, seed: number, confirmed: boolean) {
  const generate = syntheticStoredBusinesses('2026-06-01', seed);
  const brns: string[] = [];
  for (let start = 0; start < count; start += 5000) {
    const batch = generate(start, Math.min(5000, count - start)).map((b, k) => {
      const i = start + k;
      const brn = withCheckDigit(String(300_000_000 + i));
      brns.push(brn);
      const { closureDate: _closed, plannedClosureDate: _planned, ...profile } = b.profile;
      return {
        ...b,
        registryStatus: 'trading' as const,
        ownerId: `bench-rapid-owner-${i}`,
        profile: {
          ...profile,
          brn,
          regionCode: REGION,
          openingDate: '2015-03-02',
          disasterDamage: confirmed ? [{ disasterId: 'bench-flood', confirmedOn: '2026-07-15' }] : [],
        },
      };
    });
    await repos.businesses.createMany(batch);
  }
  return brns;
}

export interface RapidBenchResult {
  rapidApplications: number;
  /** One-click applications (account only) through the application service, 16 at a time. */
  rapidApplyPerSecond: number;
  /** The count first (dry run: every pending application judged, nothing written). */
  rapidApproveDryRunSeconds: number;
  /** Approve-eligible, batch after batch as the staff page calls it, every one re-checked and approved. */
  rapidApproveSeconds: number;
  rapidApprovalsPerSecond: number;
  /** The bank's payment file of every approved application (each account opened). */
  rapidPaymentFileSeconds: number;
  rapidPaymentFileRows: number;
  /** 100,000 approvals plus their payment file at the measured rates (the issue's ≤ 60 s goal). */
  rapidApprove100kProjectedSeconds: number;
}

/**
 * Issue 13's rapid payment through the store (dynalite in a child process): `applications` owners apply with
 * an account in one step, staff count and approve every eligible one (re-checked at the decision, within the
 * budget), then export the payment file.
 */
export async function measureRapidPayment(options: {
  applications: number;
  seed: number;
  log?: (line: string) => void;
}): Promise<RapidBenchResult> {
  const log = options.log ?? (() => {});
  const n = options.applications;
  const server = await startDynaliteChild();
  const client = createDynamoClient({ endpoint: server.endpoint });
  try {
    await ensureTable(client, 'bench-rapid', { pollMs: 10 });
    const repos = createRepositories(toDocumentClient(client), 'bench-rapid');
    const clock = () => TODAY;
    await repos.disasters.create(benchDisaster());
    await repos.programs.create(rapidProgram(n * AMOUNT_WON * 2));
    const brns = await seedArea(repos, n, options.seed, true);
    const catalog = createCatalogCache({ programs: repos.programs, disasters: repos.disasters, clock });
    const accountVault = createAccountVault(masterKeyProvider(randomBytes(32), 'bench'));
    const applications = createApplicationService({ repos, clock, catalog, accountVault });
    const rapid = createRapidPaymentService({
      repos,
      clock,
      catalog,
      accountVault,
      applications,
      newId: () => randomBytes(8).toString('hex'),
    });

    let started = performance.now();
    await mapWithConcurrency(
      brns.map((brn, i) => ({ brn, i })),
      16,
      async ({ brn, i }) => {
        await applications.apply({ sub: `bench-rapid-owner-${i}`, name: '', role: 'owner' }, brn, {
          programIds: ['bench-rapid'],
          idempotencyKey: `bench-rapid-${i}`,
          account: { bankCode: '088', number: `110${String(i).padStart(9, '0')}`, holder: '예금주' },
        });
      },
    );
    const applySeconds = (performance.now() - started) / 1000;
    log(`relief: ${n.toLocaleString('en-US')} one-click applications in ${round(applySeconds)} s`);

    started = performance.now();
    const dry = await rapid.approveEligible(STAFF, 'bench-rapid', { dryRun: true });
    const drySeconds = (performance.now() - started) / 1000;
    if (dry.approved !== n) throw new Error(`dry run: ${dry.approved} of ${n} approvable`);

    started = performance.now();
    let approved = 0;
    let cursor: string | undefined;
    do {
      const batch = await rapid.approveEligible(STAFF, 'bench-rapid', cursor ? { cursor } : {});
      approved += batch.approved;
      cursor = batch.cursor ?? undefined;
    } while (cursor);
    const approveSeconds = (performance.now() - started) / 1000;
    if (approved !== n) throw new Error(`approve-eligible: ${approved} of ${n} approved`);

    started = performance.now();
    const file = await rapid.paymentFile(STAFF, 'bench-rapid');
    const fileSeconds = (performance.now() - started) / 1000;
    if (file.rows !== n) throw new Error(`payment file: ${file.rows} of ${n} rows`);
    log(
      `relief: approve-eligible — count ${round(drySeconds)} s, ${n.toLocaleString('en-US')} approved in ` +
        `${round(approveSeconds)} s (${Math.round(n / approveSeconds)}/s); payment file ${round(fileSeconds)} s`,
    );
    return {
      rapidApplications: n,
      rapidApplyPerSecond: Math.round(n / applySeconds),
      rapidApproveDryRunSeconds: round(drySeconds),
      rapidApproveSeconds: round(approveSeconds),
      rapidApprovalsPerSecond: Math.round(n / approveSeconds),
      rapidPaymentFileSeconds: round(fileSeconds),
      rapidPaymentFileRows: file.rows,
      rapidApprove100kProjectedSeconds: Math.round(((approveSeconds + fileSeconds) / n) * 100_000),
    };
  } finally {
    client.destroy();
    await server.stop();
  }
}

export interface ReliefEndToEndResult {
  /** Businesses in the table (the recompute reads them all), as `npm start` seeds 20,000. */
  reliefTableBusinesses: number;
  /** Of them, owned businesses in the disaster's 시군구 on the damage list. */
  reliefBusinesses: number;
  /** From the declaration to the damage list applied (import service, one file). */
  reliefImportSeconds: number;
  /** From the declaration to the last owner's notification written by the recompute the import started. */
  reliefEndToEndSeconds: number;
  reliefOwnersNotified: number;
}

/**
 * The end-to-end figure: a disaster is declared over a 시군구 of `businesses` owned businesses, the local
 * government's damage list of all of them is imported, and the portal's own background batch (as `npm start`
 * runs it: the recompute queue, the columnar evaluator, the notifier) tells every newly eligible owner. The
 * clock stops when the run that the import queued has finished and every owner has a notification.
 */
export async function measureReliefEndToEnd(options: {
  businesses: number;
  /** Businesses elsewhere in the country, in the table besides the affected ones. */
  others: number;
  seed: number;
  log?: (line: string) => void;
}): Promise<ReliefEndToEndResult> {
  const log = options.log ?? (() => {});
  const server = await startDynaliteChild();
  const client = createDynamoClient({ endpoint: server.endpoint });
  const dataDir = mkdtempSync(join(tmpdir(), 'sbiz24-relief-bench-'));
  try {
    await ensureTable(client, 'bench-relief-e2e', { pollMs: 10 });
    const doc = toDocumentClient(client);
    const repos = createRepositories(doc, 'bench-relief-e2e');
    const clock = () => TODAY;
    await repos.programs.create(rapidProgram(options.businesses * AMOUNT_WON * 2));
    const brns = await seedArea(repos, options.businesses, options.seed, false);
    const elsewhere = syntheticStoredBusinesses('2026-06-01', options.seed + 1);
    for (let start = 0; start < options.others; start += 5000)
      await repos.businesses.createMany(elsewhere(start, Math.min(5000, options.others - start)));
    const batch = await startLocalBatch({
      doc,
      tableName: 'bench-relief-e2e',
      dataDir,
      clock,
      disasters: () => repos.disasters.list(),
      log: { log: () => {}, error: (...args: unknown[]) => log(`relief: ${args.join(' ')}`) },
    });
    try {
      // The batch's first snapshot, before the disaster: the starting point of a real portal.
      await batch.queue.idle();
      const disaster = benchDisaster();
      const started = performance.now();
      await repos.disasters.create(disaster);
      batch.onProgramChanged({ type: 'disaster-declared', disasterId: disaster.id, at: TODAY.toISOString() });
      const lines = ['사업자등록번호,피해확인일,피해유형', ...brns.map((brn) => `${brn},2026-07-15,침수`)];
      const result = await createDamageImportService({
        repos,
        clock,
        notify: async (event) => batch.onProgramChanged(event),
      }).importList(STAFF, disaster.id, new TextEncoder().encode(lines.join('\r\n')), { dryRun: false });
      if (result.counts.new !== brns.length) throw new Error(`import: ${result.counts.new} new`);
      const importSeconds = (performance.now() - started) / 1000;
      await batch.queue.idle();
      const seconds = (performance.now() - started) / 1000;
      let notified = 0;
      await mapWithConcurrency(
        brns.map((_, i) => i),
        16,
        async (i) => {
          const page = await repos.notifications.list(`bench-rapid-owner-${i}`, { limit: 20 });
          if (page.items.some((x) => x.programId === 'bench-rapid')) notified += 1;
        },
      );
      if (notified !== brns.length) throw new Error(`only ${notified} of ${brns.length} owners notified`);
      log(
        `relief: declaration + damage list of ${brns.length.toLocaleString('en-US')} (of ` +
          `${(brns.length + options.others).toLocaleString('en-US')}) → every owner notified in ` +
          `${round(seconds)} s (import ${round(importSeconds)} s)`,
      );
      return {
        reliefTableBusinesses: brns.length + options.others,
        reliefBusinesses: brns.length,
        reliefImportSeconds: round(importSeconds),
        reliefEndToEndSeconds: round(seconds),
        reliefOwnersNotified: notified,
      };
    } finally {
      await batch.stop();
    }
  } finally {
    client.destroy();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
