import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { DatePicker, Form, Input, Select, Tag } from 'antd';
import type { TableProps } from 'antd';
import { useTranslation } from 'react-i18next';
import type { Dayjs } from 'dayjs';
import { v7 as uuidv7 } from 'uuid';
import {
  zOperationCreate,
  type Operation,
  type OperationStatus,
} from '../../../../common/schemas/operations';
import { useMe } from '../../auth';
import { FormModal } from '../../components/form-modal';
import { RegisterCard } from '../../components/register/register-card';
import { FilterSearch, FilterSelect } from '../../components/register/register-filters';
import { RegisterPage } from '../../components/register/register-page';
import { useRegisterQuery } from '../../components/register/register-query';
import { fieldRules, maxLengthOf, schemaRules } from '../../components/zod-form';
import {
  useOperationList,
  useOperationWrites,
  useOwnerUnits,
  type OperationListQuery,
} from './operations-api';

const rules = schemaRules(zOperationCreate);
/** The picked range as the API's first day; the order of the days is the server's check. */
const periodRules = fieldRules(zOperationCreate.shape.startDate, {
  from: (range: [Dayjs, Dayjs]) => range[0].format('YYYY-MM-DD'),
});

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

const filterKeys = ['q', 'status'] as const;
type Filters = Pick<OperationListQuery, (typeof filterKeys)[number]>;

/** 保障任务: the register of support operations, with 新建 for those who run them and 导出 Excel. */
export function OperationsPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe();
  const canCreate = me.roles.some((r) => MANAGERS.includes(r.role));
  const query = useRegisterQuery<Filters>(filterKeys);
  const list = useOperationList({ ...query.filters, page: query.page, pageSize: query.pageSize });
  const [creating, setCreating] = useState(false);
  const [newId, setNewId] = useState(() => uuidv7());
  const [form] = Form.useForm<CreateValues>();
  const owners = useOwnerUnits(creating);
  const writes = useOperationWrites();

  const period = (o: Operation) => `${o.startDate} ~ ${o.endDate}`;
  const columns: TableProps<Operation>['columns'] = [
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
    { title: t('operations.fields.period'), key: 'period', render: (_, o) => period(o) },
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
  ];

  return (
    <RegisterPage
      title={t('operations.title')}
      query={query}
      list={list}
      export={{ path: '/operations/export.xlsx', name: 'operations' }}
      mainAction={canCreate && { label: t('operations.create'), onClick: () => setCreating(true) }}
      filters={
        <>
          <FilterSearch label={t('operations.fields.title')} />
          <FilterSelect
            name="status"
            label={t('operations.fields.status')}
            options={(['planned', 'active', 'completed'] as const).map((s) => ({
              value: s,
              label: t(`operations.statuses.${s}`),
            }))}
          />
        </>
      }
      columns={columns}
      card={(o) => (
        <RegisterCard
          to={`/operations/${o.id}`}
          title={o.title}
          tags={<OperationStatusTag status={o.status} />}
        >
          <div className="muted small">
            {o.ownerUnit.name} · {period(o)}
          </div>
          <div className="muted small">
            {t('operations.fields.batchCount')} {o.departedCount}/{o.batchCount} ·{' '}
            {t('operations.fields.headCount')} {o.headCount}
          </div>
        </RegisterCard>
      )}
      empty={{ text: t('operations.empty.list') }}
    >
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
          rules={rules.ownerUnitId}
        >
          <Select
            loading={owners.isPending}
            showSearch
            optionFilterProp="label"
            options={(owners.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          />
        </Form.Item>
        <Form.Item name="title" label={t('operations.fields.title')} rules={rules.title}>
          <Input
            maxLength={maxLengthOf(zOperationCreate.shape.title)}
            placeholder="2026年春季新兵铁路运输保障"
          />
        </Form.Item>
        <Form.Item name="period" label={t('operations.fields.period')} rules={periodRules}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('operations.fields.description')}
          rules={rules.description}
        >
          <Input.TextArea rows={3} maxLength={maxLengthOf(zOperationCreate.shape.description)} />
        </Form.Item>
      </FormModal>
    </RegisterPage>
  );
}
