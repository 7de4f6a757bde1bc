import { useState } from 'react';
import { useNavigate } from 'react-router';
import { Card, List, Segmented, Space, Table, Typography } from 'antd';
import { RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail, CampaignHousehold } from '../../../../common/schemas/campaigns';
import { ListState } from '../../components/list-state';
import { formatTime } from '../../i18n';
import { OutcomeTag } from './campaign-tags';
import { type HouseholdFilter, useCampaignHouseholds } from './campaigns-api';

const filters: HouseholdFilter[] = ['pending', 'notHome', 'delivered', 'refused'];

/** On the phone the count goes under the word, so four filters fit 390 px without cutting either. */
function useFilterOptions(counts?: Record<string, number>, stacked = false) {
  const { t } = useTranslation();
  return filters.map((f) => ({
    value: f,
    label: stacked ? (
      <div style={{ lineHeight: 1.3, padding: '4px 0' }}>
        <div>{t(`campaigns.filters.${f}`)}</div>
        <div style={{ fontWeight: 600 }}>{counts?.[f] ?? '–'}</div>
      </div>
    ) : (
      `${t(`campaigns.filters.${f}`)} ${counts?.[f] ?? ''}`.trim()
    ),
  }));
}

/** The desk's list of the campaign's households, filtered by their latest outcome. */
export function DeskHouseholds({ campaign: c }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<HouseholdFilter | 'all'>('all');
  const list = useCampaignHouseholds(c.id, { filter: filter === 'all' ? undefined : filter });
  const counts = list.data?.counts;
  const options = useFilterOptions(counts);
  const col = 'campaigns.columns';
  return (
    <Card size="small" title={t('campaigns.households')}>
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Segmented<HouseholdFilter | 'all'>
          value={filter}
          onChange={setFilter}
          options={[
            { value: 'all', label: `${t('campaigns.filters.all')} ${counts?.all ?? ''}`.trim() },
            ...options,
          ]}
        />
        <ListState
          loading={list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          empty={(list.data?.items.length ?? 0) === 0}
          emptyText={t('campaigns.emptyHouseholds')}
          emptyHint={counts?.all === 0 ? t('campaigns.emptyHouseholdsHint') : undefined}
        >
          <Table<CampaignHousehold>
            rowKey="householdId"
            size="small"
            dataSource={list.data?.items}
            pagination={{ pageSize: 20, showTotal: (total) => t('common.total', { total }) }}
            onRow={(h) => ({
              onClick: () => void navigate(`/campaigns/${c.id}/households/${h.householdId}`),
              style: { cursor: 'pointer' },
            })}
            columns={[
              { title: t(`${col}.community`), dataIndex: 'communityName' },
              { title: t(`${col}.grid`), dataIndex: 'gridName' },
              { title: t(`${col}.address`), dataIndex: 'address' },
              { title: t(`${col}.head`), dataIndex: 'headName' },
              {
                title: t(`${col}.outcome`),
                render: (_, h) => <OutcomeTag outcome={h.outcome} />,
              },
              { title: t('campaigns.history'), dataIndex: 'visits' },
              {
                title: t(`${col}.at`),
                render: (_, h) =>
                  h.lastVisitAt ? `${formatTime(h.lastVisitAt)} · ${h.lastWorker ?? ''}` : '',
              },
            ]}
          />
        </ListState>
      </Space>
    </Card>
  );
}

/** The grid worker's round: the households of their grid, the ones still to visit first. */
export function PhoneHouseholds({ campaign: c }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<HouseholdFilter>('pending');
  const list = useCampaignHouseholds(c.id, { filter, mine: c.canVisit });
  const counts = list.data?.counts;
  const options = useFilterOptions(counts, true);
  return (
    <Card size="small" title={t('campaigns.households')} className="campaign-round">
      <Space direction="vertical" size="middle" style={{ width: '100%' }}>
        <Segmented<HouseholdFilter>
          block
          size="large"
          value={filter}
          onChange={setFilter}
          options={options}
          className="campaign-filter"
        />
        <ListState
          loading={list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          empty={(list.data?.items.length ?? 0) === 0}
          emptyText={t('campaigns.emptyHouseholds')}
          emptyHint={counts?.all === 0 ? t('campaigns.emptyHouseholdsHint') : undefined}
        >
          <List
            dataSource={list.data?.items}
            renderItem={(h) => (
              <List.Item
                className="campaign-household"
                style={{ cursor: 'pointer', minHeight: 64 }}
                onClick={() => void navigate(`/campaigns/${c.id}/households/${h.householdId}`)}
                extra={<RightOutlined />}
              >
                <Space direction="vertical" size={2}>
                  <Typography.Text strong style={{ fontSize: 16 }}>
                    {h.address} · {h.headName}
                  </Typography.Text>
                  <Space wrap size={4}>
                    <OutcomeTag outcome={h.outcome} />
                    <Typography.Text type="secondary">
                      {h.gridName}
                      {h.visits > 0 && ` · ${t('campaigns.visitCount', { count: h.visits })}`}
                    </Typography.Text>
                  </Space>
                </Space>
              </List.Item>
            )}
          />
        </ListState>
      </Space>
    </Card>
  );
}
