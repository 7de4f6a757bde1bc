import { Link } from 'react-router';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { tipChannels, tipStatuses, tipTopics, type Tip } from '../../../../common/schemas/tips';
import { RegisterCard } from '../../components/register/register-card';
import { FilterSearch, FilterSelect } from '../../components/register/register-filters';
import { RegisterPage } from '../../components/register/register-page';
import { useRegisterQuery } from '../../components/register/register-query';
import { formatTime } from '../../i18n';
import { TipStatusTag } from './tip-tags';
import { useTipList, type TipListQuery } from './tips-api';

const filterKeys = ['q', 'status', 'topic', 'channel'] as const;
type Filters = Pick<TipListQuery, (typeof filterKeys)[number]>;

/** 居民诉求台账: the tips of the caller's area with filters, export and the intake button. */
export function TipsPage() {
  const { t } = useTranslation();
  const query = useRegisterQuery<Filters>(filterKeys);
  const list = useTipList({ ...query.filters, page: query.page, pageSize: query.pageSize });
  const contact = (tip: Tip) =>
    tip.contactName || tip.contactPhone
      ? [tip.contactName, tip.contactPhone].filter(Boolean).join(' ')
      : t('tips.ui.anonymous');
  const where = (tip: Tip) =>
    [tip.communityName ?? tip.streetName, tip.address].filter(Boolean).join(' · ');
  const columns: TableProps<Tip>['columns'] = [
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
  ];

  return (
    <RegisterPage
      title={t('tips.ui.title')}
      query={query}
      list={list}
      export={{ path: '/tips/export.xlsx', name: 'tips' }}
      mainAction={{ label: t('tips.ui.intake'), to: '/tips/new' }}
      filters={
        <>
          <FilterSearch label={t('tips.ui.search')} />
          <FilterSelect
            name="status"
            label={t('tips.ui.filterStatus')}
            options={tipStatuses.map((s) => ({ value: s, label: t(`tips.statuses.${s}`) }))}
          />
          <FilterSelect
            name="topic"
            label={t('tips.ui.filterTopic')}
            options={tipTopics.map((s) => ({ value: s, label: t(`tips.topics.${s}`) }))}
          />
          <FilterSelect
            name="channel"
            label={t('tips.ui.filterChannel')}
            options={tipChannels.map((s) => ({ value: s, label: t(`tips.channels.${s}`) }))}
          />
        </>
      }
      columns={columns}
      card={(tip) => (
        <RegisterCard
          to={`/tips/${tip.id}`}
          title={tip.description.slice(0, 40)}
          tags={<TipStatusTag status={tip.status} />}
        >
          <div className="muted small">
            {tip.trackingCode} · {t(`tips.topics.${tip.topic}`)} · {formatTime(tip.createdAt)}
          </div>
          <div className="muted small">{where(tip)}</div>
        </RegisterCard>
      )}
      empty={{ text: t('tips.ui.empty') }}
    />
  );
}
