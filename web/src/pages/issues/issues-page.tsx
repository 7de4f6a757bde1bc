import { useEffect } from 'react';
import { Link } from 'react-router';
import { Checkbox, Tabs, Tag } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  issueCategories,
  issueTabs,
  type Issue,
  type IssueTab,
} from '../../../../common/schemas/issues';
import type { OrgTreeNode } from '../../../../common/schemas/org';
import { RegisterCard } from '../../components/register/register-card';
import { FilterSearch, FilterSelect, FilterUnit } from '../../components/register/register-filters';
import { RegisterPage } from '../../components/register/register-page';
import { useRegisterQuery, type RegisterQuery } from '../../components/register/register-query';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';
import { DeadlineTag, IssueStatusTag } from './issue-tags';
import { useIssueCounts, useIssueList, type IssueListQuery } from './issues-api';

type Filters = Record<'q' | 'category' | 'gridId' | 'departmentId' | 'overdue' | 'tab', string>;
const filterKeys = ['q', 'category', 'gridId', 'departmentId', 'overdue', 'tab'] as const;
const issuePath = (issue: Issue) => `/issues/${issue.id}`;

function WhereLine({ issue }: { issue: Issue }) {
  return (
    <span className="muted">
      {[issue.communityName, issue.gridName, issue.placeName ?? issue.location?.text]
        .filter(Boolean)
        .join(' · ')}
    </span>
  );
}

function useIssueColumns(): TableProps<Issue>['columns'] {
  const { t } = useTranslation();
  return [
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
}

/** On the phone an issue is a card; the whole card is the way in. */
function IssueCard({ issue }: { issue: Issue }) {
  const { t } = useTranslation();
  return (
    <RegisterCard
      to={issuePath(issue)}
      className={issue.overdue ? 'issue-card issue-card-overdue' : 'issue-card'}
      tags={
        <span className="issue-tags">
          <Tag>{t(`issues.categories.${issue.category}`)}</Tag>
          <IssueStatusTag status={issue.status} />
          <DeadlineTag issue={issue} />
        </span>
      }
    >
      <div className="case-card-problem">{issue.description}</div>
      <div className="case-card-foot small">
        <WhereLine issue={issue} />
        <span className="muted">{formatTime(issue.createdAt)}</span>
      </div>
    </RegisterCard>
  );
}

/** The status tabs with their counts: antd's tabs on the desk, a grid of big buttons on a phone. */
function IssueTabs({
  tab,
  counts,
  query,
}: {
  tab: IssueTab;
  counts: Record<IssueTab, number> | undefined;
  query: RegisterQuery<Filters>;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  if (isPhone) {
    // Five tabs do not fit one row at 360 px: on the phone they are a grid of big buttons.
    return (
      <div className="issue-phone-tabs" role="tablist">
        {issueTabs.map((key) => (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={tab === key}
            className={tab === key ? 'issue-phone-tab active' : 'issue-phone-tab'}
            onClick={() => query.update({ tab: key })}
          >
            <span className="issue-phone-tab-count">{counts?.[key] ?? '–'}</span>
            <span>{t(`issues.tabs.${key}`)}</span>
          </button>
        ))}
      </div>
    );
  }
  return (
    <Tabs
      activeKey={tab}
      onChange={(key) => query.update({ tab: key })}
      items={issueTabs.map((key) => ({
        key,
        label: (
          <span>
            {t(`issues.tabs.${key}`)}
            {counts && <span className="issue-count"> {counts[key]}</span>}
          </span>
        ),
      }))}
    />
  );
}

const unitsOfKind = (kind: OrgTreeNode['kind']) => (node: OrgTreeNode) => node.kind === kind;

/** 事件: the status tabs with counts, the filter bar, overdue ones marked red. */
export function IssuesPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const query = useRegisterQuery<Filters>(filterKeys, { views: ['tab'] });
  const { tab: tabParam, ...filters } = query.filters;
  // Filters and the tab live in the address, so the board can be shared and come back to.
  const tabChosen = (issueTabs as readonly string[]).includes(tabParam ?? '');
  const tab: IssueTab = tabChosen ? (tabParam as IssueTab) : 'reported';
  const countQuery = filters as Omit<IssueListQuery, 'tab' | 'page' | 'pageSize'>;
  const list = useIssueList({ ...countQuery, tab, page: query.page, pageSize: query.pageSize });
  const counts = useIssueCounts(countQuery);
  const columns = useIssueColumns();
  // Without a tab in the address the board opens on the first tab that has issues (an officer's
  // 处置中), not on an empty 待受理; in place of the address without one (no extra step back).
  const firstWithItems = counts.data && issueTabs.find((key) => counts.data[key] > 0);
  const { update } = query;
  useEffect(() => {
    if (!tabChosen && firstWithItems && firstWithItems !== tab)
      update({ tab: firstWithItems }, { replace: true });
  }, [tabChosen, firstWithItems, tab, update]);

  return (
    <RegisterPage
      title={t('issueUi.board.title')}
      query={query}
      list={list}
      export={{ path: '/issues/export.xlsx', name: 'issues', query: { ...countQuery, tab } }}
      mainAction={{ label: t('issueUi.report.title'), to: '/issues/new', plainOnDesk: true }}
      above={<IssueTabs tab={tab} counts={counts.data} query={query} />}
      filters={
        <>
          <FilterSearch
            label={t('issueUi.board.search')}
            placeholder={t('issueUi.board.searchPlaceholder')}
          />
          <FilterSelect
            name="category"
            label={t('issues.columns.category')}
            options={issueCategories.map((c) => ({
              value: c,
              label: t(`issues.categories.${c}`),
            }))}
          />
          {/* On the phone the board is the worker's own grid: the unit filters stay on the desk. */}
          {!isPhone && (
            <>
              <FilterUnit
                name="gridId"
                label={t('issues.columns.grid')}
                canPick={unitsOfKind('grid')}
              />
              <FilterUnit
                name="departmentId"
                label={t('issues.columns.department')}
                canPick={unitsOfKind('department')}
              />
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
        </>
      }
      columns={columns}
      table={{
        scroll: { x: 1000 },
        rowClassName: (issue) => (issue.overdue ? 'issue-row-overdue' : ''),
      }}
      card={(issue) => <IssueCard issue={issue} />}
      empty={{ text: t('issueUi.board.empty'), hint: t('issueUi.board.emptyHint') }}
    />
  );
}
