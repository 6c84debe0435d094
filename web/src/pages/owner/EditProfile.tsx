import { todayInKorea } from '@sbiz24/shared/dates';
import {
  employeeConfirmationError,
  employeesNeedConfirmation,
  profileDateErrors,
} from '@sbiz24/shared/profile/bounds';
import { BusinessProfileSchema } from '@sbiz24/shared/profile/profile';
import { ksicNameEn } from '@sbiz24/shared/reference/ksic';
import { validateWith } from '@sbiz24/shared/validation';
import { type FormEvent, useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError, api, fieldErrors } from '../../api/client';
import type { BusinessItem } from '../../api/types';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ErrorSummary, type SummaryEntry, useFocusRequest } from '../../components/ErrorSummary';
import { Alert, ErrorState, Loading } from '../../components/Feedback';
import { Check, Field, FieldGroup } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { useLang } from '../../i18n/i18n';
import { formatWon } from '../../lib/format';
import { numberText, parseNumberInput } from '../../lib/numbers';
import { useApi } from '../../lib/use-api';

/** Flags an owner states; tax arrears and suspension come from agency records. */
const OWNER_FLAGS = [
  'womanOwned',
  'disabledOwned',
  'exporter',
  'revenueGrowth',
  'smartTech',
  'employmentInsurance',
  'covidRevenueDrop',
] as const;
type OwnerFlag = (typeof OWNER_FLAGS)[number];

interface FormState {
  tradeName: string;
  employees: string;
  revenue: string;
  revenueAvg3y: string;
  plannedClosureDate: string;
  highestLoanRate: string;
  flags: Partial<Record<OwnerFlag, boolean>>;
  /** The owner confirms a count at or above the 소상공인 limit (shown only then). */
  employeesConfirmed: boolean;
}

function formOf(b: BusinessItem): FormState {
  const p = b.profile;
  return {
    tradeName: p.tradeName,
    employees: numberText(p.employees),
    revenue: numberText(p.revenue),
    revenueAvg3y: numberText(p.revenueAvg3y),
    plannedClosureDate: p.plannedClosureDate ?? '',
    highestLoanRate: numberText(p.highestLoanRate),
    flags: Object.fromEntries(OWNER_FLAGS.map((f) => [f, p.flags?.[f] === true])),
    employeesConfirmed: false,
  };
}

/** The form's fields, in the order they appear (the error summary lists problems in this order). */
const FIELDS = [
  'tradeName',
  'employees',
  'highestLoanRate',
  'revenue',
  'revenueAvg3y',
  'plannedClosureDate',
  'flags',
] as const;

/**
 * The changes between the stored profile and the form (null clears a fact), and every problem of the form
 * at once: numbers that are not numbers, and whatever the shared profile schema refuses in the profile as
 * it would be saved (the server checks the same schema on the same merged profile, so its bounds are the
 * form's bounds). Problems are keyed by the field's name, or by the profile path for stored facts the
 * form does not show. The bounds that move with the date take `today` (profile/bounds.ts, as the server does),
 * and a count at or above the 소상공인 limit needs the owner's confirmation.
 */
export function checkProfileForm(b: BusinessItem, f: FormState, invalidNumber: string, today: string) {
  const p = b.profile;
  const changes: Record<string, unknown> = {};
  const errors: Record<string, string> = {};
  if (f.tradeName.trim() !== p.tradeName) changes.tradeName = f.tradeName.trim();
  for (const key of ['employees', 'revenue', 'revenueAvg3y', 'highestLoanRate'] as const) {
    const n = parseNumberInput(f[key]);
    if (Number.isNaN(n)) errors[key] = invalidNumber;
    else if ((n ?? null) !== (p[key] ?? null)) changes[key] = n ?? null;
  }
  if ((f.plannedClosureDate || null) !== (p.plannedClosureDate ?? null))
    changes.plannedClosureDate = f.plannedClosureDate || null;
  const flagChanges: Record<string, boolean | null> = {};
  for (const flag of OWNER_FLAGS) {
    const now = f.flags[flag] === true;
    if (now !== (p.flags?.[flag] === true)) flagChanges[flag] = now;
  }
  if (Object.keys(flagChanges).length > 0) changes.flags = flagChanges;

  const { flags, ...fields } = changes;
  const next: Record<string, unknown> = { ...p, flags: { ...p.flags, ...(flags as object) } };
  for (const [key, value] of Object.entries(fields)) {
    if (value === null) delete next[key];
    else next[key] = value;
  }
  const checked = validateWith(BusinessProfileSchema, next);
  const problems = checked.ok ? profileDateErrors(checked.value, today) : checked.errors;
  if (
    checked.ok &&
    typeof changes.employees === 'number' &&
    employeesNeedConfirmation(p.ksic, changes.employees)
  ) {
    if (f.employeesConfirmed) changes.employeesConfirmed = true;
    else problems.push(employeeConfirmationError(p.ksic, changes.employees, 'employees'));
  }
  for (const e of problems) {
    const top = e.path.split('.')[0] ?? '';
    const key = (FIELDS as readonly string[]).includes(top) ? top : e.path;
    if (!(key in errors)) errors[key] = e.message;
  }
  return { changes, errors };
}

