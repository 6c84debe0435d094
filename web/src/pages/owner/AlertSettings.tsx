import type { AlertSettingsBody, AlertSettings as Settings } from '@sbiz24/shared/contract/alerts';
import { type FormEvent, useEffect, useState } from 'react';
import { ApiError, api } from '../../api/client';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { Alert, ErrorState, Loading } from '../../components/Feedback';
import { Check, Field, FieldGroup } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { useLang } from '../../i18n/i18n';
import { useApi } from '../../lib/use-api';

const KINDS = ['newMatch', 'deadline', 'application', 'disaster'] as const;
const KIND_KEYS = {
  newMatch: 'new-match',
  deadline: 'deadline',
  application: 'application',
  disaster: 'disaster',
} as const;

type Form = Omit<AlertSettingsBody, 'phone'> & { phone: string };

const formOf = (s: Settings): Form => ({
  version: s.version,
  channels: { ...s.channels },
  kinds: { ...s.kinds },
  quietHours: { ...s.quietHours },
  disasterIgnoresQuietHours: s.disasterIgnoresQuietHours,
  digest: s.digest,
  phone: s.phone ?? '',
});

/** The server's message for a field (`phone`, `quietHours.start`), if it refused one. */
const fieldError = (e: unknown, path: string) =>
  e instanceof ApiError
    ? e.details.find((d) => d.path === path || d.path.startsWith(`${path}.`))?.message
    : undefined;

/** The verification's refusals of the code itself (422): shown next to the code field, not at the top. */
const CODE_REFUSALS = new Set(['CODE_MISMATCH', 'CODE_EXPIRED', 'CODE_ATTEMPTS_EXCEEDED', 'NO_PENDING_CODE']);
const codeError = (e: unknown) =>
  fieldError(e, 'code') ?? (e instanceof ApiError && CODE_REFUSALS.has(e.code) ? e.message : undefined);

/** Alert settings: channels, kinds, quiet hours for texts, the weekly digest, the phone and a verified e-mail. */
export default function AlertSettings() {
  const { t } = useLang();
  const loaded = useApi<Settings>('/api/me/alert-settings');
  const [form, setForm] = useState<Form>();
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();

  // The form follows the stored settings only when they change (a save, a verification, a reload after a
  // conflict): a second fetch of the same version must not throw away what the owner is ticking.
  useEffect(() => {
    if (loaded.data) setForm((f) => (f && f.version === loaded.data!.version ? f : formOf(loaded.data!)));
  }, [loaded.data]);

  if (loaded.loading && !form) return <Loading />;
  if (loaded.error && !form) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (!form || !loaded.data) return null;

  // Functional updates: two changes in quick succession never undo each other through a stale `form`.
  const update = (change: (f: Form) => Partial<Form>) => setForm((f) => (f ? { ...f, ...change(f) } : f));
  const set = <K extends keyof Form>(key: K, value: Form[K]) =>
    update(() => ({ [key]: value }) as Partial<Form>);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setSaving(true);
    setSaveError(undefined);
    setNotice(undefined);
    try {
      const saved = await api<Settings>('/api/me/alert-settings', {
        method: 'PUT',
        body: { ...form, phone: form.phone.trim() === '' ? null : form.phone.trim() },
      });
      loaded.setData(saved);
      setNotice(t('alertSettings.saved'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'VERSION_CONFLICT') {
        setNotice(t('alertSettings.conflict'));
        loaded.reload();
      } else setSaveError(err);
    } finally {
      setSaving(false);
    }
  };

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('notifications.title'), to: '/my/notifications' },
          { label: t('alertSettings.title') },
        ]}
      />
      <PageTitle text={t('alertSettings.title')} />
      <p className="app-lead">{t('alertSettings.lead')}</p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}

      <EmailSection settings={loaded.data} onVerified={(s) => loaded.setData(s)} />

      <form onSubmit={(e) => void save(e)} noValidate className="app-mt-2">
        {saveError && !fieldError(saveError, 'phone') && !fieldError(saveError, 'quietHours') ? (
          <ErrorState error={saveError} />
        ) : null}
        <FieldGroup
          id="as-channels"
          legend={t('alertSettings.channels')}
          hint={t('alertSettings.inboxAlways')}
        >
          <div className="krds-check-area">
            <Check
              id="as-ch-email"
              label={t('alertSettings.email')}
              checked={form.channels.email}
              onChange={(on) => update((f) => ({ channels: { ...f.channels, email: on } }))}
            />
            <Check
              id="as-ch-sms"
              label={t('alertSettings.sms')}
              checked={form.channels.sms}
              onChange={(on) => update((f) => ({ channels: { ...f.channels, sms: on } }))}
            />
          </div>
        </FieldGroup>
        <Field
          id="as-phone"
          label={t('alertSettings.phone')}
          hint={t('alertSettings.phoneHint')}
          error={fieldError(saveError, 'phone')}
        >
          {(p) => (
            <input
              {...p}
              className="krds-input"
              type="tel"
              inputMode="tel"
              autoComplete="tel-national"
              maxLength={13}
              value={form.phone}
              onChange={(e) => set('phone', e.target.value)}
            />
          )}
        </Field>
        <FieldGroup id="as-kinds" legend={t('alertSettings.kinds')}>
          <div className="krds-check-area">
            {KINDS.map((k) => (
              <Check
                key={k}
                id={`as-kind-${k}`}
                label={t(`notifications.kinds.${KIND_KEYS[k]}`)}
                checked={form.kinds[k]}
                onChange={(on) => update((f) => ({ kinds: { ...f.kinds, [k]: on } }))}
              />
            ))}
          </div>
        </FieldGroup>
        <FieldGroup
          id="as-quiet"
          legend={t('alertSettings.quietHours')}
          hint={t('alertSettings.quietHint')}
          error={fieldError(saveError, 'quietHours')}
        >
          <div className="app-inline-fields">
            <Field id="as-quiet-start" label={t('alertSettings.quietStart')}>
              {(p) => (
                <input
                  {...p}
                  className="krds-input"
                  type="time"
                  value={form.quietHours.start}
                  onChange={(e) =>
                    update((f) => ({ quietHours: { ...f.quietHours, start: e.target.value } }))
                  }
                />
              )}
            </Field>
            <Field id="as-quiet-end" label={t('alertSettings.quietEnd')}>
              {(p) => (
                <input
                  {...p}
                  className="krds-input"
                  type="time"
                  value={form.quietHours.end}
                  onChange={(e) => update((f) => ({ quietHours: { ...f.quietHours, end: e.target.value } }))}
                />
              )}
            </Field>
          </div>
          <Check
            id="as-disaster-override"
            label={t('alertSettings.disasterOverride')}
            checked={form.disasterIgnoresQuietHours}
            onChange={(on) => set('disasterIgnoresQuietHours', on)}
          />
          <p className="form-hint">{t('alertSettings.disasterHint')}</p>
        </FieldGroup>
        <FieldGroup id="as-digest" legend={t('alertSettings.digest')} hint={t('alertSettings.digestHint')}>
          <div className="krds-check-area chk-column">
            <Check
              id="as-digest-none"
              type="radio"
              name="digest"
              label={t('alertSettings.digestNone')}
              checked={form.digest === 'none'}
              onChange={() => set('digest', 'none')}
            />
            <Check
              id="as-digest-weekly"
              type="radio"
              name="digest"
              label={t('alertSettings.digestWeekly')}
              checked={form.digest === 'weekly'}
              onChange={() => set('digest', 'weekly')}
            />
          </div>
        </FieldGroup>
        <div className="app-actions">
          <button type="submit" className="krds-btn primary medium" disabled={saving}>
            {saving ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </>
  );
}

