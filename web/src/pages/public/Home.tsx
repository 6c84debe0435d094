import { type FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { LifecycleStage } from '../../api/types';
import { PageTitle } from '../../components/PageTitle';
import { useLang } from '../../i18n/i18n';

const STAGES: LifecycleStage[] = ['startup', 'growth', 'closure'];

/** Public home: search, the three lifecycle entry points, my-business and disaster shortcuts. */
export function Home() {
  const { t } = useLang();
  const navigate = useNavigate();
  const [q, setQ] = useState('');
  const search = (e: FormEvent) => {
    e.preventDefault();
    navigate(q.trim() ? `/programs?q=${encodeURIComponent(q.trim())}` : '/programs');
  };
  return (
    <>
      <section className="app-hero" aria-labelledby="home-title">
        <PageTitle text={t('home.title')} lead={t('home.lead')}>
          <span id="home-title">{t('home.title')}</span>
        </PageTitle>
        <search>
          <form className="app-search" onSubmit={search}>
            <label htmlFor="home-q" className="sr-only">
              {t('home.searchLabel')}
            </label>
            <input
              id="home-q"
              type="search"
              className="krds-input"
              placeholder={t('home.searchPlaceholder')}
              value={q}
              onChange={(e) => setQ(e.target.value)}
            />
            <button type="submit" className="krds-btn primary">
              {t('home.search')}
            </button>
          </form>
        </search>
      </section>
      <section aria-labelledby="stages-title">
        <h2 id="stages-title" className="app-h2">
          {t('home.stagesTitle')}
        </h2>
        <ul className="app-cards cols-3">
          {STAGES.map((s) => (
            <li key={s} className={`app-card app-stage app-stage-${s}`}>
              <h3 className="app-card-title">{t(`home.stages.${s}.title`)}</h3>
              <p>{t(`home.stages.${s}.text`)}</p>
              <Link to={`/programs?stage=${s}`} className="krds-btn secondary medium app-stage-link">
                {t('home.stageLink', { stage: t(`home.stages.${s}.title`) })}
              </Link>
            </li>
          ))}
        </ul>
      </section>
      <div className="app-cards cols-2 app-mt-4">
        <section className="app-card" aria-labelledby="home-my">
          <h2 id="home-my" className="app-card-title">
            {t('home.myTitle')}
          </h2>
          <p>{t('home.myText')}</p>
          <Link to="/my" className="krds-btn primary medium">
            {t('home.myButton')}
          </Link>
        </section>
        <section className="app-card" aria-labelledby="home-disaster">
          <h2 id="home-disaster" className="app-card-title">
            {t('home.disasterTitle')}
          </h2>
          <p>{t('home.disasterText')}</p>
          <Link to="/disasters" className="krds-btn tertiary medium">
            {t('home.disasterButton')}
          </Link>
        </section>
      </div>
    </>
  );
}
