import { Link, useSearchParams } from 'react-router';
import { Button, Card, Input, Pagination, Select, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { SafetyCertificateOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { placeCategories, type Place } from '../../../../common/schemas/places';
import { apiGet } from '../../api';
import { ListState } from '../../components/list-state';
import { useIsPhone } from '../../use-is-phone';

type PlaceCategory = (typeof placeCategories)[number];
interface PlacePage {
  items: Place[];
  total: number;
  page: number;
  pageSize: number;
}

function InspectButton({ place, block }: { place: Place; block?: boolean }) {
  const { t } = useTranslation();
  return (
    <Link to={`/inspections/new?placeId=${place.id}`}>
      <Button
        type="primary"
        ghost
        block={block}
        size={block ? 'large' : undefined}
        icon={<SafetyCertificateOutlined />}
      >
        {t('placeUi.inspect.start')}
      </Button>
    </Link>
  );
}

/**
 * 场所台账, read-only for now: search and filter, and 开始检查 from each place.
 * TODO(grid): add/edit, Excel export/import and the place page with its inspections and notices.
 */
export function PlacesPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [params, setParams] = useSearchParams();
  const query = {
    q: params.get('q') ?? undefined,
    category: params.get('category') ?? undefined,
    page: Number(params.get('page') ?? 1),
    pageSize: Number(params.get('pageSize') ?? 20),
  };
  const list = useQuery({
    queryKey: ['places', 'list', query],
    queryFn: () => apiGet<PlacePage>('/places', query),
    placeholderData: keepPreviousData,
  });
  const update = (changes: Record<string, string | number | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      if (!('page' in changes)) next.delete('page');
      return next;
    });
  const items = list.data?.items ?? [];
  const columns: TableProps<Place>['columns'] = [
    { key: 'name', title: t('places.fields.name'), render: (_, p) => <strong>{p.name}</strong> },
    {
      key: 'category',
      title: t('places.fields.category'),
      width: 130,
      render: (_, p) => t(`places.categories.${p.category}`),
    },
    {
      key: 'grid',
      title: t('places.fields.grid'),
      width: 200,
      render: (_, p) => `${p.communityName} · ${p.gridName}`,
    },
    { key: 'address', title: t('places.fields.address'), ellipsis: true, dataIndex: 'address' },
    {
      key: 'status',
      title: t('places.fields.status'),
      width: 90,
      render: (_, p) => (
        <Tag color={p.status === 'active' ? 'green' : 'default'}>
          {t(`places.statuses.${p.status}`)}
        </Tag>
      ),
    },
    {
      key: 'inspect',
      title: t('common.actions'),
      width: 140,
      render: (_, p) => p.status === 'active' && <InspectButton place={p} />,
    },
  ];

  return (
    <Card title={isPhone ? undefined : t('places.register')}>
      <div className="filter-bar">
        <Input.Search
          allowClear
          defaultValue={query.q}
          placeholder={t('placeUi.list.searchPlaceholder')}
          aria-label={t('placeUi.list.searchPlaceholder')}
          onSearch={(q) => update({ q: q.trim() })}
          className="filter-search"
          enterButton
        />
        <Select<PlaceCategory>
          allowClear
          placeholder={t('places.fields.category')}
          aria-label={t('places.fields.category')}
          value={query.category as PlaceCategory | undefined}
          onChange={(category) => update({ category })}
          options={placeCategories.map((c) => ({ value: c, label: t(`places.categories.${c}`) }))}
          className="filter-select"
        />
      </div>
      <ListState
        loading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={items.length === 0}
        emptyText={t('placeUi.list.empty')}
      >
        {isPhone ? (
          <div className="card-list">
            {items.map((p) => (
              <Card key={p.id} size="small">
                <div className="case-card-head">
                  <strong>{p.name}</strong>
                  <Tag>{t(`places.categories.${p.category}`)}</Tag>
                </div>
                <div className="muted small">{p.address}</div>
                <div className="muted small">
                  {p.communityName} · {p.gridName}
                </div>
                {p.status === 'active' && (
                  <div className="place-card-action">
                    <InspectButton place={p} block />
                  </div>
                )}
              </Card>
            ))}
          </div>
        ) : (
          <Table<Place>
            rowKey="id"
            columns={columns}
            dataSource={items}
            loading={list.isFetching}
            pagination={false}
            scroll={{ x: 900 }}
            size="middle"
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
    </Card>
  );
}
