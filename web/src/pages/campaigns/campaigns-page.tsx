import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { Segmented } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import {
  campaignStatuses,
  type Campaign,
  type CampaignStatus,
} from '../../../../common/schemas/campaigns';
import type { Role } from '../../../../common/roles';
import { useMe } from '../../auth';
import { RegisterCard } from '../../components/register/register-card';
import { FilterSearch, FilterSelect } from '../../components/register/register-filters';
import { RegisterPage } from '../../components/register/register-page';
import { useRegisterQuery } from '../../components/register/register-query';
import { useIsPhone } from '../../use-is-phone';
import { CampaignFormModal } from './campaign-form';
import { CampaignStatusTag, CoverageBar } from './campaign-tags';
import { useCampaignList } from './campaigns-api';

const EDITORS: readonly Role[] = ['districtAdmin', 'streetAdmin', 'communityStaff'];
const filterKeys = ['q', 'status'] as const;
/** `all` stands for no status where the page would otherwise pick one (a worker's phone). */
type Filters = { q?: string; status?: CampaignStatus | 'all' };

/**
 * 宣传走访: the campaign register on the desk (status filter, coverage bars, new campaign); on the
 * phone, the campaigns to work on as big cards, the active ones unless another status is picked.
 */
export function CampaignsPage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const me = useMe();
  const navigate = useNavigate();
  const canCreate = me.roles.some((r) => EDITORS.includes(r.role));
  const isWorker = me.roles.some((r) => r.role === 'gridWorker');
  const query = useRegisterQuery<Filters>(filterKeys, {
    defaults: isPhone && isWorker ? { status: 'active' } : {},
  });
  const status = query.filters.status === 'all' ? undefined : query.filters.status;
  const [creating, setCreating] = useState(false);
  const list = useCampaignList({
    q: query.filters.q,
    status,
    page: query.page,
    pageSize: query.pageSize,
  });
  const statusOptions = campaignStatuses.map((s) => ({
    value: s,
    label: t(`campaigns.statuses.${s}`),
  }));
  const columns: TableProps<Campaign>['columns'] = [
    {
      title: t('campaigns.fields.title'),
      key: 'title',
      render: (_, c) => <Link to={`/campaigns/${c.id}`}>{c.title}</Link>,
    },
    { title: t('campaigns.fields.owner'), key: 'owner', render: (_, c) => c.owner.name },
    {
      title: t('campaigns.fields.targets'),
      key: 'targets',
      render: (_, c) => c.targets.map((x) => x.name).join('、'),
    },
    {
      title: t('campaigns.fields.materials'),
      key: 'materials',
      render: (_, c) => c.materials.join('、'),
    },
    {
      title: t('campaigns.fields.dates'),
      key: 'dates',
      render: (_, c) => `${c.startDate} – ${c.endDate}`,
      width: 200,
    },
    {
      title: t('campaigns.fields.status'),
      key: 'status',
      render: (_, c) => <CampaignStatusTag status={c.status} />,
      width: 100,
    },
    {
      title: t('campaigns.coverage.share'),
      key: 'coverage',
      render: (_, c) => <CoverageBar {...c.summary} />,
      width: 200,
    },
  ];

  return (
    <RegisterPage
      title={t('campaigns.title')}
      query={query}
      list={list}
      mainAction={
        !isPhone &&
        canCreate && { label: t('campaigns.newCampaign'), onClick: () => setCreating(true) }
      }
      filters={
        isPhone ? (
          <Segmented<CampaignStatus | 'all'>
            block
            size="large"
            value={status ?? 'all'}
            onChange={(v) => query.update({ status: v })}
            options={[{ value: 'all', label: t('campaigns.filters.all') }, ...statusOptions]}
            className="filter-segmented"
          />
        ) : (
          <>
            <FilterSelect
              name="status"
              label={t('campaigns.fields.status')}
              options={statusOptions}
            />
            <FilterSearch label={t('campaigns.fields.title')} />
          </>
        )
      }
      columns={columns}
      card={(c) => (
        <RegisterCard
          to={`/campaigns/${c.id}`}
          className="campaign-card"
          title={c.title}
          tags={<CampaignStatusTag status={c.status} />}
        >
          <div className="muted">
            {c.startDate} – {c.endDate} · {c.materials.join('、')}
          </div>
          <CoverageBar {...c.summary} />
        </RegisterCard>
      )}
      empty={{
        text: isWorker && !canCreate ? t('campaigns.emptyWorker') : t('campaigns.empty'),
      }}
    >
      <CampaignFormModal
        open={creating}
        onClose={() => setCreating(false)}
        onSaved={(c) => void navigate(`/campaigns/${c.id}`)}
      />
    </RegisterPage>
  );
}
