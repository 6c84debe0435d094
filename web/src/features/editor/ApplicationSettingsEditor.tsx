import {
  FORM_FIELD_TYPES,
  type FormFieldType,
  PREFILL_SOURCES,
  type PrefillSource,
} from '@sbiz24/shared/application/form';
import { DAMAGE_KIND_LABELS, DAMAGE_KINDS } from '@sbiz24/shared/relief/damage-list';
import { Check, Field, FieldGroup } from '../../components/Field';
import { useLang } from '../../i18n/i18n';
import { formatCount, formatWon } from '../../lib/format';
import { parseNumberInput } from '../../lib/numbers';
import {
  type ApplicationSettingsForm,
  HELD_DOCUMENTS,
  type HeldKind,
  nextId,
  type QuestionForm,
} from './application-settings';

/**
 * How the program takes applications: its quota (budget, awards), the documents it needs (those the portal
 * holds are confirmed for the owner, the rest are uploads) and its own questions, each optionally prefilled
 * from the profile. Errors are keyed by the draft path (`application.fields.0.label`).
 */
export function ApplicationSettingsEditor({
  value: f,
  onChange,
  errors,
}: {
  value: ApplicationSettingsForm;
  onChange: (next: ApplicationSettingsForm) => void;
  errors: Record<string, string>;
}) {
  const { t, lang } = useLang();
  const err = (path: string) => errors[`application.${path}`];
  const hint = (text: string, money: boolean) => {
    const n = parseNumberInput(text);
    if (n === undefined || Number.isNaN(n)) return undefined;
    return money ? formatWon(n, lang) : formatCount(n, lang);
  };
  const setQuestion = (i: number, q: Partial<QuestionForm>) =>
    onChange({ ...f, questions: f.questions.map((x, j) => (j === i ? { ...x, ...q } : x)) });
  return (
    <>
      <div className="app-grid-2">
        <Field
          id="p-app-budget"
          label={t('appSettings.budget')}
          hint={hint(f.budget, true)}
          error={err('quota.budget')}
        >
          {(p) => (
            <input
              {...p}
              className="krds-input"
              inputMode="numeric"
              value={f.budget}
              onChange={(e) => onChange({ ...f, budget: e.target.value })}
            />
          )}
        </Field>
        <Field
          id="p-app-maxAwards"
          label={t('appSettings.maxAwards')}
          hint={hint(f.maxAwards, false)}
          error={err('quota.maxAwards')}
        >
          {(p) => (
            <input
              {...p}
              className="krds-input"
              inputMode="numeric"
              value={f.maxAwards}
              onChange={(e) => onChange({ ...f, maxAwards: e.target.value })}
            />
          )}
        </Field>
      </div>
      <FieldGroup id="p-app-held" legend={t('appSettings.held')} hint={t('appSettings.heldHint')}>
        {(Object.keys(HELD_DOCUMENTS) as HeldKind[]).map((k) => (
          <Check
            key={k}
            id={`p-app-held-${k}`}
            label={HELD_DOCUMENTS[k]}
            checked={!!f.held[k]}
            onChange={(on) =>
              onChange({
                ...f,
                held: {
                  ...f.held,
                  [k]: on ? { id: k, kind: k, label: HELD_DOCUMENTS[k], required: true } : undefined,
                },
              })
            }
          />
        ))}
      </FieldGroup>

      <h3 className="app-h3">{t('appSettings.uploads')}</h3>
      {f.uploads.map((u, i) => (
        <div key={u.id} className="app-grid-2 app-settings-row">
          <Field
            id={`p-app-upload-${i}`}
            label={t('appSettings.uploadLabel', { n: i + 1 })}
            error={err(
              `documents.${Object.keys(f.held).filter((k) => f.held[k as HeldKind]).length + i}.label`,
            )}
            required
          >
            {(p) => (
              <input
                {...p}
                className="krds-input"
                value={u.label}
                onChange={(e) =>
                  onChange({
                    ...f,
                    uploads: f.uploads.map((x, j) => (j === i ? { ...x, label: e.target.value } : x)),
                  })
                }
              />
            )}
          </Field>
          <div className="app-actions">
            <Check
              id={`p-app-upload-${i}-required`}
              label={t('appSettings.required')}
              checked={u.required}
              onChange={(on) =>
                onChange({ ...f, uploads: f.uploads.map((x, j) => (j === i ? { ...x, required: on } : x)) })
              }
            />
            <button
              type="button"
              className="krds-btn tertiary small"
              onClick={() => onChange({ ...f, uploads: f.uploads.filter((_, j) => j !== i) })}
              aria-label={t('appSettings.removeUpload', { n: i + 1 })}
            >
              {t('common.remove')}
            </button>
          </div>
        </div>
      ))}
      <div className="app-actions">
        <button
          type="button"
          className="krds-btn secondary small"
          onClick={() =>
            onChange({
              ...f,
              uploads: [
                ...f.uploads,
                {
                  id: nextId(
                    'doc-',
                    f.uploads.map((u) => u.id),
                  ),
                  label: '',
                  required: true,
                  extras: {},
                },
              ],
            })
          }
        >
          {t('appSettings.addUpload')}
        </button>
      </div>

      <h3 className="app-h3">{t('appSettings.questions')}</h3>
      {f.questions.length === 0 ? <p className="app-muted">{t('appSettings.noQuestions')}</p> : null}
      {f.questions.map((q, i) => (
        <fieldset key={q.id} className="app-card app-settings-question">
          <legend className="app-legend">{t('appSettings.question', { n: i + 1 })}</legend>
          <div className="app-grid-2">
            <Field
              id={`p-app-q-${i}-label`}
              label={t('appSettings.questionLabel')}
              error={err(`fields.${i}.label`)}
              required
            >
              {(p) => (
                <input
                  {...p}
                  className="krds-input"
                  value={q.label}
                  onChange={(e) => setQuestion(i, { label: e.target.value })}
                />
              )}
            </Field>
            <Field
              id={`p-app-q-${i}-type`}
              label={t('appSettings.questionType')}
              error={err(`fields.${i}.type`)}
            >
              {(p) => (
                <select
                  {...p}
                  className="krds-form-select"
                  value={q.type}
                  onChange={(e) => setQuestion(i, { type: e.target.value as FormFieldType })}
                >
                  {FORM_FIELD_TYPES.map((ty) => (
                    <option key={ty} value={ty}>
                      {t(`appSettings.types.${ty}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            <Field
              id={`p-app-q-${i}-prefill`}
              label={t('appSettings.prefill')}
              hint={t('appSettings.prefillHint')}
            >
              {(p) => (
                <select
                  {...p}
                  className="krds-form-select"
                  value={q.prefill}
                  onChange={(e) => setQuestion(i, { prefill: e.target.value as PrefillSource | '' })}
                >
                  <option value="">{t('appSettings.noPrefill')}</option>
                  {PREFILL_SOURCES.map((s) => (
                    <option key={s} value={s}>
                      {t(`appSettings.sources.${s}`)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
            {q.type === 'choice' ? (
              <Field
                id={`p-app-q-${i}-options`}
                label={t('appSettings.options')}
                hint={t('appSettings.optionsHint')}
                error={err(`fields.${i}.options`)}
                required
              >
                {(p) => (
                  <textarea
                    {...p}
                    className="krds-input app-textarea"
                    rows={3}
                    value={q.options}
                    onChange={(e) => setQuestion(i, { options: e.target.value })}
                  />
                )}
              </Field>
            ) : null}
          </div>
          <div className="app-actions">
            <Check
              id={`p-app-q-${i}-required`}
              label={t('appSettings.required')}
              checked={q.required}
              onChange={(on) => setQuestion(i, { required: on })}
            />
            <button
              type="button"
              className="krds-btn tertiary small"
              onClick={() => onChange({ ...f, questions: f.questions.filter((_, j) => j !== i) })}
              aria-label={t('appSettings.removeQuestion', { n: i + 1 })}
            >
              {t('common.remove')}
            </button>
          </div>
        </fieldset>
      ))}
      <div className="app-actions">
        <button
          type="button"
          className="krds-btn secondary small"
          onClick={() =>
            onChange({
              ...f,
              questions: [
                ...f.questions,
                {
                  id: nextId(
                    'q',
                    f.questions.map((q) => q.id),
                  ),
                  label: '',
                  type: 'text',
                  required: true,
                  options: '',
                  prefill: '',
                  extras: {},
                },
              ],
            })
          }
        >
          {t('appSettings.addQuestion')}
        </button>
      </div>

      <h3 className="app-h3">{t('rapid.setting')}</h3>
      <p className="app-muted">{t('rapid.settingHint')}</p>
      <Check
        id="p-app-rapid"
        label={t('rapid.enable')}
        checked={f.rapid}
        onChange={(on) => onChange({ ...f, rapid: on })}
      />
      {f.rapid ? (
        <>
          <Field
            id="p-app-rapid-amount"
            label={t('rapid.amount')}
            hint={hint(f.rapidAmount, true)}
            error={err('rapidPayment.amountWon')}
            required
          >
            {(p) => (
              <input
                {...p}
                className="krds-input"
                inputMode="numeric"
                value={f.rapidAmount}
                onChange={(e) => onChange({ ...f, rapidAmount: e.target.value })}
              />
            )}
          </Field>
          <FieldGroup id="p-app-rapid-kinds" legend={t('rapid.byKind')}>
            <div className="app-grid-2">
              {DAMAGE_KINDS.map((k) => (
                <Field
                  key={k}
                  id={`p-app-rapid-${k}`}
                  label={t('rapid.kindAmount', { kind: DAMAGE_KIND_LABELS[k][lang] })}
                  hint={hint(f.rapidByKind[k] ?? '', true)}
                  error={err(`rapidPayment.byDamageKind.${k}`)}
                >
                  {(p) => (
                    <input
                      {...p}
                      className="krds-input"
                      inputMode="numeric"
                      value={f.rapidByKind[k] ?? ''}
                      onChange={(e) =>
                        onChange({ ...f, rapidByKind: { ...f.rapidByKind, [k]: e.target.value } })
                      }
                    />
                  )}
                </Field>
              ))}
            </div>
          </FieldGroup>
        </>
      ) : null}
    </>
  );
}
