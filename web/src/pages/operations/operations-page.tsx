import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { App, Button, Card, DatePicker, Form, Input, List, Select, Space, Table, Tag } from 'antd';
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { v7 as uuidv7 } from 'uuid';
import type { Operation, OperationStatus } from '../../../../common/schemas/operations';
import { apiDownload } from '../../api';
import { useMe } from '../../auth';
import { FormModal } from '../../components/form-modal';
import { ListState } from '../../components/list-state';
import { useIsPhone } from '../../use-is-phone';
import { PhoneActionBar } from '../people/phone-action-bar';
import { useOperationPage, useOperationWrites, useOwnerUnits } from './operations-api';

const MANAGERS = ['districtAdmin', 'streetAdmin', 'communityStaff', 'departmentOfficer'];

export function OperationStatusTag({ status }: { status: OperationStatus }) {
  const { t } = useTranslation();
  const color = { planned: 'default', active: 'processing', completed: 'success' }[status];
  return <Tag color={color}>{t(`operations.statuses.${status}`)}</Tag>;
}

interface CreateValues {
  ownerUnitId: string;
  title: string;
  period: [Dayjs, Dayjs];
  description?: string;
}

/** 保障任务: the register of support operations, with 新建 for those who run them and 导出 Excel. */
export function OperationsPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const me = useMe();
  const canCreate = me.roles.some((r) => MANAGERS.includes(r.role));
  const [q, setQ] = useState<string>();
  const [status, setStatus] = useState<OperationStatus>();
  const [page, setPage] = useState(1);
  const pageSize = 20;
  const list = useOperationPage({ q, status, page, pageSize });
  const items = list.data?.items ?? [];
  const [creating, setCreating] = useState(false);
  const [newId, setNewId] = useState(() => uuidv7());
  const [form] = Form.useForm<CreateValues>();
  const owners = useOwnerUnits(creating);
  const writes = useOperationWrites();

  const exportExcel = async () => {
    try {
      await apiDownload('/operations/export.xlsx', { q, status }, 'operations.xlsx');
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('common.exportFailed'));
    }
  };

  const period = (o: Operation) => `${o.startDate} ~ ${o.endDate}`;
  const create = canCreate && (
    <Button
      type="primary"
      icon={<PlusOutlined />}
      size={isPhone ? 'large' : undefined}
      block={isPhone}
      onClick={() => setCreating(true)}
    >
      {t('operations.create')}
    </Button>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="operations-page">
      <Card
        title={isPhone ? undefined : t('operations.title')}
        size={isPhone ? 'small' : undefined}
        extra={
          !isPhone && (
            <Space>
              <Button icon={<DownloadOutlined />} onClick={() => void exportExcel()}>
                {t('operations.actions.exportExcel')}
              </Button>
              {create}
            </Space>
          )
        }
      >
        <Space
          wrap
          direction={isPhone ? 'vertical' : 'horizontal'}
          style={{ marginBottom: 16, width: isPhone ? '100%' : undefined }}
        >
          <Input.Search
            allowClear
            placeholder={t('operations.fields.title')}
            style={{ width: isPhone ? '100%' : 260 }}
            size={isPhone ? 'large' : undefined}
            onSearch={(v) => {
              setQ(v || undefined);
              setPage(1);
            }}
          />
          <Select<OperationStatus>
            allowClear
            placeholder={t('operations.fields.status')}
            style={{ width: isPhone ? '100%' : 160 }}
            size={isPhone ? 'large' : undefined}
            value={status}
            onChange={(v) => {
              setStatus(v);
              setPage(1);
            }}
            options={(['planned', 'active', 'completed'] as const).map((s) => ({
              value: s,
              label: t(`operations.statuses.${s}`),
            }))}
          />
        </Space>
        <ListState
          loading={list.isPending}
          error={list.error}
          onRetry={() => void list.refetch()}
          empty={items.length === 0}
          emptyText={t('operations.empty.list')}
        >
          {isPhone ? (
            <List
              dataSource={items}
              renderItem={(o) => (
                <List.Item
                  onClick={() => void navigate(`/operations/${o.id}`)}
                  extra={<OperationStatusTag status={o.status} />}
                  style={{ cursor: 'pointer', minHeight: 64 }}
                >
                  <List.Item.Meta
                    title={<Link to={`/operations/${o.id}`}>{o.title}</Link>}
                    description={
                      <>
                        <div>
                          {o.ownerUnit.name} · {period(o)}
                        </div>
                        <div>
                          {t('operations.fields.batchCount')} {o.departedCount}/{o.batchCount} ·{' '}
                          {t('operations.fields.headCount')} {o.headCount}
                        </div>
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
            <Table<Operation>
              rowKey="id"
              dataSource={items}
              pagination={{ current: page, pageSize, total: list.data?.total, onChange: setPage }}
              columns={[
                {
                  title: t('operations.fields.title'),
                  key: 'title',
                  render: (_, o) => <Link to={`/operations/${o.id}`}>{o.title}</Link>,
                },
                {
                  title: t('operations.fields.ownerUnit'),
                  key: 'owner',
                  render: (_, o) => o.ownerUnit.name,
                },
                {
                  title: t('operations.fields.period'),
                  key: 'period',
                  render: (_, o) => period(o),
                },
                {
                  title: t('operations.fields.batchCount'),
                  key: 'batches',
                  render: (_, o) => `${o.departedCount} / ${o.batchCount}`,
                },
                { title: t('operations.fields.headCount'), dataIndex: 'headCount' },
                {
                  title: t('operations.fields.status'),
                  key: 'status',
                  render: (_, o) => <OperationStatusTag status={o.status} />,
                },
              ]}
            />
          )}
        </ListState>
      </Card>
      {isPhone && create && <PhoneActionBar>{create}</PhoneActionBar>}
      <FormModal<CreateValues>
        name="operation-create"
        open={creating}
        title={t('operations.create')}
        form={form}
        onClose={() => setCreating(false)}
        onSubmit={async (v) => {
          const op = await writes.create({
            id: newId,
            ownerUnitId: v.ownerUnitId,
            title: v.title,
            description: v.description,
            startDate: v.period[0].format('YYYY-MM-DD'),
            endDate: v.period[1].format('YYYY-MM-DD'),
          });
          setNewId(uuidv7());
          form.resetFields();
          void navigate(`/operations/${op.id}`);
        }}
        codeFields={{ OPERATION_PERIOD_INVALID: 'period' }}
      >
        <Form.Item
          name="ownerUnitId"
          label={t('operations.fields.ownerUnit')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            loading={owners.isPending}
            showSearch
            optionFilterProp="label"
            options={(owners.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item
          name="title"
          label={t('operations.fields.title')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={200} placeholder="2026年春季新兵铁路运输保障" />
        </Form.Item>
        <Form.Item
          name="period"
          label={t('operations.fields.period')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item name="description" label={t('operations.fields.description')}>
          <Input.TextArea rows={3} maxLength={4000} />
        </Form.Item>
      </FormModal>
    </Space>
  );
}
