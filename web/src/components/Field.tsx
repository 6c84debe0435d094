import type { ReactNode } from 'react';
import { useLang } from '../i18n/i18n';

/** Props a form control needs to be tied to its label, hint and error (WCAG 1.3.1, 3.3.1). */
export interface ControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
  'aria-required'?: true;
}

export interface FieldProps {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  /** A Korean message from validation or the API, shown under the control and announced with it. */
  error?: string | undefined;
  /** Success message (e.g. a well-formed business number). */
  success?: string | undefined;
  required?: boolean;
  children: (props: ControlProps) => ReactNode;
}

/** A KRDS form group: label, control, hint and error message, wired with aria-describedby. */
export function Field({ id, label, hint, error, success, required, children }: FieldProps) {
  const { t } = useLang();
  const hintId = hint ? `${id}-hint` : undefined;
  const msgId = error || success ? `${id}-msg` : undefined;
  const describedBy = [msgId, hintId].filter(Boolean).join(' ') || undefined;
  const state = error ? ' is-error' : success ? ' is-success' : '';
  return (
    <div className="form-group">
      <div className="form-tit">
        <label htmlFor={id}>
          {label}
          {required ? <span className="req"> ({t('common.required')})</span> : null}
        </label>
      </div>
      <div className={`form-conts${state}`}>
        {children({
          id,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          ...(error ? { 'aria-invalid': true as const } : {}),
          ...(required ? { 'aria-required': true as const } : {}),
        })}
      </div>
      {error ? (
        <p className="form-hint-invalid" id={msgId}>
          {error}
        </p>
      ) : success ? (
        <p className="form-hint-success" id={msgId}>
          {success}
        </p>
      ) : null}
      {hint ? (
        <p className="form-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </div>
  );
}

/** A group of checkboxes or radios with a visible legend and an error tied to the group. */
export function FieldGroup({
  id,
  legend,
  error,
  hint,
  children,
}: {
  id: string;
  legend: ReactNode;
  error?: string | undefined;
  hint?: ReactNode;
  children: ReactNode;
}) {
  const msgId = error ? `${id}-msg` : undefined;
  const hintId = hint ? `${id}-hint` : undefined;
  const describedBy = [msgId, hintId].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="form-group app-fieldgroup" id={id} aria-describedby={describedBy}>
      <legend className="app-legend">{legend}</legend>
      <div className={`form-conts${error ? ' is-error' : ''}`}>{children}</div>
      {error ? (
        <p className="form-hint-invalid" id={msgId}>
          {error}
        </p>
      ) : null}
      {hint ? (
        <p className="form-hint" id={hintId}>
          {hint}
        </p>
      ) : null}
    </fieldset>
  );
}

/** One KRDS checkbox or radio with its label. */
export function Check({
  id,
  type = 'checkbox',
  label,
  checked,
  onChange,
  name,
  disabled,
}: {
  id: string;
  type?: 'checkbox' | 'radio';
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
  name?: string;
  disabled?: boolean;
}) {
  return (
    <div className="krds-form-check">
      <input
        type={type}
        id={id}
        name={name}
        checked={checked}
        disabled={disabled}
        onChange={(e) => onChange(e.target.checked)}
      />
      <label htmlFor={id}>{label}</label>
    </div>
  );
}
