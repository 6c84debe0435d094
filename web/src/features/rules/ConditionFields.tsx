import { LIFECYCLE_STAGES, type LifecycleStage } from '@sbiz24/shared/lifecycle/stage';
import { FLAGS, type Flag } from '@sbiz24/shared/profile/profile';
import { type Condition, DISASTER_KINDS, type DisasterKind } from '@sbiz24/shared/rules/types';
import type { ReactNode } from 'react';
import { Check, Field, FieldGroup } from '../../components/Field';
import { useLang } from '../../i18n/i18n';
import { KsicPicker } from '../pickers/KsicPicker';
import { RegionPicker } from '../pickers/RegionPicker';
import { RangeEditor } from './RangeEditor';
import { fieldError } from './rule-tree';

function intOrUndefined(text: string): number | undefined {
  const n = Number.parseInt(text, 10);
  return Number.isFinite(n) ? n : undefined;
}

/** The inputs of one condition, by kind. Every input has a label; errors sit under the input they concern. */
export function ConditionFields({
  id,
  value,
  onChange,
  errors,
}: {
  id: string;
  value: Condition;
  onChange: (c: Condition) => void;
  errors: Record<string, string>;
}): ReactNode {
  const { t } = useLang();
  const c = value;
  switch (c.type) {
    case 'region':
      return (
        <>
          <OpSelect id={id} value={c.op} onChange={(op) => onChange({ ...c, op })} />
          <RegionPicker
            id={`${id}-codes`}
            legend={t('rule.types.region')}
            value={c.codes}
            onChange={(codes) => onChange({ ...c, codes })}
            error={fieldError(errors, 'codes')}
          />
        </>
      );
    case 'industry':
      return (
        <>
          <OpSelect id={id} value={c.op} onChange={(op) => onChange({ ...c, op })} />
          <KsicPicker
            id={`${id}-codes`}
            legend={t('rule.types.industry')}
            value={c.codes}
            onChange={(codes) => onChange({ ...c, codes })}
            error={fieldError(errors, 'codes')}
          />
        </>
      );
    case 'range':
      return <RangeEditor id={id} value={c} onChange={onChange} errors={errors} />;
    case 'flag':
      return (
        <div className="app-grid-2">
          <Field id={`${id}-flag`} label={t('rule.flag')} error={fieldError(errors, 'flag')}>
            {(p) => (
              <select
                {...p}
                className="krds-form-select"
                value={c.flag}
                onChange={(e) => onChange({ ...c, flag: e.target.value as Flag })}
              >
                {FLAGS.map((f) => (
                  <option key={f} value={f}>
                    {t(`flags.${f}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <YesNo
            id={`${id}-present`}
            label={t('rule.present')}
            yes={t('rule.isPresent')}
            no={t('rule.isAbsent')}
            value={c.present}
            onChange={(present) => onChange({ ...c, present })}
          />
        </div>
      );
    case 'priorSupport':
      return (
        <div className="app-grid-2">
          <Field
            id={`${id}-program`}
            label={t('rule.programId')}
            error={fieldError(errors, 'programId')}
            required
          >
            {(p) => (
              <input
                {...p}
                className="krds-input"
                value={c.programId}
                onChange={(e) => onChange({ ...c, programId: e.target.value.trim() })}
              />
            )}
          </Field>
          <Field id={`${id}-years`} label={t('rule.withinYears')} error={fieldError(errors, 'withinYears')}>
            {(p) => (
              <input
                {...p}
                className="krds-input"
                inputMode="numeric"
                value={c.withinYears ?? ''}
                onChange={(e) => {
                  const { withinYears: _, ...rest } = c;
                  const n = intOrUndefined(e.target.value);
                  onChange(n === undefined ? rest : { ...rest, withinYears: n });
                }}
              />
            )}
          </Field>
          <YesNo
            id={`${id}-present`}
            label={t('rule.present')}
            yes={t('rule.hasReceived')}
            no={t('rule.hasNotReceived')}
            value={c.present}
            onChange={(present) => onChange({ ...c, present })}
          />
        </div>
      );
    case 'disasterArea':
    case 'disasterDamage':
      return (
        <div className="app-grid-2">
          <Field id={`${id}-kind`} label={t('rule.disasterKind')} error={fieldError(errors, 'disasterKind')}>
            {(p) => (
              <select
                {...p}
                className="krds-form-select"
                value={c.disasterKind ?? ''}
                onChange={(e) => {
                  const { disasterKind: _, ...rest } = c;
                  onChange(e.target.value ? { ...rest, disasterKind: e.target.value as DisasterKind } : rest);
                }}
              >
                <option value="">{t('rule.anyDisaster')}</option>
                {DISASTER_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {t(`disasters.kinds.${k}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-did`} label={t('rule.disasterId')} error={fieldError(errors, 'disasterId')}>
            {(p) => (
              <input
                {...p}
                className="krds-input"
                value={c.disasterId ?? ''}
                onChange={(e) => {
                  const { disasterId: _, ...rest } = c;
                  const v = e.target.value.trim();
                  onChange(v ? { ...rest, disasterId: v } : rest);
                }}
              />
            )}
          </Field>
        </div>
      );
    case 'openedBefore':
      return (
        <Field id={`${id}-date`} label={t('rule.date')} error={fieldError(errors, 'date')} required>
          {(p) => (
            <input
              {...p}
              type="date"
              className="krds-input"
              value={c.date}
              onChange={(e) => onChange({ ...c, date: e.target.value })}
            />
          )}
        </Field>
      );
    case 'operating':
      return (
        <Field id={`${id}-date`} label={t('rule.operatingDate')} error={fieldError(errors, 'date')}>
          {(p) => (
            <input
              {...p}
              type="date"
              className="krds-input"
              value={c.date ?? ''}
              onChange={(e) =>
                onChange(e.target.value ? { ...c, date: e.target.value } : { type: 'operating' })
              }
            />
          )}
        </Field>
      );
    case 'closure':
      return (
        <div className="app-grid-2">
          <Field id={`${id}-status`} label={t('rule.closureStatus')} error={fieldError(errors, 'status')}>
            {(p) => (
              <select
                {...p}
                className="krds-form-select"
                value={c.status}
                onChange={(e) => onChange({ ...c, status: e.target.value as typeof c.status })}
              >
                {(['planned', 'closed', 'plannedOrClosed'] as const).map((s) => (
                  <option key={s} value={s}>
                    {t(`rule.closure.${s}`)}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field id={`${id}-days`} label={t('rule.withinDays')} error={fieldError(errors, 'withinDays')}>
            {(p) => (
              <input
                {...p}
                className="krds-input"
                inputMode="numeric"
                value={c.withinDays ?? ''}
                onChange={(e) => {
                  const { withinDays: _, ...rest } = c;
                  const n = intOrUndefined(e.target.value);
                  onChange(n === undefined ? rest : { ...rest, withinDays: n });
                }}
              />
            )}
          </Field>
        </div>
      );
    case 'restart':
      return (
        <Field
          id={`${id}-years`}
          label={t('rule.restartYears')}
          error={fieldError(errors, 'withinYears')}
          required
        >
          {(p) => (
            <input
              {...p}
              className="krds-input"
              inputMode="numeric"
              value={c.withinYears}
              onChange={(e) => onChange({ ...c, withinYears: intOrUndefined(e.target.value) ?? 0 })}
            />
          )}
        </Field>
      );
    case 'stage':
      return (
        <FieldGroup id={`${id}-stages`} legend={t('rule.stages')} error={fieldError(errors, 'stages')}>
          <div className="krds-check-area">
            {LIFECYCLE_STAGES.map((s: LifecycleStage) => (
              <Check
                key={s}
                id={`${id}-stage-${s}`}
                label={t(`stage.${s}`)}
                checked={c.stages.includes(s)}
                onChange={(on) =>
                  onChange({ ...c, stages: on ? [...c.stages, s] : c.stages.filter((x) => x !== s) })
                }
              />
            ))}
          </div>
        </FieldGroup>
      );
    case 'smallBusiness':
    case 'preStartup':
      return null;
  }
}

function OpSelect({
  id,
  value,
  onChange,
}: {
  id: string;
  value: 'in' | 'notIn';
  onChange: (op: 'in' | 'notIn') => void;
}) {
  const { t } = useLang();
  return (
    <div className="app-control app-control-narrow">
      <label htmlFor={`${id}-op`} className="app-label">
        {t('rule.opLabel')}
      </label>
      <select
        id={`${id}-op`}
        className="krds-form-select"
        value={value}
        onChange={(e) => onChange(e.target.value as 'in' | 'notIn')}
      >
        <option value="in">{t('rule.op.in')}</option>
        <option value="notIn">{t('rule.op.notIn')}</option>
      </select>
    </div>
  );
}

function YesNo({
  id,
  label,
  yes,
  no,
  value,
  onChange,
}: {
  id: string;
  label: string;
  yes: string;
  no: string;
  value: boolean;
  onChange: (v: boolean) => void;
}) {
  return (
    <FieldGroup id={id} legend={label}>
      <div className="krds-check-area">
        <Check
          id={`${id}-yes`}
          name={id}
          type="radio"
          label={yes}
          checked={value}
          onChange={() => onChange(true)}
        />
        <Check
          id={`${id}-no`}
          name={id}
          type="radio"
          label={no}
          checked={!value}
          onChange={() => onChange(false)}
        />
      </div>
    </FieldGroup>
  );
}
