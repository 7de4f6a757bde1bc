import { useState } from 'react';
import { Link, Outlet, useNavigate } from 'react-router';
import { Avatar, Breadcrumb, Button, Dropdown, Layout, Menu, Tooltip, Typography } from 'antd';
import type { MenuProps } from 'antd';
import {
  DownOutlined,
  KeyOutlined,
  LogoutOutlined,
  SafetyOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuthActions, useMe } from '../auth';
import { LanguageSwitch } from './language-switch';
import { ChangePasswordModal } from './change-password-modal';
import { modules, useCurrentNav, usePageName, visibleNavItems } from './nav';
import { useScopeLine } from './role-scope';

export function DeskFrame() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const current = useCurrentNav();
  const pageName = usePageName();
  const scopeLine = useScopeLine();
  const { logOut } = useAuthActions();
  const [passwordOpen, setPasswordOpen] = useState(false);

  const items = visibleNavItems(me).filter((item) => !item.phoneOnly);
  // The module as this caller's menu files the page (a grid worker's register sits under 网格治理).
  const module = items.find((item) => item.key === current?.key)?.module ?? current?.module;
  const menuItems: MenuProps['items'] = [
    ...items
      .filter((item) => !item.module)
      .map((item) => ({ key: item.path, icon: item.icon, label: t(`app.menu.${item.key}`) })),
    ...modules.map((module) => {
      const children = items.filter((item) => item.module === module);
      return {
        type: 'group' as const,
        key: module,
        label: t(`app.modules.${module}`),
        children: children.length
          ? children.map((item) => ({
              key: item.path,
              icon: item.icon,
              label: t(`app.menu.${item.key}`),
            }))
          : [{ key: `${module}-soon`, label: t('common.comingSoon'), disabled: true }],
      };
    }),
  ];

  const userMenu: MenuProps['items'] = [
    { key: 'password', icon: <KeyOutlined />, label: t('app.changePassword') },
    { key: 'me', icon: <SafetyOutlined />, label: t('totp.title') },
    { type: 'divider' },
    { key: 'logout', icon: <LogoutOutlined />, label: t('app.logout'), danger: true },
  ];
  const onUserMenu: MenuProps['onClick'] = ({ key }) => {
    if (key === 'password') setPasswordOpen(true);
    if (key === 'me') void navigate('/me');
    if (key === 'logout') void logOut().then(() => navigate('/login'));
  };

  const [primary, ...others] = me.roles;
  return (
    <Layout className="desk-frame">
      <Layout.Sider width={224} theme="light" className="desk-sider">
        <Link to="/today" className="desk-brand">
          <span className="brand-mark">{t('app.name')}</span>
        </Link>
        <Menu
          mode="inline"
          selectedKeys={current ? [current.path] : []}
          items={menuItems}
          onClick={({ key }) => void navigate(key)}
        />
      </Layout.Sider>
      <Layout>
        <Layout.Header className="desk-header">
          <Typography.Text type="secondary" className="desk-header-title">
            {t('app.fullName')}
          </Typography.Text>
          <div className="desk-header-tools">
            <LanguageSwitch />
            <Dropdown menu={{ items: userMenu, onClick: onUserMenu }} trigger={['click']}>
              <Button type="text" className="desk-user" data-testid="user-menu">
                <Avatar size="small" icon={<UserOutlined />} />
                <span className="desk-user-text">
                  <strong>{me.displayName}</strong>
                  {primary && <span className="desk-user-scope">{scopeLine(primary)}</span>}
                  {others.length > 0 && (
                    <Tooltip title={others.map(scopeLine).join('；')}>
                      <span className="desk-user-more">+{others.length}</span>
                    </Tooltip>
                  )}
                </span>
                <DownOutlined />
              </Button>
            </Dropdown>
          </div>
        </Layout.Header>
        <Layout.Content className="desk-content">
          {current && (
            <Breadcrumb
              className="desk-breadcrumb"
              items={[
                ...(module ? [{ title: t(`app.modules.${module}`) }] : []),
                ...(current.sub
                  ? [{ title: <Link to={current.path}>{t(`app.menu.${current.key}`)}</Link> }]
                  : []),
                // A page below a case (its new service record) leads back to the case too.
                ...(current.backPath !== current.path
                  ? [{ title: <Link to={current.backPath}>{t('app.pages.case')}</Link> }]
                  : []),
                // The breadcrumb's last step is where the user is: the page's one level-one heading.
                { title: <h1 className="desk-page-title">{pageName}</h1> },
              ]}
            />
          )}
          <Outlet />
        </Layout.Content>
      </Layout>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </Layout>
  );
}
