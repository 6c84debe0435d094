import { useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import {
  type ApproveEligibleResponse,
  approveEligible,
  downloadPaymentFile,
  type PaymentResultsResponse,
  uploadPaymentResults,
} from '../../api/rapid-payment';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Alert } from '../../components/Feedback';
import { useLang } from '../../i18n/i18n';
import { formatCount } from '../../lib/format';

const KNOWN_REASONS = [
  'NOT_ELIGIBLE',
  'QUOTA_EXCEEDED',
  'ACCOUNT_MISSING',
  'BUSINESS_NOT_FOUND',
  'VERSION_CONFLICT',
  'AMOUNT_OVER_BENEFIT',
  'TRANSITION_NOT_ALLOWED',
];

type Run =
  | { phase: 'idle' }
  | { phase: 'counting' }
  | { phase: 'confirm'; preview: ApproveEligibleResponse }
  | { phase: 'running'; total: number; done: number; approved: number }
  | { phase: 'done'; approved: number; refused: Record<string, number> };

function addCounts(a: Record<string, number>, b: Record<string, number>) {
  const out = { ...a };
  for (const [k, v] of Object.entries(b)) out[k] = (out[k] ?? 0) + v;
  return out;
}

/**
 * The staff's rapid-payment tools on a program's queue: 지원 대상 일괄 승인 (a dry-run count first, a
 * confirmation that says how many, then batches with a progress bar), 지급 파일 내려받기 and 은행 결과 올리기
 * with what the file did.
 */
