import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { type ApplicationForm, applyFailures, newIdempotencyKey } from '../../api/applications';
import { ApiError, fieldErrors } from '../../api/client';
import { type AccountInput, applyWithAccount } from '../../api/rapid-payment';
import { Breadcrumbs, type Crumb } from '../../components/Breadcrumbs';
import { ErrorSummary, useFocusRequest } from '../../components/ErrorSummary';
import { Alert } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { useLang } from '../../i18n/i18n';
import { formatWon } from '../../lib/format';
import { type AccountDraft, AccountForm } from './AccountForm';

/**
 * One-click apply to a rapid-payment program (신속지급): only the account (bank, number, holder prefilled with
 * the representative's name). The server checks eligibility and the rest as for any application.
 */
export function RapidApply({
  crumbs,
  brn,
  business,
  form,
}: {
  crumbs: Crumb[];
  brn: string;
  business: string;
  form: ApplicationForm & { rapid: NonNullable<ApplicationForm['rapid']> };
}) {
  const { t, lang } = useLang();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [createdId, setCreatedId] = useState<string | null>(null);
  const [summaryRef, focusSummary] = useFocusRequest();
  // A retry of the same account replays the first submit (no double application).
  const lastSubmit = useRef<{ body: string; key: string } | null>(null);

  const submit = async (account: AccountInput) => {
    const body = JSON.stringify(account);
    const key = lastSubmit.current?.body === body ? lastSubmit.current.key : newIdempotencyKey();
    lastSubmit.current = { body, key };
    setBusy(true);
    setError(null);
    try {
      const res = await applyWithAccount(brn, { programIds: [form.programId], account, idempotencyKey: key });
      setCreatedId(res.items[0]?.id ?? null);
    } catch (x) {
      setError(x);
      focusSummary();
    } finally {
      setBusy(false);
    }
  };

  if (createdId) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageTitle text={t('apply.doneTitle')} />
        <Alert tone="success" title={t('apply.doneTitle')}>
          <p>{t('apply.doneText', { count: 1 })}</p>
        </Alert>
        <div className="app-actions app-mt-2">
          <Link to={`/my/applications/${encodeURIComponent(createdId)}`} className="krds-btn primary medium">
            {t('apply.toStatus')}
          </Link>
        </div>
      </>
    );
  }

  const serverFields = fieldErrors(error, 'account.') as Partial<Record<keyof AccountDraft, string>>;
  const failures = applyFailures(error);
  const messages =
    failures.length > 0
      ? failures.map((f) => ({ message: f.message }))
      : error && Object.keys(serverFields).length === 0
        ? [{ message: error instanceof ApiError ? error.message : t('common.unexpected') }]
        : [];

  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageTitle text={form.title} lead={t('account.lead')} />
      <dl className="app-meta">
        <dt>{t('apply.business')}</dt>
        <dd>{business}</dd>
      </dl>
      <ErrorSummary entries={messages} focusRef={summaryRef} title={t('common.errorTitle')} />
      <section className="app-card app-mt-2" aria-labelledby="rapid-account">
        <h2 id="rapid-account" className="app-h2">
          {t('account.legend')}
        </h2>
        <p>{t('account.amount', { amount: formatWon(form.rapid.amountWon, lang) })}</p>
        <AccountForm
          idPrefix="rapid-account"
          initialHolder={form.rapid.holder}
          submitLabel={t('account.submit')}
          busyLabel={t('account.submitting')}
          busy={busy}
          serverErrors={serverFields}
          onSubmit={(a) => void submit(a)}
        />
      </section>
    </>
  );
}
