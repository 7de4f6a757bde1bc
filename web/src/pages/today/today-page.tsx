import { Link } from 'react-router';
import { Alert, Button, Card, Space, Tag, Typography } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth';
import { visibleNavItems } from '../../components/nav';
import { TotpCard } from '../../components/totp-card';
import { RoleList } from '../me/role-list';

export function TodayPage() {
  const { t } = useTranslation();
  const me = useMe();
  const shortcuts = visibleNavItems(me).filter((item) => item.module);
  return (
    <div className="page-stack">
      <Card>
        <Typography.Title level={3} className="today-greeting">
          {t('today.greeting', { name: me.displayName })}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('today.date', { date: dayjs().tz('Asia/Shanghai').format('YYYY-MM-DD dddd') })}
        </Typography.Text>
        {me.totpEnrolmentRequired && (
          <Alert type="warning" showIcon title={t('today.totpEnrolment')} className="gap-top" />
        )}
      </Card>
      {me.totpEnrolmentRequired && <TotpCard />}
      <Card title={t('today.rolesTitle')}>
        <RoleList roles={me.roles} />
      </Card>
      {shortcuts.length > 0 && (
        <Card title={t('today.shortcuts')}>
          <Space wrap>
            {shortcuts.map((item) => (
              <Link key={item.key} to={item.path}>
                <Button icon={item.icon}>{t(`app.menu.${item.key}`)}</Button>
              </Link>
            ))}
          </Space>
        </Card>
      )}
      <Card
        title={
          <Space>
            <ClockCircleOutlined />
            {t('today.comingTitle')}
          </Space>
        }
      >
        <Typography.Paragraph>{t('today.comingText')}</Typography.Paragraph>
        <Space wrap>
          {(['social', 'grid', 'community', 'stats'] as const).map((module) => (
            <Tag key={module}>{t(`app.modules.${module}`)}</Tag>
          ))}
        </Space>
      </Card>
    </div>
  );
}
