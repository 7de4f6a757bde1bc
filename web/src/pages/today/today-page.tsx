import { Link } from 'react-router';
import { Alert, Button, Card, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { useMe } from '../../auth';
import { visibleNavItems } from '../../components/nav';
import { TotpCard } from '../../components/totp-card';
import { useCaseRoles } from '../cases/case-roles';
import { useMyOpenCases, useToday } from '../cases/cases-api';
import { RoleList } from '../me/role-list';
import { IssueNoticesCard } from './issue-notices-card';
import { ReviewCard, TodoCard } from './today-todos';

/**
 * 今日: what this person must do now, most urgent first. Station staff see their due contacts (and a
 * supervisor the reviews waiting); whoever an overdue issue escalated to, or a higher level urged, the notice.
 */
export function TodayPage() {
  const { t } = useTranslation();
  const me = useMe();
  const roles = useCaseRoles();
  const caseWork = roles.hasCaseWork && !me.totpEnrolmentRequired;
  const today = useToday(caseWork);
  const mine = useMyOpenCases(caseWork);
  const shortcuts = visibleNavItems(me).filter((item) => item.module);
  const supervisor = me.roles.some((r) => r.role === 'stationSupervisor');
  const todo = {
    items: today.data?.items ?? [],
    loading: today.isPending,
    error: today.error,
    onRetry: () => void today.refetch(),
  };
  return (
    <div className="page-stack">
      <Card className="today-welcome">
        <Typography.Title level={caseWork ? 4 : 3} className="today-greeting">
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
      {!me.totpEnrolmentRequired && <IssueNoticesCard />}
      {caseWork && supervisor && <ReviewCard {...todo} />}
      {caseWork && <TodoCard {...todo} meId={me.id} mine={mine.data?.items} />}
      {!caseWork && (
        <Card title={t('today.rolesTitle')}>
          <RoleList roles={me.roles} />
        </Card>
      )}
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
    </div>
  );
}
