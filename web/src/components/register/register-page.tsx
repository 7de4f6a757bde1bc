import { Fragment, useState, type ReactNode } from 'react';
import { App, Button, Card, Pagination, Space, Table } from 'antd';
import type { TableProps } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { shanghaiToday } from '../../../../common/time';
import { apiDownload } from '../../api';
import { PhoneActionBar } from '../../pages/people/phone-action-bar';
import { useIsPhone } from '../../use-is-phone';
import { ListState } from '../list-state';
import type { RegisterList } from './register-list';
import { RegisterQueryContext, type RegisterFilters, type RegisterQuery } from './register-query';

/** 导出 Excel: the register's rows under the filters shown. */
export interface RegisterExport {
  path: string;
  /** the file's name before the date, should the server not name it */
  name: string;
  /** the query sent; the filters shown when not given */
  query?: Record<string, string | undefined>;
  /** what to say once the file is there, from the rows it holds (the server counts them) */
  done?: (count: number) => string;
  /** what to say when the cap cut the file short, in the register's own words */
  partial?: (total: number, exported: number) => string;
}

/** A register's main action: a primary button, full width and large on a phone. */
export interface RegisterAction {
  label: string;
  /** what it does, or the page it opens */
  onClick?: () => void;
  to?: string;
  /** a plus unless told */
  icon?: ReactNode;
  loading?: boolean;
  /** a plain button on the desk, where the list itself is the page's work (the issue board) */
  plainOnDesk?: boolean;
}

interface Props<T, F extends RegisterFilters> {
  /** the card's title on the desk (the phone's frame names the page) */
  title: string;
  query: RegisterQuery<F>;
  list: RegisterList<T>;
  /** the filter bar's fields: FilterSearch, FilterSelect, FilterUnit, … */
  filters?: ReactNode;
  /** inside the card above the filter bar: tabs, unfinished imports */
  above?: ReactNode;
  /** above the card: what the register's user looks at first */
  before?: ReactNode;
  export?: RegisterExport;
  /** the header's other buttons (导入, 合作机构): beside 导出 on the desk */
  tools?: ReactNode;
  /** 导出 and the tools on the phone too, in the filter bar */
  phoneTools?: boolean;
  /** the page's main action (新建, 上报): last in the header, at the thumb on a phone */
  mainAction?: RegisterAction | false;
  columns: TableProps<T>['columns'];
  table?: Pick<TableProps<T>, 'className' | 'rowClassName' | 'scroll'>;
  /** a row on the phone, usually a RegisterCard */
  card: (item: T) => ReactNode;
  rowKey?: (item: T) => string;
  empty: { text: string; hint?: ReactNode };
  /** dialogs the page opens */
  children?: ReactNode;
}

const idOf = (item: unknown) => (item as { id: string }).id;

/**
 * A register (台账): the title with 导出 Excel and the main action, a filter bar kept in the address,
 * the rows as a table on the desk and as cards on a phone, paged by number or by "more" as its API
 * pages, and the loading, empty and failed states.
 */
