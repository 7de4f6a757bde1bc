import { useState } from 'react';
import { App, Button, Card, Space, Switch, Tag } from 'antd';
import type { TableProps } from 'antd';
import { EditOutlined, StopOutlined, UndoOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Resource, ResourceQuery } from '../../../../common/schemas/cases';
import { FilterSearch, FilterSelect } from '../../components/register/register-filters';
import { RegisterPage } from '../../components/register/register-page';
import { useRegisterQuery } from '../../components/register/register-query';
import { useCaseRoles } from './case-roles';
import { useCaseOptions } from './case-tags';
import { ResourceDialog } from './resource-dialog';
import { useResourceList, useResourceWrites } from './resources-api';

const filterKeys = ['q', 'category', 'retired'] as const;
type Filters = Pick<ResourceQuery, 'q' | 'category'> & { retired?: '1' };

/** 资源库: jobs, benefits, clinics, charities, volunteers the station links clients to. */
export function ResourcesPage() {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const roles = useCaseRoles();
  const options = useCaseOptions();
  const writes = useResourceWrites();
  const query = useRegisterQuery<Filters>(filterKeys);
  const { retired, ...filters } = query.filters;
  const showRetired = retired === '1';
  const list = useResourceList({
    ...filters,
    status: showRetired ? undefined : 'active',
    page: query.page,
    pageSize: query.pageSize,
  });
  const [editing, setEditing] = useState<Resource | 'new' | null>(null);
  const canWrite = roles.canWriteResources;

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

  return (
    <RegisterPage
      title={t('caseUi.resources.title')}
      query={query}
      list={list}
      mainAction={
        canWrite && { label: t('caseUi.resources.add'), onClick: () => setEditing('new') }
      }
      filters={
        <>
          <FilterSearch label={t('caseUi.resources.search')} />
          <FilterSelect
            name="category"
            label={t('caseUi.resources.categoryFilter')}
            options={options.resourceCategories}
          />
          <label className="filter-switch">
            <Switch
              checked={showRetired}
              onChange={(on) => query.update({ retired: on ? '1' : undefined })}
            />
            {t('caseUi.resources.showRetired')}
          </label>
        </>
      }
      columns={columns}
      table={{ scroll: { x: 940 } }}
      card={(r) => (
        <Card size="small" className="resource-card">
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
      )}
      empty={{
        text: t('caseUi.resources.empty'),
        hint: t(canWrite ? 'caseUi.resources.emptyHint' : 'caseUi.resources.emptyHintReadOnly'),
      }}
    >
      <ResourceDialog
        resource={editing === 'new' ? undefined : (editing ?? undefined)}
        open={editing !== null}
        onClose={() => setEditing(null)}
      />
    </RegisterPage>
  );
}
