import { evaluateProgram, isOpenAsOf, type Program, type Repositories, todayInKorea } from '@sbiz24/shared';
import {
  type ApplicationStatus,
  checkTransition,
  type ShownApplication,
  type StaffDecisionAction,
} from '@sbiz24/shared/application/index';
import { createApplicationService } from '../services/application-service';
import { createCatalogCache } from '../services/catalog-cache';
import type { Caller } from '../services/types';
import { DEMO_OWNED_BUSINESSES } from './demo-data';

/** The steps from `submitted` to each state, as staff and owners would take them. */
const PATHS: Record<ApplicationStatus, (StaffDecisionAction | 'pay' | 'withdraw')[]> = {
  submitted: [],
  'in-review': ['start-review'],
  'supplement-requested': ['start-review', 'request-supplement'],
  approved: ['start-review', 'approve'],
  paid: ['start-review', 'approve', 'pay'],
  rejected: ['start-review', 'reject'],
  withdrawn: ['withdraw'],
};
/** The order demo applications are given their states in: every state appears once there are seven. */
const TARGETS: ApplicationStatus[] = [
  'approved',
  'supplement-requested',
  'in-review',
  'rejected',
  'paid',
  'withdrawn',
  'submitted',
];
/** Applications per demo business, so that some matches stay open to apply to in the demo. */
const PER_BUSINESS = 3;

/**
 * Demo applications for the demo owners, in every state of the lifecycle, made through the application
 * service like real ones (checks, snapshots, audit, notifications). Safe to run again: a repeated apply
 * replays its idempotency key, and only steps the state machine still allows are taken.
 */
export async function seedDemoApplications({
  repos,
  clock,
}: {
  repos: Repositories;
  clock: () => Date;
}): Promise<ShownApplication[]> {
  const catalog = createCatalogCache({
    programs: repos.programs,
    disasters: repos.disasters,
    clock,
    ttlMs: 0,
  });
  const service = createApplicationService({ repos, clock, catalog });
  const asOf = todayInKorea(clock);
  const { programs, disasters } = await catalog.get();
  const open = programs.filter((p) => isOpenAsOf(p, asOf));
  const byId = new Map(programs.map((p) => [p.id, p]));

  const created: ShownApplication[] = [];
  for (const demo of DEMO_OWNED_BUSINESSES) {
    const stored = await repos.businesses.get(demo.profile.brn);
    if (!stored?.ownerId) continue;
    const eligible = open
      .filter((p) => evaluateProgram(p, stored.profile, { asOf, disasters }).eligible)
      .slice(0, PER_BUSINESS);
    if (eligible.length === 0) continue;
    const owner: Caller = { sub: stored.ownerId, name: '', role: 'owner' };
    const apps = await service.apply(owner, stored.profile.brn, {
      programIds: eligible.map((p) => p.id),
      idempotencyKey: `demo-${stored.profile.brn}`,
    });
    created.push(...apps);
  }

  const result: ShownApplication[] = [];
  for (const [i, first] of created.entries()) {
    let app: ShownApplication = first;
    const staff: Caller = { sub: `staff-${app.agencyId}`, name: '', role: 'admin' };
    const owner: Caller = { sub: app.ownerId, name: '', role: 'owner' };
    for (const action of PATHS[TARGETS[i % TARGETS.length]!]) {
      app = (await repos.applications.get(app.id)) ?? app;
      const actor = action === 'withdraw' ? 'owner' : 'staff';
      if (!checkTransition(app.status, action, actor, { message: 'x', amount: 1 }).ok) continue;
      if (action === 'withdraw') app = await service.withdraw(owner, app.id, app.version);
      else if (action === 'pay') app = await service.pay(staff, app.id, app.version);
      else
        app = await service.decide(staff, app.id, {
          version: app.version,
          action,
          ...(action === 'approve' ? { amount: demoAmount(byId.get(app.programId)) } : {}),
          ...(action === 'reject' ? { message: '올해 예산이 모두 배정되어 선정하지 못했습니다.' } : {}),
          ...(action === 'request-supplement' ? { message: '최근 3개월 매출 증빙을 첨부해 주세요.' } : {}),
        });
    }
    result.push(app);
  }
  return result;
}

/** A plausible award: 1,000만원, or the program's grant or loan cap when lower. */
function demoAmount(program: Program | undefined): number {
  const { maxAmount, loanLimit } = program?.benefit ?? {};
  const cap =
    maxAmount === undefined && loanLimit === undefined ? undefined : Math.max(maxAmount ?? 0, loanLimit ?? 0);
  return Math.max(1, Math.min(10_000_000, cap ?? 10_000_000));
}
