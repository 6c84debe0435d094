import { APPLICATION_STATUSES } from '@sbiz24/shared/application/application';
import { DECISION_ACTIONS, STAFF_QUEUE_PAGE_SIZE } from '@sbiz24/shared/contract/applications';
import { LIFECYCLE_STAGES } from '@sbiz24/shared/lifecycle/stage';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  type ApplicationStatsResponse,
  type ApplicationStatus,
  applicationStatsPath,
  type BulkDecisionResult,
  bulkDecide,
  type Decision,
  downloadApplicationsCsv,
  type QueueFilters,
  type StaffQueueItem,
  type StaffQueueResponse,
  staffQueuePath,
} from '../../api/applications';
import { ApiError, api } from '../../api/client';
import type { ProgramResponse } from '../../api/types';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorSummary, type SummaryEntry, useFocusRequest } from '../../components/ErrorSummary';
import { Alert, EmptyState, ErrorState, Loading } from '../../components/Feedback';
import { Check, Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import {
  checkDecision,
  type DecisionDraft,
  DecisionFields,
  EMPTY_DECISION,
} from '../../features/applications/DecisionFields';
import { AppStatusBadge } from '../../features/applications/parts';
import { SidoOptions } from '../../features/pickers/SidoOptions';
import { RapidPaymentPanel } from '../../features/relief/RapidPaymentPanel';
import { useLang } from '../../i18n/i18n';
import { formatCount, formatDate, formatWon } from '../../lib/format';
import { useApi } from '../../lib/use-api';

function filtersOf(params: URLSearchParams): QueueFilters {
  const status = params.get('status');
  return {
    status: (APPLICATION_STATUSES as readonly string[]).includes(status ?? '')
      ? (status as ApplicationStatus)
      : undefined,
    sido: /^\d{2}$/.test(params.get('sido') ?? '') ? (params.get('sido') ?? undefined) : undefined,
    stage: (LIFECYCLE_STAGES as readonly string[]).includes(params.get('stage') ?? '')
      ? (params.get('stage') ?? undefined)
      : undefined,
  };
}

/** The queue's URL filters with the status replaced (a count links to its status, keeping 시도 and stage). */
function withStatus(params: URLSearchParams, status: string): string {
  const next = new URLSearchParams(params);
  next.set('status', status);
  return next.toString();
}

/**
 * A program's applications for review: counts per status, filters (status, 시도, stage) in the URL, newest
 * first 50 at a time, decisions on the selected rows after a confirmation that says how many, and the CSV.
 */
export default function ReviewQueue() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const program = useApi<ProgramResponse>(`/api/staff/programs/${encodeURIComponent(id)}`);
  const first = useApi<StaffQueueResponse>(staffQueuePath(id, filters));
  const stats = useApi<ApplicationStatsResponse>(applicationStatsPath(id));
  const [rows, setRows] = useState<StaffQueueItem[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [moreError, setMoreError] = useState<unknown>(null);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [draft, setDraft] = useState<DecisionDraft>(EMPTY_DECISION);
  const [errors, setErrors] = useState<Partial<Record<keyof DecisionDraft | 'rows', string>>>({});
  const [pending, setPending] = useState<Decision | null>(null);
  const [results, setResults] = useState<{
    ok: number;
    refused: (BulkDecisionResult & { ok: false })[];
  } | null>(null);
  const [bulkError, setBulkError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [csvError, setCsvError] = useState<unknown>(null);
  const [summaryRef, focusSummary] = useFocusRequest();
  const [form, setForm] = useState<QueueFilters>(filters);
  const filterKey = JSON.stringify(filters);

  // biome-ignore lint/correctness/useExhaustiveDependencies: the form follows the URL's filters
  useEffect(() => setForm(filters), [filterKey]);
  useEffect(() => {
    if (!first.data) return;
    setRows(first.data.items);
    setCursor(first.data.cursor ?? undefined);
    setSelected(new Set());
  }, [first.data]);

  const p = program.data?.program;
  const title = p ? (lang === 'en' && p.titleEn ? p.titleEn : p.title) : id;

  const more = async () => {
    if (!cursor) return;
    try {
      const r = await api<StaffQueueResponse>(staffQueuePath(id, filters, cursor));
      setRows((all) => [...all, ...r.items]);
      setCursor(r.cursor ?? undefined);
    } catch (e) {
      setMoreError(e);
    }
  };
  const applyFilters = (e: FormEvent) => {
    e.preventDefault();
    const next = new URLSearchParams();
    if (form.status) next.set('status', form.status);
    if (form.sido) next.set('sido', form.sido);
    if (form.stage) next.set('stage', form.stage);
    setParams(next);
  };
  const toggle = (rowId: string, on: boolean) =>
    setSelected((cur) => {
      const next = new Set(cur);
      if (on) next.add(rowId);
      else next.delete(rowId);
      return next;
    });
  const allOn = rows.length > 0 && rows.every((r) => selected.has(r.id));

  const askConfirm = (e: FormEvent) => {
    e.preventDefault();
    setResults(null);
    setBulkError(null);
    const checked = checkDecision(draft, t);
    const next: typeof errors = { ...checked.errors };
    if (selected.size === 0) next.rows = t('review.noneSelected');
    setErrors(next);
    if (Object.keys(next).length > 0 || !checked.decision) {
      focusSummary();
      return;
    }
    setPending(checked.decision);
  };
  const runBulk = async () => {
    const decision = pending;
    setPending(null);
    if (!decision) return;
    setBusy(true);
    try {
      const r = await bulkDecide([...selected], decision);
      const refused = r.results.filter((x): x is BulkDecisionResult & { ok: false } => !x.ok);
      setResults({ ok: r.results.length - refused.length, refused });
      setDraft(EMPTY_DECISION);
      first.reload();
      stats.reload();
    } catch (x) {
      setBulkError(x);
      focusSummary();
    } finally {
      setBusy(false);
    }
  };
  const csv = async () => {
    setCsvError(null);
    try {
      await downloadApplicationsCsv(id, filters);
    } catch (x) {
      setCsvError(x);
    }
  };

  const summary: SummaryEntry[] = [
    ...(errors.rows
      ? [{ target: 'queue-select-all', label: t('review.columns.select'), message: errors.rows }]
      : []),
    ...(errors.action
      ? [{ target: 'bulk-action', label: t('decision.action'), message: errors.action }]
      : []),
    ...(errors.amount
      ? [{ target: 'bulk-amount', label: t('decision.amount'), message: errors.amount }]
      : []),
    ...(errors.message
      ? [{ target: 'bulk-message', label: t('decision.message'), message: errors.message }]
      : []),
    ...(bulkError
      ? [{ message: bulkError instanceof ApiError ? bulkError.message : t('common.unexpected') }]
      : []),
  ];
  const counts = stats.data?.counts;
  const total = stats.data?.total;
  const byId = new Map(rows.map((r) => [r.id, r]));

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('staff.title'), to: '/staff' },
          { label: title, to: `/staff/programs/${encodeURIComponent(id)}` },
          { label: t('review.applications') },
        ]}
      />
      <PageTitle text={t('review.title', { title })} lead={t('review.lead')} />
      <div className="app-actions">
        <Link
          to={`/staff/programs/${encodeURIComponent(id)}/dashboard`}
          className="krds-btn secondary medium"
        >
          {t('review.dashboard')}
        </Link>
        <button type="button" className="krds-btn tertiary medium" onClick={() => void csv()}>
          {t('review.csv')}
        </button>
      </div>
      {csvError ? (
        <Alert tone="danger" title={t('review.csvFailed')}>
          {csvError instanceof ApiError ? <p>{csvError.message}</p> : null}
        </Alert>
      ) : null}
      {program.data?.program.application?.rapidPayment ? (
        <RapidPaymentPanel
          programId={id}
          onChanged={() => {
            first.reload();
            stats.reload();
          }}
        />
      ) : null}

      {counts ? (
        <section className="app-mt-2" aria-labelledby="queue-counts">
          <h2 id="queue-counts" className="app-h2">
            {t('review.counts')}{' '}
            <span className="app-muted">({t('review.countsTotal', { count: total })})</span>
          </h2>
          <ul className="app-count-list">
            {APPLICATION_STATUSES.map((s) => (
              <li key={s}>
                <Link
                  to={`?${withStatus(params, s)}`}
                  className="app-count"
                  aria-current={filters.status === s ? 'true' : undefined}
                >
                  <span className="app-count-label">{t(`appStatus.${s}`)}</span>{' '}
                  <span className="app-count-value">{formatCount(counts[s] ?? 0, lang)}</span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <form className="app-filters app-mt-2" onSubmit={applyFilters} aria-label={t('review.filters')}>
        <Field id="queue-status" label={t('review.status')}>
          {(fp) => (
            <select
              {...fp}
              className="krds-form-select"
              value={form.status ?? ''}
              onChange={(e) =>
                setForm({ ...form, status: (e.target.value || undefined) as ApplicationStatus })
              }
            >
              <option value="">{t('common.all')}</option>
              {APPLICATION_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`appStatus.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="queue-sido" label={t('review.sido')}>
          {(fp) => (
            <select
              {...fp}
              className="krds-form-select"
              value={form.sido ?? ''}
              onChange={(e) => setForm({ ...form, sido: e.target.value || undefined })}
            >
              <option value="">{t('common.all')}</option>
              <SidoOptions />
            </select>
          )}
        </Field>
        <Field id="queue-stage" label={t('review.stage')}>
          {(fp) => (
            <select
              {...fp}
              className="krds-form-select"
              value={form.stage ?? ''}
              onChange={(e) => setForm({ ...form, stage: e.target.value || undefined })}
            >
              <option value="">{t('common.all')}</option>
              {LIFECYCLE_STAGES.map((s) => (
                <option key={s} value={s}>
                  {t(`stage.${s}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <div className="app-actions">
          <button type="submit" className="krds-btn primary medium">
            {t('review.apply')}
          </button>
          <Link to="?" className="krds-btn tertiary medium">
            {t('review.reset')}
          </Link>
        </div>
      </form>

      {results ? (
        <Alert
          tone={results.refused.length > 0 ? 'warning' : 'success'}
          title={t('review.bulkDone', { ok: results.ok })}
        >
          {results.refused.length > 0 ? (
            <>
              <p>{t('review.bulkRefused', { count: results.refused.length })}</p>
              <ul>
                {results.refused.map((r) => (
                  <li key={r.id}>
                    {byId.get(r.id) ? `${byId.get(r.id)?.tradeName}: ` : ''}
                    {r.message}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </Alert>
      ) : null}

      {first.loading && rows.length === 0 ? <Loading /> : null}
      {first.error ? <ErrorState error={first.error} onRetry={first.reload} /> : null}
      {first.data && rows.length === 0 ? <EmptyState>{t('review.empty')}</EmptyState> : null}
      {rows.length > 0 ? (
        <>
          <div className="app-table-wrap app-mt-2">
            <table className="app-table app-queue">
              <caption className="sr-only">{t('review.caption', { size: STAFF_QUEUE_PAGE_SIZE })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="app-col-check">
                    <Check
                      id="queue-select-all"
                      checked={allOn}
                      onChange={(on) => setSelected(on ? new Set(rows.map((r) => r.id)) : new Set())}
                      label={<span className="sr-only">{t('review.selectAll')}</span>}
                    />
                  </th>
                  <th scope="col">{t('review.business')}</th>
                  <th scope="col">{t('review.region')}</th>
                  <th scope="col">{t('review.stage')}</th>
                  <th scope="col">{t('review.status')}</th>
                  <th scope="col">{t('review.submittedAt')}</th>
                  <th scope="col" className="app-num">
                    {t('review.amount')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {rows.map((a) => (
                  <tr key={a.id} className={selected.has(a.id) ? 'is-selected' : undefined}>
                    <td className="app-col-check">
                      <Check
                        id={`queue-select-${a.id}`}
                        checked={selected.has(a.id)}
                        onChange={(on) => toggle(a.id, on)}
                        label={
                          <span className="sr-only">{t('review.selectRow', { name: a.tradeName })}</span>
                        }
                      />
                    </td>
                    <th scope="row">
                      <Link to={`/staff/applications/${encodeURIComponent(a.id)}`}>{a.tradeName}</Link>
                    </th>
                    <td>{a.sidoName}</td>
                    <td>{t(`stage.${a.stage ?? 'unknown'}`)}</td>
                    <td>
                      <AppStatusBadge status={a.status} />
                    </td>
                    <td>{formatDate(a.submittedAt, lang)}</td>
                    <td className="app-num">{a.amount !== undefined ? formatWon(a.amount, lang) : ''}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {moreError ? <ErrorState error={moreError} /> : null}
          {cursor ? (
            <div className="app-actions">
              <button type="button" className="krds-btn secondary medium" onClick={() => void more()}>
                {t('review.more', { size: STAFF_QUEUE_PAGE_SIZE })}
              </button>
            </div>
          ) : null}

          <section className="app-card app-mt-2" aria-labelledby="bulk-title">
            <h2 id="bulk-title" className="app-h2">
              {t('review.bulkTitle')}
            </h2>
            <p role="status" className="app-strong">
              {t('review.selected', { count: selected.size })}
            </p>
            <ErrorSummary entries={summary} focusRef={summaryRef} />
            <form className="app-form" onSubmit={askConfirm} noValidate>
              <DecisionFields
                prefix="bulk"
                actions={DECISION_ACTIONS}
                value={draft}
                onChange={setDraft}
                errors={errors}
              />
              <div className="app-actions">
                <button type="submit" className="krds-btn primary medium" disabled={busy}>
                  {busy ? t('decision.saving') : t('review.decide')}
                </button>
              </div>
            </form>
          </section>
        </>
      ) : null}
      <ConfirmDialog
        open={pending !== null}
        title={t('review.confirmTitle', { count: selected.size })}
        confirmLabel={t('review.confirmButton', { count: selected.size })}
        onConfirm={() => void runBulk()}
        onCancel={() => setPending(null)}
        danger={pending?.action === 'reject'}
      >
        <p>
          {t('review.confirmText', {
            count: selected.size,
            action: pending ? t(`appAction.${pending.action}`) : '',
          })}
        </p>
        {pending?.amount !== undefined ? (
          <p>
            {t('decision.amount')}: {formatWon(pending.amount, lang)}
          </p>
        ) : null}
        {pending?.message ? <p>{pending.message}</p> : null}
      </ConfirmDialog>
    </>
  );
}
