import type { DamageImportResponse } from '@sbiz24/shared/contract/relief';
import { todayInKorea } from '@sbiz24/shared/dates';
import type { Disaster } from '@sbiz24/shared/disaster/disaster';
import { DAMAGE_LIST_MAX_BYTES, DAMAGE_LIST_MAX_ROWS } from '@sbiz24/shared/relief/damage-list';
import { type FormEvent, Fragment, useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router';
import { fieldErrors } from '../../api/client';
import { postDamageList } from '../../api/relief';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { Alert, ErrorState, Loading } from '../../components/Feedback';
import { Field } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import {
  type DamageUploadPlan,
  mergeDamageResults,
  planDamageUpload,
} from '../../features/relief/damage-chunks';
import { useLang } from '../../i18n/i18n';
import { formatCount, formatDate } from '../../lib/format';
import { useApi } from '../../lib/use-api';

type Stage =
  | { kind: 'choose' }
  | { kind: 'working'; dryRun: boolean; done: number; total: number }
  | { kind: 'previewed'; result: DamageImportResponse }
  | { kind: 'applied'; result: DamageImportResponse };

const MB = DAMAGE_LIST_MAX_BYTES / 1024 / 1024;
const COUNT_KEYS = ['total', 'new', 'updated', 'unchanged', 'rejected'] as const;

/**
 * 피해 확인 명단 올리기: a disaster's damage list (CSV) is previewed (dry run: counts, reasons, rejected lines),
 * then applied, both with a progress bar over requests of whole records (features/relief/damage-chunks.ts).
 */
export default function DamageImportPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const disasters = useApi<{ items: Disaster[] }>('/api/disasters');
  const disaster = disasters.data?.items.find((d) => d.id === id);
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | undefined>();
  const [failure, setFailure] = useState<unknown>(null);
  const [stage, setStage] = useState<Stage>({ kind: 'choose' });
  const plan = useRef<DamageUploadPlan | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const resultRef = useRef<HTMLHeadingElement>(null);
  // A result replaces the progress bar: focus moves to its heading, so it is read out next.
  useEffect(() => {
    if (stage.kind === 'previewed' || stage.kind === 'applied') resultRef.current?.focus();
  }, [stage.kind]);

  const checkFile = (f: File | null): string | undefined => {
    if (!f) return t('damageImport.fileMissing');
    if (!/\.csv$/i.test(f.name) && f.type !== 'text/csv') return t('damageImport.fileType');
    if (f.size === 0) return t('damageImport.fileEmpty');
    if (f.size > DAMAGE_LIST_MAX_BYTES) return t('damageImport.fileTooLarge', { mb: MB });
    return undefined;
  };

  /** Sends every chunk in order, moving the bar by each chunk's rows; stops at the first refusal. */
  const run = async (dryRun: boolean, p: DamageUploadPlan) => {
    const answers: DamageImportResponse[] = [];
    let done = p.duplicates.length;
    const total = p.total;
    setStage({ kind: 'working', dryRun, done, total });
    for (const chunk of p.chunks) {
      answers.push(await postDamageList(id, chunk.body, dryRun));
      done += chunk.rows;
      setStage({ kind: 'working', dryRun, done: Math.min(done, total), total });
    }
    return mergeDamageResults(dryRun, p, answers);
  };

  const preview = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    const problem = checkFile(file);
    setFileError(problem);
    if (problem || !file || !disaster) {
      fileInput.current?.focus();
      return;
    }
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      plan.current = planDamageUpload(
        bytes,
        disaster,
        todayInKorea(() => new Date()),
      );
      const result = await run(true, plan.current);
      setStage({ kind: 'previewed', result });
    } catch (x) {
      // A file refused as a whole (empty, no columns, too large) is the field's error, said beside it.
      const onFile = fieldErrors(x).file;
      if (onFile) setFileError(onFile);
      else setFailure(x);
      setStage({ kind: 'choose' });
      if (onFile) fileInput.current?.focus();
    }
  };

  const apply = async () => {
    if (!plan.current) return;
    setFailure(null);
    try {
      const result = await run(false, plan.current);
      setStage({ kind: 'applied', result });
    } catch (x) {
      setFailure(x);
      setStage({ kind: 'choose' });
    }
  };

  const restart = () => {
    plan.current = null;
    setFile(null);
    setStage({ kind: 'choose' });
    if (fileInput.current) fileInput.current.value = '';
    fileInput.current?.focus();
  };

  const crumbs = (
    <Breadcrumbs
      items={[
        { label: t('staff.title'), to: '/staff' },
        { label: disaster?.name ?? id },
        { label: t('damageImport.title') },
      ]}
    />
  );
  if (disasters.loading) return <Loading />;
  if (disasters.error) return <ErrorState error={disasters.error} onRetry={disasters.reload} />;
  if (!disaster)
    return (
      <>
        {crumbs}
        <PageTitle text={t('damageImport.title')} />
        <Alert tone="warning">{t('damageImport.notFound')}</Alert>
        <Link to="/staff">{t('staff.title')}</Link>
      </>
    );

  const result = stage.kind === 'previewed' || stage.kind === 'applied' ? stage.result : null;
  const working = stage.kind === 'working';
  return (
    <>
      {crumbs}
      <PageTitle text={t('damageImport.title')} lead={t('damageImport.lead', { name: disaster.name })} />
      <p>
        {t('damageImport.period', {
          start: formatDate(disaster.startDate, lang),
          end: formatDate(disaster.endDate, lang),
        })}
      </p>
      {failure ? <ErrorState error={failure} /> : null}
      <form className="app-form" onSubmit={preview} noValidate>
        <Field
          id="damage-file"
          label={t('damageImport.file')}
          hint={t('damageImport.fileHint', { mb: MB, rows: formatCount(DAMAGE_LIST_MAX_ROWS, lang) })}
          error={fileError}
          required
        >
          {(p) => (
            <input
              {...p}
              ref={fileInput}
              type="file"
              accept=".csv,text/csv"
              className="krds-input"
              disabled={working || stage.kind === 'applied'}
              onChange={(e) => {
                const f = e.target.files?.[0] ?? null;
                setFile(f);
                setFileError(f ? checkFile(f) : undefined);
                plan.current = null;
                setStage({ kind: 'choose' });
              }}
            />
          )}
        </Field>
        <div className="app-actions">
          <button type="submit" className="krds-btn secondary medium" disabled={working}>
            {t('damageImport.preview')}
          </button>
        </div>
      </form>

      {stage.kind === 'working' ? (
        <div className="app-mt-2">
          <p id="damage-progress-label">
            {t(stage.dryRun ? 'damageImport.previewing' : 'damageImport.applying')}
          </p>
          <div
            className="app-progress"
            role="progressbar"
            aria-labelledby="damage-progress-label"
            aria-valuemin={0}
            aria-valuemax={stage.total}
            aria-valuenow={stage.done}
            aria-valuetext={t('damageImport.progress', {
              done: formatCount(stage.done, lang),
              total: formatCount(stage.total, lang),
            })}
          >
            <div
              className="app-progress-bar"
              style={{ width: `${stage.total === 0 ? 100 : Math.round((stage.done / stage.total) * 100)}%` }}
            />
          </div>
          <p aria-hidden="true">
            {t('damageImport.progress', {
              done: formatCount(stage.done, lang),
              total: formatCount(stage.total, lang),
            })}
          </p>
        </div>
      ) : null}

      {result ? (
        <section className="app-mt-2" aria-labelledby="damage-result-title">
          <h2 id="damage-result-title" ref={resultRef} tabIndex={-1}>
            {t(stage.kind === 'applied' ? 'damageImport.doneTitle' : 'damageImport.previewTitle')}
          </h2>
          {stage.kind === 'applied' && result.counts.new + result.counts.updated > 0 ? (
            <Alert tone="success">{t('damageImport.doneLead')}</Alert>
          ) : null}
          <dl className="app-meta">
            {COUNT_KEYS.map((k) => (
              <Fragment key={k}>
                <dt>{t(`damageImport.counts.${k}`)}</dt>
                <dd>{formatCount(result.counts[k], lang)}</dd>
              </Fragment>
            ))}
          </dl>
          <p className="app-muted">
            {t('damageImport.encoding', { encoding: result.encoding.toUpperCase() })}
          </p>
          {result.counts.rejected > 0 ? <RejectedTables result={result} /> : null}
          <div className="app-actions">
            {stage.kind === 'previewed' ? (
              result.counts.new + result.counts.updated > 0 ? (
                <button type="button" className="krds-btn primary medium" onClick={() => void apply()}>
                  {t('damageImport.apply')}
                </button>
              ) : (
                <p>{t('damageImport.nothingToApply')}</p>
              )
            ) : null}
            <button type="button" className="krds-btn tertiary medium" onClick={restart}>
              {t('damageImport.again')}
            </button>
          </div>
        </section>
      ) : null}
    </>
  );
}

