import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { App, Button, Card, Input, Pagination, Select, Space, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import {
  DownloadOutlined,
  PlusOutlined,
  SafetyCertificateOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { placeCategories, type Place } from '../../../../common/schemas/places';
import type { OrgTreeNode } from '../../../../common/schemas/org';
import { shanghaiToday } from '../../../../common/time';
import { apiDownload, apiGet } from '../../api';
import { ListState } from '../../components/list-state';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { useIsPhone } from '../../use-is-phone';
import { useOrgTree } from '../org/org-api';
import { indexTree } from '../org/org-tree-utils';
import { ImportDialog } from '../imports/import-dialog';
import { UnfinishedImports } from '../imports/unfinished-imports';
import { PhoneActionBar } from '../people/phone-action-bar';
import { PlaceFormDialog } from './place-form-dialog';
import { useCanWritePlaces, usePlaceWrites } from './places-api';

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
 * 场所台账: search and filter by category and area, 开始检查 from each place, register a place,
 * 导出 Excel and the two-step 导入 shared with the household ledger.
 */
export function PlacesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const canWrite = useCanWritePlaces();
  const writes = usePlaceWrites();
  const tree = useOrgTree(false);
  const index = indexTree(tree.data ?? []);
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const openImport = (id: string | null) => {
    setImportId(id);
    setDialog('import');
  };
  const [exporting, setExporting] = useState(false);
  const [params, setParams] = useSearchParams();
  const filters = {
    q: params.get('q') ?? undefined,
    category: params.get('category') ?? undefined,
    communityId: params.get('communityId') ?? undefined,
    gridId: params.get('gridId') ?? undefined,
  };
  const query = {
    ...filters,
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
  // One picker for the area: a community filters by community, a grid by grid.
  const pickArea = (id: string | undefined) => {
    const kind = id ? index.byId.get(id)?.kind : undefined;
    update({
      communityId: kind === 'community' ? id : undefined,
      gridId: kind === 'grid' ? id : undefined,
    });
  };
  const exportExcel = async () => {
    setExporting(true);
    try {
      const headers = await apiDownload(
        '/places/export.xlsx',
        filters,
        `places-${shanghaiToday().replaceAll('-', '')}.xlsx`,
      );
      const total = Number(headers.get('x-total-count') ?? 0);
      const exported = Number(headers.get('x-exported-count') ?? total);
      if (exported < total)
        void message.warning(t('people.register.exportPartial', { total, exported }));
      else void message.success(t('placeUi.register.exported', { count: exported }));
    } catch (error) {
      void message.error(
        `${t('common.exportFailed')}: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setExporting(false);
    }
  };
  const exportButton = (
    <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportExcel()}>
      {t('common.export')}
    </Button>
  );
  const importButton = canWrite && (
    <Button icon={<UploadOutlined />} onClick={() => openImport(null)}>
      {t('placeUi.register.import')}
    </Button>
  );
  const createButton = canWrite && (
    <Button
      type="primary"
      block={isPhone}
      size={isPhone ? 'large' : undefined}
      icon={<PlusOutlined />}
      onClick={() => setDialog('create')}
    >
      {t('placeUi.register.create')}
    </Button>
  );
  const columns: TableProps<Place>['columns'] = [
    {
      key: 'name',
      title: t('places.fields.name'),
      render: (_, p) => (
        <Link to={`/places/${p.id}`}>
          <strong>{p.name}</strong>
        </Link>
      ),
    },
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
    <Card
      title={isPhone ? undefined : t('places.register')}
      extra={
        !isPhone && (
          <Space>
            {exportButton}
            {importButton}
            {createButton}
          </Space>
        )
      }
    >
      <UnfinishedImports kind="places" enabled={canWrite} onOpen={openImport} />
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
        <div className="filter-unit">
          <OrgUnitSelect
            tree={tree.data ?? []}
            loading={tree.isPending}
            allowClear
            canPick={(node: OrgTreeNode) => node.kind === 'community' || node.kind === 'grid'}
            placeholder={t('placeUi.register.areaFilter')}
            value={filters.gridId ?? filters.communityId}
            onChange={pickArea}
          />
        </div>
        {isPhone && (
          <div className="phone-list-tools">
            {exportButton}
            {importButton}
          </div>
        )}
      </div>
      <ListState
        loading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={items.length === 0}
        emptyText={t('placeUi.list.empty')}
        emptyHint={canWrite ? t('placeUi.register.emptyHint') : undefined}
      >
        {isPhone ? (
          <div className="card-list">
            {items.map((p) => (
              <Card key={p.id} size="small">
                <div className="case-card-head">
                  <Link to={`/places/${p.id}`}>
                    <strong>{p.name}</strong>
                  </Link>
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
      {isPhone && createButton && <PhoneActionBar>{createButton}</PhoneActionBar>}
      <PlaceFormDialog
        open={dialog === 'create'}
        onClose={() => setDialog(null)}
        onSaved={(place) => void navigate(`/places/${place.id}`)}
      />
      <ImportDialog
        open={dialog === 'import'}
        onClose={() => setDialog(null)}
        kind="places"
        importId={importId}
        templatePath="/places/import-template.xlsx"
        onImported={writes.invalidate}
      />
    </Card>
  );
}