export function RegisterPage<T extends object, F extends RegisterFilters>(props: Props<T, F>) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const { query, list, rowKey = idOf } = props;
  const mainAction = props.mainAction && <MainAction action={props.mainAction} />;
  const exportButton = props.export && <ExportButton file={props.export} filters={query.filters} />;
  const tools = (exportButton || props.tools) && (
    <>
      {exportButton}
      {props.tools}
    </>
  );

  return (
    <RegisterQueryContext value={query}>
      <div className="register-page">
        {props.before}
        <Card
          title={isPhone ? undefined : props.title}
          extra={
            !isPhone &&
            (tools || mainAction) && (
              <Space wrap>
                {tools}
                {mainAction}
              </Space>
            )
          }
        >
          {props.above}
          {(props.filters || (isPhone && props.phoneTools && tools)) && (
            <div className="filter-bar">
              {props.filters}
              {isPhone && props.phoneTools && tools && (
                <div className="phone-list-tools">{tools}</div>
              )}
            </div>
          )}
          <ListState
            loading={list.isPending}
            error={list.error}
            onRetry={() => void list.refetch()}
            empty={list.items.length === 0}
            emptyText={query.filtered ? t('common.noMatch') : props.empty.text}
            emptyHint={
              query.filtered ? (
                <Button type="link" onClick={query.clear}>
                  {t('common.clearFilters')}
                </Button>
              ) : (
                props.empty.hint
              )
            }
          >
            {isPhone ? (
              <div className="card-list">
                {list.items.map((item) => (
                  <Fragment key={rowKey(item)}>{props.card(item)}</Fragment>
                ))}
              </div>
            ) : (
              <Table<T>
                rowKey={rowKey}
                columns={props.columns}
                dataSource={list.items}
                loading={list.isFetching}
                pagination={false}
                size="middle"
                {...props.table}
              />
            )}
            <RegisterPaging list={list} query={query} />
          </ListState>
          {props.children}
        </Card>
        {isPhone && mainAction && <PhoneActionBar>{mainAction}</PhoneActionBar>}
      </div>
    </RegisterQueryContext>
  );
}

function MainAction({ action }: { action: RegisterAction }) {
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const { to, onClick } = action;
  return (
    <Button
      type={isPhone || !action.plainOnDesk ? 'primary' : 'default'}
      block={isPhone}
      size={isPhone ? 'large' : undefined}
      icon={action.icon ?? <PlusOutlined />}
      loading={action.loading}
      onClick={to ? () => void navigate(to) : onClick}
    >
      {action.label}
    </Button>
  );
}

/** Page numbers, or for a register paged by cursor the count and a button for the next rows. */
function RegisterPaging<T>({ list, query }: { list: RegisterList<T>; query: RegisterQuery }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  // Past the cap the server stops counting: say so rather than show a wrong number.
  const totalText = (total: number) =>
    list.totalCapped
      ? t('common.totalCapped', { total: (total - 1).toLocaleString() })
      : t('common.total', { total });
  // A phone has no room to spare for page controls that have nowhere to go.
  const onePage = isPhone && list.total <= query.pageSize;
  if (list.more || onePage) {
    return (
      <div className="list-more">
        <span className="muted">{totalText(list.total)}</span>
        {list.more?.has && (
          <Button
            block={isPhone}
            size={isPhone ? 'large' : undefined}
            loading={list.more.loading}
            onClick={() => void list.more?.load()}
          >
            {t('common.loadMore')}
          </Button>
        )}
      </div>
    );
  }
  return (
    <Pagination
      className="list-pagination"
      current={query.page}
      pageSize={query.pageSize}
      total={list.total}
      showSizeChanger={!isPhone}
      simple={isPhone}
      showTotal={totalText}
      onChange={(page, pageSize) => query.update({ page, pageSize })}
    />
  );
}

function ExportButton({ file, filters }: { file: RegisterExport; filters: RegisterFilters }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [exporting, setExporting] = useState(false);
  const run = async () => {
    setExporting(true);
    try {
      const headers = await apiDownload(
        file.path,
        file.query ?? filters,
        `${file.name}-${shanghaiToday().replaceAll('-', '')}.xlsx`,
      );
      const total = Number(headers.get('x-total-count') ?? 0);
      const exported = Number(headers.get('x-exported-count') ?? total);
      // An export stops at its cap: say how many of how many rather than let it pass for all.
      if (exported < total)
        void message.warning(
          file.partial?.(total, exported) ?? t('common.exportPartial', { total, exported }),
        );
      else if (file.done) void message.success(file.done(exported));
    } catch (error) {
      void message.error(
        `${t('common.exportFailed')}: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      setExporting(false);
    }
  };
  return (
    <Button icon={<DownloadOutlined />} loading={exporting} onClick={() => void run()}>
      {t('common.export')}
    </Button>
  );
}