/** Rejections by reason, then the rejected lines (the first 1,000) with their line and reason. */
function RejectedTables({ result }: { result: DamageImportResponse }) {
  const { t, lang } = useLang();
  const reasons = Object.entries(result.rejectedBy) as [keyof typeof result.rejectedBy, number][];
  return (
    <>
      <div className="app-table-wrap app-mt-2">
        <table className="app-table">
          <caption>{t('damageImport.byReason')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('damageImport.columns.reason')}</th>
              <th scope="col" className="app-num">
                {t('damageImport.columns.count')}
              </th>
            </tr>
          </thead>
          <tbody>
            {reasons.map(([code, n]) => (
              <tr key={code}>
                <th scope="row">{t(`damageImport.codes.${code}`)}</th>
                <td className="app-num">{formatCount(n, lang)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <div className="app-table-wrap app-mt-2">
        <table className="app-table">
          <caption>{t('damageImport.rejectedTitle')}</caption>
          <thead>
            <tr>
              <th scope="col" className="app-num">
                {t('damageImport.columns.line')}
              </th>
              <th scope="col">{t('damageImport.columns.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {result.errors.map((e) => (
              <tr key={`${e.line}-${e.code}`}>
                <th scope="row" className="app-num">
                  {formatCount(e.line, lang)}
                </th>
                <td>
                  {t(`damageImport.codes.${e.code}`)}
                  {lang === 'ko' ? ` — ${e.message}` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {result.errorsTruncated ? (
        <p className="app-muted">
          {t('damageImport.truncated', { count: formatCount(result.errors.length, lang) })}
        </p>
      ) : null}
    </>
  );
}
