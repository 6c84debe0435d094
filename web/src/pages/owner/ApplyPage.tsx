import type { FormField } from '@sbiz24/shared/application/form';
import { checkAnswers } from '@sbiz24/shared/application/form';
import { MAX_PROGRAMS_PER_APPLY } from '@sbiz24/shared/contract/applications';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  type AnswerInput,
  type Application,
  type ApplicationForm,
  type ApplicationFormResponse,
  type ApplyFailure,
  applicationFormPath,
  applyFailures,
  applyToPrograms,
  type FileMetadata,
  newIdempotencyKey,
} from '../../api/applications';
import { ApiError } from '../../api/client';
import type { BusinessItem } from '../../api/types';
import { FileRejectedError, uploadFile } from '../../api/uploads';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ErrorSummary, type SummaryEntry, useFocusRequest } from '../../components/ErrorSummary';
import { Alert, ErrorState, Loading } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { AppStatusBadge, DocumentList } from '../../features/applications/parts';
import { RapidApply } from '../../features/relief/RapidApply';
import { useLang } from '../../i18n/i18n';
import { parseNumberInput } from '../../lib/numbers';
import { useApi } from '../../lib/use-api';

/** What the inputs hold: text as typed (numbers are parsed on submit), or an uploaded file's metadata. */
type Draft = Record<string, Record<string, string | FileMetadata>>;

const fieldDomId = (programId: string, fieldId: string) => `apply-${programId}-${fieldId}`;
const programDomId = (programId: string) => `apply-program-${programId}`;

