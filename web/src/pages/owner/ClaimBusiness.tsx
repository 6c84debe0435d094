import {
  BUSINESS_NUMBER_MESSAGES,
  formatBusinessNumber,
  parseBusinessNumber,
} from '@sbiz24/shared/business-number/business-number';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { ApiError, api, fieldErrors } from '../../api/client';
import type { BusinessItem } from '../../api/types';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ErrorSummary, type SummaryEntry, useFocusRequest } from '../../components/ErrorSummary';
import { Alert } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { StepIndicator } from '../../components/StepIndicator';
import { useLang } from '../../i18n/i18n';
import { formatDate } from '../../lib/format';

/** What the business-number field says while typing: nothing until ten digits (or on leaving the field). */
export function brnFeedback(value: string, touched: boolean): { error?: string; ok?: boolean } {
  const digits = value.replace(/\D/g, '');
  if (value.trim() === '') return {};
  if (/[^\d\s-]/.test(value)) return { error: BUSINESS_NUMBER_MESSAGES.format };
  if (digits.length < 10 && !touched) return {};
  const parsed = parseBusinessNumber(value);
  return parsed.ok ? { ok: true } : { error: BUSINESS_NUMBER_MESSAGES[parsed.problem] };
}

type Step = 'input' | 'review' | 'done';
const STEPS: Step[] = ['input', 'review', 'done'];

/**
 * Claim a business in three steps, as the step indicator says: enter the number (check digit validated as
 * you type), the representative's name and the opening date; check them; registered.
 */
