import { type FormEvent, useRef, useState } from 'react';
import { supportHistoryPath } from '../../api/applications';
import { ApiError, api, fieldErrors } from '../../api/client';
import { Field } from '../../components/Field';
import { useLang } from '../../i18n/i18n';
import { useApi } from '../../lib/use-api';

/** The earliest year of support an owner may enter (the contract's limit). */
const FIRST_YEAR = 1990;

interface Props {
  brn: string;
  /** The business's version as read: the entry is part of its profile, written on that condition. */
  version: number;
  /** Called after the entry is stored (reload the history and the business). */
  onAdded: () => void;
}

/**
 * 자가 입력: support the owner received outside the portal (a program of the catalog and the year), so that
 * programs excluding past recipients judge them right. Checked here as the server checks it; the server's
 * answer (a duplicate, a stale version, a field problem) is shown at the field or above the form.
 */
export function AddSupportForm({ brn, version, onAdded }: Props) {
  const { t } = useLang();
  const thisYear = new Date().getFullYear();
  const programs = useApi<{ items: { id: string; title: string }[] }>('/api/programs?pageSize=100');
  const [programId, setProgramId] = useState('');
  const [year, setYear] = useState(String(thisYear - 1));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | undefined>();
  const [done, setDone] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const programRef = useRef<HTMLSelectElement>(null);
  const yearRef = useRef<HTMLInputElement>(null);

  const check = (): Record<string, string> => {
    const out: Record<string, string> = {};
    if (!programId) out.programId = t('addSupport.programRequired');
    const y = Number(year);
    if (!/^\d{4}$/.test(year.trim()) || y < FIRST_YEAR || y > thisYear)
      out.year = t('addSupport.yearRange', { from: FIRST_YEAR, to: thisYear });
    return out;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setDone(undefined);
    setFormError(undefined);
    const found = check();
    setErrors(found);
    if (found.programId) return programRef.current?.focus();
    if (found.year) return yearRef.current?.focus();
    setBusy(true);
    try {
      await api(supportHistoryPath(brn), {
        method: 'POST',
        body: { version, programId, year: Number(year) },
      });
      const title = programs.data?.items.find((p) => p.id === programId)?.title ?? programId;
      setDone(t('addSupport.added', { program: title, year }));
      setProgramId('');
      onAdded();
    } catch (err) {
      const byField = fieldErrors(err);
      setErrors(byField);
      if (Object.keys(byField).length === 0)
        setFormError(err instanceof ApiError ? err.message : t('addSupport.failed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="app-card app-mt-3" aria-labelledby="add-support-title">
      <h2 className="app-card-title" id="add-support-title">
        {t('addSupport.title')}
      </h2>
      <p className="app-muted">{t('addSupport.lead')}</p>
      {formError ? (
        <p className="app-alert app-alert-danger" role="alert">
          {formError}
        </p>
      ) : null}
      {done ? (
        <p className="app-alert app-alert-success" role="status">
          {done}
        </p>
      ) : null}
      <form noValidate onSubmit={(e) => void submit(e)}>
        <Field id="add-support-program" label={t('addSupport.program')} error={errors.programId} required>
          {(props) => (
            <select
              {...props}
              ref={programRef}
              className="krds-form-select"
              value={programId}
              onChange={(e) => setProgramId(e.target.value)}
            >
              <option value="">{t('addSupport.choose')}</option>
              {(programs.data?.items ?? []).map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="add-support-year"
          label={t('addSupport.year')}
          hint={t('addSupport.yearHint', { from: FIRST_YEAR, to: thisYear })}
          error={errors.year}
          required
        >
          {(props) => (
            <input
              {...props}
              ref={yearRef}
              className="krds-input"
              inputMode="numeric"
              maxLength={4}
              value={year}
              onChange={(e) => setYear(e.target.value)}
            />
          )}
        </Field>
        <div className="app-actions">
          <button type="submit" className="krds-btn primary" disabled={busy}>
            {t('addSupport.submit')}
          </button>
        </div>
      </form>
    </section>
  );
}