/** The programs named in `?programs=a,b`, once each, in the order given. */
function programIdsOf(params: URLSearchParams): string[] {
  return [
    ...new Set(
      (params.get('programs') ?? '')
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * The answers as the form checks them (files as their metadata) — numbers parsed, blanks left out, a
 * number that is not one kept as text so that the check refuses it by name.
 */
function answersOf(fields: readonly FormField[], draft: Record<string, string | FileMetadata>) {
  const out: Record<string, string | number | FileMetadata> = {};
  for (const f of fields) {
    const v = draft[f.id];
    if (v === undefined || v === '') continue;
    if (f.type === 'number' && typeof v === 'string') {
      const n = parseNumberInput(v);
      out[f.id] = n === undefined ? '' : Number.isNaN(n) ? v : n;
    } else out[f.id] = v;
  }
  return out;
}

/**
 * 통합신청: the selected programs' questions (prefilled from the profile, so the owner only checks them), the
 * documents each needs with those the portal already holds marked 확인됨, and one submit for all. The
 * server checks every program again; if any fails, nothing is created and each failure is shown at its
 * program, with a summary at the top linking to each.
 */
export default function ApplyPage() {
  const { brn = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const { t, lang } = useLang();
  const ids = programIdsOf(params);
  const tooMany = ids.length > MAX_PROGRAMS_PER_APPLY;
  const business = useApi<{ business: BusinessItem }>(`/api/me/businesses/${encodeURIComponent(brn)}`);
  const form = useApi<ApplicationFormResponse>(
    ids.length > 0 && !tooMany ? applicationFormPath(brn, ids) : null,
  );
  const [draft, setDraft] = useState<Draft>({});
  const [localErrors, setLocalErrors] = useState<Record<string, string>>({});
  const [failures, setFailures] = useState<ApplyFailure[]>([]);
  const [submitError, setSubmitError] = useState<unknown>(null);
  const [submitting, setSubmitting] = useState(false);
  const [uploading, setUploading] = useState<string | null>(null);
  const [created, setCreated] = useState<Application[] | null>(null);
  const [summaryRef, focusSummary] = useFocusRequest();
  // One key per distinct request: a retry of the same body replays it (no double application), a changed
  // body gets a new one (the API refuses a key reused with another body).
  const lastSubmit = useRef<{ body: string; key: string } | null>(null);

  // The answers start from what the server prefilled from the profile; what the owner typed is kept.
  useEffect(() => {
    if (!form.data) return;
    const next: Draft = {};
    for (const f of form.data.programs) {
      next[f.programId] = {};
      for (const [fieldId, v] of Object.entries(f.answers))
        next[f.programId]![fieldId] = typeof v === 'number' ? String(v) : v;
    }
    setDraft((cur) => {
      const merged: Draft = { ...next };
      for (const [id, vals] of Object.entries(cur)) merged[id] = { ...next[id], ...vals };
      return merged;
    });
  }, [form.data]);

  const b = business.data?.business;
  const crumbs = [
    { label: t('owner.title'), to: '/my' },
    ...(b ? [{ label: b.tradeName, to: `/my/businesses/${b.brn}` }] : []),
    { label: t('apply.title') },
  ];

  if (ids.length === 0 || tooMany) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageTitle text={t('apply.title')} />
        <Alert tone="warning">
          {tooMany ? t('apply.tooMany', { max: MAX_PROGRAMS_PER_APPLY }) : t('apply.noPrograms')}
        </Alert>
        <p className="app-mt-2">
          <Link to={brn ? `/my/businesses/${brn}` : '/my'} className="krds-btn secondary medium">
            {t('apply.toMatches')}
          </Link>
        </p>
      </>
    );
  }
  if (business.error || form.error) {
    const error = business.error ?? form.error;
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageTitle text={t('apply.title')} />
        <ErrorState
          error={error}
          onRetry={
            error instanceof ApiError && error.status < 500
              ? undefined
              : () => {
                  business.reload();
                  form.reload();
                }
          }
        />
        <p className="app-mt-2">
          <Link to={`/my/businesses/${encodeURIComponent(brn)}`} className="krds-btn secondary medium">
            {t('apply.toMatches')}
          </Link>
        </p>
      </>
    );
  }
  if (!b || !form.data) return <Loading />;
  const programs = form.data.programs.filter((p) => ids.includes(p.programId));
  // A rapid-payment program (신속지급) applied to on its own: the form is the account only.
  const only = programs.length === 1 ? programs[0] : undefined;
  if (only?.rapid && !only.activeApplicationId)
    return (
      <RapidApply
        crumbs={crumbs}
        brn={b.brn}
        business={`${b.tradeName} (${b.brnFormatted})`}
        form={{ ...only, rapid: only.rapid }}
      />
    );

  const removeProgram = (id: string) => {
    const rest = ids.filter((x) => x !== id);
    setFailures((f) => f.filter((x) => x.programId !== id));
    setLocalErrors((e) => Object.fromEntries(Object.entries(e).filter(([k]) => !k.startsWith(`${id}.`))));
    setParams(rest.length > 0 ? { programs: rest.join(',') } : {}, { replace: true });
  };
  const setAnswer = (programId: string, fieldId: string, value: string | FileMetadata) => {
    setDraft((cur) => ({ ...cur, [programId]: { ...cur[programId], [fieldId]: value } }));
  };

  const serverFieldErrors: Record<string, string> = {};
  for (const f of failures)
    for (const fe of f.fields ?? []) serverFieldErrors[`${f.programId}.${fe.fieldId}`] = fe.message;
  const fieldError = (programId: string, fieldId: string) =>
    localErrors[`${programId}.${fieldId}`] ?? serverFieldErrors[`${programId}.${fieldId}`];
  const failureOf = (programId: string) => failures.find((f) => f.programId === programId);
  const fieldLabel = (f: FormField) => (lang === 'en' && f.labelEn ? f.labelEn : f.label);

  // The summary: each program's refusal (linking to the program), then each field's problem.
  const summary: SummaryEntry[] = [];
  for (const p of programs) {
    const failure = failureOf(p.programId);
    if (failure && !(failure.code === 'INCOMPLETE_FORM' && (failure.fields?.length ?? 0) > 0))
      summary.push({ target: programDomId(p.programId), label: p.title, message: failure.message });
    for (const field of p.fields) {
      const message = fieldError(p.programId, field.id);
      if (message)
        summary.push({
          target: fieldDomId(p.programId, field.id),
          label: `${p.title} · ${fieldLabel(field)}`,
          message,
        });
    }
  }
  for (const f of failures) {
    if (!programs.some((p) => p.programId === f.programId))
      summary.push({ label: f.programId, message: f.message });
  }

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (submitting || uploading) return;
    setSubmitError(null);
    setFailures([]);
    const errors: Record<string, string> = {};
    const answers: Record<string, Record<string, AnswerInput>> = {};
    for (const p of programs) {
      const given = answersOf(p.fields, draft[p.programId] ?? {});
      for (const issue of checkAnswers(p.fields, given))
        errors[`${p.programId}.${issue.fieldId}`] = issue.message;
      const sent: Record<string, AnswerInput> = {};
      for (const [k, v] of Object.entries(given)) sent[k] = typeof v === 'object' ? { fileId: v.id } : v;
      if (Object.keys(sent).length > 0) answers[p.programId] = sent;
    }
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0) {
      focusSummary();
      return;
    }
    const programIds = programs.map((p) => p.programId);
    const bodyText = JSON.stringify({ programIds, answers });
    const key = lastSubmit.current?.body === bodyText ? lastSubmit.current.key : newIdempotencyKey();
    lastSubmit.current = { body: bodyText, key };
    setSubmitting(true);
    try {
      const res = await applyToPrograms(b.brn, {
        programIds,
        ...(Object.keys(answers).length > 0 ? { answers } : {}),
        idempotencyKey: key,
      });
      setCreated(res.items);
    } catch (x) {
      const list = applyFailures(x);
      if (list.length > 0) setFailures(list);
      else setSubmitError(x);
      focusSummary();
    } finally {
      setSubmitting(false);
    }
  };

  if (created) {
    return (
      <>
        <Breadcrumbs items={crumbs} />
        <PageTitle text={t('apply.doneTitle')} />
        <Alert tone="success" title={t('apply.doneTitle')}>
          <p>{t('apply.doneText', { count: created.length })}</p>
        </Alert>
        <ul className="app-cards app-mt-2">
          {created.map((a) => (
            <li key={a.id} className="app-card">
              <div className="app-badges">
                <AppStatusBadge status={a.status} />
              </div>
              <h2 className="app-card-title">
                <Link to={`/my/applications/${encodeURIComponent(a.id)}`}>
                  {(lang === 'en' && a.snapshot.programTitleEn) || a.snapshot.programTitle}
                </Link>
              </h2>
            </li>
          ))}
        </ul>
        <div className="app-actions app-mt-2">
          <Link to="/my/applications" className="krds-btn primary medium">
            {t('apply.toStatus')}
          </Link>
          <Link to={`/my/businesses/${b.brn}`} className="krds-btn secondary medium">
            {t('apply.toMatches')}
          </Link>
        </div>
      </>
    );
  }

  const onFile = async (programId: string, fieldId: string, file: File | undefined) => {
    if (!file) return;
    const k = `${programId}.${fieldId}`;
    setUploading(k);
    setLocalErrors(({ [k]: _, ...rest }) => rest);
    try {
      setAnswer(programId, fieldId, await uploadFile(file));
    } catch (x) {
      const message =
        x instanceof FileRejectedError
          ? t(`upload.${x.reason}`, { name: x.fileName, max: 200 })
          : x instanceof ApiError
            ? x.message
            : t('common.unexpected');
      setLocalErrors((cur) => ({ ...cur, [k]: message }));
    } finally {
      setUploading(null);
    }
  };

  return (
    <>
      <Breadcrumbs items={crumbs} />
      <PageTitle text={t('apply.title')} lead={t('apply.lead')} />
      <dl className="app-meta">
        <dt>{t('apply.business')}</dt>
        <dd>
          {b.tradeName} ({b.brnFormatted})
        </dd>
      </dl>
      {submitError ? (
        <ErrorSummary
          title={t('common.errorTitle')}
          entries={[
            { message: submitError instanceof ApiError ? submitError.message : t('common.unexpected') },
          ]}
          focusRef={summaryRef}
        />
      ) : (
        <ErrorSummary
          entries={summary}
          focusRef={summaryRef}
          title={failures.length > 0 ? t('apply.refusedTitle') : undefined}
        />
      )}
      <form className="app-form wide app-mt-2" onSubmit={submit} noValidate>
        <h2 className="app-h2">{t('apply.programsHeading', { count: programs.length })}</h2>
        {programs.map((p) => (
          <ProgramSection
            key={p.programId}
            form={p}
            draft={draft[p.programId] ?? {}}
            failure={failureOf(p.programId)}
            fieldError={(fieldId) => fieldError(p.programId, fieldId)}
            uploading={uploading}
            onChange={(fieldId, v) => setAnswer(p.programId, fieldId, v)}
            onFile={(fieldId, f) => void onFile(p.programId, fieldId, f)}
            onRemove={() => removeProgram(p.programId)}
          />
        ))}
        <div className="app-actions">
          <button
            type="submit"
            className="krds-btn primary large"
            disabled={submitting || uploading !== null || programs.length === 0}
          >
            {submitting ? t('apply.submitting') : t('apply.submit')}
          </button>
          <Link to={`/my/businesses/${b.brn}`} className="krds-btn secondary large">
            {t('common.cancel')}
          </Link>
        </div>
      </form>
    </>
  );
}

