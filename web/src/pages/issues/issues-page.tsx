import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { App, Button, Card, Checkbox, Input, Pagination, Select, Table, Tabs, Tag } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, PlusOutlined, RightOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  issueCategories,
  issueTabs,
  type Issue,
  type IssueCategory,
  type IssueTab,
} from '../../../../common/schemas/issues';
import type { OrgTreeNode } from '../../../../common/schemas/org';
import { apiDownload } from '../../api';
import { ListState } from '../../components/list-state';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';
import { useOrgTree } from '../org/org-api';
import { PhoneActionBar } from '../people/phone-action-bar';
import { DeadlineTag, IssueStatusTag } from './issue-tags';
import { useIssueCounts, useIssuePage, type IssueListQuery } from './issues-api';

const filterKeys = ['q', 'category', 'gridId', 'departmentId', 'overdue'] as const;
const issuePath = (issue: Issue) => `/issues/${issue.id}`;

/** Filters and the tab live in the address, so the board can be shared and come back to. */
function useIssueQuery() {
  const [params, setParams] = useSearchParams();
  const filters: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = params.get(key);
    if (value) filters[key] = value;
  }
  const tabParam = params.get('tab');
  const tabChosen = (issueTabs as readonly string[]).includes(tabParam ?? '');
  const tab: IssueTab = tabChosen ? (tabParam as IssueTab) : 'reported';
  const query: IssueListQuery = {
    ...(filters as Partial<IssueListQuery>),
    tab,
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
  /** Opens a tab in place of the address without one (no extra step back). */
  const openTab = (key: IssueTab) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('tab', key);
        return next;
      },
      { replace: true },
    );
  return { filters, tab, tabChosen, openTab, query, update };
}

function WhereLine({ issue }: { issue: Issue }) {
  return (
    <span className="muted">
      {[issue.communityName, issue.gridName, issue.placeName ?? issue.location?.text]
        .filter(Boolean)
        .join(' · ')}
    </span>
  );
}

function IssueTable({ items, loading }: { items: Issue[]; loading: boolean }) {
  const { t } = useTranslation();
  const columns: TableProps<Issue>['columns'] = [
    {
      key: 'description',
      title: t('issues.columns.description'),
      ellipsis: true,
      render: (_, issue) => <Link to={issuePath(issue)}>{issue.description}</Link>,
    },
    {
      key: 'category',
      title: t('issues.columns.category'),
      width: 90,
      render: (_, issue) => t(`issues.categories.${issue.category}`),
    },
    {
      key: 'where',
      title: t('issueUi.where'),
      width: 200,
      ellipsis: true,
      render: (_, issue) => <WhereLine issue={issue} />,
    },
    {
      key: 'status',
      title: t('issues.columns.status'),
      width: 180,
      render: (_, issue) => (
        <span className="issue-tags">
          <IssueStatusTag status={issue.status} />
          <DeadlineTag issue={issue} />
        </span>
      ),
    },
    {
      key: 'department',
      title: t('issues.columns.department'),
      width: 140,
      render: (_, issue) => issue.department?.name ?? '—',
    },
    {
      key: 'createdAt',
      title: t('issues.columns.createdAt'),
      width: 140,
      render: (_, issue) => formatTime(issue.createdAt),
    },
  ];
  return (
    <Table<Issue>
      rowKey="id"
      columns={columns}
      dataSource={items}
      loading={loading}
      pagination={false}
      scroll={{ x: 1000 }}
      size="middle"
      rowClassName={(issue) => (issue.overdue ? 'issue-row-overdue' : '')}
    />
  );
}

/** On the phone an issue is a card; the whole card is the way in. */
function IssueCards({ items }: { items: Issue[] }) {
  const { t } = useTranslation();
  return (
    <div className="card-list">
      {items.map((issue) => (
        <Link key={issue.id} to={issuePath(issue)} className="case-card-link">
          <Card
            size="small"
            className={issue.overdue ? 'issue-card issue-card-overdue' : 'issue-card'}
          >
            <div className="case-card-head">
              <span className="issue-tags">
                <Tag>{t(`issues.categories.${issue.category}`)}</Tag>
                <IssueStatusTag status={issue.status} />
                <DeadlineTag issue={issue} />
              </span>
              <RightOutlined className="case-card-arrow" />
            </div>
            <div className="case-card-problem">{issue.description}</div>
            <div className="case-card-foot small">
              <WhereLine issue={issue} />
              <span className="muted">{formatTime(issue.createdAt)}</span>
            </div>
          </Card>
        </Link>
      ))}
    </div>
  );
}

const unitsOfKind = (kind: OrgTreeNode['kind']) => (node: OrgTreeNode) => node.kind === kind;

