import {
  type Application,
  isActiveStatus,
  type ShownApplication,
  withoutSecrets,
} from '@sbiz24/shared/application/index';
import { latestDamageKind, type RapidPayment, rapidPaymentAmount } from '@sbiz24/shared/application/settings';
import type { AccountUpdateRequest } from '@sbiz24/shared/contract/applications';
import {
  APPROVE_ELIGIBLE_BATCH,
  APPROVE_ELIGIBLE_MAX_SCAN,
  type ApproveEligibleRequest,
  type ApproveEligibleResponse,
  PAYMENT_FILE_MAX_ROWS,
  PAYMENT_RESULTS_MAX_REPORTED,
  type PaymentResultsResponse,
} from '@sbiz24/shared/contract/rapid-payment';
import { todayInKorea } from '@sbiz24/shared/dates';
import { ConflictError, NotFoundError, UnprocessableError } from '@sbiz24/shared/errors';
import type { Program } from '@sbiz24/shared/program/program';
import { maskAccountNumber, parseAccountNumber } from '@sbiz24/shared/relief/bank-account';
import { BankResultFileError, parseBankResults } from '@sbiz24/shared/relief/bank-results';
import type { ApplicationRepositories, StoredBusiness } from '@sbiz24/shared/repositories';
import { evaluateProgram } from '@sbiz24/shared/rules/match';
import { mapWithConcurrency } from '../store/batch';
import type { AccountVault } from './account-vault';
import { reviewedProgram } from './application-access';
import { settingsOf } from './application-forms';
import { csvCell, everyApplication } from './application-reports';
import type { ApplicationService } from './application-service';
import {
  decodeFilePosition,
  decodePosition,
  encodeFilePosition,
  encodePosition,
  PENDING,
  type Position,
} from './rapid-payment-cursors';
import type { Caller, CatalogCache } from './types';

export interface RapidPaymentDeps {
  repos: ApplicationRepositories;
  clock: () => Date;
  catalog: CatalogCache;
  accountVault: AccountVault;
  applications: ApplicationService;
  /** Random notification ids. */
  newId: () => string;
  /** Rows of one payment file. @default PAYMENT_FILE_MAX_ROWS */
  paymentFileRows?: number;
}

/** Approvals (and result lines) run this many at a time. */
const CONCURRENCY = 4;

const APP_NOT_FOUND = '신청을 찾을 수 없습니다.';

/**
 * Rapid payment (신속지급): approving every pending application that is still eligible (re-checked at the
 * decision, within the program's quota), the bank's payment file (the only place account numbers are opened),
 * the bank's results (paid, or a failure the owner corrects), and the owner's account correction.
 */