/** One program of the 통합신청: its refusal if any, its questions, its documents, and a way to drop it. */
function ProgramSection({
  form: p,
  draft,
  failure,
  fieldError,
  uploading,
  onChange,
  onFile,
  onRemove,
}: {
  form: ApplicationForm;
  draft: Record<string, string | FileMetadata>;
  failure: ApplyFailure | undefined;
  fieldError: (fieldId: string) => string | undefined;
  uploading: string | null;
  onChange: (fieldId: string, v: string) => void;
  onFile: (fieldId: string, f: File | undefined) => void;
  onRemove: () => void;
}) {
  const { t } = useLang();
  const headingId = `${programDomId(p.programId)}-title`;
  const prefilled = new Set(Object.keys(p.answers));
  return (
    <section className="app-card app-apply-program" aria-labelledby={headingId}>
      <h3 id={headingId} className="app-card-title">
        <Link to={`/programs/${encodeURIComponent(p.programId)}`}>{p.title}</Link>
      </h3>
      <div id={programDomId(p.programId)} tabIndex={-1}>
        {failure ? (
          <Alert tone="danger">
            <p>{failure.message}</p>
          </Alert>
        ) : p.activeApplicationId ? (
          <Alert tone="warning">
            <p>
              {t('apply.activeExists')}{' '}
              <Link to={`/my/applications/${encodeURIComponent(p.activeApplicationId)}`}>
                {t('apply.viewApplication')}
              </Link>
            </p>
          </Alert>
        ) : !p.open ? (
          <Alert tone="warning">
            <p>{t('apply.notOpen')}</p>
          </Alert>
        ) : null}
      </div>
      <h4 className="app-h3">{t('apply.questions')}</h4>
      {p.fields.length === 0 ? (
        <p className="app-muted">{t('apply.noQuestions')}</p>
      ) : (
        <div className="app-grid-2">
          {p.fields.map((field) => (
            <QuestionField
              key={field.id}
              programId={p.programId}
              field={field}
              value={draft[field.id]}
              prefilled={prefilled.has(field.id)}
              error={fieldError(field.id)}
              uploading={uploading === `${p.programId}.${field.id}`}
              onChange={(v) => onChange(field.id, v)}
              onFile={(f) => onFile(field.id, f)}
            />
          ))}
        </div>
      )}
      <h4 className="app-h3">{t('apply.documents')}</h4>
      <DocumentList documents={p.documents} />
      {p.documents.some((d) => d.state === 'needed') ? (
        <p className="app-muted">{t('apply.docNeededHint')}</p>
      ) : null}
      <div className="app-actions">
        <button
          type="button"
          className="krds-btn tertiary small"
          onClick={onRemove}
          aria-label={t('apply.removeFor', { title: p.title })}
        >
          {t('apply.remove')}
        </button>
      </div>
    </section>
  );
}

