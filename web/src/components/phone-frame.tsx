import { Link, NavLink, Outlet } from 'react-router';
import { LeftOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useMe } from '../auth';
import { phoneTabs, useCurrentNav, usePageName } from './nav';

/** One column with a bottom tab bar: reachable with the thumb of the hand that holds the phone. */
export function PhoneFrame() {
  const { t } = useTranslation();
  const me = useMe();
  const current = useCurrentNav();
  const tabs = phoneTabs(me);
  const pageName = usePageName();
  return (
    <div className="phone-frame">
      <header className="phone-header">
        {current?.sub ? (
          // A page below a list: the way back is where the thumb expects it, top left.
          <Link
            to={current.backPath}
            className="phone-back"
            aria-label={t(`app.menu.${current.key}`)}
          >
            <LeftOutlined />
          </Link>
        ) : (
          <span className="brand-mark">{t('app.name')}</span>
        )}
        {pageName && <h1 className="phone-title">{pageName}</h1>}
      </header>
      <main className="phone-main">
        <Outlet />
      </main>
      <nav className="phone-tabs" aria-label={t('app.name')}>
        {tabs.map(({ item, label }) => (
          <NavLink
            key={item.key}
            to={item.path}
            // exact: /issues/new is its own tab (上报), not 事件; sub-pages match by their route handle
            end
            className={({ isActive }) =>
              isActive || current?.key === item.key ? 'phone-tab active' : 'phone-tab'
            }
          >
            <span className="phone-tab-icon">{item.icon}</span>
            <span className="phone-tab-label">{t(`app.tabs.${label}`)}</span>
          </NavLink>
        ))}
      </nav>
    </div>
  );
}
