import { useState } from 'react';
import {
  Button,
  Form,
  Input,
  InputNumber,
  List,
  Progress,
  Select,
  Space,
  Table,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import {
  type OperationDetail,
  type Supply,
  zSupplyCreate,
  zSupplyIssueCreate,
} from '../../../../common/schemas/operations';
import { FormModal } from '../../components/form-modal';
import { boundsOf, schemaRules, maxLengthOf as max } from '../../components/zod-form';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';
import { Empty, type FieldKey, type Writes, clock } from './operation-shared';

const supplyRules = schemaRules(zSupplyCreate);
const issueRules = schemaRules(zSupplyIssueCreate);

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

/** The 物资 tab: each supply prepared, issued and left, with its issues. */
export function Supplies({ op, writes }: { op: OperationDetail; writes: Writes }) {
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
      <Form.Item name="item" label={t('operations.fields.item')} rules={supplyRules.item}>
        <Input maxLength={max(zSupplyCreate.shape.item)} />
      </Form.Item>
      <Form.Item name="unit" label={t('operations.fields.unit')} rules={supplyRules.unit}>
        <Input maxLength={max(zSupplyCreate.shape.unit)} />
      </Form.Item>
      <Form.Item
        name="prepared"
        label={t('operations.fields.prepared')}
        extra={s && `${t('operations.fields.issued')} ${s.issued} ${s.unit}`}
        rules={supplyRules.prepared}
      >
        <InputNumber
          {...boundsOf(zSupplyCreate.shape.prepared)}
          // Never below what was issued (the server's SUPPLY_BELOW_ISSUED).
          min={s?.issued ?? 0}
          style={{ width: '100%' }}
        />
      </Form.Item>
    </FormModal>
  );
}

/** A new supply and the amount prepared. */
export function SupplyForm(props: { writes: Writes; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ item: string; unit: string; prepared: number }>();
  const [id, setId] = useState(() => uuidv7());
  const f = (k: FieldKey) => t(`operations.fields.${k}`);
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
      <Form.Item name="item" label={f('item')} rules={supplyRules.item}>
        <Input
          maxLength={max(zSupplyCreate.shape.item)}
          placeholder={t('operations.actions.supplyPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="unit" label={f('unit')} rules={supplyRules.unit}>
        <Input
          maxLength={max(zSupplyCreate.shape.unit)}
          placeholder={t('operations.actions.unitPlaceholder')}
        />
      </Form.Item>
      <Form.Item name="prepared" label={f('prepared')} rules={supplyRules.prepared}>
        <InputNumber {...boundsOf(zSupplyCreate.shape.prepared)} style={{ width: '100%' }} />
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
      <Form.Item name="quantity" label={f('quantity')} rules={issueRules.quantity}>
        <InputNumber
          {...boundsOf(zSupplyIssueCreate.shape.quantity)}
          // Not more than is left (the server's own stock check).
          max={s?.left}
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item name="batchId" label={f('batch')} rules={issueRules.batchId}>
        <Select
          allowClear
          options={props.op.batches.map((b) => ({
            value: b.id,
            label: `${b.trainNo} · ${clock(b.plannedAt)} · ${b.headCount}`,
          }))}
        />
      </Form.Item>
      <Form.Item name="note" label={f('note')} rules={issueRules.note}>
        <Input maxLength={max(zSupplyIssueCreate.shape.note)} />
      </Form.Item>
    </FormModal>
  );
}
