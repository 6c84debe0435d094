import { FLAGS } from '@sbiz24/shared/profile/profile';
import { ksicName } from '@sbiz24/shared/reference/ksic';
import { SIGUNGUS } from '@sbiz24/shared/reference/regions';
import { useEffect, useState } from 'react';
import { Check, Field, FieldGroup } from '../../components/Field';
import { useLang } from '../../i18n/i18n';
import { SidoOptions } from '../pickers/SidoOptions';
import { errorsUnder } from '../rules/rule-tree';
import { type ExampleForm, emptyExample } from './draft-form';

type ListKey = 'mustMatch' | 'mustNotMatch';

/** The two example lists (must / must not qualify), each example a small business form. */
export function ExamplesEditor({
  mustMatch,
  mustNotMatch,
  onChange,
  errors,
}: {
  mustMatch: ExampleForm[];
  mustNotMatch: ExampleForm[];
  onChange: (list: ListKey, examples: ExampleForm[]) => void;
  errors: Record<string, string>;
}) {
  const { t } = useLang();
  return (
    <>
      <p className="app-muted">{t('examples.lead')}</p>
      {(['mustMatch', 'mustNotMatch'] as const).map((list) => {
        const items = list === 'mustMatch' ? mustMatch : mustNotMatch;
        return (
          <section key={list} aria-labelledby={`ex-${list}`} className="app-examples">
            <h3 id={`ex-${list}`} className="app-h3">
              {t(`examples.${list}`)} ({items.length})
            </h3>
            {items.length === 0 ? <p className="app-muted">{t('examples.empty')}</p> : null}
            {items.map((e, i) => (
              <ExampleEditor
                // biome-ignore lint/suspicious/noArrayIndexKey: examples have no identity of their own
                key={i}
                id={`ex-${list}-${i}`}
                n={i + 1}
                value={e}
                errors={errorsUnder(errors, `examples.${list}.${i}`)}
                onChange={(next) =>
                  onChange(
                    list,
                    items.map((x, j) => (j === i ? next : x)),
                  )
                }
                onRemove={() =>
                  onChange(
                    list,
                    items.filter((_, j) => j !== i),
                  )
                }
              />
            ))}
            <button
              type="button"
              className="krds-btn secondary small"
              onClick={() => onChange(list, [...items, emptyExample()])}
            >
              {t('examples.add')}: {t(`examples.${list}`)}
            </button>
          </section>
        );
      })}
    </>
  );
}

function ExampleEditor({
  id,
  n,
  value: e,
  errors,
  onChange,
  onRemove,
}: {
  id: string;
  n: number;
  value: ExampleForm;
  errors: Record<string, string>;
  onChange: (e: ExampleForm) => void;
  onRemove: () => void;
}) {
  const { t } = useLang();
  const set = <K extends keyof ExampleForm>(k: K, v: ExampleForm[K]) => onChange({ ...e, [k]: v });
  const pe = (k: string) => errors[`profile.${k}`];
  const sido = e.regionCode.slice(0, 2);
  const text = (
    k: keyof ExampleForm & string,
    label: string,
    opts: { type?: string; error?: string; mode?: 'numeric' } = {},
  ) => (
    <Field id={`${id}-${k}`} label={label} error={opts.error ?? pe(k)}>
      {(p) => (
        <input
          {...p}
          type={opts.type ?? 'text'}
          inputMode={opts.mode}
          className="krds-input"
          value={e[k] as string}
          onChange={(ev) => set(k, ev.target.value as never)}
        />
      )}
    </Field>
  );
  const title = `${t('examples.example', { n })}${e.name ? `: ${e.name}` : ''}`;
  const hasErrors = Object.keys(errors).length > 0;
  // The panel is the person's to open and close: deriving it from the name closed it at the first letter
  // typed into the name, taking the focus (and the following keystrokes) with it.
  const [open, setOpen] = useState(!e.name || hasErrors);
  useEffect(() => {
    if (hasErrors) setOpen(true);
  }, [hasErrors]);
  return (
    <details id={id} className="app-example" open={open} onToggle={(ev) => setOpen(ev.currentTarget.open)}>
      <summary>
        {title}
        {Object.keys(errors).length > 0 ? (
          <span className="app-error-dot"> ({t('common.errorTitle')})</span>
        ) : null}
      </summary>
      {errors[''] ? <p className="form-hint-invalid">{errors['']}</p> : null}
      <div className="app-grid-2">
        {text('name', t('examples.name'), { error: errors.name })}
        {text('asOf', t('examples.asOf'), { type: 'date', error: errors.asOf })}
        {text('tradeName', t('business.tradeName'))}
        {text('representativeName', t('business.representativeName'))}
        {text('brn', t('business.brn'))}
        {text('openingDate', t('business.openingDate'), { type: 'date' })}
        {text('closureDate', t('business.closureDate'), { type: 'date' })}
        <Field id={`${id}-sido`} label={t('rule.sido')}>
          {(p) => (
            <select
              {...p}
              className="krds-form-select"
              value={sido}
              onChange={(ev) =>
                set('regionCode', SIGUNGUS.find((s) => s.sidoCode === ev.target.value)?.code ?? '')
              }
            >
              <SidoOptions />
            </select>
          )}
        </Field>
        <Field id={`${id}-regionCode`} label={t('business.regionCode')} error={pe('regionCode')}>
          {(p) => (
            <select
              {...p}
              className="krds-form-select"
              value={e.regionCode}
              onChange={(ev) => set('regionCode', ev.target.value)}
            >
              {SIGUNGUS.filter((s) => s.sidoCode === sido).map((s) => (
                <option key={s.code} value={s.code}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id={`${id}-ksic`}
          label={t('business.ksic')}
          error={pe('ksic')}
          hint={e.ksic ? ksicName(e.ksic) : undefined}
        >
          {(p) => (
            <input
              {...p}
              className="krds-input"
              value={e.ksic}
              onChange={(ev) => set('ksic', ev.target.value)}
            />
          )}
        </Field>
        {text('employees', t('business.employees'), { mode: 'numeric' })}
        {text('revenue', t('business.revenue'), { mode: 'numeric' })}
        {text('revenueAvg3y', t('business.revenueAvg3y'), { mode: 'numeric' })}
        {text('ownerBirthYear', t('business.ownerBirthYear'), { mode: 'numeric' })}
      </div>
      <FieldGroup id={`${id}-flags`} legend={t('business.flags')} error={pe('flags')}>
        <div className="krds-check-area chk-column">
          {FLAGS.map((f) => (
            <Check
              key={f}
              id={`${id}-flag-${f}`}
              label={t(`flags.${f}`)}
              checked={e.flags[f] === true}
              onChange={(on) => set('flags', { ...e.flags, [f]: on })}
            />
          ))}
        </div>
      </FieldGroup>
      <button type="button" className="krds-btn tertiary small" onClick={onRemove}>
        {title} {t('common.remove')}
      </button>
    </details>
  );
}
