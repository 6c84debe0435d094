import { findSido, regionName, SIGUNGUS } from '@sbiz24/shared/reference/regions';
import { useId, useState } from 'react';
import { Check } from '../../components/Field';
import { useLang } from '../../i18n/i18n';
import { Chips } from './Chips';
import { PickerFieldset, PickerSelect } from './PickerFrame';
import { SidoOptions } from './SidoOptions';

/**
 * Picks regions by 시도 and 시군구: choose a 시도, then tick the whole 시도 (when allowed) or some of its
 * 시군구. Selected regions show as removable chips. `sigunguOnly` (disaster areas) offers 시군구 only.
 */
export function RegionPicker({
  id,
  legend,
  value,
  onChange,
  error,
  hint,
  sigunguOnly = false,
}: {
  id: string;
  legend: string;
  value: string[];
  onChange: (codes: string[]) => void;
  error?: string | undefined;
  hint?: string;
  sigunguOnly?: boolean;
}) {
  const { t } = useLang();
  const initialSido = value[0]?.slice(0, 2) ?? '11';
  const [sido, setSido] = useState(findSido(initialSido) ? initialSido : '11');
  const [filter, setFilter] = useState('');
  const uid = useId();
  const selected = new Set(value);
  const wholeSido = !sigunguOnly && selected.has(sido);
  const districts = SIGUNGUS.filter((s) => s.sidoCode === sido && s.name.includes(filter.trim()));
  const sidoName = findSido(sido)?.name ?? sido;

  const toggle = (code: string, on: boolean) => {
    const next = new Set(value);
    if (on) next.add(code);
    else next.delete(code);
    // A whole 시도 covers its 시군구: keep the rule minimal.
    if (on && code.length === 2)
      for (const c of [...next]) if (c.length === 5 && c.startsWith(code)) next.delete(c);
    onChange([...next].sort());
  };
  const selectAll = () => {
    const next = new Set(value);
    for (const s of SIGUNGUS) if (s.sidoCode === sido) next.add(s.code);
    onChange([...next].sort());
  };

  return (
    <PickerFieldset id={id} legend={legend} hint={hint} error={error}>
      <div className="app-controls">
        <PickerSelect
          id={`${uid}-sido`}
          label={t('rule.sido')}
          value={sido}
          onChange={(code) => {
            setSido(code);
            setFilter('');
          }}
        >
          <SidoOptions />
        </PickerSelect>
        <div className="app-control">
          <label htmlFor={`${uid}-filter`} className="app-label">
            {t('rule.sigunguFilter')}
          </label>
          <input
            id={`${uid}-filter`}
            type="search"
            className="krds-input"
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
        </div>
      </div>
      {sigunguOnly ? (
        <button type="button" className="krds-btn text small" onClick={selectAll}>
          {t('disasterForm.selectAll', { name: sidoName })}
        </button>
      ) : (
        <Check
          id={`${uid}-whole`}
          label={t('rule.wholeSido', { name: sidoName })}
          checked={wholeSido}
          onChange={(on) => toggle(sido, on)}
        />
      )}
      <fieldset className="app-checklist">
        <legend className="sr-only">{sidoName}</legend>
        {districts.map((s) => (
          <Check
            key={s.code}
            id={`${uid}-${s.code}`}
            label={s.name}
            checked={wholeSido || selected.has(s.code)}
            disabled={wholeSido}
            onChange={(on) => toggle(s.code, on)}
          />
        ))}
      </fieldset>
      <Chips
        label={t('rule.selectedRegions')}
        items={value.map((c) => ({ key: c, label: regionName(c) }))}
        onRemove={(c) => toggle(c, false)}
      />
    </PickerFieldset>
  );
}
