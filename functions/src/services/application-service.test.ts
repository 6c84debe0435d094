import type { Program } from '@sbiz24/shared';
import type { ApplyRequest } from '@sbiz24/shared/application/index';
import { beforeEach, describe, expect, it } from 'vitest';
import { business, regionProgram } from '../testing/fixtures';
import { createMemoryRepositories, type MemoryRepositories } from '../testing/memory-repositories';
import { createApplicationService } from './application-service';
import { createCatalogCache } from './catalog-cache';
import type { Caller } from './types';

const clock = () => new Date('2026-12-03T01:00:00.000Z');
const owner: Caller = { sub: 'owner-1', name: '김사장', role: 'owner' };
const otherOwner: Caller = { sub: 'owner-2', name: '이사장', role: 'owner' };
const staff: Caller = { sub: 'staff-semas', name: '담당자', role: 'staff', agencyId: 'semas' };
const otherStaff: Caller = { sub: 'staff-mss', name: '담당자', role: 'staff', agencyId: 'mss' };

const seoulFund = regionProgram('seoul-fund', ['11'], <Partial<Program>>{
  title: '서울 성장자금',
  titleEn: 'Seoul growth fund',
  benefit: { description: '운영자금', maxAmount: 50_000_000 },
  application: {
    fields: [
      { id: 'plan', label: '사업 계획', type: 'text', required: true },
      { id: 'employees', label: '상시근로자 수', type: 'number', required: true, prefill: 'employees' },
    ],
    documents: [
      { id: 'reg', kind: 'business-registration', label: '사업자등록증명', required: true },
      { id: 'plan-doc', kind: 'upload', label: '사업계획서', required: false },
    ],
    quota: { maxAwards: 2, budget: 80_000_000 },
  },
});
/** Excludes past recipients of seoul-fund. */
const firstTimer = regionProgram('first-timer', ['11'], {
  title: '첫 지원 바우처',
  rule: { type: 'not', rule: { type: 'priorSupport', programId: 'seoul-fund', present: true } },
});
const busanOnly = regionProgram('busan-only', ['26'], { title: '부산 전용 지원' });
const closed = regionProgram('closed-prog', ['11'], { title: '마감된 지원', status: 'closed' });
const mssProgram = regionProgram('mss-prog', ['11'], { title: '중기부 지원', agencyId: 'mss' });

let repos: MemoryRepositories;
let service: ReturnType<typeof createApplicationService>;
let ids: number;
const brn = business(1, '11110', owner.sub).profile.brn;

beforeEach(async () => {
  repos = createMemoryRepositories(clock);
  for (const p of [seoulFund, firstTimer, busanOnly, closed, mssProgram] as Program[])
    await repos.programs.create(p);
  await repos.businesses.create(business(1, '11110', owner.sub));
  await repos.businesses.create(business(2, '11110', otherOwner.sub));
  ids = 0;
  service = createApplicationService({
    repos,
    clock,
    catalog: createCatalogCache({ programs: repos.programs, disasters: repos.disasters, clock, ttlMs: 0 }),
    newId: () => `app-${String(++ids).padStart(14, '0')}`,
  });
});

const request = (programIds: string[], extra: Partial<ApplyRequest> = {}): ApplyRequest => ({
  programIds,
  answers: programIds.includes('seoul-fund') ? { 'seoul-fund': { plan: '온라인 판로 확대' } } : {},
  idempotencyKey: 'key-00000001',
  ...extra,
});

async function failureOf(promise: Promise<unknown>) {
  const err = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(err).toBeDefined();
  return err as { code: string; constructor: { name: string }; details?: { failures?: unknown[] } };
}

