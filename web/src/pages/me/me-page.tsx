import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Avatar, Button, Card, Descriptions, Popconfirm, Space } from 'antd';
import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { useAuthActions, useMe } from '../../auth';
import { ChangePasswordModal } from '../../components/change-password-modal';
import { LanguageSwitch } from '../../components/language-switch';
import { TotpCard } from '../../components/totp-card';
import { RoleList } from './role-list';

/** The phone's home for what the desk keeps in its top bar. */
export function MePage() {
  const { t } = useTranslation();
  const me = useMe();
  const navigate = useNavigate();
  const { logOut } = useAuthActions();
  const [passwordOpen, setPasswordOpen] = useState(false);
  return (
    <div className="page-stack narrow">
      <Card>
        <Space size="middle" align="center">
          <Avatar size={56} icon={<UserOutlined />} />
          <div>
            <div className="me-name">{me.displayName}</div>
            <Descriptions
              size="small"
              column={1}
              items={[{ key: 'u', label: t('me.username'), children: me.username }]}
            />
          </div>
        </Space>
      </Card>
      <Card title={t('me.roles')}>
        <RoleList roles={me.roles} />
      </Card>
      <TotpCard />
      <Card title={t('me.settings')}>
        <div className="me-setting">
          <span>{t('app.language')}</span>
          <LanguageSwitch />
        </div>
        <Button block size="large" icon={<KeyOutlined />} onClick={() => setPasswordOpen(true)}>
          {t('app.changePassword')}
        </Button>
        <Popconfirm
          title={t('app.logoutConfirm')}
          okText={t('app.logout')}
          cancelText={t('common.cancel')}
          onConfirm={() => logOut().then(() => navigate('/login'))}
        >
          <Button block size="large" danger icon={<LogoutOutlined />} className="gap-top">
            {t('app.logout')}
          </Button>
        </Popconfirm>
      </Card>
      <ChangePasswordModal open={passwordOpen} onClose={() => setPasswordOpen(false)} />
    </div>
  );
}
