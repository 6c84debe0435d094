import { resolveDocuments } from '@sbiz24/shared/application/documents';
import {
  type AnswerValue,
  checkAnswers,
  type FormField,
  prefillAnswers,
} from '@sbiz24/shared/application/form';
import { MAX_PROGRAMS_PER_APPLY } from '@sbiz24/shared/application/schemas';
import { type ApplicationSettings, DEFAULT_APPLICATION_SETTINGS } from '@sbiz24/shared/application/settings';
import type { ProgramDetail } from '@sbiz24/shared/contract/programs';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import {
  type Application,
  type ApplyFailure,
  applyFailures,
  applyToPrograms,
  type FileMetadata,
  newIdempotencyKey,
} from '../../api/applications';
import { ApiError, api } from '../../api/client';
import type { BusinessItem } from '../../api/types';
import { FileRejectedError, uploadFile } from '../../api/uploads';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ErrorSummary, type SummaryEntry, useFocusRequest } from '../../components/ErrorSummary';
import { Alert, ErrorState, Loading } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { AppStatusBadge, DocumentList } from '../../features/applications/parts';
import { useLang } from '../../i18n/i18n';
import { parseNumberInput } from '../../lib/numbers';
import { useApi } from '../../lib/use-api';

type Program = ProgramDetail & { application?: ApplicationSettings };
type Loaded = { id: string; program?: Program; error?: unknown };
/** What the inputs hold: text as typed (numbers are parsed on submit), or an uploaded file's metadata. */
type Draft = Record<string, Record<string, string | FileMetadata>>;

const fieldDomId = (programId: string, fieldId: string) => `apply-${programId}-${fieldId}`;
const programDomId = (programId: string) => `apply-program-${programId}`;

function settingsOf(p: Program): ApplicationSettings {
  return p.application ?? DEFAULT_APPLICATION_SETTINGS;
}

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

/** Loads each program's detail (its questions and documents); a failure is kept per program. */
function usePrograms(ids: string[]): Loaded[] | undefined {
  const [loaded, setLoaded] = useState<Loaded[]>();
  const key = ids.join(',');
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for the ids
  useEffect(() => {
    let live = true;
    setLoaded(undefined);
    void Promise.all(
      ids.map((id) =>
        api<{ program: Program }>(`/api/programs/${encodeURIComponent(id)}`).then(
          (r) => ({ id, program: r.program }),
          (error: unknown) => ({ id, error }),
        ),
      ),
    ).then((all) => {
      if (live) setLoaded(all);
    });
    return () => {
      live = false;
    };
  }, [key]);
  return loaded;
}

