import { useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import {
  App,
  Button,
  Card,
  Descriptions,
  List,
  Segmented,
  Skeleton,
  Space,
  Table,
  Tabs,
  Tag,
  Typography,
} from 'antd';
import {
  CaretRightOutlined,
  DownloadOutlined,
  EditOutlined,
  FlagOutlined,
  RightOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type {
  CampaignDetail,
  CampaignHousehold,
  CoverageRow,
} from '../../../../common/schemas/campaigns';
import { ListState } from '../../components/list-state';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';
import { CampaignFormModal } from './campaign-form';
import { CampaignStatusTag, CoverageBar, OutcomeTag } from './campaign-tags';
import {
  useCampaign,
  useCampaignHouseholds,
  useCampaignWrites,
  type HouseholdFilter,
} from './campaigns-api';

export function CampaignPage() {
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  return (
    <ListState
      loading={campaign.isPending}
      error={campaign.error}
      onRetry={() => void campaign.refetch()}
      empty={false}
      emptyText=""
    >
      {campaign.data ? <CampaignView campaign={campaign.data} /> : <Skeleton active />}
    </ListState>
  );
}

function CampaignView({ campaign: c }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isPhone = useIsPhone();
  const writes = useCampaignWrites();
  const [editing, setEditing] = useState(false);

  const setStatus = (status: CampaignDetail['status'], label: string) =>
    modal.confirm({
      title: label,
      content: c.title,
      okText: label,
      onOk: async () => {
        try {
          await writes.update(c.id, { version: c.version, status });
          void message.success(t('campaigns.saved'));
        } catch (error) {
          void message.error(error instanceof Error ? error.message : t('common.loadFailed'));
        }
      },
    });
  const exportVisits = async () => {
    try {
      const headers = await writes.exportVisits(c.id);
      void message.success(
        t('campaigns.exported', { count: Number(headers.get('x-exported-count') ?? 0) }),
      );
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('common.exportFailed'));
    }
  };

  const actions = !isPhone && (
    <Space wrap>
      {c.canEdit && c.status === 'planned' && (
        <Button
          type="primary"
          icon={<CaretRightOutlined />}
          onClick={() => setStatus('active', t('campaigns.start'))}
        >
          {t('campaigns.start')}
        </Button>
      )}
      {c.canEdit && c.status === 'active' && (
        <Button icon={<FlagOutlined />} onClick={() => setStatus('ended', t('campaigns.end'))}>
          {t('campaigns.end')}
        </Button>
      )}
      {c.canEdit && c.status === 'ended' && (
        <Button onClick={() => setStatus('active', t('campaigns.reopen'))}>
          {t('campaigns.reopen')}
        </Button>
      )}
      {c.canEdit && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
          {t('common.edit')}
        </Button>
      )}
      <Button icon={<DownloadOutlined />} onClick={() => void exportVisits()}>
        {t('campaigns.exportVisits')}
      </Button>
    </Space>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="campaign-page">
      <Card
        size="small"
        title={
          <Space wrap>
            <span style={{ whiteSpace: 'normal' }}>{c.title}</span>
            <CampaignStatusTag status={c.status} />
          </Space>
        }
        extra={actions}
      >
        <Descriptions
          size="small"
          column={isPhone ? 1 : 3}
          items={[
            ...(isPhone
              ? []
              : [{ key: 'owner', label: t('campaigns.fields.owner'), children: c.owner.name }]),
            {
              key: 'dates',
              label: t('campaigns.fields.dates'),
              children: `${c.startDate} – ${c.endDate}`,
            },
            {
              key: 'targets',
              label: t('campaigns.fields.targets'),
              children: c.targets.map((x) => x.name).join('、'),
            },
            {
              key: 'materials',
              label: t('campaigns.fields.materials'),
              children: (
                <Space wrap size={4}>
                  {c.materials.map((m) => (
                    <Tag key={m}>{m}</Tag>
                  ))}
                </Space>
              ),
            },
            {
              key: 'survey',
              label: t('campaigns.fields.survey'),
              children: c.survey?.title ?? t('campaigns.fields.surveyNone'),
            },
            ...(c.note && !isPhone
              ? [{ key: 'note', label: t('campaigns.fields.note'), children: c.note }]
              : []),
          ]}
        />
        <div style={{ maxWidth: 420, marginTop: 8 }}>
          <CoverageBar {...c.summary} />
        </div>
      </Card>
      {isPhone ? (
        <PhoneHouseholds campaign={c} />
      ) : (
        <>
          <CoverageCard campaign={c} />
          <DeskHouseholds campaign={c} />
        </>
      )}
      {isPhone && <CoverageCard campaign={c} />}
      <CampaignFormModal open={editing} onClose={() => setEditing(false)} campaign={c} />
    </Space>
  );
}

