import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Tag } from 'antd';
import type { TableProps } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import type { Patrol } from '../../../../common/schemas/patrols';
import { useMe } from '../../auth';
import { RegisterCard } from '../../components/register/register-card';
import { FilterSelect, FilterUnit } from '../../components/register/register-filters';
import { RegisterPage } from '../../components/register/register-page';
import { useRegisterQuery } from '../../components/register/register-query';
import { formatTime } from '../../i18n';
import { usePatrolList, usePatrolWrites, type PatrolListQuery } from './patrols-api';
import { CoverageCard } from './coverage-card';

export function PatrolStatusTag({ status }: { status: Patrol['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'open' ? 'processing' : 'default'}>
      {t(`issues.patrols.statuses.${status}`)}
    </Tag>
  );
}

const filterKeys = ['gridId', 'workerId'] as const;
type Filters = Pick<PatrolListQuery, (typeof filterKeys)[number]>;

/**
 * 巡查: a grid worker's log of rounds with the big 开始巡查 button; community and street staff see
 * the patrols of their area with a grid and worker filter.
 */
export function PatrolsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const navigate = useNavigate();
  const writes = usePatrolWrites();
  const isWorker = me.roles.some((r) => r.role === 'gridWorker');
  const myGrid = me.roles.find(
    (r) => r.role === 'gridWorker' && r.orgUnitKind === 'grid',
  )?.orgUnitId;
  const query = useRegisterQuery<Filters>(filterKeys);
  const list = usePatrolList({ ...query.filters, page: query.page, pageSize: query.pageSize });
  // The patrol id is made once here, so a retry on a weak signal does not start a second round.
  const [newId, setNewId] = useState(() => uuidv7());
  const [starting, setStarting] = useState(false);
  const open = list.items.find((p) => p.status === 'open' && p.worker.id === me.id);
  const workers = [...new Map(list.items.map((p) => [p.worker.id, p.worker])).values()];

  const start = async () => {
    setStarting(true);
    try {
      const patrol = await writes.start({ id: newId, startedAt: new Date().toISOString() });
      setNewId(uuidv7());
      void message.success(t('patrolUi.started'));
      void navigate(`/patrols/${patrol.id}`);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('patrolUi.startFailed'));
    } finally {
      setStarting(false);
    }
  };

  const when = (p: Patrol) =>
    t('patrolUi.time', {
      start: formatTime(p.startedAt),
      end: p.endedAt ? formatTime(p.endedAt).slice(11) : '',
    });
  // Grid names repeat across communities (第一网格): staff see the community too.
  const gridLabel = (p: Patrol) => (isWorker ? p.gridName : `${p.communityName} · ${p.gridName}`);
  const counts = (p: Patrol) =>
    `${t('patrolUi.findings')} ${p.findings} · ${t('patrolUi.visits')} ${p.visits} · ${t('patrolUi.issues')} ${p.issues}`;
  const columns: TableProps<Patrol>['columns'] = [
    {
      title: t('patrolUi.date'),
      key: 'date',
      render: (_, p) => <Link to={`/patrols/${p.id}`}>{when(p)}</Link>,
    },
    { title: t('patrolUi.grid'), key: 'grid', render: (_, p) => gridLabel(p) },
    { title: t('patrolUi.worker'), key: 'worker', render: (_, p) => p.worker.name },
    { title: t('patrolUi.findings'), dataIndex: 'findings' },
    { title: t('patrolUi.visits'), dataIndex: 'visits' },
    { title: t('patrolUi.issues'), dataIndex: 'issues' },
    {
      title: t('patrolUi.status'),
      key: 'status',
      render: (_, p) => <PatrolStatusTag status={p.status} />,
    },
  ];

  return (
    <RegisterPage
      title={isWorker ? t('patrolUi.title') : t('patrolUi.listTitle')}
      query={query}
      list={list}
      before={myGrid && <CoverageCard gridId={myGrid} />}
      mainAction={
        isWorker && {
          label: open ? t('patrolUi.resume') : t('issues.patrols.start'),
          icon: <EnvironmentOutlined />,
          loading: starting,
          onClick: () => (open ? void navigate(`/patrols/${open.id}`) : void start()),
        }
      }
      filters={
        !isWorker && (
          <>
            <FilterUnit
              name="gridId"
              label={t('patrolUi.allGrids')}
              canPick={(node) => node.kind === 'grid'}
            />
            <FilterSelect
              name="workerId"
              label={t('patrolUi.allWorkers')}
              options={workers.map((w) => ({ value: w.id, label: w.name }))}
            />
          </>
        )
      }
      columns={columns}
      card={(p) => (
        <RegisterCard
          to={`/patrols/${p.id}`}
          className="patrol-item"
          title={when(p)}
          tags={<PatrolStatusTag status={p.status} />}
        >
          <div className="muted small">
            {gridLabel(p)}
            {!isWorker && ` · ${p.worker.name}`}
          </div>
          <div className="muted small">{counts(p)}</div>
        </RegisterCard>
      )}
      empty={{ text: isWorker ? t('patrolUi.empty') : t('patrolUi.emptyStaff') }}
    />
  );
}
