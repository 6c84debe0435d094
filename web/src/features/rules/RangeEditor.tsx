import { RANGE_FIELDS, type RangeCondition, type RangeField } from '@sbiz24/shared/rules/types';
import { useEffect, useState } from 'react';
import { useLang } from '../../i18n/i18n';
import { formatWon } from '../../lib/format';
import { parseNumberInput } from '../../lib/numbers';
import { fieldError } from './rule-tree';

const MONEY: RangeField[] = ['revenue', 'revenueAvg3y'];

type Low = 'gte' | 'gt';
type High = 'lte' | 'lt';

/** A number range: the fact, a lower bound (이상/초과) and an upper bound (이하/미만), either may be blank. */
export function RangeEditor({
  id,
  value,
  onChange,
  errors,
}: {
  id: string;
  value: RangeCondition;
  onChange: (c: RangeCondition) => void;
  errors: Record<string, string>;
}) {
  const { t, lang } = useLang();
  const lowOp: Low = value.gt !== undefined ? 'gt' : 'gte';
  const highOp: High = value.lte !== undefined ? 'lte' : 'lt';
  const low = value[lowOp];
  const high = value[highOp];
  const money = MONEY.includes(value.field);
  const make = (
    field: RangeField,
    lo: Low,
    loVal: number | undefined,
    hi: High,
    hiVal: number | undefined,
  ) => {
    const c: RangeCondition = { type: 'range', field };
    if (loVal !== undefined) c[lo] = loVal;
    if (hiVal !== undefined) c[hi] = hiVal;
    return c;
  };
  const num = (text: string) => {
    const n = parseNumberInput(text);
    return n === undefined || Number.isNaN(n) ? undefined : n;
  };
  const [lowText, setLowText] = useState(low === undefined ? '' : String(low));
  const [highText, setHighText] = useState(high === undefined ? '' : String(high));
  // Follow the tree when it changes from outside (a reload, a reordered list), not while typing.
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the bound values matter
  useEffect(() => {
    if (num(lowText) !== low) setLowText(low === undefined ? '' : String(low));
  }, [low]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: only the bound values matter
  useEffect(() => {
    if (num(highText) !== high) setHighText(high === undefined ? '' : String(high));
  }, [high]);
  const boundsError = errors[''] ?? fieldError(errors, 'gte') ?? fieldError(errors, 'gt');
  const upperError = fieldError(errors, 'lte') ?? fieldError(errors, 'lt');
  const errId = `${id}-range-err`;
  return (
    <div className="app-range">
      <div className="form-group">
        <label htmlFor={`${id}-field`} className="app-label">
          {t('rule.field')}
        </label>
        <select
          id={`${id}-field`}
          className="krds-form-select"
          value={value.field}
          onChange={(e) => onChange(make(e.target.value as RangeField, lowOp, low, highOp, high))}
        >
          {RANGE_FIELDS.map((f) => (
            <option key={f} value={f}>
              {t(`rule.fields.${f}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="app-grid-2">
        <div className="app-control">
          <label htmlFor={`${id}-low`} className="app-label">
            {t('rule.lower')}
          </label>
          <div className="app-bound">
            <input
              id={`${id}-low`}
              className="krds-input"
              inputMode="decimal"
              value={lowText}
              aria-invalid={boundsError ? true : undefined}
              aria-describedby={boundsError ? errId : undefined}
              onChange={(e) => {
                setLowText(e.target.value);
                onChange(make(value.field, lowOp, num(e.target.value), highOp, high));
              }}
            />
            <label htmlFor={`${id}-lowop`} className="sr-only">
              {t('rule.lowerOp')}
            </label>
            <select
              id={`${id}-lowop`}
              className="krds-form-select"
              value={lowOp}
              onChange={(e) => onChange(make(value.field, e.target.value as Low, low, highOp, high))}
            >
              <option value="gte">{t('rule.gte')}</option>
              <option value="gt">{t('rule.gt')}</option>
            </select>
          </div>
        </div>
        <div className="app-control">
          <label htmlFor={`${id}-high`} className="app-label">
            {t('rule.upper')}
          </label>
          <div className="app-bound">
            <input
              id={`${id}-high`}
              className="krds-input"
              inputMode="decimal"
              value={highText}
              aria-invalid={boundsError || upperError ? true : undefined}
              aria-describedby={boundsError || upperError ? errId : undefined}
              onChange={(e) => {
                setHighText(e.target.value);
                onChange(make(value.field, lowOp, low, highOp, num(e.target.value)));
              }}
            />
            <label htmlFor={`${id}-highop`} className="sr-only">
              {t('rule.upperOp')}
            </label>
            <select
              id={`${id}-highop`}
              className="krds-form-select"
              value={highOp}
              onChange={(e) => onChange(make(value.field, lowOp, low, e.target.value as High, high))}
            >
              <option value="lte">{t('rule.lte')}</option>
              <option value="lt">{t('rule.lt')}</option>
            </select>
          </div>
        </div>
      </div>
      {money && (low !== undefined || high !== undefined) ? (
        <p className="form-hint">
          {low !== undefined ? `${formatWon(low, lang)} ${t(`rule.${lowOp}`)}` : ''}
          {low !== undefined && high !== undefined ? ', ' : ''}
          {high !== undefined ? `${formatWon(high, lang)} ${t(`rule.${highOp}`)}` : ''}
        </p>
      ) : null}
      {boundsError || upperError ? (
        <p className="form-hint-invalid" id={errId}>
          {boundsError ?? upperError}
        </p>
      ) : null}
    </div>
  );
}
