import { AGENCY_NAMES_EN } from '@sbiz24/shared/program/program';
import { Link } from 'react-router';
import type { ProgramSummary } from '../api/types';
import { useLang } from '../i18n/i18n';
import { formatWindow, formatWon } from '../lib/format';
import { DDayBadge, KindBadge, StatusBadge } from './Badges';

/** One program in a list: kind, status, D-day, title, summary, agency, window and the headline benefit. */
export function ProgramCard({
  program: p,
  headingLevel = 3,
}: {
  program: ProgramSummary;
  headingLevel?: 2 | 3;
}) {
  const { t, lang } = useLang();
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const title = lang === 'en' && p.titleEn ? p.titleEn : p.title;
  const amount = p.benefit.maxAmount ?? p.benefit.loanLimit;
  return (
    <li className="app-card">
      <div className="app-badges">
        <KindBadge kind={p.kind} />
        <StatusBadge status={p.status} />
        {p.status === 'open' ? <DDayBadge dDay={p.dDay} /> : null}
      </div>
      <Heading className="app-card-title">
        <Link to={`/programs/${encodeURIComponent(p.id)}`}>{title}</Link>
      </Heading>
      <p className="app-clamp">{lang === 'en' && p.summaryEn ? p.summaryEn : p.summary}</p>
      <dl className="app-meta">
        <dt>{t('program.agency')}</dt>
        <dd>{lang === 'en' ? AGENCY_NAMES_EN[p.agencyId] : p.agencyName}</dd>
        <dt>{t('program.window')}</dt>
        <dd>{formatWindow(p.applyStart, p.applyEnd, lang)}</dd>
        {amount !== undefined ? (
          <>
            <dt>{p.benefit.maxAmount !== undefined ? t('program.maxAmount') : t('program.loanLimit')}</dt>
            <dd>{formatWon(amount, lang)}</dd>
          </>
        ) : null}
      </dl>
    </li>
  );
}
