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
  PAYMENT_REASON_MAX_LENGTH,
  PAYMENT_RESULTS_MAX_REPORTED,
  PAYMENT_RESULTS_MAX_ROWS,
  type PaymentResultsResponse,
} from '@sbiz24/shared/contract/rapid-payment';
import { todayInKorea } from '@sbiz24/shared/dates';
import { ConflictError, NotFoundError, UnprocessableError, ValidationError } from '@sbiz24/shared/errors';
import type { Program } from '@sbiz24/shared/program/program';
import { maskAccountNumber, parseAccountNumber } from '@sbiz24/shared/relief/bank-account';
import { csvRecords, DamageFileError, decodeDamageList } from '@sbiz24/shared/relief/damage-list';
import type { ApplicationRepositories, StoredBusiness } from '@sbiz24/shared/repositories';
import { evaluateProgram } from '@sbiz24/shared/rules/match';
import { mapWithConcurrency } from '../store/batch';
import type { AccountVault } from './account-vault';
import { reviewedProgram } from './application-access';
import { settingsOf } from './application-forms';
import { csvCell, everyApplication } from './application-reports';
import type { ApplicationService } from './application-service';
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

/** The statuses approve-eligible decides, in the order it walks them. */
const PENDING = ['submitted', 'in-review'] as const;
/** Approvals (and result lines) run this many at a time. */
const CONCURRENCY = 4;

const APP_NOT_FOUND = '신청을 찾을 수 없습니다.';

/** Digit runs that could be an account number are never kept from a bank's free-text reason. */
function scrubReason(text: string): string {
  const clean = text
    .replace(/\d[\d\s-]{5,}\d/g, '***')
    .replace(/\s+/g, ' ')
    .trim();
  return clean.slice(0, PAYMENT_REASON_MAX_LENGTH) || '은행이 사유를 알려 주지 않았습니다.';
}

interface Position {
  /** Index into PENDING. */
  s: number;
  /** The store's cursor within that status. */
  c?: string;
  /**
   * The pending count of the run's first call, carried along: counting is a read of every application of
   * the program, once per run, not once per batch (which made a run of N applications read N²/100 items).
   */
  t?: number;
}

function encodePosition(p: Position): string {
  return Buffer.from(JSON.stringify(p)).toString('base64url');
}

function decodePosition(cursor: string | undefined): Position {
  if (!cursor) return { s: 0 };
  const bad = () =>
    new ValidationError('이어서 처리할 위치(cursor)가 올바르지 않습니다.', [
      { path: 'cursor', message: '처음부터 다시 시작해 주세요.' },
    ]);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const p = value as Partial<Position>;
  if (
    typeof value !== 'object' ||
    value === null ||
    Object.keys(value).some((k) => k !== 's' && k !== 'c' && k !== 't') ||
    !Number.isInteger(p.s) ||
    p.s! < 0 ||
    p.s! >= PENDING.length ||
    (p.c !== undefined && (typeof p.c !== 'string' || p.c.length === 0 || p.c.length > 1500)) ||
    (p.t !== undefined && (!Number.isSafeInteger(p.t) || p.t < 0))
  )
    throw bad();
  return p as Position;
}

/** Where a payment file starts: the store's cursor among the approved applications, and the file's number. */
interface FilePosition {
  c?: string;
  p: number;
}

function encodeFilePosition(p: FilePosition): string {
  return Buffer.from(JSON.stringify(p)).toString('base64url');
}

function decodeFilePosition(cursor: string | undefined): FilePosition {
  if (!cursor) return { p: 1 };
  const bad = () =>
    new ValidationError('지급 파일의 위치(cursor)가 올바르지 않습니다.', [
      { path: 'cursor', message: '첫 번째 지급 파일부터 다시 내려받아 주세요.' },
    ]);
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw bad();
  }
  const p = value as Partial<FilePosition>;
  if (
    typeof value !== 'object' ||
    value === null ||
    Object.keys(value).some((k) => k !== 'c' && k !== 'p') ||
    typeof p.c !== 'string' ||
    p.c.length === 0 ||
    p.c.length > 1500 ||
    !Number.isInteger(p.p) ||
    p.p! < 2 ||
    p.p! > 10_000
  )
    throw bad();
  return p as FilePosition;
}

