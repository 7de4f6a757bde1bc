import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { App, Button, Card, Input, List, Pagination, Select, Space, Table } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  tipChannels,
  tipStatuses,
  tipTopics,
  type Tip,
  type TipChannel,
  type TipStatus,
  type TipTopic,
} from '../../../../common/schemas/tips';
import { shanghaiToday } from '../../../../common/time';
import { apiDownload } from '../../api';
import { ListState } from '../../components/list-state';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';
import { PhoneActionBar } from '../people/phone-action-bar';
import { TipStatusTag } from './tip-tags';
import { useTipPage, type TipListQuery } from './tips-api';

/** 居民诉求台账: the tips of the caller's area with filters, export and the intake button. */
export function TipsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const query: TipListQuery = {
    status: (params.get('status') as TipStatus | null) ?? undefined,
    topic: (params.get('topic') as TipTopic | null) ?? undefined,
    channel: (params.get('channel') as TipChannel | null) ?? undefined,
    q: params.get('q') ?? undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: Number(params.get('pageSize') ?? 20),
  };
  const update = (changes: Record<string, string | number | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [k, v] of Object.entries(changes)) {
        if (v === undefined || v === '') next.delete(k);
        else next.set(k, String(v));
      }
      if (!('page' in changes)) next.delete('page');
      return next;
    });
  const list = useTipPage(query);
  const items = list.data?.items ?? [];
  const [exporting, setExporting] = useState(false);

  const exportExcel = async () => {
    setExporting(true);
    try {
      const filters = {
        status: query.status,
        topic: query.topic,
        channel: query.channel,
        q: query.q,
      };
      await apiDownload(
        '/tips/export.xlsx',
        filters,
        `tips-${shanghaiToday().replaceAll('-', '')}.xlsx`,
      );
    } catch (error) {
      void message.error(
        `${t('common.exportFailed')}: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setExporting(false);
    }
  };

  const intakeButton = (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      size={isPhone ? 'large' : undefined}
      block={isPhone}
      onClick={() => void navigate('/tips/new')}
    >
      {t('tips.ui.intake')}
    </Button>
  );
  const contact = (tip: Tip) =>
    tip.contactName || tip.contactPhone
      ? [tip.contactName, tip.contactPhone].filter(Boolean).join(' ')
      : t('tips.ui.anonymous');
  const where = (tip: Tip) =>
    [tip.communityName ?? tip.streetName, tip.address].filter(Boolean).join(' · ');

  return (
    <Card
      title={isPhone ? undefined : t('tips.ui.title')}
      extra={
        !isPhone && (
          <Space>
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={() => void exportExcel()}
            >
              {t('common.export')}
            </Button>
            {intakeButton}
          </Space>
        )
      }
    >
      <div className="filter-bar">
        <Input.Search
          allowClear
          defaultValue={query.q}
          placeholder={t('tips.ui.search')}
          aria-label={t('tips.ui.search')}
          onSearch={(q) => update({ q: q.trim() })}
          className="filter-search"
          enterButton
        />
        <Select<TipStatus>
          allowClear
          placeholder={t('tips.ui.filterStatus')}
          aria-label={t('tips.ui.filterStatus')}
          value={query.status}
          onChange={(status) => update({ status })}
          options={tipStatuses.map((s) => ({ value: s, label: t(`tips.statuses.${s}`) }))}
          className="filter-select"
        />
        <Select<TipTopic>
          allowClear
          placeholder={t('tips.ui.filterTopic')}
          aria-label={t('tips.ui.filterTopic')}
          value={query.topic}
          onChange={(topic) => update({ topic })}
          options={tipTopics.map((s) => ({ value: s, label: t(`tips.topics.${s}`) }))}
          className="filter-select"
        />
        <Select<TipChannel>
          allowClear
          placeholder={t('tips.ui.filterChannel')}
          aria-label={t('tips.ui.filterChannel')}
          value={query.channel}
          onChange={(channel) => update({ channel })}
          options={tipChannels.map((s) => ({ value: s, label: t(`tips.channels.${s}`) }))}
          className="filter-select"
        />
      </div>
      <ListState
        loading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={items.length === 0}
        emptyText={t('tips.ui.empty')}
      >
        {isPhone ? (
          <List
            dataSource={items}
            renderItem={(tip) => (
              <List.Item
                onClick={() => void navigate(`/tips/${tip.id}`)}
                extra={<TipStatusTag status={tip.status} />}
              >
                <List.Item.Meta
                  title={<Link to={`/tips/${tip.id}`}>{tip.description.slice(0, 40)}</Link>}
                  description={
                    <>
                      <div>
                        {tip.trackingCode} · {t(`tips.topics.${tip.topic}`)} ·{' '}
                        {formatTime(tip.createdAt)}
                      </div>
                      <div>{where(tip)}</div>
                    </>
                  }
                />
              </List.Item>
            )}
          />
        ) : (
          <Table<Tip>
            rowKey="id"
            dataSource={items}
            loading={list.isFetching}
            pagination={false}
            columns={[
              {
                title: t('tips.fields.trackingCode'),
                key: 'code',
                width: 140,
                render: (_, tip) => <Link to={`/tips/${tip.id}`}>{tip.trackingCode}</Link>,
              },
              {
                title: t('tips.fields.createdAt'),
                key: 'at',
                width: 140,
                render: (_, tip) => formatTime(tip.createdAt),
              },
              {
                title: t('tips.fields.topic'),
                key: 'topic',
                width: 90,
                render: (_, tip) => t(`tips.topics.${tip.topic}`),
              },
              {
                // What and where in one column: the description is what staff scan the list for.
                title: t('tips.fields.description'),
                key: 'description',
                ellipsis: true,
                render: (_, tip) => (
                  <>
                    <Link to={`/tips/${tip.id}`}>{tip.description}</Link>
                    <div className="muted small tip-where">{where(tip)}</div>
                  </>
                ),
              },
              {
                title: t('tips.fields.channel'),
                key: 'channel',
                width: 90,
                render: (_, tip) => t(`tips.channels.${tip.channel}`),
              },
              {
                title: t('tips.fields.contactName'),
                key: 'contact',
                width: 150,
                render: (_, tip) => contact(tip),
              },
              {
                title: t('tips.fields.status'),
                key: 'status',
                width: 100,
                render: (_, tip) => <TipStatusTag status={tip.status} />,
              },
            ]}
          />
        )}
        <Pagination
          className="list-pagination"
          current={list.data?.page ?? query.page}
          pageSize={list.data?.pageSize ?? query.pageSize}
          total={list.data?.total ?? 0}
          showSizeChanger={!isPhone}
          simple={isPhone}
          showTotal={(total) => t('common.total', { total })}
          onChange={(page, pageSize) => update({ page, pageSize })}
        />
      </ListState>
      {isPhone && <PhoneActionBar>{intakeButton}</PhoneActionBar>}
    </Card>
  );
}
