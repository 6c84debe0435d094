import { FILE_LIMITS } from '@sbiz24/shared/application/documents';
import { MAX_MESSAGE_LENGTH } from '@sbiz24/shared/contract/applications';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  type Application,
  type FileMetadata,
  ownApplicationPath,
  respondToSupplement,
  withdrawApplication,
} from '../../api/applications';
import { ApiError } from '../../api/client';
import { FileRejectedError, uploadFile } from '../../api/uploads';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorSummary, type SummaryEntry, useFocusRequest } from '../../components/ErrorSummary';
import { Alert, ErrorState, Loading } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import {
  ApplicationSteps,
  AppStatusBadge,
  DocumentList,
  formatBytes,
  pendingSupplement,
  rejectionReason,
  Timeline,
} from '../../features/applications/parts';
import { AccountPanel } from '../../features/relief/AccountPanel';
import { useLang } from '../../i18n/i18n';
import { formatDateTime, formatWon } from '../../lib/format';
import { useApi } from '../../lib/use-api';

const WITHDRAWABLE = new Set(['submitted', 'in-review', 'supplement-requested']);

/**
 * One application as its owner follows it: the steps, the result, the documents and answers, the timeline;
 * the supplement response (message and files) when the agency asked for one; withdrawal before a decision.
 */
