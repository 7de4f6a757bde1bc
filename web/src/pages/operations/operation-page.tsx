import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  List,
  Popconfirm,
  Progress,
  Result,
  Select,
  Skeleton,
  Space,
  Statistic,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { FilePdfOutlined, PlusOutlined, WarningOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { v7 as uuidv7 } from 'uuid';
import type {
  Batch,
  BatchStatus,
  OperationDetail,
  Supply,
} from '../../../../common/schemas/operations';
import type { Messages } from '../../../../common/i18n/zh-CN';
import { apiDownload } from '../../api';
import { FormModal } from '../../components/form-modal';
import { showServerError } from '../../components/form-errors';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';
import { PhoneActionBar } from '../people/phone-action-bar';
import { OperationStatusTag } from './operations-page';
import {
  useOperation,
  useOperationStaff,
  useOperationWrites,
  type useOperationWrites as WritesHook,
} from './operations-api';

type Writes = ReturnType<typeof WritesHook>;
type FieldKey = keyof Messages['operations']['fields'];
type TabKey = 'batches' | 'supplies' | 'roster' | 'log' | 'report';
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
const clock = (iso: string | null) => (iso ? formatTime(iso).slice(5) : '—');
const hoursOf = (minutes: number) => Math.round((minutes / 60) * 100) / 100;

function BatchTag({ status }: { status: BatchStatus }) {
  const { t } = useTranslation();
  return <Tag color={BATCH_COLOR[status]}>{t(`operations.batchStatuses.${status}`)}</Tag>;
}

/** 保障任务 page: the operation and its tabs 批次 · 物资 · 值班表 · 日志 · 报告. */
export function OperationPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const query = useOperation(id);
  const writes = useOperationWrites(id);
  const [tab, setTab] = useState<TabKey>('batches');
  const [adding, setAdding] = useState<TabKey>();

  if (query.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (query.error || !query.data)
    return (
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={query.error?.message}
        extra={<Button onClick={() => void query.refetch()}>{t('common.retry')}</Button>}
      />
    );
  const op = query.data;
  const addLabel: Partial<Record<TabKey, string>> = {
    batches: t('operations.actions.addBatch'),
    supplies: t('operations.actions.addSupply'),
    roster: t('operations.actions.addShift'),
  };
  const addButton = op.canManage && addLabel[tab] && (
    <Button
      type={isPhone ? 'primary' : 'default'}
      size={isPhone ? 'large' : undefined}
      block={isPhone}
      icon={<PlusOutlined />}
      onClick={() => setAdding(tab)}
    >
      {addLabel[tab]}
    </Button>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="operation-page">
      <Header op={op} writes={writes} />
      <Card size={isPhone ? 'small' : undefined} styles={{ body: { paddingTop: 0 } }}>
        <Tabs
          activeKey={tab}
          onChange={(k) => setTab(k as TabKey)}
          tabBarExtraContent={isPhone ? undefined : addButton}
          tabBarGutter={isPhone ? 12 : undefined}
          items={[
            {
              key: 'batches',
              label: isPhone
                ? t('operations.tabs.batches')
                : `${t('operations.tabs.batches')} ${op.departedCount}/${op.batchCount}`,
              children: <Batches op={op} writes={writes} />,
            },
            {
              key: 'supplies',
              label: t('operations.tabs.supplies'),
              children: <Supplies op={op} writes={writes} />,
            },
            {
              key: 'roster',
              label: (
                <span>
                  {t('operations.tabs.roster')}
                  {op.roster.uncoveredMinutes > 0 && (
                    <WarningOutlined style={{ color: '#cf1322', marginLeft: 4 }} />
                  )}
                </span>
              ),
              children: <Roster op={op} writes={writes} />,
            },
            {
              key: 'log',
              label: t('operations.tabs.log'),
              children: <Log op={op} writes={writes} />,
            },
            { key: 'report', label: t('operations.tabs.report'), children: <Report op={op} /> },
          ]}
        />
      </Card>
      {isPhone && addButton && <PhoneActionBar>{addButton}</PhoneActionBar>}
      <BatchForm
        op={op}
        writes={writes}
        open={adding === 'batches'}
        onClose={() => setAdding(undefined)}
      />
      <SupplyForm
        writes={writes}
        open={adding === 'supplies'}
        onClose={() => setAdding(undefined)}
      />
      <ShiftForm
        op={op}
        writes={writes}
        open={adding === 'roster'}
        onClose={() => setAdding(undefined)}
      />
    </Space>
  );
}

interface EditValues {
  title: string;
  period: [Dayjs, Dayjs];
  description?: string;
}

function Header({ op, writes }: { op: OperationDetail; writes: Writes }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isPhone = useIsPhone();
  const [completing, setCompleting] = useState(false);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<{ note?: string }>();
  const [editForm] = Form.useForm<EditValues>();
  const pending = op.batches.filter((b) => b.status !== 'departed').length;
  const activate = () =>
    writes
      .setStatus({ version: op.version, status: 'active' })
      .catch((e: Error) => void message.error(e.message));
  const complete = () => {
    if (pending > 0) return setCompleting(true);
    modal.confirm({
      title: t('operations.actions.complete'),
      content: t('operations.completeConfirm'),
      okText: t('operations.actions.complete'),
      cancelText: t('common.cancel'),
      onOk: () =>
        writes
          .setStatus({ version: op.version, status: 'completed' })
          .catch((e: Error) => void message.error(e.message)),
    });
  };
  const actions = op.canManage && (
    <Space wrap>
      {op.status === 'planned' && (
        <Button type="primary" onClick={() => void activate()}>
          {t('operations.actions.activate')}
        </Button>
      )}
      <Button onClick={() => setEditing(true)}>{t('common.edit')}</Button>
      {op.status !== 'completed' && (
        <Button onClick={complete}>{t('operations.actions.complete')}</Button>
      )}
    </Space>
  );
  return (
    <Card
      size={isPhone ? 'small' : undefined}
      title={
        <Space wrap>
          <span style={{ whiteSpace: 'normal' }}>{op.title}</span>
          <OperationStatusTag status={op.status} />
        </Space>
      }
      extra={!isPhone && actions}
    >
      <Descriptions
        size="small"
        column={isPhone ? 1 : 3}
        items={[
          { key: 'owner', label: t('operations.fields.ownerUnit'), children: op.ownerUnit.name },
          {
            key: 'period',
            label: t('operations.fields.period'),
            children: `${op.startDate} ~ ${op.endDate}`,
          },
          {
            key: 'heads',
            label: t('operations.fields.headCount'),
            children: op.headCount,
          },
          ...(op.description
            ? [
                {
                  key: 'd',
                  label: t('operations.fields.description'),
                  children: op.description,
                  span: 3,
                },
              ]
            : []),
          ...(op.completionNote
            ? [
                {
                  key: 'n',
                  label: t('operations.fields.completionNote'),
                  children: op.completionNote,
                  span: 3,
                },
              ]
            : []),
        ]}
      />
      {isPhone && actions && <div style={{ marginTop: 12 }}>{actions}</div>}
      <FormModal<EditValues>
        name="operation-edit"
        open={editing}
        title={t('common.edit')}
        form={editForm}
        onClose={() => setEditing(false)}
        initialValues={{
          title: op.title,
          description: op.description ?? '',
          period: [dayjs(op.startDate), dayjs(op.endDate)],
        }}
        codeFields={{ OPERATION_PERIOD_INVALID: 'period' }}
        onSubmit={async (v) => {
          await writes.update({
            version: op.version,
            title: v.title,
            description: v.description ?? '',
            startDate: v.period[0].format('YYYY-MM-DD'),
            endDate: v.period[1].format('YYYY-MM-DD'),
          });
        }}
      >
        <Form.Item
          name="title"
          label={t('operations.fields.title')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input maxLength={200} />
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
      <FormModal<{ note?: string }>
        name="operation-complete"
        open={completing}
        title={t('operations.actions.complete')}
        form={form}
        okText={t('operations.actions.complete')}
        onClose={() => setCompleting(false)}
        onSubmit={async (v) => {
          await writes.setStatus({ version: op.version, status: 'completed', note: v.note });
        }}
        codeFields={{ OPERATION_BATCHES_PENDING: 'note' }}
      >
        <Alert type="warning" showIcon message={t('operations.completeHint', { count: pending })} />
        <Form.Item
          name="note"
          label={t('operations.fields.completionNote')}
          style={{ marginTop: 12 }}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}

// ——— batches ———

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

function Batches({ op, writes }: { op: OperationDetail; writes: Writes }) {
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

function BatchForm(props: {
  op: OperationDetail;
  writes: Writes;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<BatchValues>();
  const [id, setId] = useState(() => uuidv7());
  const f = (k: FieldKey) => t(`operations.fields.${k}`);
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
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
      <Form.Item
        name="plannedAt"
        label={f('plannedAt')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DatePicker
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item name="trainNo" label={f('trainNo')} rules={required}>
        <Input maxLength={20} placeholder="K602" />
      </Form.Item>
      <Form.Item
        name="headCount"
        label={f('headCount')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber min={1} max={100000} style={{ width: '100%' }} />
      </Form.Item>
      <Space.Compact block>
        <Form.Item name="from" label={f('from')} rules={required} style={{ flex: 1 }}>
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="to" label={f('to')} rules={required} style={{ flex: 1, marginLeft: 8 }}>
          <Input maxLength={100} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="note" label={f('note')}>
        <Input maxLength={1000} />
      </Form.Item>
    </FormModal>
  );
}

// ——— supplies ———

function StockBar({ s }: { s: Supply }) {
  const { t } = useTranslation();
  const share = s.prepared === 0 ? 0 : Math.round((s.left / s.prepared) * 100);
  const low = share < 15;
  return (
    <div style={{ minWidth: 160 }}>
      <Progress
        percent={share}
        showInfo={false}
        strokeColor={low ? '#cf1322' : '#1677ff'}
        size="small"
      />
      <Typography.Text type={low ? 'danger' : undefined}>
        {t('operations.fields.left')} {s.left} {s.unit}（{share}%）
      </Typography.Text>
    </div>
  );
}

function Supplies({ op, writes }: { op: OperationDetail; writes: Writes }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const [issuing, setIssuing] = useState<Supply>();
  const [editing, setEditing] = useState<Supply>();
  const f = (k: FieldKey) => t(`operations.fields.${k}`);
  if (op.supplies.length === 0) return <Empty text={t('operations.empty.supplies')} />;
  const issueButton = (s: Supply, block?: boolean) =>
    op.canManage && (
      <Button
        size={block ? 'large' : 'middle'}
        block={block}
        disabled={s.left === 0}
        onClick={() => setIssuing(s)}
      >
        {t('operations.actions.issue')}
      </Button>
    );
  return (
    <>
      {isPhone ? (
        <List
          dataSource={op.supplies}
          renderItem={(s) => (
            <List.Item style={{ display: 'block' }}>
              <Typography.Text strong>
                {s.item}（{s.unit}）
              </Typography.Text>
              <div>
                {f('prepared')} {s.prepared} · {f('issued')} {s.issued}
              </div>
              <StockBar s={s} />
              <div style={{ marginTop: 8 }}>{issueButton(s, true)}</div>
            </List.Item>
          )}
        />
      ) : (
        <Table<Supply>
          rowKey="id"
          pagination={false}
          dataSource={op.supplies}
          expandable={{
            rowExpandable: (s) => s.issues.length > 0,
            expandedRowRender: (s) => (
              <List
                size="small"
                dataSource={s.issues}
                renderItem={(i) => (
                  <List.Item>
                    {formatTime(i.at)} · −{i.quantity} {s.unit}
                    {i.trainNo ? ` · ${i.trainNo}` : ''}
                    {i.note ? ` · ${i.note}` : ''} · {i.byName}
                  </List.Item>
                )}
              />
            ),
          }}
          columns={[
            { title: f('item'), dataIndex: 'item' },
            { title: f('unit'), dataIndex: 'unit' },
            { title: f('prepared'), dataIndex: 'prepared', align: 'right' },
            { title: f('issued'), dataIndex: 'issued', align: 'right' },
            { title: f('left'), key: 'left', render: (_, s) => <StockBar s={s} /> },
            {
              title: t('common.actions'),
              key: 'issue',
              render: (_, s) => (
                <Space>
                  {issueButton(s)}
                  {op.canManage && (
                    <Button type="link" onClick={() => setEditing(s)}>
                      {t('common.edit')}
                    </Button>
                  )}
                </Space>
              ),
            },
          ]}
        />
      )}
      <IssueForm op={op} supply={issuing} writes={writes} onClose={() => setIssuing(undefined)} />
      <PreparedForm supply={editing} writes={writes} onClose={() => setEditing(undefined)} />
    </>
  );
}

/** A new amount prepared (more delivered, or a count corrected); never below what was issued. */
function PreparedForm(props: { supply?: Supply; writes: Writes; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ item: string; unit: string; prepared: number }>();
  const s = props.supply;
  return (
    <FormModal<{ item: string; unit: string; prepared: number }>
      name="operation-prepared"
      open={!!s}
      title={s ? `${t('common.edit')} · ${s.item}` : ''}
      form={form}
      onClose={props.onClose}
      initialValues={s && { item: s.item, unit: s.unit, prepared: s.prepared }}
      codeFields={{ SUPPLY_BELOW_ISSUED: 'prepared' }}
      onSubmit={async (v) => {
        await props.writes.updateSupply(s!.id, { version: s!.version, ...v });
      }}
    >
      <Form.Item
        name="item"
        label={t('operations.fields.item')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={100} />
      </Form.Item>
      <Form.Item
        name="unit"
        label={t('operations.fields.unit')}
        rules={[{ required: true, whitespace: true, message: t('common.required') }]}
      >
        <Input maxLength={20} />
      </Form.Item>
      <Form.Item
        name="prepared"
        label={t('operations.fields.prepared')}
        extra={s && `${t('operations.fields.issued')} ${s.issued} ${s.unit}`}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber min={s?.issued ?? 0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

function SupplyForm(props: { writes: Writes; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ item: string; unit: string; prepared: number }>();
  const [id, setId] = useState(() => uuidv7());
  const f = (k: FieldKey) => t(`operations.fields.${k}`);
  const required = [{ required: true, whitespace: true, message: t('common.required') }];
  return (
    <FormModal<{ item: string; unit: string; prepared: number }>
      name="operation-supply"
      open={props.open}
      title={t('operations.actions.addSupply')}
      form={form}
      onClose={props.onClose}
      onSubmit={async (v) => {
        await props.writes.addSupply({ id, ...v });
        setId(uuidv7());
      }}
    >
      <Form.Item name="item" label={f('item')} rules={required}>
        <Input maxLength={100} placeholder={t('operations.actions.supplyPlaceholder')} />
      </Form.Item>
      <Form.Item name="unit" label={f('unit')} rules={required}>
        <Input maxLength={20} placeholder={t('operations.actions.unitPlaceholder')} />
      </Form.Item>
      <Form.Item
        name="prepared"
        label={f('prepared')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber min={0} style={{ width: '100%' }} />
      </Form.Item>
    </FormModal>
  );
}

function IssueForm(props: {
  op: OperationDetail;
  supply?: Supply;
  writes: Writes;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ quantity: number; batchId?: string; note?: string }>();
  const [id, setId] = useState(() => uuidv7());
  const f = (k: FieldKey) => t(`operations.fields.${k}`);
  const s = props.supply;
  return (
    <FormModal<{ quantity: number; batchId?: string; note?: string }>
      name="operation-issue"
      open={!!s}
      title={
        s
          ? `${t('operations.actions.issue')} · ${s.item}（${t('operations.fields.left')} ${s.left} ${s.unit}）`
          : ''
      }
      form={form}
      onClose={props.onClose}
      onSubmit={async (v) => {
        await props.writes.issue(s!.id, { id, ...v, at: new Date().toISOString() });
        setId(uuidv7());
      }}
    >
      <Form.Item
        name="quantity"
        label={f('quantity')}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <InputNumber min={1} max={s?.left} style={{ width: '100%' }} />
      </Form.Item>
      <Form.Item name="batchId" label={f('batch')}>
        <Select
          allowClear
          options={props.op.batches.map((b) => ({
            value: b.id,
            label: `${b.trainNo} · ${clock(b.plannedAt)} · ${b.headCount}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="note" label={f('note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

// ——— roster ———

function Roster({ op, writes }: { op: OperationDetail; writes: Writes }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const r = op.roster;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {r.uncoveredMinutes > 0 ? (
        <Alert
          type="error"
          showIcon
          message={t('operations.roster.uncoveredTotal', { hours: hoursOf(r.uncoveredMinutes) })}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }} className="roster-gaps">
              {r.days
                .filter((d) => d.gaps.length > 0)
                .map((d) => (
                  <li key={d.day}>
                    {t('operations.roster.gapLine', {
                      day: d.day,
                      ranges: d.gaps.map((g) => `${g.from}–${g.to}`).join(', '),
                    })}
                  </li>
                ))}
            </ul>
          }
        />
      ) : (
        <Alert type="success" showIcon message={t('operations.roster.allCovered')} />
      )}
      {isPhone ? <RosterByHour op={op} /> : <RosterByDay op={op} />}
      <Typography.Text type="secondary">
        {t('operations.roster.shifts')} {op.shifts.length} · {t('operations.roster.staffHours')}{' '}
        {r.staffHours}
      </Typography.Text>
      {op.shifts.length === 0 ? (
        <Empty text={t('operations.empty.shifts')} />
      ) : (
        <List
          size={isPhone ? 'default' : 'small'}
          bordered
          dataSource={op.shifts}
          renderItem={(s) => (
            <List.Item
              actions={
                op.canManage
                  ? [
                      <Popconfirm
                        key="del"
                        title={t('operations.actions.deleteShift')}
                        okText={t('operations.actions.deleteShift')}
                        cancelText={t('common.cancel')}
                        onConfirm={() =>
                          writes
                            .deleteShift(s.id, s.version)
                            .catch((e: Error) => void message.error(e.message))
                        }
                      >
                        <Button danger type="link">
                          {t('operations.actions.deleteShift')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : undefined
              }
            >
              <div>
                <div>
                  <strong>
                    {formatTime(s.startsAt)} – {formatTime(s.endsAt).slice(11)}
                  </strong>
                  {s.note ? ` · ${s.note}` : ''}
                </div>
                <div>{s.people.map((p) => p.name).join('、')}</div>
              </div>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}

type RosterDay = OperationDetail['roster']['days'][number];
type RosterHour = RosterDay['hours'][number];

/** One hour of one day: who is on duty, or 无人值守 on red (a word, not colour alone). */
function HourCell({ day, h }: { day: string; h: RosterHour }) {
  const { t } = useTranslation();
  const unattended = t('operations.roster.unattended');
  return (
    <Tooltip
      title={`${day} ${String(h.hour).padStart(2, '0')}:00 ${h.gap ? unattended : ''} ${h.people.join('、')}`}
    >
      <td
        style={{
          ...cell,
          background: h.gap ? '#fff1f0' : '#f6ffed',
          color: h.gap ? '#a8071a' : undefined,
          fontWeight: h.gap ? 600 : undefined,
        }}
        className={h.gap ? 'roster-gap' : undefined}
      >
        {h.people.map((p) => (
          <div key={p} style={{ whiteSpace: 'nowrap', overflow: 'hidden' }}>
            {p}
          </div>
        ))}
        {h.gap && <div>{unattended}</div>}
      </td>
    </Tooltip>
  );
}

const hh = (h: number) => String(h).padStart(2, '0');

/** The desk's day-by-hour grid: a row per day, 24 columns. */
function RosterByDay({ op }: { op: OperationDetail }) {
  const { t } = useTranslation();
  return (
    <div style={{ overflowX: 'auto' }} className="roster-grid">
      <table
        style={{
          borderCollapse: 'collapse',
          width: '100%',
          minWidth: 24 * 34 + 56,
          tableLayout: 'fixed',
        }}
      >
        <thead>
          <tr>
            <th style={{ ...cell, width: 56, textAlign: 'left' }}>{t('operations.roster.day')}</th>
            {Array.from({ length: 24 }, (_, h) => (
              <th key={h} style={cell}>
                {hh(h)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {op.roster.days.map((d) => (
            <tr key={d.day}>
              <th style={{ ...cell, textAlign: 'left' }}>{d.day.slice(5)}</th>
              {d.hours.map((h) => (
                <HourCell key={h.hour} day={d.day} h={h} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The same grid turned for a phone's width: a row per hour, a column per day. */
function RosterByHour({ op }: { op: OperationDetail }) {
  const days = op.roster.days;
  return (
    <div style={{ overflowX: 'auto' }} className="roster-grid">
      <table
        style={{
          borderCollapse: 'collapse',
          width: '100%',
          minWidth: 48 + days.length * 72,
          tableLayout: 'fixed',
        }}
      >
        <thead>
          <tr>
            <th style={{ ...cell, width: 48 }} />
            {days.map((d) => (
              <th key={d.day} style={{ ...cell, fontSize: 13 }}>
                {d.day.slice(5)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: 24 }, (_, h) => (
            <tr key={h}>
              <th style={{ ...cell, fontSize: 13 }}>{hh(h)}:00</th>
              {days.map((d) => (
                <HourCell key={d.day} day={d.day} h={d.hours[h]} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const cell = {
  border: '1px solid #f0f0f0',
  padding: '2px 1px',
  fontSize: 11,
  lineHeight: 1.3,
  textAlign: 'center' as const,
  verticalAlign: 'top' as const,
  overflow: 'hidden',
};

interface ShiftValues {
  range: [Dayjs, Dayjs];
  staffIds?: string[];
  volunteers?: string[];
  note?: string;
}

function ShiftForm(props: {
  op: OperationDetail;
  writes: Writes;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ShiftValues>();
  const [id, setId] = useState(() => uuidv7());
  const staff = useOperationStaff(props.op.id, props.open);
  const f = (k: FieldKey) => t(`operations.fields.${k}`);
  const last = props.op.shifts.at(-1);
  const start = last ? dayjs(last.endsAt) : dayjs(`${props.op.startDate}T00:00`);
  return (
    <FormModal<ShiftValues>
      name="operation-shift"
      open={props.open}
      title={t('operations.actions.addShift')}
      form={form}
      onClose={props.onClose}
      initialValues={{ range: [start, start.add(8, 'hour')] }}
      codeFields={{ SHIFT_TIME_INVALID: 'range', SHIFT_PEOPLE_REQUIRED: 'staffIds' }}
      onSubmit={async (v) => {
        await props.writes.addShift({
          id,
          startsAt: v.range[0].toISOString(),
          endsAt: v.range[1].toISOString(),
          staffIds: v.staffIds ?? [],
          volunteers: v.volunteers ?? [],
          note: v.note,
        });
        setId(uuidv7());
      }}
    >
      <Form.Item
        name="range"
        label={`${f('startsAt')} – ${f('endsAt')}`}
        rules={[{ required: true, message: t('common.required') }]}
      >
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format="MM-DD HH:mm"
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item name="staffIds" label={f('staff')}>
        <Select
          mode="multiple"
          loading={staff.isPending}
          options={(staff.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
      </Form.Item>
      <Form.Item name="volunteers" label={f('volunteers')}>
        <Select mode="tags" open={false} tokenSeparators={[',', '，', '、', ' ']} />
      </Form.Item>
      <Form.Item name="note" label={f('note')}>
        <Input maxLength={500} />
      </Form.Item>
    </FormModal>
  );
}

// ——— log ———

function Log({ op, writes }: { op: OperationDetail; writes: Writes }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const [form] = Form.useForm<{ text: string }>();
  const [id, setId] = useState(() => uuidv7());
  const [saving, setSaving] = useState(false);
  const add = async (v: { text: string }) => {
    setSaving(true);
    try {
      await writes.addLog({ id, text: v.text, at: new Date().toISOString() });
      setId(uuidv7());
      form.resetFields();
    } catch (e) {
      showServerError(form, e, (text) => void message.error(text));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {op.canManage && (
        <Form
          form={form}
          layout={isPhone ? 'vertical' : 'inline'}
          onFinish={(v) => void add(v)}
          style={{ width: '100%' }}
        >
          <Form.Item
            name="text"
            style={{ flex: 1 }}
            rules={[{ required: true, whitespace: true, message: t('common.required') }]}
          >
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={2000}
              placeholder={t('operations.logPlaceholder')}
            />
          </Form.Item>
          <Form.Item style={isPhone ? { marginBottom: 0 } : undefined}>
            <Button
              type="primary"
              htmlType="submit"
              loading={saving}
              block={isPhone}
              size={isPhone ? 'large' : undefined}
            >
              {t('operations.actions.addLog')}
            </Button>
          </Form.Item>
        </Form>
      )}
      {op.log.length === 0 ? (
        <Empty text={t('operations.empty.log')} />
      ) : (
        <List
          dataSource={[...op.log].reverse()}
          renderItem={(l) => (
            <List.Item>
              <List.Item.Meta
                title={<span style={{ fontWeight: 400, whiteSpace: 'pre-wrap' }}>{l.text}</span>}
                description={`${formatTime(l.at)} · ${l.authorName}`}
              />
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}

// ——— report ———

function Report({ op }: { op: OperationDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const served = op.batches
    .filter((b) => b.status === 'served' || b.status === 'departed')
    .reduce((n, b) => n + b.headCount, 0);
  const download = () =>
    apiDownload(`/operations/${op.id}/report.pdf`, {}, 'operation.pdf').catch(
      (e: Error) => void message.error(e.message),
    );
  const stats: [string, ReactNode][] = [
    [t('operations.fields.batchCount'), `${op.departedCount} / ${op.batchCount}`],
    [t('operations.fields.headCount'), `${served} / ${op.headCount}`],
    [t('operations.roster.staffHours'), op.roster.staffHours],
    [
      t('operations.roster.unattended'),
      <span key="u" style={{ color: op.roster.uncoveredMinutes ? '#cf1322' : undefined }}>
        {hoursOf(op.roster.uncoveredMinutes)} h
      </span>,
    ],
  ];
  return (
    <Space direction="vertical" size="large" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('operations.reportHint')}</Typography.Paragraph>
      <Space wrap size={isPhone ? 'middle' : 48}>
        {stats.map(([title, value]) => (
          <Statistic key={title} title={title} valueRender={() => value} value={0} />
        ))}
      </Space>
      <Button
        type="primary"
        icon={<FilePdfOutlined />}
        size="large"
        block={isPhone}
        onClick={() => void download()}
      >
        {t('operations.actions.report')}
      </Button>
    </Space>
  );
}

function Empty({ text }: { text: string }) {
  return (
    <Typography.Paragraph type="secondary" style={{ padding: '24px 0', textAlign: 'center' }}>
      {text}
    </Typography.Paragraph>
  );
}
