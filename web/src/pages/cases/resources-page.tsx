import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { App, Button, Card, Input, Pagination, Select, Space, Switch, Table, Tag } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, PlusOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Resource, ResourceCategory } from '../../../../common/schemas/cases';
import { ListState } from '../../components/list-state';
import { useIsPhone } from '../../use-is-phone';
import { PhoneActionBar } from '../people/phone-action-bar';
import { useCaseRoles } from './case-roles';
import { useCaseOptions } from './case-tags';
import { ResourceDialog } from './resource-dialog';
import { useResourcePage, useResourceWrites } from './resources-api';

/** 资源库: jobs, benefits, clinics, charities, volunteers the station links clients to. */
export function ResourcesPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isPhone = useIsPhone();
  const roles = useCaseRoles();
  const options = useCaseOptions();
  const writes = useResourceWrites();
  const [params, setParams] = useSearchParams();
  const category = (params.get('category') ?? undefined) as ResourceCategory | undefined;
  const q = params.get('q') ?? undefined;
  const showRetired = params.get('retired') === '1';
  const page = Number(params.get('page') ?? 1);
  const pageSize = Number(params.get('pageSize') ?? 20);
  const list = useResourcePage({
    category,
    q,
    status: showRetired ? undefined : 'active',
    page,
    pageSize,
  });
  const [editing, setEditing] = useState<Resource | 'new' | null>(null);
  const items = list.data?.items ?? [];
  const canWrite = roles.canWriteResources;

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

  const setStatus = (r: Resource, status: 'active' | 'retired') => {
    const run = async () => {
      try {
        await writes.update(r.id, { version: r.version, status });
        void message.success(
          t(
            status === 'retired' ? 'caseUi.resources.retiredDone' : 'caseUi.resources.restoredDone',
            {
              name: r.name,
            },
          ),
        );
      } catch (error) {
        void message.error(error instanceof Error ? error.message : String(error));
      }
    };
    if (status === 'active') return void run();
    modal.confirm({
      title: t('caseUi.resources.retireTitle', { name: r.name }),
      content: t('caseUi.resources.retireText'),
      okText: t('caseUi.resources.retire'),
      okButtonProps: { danger: true },
      cancelText: t('common.cancel'),
      onOk: run,
    });
  };

  const actions = (r: Resource, large = false) =>
    canWrite && (
      <Space wrap size={large ? 8 : 0} className="resource-actions">
        <Button
          size={large ? 'middle' : 'small'}
          type={large ? 'default' : 'link'}
          icon={<EditOutlined />}
          onClick={() => setEditing(r)}
        >
          {t('common.edit')}
        </Button>
        {r.status === 'active' ? (
          <Button
            size={large ? 'middle' : 'small'}
            type={large ? 'default' : 'link'}
            danger
            icon={<StopOutlined />}
            onClick={() => setStatus(r, 'retired')}
          >
            {t('caseUi.resources.retire')}
          </Button>
        ) : (
          <Button
            size={large ? 'middle' : 'small'}
            type={large ? 'default' : 'link'}
            icon={<UndoOutlined />}
            onClick={() => setStatus(r, 'active')}
          >
            {t('caseUi.resources.restore')}
          </Button>
        )}
      </Space>
    );

  const nameCell = (r: Resource) => (
    <span className="resource-name">
      <strong>{r.name}</strong>
      {r.streetId === null && <Tag color="blue">{t('caseUi.resources.districtWide')}</Tag>}
      {r.status === 'retired' && <Tag>{t('caseUi.resources.retired')}</Tag>}
    </span>
  );

  const columns: TableProps<Resource>['columns'] = [
    { key: 'name', title: t('caseUi.resources.name'), width: 160, render: (_, r) => nameCell(r) },
    {
      key: 'category',
      title: t('caseUi.resources.category'),
      width: 90,
      render: (_, r) => (
        <Tag className="case-tag">{t(`cases.resourceCategories.${r.category}`)}</Tag>
      ),
    },
    {
      key: 'provider',
      title: t('caseUi.resources.provider'),
      width: 140,
      render: (_, r) => r.provider,
    },
    {
      key: 'contact',
      title: t('caseUi.resources.contact'),
      width: 120,
      render: (_, r) => r.contact ?? '—',
    },
    { key: 'area', title: t('caseUi.resources.area'), width: 110, render: (_, r) => r.area ?? '—' },
    {
      key: 'conditions',
      title: t('caseUi.resources.conditions'),
      ellipsis: true,
      render: (_, r) => r.conditions ?? '—',
    },
    ...(canWrite
      ? [
          {
            key: 'actions',
            title: t('common.actions'),
            width: 130,
            render: (_: unknown, r: Resource) => actions(r),
          },
        ]
      : []),
  ];

  const createButton = canWrite && (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      block={isPhone}
      size={isPhone ? 'large' : undefined}
      onClick={() => setEditing('new')}
    >
      {t('caseUi.resources.add')}
    </Button>
  );

  return (
    <Card
      title={isPhone ? undefined : t('caseUi.resources.title')}
      extra={!isPhone && createButton}
    >
      <div className="filter-bar">
        <Input.Search
          allowClear
          defaultValue={q}
          placeholder={t('caseUi.resources.search')}
          aria-label={t('caseUi.resources.search')}
          onSearch={(text) => update({ q: text.trim() })}
          className="filter-search"
          enterButton
        />
        <Select<ResourceCategory>
          allowClear
          placeholder={t('caseUi.resources.categoryFilter')}
          aria-label={t('caseUi.resources.categoryFilter')}
          value={category}
          onChange={(value) => update({ category: value })}
          options={options.resourceCategories}
          className="filter-select"
        />
        <label className="filter-switch">
          <Switch
            checked={showRetired}
            onChange={(on) => update({ retired: on ? '1' : undefined })}
          />
          {t('caseUi.resources.showRetired')}
        </label>
      </div>
      <ListState
        loading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={items.length === 0}
        emptyText={t('caseUi.resources.empty')}
        emptyHint={t(
          canWrite ? 'caseUi.resources.emptyHint' : 'caseUi.resources.emptyHintReadOnly',
        )}
      >
        {isPhone ? (
          <div className="card-list">
            {items.map((r) => (
              <Card key={r.id} size="small" className="resource-card">
                <div className="resource-card-head">
                  {nameCell(r)}
                  <Tag className="case-tag">{t(`cases.resourceCategories.${r.category}`)}</Tag>
                </div>
                <div className="muted">{r.provider}</div>
                {r.contact && (
                  <div>
                    <span className="muted colon-after">{t('caseUi.resources.contact')}</span>
                    {r.contact}
                  </div>
                )}
                {r.area && (
                  <div>
                    <span className="muted colon-after">{t('caseUi.resources.area')}</span>
                    {r.area}
                  </div>
                )}
                {r.conditions && <div className="small pre-wrap">{r.conditions}</div>}
                {actions(r, true)}
              </Card>
            ))}
          </div>
        ) : (
          <Table<Resource>
            rowKey="id"
            columns={columns}
            dataSource={items}
            loading={list.isFetching}
            pagination={false}
            scroll={{ x: 940 }}
            size="middle"
          />
        )}
        <Pagination
          className="list-pagination"
          current={list.data?.page ?? page}
          pageSize={list.data?.pageSize ?? pageSize}
          total={list.data?.total ?? 0}
          showSizeChanger={!isPhone}
          simple={isPhone}
          showTotal={(total) => t('common.total', { total })}
          onChange={(next, size) => update({ page: next, pageSize: size })}
        />
      </ListState>
      {isPhone && createButton && <PhoneActionBar>{createButton}</PhoneActionBar>}
      <ResourceDialog
        resource={editing === 'new' ? undefined : (editing ?? undefined)}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </Card>
  );
}
