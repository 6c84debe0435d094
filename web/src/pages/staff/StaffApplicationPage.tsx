import { allowedActions } from '@sbiz24/shared/application/state-machine';
import { DECISION_ACTIONS } from '@sbiz24/shared/contract/applications';
import { ksicName } from '@sbiz24/shared/reference/ksic';
import { regionName } from '@sbiz24/shared/reference/regions';
import { bankName } from '@sbiz24/shared/relief/bank-account';
import { type FormEvent, useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  type DecisionAction,
  decide,
  type StaffApplication,
  staffApplicationPath,
} from '../../api/applications';
import { ApiError, fieldErrors } from '../../api/client';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ErrorSummary, type SummaryEntry, useFocusRequest } from '../../components/ErrorSummary';
import { Alert, ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import {
  checkDecision,
  type DecisionDraft,
  DecisionFields,
  EMPTY_DECISION,
} from '../../features/applications/DecisionFields';
import {
  ApplicationSteps,
  AppStatusBadge,
  DocumentList,
  FileList,
  formatBytes,
  Timeline,
} from '../../features/applications/parts';
import { ReasonList } from '../../features/matches/MatchList';
import { useLang } from '../../i18n/i18n';
import { formatDate, formatDateTime, formatWon } from '../../lib/format';
import { useApi } from '../../lib/use-api';

function safe<T>(f: () => T, fallback: T): T {
  try {
    return f();
  } catch {
    return fallback;
  }
}

/**
 * One application for review: the business as it was at submission, the rule's reasons then and now, the
 * documents, answers and files, the timeline, and the decision (a reason to reject or ask for a supplement,
 * an amount to approve), sent with the version read so that a decision made elsewhere first is not overwritten.
 */
export default function StaffApplicationPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const { data, error, loading, reload, setData } = useApi<{ application: StaffApplication }>(
    staffApplicationPath(id),
  );
  const [draft, setDraft] = useState<DecisionDraft>(EMPTY_DECISION);
  const [errors, setErrors] = useState<Partial<Record<keyof DecisionDraft, string>>>({});
  const [saveError, setSaveError] = useState<unknown>(null);
  const [notice, setNotice] = useState<{ tone: 'success' | 'warning'; text: string } | null>(null);
  const [saving, setSaving] = useState(false);
  const [summaryRef, focusSummary] = useFocusRequest();
  const a = data?.application;

  if (loading && !a) return <Loading />;
  if (!a) {
    return (
      <>
        <Breadcrumbs items={[{ label: t('staff.title'), to: '/staff' }, { label: t('appDetail.missing') }]} />
        <PageTitle text={t('appDetail.missing')} />
        <ErrorState
          error={error}
          onRetry={error instanceof ApiError && error.status < 500 ? undefined : reload}
        />
      </>
    );
  }
  const profile = a.snapshot.profile as StaffApplication['snapshot']['profile'];
  const actions = allowedActions(a.status, 'staff').filter((x): x is DecisionAction =>
    (DECISION_ACTIONS as readonly string[]).includes(x),
  );
  const server = fieldErrors(saveError);
  const err = { ...errors };
  for (const k of ['amount', 'message'] as const) if (!err[k] && server[k]) err[k] = server[k];
  const summary: SummaryEntry[] = [
    ...(err.action ? [{ target: 'decision-action', label: t('decision.action'), message: err.action }] : []),
    ...(err.amount ? [{ target: 'decision-amount', label: t('decision.amount'), message: err.amount }] : []),
    ...(err.message
      ? [{ target: 'decision-message', label: t('decision.message'), message: err.message }]
      : []),
    ...(saveError && Object.keys(server).length === 0
      ? [{ message: saveError instanceof ApiError ? saveError.message : t('common.unexpected') }]
      : []),
  ];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    setSaveError(null);
    const checked = checkDecision(draft, t);
    setErrors(checked.errors);
    if (!checked.decision) {
      focusSummary();
      return;
    }
    setSaving(true);
    try {
      const next = await decide(a.id, a.version, checked.decision);
      setData({ application: { ...a, ...next } });
      setDraft(EMPTY_DECISION);
      setNotice({
        tone: 'success',
        text: t('decision.saved', { action: t(`appAction.${checked.decision.action}`) }),
      });
      reload();
    } catch (x) {
      if (x instanceof ApiError && x.code === 'VERSION_CONFLICT') {
        setNotice({ tone: 'warning', text: t('appDetail.conflict') });
        reload();
      } else {
        setSaveError(x);
        focusSummary();
      }
    } finally {
      setSaving(false);
    }
  };

  const name = profile.tradeName;
  const answers = Object.entries(a.answers);
  const files = a.timeline.flatMap((e) => e.files ?? []);
  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('staff.title'), to: '/staff' },
          {
            label: a.snapshot.programTitle,
            to: `/staff/programs/${encodeURIComponent(a.programId)}/applications`,
          },
          { label: name },
        ]}
      />
      <PageTitle text={t('staffApp.title', { name })} lead={a.snapshot.programTitle} />
      <div className="app-badges">
        <AppStatusBadge status={a.status} />
        <span className="app-muted">
          {t('staffApp.programVersion', { version: a.snapshot.programVersion })} ·{' '}
          {formatDateTime(a.submittedAt, lang)}
        </span>
        <Link
          to={`/staff/programs/${encodeURIComponent(a.programId)}/applications`}
          className="krds-btn text small"
        >
          {t('staffApp.toQueue')}
        </Link>
      </div>
      <ApplicationSteps app={a} />
      {notice ? <Alert tone={notice.tone}>{notice.text}</Alert> : null}

      <div className="app-grid-2 app-mt-2">
        <section aria-labelledby="sa-profile">
          <h2 id="sa-profile" className="app-h2">
            {t('staffApp.profile')}
          </h2>
          <dl className="app-meta">
            <dt>{t('staffApp.brn')}</dt>
            <dd>{a.brn}</dd>
            <dt>{t('staffApp.representative')}</dt>
            <dd>{String(profile.representativeName ?? t('staffApp.unknown'))}</dd>
            <dt>{t('staffApp.region')}</dt>
            <dd>{safe(() => regionName(profile.regionCode), profile.regionCode)}</dd>
            <dt>{t('staffApp.industry')}</dt>
            <dd>{safe(() => ksicName(profile.ksic), profile.ksic)}</dd>
            <dt>{t('staffApp.openingDate')}</dt>
            <dd>
              {typeof profile.openingDate === 'string'
                ? formatDate(profile.openingDate, lang)
                : t('staffApp.unknown')}
            </dd>
            <dt>{t('staffApp.stage')}</dt>
            <dd>{t(`stage.${a.stage ?? 'unknown'}`)}</dd>
            <dt>{t('staffApp.employees')}</dt>
            <dd>
              {typeof profile.employees === 'number'
                ? t('staffApp.people', { count: profile.employees })
                : t('staffApp.unknown')}
            </dd>
            <dt>{t('staffApp.revenue')}</dt>
            <dd>
              {typeof profile.revenue === 'number' ? formatWon(profile.revenue, lang) : t('staffApp.unknown')}
            </dd>
          </dl>
          {a.account ? (
            <>
              <h3 id="sa-account" className="app-h3">
                {t('account.shown')}
              </h3>
              <dl className="app-meta" aria-labelledby="sa-account">
                <dt>{t('account.bank')}</dt>
                <dd>{bankName(a.account.bankCode, lang) ?? a.account.bankCode}</dd>
                <dt>{t('account.number')}</dt>
                <dd>{a.account.masked}</dd>
                <dt>{t('account.holder')}</dt>
                <dd>{a.account.holder}</dd>
              </dl>
              {a.paymentFailure ? (
                <p className="app-error-text">
                  {t('account.staffFailed', { reason: a.paymentFailure.reason })}
                </p>
              ) : null}
            </>
          ) : null}
        </section>
        <section aria-labelledby="sa-docs">
          <h2 id="sa-docs" className="app-h2">
            {t('appDetail.documents')}
          </h2>
          <DocumentList documents={a.documents} />
          <h3 className="app-h3">{t('appDetail.files')}</h3>
          {files.length === 0 ? (
            <p className="app-muted">—</p>
          ) : (
            <FileList files={files} staffApplicationId={a.id} />
          )}
          <h3 className="app-h3">{t('appDetail.answers')}</h3>
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
      </div>

      <div className="app-grid-2 app-mt-2">
        <section aria-labelledby="sa-then">
          <h2 id="sa-then" className="app-h2">
            {t('staffApp.reasonsThen', { date: formatDate(a.snapshot.asOf, lang) })}
          </h2>
          <ReasonList className="app-reasons-list" reasons={a.snapshot.reasons} />
        </section>
        <section aria-labelledby="sa-now">
          <h2 id="sa-now" className="app-h2">
            {t('staffApp.reasonsNow')}
          </h2>
          <p className="app-strong">
            {a.eligibleNow === true
              ? `✓ ${t('staffApp.eligibleNow')}`
              : a.eligibleNow === false
                ? `✕ ${t('staffApp.notEligibleNow')}`
                : `? ${t('staffApp.unknownNow')}`}
          </p>
          <ReasonList className="app-reasons-list" reasons={a.reasonsNow} />
        </section>
      </div>

      <section className="app-card app-mt-2" aria-labelledby="sa-decision">
        <h2 id="sa-decision" className="app-h2">
          {t('decision.title')}
        </h2>
        {actions.length === 0 ? (
          <p className="app-muted">{t('decision.none')}</p>
        ) : (
          <>
            <ErrorSummary entries={summary} focusRef={summaryRef} />
            <form className="app-form" onSubmit={submit} noValidate>
              <DecisionFields
                prefix="decision"
                actions={actions}
                value={draft}
                onChange={setDraft}
                errors={err}
              />
              <div className="app-actions">
                <button type="submit" className="krds-btn primary medium" disabled={saving}>
                  {saving ? t('decision.saving') : t('decision.submit')}
                </button>
              </div>
            </form>
          </>
        )}
      </section>

      <section className="app-mt-2" aria-labelledby="sa-timeline">
        <h2 id="sa-timeline" className="app-h2">
          {t('appDetail.timeline')}
        </h2>
        <Timeline entries={a.timeline} staffApplicationId={a.id} />
      </section>
    </>
  );
}
