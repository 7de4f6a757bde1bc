import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Tag } from 'antd';
import type { TableProps } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import {
  activityStatuses,
  activityTypes,
  type Activity,
  type ActivityStatus,
} from '../../../../common/schemas/activities';
import type { Messages } from '../../../../common/i18n/zh-CN';
import type { Role } from '../../../../common/roles';
import { useMe } from '../../auth';
import { RegisterCard } from '../../components/register/register-card';
import {
  FilterDateRange,
  FilterSearch,
  FilterSelect,
  FilterUnit,
} from '../../components/register/register-filters';
import { RegisterPage } from '../../components/register/register-page';
import { useRegisterQuery } from '../../components/register/register-query';
import { formatTime } from '../../i18n';
import { useActivityList, type ActivityListQuery } from './activities-api';
import { ActivityFormDialog } from './activity-form-dialog';
import { PartnersDialog } from './partners-dialog';

/** Who plans activities (server: ACTIVITY_MANAGERS). */
export const activityManagers: readonly Role[] = ['districtAdmin', 'streetAdmin', 'communityStaff'];

const statusColor: Record<ActivityStatus, string> = {
  planned: 'orange',
  ongoing: 'processing',
  finished: 'success',
  cancelled: 'default',
};

export function ActivityStatusTag({ status }: { status: ActivityStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColor[status]}>{t(`activities.statuses.${status}`)}</Tag>;
}

/** The label of a field of an activity (activities.fields.*). */
export function useFieldLabel() {
  const { t } = useTranslation();
  return (k: keyof Messages['activities']['fields']) => t(`activities.fields.${k}`);
}

export function checkInCount(t: TFunction, a: { checkedIn: number; capacity: number | null }) {
  return a.capacity === null
    ? t('activities.ui.checkInCountNoCap', { n: a.checkedIn })
    : t('activities.ui.checkInCount', { n: a.checkedIn, cap: a.capacity });
}

/** 2026-11-28 09:00 – 11:30, or the whole end when it is another day. */
export function activityTime(a: { startAt: string; endAt: string }): string {
  const start = formatTime(a.startAt);
  const end = formatTime(a.endAt);
  return `${start} – ${start.slice(0, 10) === end.slice(0, 10) ? end.slice(11) : end}`;
}

const filterKeys = ['q', 'type', 'communityId', 'status', 'from', 'to'] as const;
type Filters = Pick<ActivityListQuery, (typeof filterKeys)[number]>;

/** 社区活动台账: the activities of the caller's communities, with filters and the Excel export. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const me = useMe();
  const canManage = me.roles.some((r) => activityManagers.includes(r.role));
  const query = useRegisterQuery<Filters>(filterKeys);
  const list = useActivityList({ ...query.filters, page: query.page, pageSize: query.pageSize });
  const [dialog, setDialog] = useState<'create' | 'partners'>();
  const partners = (a: Activity) => a.partners.map((p) => p.name).join('、');
  const columns: TableProps<Activity>['columns'] = [
    {
      title: t('activities.fields.title'),
      key: 'title',
      width: 200,
      render: (_, a) => <Link to={`/activities/${a.id}`}>{a.title}</Link>,
    },
    {
      title: t('activities.fields.type'),
      key: 'type',
      render: (_, a) => t(`activities.types.${a.type}`),
    },
    { title: t('activities.fields.community'), dataIndex: 'communityName' },
    { title: t('activities.fields.time'), key: 'time', render: (_, a) => activityTime(a) },
    { title: t('activities.fields.place'), dataIndex: 'place', ellipsis: true },
    {
      title: t('activities.fields.partners'),
      key: 'partners',
      render: (_, a) => partners(a),
    },
    {
      title: t('activities.fields.checkedIn'),
      key: 'checkedIn',
      render: (_, a) => (a.capacity === null ? a.checkedIn : `${a.checkedIn} / ${a.capacity}`),
    },
    {
      title: t('activities.fields.status'),
      key: 'status',
      render: (_, a) => <ActivityStatusTag status={a.status} />,
    },
  ];

  return (
    <RegisterPage
      title={t('activities.ui.listTitle')}
      query={query}
      list={list}
      export={{ path: '/activities/export.xlsx', name: 'activities' }}
      tools={
        <Button icon={<TeamOutlined />} onClick={() => setDialog('partners')}>
          {t('activities.ui.managePartners')}
        </Button>
      }
      mainAction={
        canManage && { label: t('activities.ui.create'), onClick: () => setDialog('create') }
      }
      filters={
        <>
          <FilterSearch label={t('activities.ui.search')} />
          <FilterSelect
            name="type"
            label={t('activities.ui.allTypes')}
            options={activityTypes.map((v) => ({ value: v, label: t(`activities.types.${v}`) }))}
          />
          <FilterUnit
            name="communityId"
            label={t('activities.ui.allCommunities')}
            canPick={(n) => n.kind === 'community'}
          />
          <FilterSelect
            name="status"
            label={t('activities.ui.allStatuses')}
            options={activityStatuses.map((v) => ({
              value: v,
              label: t(`activities.statuses.${v}`),
            }))}
          />
          <FilterDateRange />
        </>
      }
      columns={columns}
      card={(a) => (
        <RegisterCard
          to={`/activities/${a.id}`}
          title={a.title}
          tags={<ActivityStatusTag status={a.status} />}
        >
          <div className="muted small">
            {t(`activities.types.${a.type}`)} · {a.communityName}
          </div>
          <div className="muted small">{activityTime(a)}</div>
          <div className="muted small">{checkInCount(t, a)}</div>
        </RegisterCard>
      )}
      empty={{ text: canManage ? t('activities.ui.empty') : t('activities.ui.emptyReader') }}
    >
      <ActivityFormDialog
        open={dialog === 'create'}
        onClose={() => setDialog(undefined)}
        onSaved={(a) => {
          void message.success(t('activities.ui.created'));
          void navigate(`/activities/${a.id}`);
        }}
      />
      <PartnersDialog
        open={dialog === 'partners'}
        canManage={canManage}
        onClose={() => setDialog(undefined)}
      />
    </RegisterPage>
  );
}
