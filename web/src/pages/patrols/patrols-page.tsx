import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, List, Select, Space, Table, Tag } from 'antd';
import { EnvironmentOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import type { Patrol } from '../../../../common/schemas/patrols';
import { useMe } from '../../auth';
import { ListState } from '../../components/list-state';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';
import { useOrgTree } from '../org/org-api';
import { PhoneActionBar } from '../people/phone-action-bar';
import { usePatrolPage, usePatrolWrites } from './patrols-api';
import { CoverageCard } from './coverage-card';

export function PatrolStatusTag({ status }: { status: Patrol['status'] }) {
  const { t } = useTranslation();
  return (
    <Tag color={status === 'open' ? 'processing' : 'default'}>
      {t(`issues.patrols.statuses.${status}`)}
    </Tag>
  );
}

/**
 * 巡查: a grid worker's log of rounds with the big 开始巡查 button; community and street staff see
 * the patrols of their area with a grid and worker filter.
 */
export function PatrolsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const me = useMe();
  const navigate = useNavigate();
  const writes = usePatrolWrites();
  const isWorker = me.roles.some((r) => r.role === 'gridWorker');
  const myGrid = me.roles.find(
    (r) => r.role === 'gridWorker' && r.orgUnitKind === 'grid',
  )?.orgUnitId;
  const tree = useOrgTree(false);
  const [gridId, setGridId] = useState<string>();
  const [workerId, setWorkerId] = useState<string>();
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const list = usePatrolPage({ gridId, workerId, page, pageSize });
  // The patrol id is made once here, so a retry on a weak signal does not start a second round.
  const [newId, setNewId] = useState(() => uuidv7());
  const [starting, setStarting] = useState(false);
  const items = list.data?.items ?? [];
  const open = items.find((p) => p.status === 'open' && p.worker.id === me.id);
  const workers = [...new Map(items.map((p) => [p.worker.id, p.worker])).values()];

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

  const mainAction = isWorker && (
    <Button
      type="primary"
      size="large"
      block={isPhone}
      icon={<EnvironmentOutlined />}
      loading={starting}
      onClick={() => (open ? void navigate(`/patrols/${open.id}`) : void start())}
    >
      {open ? t('patrolUi.resume') : t('issues.patrols.start')}
    </Button>
  );

  const when = (p: Patrol) =>
    t('patrolUi.time', {
      start: formatTime(p.startedAt),
      end: p.endedAt ? formatTime(p.endedAt).slice(11) : '',
    });
  // Grid names repeat across communities (第一网格): staff see the community too.
  const gridLabel = (p: Patrol) => (isWorker ? p.gridName : `${p.communityName} · ${p.gridName}`);
  const counts = (p: Patrol) =>
    `${t('patrolUi.findings')} ${p.findings} · ${t('patrolUi.visits')} ${p.visits} · ${t('patrolUi.issues')} ${p.issues}`;

  const body = (
    <ListState
      loading={list.isPending}
      error={list.error}
      onRetry={() => void list.refetch()}
      empty={items.length === 0}
      emptyText={isWorker ? t('patrolUi.empty') : t('patrolUi.emptyStaff')}
    >
      {isPhone ? (
        <List
          dataSource={items}
          className="patrol-list"
          renderItem={(p) => (
            <List.Item
              className="patrol-item"
              onClick={() => void navigate(`/patrols/${p.id}`)}
              extra={<PatrolStatusTag status={p.status} />}
            >
              <List.Item.Meta
                title={<Link to={`/patrols/${p.id}`}>{when(p)}</Link>}
                description={
                  <>
                    <div>
                      {gridLabel(p)}
                      {!isWorker && ` · ${p.worker.name}`}
                    </div>
                    <div>{counts(p)}</div>
                  </>
                }
              />
            </List.Item>
          )}
          pagination={
            (list.data?.total ?? 0) > pageSize
              ? {
                  current: page,
                  pageSize,
                  total: list.data?.total,
                  onChange: setPage,
                  simple: true,
                }
              : false
          }
        />
      ) : (
        <Table<Patrol>
          rowKey="id"
          dataSource={items}
          pagination={{ current: page, pageSize, total: list.data?.total, onChange: setPage }}
          columns={[
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
          ]}
        />
      )}
    </ListState>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="patrols-page">
      {myGrid && <CoverageCard gridId={myGrid} />}
      <Card
        title={isPhone ? undefined : isWorker ? t('patrolUi.title') : t('patrolUi.listTitle')}
        extra={!isPhone && mainAction}
        size={isPhone ? 'small' : undefined}
      >
        {!isWorker && (
          <Space
            wrap
            direction={isPhone ? 'vertical' : 'horizontal'}
            style={{ marginBottom: 16, width: isPhone ? '100%' : undefined }}
          >
            <div style={{ width: isPhone ? '100%' : 240 }}>
              <OrgUnitSelect
                tree={tree.data ?? []}
                loading={tree.isPending}
                canPick={(node) => node.kind === 'grid'}
                value={gridId}
                allowClear
                placeholder={t('patrolUi.allGrids')}
                onChange={(v: string | undefined) => {
                  setGridId(v);
                  setPage(1);
                }}
              />
            </div>
            <Select
              style={{ width: isPhone ? '100%' : 200 }}
              size={isPhone ? 'large' : undefined}
              allowClear
              placeholder={t('patrolUi.allWorkers')}
              value={workerId}
              options={workers.map((w) => ({ value: w.id, label: w.name }))}
              onChange={(v?: string) => {
                setWorkerId(v);
                setPage(1);
              }}
            />
          </Space>
        )}
        {body}
      </Card>
      {isPhone && mainAction && <PhoneActionBar>{mainAction}</PhoneActionBar>}
    </Space>
  );
}
