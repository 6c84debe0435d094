import { useLang } from '../i18n/i18n';

/**
 * KRDS step indicator; the current step is announced as such. `label` names the list when a page shows
 * several (one per application).
 */
export function StepIndicator({
  steps,
  current,
  label,
}: {
  steps: string[];
  current: number;
  label?: string;
}) {
  const { t } = useLang();
  return (
    <ol className="krds-step-wrap" aria-label={label}>
      {steps.map((label, i) => (
        <li
          key={label}
          className={i < current ? 'done' : i === current ? 'active' : undefined}
          aria-current={i === current ? 'step' : undefined}
        >
          <span>
            {i === current ? <em className="sr-only">{t('claim.currentStep')}</em> : null}
            <i className="step">{t('claim.step', { n: i + 1 })}</i>
            <span className="step-tit">{label}</span>
          </span>
        </li>
      ))}
    </ol>
  );
}
