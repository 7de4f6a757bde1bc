import { NavLink, Outlet } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth';
import { useCurrentNav, visibleNavItems } from './nav';

/** One column with a bottom tab bar: reachable with the thumb of the hand that holds the phone. */
export function PhoneFrame() {
  const { t } = useTranslation();
  const me = useMe();
  const current = useCurrentNav();
  // At most five tabs: the bar stops being readable beyond that at 360 px.
  const tabs = visibleNavItems(me).slice(0, 5);
  return (
    <div className="phone-frame">
      <header className="phone-header">
        <span className="brand-mark">{t('app.name')}</span>
        {current && <h1 className="phone-title">{t(`app.menu.${current.key}`)}</h1>}
      </header>
      <main className="phone-main">
        <Outlet />
      </main>
      <nav className="phone-tabs" aria-label={t('app.name')}>
        {tabs.map((tab) => (
          <NavLink
            key={tab.key}
            to={tab.path}
            className={({ isActive }) => (isActive ? 'phone-tab active' : 'phone-tab')}
          >
            <span className="phone-tab-icon">{tab.icon}</span>
            <span className="phone-tab-label">{t(`app.tabs.${tab.key}`)}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