/** The e-mail address: the verified one, and a new one verified by the code mailed to it. */
function EmailSection({ settings, onVerified }: { settings: Settings; onVerified: (s: Settings) => void }) {
  const { t } = useLang();
  const [address, setAddress] = useState('');
  const [code, setCode] = useState('');
  const [sentTo, setSentTo] = useState<string | undefined>(settings.pendingEmail?.address);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [busy, setBusy] = useState(false);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      await work();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  const send = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const r = await api<{ address: string }>('/api/me/contacts/email', {
        method: 'POST',
        body: { address },
      });
      setSentTo(r.address);
      setNotice(t('alertSettings.codeSent', { address: r.address }));
    });
  };
  const verify = (e: FormEvent) => {
    e.preventDefault();
    void run(async () => {
      const s = await api<Settings>('/api/me/contacts/email/verify', { method: 'POST', body: { code } });
      onVerified(s);
      setSentTo(undefined);
      setCode('');
      setNotice(t('alertSettings.verified'));
    });
  };
  const general = error && !fieldError(error, 'address') && !codeError(error) ? error : undefined;

  return (
    <section aria-labelledby="as-email-title" className="app-card app-mt-2">
      <h2 id="as-email-title" className="app-card-title">
        {t('alertSettings.emailTitle')}
      </h2>
      <p>
        {settings.email?.verified
          ? t('alertSettings.emailVerified', { address: settings.email.address })
          : t('alertSettings.emailNone')}
      </p>
      {notice ? <Alert tone="success">{notice}</Alert> : null}
      {general ? <ErrorState error={general} /> : null}
      <form onSubmit={send} noValidate>
        <Field id="as-email" label={t('alertSettings.emailAddress')} error={fieldError(error, 'address')}>
          {(p) => (
            <input
              {...p}
              className="krds-input"
              type="email"
              autoComplete="email"
              maxLength={254}
              value={address}
              onChange={(e) => setAddress(e.target.value)}
            />
          )}
        </Field>
        <div className="app-actions">
          <button
            type="submit"
            className="krds-btn secondary medium"
            disabled={busy || address.trim() === ''}
          >
            {t('alertSettings.sendCode')}
          </button>
        </div>
      </form>
      {sentTo ? (
        <form onSubmit={verify} noValidate>
          <Field id="as-code" label={t('alertSettings.code')} error={codeError(error)}>
            {(p) => (
              <input
                {...p}
                className="krds-input"
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                value={code}
                onChange={(e) => setCode(e.target.value.replace(/\D/g, ''))}
              />
            )}
          </Field>
          <div className="app-actions">
            <button type="submit" className="krds-btn primary medium" disabled={busy || code.length !== 6}>
              {t('alertSettings.verify')}
            </button>
          </div>
        </form>
      ) : null}
    </section>
  );
}
