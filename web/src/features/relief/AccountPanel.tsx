import { isActiveStatus } from '@sbiz24/shared/application/application';
import { bankName } from '@sbiz24/shared/relief/bank-account';
import { useState } from 'react';
import type { Application } from '../../api/applications';
import { fieldErrors } from '../../api/client';
import { type AccountInput, updateAccount } from '../../api/rapid-payment';
import { Alert, ErrorState } from '../../components/Feedback';
import { useLang } from '../../i18n/i18n';
import { type AccountDraft, AccountForm } from './AccountForm';

/**
 * The owner's payment account on a rapid-payment application: bank, masked number and holder; when the bank
 * refused the payment, its reason and the correction form (sent at the version read; a newer one is a 409).
 */
export function AccountPanel({
  app,
  onChanged,
  onConflict,
}: {
  app: Application;
  onChanged: (next: Application) => void;
  onConflict: (error: unknown) => boolean;
}) {
  const { t, lang } = useLang();
  const [editing, setEditing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [saved, setSaved] = useState(false);
  const account = app.account;
  if (!account) return null;
  const canChange = isActiveStatus(app.status);
  const save = async (input: AccountInput) => {
    setBusy(true);
    setError(null);
    try {
      onChanged(await updateAccount(app.id, app.version, input));
      setEditing(false);
      setSaved(true);
    } catch (x) {
      if (!onConflict(x)) setError(x);
    } finally {
      setBusy(false);
    }
  };
  const serverFields = fieldErrors(error, 'account.') as Partial<Record<keyof AccountDraft, string>>;
  return (
    <section className="app-card app-mt-2" aria-labelledby="app-account">
      <h2 id="app-account" className="app-h2">
        {t('account.shown')}
      </h2>
      {app.paymentFailure ? (
        <Alert tone="warning" title={t('account.failedTitle')}>
          <p>{t('account.failedText', { reason: app.paymentFailure.reason })}</p>
        </Alert>
      ) : null}
      {saved ? <Alert tone="success">{t('account.saved')}</Alert> : null}
      <dl className="app-meta">
        <dt>{t('account.bank')}</dt>
        <dd>{bankName(account.bankCode, lang) ?? account.bankCode}</dd>
        <dt>{t('account.number')}</dt>
        <dd>{account.masked}</dd>
        <dt>{t('account.holder')}</dt>
        <dd>{account.holder}</dd>
      </dl>
      {error && Object.keys(serverFields).length === 0 ? <ErrorState error={error} /> : null}
      {canChange && !editing ? (
        <div className="app-actions">
          <button
            type="button"
            className={`krds-btn ${app.paymentFailure ? 'primary' : 'secondary'} medium`}
            onClick={() => {
              setEditing(true);
              setSaved(false);
            }}
          >
            {t('account.change')}
          </button>
        </div>
      ) : null}
      {editing ? (
        <AccountForm
          idPrefix="account-fix"
          initialHolder={account.holder}
          submitLabel={t('account.save')}
          busyLabel={t('common.saving')}
          busy={busy}
          serverErrors={serverFields}
          onSubmit={(a) => void save(a)}
        />
      ) : null}
    </section>
  );
}