/** Edit what an owner may change; a stale version (409) reloads and says so. */
export default function EditProfile() {
  const { brn = '' } = useParams();
  const { t, lang } = useLang();
  const { data, error, loading, reload, setData } = useApi<{ business: BusinessItem }>(
    `/api/me/businesses/${encodeURIComponent(brn)}`,
  );
  const [form, setForm] = useState<FormState | null>(null);
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<unknown>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [notice, setNotice] = useState<'saved' | 'conflict' | null>(null);
  const [summaryRef, focusSummary] = useFocusRequest();

  useEffect(() => {
    if (data) setForm(formOf(data.business));
  }, [data]);

  if (loading && !data) return <Loading />;
  if (error || !data || !form) return <ErrorState error={error} onRetry={reload} />;
  const b = data.business;
  const server = fieldErrors(saveError, 'changes.');
  const err = (k: string) => localErrors[k] ?? server[k];
  const problems = { ...server, ...localErrors };
  const ordered = [
    ...FIELDS.filter((k) => k in problems),
    ...Object.keys(problems).filter((k) => !(FIELDS as readonly string[]).includes(k)),
  ];
  const summary: SummaryEntry[] = ordered.map((k) => {
    const shown = (FIELDS as readonly string[]).includes(k);
    return {
      target: shown ? (k === 'flags' ? 'profile-flags' : `profile-${k}`) : undefined,
      label: shown ? t(`profile.${k}`) : undefined,
      message: problems[k] ?? '',
    };
  });
  const set = <K extends keyof FormState>(k: K, v: FormState[K]) => setForm({ ...form, [k]: v });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    const { changes, errors } = checkProfileForm(
      b,
      form,
      t('profile.invalidNumber'),
      todayInKorea(() => new Date()),
    );
    setLocalErrors(errors);
    setSaveError(null);
    if (Object.keys(errors).length > 0) {
      focusSummary();
      return;
    }
    if (Object.keys(changes).length === 0) {
      setNotice('saved');
      return;
    }
    setSaving(true);
    setSaveError(null);
    try {
      const res = await api<{ business: BusinessItem }>(`/api/me/businesses/${b.brn}`, {
        method: 'PATCH',
        body: { version: b.version, changes },
      });
      setData(res);
      setNotice('saved');
    } catch (x) {
      if (x instanceof ApiError && x.status === 409) {
        setNotice('conflict');
        reload();
      } else {
        setSaveError(x);
        focusSummary();
      }
    } finally {
      setSaving(false);
    }
  };

  const money = (key: 'revenue' | 'revenueAvg3y') => {
    const n = parseNumberInput(form[key]);
    return n !== undefined && !Number.isNaN(n) ? formatWon(n, lang) : undefined;
  };

  return (
    <>
      <Breadcrumbs
        items={[
          { label: t('owner.title'), to: '/my' },
          { label: b.tradeName, to: `/my/businesses/${b.brn}` },
          { label: t('profile.title') },
        ]}
      />
      <PageTitle text={t('profile.title')} lead={t('profile.lead')} />
      <p className="app-muted">
        {b.brnFormatted} · {b.regionName} · {lang === 'en' ? ksicNameEn(b.profile.ksic) : b.ksicName}
      </p>
      {notice === 'saved' ? (
        <Alert tone="success">
          {t('profile.saved')} <Link to={`/my/businesses/${b.brn}`}>{t('owner.seeMatches')}</Link>
        </Alert>
      ) : null}
      {notice === 'conflict' ? <Alert tone="warning">{t('profile.conflict')}</Alert> : null}
      {saveError && summary.length === 0 ? (
        <ErrorSummary
          title={t('common.errorTitle')}
          entries={[{ message: saveError instanceof ApiError ? saveError.message : t('common.unexpected') }]}
          focusRef={summaryRef}
        />
      ) : (
        <ErrorSummary entries={summary} focusRef={summaryRef} />
      )}
      <form className="app-form app-mt-2" onSubmit={submit} noValidate>
        <Field id="profile-tradeName" label={t('profile.tradeName')} error={err('tradeName')} required>
          {(p) => (
            <input
              {...p}
              className="krds-input"
              value={form.tradeName}
              onChange={(e) => set('tradeName', e.target.value)}
            />
          )}
        </Field>
        <div className="app-grid-2">
          <div>
            <Field id="profile-employees" label={t('profile.employees')} error={err('employees')}>
              {(p) => (
                <input
                  {...p}
                  className="krds-input"
                  inputMode="numeric"
                  value={form.employees}
                  onChange={(e) => set('employees', e.target.value)}
                />
              )}
            </Field>
            {employeesNeedConfirmation(b.profile.ksic, parseNumberInput(form.employees)) ? (
              <Check
                id="profile-employeesConfirmed"
                label={t('profile.employeesConfirm')}
                checked={form.employeesConfirmed}
                onChange={(on) => set('employeesConfirmed', on)}
              />
            ) : null}
          </div>
          <Field
            id="profile-highestLoanRate"
            label={t('profile.highestLoanRate')}
            error={err('highestLoanRate')}
          >
            {(p) => (
              <input
                {...p}
                className="krds-input"
                inputMode="decimal"
                value={form.highestLoanRate}
                onChange={(e) => set('highestLoanRate', e.target.value)}
              />
            )}
          </Field>
          <Field
            id="profile-revenue"
            label={t('profile.revenue')}
            error={err('revenue')}
            hint={money('revenue')}
          >
            {(p) => (
              <input
                {...p}
                className="krds-input"
                inputMode="numeric"
                value={form.revenue}
                onChange={(e) => set('revenue', e.target.value)}
              />
            )}
          </Field>
          <Field
            id="profile-revenueAvg3y"
            label={t('profile.revenueAvg3y')}
            error={err('revenueAvg3y')}
            hint={money('revenueAvg3y')}
          >
            {(p) => (
              <input
                {...p}
                className="krds-input"
                inputMode="numeric"
                value={form.revenueAvg3y}
                onChange={(e) => set('revenueAvg3y', e.target.value)}
              />
            )}
          </Field>
        </div>
        <Field
          id="profile-plannedClosureDate"
          label={t('profile.plannedClosureDate')}
          hint={t('profile.plannedClosureHint')}
          error={err('plannedClosureDate')}
        >
          {(p) => (
            <input
              {...p}
              type="date"
              className="krds-input"
              value={form.plannedClosureDate}
              onChange={(e) => set('plannedClosureDate', e.target.value)}
            />
          )}
        </Field>
        <FieldGroup
          id="profile-flags"
          legend={t('profile.flags')}
          hint={t('profile.fixedFlags')}
          error={err('flags')}
        >
          <div className="krds-check-area chk-column">
            {OWNER_FLAGS.map((f) => (
              <Check
                key={f}
                id={`profile-flag-${f}`}
                label={t(`flags.${f}`)}
                checked={form.flags[f] === true}
                onChange={(v) => set('flags', { ...form.flags, [f]: v })}
              />
            ))}
          </div>
        </FieldGroup>
        <div className="app-actions">
          <button type="submit" className="krds-btn primary large" disabled={saving}>
            {saving ? t('common.saving') : t('common.save')}
          </button>
          <Link to={`/my/businesses/${b.brn}`} className="krds-btn tertiary large">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}