export default function ClaimBusiness() {
  const { t, lang } = useLang();
  const [step, setStep] = useState<Step>('input');
  const [brn, setBrn] = useState('');
  const [brnTouched, setBrnTouched] = useState(false);
  const [name, setName] = useState('');
  const [openingDate, setOpeningDate] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState<BusinessItem | null>(null);
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [summaryRef, focusSummary] = useFocusRequest();
  const reviewRef = useRef<HTMLHeadingElement>(null);

  const live = brnFeedback(brn, brnTouched);
  const server = fieldErrors(error);
  const errors: Record<string, string | undefined> = {
    brn: localErrors.brn ?? live.error ?? server.brn,
    representativeName: localErrors.representativeName ?? server.representativeName,
    openingDate: localErrors.openingDate ?? server.openingDate,
  };
  if (
    error instanceof ApiError &&
    (error.code === 'BUSINESS_NOT_FOUND' || error.code === 'ALREADY_CLAIMED')
  ) {
    errors.brn = errors.brn ?? error.message;
  }
  const formError =
    error instanceof ApiError &&
    !['BUSINESS_NOT_FOUND', 'ALREADY_CLAIMED'].includes(error.code) &&
    error.details.length === 0
      ? error.message
      : error && !(error instanceof ApiError)
        ? t('common.unexpected')
        : null;
  // The summary lists what the last attempt found; the number's live feedback stays at the field.
  const attempt: Record<string, string | undefined> = {
    ...errors,
    brn: localErrors.brn ?? server.brn ?? (live.error ? undefined : errors.brn),
  };
  const summary: SummaryEntry[] = (['brn', 'representativeName', 'openingDate'] as const).flatMap((k) =>
    attempt[k] ? [{ target: `claim-${k}`, label: t(`claim.${k}`), message: attempt[k] }] : [],
  );
  if (formError) summary.unshift({ message: formError });

  useEffect(() => {
    if (step === 'review') reviewRef.current?.focus();
  }, [step]);

  const check = (e: FormEvent) => {
    e.preventDefault();
    const local: Record<string, string> = {};
    const b = brnFeedback(brn, true);
    if (!brn.trim()) local.brn = BUSINESS_NUMBER_MESSAGES.format;
    else if (b.error) local.brn = b.error;
    if (!name.trim()) local.representativeName = t('claim.nameRequired');
    if (!openingDate) local.openingDate = t('claim.dateRequired');
    setLocalErrors(local);
    setBrnTouched(true);
    setError(null);
    if (Object.keys(local).length > 0) {
      focusSummary();
      return;
    }
    setStep('review');
  };

  const submit = async () => {
    setSubmitting(true);
    setError(null);
    try {
      const res = await api<{ business: BusinessItem }>('/api/me/businesses/claim', {
        method: 'POST',
        body: { brn, representativeName: name.trim(), openingDate },
      });
      setDone(res.business);
      setStep('done');
    } catch (err) {
      setError(err);
      setStep('input');
      focusSummary();
    } finally {
      setSubmitting(false);
    }
  };

  const steps = [t('claim.steps.input'), t('claim.steps.verify'), t('claim.steps.done')];
  return (
    <>
      <Breadcrumbs items={[{ label: t('owner.title'), to: '/my' }, { label: t('claim.title') }]} />
      <PageTitle text={t('claim.title')} lead={done ? undefined : t('claim.lead')} />
      <StepIndicator steps={steps} current={STEPS.indexOf(step)} />
      {step === 'done' && done ? (
        <Alert tone="success" title={t('claim.doneTitle')}>
          <p>{t('claim.doneText', { name: done.tradeName })}</p>
          <div className="app-actions">
            <Link to={`/my/businesses/${done.brn}`} className="krds-btn primary medium">
              {t('claim.toMatches')}
            </Link>
            <Link to="/my" className="krds-btn tertiary medium">
              {t('claim.toList')}
            </Link>
          </div>
        </Alert>
      ) : step === 'review' ? (
        <section className="app-form app-mt-2" aria-labelledby="claim-review-title">
          <h2 id="claim-review-title" className="app-h2" ref={reviewRef} tabIndex={-1}>
            {t('claim.steps.verify')}
          </h2>
          <p>{t('claimReview.lead')}</p>
          <dl className="app-meta">
            <dt>{t('claim.brn')}</dt>
            <dd>{formatBusinessNumber(brn.replace(/\D/g, ''))}</dd>
            <dt>{t('claim.representativeName')}</dt>
            <dd>{name.trim()}</dd>
            <dt>{t('claim.openingDate')}</dt>
            <dd>{formatDate(openingDate, lang)}</dd>
          </dl>
          <div className="app-actions">
            <button
              type="button"
              className="krds-btn primary large"
              disabled={submitting}
              onClick={() => void submit()}
            >
              {submitting ? t('claim.submitting') : t('claim.submit')}
            </button>
            <button
              type="button"
              className="krds-btn tertiary large"
              disabled={submitting}
              onClick={() => setStep('input')}
            >
              {t('claimReview.back')}
            </button>
          </div>
        </section>
      ) : (
        <form className="app-form app-mt-2" onSubmit={check} noValidate>
          <ErrorSummary
            entries={summary}
            focusRef={summaryRef}
            {...(formError && summary.length === 1 ? { title: t('common.errorTitle') } : {})}
          />
          <Field
            id="claim-brn"
            label={t('claim.brn')}
            hint={t('claim.brnHint')}
            error={errors.brn}
            success={!errors.brn && live.ok ? t('claim.brnOk') : undefined}
            required
          >
            {(p) => (
              <input
                {...p}
                className="krds-input"
                inputMode="numeric"
                autoComplete="off"
                maxLength={14}
                value={brn}
                onChange={(e) => {
                  setBrn(e.target.value);
                  setLocalErrors(({ brn: _, ...rest }) => rest);
                  if (error) setError(null);
                }}
                onBlur={() => setBrnTouched(true)}
              />
            )}
          </Field>
          <Field
            id="claim-representativeName"
            label={t('claim.representativeName')}
            error={errors.representativeName}
            required
          >
            {(p) => (
              <input
                {...p}
                className="krds-input"
                autoComplete="name"
                value={name}
                onChange={(e) => {
                  setName(e.target.value);
                  setLocalErrors(({ representativeName: _, ...rest }) => rest);
                }}
              />
            )}
          </Field>
          <Field
            id="claim-openingDate"
            label={t('claim.openingDate')}
            hint={t('claim.openingDateHint')}
            error={errors.openingDate}
            required
          >
            {(p) => (
              <input
                {...p}
                type="date"
                className="krds-input"
                value={openingDate}
                onChange={(e) => {
                  setOpeningDate(e.target.value);
                  setLocalErrors(({ openingDate: _, ...rest }) => rest);
                }}
              />
            )}
          </Field>
          <div className="app-actions">
            <button type="submit" className="krds-btn primary large">
              {t('claimReview.next')}
            </button>
          </div>
        </form>
      )}
    </>
  );
}
