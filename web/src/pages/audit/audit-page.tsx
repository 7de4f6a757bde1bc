import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { App, Button, Card, DatePicker, Input, Pagination } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { AuditQuery } from '../../../../common/schemas/audit';
import { shanghaiToday } from '../../../../common/time';
import { apiDownload } from '../../api';
import { ListState } from '../../components/list-state';
import { useIsPhone } from '../../use-is-phone';
import { useAuditPage } from './audit-api';
import { AuditCards, AuditTable } from './audit-list';

const filterKeys = ['username', 'entity', 'action', 'from', 'to'] as const;
type FilterKey = (typeof filterKeys)[number];

function useAuditQuery() {
  const [params, setParams] = useSearchParams();
  const filters: Partial<Pick<AuditQuery, FilterKey>> = {};
  for (const key of filterKeys) filters[key] = params.get(key) ?? undefined;
  const query: Partial<AuditQuery> = {
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
      if (!('page' in changes)) next.delete('page');
      return next;
    });
  return { filters, query, update };
}

export function AuditPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const { filters, query, update } = useAuditQuery();
  const list = useAuditPage(query);
  const [exporting, setExporting] = useState(false);
  const items = list.data?.items ?? [];

  const exportExcel = async () => {
    setExporting(true);
    try {
      await apiDownload(
        '/audit/export.xlsx',
        filters,
        `audit-${shanghaiToday().replaceAll('-', '')}.xlsx`,
      );
    } catch (error) {
      void message.error(
        `${t('common.exportFailed')}: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setExporting(false);
    }
  };

  const textFilter = (key: 'username' | 'entity' | 'action') => (
    <Input.Search
      key={key}
      allowClear
      defaultValue={filters[key]}
      placeholder={t(`audit.${key}`)}
      aria-label={t(`audit.${key}`)}
      onSearch={(value) => update({ [key]: value.trim() })}
      className="filter-search"
    />
  );

  return (
    <Card
      title={isPhone ? undefined : t('audit.title')}
      extra={
        !isPhone && (
          <Button
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void exportExcel()}
          >
            {t('common.export')}
          </Button>
        )
      }
    >
      <div className="filter-bar">
        {textFilter('username')}
        {textFilter('entity')}
        {textFilter('action')}
        <DatePicker.RangePicker
          allowEmpty={[true, true]}
          placeholder={[t('audit.startDate'), t('audit.endDate')]}
          value={[filters.from ? dayjs(filters.from) : null, filters.to ? dayjs(filters.to) : null]}
          onChange={(range) =>
            update({
              from: range?.[0]?.format('YYYY-MM-DD'),
              to: range?.[1]?.format('YYYY-MM-DD'),
            })
          }
          className="filter-range"
        />
        {isPhone && (
          <Button
            block
            icon={<DownloadOutlined />}
            loading={exporting}
            onClick={() => void exportExcel()}
          >
            {t('common.export')}
          </Button>
        )}
      </div>
      <ListState
        loading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={items.length === 0}
        emptyText={t('audit.empty')}
        emptyHint={t('audit.emptyHint')}
      >
        {isPhone ? (
          <AuditCards items={items} />
        ) : (
          <AuditTable items={items} loading={list.isFetching} />
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