/** One question of a program's form, by its type; prefilled answers say so. */
function QuestionField({
  programId,
  field,
  value,
  prefilled,
  error,
  uploading,
  onChange,
  onFile,
}: {
  programId: string;
  field: FormField;
  value: string | FileMetadata | undefined;
  prefilled: boolean;
  error: string | undefined;
  uploading: boolean;
  onChange: (v: string) => void;
  onFile: (f: File | undefined) => void;
}) {
  const { t, lang } = useLang();
  const id = fieldDomId(programId, field.id);
  const label = lang === 'en' && field.labelEn ? field.labelEn : field.label;
  const text = typeof value === 'string' ? value : '';
  const hint =
    field.type === 'file'
      ? t('apply.fileHint')
      : field.type === 'date'
        ? t('apply.dateHint')
        : prefilled
          ? t('apply.prefilled')
          : undefined;
  return (
    <Field id={id} label={label} required={field.required} error={error} hint={hint}>
      {(p) => {
        switch (field.type) {
          case 'choice':
            return (
              <select
                {...p}
                className="krds-form-select"
                value={text}
                onChange={(e) => onChange(e.target.value)}
              >
                <option value="">{t('apply.choose')}</option>
                {(field.options ?? []).map((o) => (
                  <option key={o} value={o}>
                    {o}
                  </option>
                ))}
              </select>
            );
          case 'date':
            return (
              <input
                {...p}
                type="date"
                className="krds-input"
                value={text}
                onChange={(e) => onChange(e.target.value)}
              />
            );
          case 'number':
            return (
              <input
                {...p}
                className="krds-input"
                inputMode="decimal"
                value={text}
                onChange={(e) => onChange(e.target.value)}
              />
            );
          case 'file':
            return (
              <>
                <input
                  {...p}
                  type="file"
                  className="krds-input"
                  accept="application/pdf,image/jpeg,image/png"
                  onChange={(e) => onFile(e.target.files?.[0])}
                />
                {uploading ? <p role="status">{t('upload.uploading')}</p> : null}
                {typeof value === 'object' ? <p className="app-muted">📎 {value.name}</p> : null}
              </>
            );
          default:
            return (field.maxLength ?? 2000) > 200 ? (
              <textarea
                {...p}
                className="krds-input app-textarea"
                rows={4}
                maxLength={field.maxLength}
                value={text}
                onChange={(e) => onChange(e.target.value)}
              />
            ) : (
              <input
                {...p}
                className="krds-input"
                maxLength={field.maxLength}
                value={text}
                onChange={(e) => onChange(e.target.value)}
              />
            );
        }
      }}
    </Field>
  );
}
