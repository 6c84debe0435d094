import { AGENCY_NAMES_EN } from '@sbiz24/shared/program/program';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api/client';
import type { ProgramDetailResponse } from '../../api/types';
import { useAuth } from '../../auth/AuthProvider';
import { DDayBadge, KindBadge, StatusBadge } from '../../components/Badges';
import { Breadcrumbs } from '../../components/Breadcrumbs';
import { ErrorState, Loading } from '../../components/Feedback';
import { PageTitle } from '../../components/PageTitle';
import { useLang } from '../../i18n/i18n';
import { describeDDay, formatWindow, formatWon } from '../../lib/format';
import { useApi } from '../../lib/use-api';

/** A program: benefit, window with D-day, agency, the rule in sentences, how to apply. */
export default function ProgramPage() {
  const { id = '' } = useParams();
  const { t, lang } = useLang();
  const { me } = useAuth();
  const { data, error, loading, reload } = useApi<ProgramDetailResponse>(
    `/api/programs/${encodeURIComponent(id)}`,
  );
  if (loading) return <Loading />;
  if (error instanceof ApiError && error.status === 404)
    return (
      <>
        <Breadcrumbs
          items={[{ label: t('catalog.title'), to: '/programs' }, { label: t('missing.programTitle') }]}
        />
        <PageTitle text={t('missing.programTitle')} lead={t('missing.programText')} />
        <p>
          <Link to="/programs" className="krds-btn primary medium">
            {t('missing.toCatalog')}
          </Link>
        </p>
      </>
    );
  if (error || !data) return <ErrorState error={error} onRetry={reload} />;
  const { program: p } = data;
  const en = lang === 'en';
  const title = en && p.titleEn ? p.titleEn : p.title;
  const sentences = lang === 'en' && data.descriptionEn.length > 0 ? data.descriptionEn : data.description;
  return (
    <article className="app-program">
      <Breadcrumbs items={[{ label: t('catalog.title'), to: '/programs' }, { label: title }]} />
      <div className="app-badges">
        <KindBadge kind={p.kind} />
        <StatusBadge status={p.status} />
        {p.status === 'open' ? <DDayBadge dDay={p.dDay} /> : null}
      </div>
      <PageTitle text={title} lead={en && p.summaryEn ? p.summaryEn : p.summary} />

      <div className="app-cards cols-2">
        <section className="app-card" aria-labelledby="benefit-title">
          <h2 id="benefit-title" className="app-card-title">
            {t('program.benefit')}
          </h2>
          <p>{en && p.benefit.descriptionEn ? p.benefit.descriptionEn : p.benefit.description}</p>
          <dl className="app-meta">
            {p.benefit.maxAmount !== undefined ? (
              <>
                <dt>{t('program.maxAmount')}</dt>
                <dd className="app-strong">{formatWon(p.benefit.maxAmount, lang)}</dd>
              </>
            ) : null}
            {p.benefit.loanLimit !== undefined ? (
              <>
                <dt>{t('program.loanLimit')}</dt>
                <dd className="app-strong">{formatWon(p.benefit.loanLimit, lang)}</dd>
              </>
            ) : null}
            {p.benefit.rate ? (
              <>
                <dt>{t('program.rate')}</dt>
                <dd>{en && p.benefit.rateEn ? p.benefit.rateEn : p.benefit.rate}</dd>
              </>
            ) : null}
          </dl>
        </section>
        <section className="app-card" aria-labelledby="window-title">
          <h2 id="window-title" className="app-card-title">
            {t('program.window')}
          </h2>
          <p className="app-strong">{formatWindow(p.applyStart, p.applyEnd, lang)}</p>
          {p.status === 'open' && p.dDay !== null ? <p>{describeDDay(p.dDay, lang)}</p> : null}
          <dl className="app-meta">
            <dt>{t('program.agency')}</dt>
            <dd>{en ? AGENCY_NAMES_EN[p.agencyId] : p.agencyName}</dd>
            <dt>{t('program.stages')}</dt>
            <dd>{p.stages.map((s) => t(`stage.${s}`)).join(' · ')}</dd>
          </dl>
        </section>
      </div>

      <section aria-labelledby="rule-title">
        <h2 id="rule-title" className="app-h2">
          {t('program.eligibility')}
        </h2>
        <ul className="krds-info-list app-rule-sentences">
          {sentences.map((s) => (
            <li key={s}>{s}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="apply-title">
        <h2 id="apply-title" className="app-h2">
          {t('program.howToApply')}
        </h2>
        <p>{en && p.howToApplyEn ? p.howToApplyEn : p.howToApply}</p>
      </section>

      {me?.role !== 'staff' && me?.role !== 'admin' ? (
        <div className="app-actions">
          <Link to="/my" className="krds-btn primary large">
            {t('program.checkMine')}
          </Link>
        </div>
      ) : null}
    </article>
  );
}
