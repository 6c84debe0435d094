import {
  APPLICATION_STATUS_LABELS,
  APPLICATION_STATUSES,
  type Application,
} from '@sbiz24/shared/application/application';
import type { ApplicationSettings, WithApplicationSettings } from '@sbiz24/shared/application/settings';
import { formatBusinessNumber } from '@sbiz24/shared/business-number/business-number';
import {
  type ApplicationStatsResponse,
  type CsvExportQuery,
  MAX_STATS_APPLICATIONS,
  type StaffQueueItem,
} from '@sbiz24/shared/contract/applications';
import { koreanDate, koreanDateTime } from '@sbiz24/shared/dates';
import { UnprocessableError } from '@sbiz24/shared/errors';
import { STAGE_LABELS } from '@sbiz24/shared/lifecycle/stage';
import { findSido } from '@sbiz24/shared/reference/regions';
import type { ApplicationFilter, Repositories } from '@sbiz24/shared/repositories';
import { reviewedProgram } from './application-access';
import type { Caller } from './types';

/** Reads of whole programs go 100 applications a page (the store's largest). */
const READ_PAGE = 100;
/** The CSV export's row limit: a larger export is refused (narrow it by status or 시도), never cut short. */
export const MAX_CSV_ROWS = 20_000;

/** A queue row: enough to list and filter, without the snapshot and the timeline. */
export function toQueueItem(app: Application): StaffQueueItem {
  return {
    id: app.id,
    brn: app.brn,
    brnFormatted: formatBusinessNumber(app.brn),
    tradeName: app.snapshot.profile.tradeName,
    programId: app.programId,
    status: app.status,
    version: app.version,
    submittedAt: app.submittedAt,
    updatedAt: app.updatedAt,
    sido: app.sido,
    sidoName: findSido(app.sido)?.name ?? app.sido,
    stage: (app.stage as StaffQueueItem['stage']) ?? null,
    ...(app.amount !== undefined ? { amount: app.amount } : {}),
    supplementRounds: app.supplementRounds,
  };
}

export async function* everyApplication(
  repos: Pick<Repositories, 'applications'>,
  programId: string,
  filter: ApplicationFilter,
): AsyncGenerator<Application> {
  let cursor: string | undefined;
  do {
    const page = await repos.applications.listByProgram(programId, {
      ...filter,
      limit: READ_PAGE,
      ...(cursor ? { cursor } : {}),
    });
    yield* page.items;
    cursor = page.cursor;
  } while (cursor);
}

/** One CSV cell (RFC 4180): quoted when needed; a leading = + - @ is defused so Excel shows text, not a formula. */
export function csvCell(value: string | number | undefined | null): string {
  if (value === undefined || value === null) return '';
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

const CSV_HEADER = [
  '신청 ID',
  '사업자등록번호',
  '상호',
  '시도',
  '단계',
  '상태',
  '신청 일시',
  '최종 변경 일시',
  '선정 금액(원)',
  '보완 요청 횟수',
];

const wallClock = (iso: string) => {
  const { date, time } = koreanDateTime(new Date(iso));
  return `${date} ${time}`;
};

function csvRow(app: Application): string {
  const item = toQueueItem(app);
  return [
    item.id,
    item.brnFormatted,
    item.tradeName,
    item.sidoName,
    item.stage ? STAGE_LABELS[item.stage].ko : '',
    APPLICATION_STATUS_LABELS[item.status].ko,
    wallClock(item.submittedAt),
    wallClock(item.updatedAt),
    item.amount,
    item.supplementRounds,
  ]
    .map(csvCell)
    .join(',');
}

/** The staff dashboard's figures and the CSV export of one program's applications. */
export function createApplicationReports({
  repos,
}: {
  repos: Pick<Repositories, 'programs' | 'applications'>;
}) {
  return {
    async stats(caller: Caller, programId: string): Promise<ApplicationStatsResponse> {
      const program = await reviewedProgram(repos, caller, programId);
      const settings: ApplicationSettings | undefined = (program as typeof program & WithApplicationSettings)
        .application;
      const [counts, usage] = await Promise.all([
        repos.applications.countByStatus(program.id),
        repos.applications.quotaUsage(program.id),
      ]);
      const perDay = new Map<string, number>();
      const approvalsBySido: Record<string, number> = {};
      let scanned = 0;
      let truncated = false;
      for await (const app of everyApplication(repos, program.id, {})) {
        if (scanned === MAX_STATS_APPLICATIONS) {
          truncated = true;
          break;
        }
        scanned += 1;
        const day = koreanDate(new Date(app.submittedAt));
        perDay.set(day, (perDay.get(day) ?? 0) + 1);
        if (app.status === 'approved' || app.status === 'paid')
          approvalsBySido[app.sido] = (approvalsBySido[app.sido] ?? 0) + 1;
      }
      const quota = settings?.quota ?? {};
      return {
        programId: program.id,
        counts,
        total: APPLICATION_STATUSES.reduce((sum, s) => sum + counts[s], 0),
        quota: {
          ...(quota.budget !== undefined ? { budget: quota.budget } : {}),
          ...(quota.maxAwards !== undefined ? { maxAwards: quota.maxAwards } : {}),
          awards: usage.awards,
          budgetUsed: usage.budgetUsed,
        },
        perDay: [...perDay].sort(([a], [b]) => a.localeCompare(b)).map(([date, count]) => ({ date, count })),
        approvalsBySido,
        scanned,
        truncated,
      };
    },

    /**
     * The program's applications as CSV (UTF-8 with a BOM, CRLF: Excel opens it with Korean intact), newest
     * first, filtered like the queue. More than MAX_CSV_ROWS rows is refused before anything is sent.
     */
    async csv(
      caller: Caller,
      programId: string,
      filter: CsvExportQuery,
    ): Promise<{ filename: string; body: string }> {
      const program = await reviewedProgram(repos, caller, programId);
      const lines = [CSV_HEADER.map(csvCell).join(',')];
      for await (const app of everyApplication(repos, program.id, filter)) {
        if (lines.length > MAX_CSV_ROWS)
          throw new UnprocessableError(
            `내보낼 신청이 ${MAX_CSV_ROWS.toLocaleString('ko-KR')}건을 넘습니다. 상태나 시도로 좁혀서 내려받아 주세요.`,
            'EXPORT_TOO_LARGE',
          );
        lines.push(csvRow(app));
      }
      return { filename: `${program.id}-applications.csv`, body: `\uFEFF${lines.join('\r\n')}\r\n` };
    },
  };
}

export type ApplicationReports = ReturnType<typeof createApplicationReports>;
