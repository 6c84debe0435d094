import type { ReactNode } from 'react';

/**
 * The frame every picker shares: a fieldset with its legend, an optional hint under the legend, the picker's
 * controls, and its error at the end, both tied to the fieldset (`<id>-hint`, `<id>-err`).
 */
export function PickerFieldset({
  id,
  legend,
  hint,
  error,
  children,
}: {
  id: string;
  legend: string;
  hint?: string | undefined;
  error?: string | undefined;
  children: ReactNode;
}) {
  const errId = `${id}-err`;
  const hintId = `${id}-hint`;
  return (
    <fieldset
      className={`app-picker${error ? ' is-error' : ''}`}
      id={id}
      aria-describedby={[error ? errId : '', hint ? hintId : ''].filter(Boolean).join(' ') || undefined}
    >
      <legend className="app-legend">{legend}</legend>
      {hint ? (
        <p className="form-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      {children}
      {error ? (
        <p className="form-hint-invalid" id={errId}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

/** One labelled select among a picker's controls. */
export function PickerSelect({
  id,
  label,
  value,
  onChange,
  children,
}: {
  id: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  children: ReactNode;
}) {
  return (
    <div className="app-control">
      <label htmlFor={id} className="app-label">
        {label}
      </label>
      <select id={id} className="krds-form-select" value={value} onChange={(e) => onChange(e.target.value)}>
        {children}
      </select>
    </div>
  );
}
