import { isKsicPrefix, KSIC_DIVISIONS, KSIC_SECTIONS, ksicName } from '@sbiz24/shared/reference/ksic';
import { useId, useState } from 'react';
import { useLang } from '../../i18n/i18n';
import { Chips } from './Chips';

function label(code: string): string {
  return `${ksicName(code)} (${code})`;
}

/**
 * Picks KSIC codes: a section (대분류), optionally narrowed to a division (중분류), or any code typed in
 * (validated as a known prefix). Selected codes show as removable chips with their names.
 */
export function KsicPicker({
  id,
  legend,
  value,
  onChange,
  error,
}: {
  id: string;
  legend: string;
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
}) {
  const { t } = useLang();
  const uid = useId();
  const [section, setSection] = useState('I');
  const [division, setDivision] = useState('');
  const [typed, setTyped] = useState('');
  const [typedError, setTypedError] = useState<string | null>(null);
  const info = KSIC_SECTIONS.find((s) => s.code === section);
  const divisions = info
    ? Object.keys(KSIC_DIVISIONS).filter(
        (d) => Number(d) >= info.divisions[0] && Number(d) <= info.divisions[1],
      )
    : [];
  const errId = `${id}-err`;
  const add = (code: string) => {
    if (!value.includes(code)) onChange([...value, code]);
  };
  const addTyped = () => {
    const code = typed.trim().toUpperCase();
    if (!isKsicPrefix(code)) {
      setTypedError(t('rule.ksicUnknown'));
      return;
    }
    setTypedError(null);
    setTyped('');
    add(code);
  };

  return (
    <fieldset
      className={`app-picker${error ? ' is-error' : ''}`}
      id={id}
      aria-describedby={error ? errId : undefined}
    >
      <legend className="app-legend">{legend}</legend>
      <div className="app-controls">
        <div className="app-control">
          <label htmlFor={`${uid}-section`} className="app-label">
            {t('rule.ksicSection')}
          </label>
          <select
            id={`${uid}-section`}
            className="krds-form-select"
            value={section}
            onChange={(e) => {
              setSection(e.target.value);
              setDivision('');
            }}
          >
            {KSIC_SECTIONS.map((s) => (
              <option key={s.code} value={s.code}>
                {s.code}. {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="app-control">
          <label htmlFor={`${uid}-division`} className="app-label">
            {t('rule.ksicDivision')}
          </label>
          <select
            id={`${uid}-division`}
            className="krds-form-select"
            value={division}
            onChange={(e) => setDivision(e.target.value)}
          >
            <option value="">{t('common.all')}</option>
            {divisions.map((d) => (
              <option key={d} value={d}>
                {d}. {KSIC_DIVISIONS[d]}
              </option>
            ))}
          </select>
        </div>
        <button type="button" className="krds-btn secondary medium" onClick={() => add(division || section)}>
          {t('rule.add')}
        </button>
      </div>
      <div className="app-controls app-mt-1">
        <div className="app-control">
          <label htmlFor={`${uid}-code`} className="app-label">
            {t('rule.ksicCode')}
          </label>
          <input
            id={`${uid}-code`}
            className="krds-input"
            value={typed}
            aria-describedby={`${uid}-code-hint${typedError ? ` ${uid}-code-err` : ''}`}
            aria-invalid={typedError ? true : undefined}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                addTyped();
              }
            }}
          />
        </div>
        <button type="button" className="krds-btn secondary medium" onClick={addTyped}>
          {t('rule.addCode')}
        </button>
      </div>
      <p className="form-hint" id={`${uid}-code-hint`}>
        {t('rule.ksicCodeHint')}
      </p>
      {typedError ? (
        <p className="form-hint-invalid" id={`${uid}-code-err`}>
          {typedError}
        </p>
      ) : null}
      <Chips
        label={t('rule.selectedIndustries')}
        items={value.map((c) => ({ key: c, label: label(c) }))}
        onRemove={(c) => onChange(value.filter((v) => v !== c))}
      />
      {error ? (
        <p className="form-hint-invalid" id={errId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
