import { Outlet, useLocation } from 'react-router';
import { useLang } from '../i18n/i18n';
import { ErrorBoundary } from './ErrorBoundary';
import { Footer } from './Footer';
import { Header } from './Header';

/** Skip link, masthead, header, the page in <main>, footer. */
export function Layout() {
  const { t } = useLang();
  const location = useLocation();
  return (
    <>
      <div id="krds-skip-link">
        <a href="#main">{t('site.skip')}</a>
      </div>
      <Header />
      <main id="main" tabIndex={-1} className="app-main">
        <div className="inner">
          <ErrorBoundary resetKey={location.pathname}>
            <Outlet />
          </ErrorBoundary>
        </div>
      </main>
      <Footer />
    </>
  );
}
