import { useState } from 'react';
import {
  App,
  Button,
  DatePicker,
  Form,
  Input,
  InputNumber,
  List,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { v7 as uuidv7 } from 'uuid';
import {
  type Batch,
  type BatchStatus,
  type OperationDetail,
  zBatchCreate,
} from '../../../../common/schemas/operations';
import { FormModal } from '../../components/form-modal';
import { boundsOf, schemaRules, maxLengthOf as max } from '../../components/zod-form';
import { useIsPhone } from '../../use-is-phone';
import { Empty, type FieldKey, type Writes, clock } from './operation-shared';

const NEXT: Record<BatchStatus, Exclude<BatchStatus, 'planned'> | null> = {
  planned: 'arrived',
  arrived: 'served',
  served: 'departed',
  departed: null,
};
const BATCH_COLOR: Record<BatchStatus, string> = {
  planned: 'default',
  arrived: 'processing',
  served: 'warning',
  departed: 'success',
};

const batchRules = schemaRules(zBatchCreate);

function BatchTag({ status }: { status: BatchStatus }) {
  const { t } = useTranslation();
  return <Tag color={BATCH_COLOR[status]}>{t(`operations.batchStatuses.${status}`)}</Tag>;
}

function NextButton({
  op,
  batch,
  writes,
  block,
}: {
  op: OperationDetail;
  batch: Batch;
  writes: Writes;
  block?: boolean;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const next = NEXT[batch.status];
  if (!next || !op.canManage) return null;
  return (
    <Button
      type="primary"
      size={block ? 'large' : 'middle'}
      block={block}
      loading={busy}
      onClick={async () => {
        setBusy(true);
        try {
          await writes.advance(batch.id, {
            version: batch.version,
            status: next,
            at: new Date().toISOString(),
          });
          void message.success(t(`operations.batchStatuses.${next}`));
        } catch (e) {
          void message.error(e instanceof Error ? e.message : String(e));
        } finally {
          setBusy(false);
        }
      }}
    >
      {t(`operations.next.${next}`)}
    </Button>
  );
}

/** The 批次 tab: each group moved, stepped on from planned to arrived, served and departed. */
export function Batches({ op, writes }: { op: OperationDetail; writes: Writes }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const f = (k: FieldKey) => t(`operations.fields.${k}`);
  if (op.batches.length === 0) return <Empty text={t('operations.empty.batches')} />;
  if (isPhone)
    return (
      <List
        dataSource={op.batches}
        renderItem={(b) => (
          <List.Item style={{ display: 'block' }} className="operation-batch">
            <Space style={{ justifyContent: 'space-between', width: '100%' }}>
              <Typography.Text strong style={{ fontSize: 18 }}>
                {b.trainNo}
              </Typography.Text>
              <BatchTag status={b.status} />
            </Space>
            <div>
              {clock(b.plannedAt)} · {b.from} → {b.to} · {f('headCount')} {b.headCount}
            </div>
            <div style={{ color: '#595959' }}>
              {f('arrivedAt')} {clock(b.arrivedAt).slice(-5)} · {f('servedAt')}{' '}
              {clock(b.servedAt).slice(-5)} · {f('departedAt')} {clock(b.departedAt).slice(-5)}
            </div>
            <div style={{ marginTop: 8 }}>
              <NextButton op={op} batch={b} writes={writes} block />
            </div>
          </List.Item>
        )}
      />
    );
  return (
    <Table<Batch>
      rowKey="id"
      size="middle"
      pagination={false}
      dataSource={op.batches}
      columns={[
        { title: f('trainNo'), dataIndex: 'trainNo' },
        { title: f('plannedAt'), key: 'plannedAt', render: (_, b) => clock(b.plannedAt) },
        { title: f('route'), key: 'route', render: (_, b) => `${b.from} → ${b.to}` },
        { title: f('headCount'), dataIndex: 'headCount', align: 'right' },
        { title: f('status'), key: 'status', render: (_, b) => <BatchTag status={b.status} /> },
        { title: f('arrivedAt'), key: 'a', render: (_, b) => clock(b.arrivedAt) },
        { title: f('servedAt'), key: 's', render: (_, b) => clock(b.servedAt) },
        { title: f('departedAt'), key: 'd', render: (_, b) => clock(b.departedAt) },
        {
          title: t('common.actions'),
          key: 'next',
          render: (_, b) => <NextButton op={op} batch={b} writes={writes} />,
        },
      ]}
    />
  );
}

interface BatchValues {
  plannedAt: Dayjs;
  trainNo: string;
  headCount: number;
  from: string;
  to: string;
  note?: string;
}

/** A new batch: when it is due, its train, head count, from where and to where. */
export function BatchForm(props: {
  op: OperationDetail;
  writes: Writes;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<BatchValues>();
  const [id, setId] = useState(() => uuidv7());
  const f = (k: FieldKey) => t(`operations.fields.${k}`);
  return (
    <FormModal<BatchValues>
      name="operation-batch"
      open={props.open}
      title={t('operations.actions.addBatch')}
      form={form}
      onClose={props.onClose}
      initialValues={{ plannedAt: dayjs(`${props.op.startDate}T08:00`) }}
      onSubmit={async (v) => {
        await props.writes.addBatch({
          id,
          plannedAt: v.plannedAt.toISOString(),
          trainNo: v.trainNo,
          headCount: v.headCount,
          from: v.from,
          to: v.to,
          note: v.note,
        });
        setId(uuidv7());
      }}
    >
      <Form.Item name="plannedAt" label={f('plannedAt')} rules={batchRules.plannedAt}>
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item name="trainNo" label={f('trainNo')} rules={batchRules.trainNo}>
        <Input maxLength={max(zBatchCreate.shape.trainNo)} placeholder="K602" />
      </Form.Item>
      <Form.Item name="headCount" label={f('headCount')} rules={batchRules.headCount}>
        <InputNumber {...boundsOf(zBatchCreate.shape.headCount)} style={{ width: '100%' }} />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="from" label={f('from')} rules={batchRules.from} style={{ flex: 1 }}>
          <Input maxLength={max(zBatchCreate.shape.from)} />
        </Form.Item>
        <Form.Item
          name="to"
          label={f('to')}
          rules={batchRules.to}
          style={{ flex: 1, marginLeft: 8 }}
        >
          <Input maxLength={max(zBatchCreate.shape.to)} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="note" label={f('note')} rules={batchRules.note}>
        <Input maxLength={max(zBatchCreate.shape.note)} />
      </Form.Item>
    </FormModal>
  );
}
