import { isKsicPrefix, KSIC_DIVISIONS, KSIC_SECTIONS, ksicName } from '@sbiz24/shared/reference/ksic';
import { useId, useState } from 'react';
import { useLang } from '../../i18n/i18n';
import { Chips } from './Chips';
import { PickerFieldset, PickerSelect } from './PickerFrame';

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
    <PickerFieldset id={id} legend={legend} error={error}>
      <div className="app-controls">
        <PickerSelect
          id={`${uid}-section`}
          label={t('rule.ksicSection')}
          value={section}
          onChange={(code) => {
            setSection(code);
            setDivision('');
          }}
        >
          {KSIC_SECTIONS.map((s) => (
            <option key={s.code} value={s.code}>
              {s.code}. {s.name}
            </option>
          ))}
        </PickerSelect>
        <PickerSelect
          id={`${uid}-division`}
          label={t('rule.ksicDivision')}
          value={division}
          onChange={setDivision}
        >
          <option value="">{t('common.all')}</option>
          {divisions.map((d) => (
            <option key={d} value={d}>
              {d}. {KSIC_DIVISIONS[d]}
            </option>
          ))}
        </PickerSelect>
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
    </PickerFieldset>
  );
}
