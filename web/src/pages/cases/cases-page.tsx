import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Card, Input, Pagination, Segmented, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CaseStage, RiskLevel } from '../../../../common/schemas/cases';
import { ListState } from '../../components/list-state';
import { useIsPhone } from '../../use-is-phone';
import { PhoneActionBar } from '../people/phone-action-bar';
import { CaseCreateDialog } from './case-create-dialog';
import { PendingReferrals } from '../tips/pending-referrals';
import { useCaseRoles } from './case-roles';
import { useCaseOptions } from './case-tags';
import { useCasePage, type CaseListQuery } from './cases-api';
import { CaseCards, CaseTable } from './cases-list';

const filterKeys = ['q', 'stage', 'status', 'riskLevel'] as const;

/**
 * Filters live in the address so a list can be shared or come back to from a case. A social worker
 * starts from their own caseload (scope=mine), a supervisor or admin from the whole station's.
 */
function useCaseQuery(defaultScope: 'all' | 'mine') {
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const scope =
    params.get('scope') === 'all' || params.get('scope') === 'mine'
      ? (params.get('scope') as 'all' | 'mine')
      : defaultScope;
  const query: CaseListQuery = {
    ...(filters as Partial<CaseListQuery>),
    mine: scope === 'mine' ? 'true' : undefined,
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
  return { filters, scope, query, update };
}

export function CasesPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const roles = useCaseRoles();
  const options = useCaseOptions();
  const { filters, scope, query, update } = useCaseQuery(roles.isWorker ? 'mine' : 'all');
  const list = useCasePage(query);
  const [creating, setCreating] = useState(false);
  const items = list.data?.items ?? [];

  const createButton = roles.canOpen && (
    <Button
      type="primary"
      block={isPhone}
      size={isPhone ? 'large' : undefined}
      icon={<PlusOutlined />}
      onClick={() => setCreating(true)}
    >
      {t('caseUi.list.newCase')}
    </Button>
  );

  return (
    <>
      {roles.isStationStaff && <PendingReferrals canTake={roles.canOpen} />}
      <Card title={isPhone ? undefined : t('caseUi.list.title')} extra={!isPhone && createButton}>
        <div className="filter-bar">
          {roles.isStationStaff && (
            <Segmented
              value={scope}
              onChange={(value) => update({ scope: value })}
              options={[
                { value: 'mine', label: t('caseUi.list.mine') },
                { value: 'all', label: t('caseUi.list.all') },
              ]}
              aria-label={t('caseUi.list.scope')}
              className="case-scope"
            />
          )}
          <Input.Search
            allowClear
            defaultValue={filters.q}
            placeholder={t('caseUi.list.searchPlaceholder')}
            aria-label={t('caseUi.list.search')}
            onSearch={(q) => update({ q: q.trim() })}
            className="filter-search"
            enterButton
          />
          <Select<CaseStage>
            allowClear
            placeholder={t('caseUi.list.stageFilter')}
            aria-label={t('caseUi.list.stageFilter')}
            value={filters.stage as CaseStage | undefined}
            onChange={(stage) => update({ stage })}
            options={options.stages}
            className="filter-select"
          />
          <Select
            allowClear
            placeholder={t('caseUi.list.statusFilter')}
            aria-label={t('caseUi.list.statusFilter')}
            value={filters.status}
            onChange={(status?: string) => update({ status })}
            options={options.statuses}
            className="filter-select"
          />
          <Select<RiskLevel>
            allowClear
            placeholder={t('caseUi.list.riskFilter')}
            aria-label={t('caseUi.list.riskFilter')}
            value={filters.riskLevel as RiskLevel | undefined}
            onChange={(riskLevel) => update({ riskLevel })}
            options={options.risks}
            className="filter-select"
          />
        </div>
        <ListState
          loading={list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          empty={items.length === 0}
          emptyText={t('caseUi.list.empty')}
          emptyHint={t(roles.canOpen ? 'caseUi.list.emptyHint' : 'caseUi.list.emptyHintReadOnly')}
        >
          {isPhone ? (
            <CaseCards items={items} />
          ) : (
            <CaseTable items={items} loading={list.isFetching} />
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
        <CaseCreateDialog open={creating} onClose={() => setCreating(false)} />
      </Card>
    </>
  );
}
