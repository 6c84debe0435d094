import { DisasterSchema } from '@sbiz24/shared/disaster/disaster';
import { DISASTER_KINDS, type DisasterKind } from '@sbiz24/shared/rules/types';
import { validateWith } from '@sbiz24/shared/validation';
import { type FormEvent, useRef, useState } from 'react';
import { Link } from 'react-router';
import { api, fieldErrors } from '../../api/client';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { ErrorSummary, useFocusRequest } from '../../components/ErrorSummary';
import { Alert, ErrorState } from '../../components/Feedback';
import { Check, Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { SigunguMap } from '../../features/map/SigunguMap';
import { RegionPicker } from '../../features/pickers/RegionPicker';
import { useLang } from '../../i18n/i18n';

function suggestedId(kind: string, startDate: string): string {
  return startDate ? `${startDate.slice(0, 7)}-${kind}` : kind;
}

/** Declare a disaster: name, kind, period and the affected 시군구 (list, or click on the map). */
export default function DeclareDisaster() {
  const { t } = useLang();
  const [kind, setKind] = useState<DisasterKind>('heavy-rain');
  const [name, setName] = useState('');
  const [startDate, setStartDate] = useState('');
  const [endDate, setEndDate] = useState('');
  const [specialArea, setSpecialArea] = useState(true);
  const [regionCodes, setRegionCodes] = useState<string[]>([]);
  const [id, setId] = useState('');
  const [idTouched, setIdTouched] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [confirming, setConfirming] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const summaryRef = useRef<HTMLDivElement>(null);
  const [errorsRef, focusErrors] = useFocusRequest();
  const effectiveId = idTouched ? id : suggestedId(kind, startDate);
  const body = { id: effectiveId, name: name.trim(), kind, regionCodes, startDate, endDate, specialArea };

  const check = (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const v = validateWith(DisasterSchema, body);
    const local: Record<string, string> = {};
    if (!v.ok)
      for (const x of v.errors) if (!(x.path in local)) local[x.path.replace(/\.\d+$/, '')] = x.message;
    setErrors(local);
    if (Object.keys(local).length > 0) {
      focusErrors();
      return;
    }
    setConfirming(true);
  };
  const declare = async () => {
    setConfirming(false);
    try {
      await api('/api/staff/disasters', { method: 'POST', body });
      setDone(name.trim());
      summaryRef.current?.focus();
    } catch (x) {
      const f = fieldErrors(x);
      setErrors(Object.fromEntries(Object.entries(f).map(([k, m]) => [k.replace(/\.\d+$/, ''), m])));
      setFailure(x);
      if (Object.keys(f).length > 0) focusErrors();
      else summaryRef.current?.focus();
    }
  };

  return (
    <>
      <Breadcrumbs items={[{ label: t('staff.title'), to: '/staff' }, { label: t('disasterForm.title') }]} />
      <PageTitle text={t('disasterForm.title')} lead={t('disasterForm.lead')} />
      <div ref={summaryRef} tabIndex={-1}>
        {done ? (
          <Alert tone="success" title={t('disasterForm.done')}>
            <p>{done}</p>
            <Link to="/disasters">{t('disasters.title')}</Link>{' '}
            <Link to={`/staff/disasters/${encodeURIComponent(effectiveId)}/damage-imports`}>
              {t('damageImport.link')}
            </Link>
          </Alert>
        ) : null}
        {Object.keys(errors).length > 0 ? (
          <ErrorSummary
            entries={Object.values(errors).map((message) => ({ message }))}
            scope="disaster-form"
            focusRef={errorsRef}
          />
        ) : failure ? (
          <ErrorState error={failure} />
        ) : null}
      </div>
      {done ? null : (
        <form id="disaster-form" className="app-form wide" onSubmit={check} noValidate>
          <div className="app-grid-2">
            <Field id="d-name" label={t('disasterForm.name')} error={errors.name} required>
              {(p) => (
                <input {...p} className="krds-input" value={name} onChange={(e) => setName(e.target.value)} />
              )}
            </Field>
            <Field id="d-kind" label={t('disasterForm.kind')} error={errors.kind} required>
              {(p) => (
                <select
                  {...p}
                  className="krds-form-select"
                  value={kind}
                  onChange={(e) => setKind(e.target.value as DisasterKind)}
                >
                  {DISASTER_KINDS.map((k) => (
                    <option key={k} value={k}>
                      {t(`disasters.kinds.${k}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field id="d-start" label={t('disasterForm.startDate')} error={errors.startDate} required>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  className="krds-input"
                  value={startDate}
                  onChange={(e) => setStartDate(e.target.value)}
                />
              )}
            </Field>
            <Field id="d-end" label={t('disasterForm.endDate')} error={errors.endDate} required>
              {(p) => (
                <input
                  {...p}
                  type="date"
                  className="krds-input"
                  value={endDate}
                  onChange={(e) => setEndDate(e.target.value)}
                />
              )}
            </Field>
            <Field
              id="d-id"
              label={t('disasterForm.id')}
              hint={t('disasterForm.idHint')}
              error={errors.id}
              required
            >
              {(p) => (
                <input
                  {...p}
                  className="krds-input"
                  value={effectiveId}
                  onChange={(e) => {
                    setIdTouched(true);
                    setId(e.target.value);
                  }}
                />
              )}
            </Field>
          </div>
          <Check
            id="d-special"
            label={t('disasterForm.specialArea')}
            checked={specialArea}
            onChange={setSpecialArea}
          />
          <div className="app-region-layout">
            <RegionPicker
              id="d-regions"
              legend={t('disasterForm.regions')}
              hint={t('disasterForm.regionsHint')}
              value={regionCodes}
              onChange={setRegionCodes}
              error={errors.regionCodes}
              sigunguOnly
            />
            <SigunguMap
              selected={regionCodes}
              onToggle={(codes, on) =>
                setRegionCodes((cur) =>
                  on ? [...new Set([...cur, ...codes])].sort() : cur.filter((c) => !codes.includes(c)),
                )
              }
            />
          </div>
          <div className="app-actions">
            <button type="submit" className="krds-btn primary large">
              {t('disasterForm.submit')}
            </button>
          </div>
        </form>
      )}
      <ConfirmDialog
        open={confirming}
        title={t('disasterForm.title')}
        confirmLabel={t('disasterForm.submit')}
        onConfirm={() => void declare()}
        onCancel={() => setConfirming(false)}
      >
        <p>{t('disasterForm.confirm', { name: name.trim(), count: regionCodes.length })}</p>
      </ConfirmDialog>
    </>
  );
}