describe('통합신청 (apply to several programs at once)', () => {
  it('creates one submitted application per program with snapshot, prefilled answers and confirmed documents', async () => {
    const apps = await service.apply(owner, brn, request(['seoul-fund', 'first-timer']));

    expect(apps.map((a) => [a.programId, a.status, a.version])).toEqual([
      ['seoul-fund', 'submitted', 1],
      ['first-timer', 'submitted', 1],
    ]);
    const [fund] = apps;
    expect(fund!.answers).toEqual({ plan: '온라인 판로 확대', employees: 1 });
    expect(fund!.documents.map((d) => [d.id, d.state])).toEqual([
      ['reg', 'confirmed'],
      ['plan-doc', 'needed'],
    ]);
    expect(fund!.snapshot).toMatchObject({
      programVersion: 1,
      programTitle: '서울 성장자금',
      programTitleEn: 'Seoul growth fund',
      asOf: '2026-12-03',
    });
    // A program without an English title leaves the field out (the English pages show the Korean).
    expect(apps[1]!.snapshot).not.toHaveProperty('programTitleEn');
    expect(fund!.snapshot.reasons[0]?.met).toBe(true);
    expect(fund!).toMatchObject({ sido: '11', stage: 'growth', agencyId: 'semas' });
    const inbox = await repos.notifications.list(owner.sub);
    expect(inbox.items.map((n) => n.title).sort()).toEqual([
      '신청이 접수되었습니다: 서울 성장자금',
      '신청이 접수되었습니다: 첫 지원 바우처',
    ]);
    expect(inbox.items[0]!.body).toContain('2026년 12월 3일에 접수되었습니다');
    expect(await repos.audit.list('application', fund!.id)).toMatchObject([{ action: 'application.submit' }]);
  });

  it('creates nothing when any program fails, and lists each with its code and Korean reason', async () => {
    const err = await failureOf(
      service.apply(
        owner,
        brn,
        request(['seoul-fund', 'busan-only', 'closed-prog', 'no-such'], { answers: { 'seoul-fund': {} } }),
      ),
    );

    expect(err.constructor.name).toBe('UnprocessableError');
    expect(err.details?.failures).toEqual([
      {
        programId: 'seoul-fund',
        code: 'INCOMPLETE_FORM',
        message: '「서울 성장자금」 사업의 신청서에 채워야 할 항목이 있습니다.',
        fields: [{ fieldId: 'plan', message: '「사업 계획」 항목을 입력해 주세요.' }],
      },
      expect.objectContaining({ programId: 'busan-only', code: 'NOT_ELIGIBLE' }),
      {
        programId: 'closed-prog',
        code: 'PROGRAM_NOT_OPEN',
        message: '「마감된 지원」 사업은 지금 신청을 받지 않습니다.',
      },
      { programId: 'no-such', code: 'PROGRAM_NOT_FOUND', message: '사업을 찾을 수 없습니다.' },
    ]);
    expect((await service.listForBusiness(owner, brn)).items).toEqual([]);
    expect((await repos.notifications.list(owner.sub)).items).toEqual([]);
    expect(await repos.applications.getIdempotency(owner.sub, 'key-00000001')).toBeUndefined();
  });

  it('refuses a second active application for the same program (409), and allows one after withdrawal', async () => {
    const [first] = await service.apply(owner, brn, request(['seoul-fund']));

    const err = await failureOf(
      service.apply(owner, brn, request(['seoul-fund', 'first-timer'], { idempotencyKey: 'key-00000002' })),
    );
    expect(err.code).toBe('ALREADY_APPLIED');
    expect(err.constructor.name).toBe('ConflictError');
    expect(err.details?.failures).toEqual([
      {
        programId: 'seoul-fund',
        code: 'ALREADY_APPLIED',
        message: '「서울 성장자금」 사업에 진행 중인 신청이 있습니다.',
      },
    ]);
    expect((await service.listForBusiness(owner, brn)).items).toHaveLength(1);

    await service.withdraw(owner, first!.id, 1);
    const [again] = await service.apply(
      owner,
      brn,
      request(['seoul-fund'], { idempotencyKey: 'key-00000003' }),
    );
    expect(again!.id).not.toBe(first!.id);
  });

  it('answers a double submit with the same applications, created once, even when both race', async () => {
    const [a, b] = await Promise.all([
      service.apply(owner, brn, request(['seoul-fund', 'first-timer'])),
      service.apply(owner, brn, request(['seoul-fund', 'first-timer'])),
    ]);
    const again = await service.apply(owner, brn, request(['seoul-fund', 'first-timer']));

    expect(b!.map((x) => x.id)).toEqual(a!.map((x) => x.id));
    expect(again.map((x) => x.id)).toEqual(a!.map((x) => x.id));
    expect((await service.listForBusiness(owner, brn)).items).toHaveLength(2);
  });

  it('refuses the same idempotency key with another request', async () => {
    await service.apply(owner, brn, request(['first-timer']));
    expect((await failureOf(service.apply(owner, brn, request(['seoul-fund'])))).code).toBe(
      'IDEMPOTENCY_KEY_REUSED',
    );
  });

  it("answers 404 for another owner's business or application, and another agency's application", async () => {
    const [app] = await service.apply(owner, brn, request(['seoul-fund']));

    expect((await failureOf(service.apply(otherOwner, brn, request(['first-timer'])))).code).toBe(
      'BUSINESS_NOT_FOUND',
    );
    expect((await failureOf(service.getForOwner(otherOwner, app!.id))).code).toBe('APPLICATION_NOT_FOUND');
    expect((await failureOf(service.withdraw(otherOwner, app!.id, 1))).code).toBe('APPLICATION_NOT_FOUND');
    expect((await failureOf(service.getForStaff(otherStaff, app!.id))).code).toBe('APPLICATION_NOT_FOUND');
    expect((await failureOf(service.listForStaff(otherStaff, { programId: 'seoul-fund' }))).code).toBe(
      'PROGRAM_NOT_FOUND',
    );
    expect((await service.getForStaff({ ...staff, role: 'admin', agencyId: undefined }, app!.id)).id).toBe(
      app!.id,
    );
  });
});