/** The answers as the API takes them: numbers parsed, blanks left out (a NaN stays text, to be refused). */
function answersOf(fields: readonly FormField[], draft: Record<string, string | FileMetadata>) {
  const out: Record<string, AnswerValue> = {};
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
  const business = useApi<{ business: BusinessItem }>(`/api/me/businesses/${encodeURIComponent(brn)}`);
  const loaded = usePrograms(ids);
  const [draft, setDraft] = useState<Draft>({});
  const [prefilled, setPrefilled] = useState<Set<string>>(new Set());
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

  const b = business.data?.business;
  const programs = (loaded ?? []).filter((l): l is Loaded & { program: Program } => !!l.program);

  // Prefill each program's questions from the profile once both are known.
  const prefillKey = `${b?.brn ?? ''}|${programs.map((p) => p.id).join(',')}`;
  // biome-ignore lint/correctness/useExhaustiveDependencies: `prefillKey` stands for the business and programs
  useEffect(() => {
    if (!b) return;
    const next: Draft = {};
    const filled = new Set<string>();
    for (const { id, program } of programs) {
      const fields = settingsOf(program).fields;
      const values = prefillAnswers(fields, b.profile, {});
      next[id] = {};
      for (const [fieldId, v] of Object.entries(values)) {
        next[id][fieldId] = typeof v === 'number' ? String(v) : v;
        filled.add(`${id}.${fieldId}`);
      }
    }
    setDraft((cur) => {
      const merged: Draft = { ...next };
      for (const [id, vals] of Object.entries(cur)) merged[id] = { ...next[id], ...vals };
      return merged;
    });
    setPrefilled(filled);
  }, [prefillKey]);

  if (ids.length === 0) {
    return (
      <>
        <Breadcrumbs items={[{ label: t('owner.title'), to: '/my' }, { label: t('apply.title') }]} />
        <PageTitle text={t('apply.title')} />
        <Alert tone="warning">{t('apply.noPrograms')}</Alert>
        <p className="app-mt-2">
          <Link to={brn ? `/my/businesses/${brn}` : '/my'} className="krds-btn secondary medium">
            {t('apply.toMatches')}
          </Link>
        </p>
      </>
    );
  }
  if (business.error) return <ErrorState error={business.error} onRetry={business.reload} />;
  if (!b || !loaded) return <Loading />;

  const title = (p: Program) => (lang === 'en' && p.titleEn ? p.titleEn : p.title);
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

  // The summary: each program's refusal (linking to the program), then each field's problem.
  const summary: SummaryEntry[] = [];
  for (const { id, program } of programs) {
    const failure = failureOf(id);
    if (failure && !(failure.code === 'INCOMPLETE_FORM' && (failure.fields?.length ?? 0) > 0))
      summary.push({ target: programDomId(id), label: title(program), message: failure.message });
    for (const field of settingsOf(program).fields) {
      const message = fieldError(id, field.id);
      if (message)
        summary.push({
          target: fieldDomId(id, field.id),
          label: `${title(program)} · ${lang === 'en' && field.labelEn ? field.labelEn : field.label}`,
          message,
        });
    }
  }
  for (const f of failures) {
    if (!programs.some((p) => p.id === f.programId)) summary.push({ label: f.programId, message: f.message });
  }
  if (ids.length > MAX_PROGRAMS_PER_APPLY)
    summary.unshift({ message: t('apply.tooMany', { max: MAX_PROGRAMS_PER_APPLY }) });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (submitting || uploading) return;
    setSubmitError(null);
    setFailures([]);
    const errors: Record<string, string> = {};
    const answers: Record<string, Record<string, AnswerValue>> = {};
    for (const { id, program } of programs) {
      const fields = settingsOf(program).fields;
      const a = answersOf(fields, draft[id] ?? {});
      for (const issue of checkAnswers(fields, a)) errors[`${id}.${issue.fieldId}`] = issue.message;
      if (Object.keys(a).length > 0) answers[id] = a;
    }
    setLocalErrors(errors);
    if (Object.keys(errors).length > 0 || ids.length > MAX_PROGRAMS_PER_APPLY) {
      focusSummary();
      return;
    }
    const programIds = programs.map((p) => p.id);
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

  const crumbs = [
    { label: t('owner.title'), to: '/my' },
    { label: b.tradeName, to: `/my/businesses/${b.brn}` },
    { label: t('apply.title') },
  ];

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
                <Link to={`/my/applications/${encodeURIComponent(a.id)}`}>{a.snapshot.programTitle}</Link>
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
        <h2 className="app-h2">{t('apply.programsHeading', { count: ids.length })}</h2>
        {loaded
          .filter((l) => !l.program)
          .map((l) => (
            <section key={l.id} className="app-card app-apply-program" aria-label={l.id}>
              <Alert tone="warning" title={l.id}>
                <p>{l.error instanceof ApiError ? l.error.message : t('apply.missingProgram')}</p>
              </Alert>
              <div className="app-actions">
                <button type="button" className="krds-btn tertiary small" onClick={() => removeProgram(l.id)}>
                  {t('apply.remove')}
                </button>
              </div>
            </section>
          ))}
        {programs.map(({ id, program }) => {
          const settings = settingsOf(program);
          const documents = resolveDocuments(settings.documents, {
            registryChecked: true,
            profile: b.profile,
          });
          const failure = failureOf(id);
          const headingId = `${programDomId(id)}-title`;
          return (
            <section key={id} className="app-card app-apply-program" aria-labelledby={headingId}>
              <h3 id={headingId} className="app-card-title">
                <Link to={`/programs/${encodeURIComponent(id)}`}>{title(program)}</Link>
              </h3>
              <div id={programDomId(id)} tabIndex={-1}>
                {failure ? (
                  <Alert tone="danger">
                    <p>{failure.message}</p>
                  </Alert>
                ) : null}
              </div>
              <h4 className="app-h3">{t('apply.questions')}</h4>
              {settings.fields.length === 0 ? (
                <p className="app-muted">{t('apply.noQuestions')}</p>
              ) : (
                <div className="app-grid-2">
                  {settings.fields.map((field) => (
                    <QuestionField
                      key={field.id}
                      programId={id}
                      field={field}
                      value={draft[id]?.[field.id]}
                      prefilled={prefilled.has(`${id}.${field.id}`)}
                      error={fieldError(id, field.id)}
                      uploading={uploading === `${id}.${field.id}`}
                      onChange={(v) => setAnswer(id, field.id, v)}
                      onFile={(f) => void onFile(id, field.id, f)}
                    />
                  ))}
                </div>
              )}
              <h4 className="app-h3">{t('apply.documents')}</h4>
              <DocumentList documents={documents} />
              {documents.some((d) => d.state === 'needed') ? (
                <p className="app-muted">{t('apply.docNeededHint')}</p>
              ) : null}
              <div className="app-actions">
                <button
                  type="button"
                  className="krds-btn tertiary small"
                  onClick={() => removeProgram(id)}
                  aria-label={t('apply.removeFor', { title: title(program) })}
                >
                  {t('apply.remove')}
                </button>
              </div>
            </section>
          );
        })}
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