export default function ApplicationDetail() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const { data, error, loading, reload, setData } = useApi<{ application: Application }>(
    ownApplicationPath(id),
  );
  const [notice, setNotice] = useState<'withdrawn' | 'supplied' | 'conflict' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [actionError, setActionError] = useState<unknown>(null);
  const a = data?.application;

  if (loading && !a) return <Loading />;
  if (!a) {
    return (
      <>
        <Breadcrumbs
          items={[{ label: t('myApps.title'), to: '/my/applications' }, { label: t('appDetail.missing') }]}
        />
        <PageTitle text={t('appDetail.missing')} />
        <ErrorState
          error={error}
          onRetry={error instanceof ApiError && error.status < 500 ? undefined : reload}
        />
      </>
    );
  }
  const title = (lang === 'en' && a.snapshot.programTitleEn) || a.snapshot.programTitle;
  const supplement = pendingSupplement(a);
  const reason = a.status === 'rejected' ? rejectionReason(a) : undefined;
  const answers = Object.entries(a.answers);

  const onConflict = (x: unknown) => {
    if (x instanceof ApiError && x.status === 409) {
      setNotice('conflict');
      reload();
      return true;
    }
    return false;
  };
  const withdraw = async () => {
    setConfirming(false);
    setActionError(null);
    try {
      setData({ application: await withdrawApplication(a.id, a.version) });
      setNotice('withdrawn');
    } catch (x) {
      if (!onConflict(x)) setActionError(x);
    }
  };

  return (
    <>
      <Breadcrumbs items={[{ label: t('myApps.title'), to: '/my/applications' }, { label: title }]} />
      <PageTitle text={title} />
      <div className="app-badges">
        <AppStatusBadge status={a.status} />
        <Link to={`/programs/${encodeURIComponent(a.programId)}`} className="krds-btn text small">
          {t('appDetail.programPage')}
        </Link>
      </div>
      <ApplicationSteps app={a} />
      {notice === 'withdrawn' ? <Alert tone="success">{t('appDetail.withdrawn')}</Alert> : null}
      {notice === 'supplied' ? <Alert tone="success">{t('appDetail.supplementDone')}</Alert> : null}
      {notice === 'conflict' ? <Alert tone="warning">{t('appDetail.conflict')}</Alert> : null}
      {actionError ? <ErrorState error={actionError} /> : null}
      {a.status === 'approved' || a.status === 'paid' ? (
        <Alert tone="success" title={t(`appStatus.${a.status}`)}>
          <p>{t('appDetail.approvedText', { amount: formatWon(a.amount ?? 0, lang) })}</p>
        </Alert>
      ) : null}
      {reason ? (
        <Alert tone="info" title={t('appStatus.rejected')}>
          <p>{t('appDetail.rejectedText', { reason })}</p>
        </Alert>
      ) : null}
      {supplement ? (
        <SupplementResponse
          app={a}
          request={supplement.message ?? ''}
          onDone={(next) => {
            setData({ application: next });
            setNotice('supplied');
          }}
          onConflict={onConflict}
        />
      ) : null}

      <AccountPanel app={a} onChanged={(next) => setData({ application: next })} onConflict={onConflict} />

      <section className="app-mt-2" aria-labelledby="app-facts">
        <h2 id="app-facts" className="app-h2">
          {t('appDetail.facts')}
        </h2>
        <dl className="app-meta">
          <dt>{t('appDetail.business')}</dt>
          <dd>
            {a.snapshot.profile.tradeName} ({a.brn})
          </dd>
          <dt>{t('appDetail.submittedAt')}</dt>
          <dd>{formatDateTime(a.submittedAt, lang)}</dd>
          <dt>{t('appDetail.updatedAt')}</dt>
          <dd>{formatDateTime(a.updatedAt, lang)}</dd>
          {a.amount !== undefined ? (
            <>
              <dt>{t('appDetail.amount')}</dt>
              <dd>{formatWon(a.amount, lang)}</dd>
            </>
          ) : null}
        </dl>
      </section>
      <section className="app-mt-2" aria-labelledby="app-docs">
        <h2 id="app-docs" className="app-h2">
          {t('appDetail.documents')}
        </h2>
        <DocumentList documents={a.documents} />
      </section>
      <section className="app-mt-2" aria-labelledby="app-answers">
        <h2 id="app-answers" className="app-h2">
          {t('appDetail.answers')}
        </h2>
        {answers.length === 0 ? (
          <p className="app-muted">{t('appDetail.noAnswers')}</p>
        ) : (
          <dl className="app-meta">
            {answers.map(([k, v]) => (
              <div key={k} className="app-meta-row">
                <dt>{k}</dt>
                <dd>{typeof v === 'object' ? `${v.name} (${formatBytes(v.size)})` : String(v)}</dd>
              </div>
            ))}
          </dl>
        )}
      </section>
      <section className="app-mt-2" aria-labelledby="app-timeline">
        <h2 id="app-timeline" className="app-h2">
          {t('appDetail.timeline')}
        </h2>
        <Timeline entries={a.timeline} />
      </section>
      {WITHDRAWABLE.has(a.status) ? (
        <div className="app-actions app-mt-2">
          <button type="button" className="krds-btn tertiary medium" onClick={() => setConfirming(true)}>
            {t('appDetail.withdraw')}
          </button>
        </div>
      ) : null}
      <ConfirmDialog
        open={confirming}
        title={t('appDetail.withdrawTitle')}
        confirmLabel={t('appDetail.withdrawConfirm')}
        onConfirm={() => void withdraw()}
        onCancel={() => setConfirming(false)}
        danger
      >
        <p>{t('appDetail.withdrawText', { title })}</p>
      </ConfirmDialog>
    </>
  );
}