describe('review, decision and support history', () => {
  it('runs submit → supplement → response → approve → pay, recording, auditing and notifying each step', async () => {
    const [app] = await service.apply(owner, brn, request(['seoul-fund']));
    expect(
      (await service.apply(owner, brn, request(['first-timer'], { idempotencyKey: 'key-first-1' })))[0]!
        .status,
    ).toBe('submitted');

    const reviewing = await service.decide(staff, app!.id, { version: 1, action: 'start-review' });
    const asked = await service.decide(staff, app!.id, {
      version: reviewing.version,
      action: 'request-supplement',
      message: '매출 증빙을 첨부해 주세요.',
    });
    const answered = await service.respondToSupplement(owner, app!.id, {
      version: asked.version,
      message: '증빙을 첨부했습니다.',
      files: [{ id: 'file-0001', name: '매출.pdf', type: 'application/pdf', size: 2048 }],
    });
    const approved = await service.decide(staff, app!.id, {
      version: answered.version,
      action: 'approve',
      amount: 32_000_000,
    });
    const paid = await service.pay(staff, app!.id, approved.version);

    expect(paid).toMatchObject({ status: 'paid', version: 6, amount: 32_000_000, supplementRounds: 1 });
    expect(paid.timeline.map((t) => `${t.from ?? ''}>${t.to}:${t.actor}`)).toEqual([
      '>submitted:owner',
      'submitted>in-review:staff',
      'in-review>supplement-requested:staff',
      'supplement-requested>submitted:owner',
      'submitted>approved:staff',
      'approved>paid:staff',
    ]);
    expect(paid.timeline[3]!.files?.[0]?.name).toBe('매출.pdf');
    expect((await repos.audit.list('application', app!.id)).map((e) => e.action)).toEqual([
      'application.submit',
      'application.start-review',
      'application.request-supplement',
      'application.respond-supplement',
      'application.approve',
      'application.pay',
    ]);
    const titles = (await repos.notifications.list(owner.sub)).items.map((n) => `${n.title} | ${n.body}`);
    expect(titles.filter((t) => t.includes('서울 성장자금'))).toEqual(
      expect.arrayContaining([
        expect.stringContaining(
          '보완 요청: 서울 성장자금 | 「서울 성장자금」 신청에 보완이 필요합니다. 담당 기관의 요청 내용: 매출 증빙을 첨부해 주세요.',
        ),
        '선정되었습니다: 서울 성장자금 | 「서울 성장자금」 사업에 선정되었습니다. 지원 금액은 3,200만원입니다.',
        '지급 완료: 서울 성장자금 | 「서울 성장자금」 지원금 3,200만원이 지급되었습니다.',
      ]),
    );
    expect(titles.filter((t) => t.includes('서울 성장자금'))).toHaveLength(4);

    expect(await service.supportHistory(owner, brn)).toEqual([
      {
        programId: 'seoul-fund',
        programTitle: '서울 성장자금',
        year: 2026,
        amount: 32_000_000,
        source: 'portal',
        sourceLabel: '포털 선정',
        applicationId: app!.id,
      },
    ]);
  });

  it('stops matching a program that excludes past recipients once the award is approved, and says why', async () => {
    const [app] = await service.apply(owner, brn, request(['seoul-fund']));
    await service.decide(staff, app!.id, { version: 1, action: 'approve', amount: 10_000_000 });

    const err = await failureOf(
      service.apply(owner, brn, request(['first-timer'], { idempotencyKey: 'key-after-1' })),
    );
    expect(err.details?.failures).toEqual([
      expect.objectContaining({ programId: 'first-timer', code: 'NOT_ELIGIBLE' }),
    ]);
    expect(JSON.stringify(err.details)).toContain('포털 선정');
    const stored = await repos.businesses.get(brn);
    expect(stored!.profile.priorSupport).toEqual([
      { programId: 'seoul-fund', year: 2026, source: 'portal', applicationId: app!.id, amount: 10_000_000 },
    ]);
  });

  it('refuses a stale version (409) and changes nothing', async () => {
    const [app] = await service.apply(owner, brn, request(['seoul-fund']));
    await service.decide(staff, app!.id, { version: 1, action: 'start-review' });

    const err = await failureOf(service.withdraw(owner, app!.id, 1));
    expect(err.code).toBe('VERSION_CONFLICT');
    expect((await service.getForOwner(owner, app!.id)).status).toBe('in-review');
    expect(await repos.audit.list('application', app!.id)).toHaveLength(2);
  });

  it('refuses a step the state machine does not allow, with a Korean reason', async () => {
    const [app] = await service.apply(owner, brn, request(['seoul-fund']));
    await service.withdraw(owner, app!.id, 1);

    const err = await failureOf(service.decide(staff, app!.id, { version: 2, action: 'approve', amount: 1 }));
    expect(err).toMatchObject({
      code: 'TRANSITION_NOT_ALLOWED',
      message: '취소된 신청은 선정할 수 없습니다.',
    });
  });

  it('refuses an approval over the quota or over the benefit cap, never over-awarding', async () => {
    const apps = [];
    for (let i = 3; i <= 5; i++) {
      const b = business(i, '11110', `owner-${i}`);
      await repos.businesses.create(b);
      apps.push(
        ...(await service.apply({ ...owner, sub: `owner-${i}` }, b.profile.brn, request(['seoul-fund']))),
      );
    }

    expect(
      (
        await failureOf(
          service.decide(staff, apps[0]!.id, { version: 1, action: 'approve', amount: 60_000_000 }),
        )
      ).code,
    ).toBe('AMOUNT_OVER_BENEFIT');
    await service.decide(staff, apps[0]!.id, { version: 1, action: 'approve', amount: 50_000_000 });
    expect(
      (
        await failureOf(
          service.decide(staff, apps[1]!.id, { version: 1, action: 'approve', amount: 40_000_000 }),
        )
      ).code,
    ).toBe('QUOTA_EXCEEDED');
    await service.decide(staff, apps[1]!.id, { version: 1, action: 'approve', amount: 30_000_000 });
    expect(
      (await failureOf(service.decide(staff, apps[2]!.id, { version: 1, action: 'approve', amount: 1_000 })))
        .code,
    ).toBe('QUOTA_EXCEEDED');
    expect(await repos.applications.quotaUsage('seoul-fund')).toEqual({ awards: 2, budgetUsed: 80_000_000 });
    expect((await service.getForOwner({ ...owner, sub: 'owner-5' }, apps[2]!.id)).status).toBe('submitted');
  });

  it('decides each id of a bulk decision on its own', async () => {
    const [a] = await service.apply(owner, brn, request(['seoul-fund']));
    const [b] = await service.apply(owner, brn, request(['first-timer'], { idempotencyKey: 'key-bulk-02' }));
    const otherBrn = business(2, '11110').profile.brn;
    const [c] = await service.apply(
      otherOwner,
      otherBrn,
      request(['mss-prog'], { idempotencyKey: 'key-bulk-03' }),
    );
    await service.withdraw(owner, b!.id, 1);

    const results = await service.bulkDecide(staff, {
      ids: [a!.id, b!.id, c!.id, 'app-missing-000000'],
      action: 'reject',
      message: '예산이 소진되었습니다.',
    });

    expect(results).toEqual([
      { id: a!.id, ok: true, status: 'rejected', version: 2 },
      {
        id: b!.id,
        ok: false,
        code: 'TRANSITION_NOT_ALLOWED',
        message: '취소된 신청은 미선정 결정할 수 없습니다.',
      },
      { id: c!.id, ok: false, code: 'APPLICATION_NOT_FOUND', message: '신청을 찾을 수 없습니다.' },
      {
        id: 'app-missing-000000',
        ok: false,
        code: 'APPLICATION_NOT_FOUND',
        message: '신청을 찾을 수 없습니다.',
      },
    ]);
    const rejected = (await repos.notifications.list(owner.sub)).items.find((n) =>
      n.title.startsWith('미선정'),
    );
    expect(rejected?.body).toBe('「서울 성장자금」 신청이 선정되지 않았습니다. 사유: 예산이 소진되었습니다.');
  });

  it('shows staff the reasons at submission and now, and filters the queue', async () => {
    const [app] = await service.apply(owner, brn, request(['first-timer']));
    const [fund] = await service.apply(
      owner,
      brn,
      request(['seoul-fund'], { idempotencyKey: 'key-queue-2' }),
    );
    await service.decide(staff, fund!.id, { version: 1, action: 'approve', amount: 1_000_000 });

    const view = await service.getForStaff(staff, app!.id);
    expect(view.snapshot.reasons[0]!.met).toBe(true);
    expect(view.eligibleNow).toBe(false);
    expect(
      (await service.listForStaff(staff, { programId: 'seoul-fund', status: 'approved', sido: '11' })).items,
    ).toHaveLength(1);
    expect((await service.listForStaff(staff, { programId: 'seoul-fund', sido: '26' })).items).toEqual([]);
    expect(await service.countsForStaff(staff, 'seoul-fund')).toMatchObject({ approved: 1, submitted: 0 });
  });
});
