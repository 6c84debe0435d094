import { LIFECYCLE_STAGES } from '@sbiz24/shared/lifecycle/stage';
import { AGENCIES, type AgencyId, PROGRAM_KINDS, type ProgramKind } from '@sbiz24/shared/program/program';
import { Check, Field, FieldGroup } from '../../components/Field';
import { useLang } from '../../i18n/i18n';
import { formatWon } from '../../lib/format';
import { parseNumberInput } from '../../lib/numbers';
import type { DraftForm } from './draft-form';

/** Title, kind, agency, stages, summary, benefit, window and how to apply; errors keyed by draft path. */
export function BasicsFields({
  form,
  set,
  errors,
  agencyLocked,
}: {
  form: DraftForm;
  set: <K extends keyof DraftForm>(k: K, v: DraftForm[K]) => void;
  errors: Record<string, string>;
  /** Staff write for their own agency only; admins choose. */
  agencyLocked: boolean;
}) {
  const { t, lang } = useLang();
  const text = (
    k: keyof DraftForm & string,
    label: string,
    errKey: string = k,
    required = false,
    hint?: string,
  ) => (
    <Field id={`p-${k}`} label={label} error={errors[errKey]} required={required} hint={hint}>
      {(p) => (
        <input
          {...p}
          className="krds-input"
          value={form[k] as string}
          onChange={(e) => set(k, e.target.value as never)}
        />
      )}
    </Field>
  );
  const won = (k: 'maxAmount' | 'loanLimit') => {
    const n = parseNumberInput(form[k]);
    return n !== undefined && !Number.isNaN(n) ? formatWon(n, lang) : undefined;
  };
  return (
    <>
      {text('title', t('editor.title'), 'title', true)}
      {text('titleEn', t('editor.titleEn'), 'titleEn', false, t('editor.titleEnHint'))}
      <div className="app-grid-2">
        <Field id="p-kind" label={t('editor.kind')} error={errors.kind} required>
          {(p) => (
            <select
              {...p}
              className="krds-form-select"
              value={form.kind}
              onChange={(e) => set('kind', e.target.value as ProgramKind)}
            >
              {PROGRAM_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="p-agency" label={t('editor.agency')} error={errors.agencyId} required>
          {(p) => (
            <select
              {...p}
              className="krds-form-select"
              value={form.agencyId}
              disabled={agencyLocked}
              onChange={(e) => set('agencyId', e.target.value as AgencyId)}
            >
              {(Object.keys(AGENCIES) as AgencyId[]).map((a) => (
                <option key={a} value={a}>
                  {t(`agencies.${a}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
      <FieldGroup id="p-stages" legend={t('editor.stages')} error={errors.stages}>
        <div className="krds-check-area">
          {LIFECYCLE_STAGES.map((s) => (
            <Check
              key={s}
              id={`p-stage-${s}`}
              label={t(`stage.${s}`)}
              checked={form.stages.includes(s)}
              onChange={(on) => set('stages', on ? [...form.stages, s] : form.stages.filter((x) => x !== s))}
            />
          ))}
        </div>
      </FieldGroup>
      <Field id="p-summary" label={t('editor.summary')} error={errors.summary} required>
        {(p) => (
          <textarea
            {...p}
            className="krds-input"
            rows={3}
            value={form.summary}
            onChange={(e) => set('summary', e.target.value)}
          />
        )}
      </Field>
      <Field id="p-summaryEn" label={t('editor.summaryEn')} error={errors.summaryEn}>
        {(p) => (
          <textarea
            {...p}
            className="krds-input"
            rows={3}
            value={form.summaryEn}
            onChange={(e) => set('summaryEn', e.target.value)}
          />
        )}
      </Field>
      {text('benefitDescription', t('editor.benefitDescription'), 'benefit.description', true)}
      {text('benefitDescriptionEn', t('editor.benefitDescriptionEn'), 'benefit.descriptionEn')}
      <div className="app-grid-2">
        <Field
          id="p-maxAmount"
          label={t('editor.maxAmount')}
          error={errors['benefit.maxAmount']}
          hint={won('maxAmount')}
        >
          {(p) => (
            <input
              {...p}
              className="krds-input"
              inputMode="numeric"
              value={form.maxAmount}
              onChange={(e) => set('maxAmount', e.target.value)}
            />
          )}
        </Field>
        <Field
          id="p-loanLimit"
          label={t('editor.loanLimit')}
          error={errors['benefit.loanLimit']}
          hint={won('loanLimit')}
        >
          {(p) => (
            <input
              {...p}
              className="krds-input"
              inputMode="numeric"
              value={form.loanLimit}
              onChange={(e) => set('loanLimit', e.target.value)}
            />
          )}
        </Field>
      </div>
      <div className="app-grid-2">
        {text('rate', t('editor.rate'), 'benefit.rate')}
        {text('rateEn', t('editor.rateEn'), 'benefit.rateEn')}
      </div>
      <div className="app-grid-2">
        <Field id="p-applyStart" label={t('editor.applyStart')} error={errors.applyStart}>
          {(p) => (
            <input
              {...p}
              type="date"
              className="krds-input"
              value={form.applyStart}
              onChange={(e) => set('applyStart', e.target.value)}
            />
          )}
        </Field>
        <Field id="p-applyEnd" label={t('editor.applyEnd')} error={errors.applyEnd}>
          {(p) => (
            <input
              {...p}
              type="date"
              className="krds-input"
              value={form.applyEnd}
              onChange={(e) => set('applyEnd', e.target.value)}
            />
          )}
        </Field>
      </div>
      <Field id="p-howToApply" label={t('editor.howToApply')} error={errors.howToApply}>
        {(p) => (
          <textarea
            {...p}
            className="krds-input"
            rows={3}
            value={form.howToApply}
            onChange={(e) => set('howToApply', e.target.value)}
          />
        )}
      </Field>
      <Field id="p-howToApplyEn" label={t('editor.howToApplyEn')} error={errors.howToApplyEn}>
        {(p) => (
          <textarea
            {...p}
            className="krds-input"
            rows={3}
            value={form.howToApplyEn}
            onChange={(e) => set('howToApplyEn', e.target.value)}
          />
        )}
      </Field>
    </>
  );
}
