import { useTranslation } from 'react-i18next';
import type { AuditQuery } from '../../../../common/schemas/audit';
import { FilterDateRange, FilterSearch } from '../../components/register/register-filters';
import { RegisterPage } from '../../components/register/register-page';
import { useRegisterQuery } from '../../components/register/register-query';
import { useAuditList } from './audit-api';
import { AuditCard, useAuditColumns } from './audit-list';

const filterKeys = ['username', 'entity', 'action', 'from', 'to'] as const;
type Filters = Pick<AuditQuery, (typeof filterKeys)[number]>;

/** 操作日志: who did what, filtered by account, entity, action and days, and its Excel. */
export function AuditPage() {
  const { t } = useTranslation();
  const query = useRegisterQuery<Filters>(filterKeys);
  const list = useAuditList({ ...query.filters, page: query.page, pageSize: query.pageSize });
  const columns = useAuditColumns();
  const textFilter = (key: 'username' | 'entity' | 'action') => (
    <FilterSearch name={key} label={t(`audit.${key}`)} enterButton={false} />
  );

  return (
    <RegisterPage
      title={t('audit.title')}
      query={query}
      list={list}
      export={{ path: '/audit/export.xlsx', name: 'audit' }}
      phoneTools
      filters={
        <>
          {textFilter('username')}
          {textFilter('entity')}
          {textFilter('action')}
          <FilterDateRange labels={[t('audit.startDate'), t('audit.endDate')]} />
        </>
      }
      columns={columns}
      table={{ scroll: { x: 900 } }}
      card={(e) => <AuditCard e={e} />}
      empty={{ text: t('audit.empty'), hint: t('audit.emptyHint') }}
    />
  );
}
