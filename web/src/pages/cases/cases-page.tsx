import { useState } from 'react';
import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { FilterSearch, FilterSelect } from '../../components/register/register-filters';
import { RegisterPage } from '../../components/register/register-page';
import { useRegisterQuery } from '../../components/register/register-query';
import { CaseCreateDialog } from './case-create-dialog';
import { PendingReferrals } from '../tips/pending-referrals';
import { useCaseRoles } from './case-roles';
import { useCaseOptions } from './case-tags';
import { useCaseList, type CaseListQuery } from './cases-api';
import { CaseCard, useCaseColumns } from './cases-list';

const filterKeys = ['q', 'stage', 'status', 'riskLevel', 'scope'] as const;
type Filters = Record<(typeof filterKeys)[number], string>;

/**
 * 个案: filters live in the address so a list can be shared or come back to from a case. A social
 * worker starts from their own caseload (scope=mine), a supervisor or admin from the whole station's.
 */
export function CasesPage() {
  const { t } = useTranslation();
  const roles = useCaseRoles();
  const options = useCaseOptions();
  const query = useRegisterQuery<Filters>(filterKeys, {
    defaults: { scope: roles.isWorker ? 'mine' : 'all' },
    views: ['scope'],
  });
  const { scope, ...filters } = query.filters;
  const list = useCaseList({
    ...(filters as Partial<CaseListQuery>),
    mine: scope === 'mine' ? 'true' : undefined,
    page: query.page,
    pageSize: query.pageSize,
  });
  const columns = useCaseColumns();
  const [creating, setCreating] = useState(false);

  return (
    <RegisterPage
      title={t('caseUi.list.title')}
      query={query}
      list={list}
      before={roles.isStationStaff && <PendingReferrals canTake={roles.canOpen} />}
      mainAction={
        roles.canOpen && { label: t('caseUi.list.newCase'), onClick: () => setCreating(true) }
      }
      filters={
        <>
          {roles.isStationStaff && (
            <Segmented
              value={scope}
              onChange={(value) => query.update({ scope: value })}
              options={[
                { value: 'mine', label: t('caseUi.list.mine') },
                { value: 'all', label: t('caseUi.list.all') },
              ]}
              aria-label={t('caseUi.list.scope')}
              className="case-scope"
            />
          )}
          <FilterSearch
            label={t('caseUi.list.search')}
            placeholder={t('caseUi.list.searchPlaceholder')}
          />
          <FilterSelect
            name="stage"
            label={t('caseUi.list.stageFilter')}
            options={options.stages}
          />
          <FilterSelect
            name="status"
            label={t('caseUi.list.statusFilter')}
            options={options.statuses}
          />
          <FilterSelect
            name="riskLevel"
            label={t('caseUi.list.riskFilter')}
            options={options.risks}
          />
        </>
      }
      columns={columns}
      table={{ scroll: { x: 900 }, className: 'case-table' }}
      card={(c) => <CaseCard c={c} />}
      empty={{
        text: t('caseUi.list.empty'),
        hint: t(roles.canOpen ? 'caseUi.list.emptyHint' : 'caseUi.list.emptyHintReadOnly'),
      }}
    >
      <CaseCreateDialog open={creating} onClose={() => setCreating(false)} />
    </RegisterPage>
  );
}
