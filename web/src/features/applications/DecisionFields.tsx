import { MAX_MESSAGE_LENGTH } from '@sbiz24/shared/contract/applications';
import type { Decision, DecisionAction } from '../../api/applications';
import { Check, Field, FieldGroup } from '../../components/Field';
import { useLang } from '../../i18n/i18n';
import { formatWon } from '../../lib/format';
import { parseNumberInput } from '../../lib/numbers';

export interface DecisionDraft {
  action: DecisionAction | '';
  amount: string;
  message: string;
}

export const EMPTY_DECISION: DecisionDraft = { action: '', amount: '', message: '' };

type T = (key: string, options?: Record<string, unknown>) => string;

/**
 * The decision as the API takes it, or the problems by field: a reason to reject or to ask for a
 * supplement, a whole amount of at least 1 won (only) to approve — what the request schema demands, in the
 * same words, so that a person hears it before sending.
 */
export function checkDecision(
  d: DecisionDraft,
  t: T,
): { decision?: Decision; errors: Partial<Record<keyof DecisionDraft, string>> } {
  const errors: Partial<Record<keyof DecisionDraft, string>> = {};
  if (!d.action) return { errors: { action: t('decision.actionRequired') } };
  const message = d.message.trim();
  if (message.length > MAX_MESSAGE_LENGTH)
    errors.message = t('decision.messageTooLong', { max: MAX_MESSAGE_LENGTH });
  else if (!message && d.action === 'reject') errors.message = t('decision.reasonRequired');
  else if (!message && d.action === 'request-supplement') errors.message = t('decision.supplementRequired');
  let amount: number | undefined;
  if (d.action === 'approve') {
    const n = parseNumberInput(d.amount);
    if (n === undefined) errors.amount = t('decision.amountRequired');
    else if (Number.isNaN(n) || !Number.isInteger(n) || n < 1 || n > 1e13)
      errors.amount = t('decision.amountInvalid');
    else amount = n;
  }
  if (Object.keys(errors).length > 0) return { errors };
  return {
    decision: {
      action: d.action,
      ...(amount !== undefined ? { amount } : {}),
      ...(message ? { message } : {}),
    },
    errors,
  };
}

/** Action (radios), amount (to approve) and reason or request; ids start with `prefix`. */
export function DecisionFields({
  prefix,
  actions,
  value,
  onChange,
  errors,
}: {
  prefix: string;
  actions: readonly DecisionAction[];
  value: DecisionDraft;
  onChange: (next: DecisionDraft) => void;
  errors: Partial<Record<keyof DecisionDraft, string>>;
}) {
  const { t, lang } = useLang();
  const amount = parseNumberInput(value.amount);
  return (
    <>
      <FieldGroup id={`${prefix}-action`} legend={t('decision.action')} error={errors.action}>
        {actions.map((a) => (
          <Check
            key={a}
            id={`${prefix}-action-${a}`}
            type="radio"
            name={`${prefix}-action`}
            label={t(`appAction.${a}`)}
            checked={value.action === a}
            onChange={() => onChange({ ...value, action: a })}
          />
        ))}
      </FieldGroup>
      {value.action === 'approve' ? (
        <Field
          id={`${prefix}-amount`}
          label={t('decision.amount')}
          hint={
            amount !== undefined && !Number.isNaN(amount) ? formatWon(amount, lang) : t('decision.amountHint')
          }
          error={errors.amount}
          required
        >
          {(p) => (
            <input
              {...p}
              className="krds-input"
              inputMode="numeric"
              value={value.amount}
              onChange={(e) => onChange({ ...value, amount: e.target.value })}
            />
          )}
        </Field>
      ) : null}
      <Field
        id={`${prefix}-message`}
        label={t('decision.message')}
        hint={t('decision.messageHint')}
        error={errors.message}
        required={value.action === 'reject' || value.action === 'request-supplement'}
      >
        {(p) => (
          <textarea
            {...p}
            className="krds-input app-textarea"
            rows={3}
            value={value.message}
            onChange={(e) => onChange({ ...value, message: e.target.value })}
          />
        )}
      </Field>
    </>
  );
}
