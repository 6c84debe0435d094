import { useEffect, useId, useState } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { useAuth } from '../auth/AuthProvider';
import { switchLanguage, useLang } from '../i18n/i18n';

/** Masthead, KRDS header (brand, utilities: language and login), and the main menu. */
export function Header() {
  const { t, lang } = useLang();
  const { me, unread, logout, refreshUnread } = useAuth();
  const [open, setOpen] = useState(false);
  const location = useLocation();
  const navigate = useNavigate();
  const menuId = useId();

  // biome-ignore lint/correctness/useExhaustiveDependencies: close the mobile menu and recount on every navigation
  useEffect(() => {
    setOpen(false);
    refreshUnread();
  }, [location.pathname]);

  const isOwner = me?.role === 'owner';
  const isStaff = me?.role === 'staff' || me?.role === 'admin';
  const links = [
    { to: '/programs', label: t('nav.catalog') },
    { to: '/disasters', label: t('nav.disasters') },
    ...(isOwner
      ? [
          { to: '/my', label: t('nav.myBusinesses') },
          { to: '/my/applications', label: t('appNav.applications') },
          { to: '/my/notifications', label: t('nav.notifications'), badge: unread },
        ]
      : []),
    ...(isStaff
      ? [
          { to: '/staff', label: t('nav.staffPrograms') },
          { to: '/staff/disasters/new', label: t('nav.declareDisaster') },
        ]
      : []),
  ];

  return (
    <header id="krds-header">
      {/* Inside the banner landmark, so that the official-site notice is not stray content. */}
      <div id="krds-masthead">
        <div className="toggle-wrap">
          <div className="toggle-head">
            <div className="inner">
              <span className="nuri-txt">{t('site.masthead')}</span>
            </div>
          </div>
        </div>
      </div>
      <div className="header-in">
        <div className="header-container">
          <div className="inner">
            <div className="header-utility">
              <ul className="utility-list">
                <li>
                  <button
                    type="button"
                    className="krds-btn small text"
                    onClick={() => void switchLanguage(lang === 'ko' ? 'en' : 'ko')}
                  >
                    <span className="sr-only">{t('lang.label')}: </span>
                    <span lang={lang === 'ko' ? 'en' : 'ko'}>{lang === 'ko' ? 'English' : '한국어'}</span>
                  </button>
                </li>
                <li>
                  <a className="krds-btn small text" href="/api/docs">
                    {t('site.apiDocs')}
                  </a>
                </li>
              </ul>
            </div>
            <div className="header-branding">
              <p className="app-logo">
                <Link to="/">
                  <span className="app-logo-mark" aria-hidden="true">
                    24
                  </span>
                  {t('site.name')}
                </Link>
              </p>
              <div className="header-actions app-header-actions">
                {me ? (
                  <>
                    <span className="app-user">
                      {t('auth.greeting', { name: me.name })}
                      <span className="app-user-role"> · {t(`auth.roles.${me.role}`)}</span>
                    </span>
                    <button
                      type="button"
                      className="krds-btn small tertiary"
                      onClick={() => {
                        logout();
                        navigate('/');
                      }}
                    >
                      {t('auth.logout')}
                    </button>
                  </>
                ) : (
                  <Link to="/login" className="krds-btn small secondary">
                    {t('auth.login')}
                  </Link>
                )}
                <button
                  type="button"
                  className="krds-btn small tertiary app-menu-toggle"
                  aria-expanded={open}
                  aria-controls={menuId}
                  onClick={() => setOpen((o) => !o)}
                >
                  {open ? t('nav.closeMenu') : t('nav.menu')}
                </button>
              </div>
            </div>
          </div>
        </div>
        <nav className={`app-nav${open ? ' is-open' : ''}`} aria-label={t('nav.label')} id={menuId}>
          <ul className="app-nav-list inner">
            {me ? (
              <li className="app-nav-user">
                {t('auth.greeting', { name: me.name })} · {t(`auth.roles.${me.role}`)}
              </li>
            ) : null}
            {links.map((l) => (
              <li key={l.to}>
                <NavLink to={l.to} end={l.to === '/my' || l.to === '/staff'} className="app-nav-link">
                  {l.label}
                  {'badge' in l && l.badge ? (
                    <span className="krds-badge bg-danger app-count">
                      <span aria-hidden="true">{l.badge}</span>
                      <span className="sr-only">{t('nav.unread', { count: l.badge })}</span>
                    </span>
                  ) : null}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </header>
  );
}