/** The agency's request, and the response form: a message and files (checked here, then uploaded). */
function SupplementResponse({
  app,
  request,
  onDone,
  onConflict,
}: {
  app: Application;
  request: string;
  onDone: (next: Application) => void;
  onConflict: (x: unknown) => boolean;
}) {
  const { t } = useLang();
  const [message, setMessage] = useState('');
  const [files, setFiles] = useState<FileMetadata[]>([]);
  const [errors, setErrors] = useState<{ message?: string; files?: string }>({});
  const [sendError, setSendError] = useState<unknown>(null);
  const [busy, setBusy] = useState<'uploading' | 'sending' | null>(null);
  const [summaryRef, focusSummary] = useFocusRequest();

  const addFiles = async (list: FileList | null) => {
    if (!list || list.length === 0) return;
    setErrors((e) => ({ ...e, files: undefined }));
    if (files.length + list.length > FILE_LIMITS.maxFilesPerRequest) {
      setErrors((e) => ({ ...e, files: t('upload.tooMany', { max: FILE_LIMITS.maxFilesPerRequest }) }));
      return;
    }
    setBusy('uploading');
    try {
      for (const f of Array.from(list)) {
        const meta = await uploadFile(f);
        setFiles((cur) => [...cur, meta]);
      }
    } catch (x) {
      const text =
        x instanceof FileRejectedError
          ? t(`upload.${x.reason}`, { name: x.fileName, max: FILE_LIMITS.maxNameLength })
          : x instanceof ApiError
            ? x.message
            : t('common.unexpected');
      setErrors((e) => ({ ...e, files: text }));
    } finally {
      setBusy(null);
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const trimmed = message.trim();
    const next: typeof errors = {};
    if (!trimmed) next.message = t('appDetail.messageRequired');
    else if (trimmed.length > MAX_MESSAGE_LENGTH)
      next.message = t('appDetail.messageTooLong', { max: MAX_MESSAGE_LENGTH });
    setErrors(next);
    setSendError(null);
    if (next.message) {
      focusSummary();
      return;
    }
    setBusy('sending');
    try {
      onDone(
        await respondToSupplement(app.id, {
          version: app.version,
          message: trimmed,
          ...(files.length > 0 ? { files: files.map((f) => f.id) } : {}),
        }),
      );
    } catch (x) {
      if (!onConflict(x)) {
        setSendError(x);
        focusSummary();
      }
    } finally {
      setBusy(null);
    }
  };

  const summary: SummaryEntry[] = [
    ...(errors.message
      ? [{ target: 'supplement-message', label: t('appDetail.supplementMessage'), message: errors.message }]
      : []),
    ...(errors.files
      ? [{ target: 'supplement-files', label: t('appDetail.supplementFiles'), message: errors.files }]
      : []),
    ...(sendError
      ? [{ message: sendError instanceof ApiError ? sendError.message : t('common.unexpected') }]
      : []),
  ];

  return (
    <section className="app-card app-mt-2 app-supplement" aria-labelledby="supplement-title">
      <h2 id="supplement-title" className="app-h2">
        {t('appDetail.supplementTitle')}
      </h2>
      <Alert tone="warning">
        <p>{request}</p>
      </Alert>
      <ErrorSummary entries={summary} focusRef={summaryRef} />
      <form
        className="app-form app-mt-2"
        onSubmit={submit}
        noValidate
        aria-label={t('appDetail.supplementForm')}
      >
        <Field
          id="supplement-message"
          label={t('appDetail.supplementMessage')}
          hint={t('appDetail.supplementMessageHint', { max: MAX_MESSAGE_LENGTH })}
          error={errors.message}
          required
        >
          {(p) => (
            <textarea
              {...p}
              className="krds-input app-textarea"
              rows={4}
              value={message}
              onChange={(e) => setMessage(e.target.value)}
            />
          )}
        </Field>
        <Field
          id="supplement-files"
          label={t('appDetail.supplementFiles')}
          hint={t('appDetail.supplementFilesHint', { max: FILE_LIMITS.maxFilesPerRequest })}
          error={errors.files}
        >
          {(p) => (
            <input
              {...p}
              type="file"
              multiple
              className="krds-input"
              accept="application/pdf,image/jpeg,image/png"
              onChange={(e) => {
                void addFiles(e.target.files);
                e.target.value = '';
              }}
            />
          )}
        </Field>
        {busy === 'uploading' ? <p role="status">{t('upload.uploading')}</p> : null}
        {files.length > 0 ? (
          <ul className="app-file-list">
            {files.map((f) => (
              <li key={f.id}>
                <span aria-hidden="true">📎 </span>
                {f.name} <span className="app-muted">({formatBytes(f.size)})</span>{' '}
                <button
                  type="button"
                  className="krds-btn text small"
                  onClick={() => setFiles((cur) => cur.filter((x) => x.id !== f.id))}
                >
                  {t('upload.remove', { name: f.name })}
                </button>
              </li>
            ))}
          </ul>
        ) : null}
        <div className="app-actions">
          <button type="submit" className="krds-btn primary medium" disabled={busy !== null}>
            {busy === 'sending' ? t('appDetail.supplementSending') : t('appDetail.supplementSubmit')}
          </button>
        </div>
      </form>
    </section>
  );
}