const SUCCESS_WORDS = new Set(['성공', '정상', '지급', '지급완료', '완료', 'ok', 'success', 'paid', 'y']);
const FAILURE_WORDS = new Set(['실패', '불능', '오류', '지급불능', 'fail', 'failed', 'error', 'n']);
const ID_COLUMNS = new Set(['신청id', '신청번호', 'applicationid']);
const RESULT_COLUMNS = new Set(['결과', '처리결과', '지급결과', 'result']);
const REASON_COLUMNS = new Set(['사유', '불능사유', '실패사유', 'reason']);
const headerWord = (s: string) => s.replace(/[\s_-]/g, '').toLowerCase();

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
      let decoded: ReturnType<typeof decodeDamageList>;
      try {
        decoded = decodeDamageList(bytes);
      } catch (err) {
        if (err instanceof DamageFileError) throw new UnprocessableError(err.message, 'FILE_TOO_LARGE');
        throw err;
      }
      const records = [...csvRecords(decoded.text)];
      const head = records.shift();
      const columns = (head?.fields ?? []).map(headerWord);
      const idAt = columns.findIndex((c) => ID_COLUMNS.has(c));
      const resultAt = columns.findIndex((c) => RESULT_COLUMNS.has(c));
      const reasonAt = columns.findIndex((c) => REASON_COLUMNS.has(c));
      if (!head || idAt < 0 || resultAt < 0)
        throw new UnprocessableError(
          '은행 결과 파일의 첫 줄에 "신청 ID"와 "결과" 열 이름이 있어야 합니다.',
          'NO_COLUMNS',
        );
      if (records.length === 0) throw new UnprocessableError('은행 결과 파일에 결과 줄이 없습니다.', 'EMPTY');
      if (records.length > PAYMENT_RESULTS_MAX_ROWS)
        throw new UnprocessableError(
          `은행 결과는 한 번에 ${PAYMENT_RESULTS_MAX_ROWS.toLocaleString('ko-KR')}줄까지 올릴 수 있습니다. 나누어 올려 주세요.`,
          'TOO_MANY_ROWS',
        );
      const failed: PaymentResultsResponse['failed'] = [];
      let paid = 0;
      let bankRefused = 0;
      const seen = new Set<string>();
      const at = clock().toISOString();
      const report = (line: number, applicationId: string | null, code: string, reason: string) =>
        failed.push({ line, applicationId, code, reason });

      await mapWithConcurrency(records, CONCURRENCY, async ({ line, fields, unclosed }) => {
        const id = (fields[idAt] ?? '').trim();
        const word = headerWord(fields[resultAt] ?? '');
        if (unclosed || !/^[A-Za-z0-9_-]{16,40}$/.test(id)) {
          report(line, null, 'BAD_LINE', '신청 ID가 없거나 올바르지 않은 줄입니다.');
          return;
        }
        if (seen.has(id)) {
          report(line, id, 'DUPLICATE', '같은 신청이 파일에 두 번 있습니다. 앞의 줄만 반영했습니다.');
          return;
        }
        seen.add(id);
        const success = SUCCESS_WORDS.has(word);
        if (!success && !FAILURE_WORDS.has(word)) {
          report(line, id, 'BAD_RESULT', '결과는 "성공" 또는 "실패"로 써 주세요.');
          return;
        }
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
          if (success) {
            await applications.pay(caller, id, app.version);
            paid += 1;
            return;
          }
          const reason = scrubReason(reasonAt >= 0 ? (fields[reasonAt] ?? '') : '');
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
        `${records.length} lines: ${paid} paid, ${bankRefused} refused by the bank, ${failed.length - bankRefused} not applied`,
      );
      return {
        paid,
        failed: failed.slice(0, PAYMENT_RESULTS_MAX_REPORTED),
        failedCount: failed.length,
        encoding: decoded.encoding,
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
