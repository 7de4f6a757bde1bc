import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Button, Card, Input, List, Segmented, Select, Space, Table, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  campaignStatuses,
  type Campaign,
  type CampaignStatus,
} from '../../../../common/schemas/campaigns';
import type { Role } from '../../../../common/roles';
import { useMe } from '../../auth';
import { ListState } from '../../components/list-state';
import { useIsPhone } from '../../use-is-phone';
import { CampaignFormModal } from './campaign-form';
import { CampaignStatusTag, CoverageBar } from './campaign-tags';
import { useCampaignPage } from './campaigns-api';

const EDITORS: readonly Role[] = ['districtAdmin', 'streetAdmin', 'communityStaff'];

/**
 * 宣传走访: the campaign register on the desk (status filter, coverage bars, new campaign); on the
 * phone, the campaigns to work on as big cards, active ones first.
 */
export function CampaignsPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const me = useMe();
  const navigate = useNavigate();
  const canCreate = me.roles.some((r) => EDITORS.includes(r.role));
  const isWorker = me.roles.some((r) => r.role === 'gridWorker');
  const [status, setStatus] = useState<CampaignStatus | undefined>(
    isPhone && isWorker ? 'active' : undefined,
  );
  const [q, setQ] = useState<string>();
  const [page, setPage] = useState(1);
  const [creating, setCreating] = useState(false);
  const pageSize = 20;
  const list = useCampaignPage({ status, q, page, pageSize });
  const items = list.data?.items ?? [];

  const statusFilter = isPhone ? (
    <Segmented<CampaignStatus | 'all'>
      block
      size="large"
      value={status ?? 'all'}
      onChange={(v) => {
        setStatus(v === 'all' ? undefined : v);
        setPage(1);
      }}
      options={[
        { value: 'all', label: t('campaigns.filters.all') },
        ...campaignStatuses.map((s) => ({ value: s, label: t(`campaigns.statuses.${s}`) })),
      ]}
    />
  ) : (
    <Space wrap>
      <Select<CampaignStatus>
        allowClear
        style={{ width: 140 }}
        placeholder={t('campaigns.fields.status')}
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        options={campaignStatuses.map((s) => ({ value: s, label: t(`campaigns.statuses.${s}`) }))}
      />
      <Input.Search
        allowClear
        style={{ width: 240 }}
        placeholder={t('campaigns.fields.title')}
        onSearch={(v) => {
          setQ(v.trim() || undefined);
          setPage(1);
        }}
      />
    </Space>
  );

  const body = (
    <ListState
      loading={list.isPending}
      error={list.error}
      onRetry={() => void list.refetch()}
      empty={items.length === 0}
      emptyText={isWorker && !canCreate ? t('campaigns.emptyWorker') : t('campaigns.empty')}
    >
      {isPhone ? (
        <List
          dataSource={items}
          renderItem={(c) => (
            <List.Item
              className="campaign-card"
              style={{ cursor: 'pointer', minHeight: 64 }}
              onClick={() => void navigate(`/campaigns/${c.id}`)}
            >
              <Space direction="vertical" size={4} style={{ width: '100%' }}>
                <Space wrap>
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {c.title}
                  </Typography.Text>
                  <CampaignStatusTag status={c.status} />
                </Space>
                <Typography.Text type="secondary">
                  {c.startDate} – {c.endDate} · {c.materials.join('、')}
                </Typography.Text>
                <CoverageBar {...c.summary} />
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Table<Campaign>
          rowKey="id"
          dataSource={items}
          pagination={{
            current: page,
            pageSize,
            total: list.data?.total ?? 0,
            onChange: setPage,
            showTotal: (total) => t('common.total', { total }),
          }}
          columns={[
            {
              title: t('campaigns.fields.title'),
              dataIndex: 'title',
              render: (_, c) => <Link to={`/campaigns/${c.id}`}>{c.title}</Link>,
            },
            { title: t('campaigns.fields.owner'), render: (_, c) => c.owner.name },
            {
              title: t('campaigns.fields.targets'),
              render: (_, c) => c.targets.map((x) => x.name).join('、'),
            },
            {
              title: t('campaigns.fields.materials'),
              render: (_, c) => c.materials.join('、'),
            },
            {
              title: t('campaigns.fields.dates'),
              render: (_, c) => `${c.startDate} – ${c.endDate}`,
              width: 200,
            },
            {
              title: t('campaigns.fields.status'),
              render: (_, c) => <CampaignStatusTag status={c.status} />,
              width: 100,
            },
            {
              title: t('campaigns.coverage.share'),
              render: (_, c) => <CoverageBar {...c.summary} />,
              width: 200,
            },
          ]}
        />
      )}
    </ListState>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        size="small"
        title={isPhone ? undefined : t('campaigns.title')}
        extra={
          !isPhone &&
          canCreate && (
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {t('campaigns.newCampaign')}
            </Button>
          )
        }
      >
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          {statusFilter}
          {body}
        </Space>
      </Card>
      <CampaignFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(c) => void navigate(`/campaigns/${c.id}`)}
      />
    </Space>
  );
}