function CoverageTable({ rows, worker }: { rows: CoverageRow[]; worker?: boolean }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const k = 'campaigns.coverage';
  // Seven columns do not fit 390 px (headers wrapped a character a line, 覆盖率 cut off): on a
  // phone each unit is a card of its figures, its coverage bar full width below them.
  if (isPhone) return <CoverageCards rows={rows} worker={worker} />;
  return (
    <Table<CoverageRow>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      columns={[
        {
          title: t(`${k}.name`),
          render: (_, r) => (r.communityName ? `${r.communityName} ${r.name}` : r.name),
        },
        ...(worker ? [] : [{ title: t(`${k}.target`), dataIndex: 'target' as const }]),
        { title: t(`${k}.visited`), dataIndex: 'visited' },
        { title: t(`${k}.reached`), dataIndex: 'reached' },
        { title: t(`${k}.notHome`), dataIndex: 'notHome' },
        { title: t(`${k}.refused`), dataIndex: 'refused' },
        ...(worker
          ? []
          : [
              {
                title: t(`${k}.share`),
                width: 200,
                render: (_: unknown, r: CoverageRow) => (
                  <CoverageBar reached={r.reached} target={r.target ?? 0} share={r.share} />
                ),
              },
            ]),
      ]}
    />
  );
}

function CoverageCards({ rows, worker }: { rows: CoverageRow[]; worker?: boolean }) {
  const { t } = useTranslation();
  const k = 'campaigns.coverage';
  return (
    <div className="coverage-cards">
      {rows.map((r) => {
        const figures: {
          key: 'target' | 'visited' | 'reached' | 'notHome' | 'refused';
          value: number;
        }[] = [
          ...(worker ? [] : [{ key: 'target' as const, value: r.target ?? 0 }]),
          { key: 'visited', value: r.visited },
          { key: 'reached', value: r.reached },
          { key: 'notHome', value: r.notHome },
          { key: 'refused', value: r.refused },
        ];
        return (
          <section key={r.id} className="coverage-unit" aria-label={r.name}>
            <Typography.Text strong className="coverage-unit-name">
              {r.communityName ? `${r.communityName} ${r.name}` : r.name}
            </Typography.Text>
            <dl className="coverage-figures">
              {figures.map((f) => (
                <div key={f.key}>
                  <dt>{t(`${k}.${f.key}`)}</dt>
                  <dd>{f.value}</dd>
                </div>
              ))}
            </dl>
            {!worker && (
              <div className="coverage-share">
                <span className="coverage-share-label">{t(`${k}.share`)}</span>
                <CoverageBar reached={r.reached} target={r.target ?? 0} share={r.share} />
              </div>
            )}
          </section>
        );
      })}
    </div>
  );
}

function CoverageCard({ campaign: c }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  return (
    <Card size="small" title={t('campaigns.coverage.title')} className="campaign-coverage">
      <Tabs
        items={[
          {
            key: 'grid',
            label: t('campaigns.coverage.byGrid'),
            children: <CoverageTable rows={c.coverage.byGrid} />,
          },
          {
            key: 'community',
            label: t('campaigns.coverage.byCommunity'),
            children: <CoverageTable rows={c.coverage.byCommunity} />,
          },
          {
            key: 'worker',
            label: t('campaigns.coverage.byWorker'),
            children: (
              <>
                <CoverageTable rows={c.coverage.byWorker} worker />
                <Typography.Text type="secondary">
                  {t('campaigns.coverage.workerNote')}
                </Typography.Text>
              </>
            ),
          },
        ]}
      />
    </Card>
  );
}

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

function DeskHouseholds({ campaign: c }: { campaign: CampaignDetail }) {
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
function PhoneHouseholds({ campaign: c }: { campaign: CampaignDetail }) {
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
