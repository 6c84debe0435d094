import { Link } from 'react-router';
import { useLang } from '../i18n/i18n';

/** KRDS footer with the operator identifier, the demo notice and the map attribution. */
export function Footer() {
  const { t } = useLang();
  return (
    <footer id="krds-footer">
      <div className="inner">
        <p className="app-footer-name">{t('site.name')}</p>
        <div className="f-cnt">
          <div className="f-info">
            <p className="info-addr">{t('site.tagline')}</p>
            <p>{t('site.demoNotice')}</p>
          </div>
        </div>
        <div className="f-btm">
          <div className="f-btm-text">
            <div className="f-menu">
              <Link to="/programs">{t('nav.catalog')}</Link>
              <Link to="/disasters">{t('nav.disasters')}</Link>
              <a href="/api/docs">{t('site.apiDocs')}</a>
            </div>
            <p className="f-copy">{t('site.mapCredit')}</p>
            <p className="f-copy">{t('site.copyright')}</p>
          </div>
          <div className="krds-identifier">
            <span className="ban-txt">{t('site.identifier')}</span>
          </div>
        </div>
      </div>
    </footer>
  );
}
