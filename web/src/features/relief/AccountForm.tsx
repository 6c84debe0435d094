import { ACCOUNT_NUMBER_MESSAGES, BANKS, parseAccountNumber } from '@sbiz24/shared/relief/bank-account';
import { type FormEvent, useState } from 'react';
import type { AccountInput } from '../../api/rapid-payment';
import { Field } from '../../components/Field';
import { useLang } from '../../i18n/i18n';

export interface AccountDraft {
  bankCode: string;
  number: string;
  holder: string;
}

/** The problems of an account as typed, keyed by field (`bankCode`, `number`, `holder`); never the number. */
export function accountErrors(
  d: AccountDraft,
  t: (key: string) => string,
): Partial<Record<keyof AccountDraft, string>> {
  const out: Partial<Record<keyof AccountDraft, string>> = {};
  if (!BANKS.some((b) => b.code === d.bankCode)) out.bankCode = t('account.bankRequired');
  const parsed = parseAccountNumber(d.number);
  if (!parsed.ok) out.number = ACCOUNT_NUMBER_MESSAGES[parsed.problem];
  if (!d.holder.trim()) out.holder = t('account.holderRequired');
  return out;
}

/**
 * The account a rapid payment goes to: a bank from the list of Korean bank codes, the number (checked for
 * 10–14 digits before sending) and the holder. Errors sit under each field (aria-describedby); the first
 * wrong field takes the focus. `serverErrors` are the API's, keyed the same way.
 */
export function AccountForm({
  idPrefix,
  initialHolder,
  submitLabel,
  busyLabel,
  busy,
  serverErrors = {},
  onSubmit,
}: {
  idPrefix: string;
  initialHolder: string;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  serverErrors?: Partial<Record<keyof AccountDraft, string>>;
  onSubmit: (account: AccountInput) => void;
}) {
  const { t, lang } = useLang();
  const [draft, setDraft] = useState<AccountDraft>({ bankCode: '', number: '', holder: initialHolder });
  const [errors, setErrors] = useState<Partial<Record<keyof AccountDraft, string>>>({});
  const shown = { ...serverErrors, ...errors };
  const id = (f: keyof AccountDraft) => `${idPrefix}-${f}`;

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    const found = accountErrors(draft, t);
    setErrors(found);
    const first = (['bankCode', 'number', 'holder'] as const).find((f) => found[f]);
    if (first) {
      document.getElementById(id(first))?.focus();
      return;
    }
    onSubmit({
      bankCode: draft.bankCode as AccountInput['bankCode'],
      number: draft.number.trim(),
      holder: draft.holder.trim(),
    });
  };
  const set = (f: keyof AccountDraft, v: string) => {
    setDraft((d) => ({ ...d, [f]: v }));
    setErrors(({ [f]: _, ...rest }) => rest);
  };

  return (
    <form className="app-form" onSubmit={submit} noValidate>
      <Field id={id('bankCode')} label={t('account.bank')} error={shown.bankCode} required>
        {(p) => (
          <select
            {...p}
            className="krds-form-select"
            value={draft.bankCode}
            onChange={(e) => set('bankCode', e.target.value)}
          >
            <option value="">{t('account.bankPlaceholder')}</option>
            {BANKS.map((b) => (
              <option key={b.code} value={b.code}>
                {lang === 'en' ? b.en : b.ko} ({b.code})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        id={id('number')}
        label={t('account.number')}
        hint={t('account.numberHint')}
        error={shown.number}
        required
      >
        {(p) => (
          <input
            {...p}
            className="krds-input"
            inputMode="numeric"
            autoComplete="off"
            maxLength={24}
            value={draft.number}
            onChange={(e) => set('number', e.target.value)}
          />
        )}
      </Field>
      <Field
        id={id('holder')}
        label={t('account.holder')}
        hint={t('account.holderHint')}
        error={shown.holder}
        required
      >
        {(p) => (
          <input
            {...p}
            className="krds-input"
            maxLength={50}
            value={draft.holder}
            onChange={(e) => set('holder', e.target.value)}
          />
        )}
      </Field>
      <div className="app-actions">
        <button type="submit" className="krds-btn primary medium" disabled={busy}>
          {busy ? busyLabel : submitLabel}
        </button>
      </div>
    </form>
  );
}
