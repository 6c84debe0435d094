import { ProgramDraftSchema } from '@sbiz24/shared/program/program';
import { validateRule } from '@sbiz24/shared/rules/schema';
import { validateWith } from '@sbiz24/shared/validation';
import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router';
import { ApiError, api, fieldErrors } from '../../api/client';
import type { Program } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { StatusBadge } from '../../components/Badges';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ErrorSummary } from '../../components/ErrorSummary';
import { Alert, ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { ApplicationSettingsEditor } from '../../features/editor/ApplicationSettingsEditor';
import { AuditHistory } from '../../features/editor/AuditHistory';
import { BasicsFields } from '../../features/editor/BasicsFields';
import { type DraftForm, draftBody, draftFormOf, emptyDraft } from '../../features/editor/draft-form';
import { ExamplesEditor } from '../../features/editor/ExamplesEditor';
import { ImpactPreview } from '../../features/editor/ImpactPreview';
import { ProgramActions } from '../../features/editor/ProgramActions';
import { RuleBuilder } from '../../features/rules/RuleBuilder';
import { useLang } from '../../i18n/i18n';
import { useApi } from '../../lib/use-api';

/** Local check with the domain's schema: the same paths and Korean messages the API would answer with. */
function localErrors(body: unknown, form: DraftForm): Record<string, string> {
  const out: Record<string, string> = {};
  const rule = validateRule(form.rule, 'rule');
  const all = validateWith(ProgramDraftSchema, body);
  if (!all.ok)
    for (const e of all.errors) if (!e.path.startsWith('rule') && !(e.path in out)) out[e.path] = e.message;
  if (!rule.ok) for (const e of rule.errors) if (!(e.path in out)) out[e.path] = e.message;
  return out;
}

/** One editor per program: a new id (the draft just created, another program) starts a fresh editor. */
export default function ProgramEditorRoute() {
  const { id } = useParams();
  return <ProgramEditor key={id ?? 'new'} id={id} />;
}

/** Create or edit a program: basics, the rule with its live impact preview, examples; publish, close, history. */
function ProgramEditor({ id }: { id: string | undefined }) {
  const { t } = useLang();
  const { me } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const loaded = useApi<{ program: Program }>(id ? `/api/staff/programs/${encodeURIComponent(id)}` : null);
  const [form, setForm] = useState<DraftForm | null>(id ? null : emptyDraft(me?.agencyId ?? 'semas'));
  const [program, setProgram] = useState<Program | null>(null);
  const [dirty, setDirty] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(
    (location.state as { notice?: string } | null)?.notice ?? null,
  );
  const [saving, setSaving] = useState(false);
  const [auditKey, setAuditKey] = useState(0);
  const summaryRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!loaded.data) return;
    setProgram(loaded.data.program);
    setForm(draftFormOf(loaded.data.program));
    setDirty(false);
  }, [loaded.data]);

  if (id && loaded.loading && !form) return <Loading />;
  if (id && loaded.error) return <ErrorState error={loaded.error} onRetry={loaded.reload} />;
  if (!form) return <Loading />;

  const set = <K extends keyof DraftForm>(k: K, v: DraftForm[K]) => {
    setForm((f) => (f ? { ...f, [k]: v } : f));
    setDirty(true);
  };
  const title = program ? t('editor.editTitle', { title: program.title }) : t('editor.newTitle');

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setNotice(null);
    setFailure(null);
    const body = draftBody(form);
    const local = localErrors(body, form);
    setErrors(local);
    if (Object.keys(local).length > 0) {
      summaryRef.current?.focus();
      return;
    }
    setSaving(true);
    try {
      if (!program) {
        const res = await api<{ program: Program }>('/api/staff/programs', { method: 'POST', body });
        navigate(`/staff/programs/${encodeURIComponent(res.program.id)}`, {
          replace: true,
          state: { notice: t('editor.created') },
        });
        return;
      }
      const res = await api<{ program: Program }>(`/api/staff/programs/${encodeURIComponent(program.id)}`, {
        method: 'PUT',
        body: { version: program.version, draft: body },
      });
      setProgram(res.program);
      setDirty(false);
      setNotice(t('editor.saved', { version: res.program.version }));
      setAuditKey((k) => k + 1);
    } catch (x) {
      const fields = fieldErrors(x, program ? 'draft.' : '');
      setErrors(fields);
      setFailure(x);
      setTimeout(() => summaryRef.current?.focus(), 0);
    } finally {
      setSaving(false);
    }
  };

  const errorCount = Object.keys(errors).length;
  const conflict = failure instanceof ApiError && failure.status === 409;
  return (
    <>
      <Breadcrumbs
        items={[{ label: t('staff.title'), to: '/staff' }, { label: program?.title ?? t('editor.newTitle') }]}
      />
      <PageTitle text={title} />
      {program ? (
        <div className="app-badges">
          <StatusBadge status={program.status} />
          <span className="app-muted">
            {program.id} · v{program.version}
          </span>
        </div>
      ) : null}
      <div ref={summaryRef} tabIndex={-1} className="app-summary">
        {notice ? <Alert tone="success">{notice}</Alert> : null}
        <ErrorSummary entries={Object.values(errors).map((message) => ({ message }))} scope="program-form" />
        {conflict ? (
          <Alert tone="warning" title={t('editor.conflict')}>
            <button type="button" className="krds-btn secondary small" onClick={loaded.reload}>
              {t('editor.reload')}
            </button>
          </Alert>
        ) : failure && errorCount === 0 ? (
          <ErrorState error={failure} />
        ) : null}
      </div>
      {program && program.status !== 'draft' ? <p className="app-muted">{t('editor.readOnly')}</p> : null}

      <form id="program-form" className="app-form wide" onSubmit={save} noValidate>
        <section aria-labelledby="sec-basics" className="app-section">
          <h2 id="sec-basics" className="app-h2">
            {t('editor.basics')}
          </h2>
          <BasicsFields form={form} set={set} errors={errors} agencyLocked={me?.role !== 'admin'} />
        </section>
        <section aria-labelledby="sec-rule" className="app-section">
          <h2 id="sec-rule" className="app-h2">
            {t('editor.rule')}
          </h2>
          <p className="app-muted">{t('editor.ruleLead')}</p>
          <div className="app-rule-layout">
            <RuleBuilder value={form.rule} onChange={(r) => set('rule', r)} errors={errors} />
            <ImpactPreview rule={form.rule} />
          </div>
        </section>
        <section aria-labelledby="sec-examples" className="app-section">
          <h2 id="sec-examples" className="app-h2">
            {t('editor.examples')}
          </h2>
          <ExamplesEditor
            mustMatch={form.mustMatch}
            mustNotMatch={form.mustNotMatch}
            errors={errors}
            onChange={(list, items) => set(list, items)}
          />
        </section>
        <section aria-labelledby="sec-application" className="app-section">
          <h2 id="sec-application" className="app-h2">
            {t('appSettings.title')}
          </h2>
          <p className="app-muted">{t('appSettings.lead')}</p>
          <ApplicationSettingsEditor
            value={form.application}
            onChange={(v) => set('application', v)}
            errors={errors}
          />
        </section>
        <div className="app-actions">
          <button
            type="submit"
            className="krds-btn primary large"
            disabled={saving || program?.status === 'closed'}
          >
            {saving ? t('common.saving') : t('editor.save')}
          </button>
        </div>
      </form>

      {program ? (
        <>
          <ProgramActions
            program={program}
            dirty={dirty}
            onChanged={(p, message) => {
              setProgram(p);
              setNotice(message);
              setAuditKey((k) => k + 1);
              summaryRef.current?.focus();
            }}
          />
          <section aria-labelledby="sec-audit" className="app-section">
            <h2 id="sec-audit" className="app-h2">
              {t('editor.audit')}
            </h2>
            <AuditHistory programId={program.id} refreshKey={auditKey} />
          </section>
        </>
      ) : null}
    </>
  );
}
