import { useState } from 'react';
import {
  type Application,
  type ApplicationStatus,
  type DocumentStatus,
  type FileMetadata,
  fileDownloadUrl,
  type TimelineEntry,
} from '../../api/applications';
import { ApiError } from '../../api/client';
import { StepIndicator } from '../../components/StepIndicator';
import { useLang } from '../../i18n/i18n';
import { formatDateTime, formatWon } from '../../lib/format';

const STATUS_TONE: Record<ApplicationStatus, string> = {
  submitted: 'outline-information',
  'in-review': 'outline-primary',
  'supplement-requested': 'bg-light-warning',
  approved: 'bg-light-success',
  paid: 'bg-light-success',
  rejected: 'bg-light-danger',
  withdrawn: 'outline-disabled',
};

/** An application's status in words (never colour alone). */
export function AppStatusBadge({ status }: { status: ApplicationStatus }) {
  const { t } = useLang();
  return <span className={`krds-badge ${STATUS_TONE[status]}`}>{t(`appStatus.${status}`)}</span>;
}

type StepKey = 'submitted' | 'review' | 'supplement' | 'approved' | 'rejected' | 'paid' | 'withdrawn';

/**
 * The steps an application goes through, as the owner follows them (진행현황): 접수 → 심사 → 선정 → 지급 완료;
 * a supplement request stands in the review step, a rejection or a withdrawal ends the path early.
 */
export function applicationSteps(status: ApplicationStatus): { keys: StepKey[]; current: number } {
  switch (status) {
    case 'submitted':
      return { keys: ['submitted', 'review', 'approved', 'paid'], current: 0 };
    case 'in-review':
      return { keys: ['submitted', 'review', 'approved', 'paid'], current: 1 };
    case 'supplement-requested':
      return { keys: ['submitted', 'supplement', 'approved', 'paid'], current: 1 };
    case 'approved':
      return { keys: ['submitted', 'review', 'approved', 'paid'], current: 2 };
    case 'paid':
      return { keys: ['submitted', 'review', 'approved', 'paid'], current: 3 };
    case 'rejected':
      return { keys: ['submitted', 'review', 'rejected'], current: 2 };
    case 'withdrawn':
      return { keys: ['submitted', 'withdrawn'], current: 1 };
  }
}

export function ApplicationSteps({ app }: { app: Pick<Application, 'status' | 'snapshot'> }) {
  const { t, lang } = useLang();
  const { keys, current } = applicationSteps(app.status);
  const title = (lang === 'en' && app.snapshot.programTitleEn) || app.snapshot.programTitle;
  return (
    <StepIndicator
      steps={keys.map((k) => t(`appSteps.${k}`))}
      current={current}
      label={t('appSteps.label', { title })}
    />
  );
}

/** Each document the program needs: 확인됨 with where the portal has it from, or 제출 필요. */
export function DocumentList({ documents }: { documents: DocumentStatus[] }) {
  const { t, lang } = useLang();
  return (
    <ul className="app-doc-list">
      {documents.map((d) => (
        <li key={d.id} className="app-doc">
          <span className={`krds-badge ${d.state === 'confirmed' ? 'bg-light-success' : 'bg-light-warning'}`}>
            <span aria-hidden="true">{d.state === 'confirmed' ? '✓ ' : '! '}</span>
            {t(`docState.${d.state}`)}
          </span>{' '}
          <span className="app-strong">{lang === 'en' && d.labelEn ? d.labelEn : d.label}</span>
          {d.required ? null : <span className="app-muted"> ({t('common.optional')})</span>}
          {d.state === 'confirmed' && d.source ? (
            <span className="app-muted app-doc-source">{t('apply.docSource', { source: d.source })}</span>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** A byte count as people read it: 820 KB, 3.4 MB. */
export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}

/** A file with a button that opens it through a short-lived link (the files are private). */
function FileItem({
  file: f,
  staffApplicationId,
}: {
  file: FileMetadata;
  staffApplicationId?: string | undefined;
}) {
  const { t } = useLang();
  const [error, setError] = useState<string>();
  const open = async () => {
    setError(undefined);
    try {
      window.location.assign(await fileDownloadUrl(f.id, staffApplicationId));
    } catch (x) {
      setError(x instanceof ApiError ? x.message : t('common.unexpected'));
    }
  };
  return (
    <li>
      <span aria-hidden="true">📎 </span>
      {f.name} <span className="app-muted">({formatBytes(f.size)})</span>{' '}
      <button type="button" className="krds-btn text small" onClick={() => void open()}>
        {t('appDetail.openFile', { name: f.name })}
      </button>
      {error ? <span className="app-error-text"> {error}</span> : null}
    </li>
  );
}

export function FileList({
  files,
  staffApplicationId,
}: {
  files: FileMetadata[];
  /** Set on staff pages: files are read through the application under review. */
  staffApplicationId?: string | undefined;
}) {
  return (
    <ul className="app-file-list">
      {files.map((f) => (
        <FileItem key={f.id} file={f} staffApplicationId={staffApplicationId} />
      ))}
    </ul>
  );
}

/** The application's steps, oldest first: when, what, who, and the message, amount and files given. */
export function Timeline({
  entries,
  staffApplicationId,
}: {
  entries: TimelineEntry[];
  staffApplicationId?: string | undefined;
}) {
  const { t, lang } = useLang();
  return (
    <ol className="app-timeline">
      {entries.map((e, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: a timeline only grows at the end
        <li key={i} className="app-timeline-item">
          <p className="app-timeline-head">
            <span className="app-strong">{t(`appAction.${e.action}`)}</span>{' '}
            <span aria-hidden="true">→ </span>
            <span className="sr-only">, </span>
            <AppStatusBadge status={e.to} />
          </p>
          <p className="app-muted">
            <time dateTime={e.at}>{formatDateTime(e.at, lang)}</time> · {t(`appActor.${e.actor}`)}
          </p>
          {e.amount !== undefined ? (
            <p>
              {t('appDetail.amount')}: {formatWon(e.amount, lang)}
            </p>
          ) : null}
          {e.message ? <p className="app-timeline-message">{e.message}</p> : null}
          {e.files && e.files.length > 0 ? (
            <FileList files={e.files} staffApplicationId={staffApplicationId} />
          ) : null}
        </li>
      ))}
    </ol>
  );
}

/** The last supplement request's message, if the application is waiting for one. */
export function pendingSupplement(app: Application): TimelineEntry | undefined {
  if (app.status !== 'supplement-requested') return undefined;
  return [...app.timeline].reverse().find((e) => e.action === 'request-supplement');
}

/** The reason of a rejection, for the owner's summary. */
export function rejectionReason(app: Application): string | undefined {
  return [...app.timeline].reverse().find((e) => e.action === 'reject')?.message;
}