export function RapidPaymentPanel({ programId, onChanged }: { programId: string; onChanged: () => void }) {
  const { t, lang } = useLang();
  const [run, setRun] = useState<Run>({ phase: 'idle' });
  const [error, setError] = useState<unknown>(null);
  const [downloading, setDownloading] = useState(false);
  /** After a file of a payout larger than one file: the next file's number and position. */
  const [nextFile, setNextFile] = useState<{ part: number; cursor: string } | null>(null);
  const [uploading, setUploading] = useState(false);
  const [result, setResult] = useState<PaymentResultsResponse | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const reasonLabel = (code: string) =>
    KNOWN_REASONS.includes(code) ? t(`payout.reasons.${code}`) : `${t('payout.reasons.other')} (${code})`;

  const count = async () => {
    setError(null);
    setRun({ phase: 'counting' });
    try {
      setRun({ phase: 'confirm', preview: await approveEligible(programId, { dryRun: true }) });
    } catch (x) {
      setError(x);
      setRun({ phase: 'idle' });
    }
  };

  const approveAll = async (total: number) => {
    setRun({ phase: 'running', total, done: 0, approved: 0 });
    let cursor: string | undefined;
    let done = 0;
    let approved = 0;
    let refused: Record<string, number> = {};
    try {
      do {
        const batch = await approveEligible(programId, cursor ? { cursor } : {});
        done += batch.processed;
        approved += batch.approved;
        refused = addCounts(refused, batch.refused);
        cursor = batch.cursor ?? undefined;
        setRun({ phase: 'running', total: Math.max(total, done), done, approved });
      } while (cursor);
      setRun({ phase: 'done', approved, refused });
    } catch (x) {
      setError(x);
      setRun({ phase: 'done', approved, refused });
    } finally {
      onChanged();
      statusRef.current?.focus();
    }
  };

  const download = async (cursor?: string) => {
    setError(null);
    setDownloading(true);
    try {
      const { part, next } = await downloadPaymentFile(programId, cursor);
      setNextFile(next ? { part: part + 1, cursor: next } : null);
    } catch (x) {
      setError(x);
    } finally {
      setDownloading(false);
    }
  };

  const upload = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    setResult(null);
    setUploading(true);
    try {
      setResult(await uploadPaymentResults(programId, file));
      onChanged();
    } catch (x) {
      setError(x);
    } finally {
      setUploading(false);
      if (fileRef.current) fileRef.current.value = '';
      statusRef.current?.focus();
    }
  };

  const preview = run.phase === 'confirm' ? run.preview : undefined;
  return (
    <section className="app-card app-mt-2" aria-labelledby="payout-title">
      <h2 id="payout-title" className="app-h2">
        {t('payout.title')}
      </h2>
      <p className="app-muted">{t('payout.lead')}</p>
      <div className="app-actions">
        <button
          type="button"
          className="krds-btn primary medium"
          disabled={run.phase === 'counting' || run.phase === 'running'}
          onClick={() => void count()}
        >
          {run.phase === 'counting' ? t('payout.counting') : t('payout.approveAll')}
        </button>
        <button
          type="button"
          className="krds-btn secondary medium"
          disabled={downloading}
          onClick={() => void download()}
        >
          {downloading ? t('payout.downloading') : t('payout.download')}
        </button>
        {nextFile && (
          <button
            type="button"
            className="krds-btn secondary medium"
            disabled={downloading}
            onClick={() => void download(nextFile.cursor)}
          >
            {t('payout.downloadNext', { part: formatCount(nextFile.part, lang) })}
          </button>
        )}
      </div>
      <div className="form-group app-mt-2">
        <div className="form-tit">
          <label htmlFor="payout-results">{t('payout.upload')}</label>
        </div>
        <div className="form-conts">
          <input
            ref={fileRef}
            id="payout-results"
            type="file"
            accept=".csv,text/csv"
            aria-describedby="payout-results-hint"
            disabled={uploading}
            onChange={(e) => void upload(e.target.files?.[0])}
          />
        </div>
        <p className="form-hint" id="payout-results-hint">
          {uploading ? t('payout.uploading') : t('payout.uploadHint')}
        </p>
      </div>

      <div ref={statusRef} tabIndex={-1} aria-live="polite">
        {error ? (
          <Alert tone="danger">
            <p>{error instanceof ApiError ? error.message : t('common.unexpected')}</p>
          </Alert>
        ) : null}
        {run.phase === 'running' ? (
          <div className="app-mt-2">
            <p id="payout-progress-label">{t('payout.running', { done: run.done, total: run.total })}</p>
            <div
              role="progressbar"
              aria-labelledby="payout-progress-label"
              aria-valuemin={0}
              aria-valuemax={run.total}
              aria-valuenow={run.done}
              className="app-progress"
            >
              <div
                className="app-progress-bar"
                style={{ width: `${run.total > 0 ? Math.round((run.done / run.total) * 100) : 100}%` }}
              />
            </div>
          </div>
        ) : null}
        {run.phase === 'done' ? (
          <Alert tone={run.approved > 0 ? 'success' : 'info'}>
            <p>{run.approved > 0 ? t('payout.done', { approved: run.approved }) : t('payout.nothing')}</p>
            <RefusedList refused={run.refused} label={reasonLabel} />
          </Alert>
        ) : null}
        {result ? (
          <Alert tone={result.failedCount > 0 ? 'warning' : 'success'}>
            <p>{t('payout.result', { paid: result.paid, failed: result.failedCount })}</p>
            {result.failed.length > 0 ? (
              <ul>
                {result.failed.map((f) => (
                  <li key={f.line}>
                    {t('payout.line', { line: f.line })}
                    {f.applicationId ? ` (${f.applicationId})` : ''}: {f.reason}
                  </li>
                ))}
              </ul>
            ) : null}
          </Alert>
        ) : null}
      </div>

      <ConfirmDialog
        open={preview !== undefined}
        title={t('payout.approveAll')}
        confirmLabel={t('payout.confirm', { count: preview?.approved ?? 0 })}
        onConfirm={() => void approveAll(preview?.pending ?? 0)}
        onCancel={() => setRun({ phase: 'idle' })}
      >
        {preview ? (
          <>
            <p>
              {t('payout.preview', {
                pending: formatCount(preview.pending, lang),
                approved: formatCount(preview.approved, lang),
              })}
            </p>
            <RefusedList refused={preview.refused} label={reasonLabel} />
          </>
        ) : null}
      </ConfirmDialog>
    </section>
  );
}

function RefusedList({
  refused,
  label,
}: {
  refused: Record<string, number>;
  label: (code: string) => string;
}) {
  const { t } = useLang();
  const entries = Object.entries(refused).filter(([, n]) => n > 0);
  if (entries.length === 0) return null;
  return (
    <>
      <p>{t('payout.refusedHeading')}</p>
      <ul>
        {entries.map(([code, n]) => (
          <li key={code}>
            {label(code)}: {n}
          </li>
        ))}
      </ul>
    </>
  );
}