export function IssuesPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const { filters, tab, tabChosen, openTab, query, update } = useIssueQuery();
  const countQuery = filters as Omit<IssueListQuery, 'tab' | 'page' | 'pageSize'>;
  const list = useIssuePage(query);
  const counts = useIssueCounts(countQuery);
  // Without a tab in the address the board opens on the first tab that has issues (an officer's
  // 处置中), not on an empty 待受理.
  const firstWithItems = counts.data && issueTabs.find((key) => counts.data[key] > 0);
  useEffect(() => {
    if (!tabChosen && firstWithItems && firstWithItems !== tab) openTab(firstWithItems);
  }, [tabChosen, firstWithItems, tab, openTab]);
  const tree = useOrgTree(false);
  const [exporting, setExporting] = useState(false);
  const items = list.data?.items ?? [];

  const exportExcel = async () => {
    setExporting(true);
    try {
      await apiDownload('/issues/export.xlsx', { ...countQuery, tab }, 'issues.xlsx');
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('common.exportFailed'));
    } finally {
      setExporting(false);
    }
  };

  const reportButton = (
    <Link to="/issues/new">
      <Button
        type={isPhone ? 'primary' : 'default'}
        block={isPhone}
        size={isPhone ? 'large' : undefined}
        icon={<PlusOutlined />}
      >
        {t('issueUi.report.title')}
      </Button>
    </Link>
  );

  return (
    <Card
      title={isPhone ? undefined : t('issueUi.board.title')}
      extra={
        !isPhone && (
          <span className="issue-extra">
            {reportButton}
            <Button
              icon={<DownloadOutlined />}
              loading={exporting}
              onClick={() => void exportExcel()}
            >
              {t('common.export')}
            </Button>
          </span>
        )
      }
    >
      {isPhone ? (
        // Five tabs do not fit one row at 360 px: on the phone they are a grid of big buttons.
        <div className="issue-phone-tabs" role="tablist">
          {issueTabs.map((key) => (
            <button
              key={key}
              type="button"
              role="tab"
              aria-selected={tab === key}
              className={tab === key ? 'issue-phone-tab active' : 'issue-phone-tab'}
              onClick={() => update({ tab: key })}
            >
              <span className="issue-phone-tab-count">{counts.data?.[key] ?? '–'}</span>
              <span>{t(`issues.tabs.${key}`)}</span>
            </button>
          ))}
        </div>
      ) : (
        <Tabs
          activeKey={tab}
          onChange={(key) => update({ tab: key })}
          items={issueTabs.map((key) => ({
            key,
            label: (
              <span>
                {t(`issues.tabs.${key}`)}
                {counts.data && <span className="issue-count"> {counts.data[key]}</span>}
              </span>
            ),
          }))}
        />
      )}
      <div className="filter-bar">
        <Input.Search
          allowClear
          defaultValue={filters.q}
          placeholder={t('issueUi.board.searchPlaceholder')}
          aria-label={t('issueUi.board.search')}
          onSearch={(q) => update({ q: q.trim() })}
          className="filter-search"
          enterButton
        />
        <Select<IssueCategory>
          allowClear
          placeholder={t('issues.columns.category')}
          aria-label={t('issues.columns.category')}
          value={filters.category as IssueCategory | undefined}
          onChange={(category) => update({ category })}
          options={issueCategories.map((c) => ({ value: c, label: t(`issues.categories.${c}`) }))}
          className="filter-select"
        />
        {/* On the phone the board is the worker's own grid: the unit filters stay on the desk. */}
        {!isPhone && (
          <>
            <div className="filter-unit">
              <OrgUnitSelect
                tree={tree.data ?? []}
                loading={tree.isPending}
                value={filters.gridId}
                onChange={(gridId) => update({ gridId })}
                canPick={unitsOfKind('grid')}
                placeholder={t('issues.columns.grid')}
                allowClear
              />
            </div>
            <div className="filter-unit">
              <OrgUnitSelect
                tree={tree.data ?? []}
                loading={tree.isPending}
                value={filters.departmentId}
                onChange={(departmentId) => update({ departmentId })}
                canPick={unitsOfKind('department')}
                placeholder={t('issues.columns.department')}
                allowClear
              />
            </div>
          </>
        )}
        <Checkbox
          checked={filters.overdue === 'true'}
          onChange={(e) => update({ overdue: e.target.checked ? 'true' : undefined })}
          className="issue-overdue-filter"
        >
          {t('issueUi.board.overdueOnly')}
          {counts.data ? ` (${counts.data.overdue})` : ''}
        </Checkbox>
      </div>
      <ListState
        loading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={items.length === 0}
        emptyText={t('issueUi.board.empty')}
        emptyHint={t('issueUi.board.emptyHint')}
      >
        {isPhone ? (
          <IssueCards items={items} />
        ) : (
          <IssueTable items={items} loading={list.isFetching} />
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
      {isPhone && <PhoneActionBar>{reportButton}</PhoneActionBar>}
    </Card>
  );
}
