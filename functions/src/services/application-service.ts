import { createHash, randomBytes } from 'node:crypto';
import {
  type ApplicationFilter,
  type ApplicationRepositories,
  ConflictError,
  deriveStage,
  evaluateProgram,
  ForbiddenError,
  isOpenAsOf,
  NotFoundError,
  type Page,
  type Program,
  type Reason,
  type StoredBusiness,
  todayInKorea,
  UnprocessableError,
} from '@sbiz24/shared';
import {
  type Application,
  type ApplicationAction,
  type ApplicationActor,
  type ApplicationStatus,
  type ApplyFailure,
  type ApplyRequest,
  applicationNotification,
  type BulkDecisionRequest,
  type BulkDecisionResult,
  checkAnswers,
  checkTransition,
  type DecisionRequest,
  type FileMetadata,
  MAX_SUPPLEMENT_ROUNDS,
  nextApplication,
  prefillAnswers,
  releasesGuard,
  resolveDocuments,
  type ShownApplication,
  STAFF_QUEUE_PAGE_SIZE,
  type StaffQueueQuery,
  type SupplementResponseRequest,
  type TimelineEntry,
  withoutSecrets,
} from '@sbiz24/shared/application/index';
import type { AccountInput } from '@sbiz24/shared/contract/applications';
import { maskAccountNumber, parseAccountNumber } from '@sbiz24/shared/relief/bank-account';
import { mapWithConcurrency } from '../store/batch';
import type { AccountVault } from './account-vault';
import { ownedBusiness as owned, reviewedProgram, reviews } from './application-access';
import { settingsOf } from './application-forms';
import { createSupportHistory } from './support-history';
import type { Caller, CatalogCache } from './types';

export interface ApplicationServiceDeps {
  repos: ApplicationRepositories;
  clock: () => Date;
  catalog: CatalogCache;
  /** Random application ids. @default 16 random bytes, base64url */
  newId?: () => string;
  /** Told when an owner notification could not be written after a committed change (ids only). */
  onNotifyError?: (err: unknown, applicationId: string) => void;
  /**
   * Seals rapid-payment account numbers (KMS envelope encryption on AWS, the data folder's key locally).
   * Without one, a rapid-payment application is refused (ACCOUNTS_UNAVAILABLE); nothing else needs it.
   */
  accountVault?: AccountVault;
}

const APP_NOT_FOUND = '신청을 찾을 수 없습니다.';
/** Bulk decisions run this many applications at a time. */
const BULK_CONCURRENCY = 8;

/** A staff member's view: the application, and its program's rule re-evaluated on today's profile. */
export interface StaffApplication extends ShownApplication {
  reasonsNow: Reason[];
  eligibleNow: boolean | null;
}

function refusal(code: string, message: string): Error {
  if (code === 'ACTOR_NOT_ALLOWED') return new ForbiddenError(message, code);
  if (code === 'TRANSITION_NOT_ALLOWED') return new ConflictError(message, code);
  return new UnprocessableError(message, code);
}

/** The most a program awards one business, when its benefit says so. */
function benefitCap(program: Program): number | undefined {
  const { maxAmount, loanLimit } = program.benefit;
  if (maxAmount === undefined && loanLimit === undefined) return undefined;
  return Math.max(maxAmount ?? 0, loanLimit ?? 0);
}

/**
 * Applications (issue 12): 통합신청 with every check first, then transitions as written in the state machine
 * (shared/src/application/state-machine.ts), each one conditional write with its audit entry; quotas on
 * approval; the award joins the business's support history; the owner is notified of each step.
 */