export function createRapidPaymentService({
  repos,
  clock,
  catalog,
  accountVault,
  applications,
  newId,
  paymentFileRows = PAYMENT_FILE_MAX_ROWS,
}: RapidPaymentDeps) {
  async function rapidProgram(
    caller: Caller,
    programId: string,
  ): Promise<{ program: Program; rapid: RapidPayment }> {
    const program = await reviewedProgram(repos, caller, programId);
    const rapid = settingsOf(program).rapidPayment;
    if (!rapid)
      throw new UnprocessableError(
        `「${program.title}」 사업은 신속지급 사업이 아닙니다. 사업 설정에서 신속지급을 켜 주세요.`,
        'NOT_RAPID_PAYMENT',
      );
    return { program, rapid };
  }

  async function evalContext() {
    const snapshot = await catalog.get();
    return { asOf: todayInKorea(clock), disasters: snapshot.disasters };
  }

  /** Whether the application could be approved now, and for how much; or the reason it cannot. */
  function judge(
    app: Application,
    business: StoredBusiness | undefined,
    program: Program,
    rapid: RapidPayment,
    ctx: Awaited<ReturnType<typeof evalContext>>,
  ): { ok: true; amount: number } | { ok: false; code: string } {
    if (!app.account) return { ok: false, code: 'ACCOUNT_MISSING' };
    if (!business) return { ok: false, code: 'BUSINESS_NOT_FOUND' };
    if (!evaluateProgram(program, business.profile, ctx).eligible) return { ok: false, code: 'NOT_ELIGIBLE' };
    return { ok: true, amount: rapidPaymentAmount(rapid, latestDamageKind(business.profile)) };
  }

  async function audit(caller: Caller, programId: string, action: string, summary: string) {
    await repos.audit.append({
      entityType: 'program',
      entityId: programId,
      at: clock().toISOString(),
      actorId: caller.sub,
      action,
      summary,
    });
  }

  async function countPending(programId: string): Promise<number> {
    const counts = await repos.applications.countByStatus(programId);
    return PENDING.reduce((sum, s) => sum + counts[s], 0);
  }

  async function dryRun(
    caller: Caller,
    program: Program,
    rapid: RapidPayment,
  ): Promise<ApproveEligibleResponse> {
    const ctx = await evalContext();
    const usage = await repos.applications.quotaUsage(program.id);
    const limits = settingsOf(program).quota ?? {};
    const refused: Record<string, number> = {};
    let approved = 0;
    let processed = 0;
    let truncated = false;
    // The businesses are read a batch at a time, as the approvals below read them.
    const chunk: Application[] = [];
    const judgeChunk = async () => {
      const businesses = await repos.businesses.getMany(chunk.map((a) => a.brn));
      for (const app of chunk.splice(0)) {
        const verdict = judge(app, businesses.get(app.brn), program, rapid, ctx);
        let code = verdict.ok ? undefined : verdict.code;
        if (verdict.ok) {
          const over =
            (limits.maxAwards !== undefined && usage.awards + 1 > limits.maxAwards) ||
            (limits.budget !== undefined && usage.budgetUsed + verdict.amount > limits.budget);
          if (over) code = 'QUOTA_EXCEEDED';
          else {
            usage.awards += 1;
            usage.budgetUsed += verdict.amount;
            approved += 1;
          }
        }
        if (code) refused[code] = (refused[code] ?? 0) + 1;
      }
    };
    outer: for (const status of PENDING) {
      for await (const app of everyApplication(repos, program.id, { status })) {
        if (processed === APPROVE_ELIGIBLE_MAX_SCAN) {
          truncated = true;
          break outer;
        }
        processed += 1;
        chunk.push(app);
        if (chunk.length === APPROVE_ELIGIBLE_BATCH) await judgeChunk();
      }
    }
    await judgeChunk();
    await audit(caller, program.id, 'rapid.approve-eligible.count', `${approved} of ${processed} approvable`);
    return { dryRun: true, pending: processed, approved, refused, processed, cursor: null, truncated };
  }

  return {
    /**
     * "Approve every pending application that is still eligible": a dry run counts (nothing written); otherwise
     * one batch of at most APPROVE_ELIGIBLE_BATCH from `cursor`, each re-checked (eligible now, account given)
     * and approved at its current version for the program's amount, within its quota. The browser repeats the
     * call with the returned cursor until it is null.
     */
    async approveEligible(caller: Caller, programId: string, request: ApproveEligibleRequest) {
      const { program, rapid } = await rapidProgram(caller, programId);
      if (request.dryRun) return dryRun(caller, program, rapid);
      const position = decodePosition(request.cursor);
      const pending = position.t ?? (await countPending(program.id));
      const page = await repos.applications.listByProgram(program.id, {
        status: PENDING[position.s]!,
        limit: APPROVE_ELIGIBLE_BATCH,
        ...(position.c ? { cursor: position.c } : {}),
      });
      const ctx = await evalContext();
      const businesses = await repos.businesses.getMany(page.items.map((a) => a.brn));
      const refused: Record<string, number> = {};
      let approved = 0;
      await mapWithConcurrency(page.items, CONCURRENCY, async (app) => {
        const verdict = judge(app, businesses.get(app.brn), program, rapid, ctx);
        let code = verdict.ok ? undefined : verdict.code;
        if (verdict.ok) {
          try {
            await applications.decide(caller, app.id, {
              version: app.version,
              action: 'approve',
              amount: verdict.amount,
            });
            approved += 1;
          } catch (err) {
            if (!(err instanceof Error) || !('code' in err) || typeof err.code !== 'string') throw err;
            code = err.code;
          }
        }
        if (code) refused[code] = (refused[code] ?? 0) + 1;
      });
      const next: Position | undefined = page.cursor
        ? { s: position.s, c: page.cursor, t: pending }
        : position.s + 1 < PENDING.length
          ? { s: position.s + 1, t: pending }
          : undefined;
      const refusedCount = Object.values(refused).reduce((a, b) => a + b, 0);
      await audit(
        caller,
        program.id,
        'rapid.approve-eligible',
        `${approved} approved, ${refusedCount} left pending (${PENDING[position.s]})`,
      );
      return {
        dryRun: false,
        pending,
        approved,
        refused,
        processed: page.items.length,
        cursor: next ? encodePosition(next) : null,
        truncated: false,
      } satisfies ApproveEligibleResponse;
    },

    /**
     * The bank's payment file: the approved, unpaid applications with an account and no unresolved payment
     * failure — bank code, account number (opened here, nowhere else), holder, amount, business number,
     * application id. UTF-8 with a BOM, CRLF. A large payout comes as several files of at most
     * PAYMENT_FILE_MAX_ROWS rows, each read on its own (an API response stays small and quick): `next` is the
     * position of the following file, null after the last. Audited with the file's number, rows and total.
     */
    async paymentFile(
      caller: Caller,
      programId: string,
      cursor?: string,
    ): Promise<{ filename: string; body: string; rows: number; part: number; next: string | null }> {
      const { program } = await rapidProgram(caller, programId);
      const position = decodeFilePosition(cursor);
      const header = ['은행코드', '계좌번호', '예금주', '지급액', '사업자등록번호', '신청 ID'];
      const due: Application[] = [];
      let storeCursor = position.c;
      do {
        const page = await repos.applications.listByProgram(program.id, {
          status: 'approved',
          limit: Math.min(APPROVE_ELIGIBLE_BATCH, paymentFileRows - due.length),
          ...(storeCursor ? { cursor: storeCursor } : {}),
        });
        for (const app of page.items)
          if (app.account && !app.paymentFailure && app.amount !== undefined) due.push(app);
        storeCursor = page.cursor;
      } while (storeCursor && due.length < paymentFileRows);
      const lines: string[] = new Array(due.length);
      await mapWithConcurrency(
        due.map((app, i) => ({ app, i })),
        8,
        async ({ app, i }) => {
          const digits = await accountVault.open(app.account!.sealed, app.id);
          lines[i] = [app.account!.bankCode, digits, app.account!.holder, app.amount, app.brn, app.id]
            .map(csvCell)
            .join(',');
        },
      );
      const total = due.reduce((sum, a) => sum + (a.amount ?? 0), 0);
      await audit(
        caller,
        program.id,
        'rapid.payment-file',
        `file ${position.p}: ${due.length} rows, ${total} won`,
      );
      return {
        filename: `${program.id}-payments-${position.p}.csv`,
        body: `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`,
        rows: due.length,
        part: position.p,
        next: storeCursor ? encodeFilePosition({ c: storeCursor, p: position.p + 1 }) : null,
      };
    },

    /**
     * The bank's result file (UTF-8 or CP949 CSV with a header naming 신청 ID, 결과 and optionally 사유):
     * a success pays the application (approved → paid, as the `pay` decision); a failure keeps it approved with
     * the bank's reason for the owner to correct the account. Lines that name no application of this program,
     * or one not awaiting payment, are reported and change nothing.
     */
    async recordResults(
      caller: Caller,
      programId: string,
      bytes: Uint8Array,
    ): Promise<PaymentResultsResponse> {
      const { program } = await rapidProgram(caller, programId);
      let parsed: ReturnType<typeof parseBankResults>;
      try {
        parsed = parseBankResults(bytes);
      } catch (err) {
        if (err instanceof BankResultFileError) throw new UnprocessableError(err.message, err.code);
        throw err;
      }
      const failed: PaymentResultsResponse['failed'] = parsed.problems.map((p) => ({
        line: p.line,
        applicationId: p.applicationId,
        code: p.code,
        reason: p.reason,
      }));
      let paid = 0;
      let bankRefused = 0;
      const at = clock().toISOString();
      const report = (line: number, applicationId: string | null, code: string, reason: string) =>
        failed.push({ line, applicationId, code, reason });

      await mapWithConcurrency(parsed.lines, CONCURRENCY, async (result) => {
        const { line, applicationId: id } = result;
        const app = await repos.applications.get(id);
        if (!app || app.programId !== program.id) {
          report(line, id, 'APPLICATION_NOT_FOUND', '이 사업의 신청이 아닙니다.');
          return;
        }
        if (app.status !== 'approved') {
          report(
            line,
            id,
            app.status === 'paid' ? 'ALREADY_PAID' : 'NOT_APPROVED',
            '지급을 기다리는 신청이 아닙니다.',
          );
          return;
        }
        try {
          if (result.outcome === 'paid') {
            await applications.pay(caller, id, app.version);
            paid += 1;
            return;
          }
          const { reason } = result;
          const next: Application = {
            ...app,
            version: app.version + 1,
            updatedAt: at,
            paymentFailure: { at, reason },
          };
          await repos.applications.transition({
            next,
            expectedVersion: app.version,
            from: 'approved',
            releaseGuard: false,
            audit: {
              entityType: 'application',
              entityId: id,
              at,
              actorId: caller.sub,
              action: 'application.payment-failed',
              summary: 'bank refused the payment',
              version: next.version,
            },
          });
          bankRefused += 1;
          report(line, id, 'BANK_REFUSED', reason);
          await repos.notifications
            .add({
              id: newId(),
              userId: app.ownerId,
              createdAt: at,
              kind: 'application',
              title: `지원금을 보내지 못했습니다: ${app.snapshot.programTitle}`,
              body: `은행이 알려 온 사유: ${reason}. 신청 현황에서 계좌를 고쳐 주시면 다음 지급에 포함합니다.`,
              brn: app.brn,
              programId: app.programId,
              read: false,
              dedupeKey: `application#${app.id}#${next.version}`,
            })
            .catch(() => undefined);
        } catch (err) {
          if (!(err instanceof Error) || !('code' in err) || typeof err.code !== 'string') throw err;
          report(line, id, err.code, err.message);
        }
      });
      failed.sort((a, b) => a.line - b.line);
      await audit(
        caller,
        program.id,
        'rapid.payment-results',
        `${parsed.total} lines: ${paid} paid, ${bankRefused} refused by the bank, ${failed.length - bankRefused} not applied`,
      );
      return {
        paid,
        failed: failed.slice(0, PAYMENT_RESULTS_MAX_REPORTED),
        failedCount: failed.length,
        encoding: parsed.encoding,
      };
    },

    /**
     * The owner replaces the account of their own rapid-payment application (before payment), at the version
     * they read: the new number is sealed, a payment failure is cleared, and the next payment file includes it.
     */
    async updateAccount(
      caller: Caller,
      id: string,
      request: AccountUpdateRequest,
    ): Promise<ShownApplication> {
      const app = await repos.applications.get(id);
      if (!app || app.ownerId !== caller.sub) throw new NotFoundError(APP_NOT_FOUND, 'APPLICATION_NOT_FOUND');
      if (!app.account)
        throw new UnprocessableError('신속지급 신청이 아니라 계좌를 받지 않습니다.', 'ACCOUNT_NOT_ALLOWED');
      if (app.version !== request.version)
        throw new ConflictError(
          '다른 사용자가 먼저 수정했습니다. 최신 내용을 다시 불러온 뒤 수정해 주세요.',
          'VERSION_CONFLICT',
          { expectedVersion: request.version, currentVersion: app.version },
        );
      if (!isActiveStatus(app.status))
        throw new ConflictError(
          '지급이 끝났거나 종료된 신청은 계좌를 바꿀 수 없습니다.',
          'TRANSITION_NOT_ALLOWED',
        );
      const parsed = parseAccountNumber(request.account.number);
      if (!parsed.ok)
        throw new UnprocessableError('계좌번호(number)가 올바르지 않습니다.', 'ACCOUNT_INVALID');
      const at = clock().toISOString();
      const { paymentFailure: _cleared, ...rest } = app;
      const next: Application = {
        ...rest,
        version: app.version + 1,
        updatedAt: at,
        account: {
          bankCode: request.account.bankCode,
          holder: request.account.holder,
          masked: maskAccountNumber(parsed.value),
          sealed: await accountVault.seal(parsed.value, app.id),
        },
      };
      const written = await repos.applications.transition({
        next,
        expectedVersion: app.version,
        from: app.status,
        releaseGuard: false,
        audit: {
          entityType: 'application',
          entityId: app.id,
          at,
          actorId: caller.sub,
          action: 'application.account-update',
          summary: `account replaced${app.paymentFailure ? ' after a payment failure' : ''}`,
          version: next.version,
        },
      });
      return withoutSecrets(written);
    },
  };
}

export type RapidPaymentService = ReturnType<typeof createRapidPaymentService>;
