import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { App, Button, Card, Input, Pagination, Select, Space } from 'antd';
import { DownloadOutlined, PlusOutlined, UploadOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CareTag } from '../../../../common/people';
import type { ResidentQuery } from '../../../../common/schemas/people';
import type { OrgTreeNode } from '../../../../common/schemas/org';
import { shanghaiToday } from '../../../../common/time';
import { apiDownload } from '../../api';
import { ListState } from '../../components/list-state';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { useIsPhone } from '../../use-is-phone';
import { useOrgTree } from '../org/org-api';
import { indexTree } from '../org/org-tree-utils';
import { HouseholdCreateDialog } from './household-create-dialog';
import { ImportDialog } from '../imports/import-dialog';
import { UnfinishedImports } from '../imports/unfinished-imports';
import { useInvalidateResidents, useResidentPage } from './people-api';
import { usePeopleOptions } from './people-options';
import { ResidentCards, ResidentTable } from './residents-list';
import { PhoneActionBar } from './phone-action-bar';
import { useCanWritePeople } from './people-roles';

const filterKeys = ['q', 'careTag', 'communityId', 'gridId', 'status'] as const;
type Filters = Partial<Pick<ResidentQuery, (typeof filterKeys)[number]>>;

/** Filters live in the address so a list can be shared or come back to from a household. */
function useResidentQuery() {
  const [params, setParams] = useSearchParams();
  const filters: Filters = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) (filters as Record<string, string>)[key] = value;
  }
  const query: Partial<ResidentQuery> = {
    ...filters,
    page: Number(params.get('page') ?? 1),
    pageSize: Number(params.get('pageSize') ?? 20),
  };
  const update = (changes: Record<string, string | number | undefined>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(changes)) {
        if (value === undefined || value === '') next.delete(key);
        else next.set(key, String(value));
      }
      // Any new filter starts again from the first page.
      if (!('page' in changes)) next.delete('page');
      return next;
    });
  return { filters, query, update };
}

export function ResidentsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const canWrite = useCanWritePeople();
  const options = usePeopleOptions();
  const { filters, query, update } = useResidentQuery();
  const list = useResidentPage(query);
  const tree = useOrgTree(false);
  const [exporting, setExporting] = useState(false);
  const [dialog, setDialog] = useState<'create' | 'import' | null>(null);
  const [importId, setImportId] = useState<string | null>(null);
  const invalidateResidents = useInvalidateResidents();
  const openImport = (id: string | null) => {
    setImportId(id);
    setDialog('import');
  };
  const items = list.data?.items ?? [];
  const index = indexTree(tree.data ?? []);

  const exportExcel = async () => {
    setExporting(true);
    try {
      const headers = await apiDownload(
        '/residents/export.xlsx',
        filters,
        `residents-${shanghaiToday().replaceAll('-', '')}.xlsx`,
      );
      const total = Number(headers.get('x-total-count') ?? 0);
      const exported = Number(headers.get('x-exported-count') ?? total);
      if (exported < total)
        void message.warning(t('people.register.exportPartial', { total, exported }));
      else void message.success(t('people.register.exported', { count: exported }));
    } catch (error) {
      void message.error(
        `${t('common.exportFailed')}: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setExporting(false);
    }
  };

  // One picker for the area: a community filters by community, a grid by grid.
  const area = filters.gridId ?? filters.communityId;
  const pickArea = (id: string | undefined) => {
    const kind = id ? index.byId.get(id)?.kind : undefined;
    update({
      communityId: kind === 'community' ? id : undefined,
      gridId: kind === 'grid' ? id : undefined,
    });
  };
  const exportButton = (
    <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void exportExcel()}>
      {t('common.export')}
    </Button>
  );
  const importButton = canWrite && (
    <Button icon={<UploadOutlined />} onClick={() => openImport(null)}>
      {t('people.register.import')}
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
      {t('people.register.newHousehold')}
    </Button>
  );

  return (
    <Card
      title={isPhone ? undefined : t('people.register.title')}
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
      <UnfinishedImports kind="residents" enabled={canWrite} onOpen={openImport} />
      <div className="filter-bar">
        <Input.Search
          allowClear
          defaultValue={filters.q}
          placeholder={t(
            isPhone
              ? 'people.register.searchPlaceholderShort'
              : 'people.register.searchPlaceholder',
          )}
          aria-label={t('people.register.search')}
          onSearch={(q) => update({ q: q.trim() })}
          className="filter-search resident-search"
          enterButton
        />
        <Select<CareTag>
          allowClear
          placeholder={t('people.register.careTagFilter')}
          aria-label={t('people.register.careTagFilter')}
          value={filters.careTag}
          onChange={(careTag) => update({ careTag })}
          options={options.careTags}
          className="filter-select"
          popupMatchSelectWidth={false}
        />
        <Select
          allowClear
          placeholder={t('people.register.statusFilter')}
          aria-label={t('people.register.statusFilter')}
          value={filters.status}
          onChange={(status?: string) => update({ status })}
          options={options.statuses}
          className="filter-select"
        />
        <div className="filter-unit">
          <OrgUnitSelect
            tree={tree.data ?? []}
            loading={tree.isPending}
            allowClear
            canPick={(node: OrgTreeNode) => node.kind === 'community' || node.kind === 'grid'}
            placeholder={t('people.register.areaFilter')}
            value={area}
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
        emptyText={t('people.register.empty')}
        emptyHint={t('people.register.emptyHint')}
      >
        {isPhone ? (
          <ResidentCards items={items} />
        ) : (
          <ResidentTable items={items} loading={list.isFetching} />
        )}
        <Pagination
          className="list-pagination"
          current={list.data?.page ?? query.page}
          pageSize={list.data?.pageSize ?? query.pageSize}
          total={list.data?.total ?? 0}
          showSizeChanger={!isPhone}
          simple={isPhone}
          showTotal={(total) =>
            // Past the cap the server stops counting: say so rather than show a wrong number.
            list.data?.totalCapped
              ? t('common.totalCapped', { total: (total - 1).toLocaleString() })
              : t('common.total', { total })
          }
          onChange={(page, pageSize) => update({ page, pageSize })}
        />
      </ListState>
      {isPhone && createButton && <PhoneActionBar>{createButton}</PhoneActionBar>}
      <HouseholdCreateDialog open={dialog === 'create'} onClose={() => setDialog(null)} />
      <ImportDialog
        open={dialog === 'import'}
        onClose={() => setDialog(null)}
        kind="residents"
        importId={importId}
        templatePath="/households/import-template.xlsx"
        onImported={invalidateResidents}
      />
    </Card>
  );
}