export function createApplicationService({
  repos,
  clock,
  catalog,
  newId = () => randomBytes(16).toString('base64url'),
  onNotifyError = () => undefined,
  accountVault,
}: ApplicationServiceDeps) {
  const today = () => todayInKorea(clock);
  const history = createSupportHistory({ repos, catalog, clock });

  const ownedBusiness = (caller: Caller, brnInput: string): Promise<StoredBusiness> =>
    owned(repos, caller, brnInput);

  /** The caller's own application; another owner's is 404, so that existence does not leak. */
  async function ownApplication(caller: Caller, id: string): Promise<Application> {
    const app = await repos.applications.get(id);
    if (!app || app.ownerId !== caller.sub) throw new NotFoundError(APP_NOT_FOUND, 'APPLICATION_NOT_FOUND');
    return app;
  }

  /** An application of the caller's agency (any for an admin); others are 404, as for businesses. */
  async function agencyApplication(caller: Caller, id: string): Promise<Application> {
    const app = await repos.applications.get(id);
    if (!app || !reviews(caller, app.agencyId))
      throw new NotFoundError(APP_NOT_FOUND, 'APPLICATION_NOT_FOUND');
    return app;
  }

  async function evalContext(asOf: string) {
    const snapshot = await catalog.get();
    return {
      asOf,
      disasters: snapshot.disasters,
      programTitles: Object.fromEntries(snapshot.programs.map((p) => [p.id, p.title])),
      programTitlesEn: Object.fromEntries(
        snapshot.programs.flatMap((p) => (p.titleEn ? [[p.id, p.titleEn]] : [])),
      ),
    };
  }

  async function notify(app: Application, entry: TimelineEntry): Promise<void> {
    const text = applicationNotification(app, entry);
    if (!text) return;
    try {
      await repos.notifications.add({
        id: newId(),
        userId: app.ownerId,
        createdAt: entry.at,
        kind: 'application',
        title: text.title,
        body: text.body,
        brn: app.brn,
        programId: app.programId,
        read: false,
        // One notification per step: the version the step produced.
        dedupeKey: `application#${app.id}#${app.version}`,
      });
    } catch (err) {
      // The change is committed; a lost inbox entry must not turn it into an error for the caller.
      onNotifyError(err, app.id);
    }
  }

  /** The account as stored: the number sealed for this application, shown only masked. */
  async function storedAccount(input: AccountInput, applicationId: string) {
    if (!accountVault)
      throw new UnprocessableError(
        '계좌를 안전하게 보관할 수 없어 지금은 신속지급 신청을 받을 수 없습니다.',
        'ACCOUNTS_UNAVAILABLE',
      );
    const parsed = parseAccountNumber(input.number);
    // The schema checked it already; a service caller that did not is refused the same way, without the number.
    if (!parsed.ok) throw new UnprocessableError('계좌번호(number)가 올바르지 않습니다.', 'ACCOUNT_INVALID');
    return {
      bankCode: input.bankCode,
      holder: input.holder,
      masked: maskAccountNumber(parsed.value),
      sealed: await accountVault.seal(parsed.value, applicationId),
    };
  }

  function requestHash(brn: string, request: ApplyRequest): string {
    // The account enters the hash masked: the idempotency record must not make the number guessable.
    const account = request.account
      ? {
          bankCode: request.account.bankCode,
          holder: request.account.holder,
          masked: maskAccountNumber(request.account.number),
        }
      : undefined;
    const body = JSON.stringify({
      brn,
      programIds: request.programIds,
      answers: request.answers ?? {},
      ...(account ? { account } : {}),
    });
    return createHash('sha256').update(body).digest('hex');
  }

  async function replay(caller: Caller, key: string, hash: string): Promise<Application[] | undefined> {
    const record = await repos.applications.getIdempotency(caller.sub, key);
    if (!record) return undefined;
    if (record.requestHash !== hash)
      throw new ConflictError(
        '이 중복 방지 키(idempotencyKey)는 다른 신청에 이미 쓰였습니다. 새 키로 다시 신청해 주세요.',
        'IDEMPOTENCY_KEY_REUSED',
      );
    const apps = await Promise.all(record.applicationIds.map((id) => repos.applications.get(id)));
    return apps.filter((a): a is Application => a !== undefined);
  }

  function checksFailed(failures: ApplyFailure[]): Error {
    const message = `${failures.length}개 사업의 신청 요건을 확인하지 못해 아무것도 신청하지 않았습니다. 사업별 사유를 확인해 주세요.`;
    if (failures.some((f) => f.code === 'ALREADY_APPLIED'))
      return new ConflictError(message, 'ALREADY_APPLIED', { failures });
    return new UnprocessableError(message, failures[0]!.code, { failures });
  }

  /** Runs one step of the state machine on `app`, read at `version`. */
  async function step(
    app: Application,
    version: number,
    action: ApplicationAction,
    actor: ApplicationActor,
    actorId: string,
    given: { message?: string | undefined; amount?: number | undefined; files?: FileMetadata[] | undefined },
  ): Promise<Application> {
    if (app.version !== version)
      throw new ConflictError(
        '다른 사용자가 먼저 수정했습니다. 최신 내용을 다시 불러온 뒤 수정해 주세요.',
        'VERSION_CONFLICT',
        { expectedVersion: version, currentVersion: app.version },
      );
    const checked = checkTransition(app.status, action, actor, given);
    if (!checked.ok) throw refusal(checked.refusal.code, checked.refusal.message);
    const { transition } = checked;
    if (action === 'request-supplement' && app.supplementRounds >= MAX_SUPPLEMENT_ROUNDS)
      throw new UnprocessableError(
        `보완 요청은 한 신청에 ${MAX_SUPPLEMENT_ROUNDS}번까지 할 수 있습니다.`,
        'SUPPLEMENT_LIMIT',
      );
    let program: Program | undefined;
    if (transition.consumesQuota || transition.recordsSupport) {
      program = await repos.programs.get(app.programId);
      if (!program) throw new NotFoundError('사업을 찾을 수 없습니다.', 'PROGRAM_NOT_FOUND');
      const cap = benefitCap(program);
      if (cap !== undefined && given.amount! > cap)
        throw new UnprocessableError(
          '선정 금액(amount)이 이 사업의 지원 한도를 넘습니다.',
          'AMOUNT_OVER_BENEFIT',
        );
    }
    const at = clock().toISOString();
    const entry: TimelineEntry = {
      at,
      action,
      from: app.status,
      to: transition.to,
      actor,
      actorId,
      ...(given.message ? { message: given.message } : {}),
      ...(transition.requiresAmount ? { amount: given.amount! } : {}),
      ...(given.files?.length ? { files: given.files } : {}),
    };
    const next = nextApplication(app, transition, entry);
    const written = await repos.applications.transition({
      next,
      expectedVersion: version,
      from: app.status,
      releaseGuard: releasesGuard(transition.to),
      ...(transition.consumesQuota
        ? {
            quota: {
              programId: app.programId,
              amount: given.amount!,
              limits: (program ? settingsOf(program).quota : undefined) ?? {},
            },
          }
        : {}),
      ...(transition.recordsSupport
        ? {
            award: {
              brn: app.brn,
              support: {
                programId: app.programId,
                year: Number(todayInKorea(clock).slice(0, 4)),
                source: 'portal' as const,
                applicationId: app.id,
                amount: given.amount!,
              },
            },
          }
        : {}),
      audit: {
        entityType: 'application',
        entityId: app.id,
        at,
        actorId,
        action: `application.${action}`,
        summary: `${app.status} → ${transition.to}`,
        version: next.version,
      },
    });
    if (transition.notifiesOwner) await notify(written, entry);
    return written;
  }

  async function staffDecision(
    caller: Caller,
    app: Application,
    version: number,
    d: Omit<DecisionRequest, 'version'>,
  ) {
    return step(app, version, d.action, 'staff', caller.sub, { message: d.message, amount: d.amount });
  }

  return {
    /**
     * 통합신청: checks every program first (exists, open today, eligible now on the stored profile, no active
     * application, form complete) and creates nothing if any fails; the error lists each program. The same
     * idempotency key with the same request returns the first result, created once.
     */
    async apply(caller: Caller, brnInput: string, request: ApplyRequest): Promise<ShownApplication[]> {
      const business = await ownedBusiness(caller, brnInput);
      const brn = business.profile.brn;
      const hash = requestHash(brn, request);
      const replayed = await replay(caller, request.idempotencyKey, hash);
      if (replayed) return replayed.map(withoutSecrets);

      const asOf = today();
      const ctx = await evalContext(asOf);
      const stage = deriveStage(business.profile, asOf)?.stage ?? null;
      const failures: ApplyFailure[] = [];
      const ready: { program: Program; reasons: Reason[]; answers: Application['answers'] }[] = [];
      for (const programId of request.programIds) {
        const program = await repos.programs.get(programId);
        if (!program || program.status === 'draft') {
          failures.push({ programId, code: 'PROGRAM_NOT_FOUND', message: '사업을 찾을 수 없습니다.' });
          continue;
        }
        const title = `「${program.title}」`;
        if (!isOpenAsOf(program, asOf)) {
          failures.push({
            programId,
            code: 'PROGRAM_NOT_OPEN',
            message: `${title} 사업은 지금 신청을 받지 않습니다.`,
          });
          continue;
        }
        const evaluation = evaluateProgram(program, business.profile, ctx);
        if (!evaluation.eligible) {
          const unmet = evaluation.reasons.filter((r) => r.met !== true).map((r) => r.text);
          failures.push({
            programId,
            code: 'NOT_ELIGIBLE',
            message: `${title} 사업의 신청 자격을 갖추지 못했습니다: ${unmet.slice(0, 3).join(' / ')}`,
          });
          continue;
        }
        if (await repos.applications.activeId(brn, programId)) {
          failures.push({
            programId,
            code: 'ALREADY_APPLIED',
            message: `${title} 사업에 진행 중인 신청이 있습니다.`,
          });
          continue;
        }
        const settings = settingsOf(program);
        const answers = prefillAnswers(settings.fields, business.profile, request.answers?.[programId]);
        const issues = checkAnswers(settings.fields, answers);
        if (issues.length > 0) {
          failures.push({
            programId,
            code: 'INCOMPLETE_FORM',
            message: `${title} 사업의 신청서에 채워야 할 항목이 있습니다.`,
            fields: issues,
          });
          continue;
        }
        const rapid = settings.rapidPayment !== undefined;
        if (rapid && !request.account) {
          failures.push({
            programId,
            code: 'ACCOUNT_REQUIRED',
            message: `${title} 사업은 신속지급 사업이라 지원금을 받을 계좌(account)가 필요합니다.`,
          });
          continue;
        }
        if (!rapid && request.account) {
          failures.push({
            programId,
            code: 'ACCOUNT_NOT_ALLOWED',
            message: `${title} 사업은 신속지급 사업이 아니라 계좌(account)를 받지 않습니다.`,
          });
          continue;
        }
        ready.push({ program, reasons: evaluation.reasons, answers });
      }
      if (failures.length > 0) throw checksFailed(failures);

      const at = clock().toISOString();
      const built: Application[] = ready.map(({ program, reasons, answers }) => {
        const entry: TimelineEntry = {
          at,
          action: 'submit',
          to: 'submitted',
          actor: 'owner',
          actorId: caller.sub,
        };
        return {
          id: newId(),
          brn,
          ownerId: caller.sub,
          programId: program.id,
          agencyId: program.agencyId,
          sido: business.profile.regionCode.slice(0, 2),
          stage,
          status: 'submitted',
          version: 1,
          submittedAt: at,
          updatedAt: at,
          answers,
          documents: resolveDocuments(settingsOf(program).documents, {
            registryChecked: business.ownerId !== undefined,
            profile: business.profile,
          }),
          snapshot: {
            profile: business.profile,
            programVersion: program.version,
            programTitle: program.title,
            ...(program.titleEn ? { programTitleEn: program.titleEn } : {}),
            reasons,
            asOf,
          },
          supplementRounds: 0,
          timeline: [entry],
        };
      });
      const account = request.account;
      const applications = account
        ? await Promise.all(built.map(async (a) => ({ ...a, account: await storedAccount(account, a.id) })))
        : built;
      try {
        await repos.applications.create({
          applications,
          idempotency: {
            ownerId: caller.sub,
            key: request.idempotencyKey,
            requestHash: hash,
            applicationIds: applications.map((a) => a.id),
            createdAt: at,
          },
          audit: applications.map((a) => ({
            entityType: 'application',
            entityId: a.id,
            at,
            actorId: caller.sub,
            action: 'application.submit',
            summary: `submitted (${a.programId})${a.account ? ', account sealed' : ''}`,
            version: 1,
          })),
        });
      } catch (err) {
        if (err instanceof ConflictError && err.code === 'IDEMPOTENCY_KEY_USED') {
          // A double submit that raced this one: answer with what it created.
          const raced = await replay(caller, request.idempotencyKey, hash);
          if (raced) return raced.map(withoutSecrets);
        }
        if (err instanceof ConflictError && err.code === 'ALREADY_APPLIED') {
          const ids = (err.details as { programIds: string[] }).programIds;
          const titles = new Map(ready.map((r) => [r.program.id, r.program.title]));
          throw checksFailed(
            ids.map((programId) => ({
              programId,
              code: 'ALREADY_APPLIED' as const,
              message: `「${titles.get(programId) ?? programId}」 사업에 진행 중인 신청이 있습니다.`,
            })),
          );
        }
        throw err;
      }
      for (const app of applications) await notify(app, app.timeline[0]!);
      return applications.map(withoutSecrets);
    },

    async listForBusiness(caller: Caller, brn: string, cursor?: string): Promise<Page<ShownApplication>> {
      const business = await ownedBusiness(caller, brn);
      const page = await repos.applications.listByBusiness(business.profile.brn, {
        limit: STAFF_QUEUE_PAGE_SIZE,
        ...(cursor ? { cursor } : {}),
      });
      // A business that changed hands: the new owner does not see the previous owner's applications.
      return { ...page, items: page.items.filter((a) => a.ownerId === caller.sub).map(withoutSecrets) };
    },

    async getForOwner(caller: Caller, id: string): Promise<ShownApplication> {
      return withoutSecrets(await ownApplication(caller, id));
    },

    /** The application, if the caller reviews its agency (404 otherwise); no re-evaluation. */
    getReviewed: agencyApplication,

    async withdraw(caller: Caller, id: string, version: number): Promise<ShownApplication> {
      return withoutSecrets(
        await step(await ownApplication(caller, id), version, 'withdraw', 'owner', caller.sub, {}),
      );
    },

    async respondToSupplement(
      caller: Caller,
      id: string,
      input: SupplementResponseRequest,
    ): Promise<ShownApplication> {
      const app = await ownApplication(caller, id);
      const done = await step(app, input.version, 'respond-supplement', 'owner', caller.sub, {
        message: input.message,
        files: input.files,
      });
      return withoutSecrets(done);
    },

    /** Support history (지원이력): portal awards (포털 선정) and what the owner entered (자가 입력), newest first. */
    supportHistory: history.list,

    /** Adds support received elsewhere, marked self-reported (자가 입력). */
    addSelfReportedSupport: history.addSelfReported,

    /** The staff queue of one program (own agency; admin any), newest first, 50 a page. */
    async listForStaff(caller: Caller, query: StaffQueueQuery): Promise<Page<Application>> {
      const program = await reviewedProgram(repos, caller, query.programId);
      const filter: ApplicationFilter = {
        ...(query.status ? { status: query.status } : {}),
        ...(query.sido ? { sido: query.sido } : {}),
        ...(query.stage ? { stage: query.stage } : {}),
      };
      return repos.applications.listByProgram(program.id, {
        ...filter,
        limit: STAFF_QUEUE_PAGE_SIZE,
        ...(query.cursor ? { cursor: query.cursor } : {}),
      });
    },

    async countsForStaff(caller: Caller, programId: string): Promise<Record<ApplicationStatus, number>> {
      await reviewedProgram(repos, caller, programId);
      return repos.applications.countByStatus(programId);
    },

    /** The application with the reasons at submission (snapshot) and re-evaluated now on the current profile. */
    async getForStaff(caller: Caller, id: string): Promise<StaffApplication> {
      const app = await agencyApplication(caller, id);
      const [program, business] = await Promise.all([
        repos.programs.get(app.programId),
        repos.businesses.get(app.brn),
      ]);
      if (!program || !business) return { ...withoutSecrets(app), reasonsNow: [], eligibleNow: null };
      const now = evaluateProgram(program, business.profile, await evalContext(today()));
      return { ...withoutSecrets(app), reasonsNow: now.reasons, eligibleNow: now.eligible };
    },

    async decide(caller: Caller, id: string, decision: DecisionRequest): Promise<ShownApplication> {
      const app = await agencyApplication(caller, id);
      return withoutSecrets(await staffDecision(caller, app, decision.version, decision));
    },

    /** Each id decided at its current version, or refused on its own with a code and a Korean reason. */
    async bulkDecide(caller: Caller, request: BulkDecisionRequest): Promise<BulkDecisionResult[]> {
      const results = new Map<string, BulkDecisionResult>();
      await mapWithConcurrency(request.ids, BULK_CONCURRENCY, async (id) => {
        try {
          const app = await agencyApplication(caller, id);
          const done = await staffDecision(caller, app, app.version, request);
          results.set(id, { id, ok: true, status: done.status, version: done.version });
        } catch (err) {
          if (!(err instanceof Error) || !('code' in err) || typeof err.code !== 'string') throw err;
          results.set(id, { id, ok: false, code: err.code, message: err.message });
        }
      });
      return request.ids.map((id) => results.get(id)!);
    },

    /** Records the payment of an approved award (staff of the agency, or the portal's payment job). */
    async pay(
      caller: Caller | { role: 'system'; sub: string },
      id: string,
      version: number,
    ): Promise<ShownApplication> {
      if (caller.role === 'system') {
        const app = await repos.applications.get(id);
        if (!app) throw new NotFoundError(APP_NOT_FOUND, 'APPLICATION_NOT_FOUND');
        return withoutSecrets(await step(app, version, 'pay', 'system', caller.sub, {}));
      }
      return withoutSecrets(
        await step(await agencyApplication(caller, id), version, 'pay', 'staff', caller.sub, {}),
      );
    },
  };
}

export type ApplicationService = ReturnType<typeof createApplicationService>;
