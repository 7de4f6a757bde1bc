import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, DatePicker, Input, List, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined, TeamOutlined } from '@ant-design/icons';
import type { Dayjs } from 'dayjs';
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
import { apiDownload } from '../../api';
import { useMe } from '../../auth';
import { ListState } from '../../components/list-state';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';
import { useOrgTree } from '../org/org-api';
import { PhoneActionBar } from '../people/phone-action-bar';
import { useActivityPage, type ActivityListQuery } from './activities-api';
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

/** 社区活动台账: the activities of the caller's communities, with filters and the Excel export. */
export function ActivitiesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const me = useMe();
  const canManage = me.roles.some((r) => activityManagers.includes(r.role));
  const tree = useOrgTree(false);
  const [filters, setFilters] = useState<Omit<ActivityListQuery, 'page' | 'pageSize'>>({});
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const list = useActivityPage({ ...filters, page, pageSize });
  const [dialog, setDialog] = useState<'create' | 'partners'>();
  const [exporting, setExporting] = useState(false);
  const items = list.data?.items ?? [];
  const update = (patch: Partial<typeof filters>) => {
    setFilters((f) => ({ ...f, ...patch }));
    setPage(1);
  };

  const exportExcel = async () => {
    setExporting(true);
    try {
      await apiDownload('/activities/export.xlsx', filters, 'activities.xlsx');
    } catch (error) {
      void message.error(
        `${t('common.exportFailed')}: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setExporting(false);
    }
  };

  const when = activityTime;
  const partners = (a: Activity) => a.partners.map((p) => p.name).join('、');

  const createButton = canManage && (
    <Button
      type="primary"
      size={isPhone ? 'large' : undefined}
      block={isPhone}
      icon={<PlusOutlined />}
      onClick={() => setDialog('create')}
    >
      {t('activities.ui.create')}
    </Button>
  );

  const filterBar = (
    <Space
      wrap
      direction={isPhone ? 'vertical' : 'horizontal'}
      style={{ marginBottom: 16, width: isPhone ? '100%' : undefined }}
    >
      <Input.Search
        allowClear
        placeholder={t('activities.ui.search')}
        style={{ width: isPhone ? '100%' : 220 }}
        onSearch={(q) => update({ q: q || undefined })}
      />
      <Select
        allowClear
        style={{ width: isPhone ? '100%' : 140 }}
        placeholder={t('activities.ui.allTypes')}
        value={filters.type}
        options={activityTypes.map((v) => ({ value: v, label: t(`activities.types.${v}`) }))}
        onChange={(v?: string) => update({ type: v })}
      />
      <div style={{ width: isPhone ? '100%' : 200 }}>
        <OrgUnitSelect
          tree={tree.data ?? []}
          loading={tree.isPending}
          canPick={(n) => n.kind === 'community'}
          value={filters.communityId}
          allowClear
          placeholder={t('activities.ui.allCommunities')}
          onChange={(v: string | undefined) => update({ communityId: v })}
        />
      </div>
      <Select
        allowClear
        style={{ width: isPhone ? '100%' : 120 }}
        placeholder={t('activities.ui.allStatuses')}
        value={filters.status}
        options={activityStatuses.map((v) => ({ value: v, label: t(`activities.statuses.${v}`) }))}
        onChange={(v?: string) => update({ status: v })}
      />
      <DatePicker.RangePicker
        style={{ width: isPhone ? '100%' : 240 }}
        onChange={(r: [Dayjs | null, Dayjs | null] | null) =>
          update({ from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') })
        }
      />
    </Space>
  );

  const body = (
    <ListState
      loading={list.isPending}
      error={list.error}
      onRetry={() => void list.refetch()}
      empty={items.length === 0}
      emptyText={canManage ? t('activities.ui.empty') : t('activities.ui.emptyReader')}
    >
      {isPhone ? (
        <List
          dataSource={items}
          renderItem={(a) => (
            <List.Item
              onClick={() => void navigate(`/activities/${a.id}`)}
              extra={<ActivityStatusTag status={a.status} />}
            >
              <List.Item.Meta
                title={<Link to={`/activities/${a.id}`}>{a.title}</Link>}
                description={
                  <>
                    <div>
                      {t(`activities.types.${a.type}`)} · {a.communityName}
                    </div>
                    <div>{when(a)}</div>
                    <div>{checkInCount(t, a)}</div>
                  </>
                }
              />
            </List.Item>
          )}
          pagination={
            (list.data?.total ?? 0) > pageSize
              ? {
                  current: page,
                  pageSize,
                  total: list.data?.total,
                  onChange: setPage,
                  simple: true,
                }
              : false
          }
        />
      ) : (
        <Table<Activity>
          rowKey="id"
          dataSource={items}
          pagination={{ current: page, pageSize, total: list.data?.total, onChange: setPage }}
          columns={[
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
            { title: t('activities.fields.time'), key: 'time', render: (_, a) => when(a) },
            { title: t('activities.fields.place'), dataIndex: 'place', ellipsis: true },
            {
              title: t('activities.fields.partners'),
              key: 'partners',
              render: (_, a) => partners(a),
            },
            {
              title: t('activities.fields.checkedIn'),
              key: 'checkedIn',
              render: (_, a) =>
                a.capacity === null ? a.checkedIn : `${a.checkedIn} / ${a.capacity}`,
            },
            {
              title: t('activities.fields.status'),
              key: 'status',
              render: (_, a) => <ActivityStatusTag status={a.status} />,
            },
          ]}
        />
      )}
    </ListState>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="activities-page">
      <Card
        title={isPhone ? undefined : t('activities.ui.listTitle')}
        size={isPhone ? 'small' : undefined}
        extra={
          !isPhone && (
            <Space>
              <Button icon={<TeamOutlined />} onClick={() => setDialog('partners')}>
                {t('activities.ui.managePartners')}
              </Button>
              <Button
                icon={<DownloadOutlined />}
                loading={exporting}
                onClick={() => void exportExcel()}
              >
                {t('activities.ui.exportExcel')}
              </Button>
              {createButton}
            </Space>
          )
        }
      >
        {filterBar}
        {body}
      </Card>
      {isPhone && createButton && <PhoneActionBar>{createButton}</PhoneActionBar>}
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
    </Space>
  );
}
