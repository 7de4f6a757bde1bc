import { useState } from 'react';
import {
  App,
  Button,
  Card,
  Form,
  Input,
  InputNumber,
  List,
  Progress,
  Select,
  Space,
  Typography,
} from 'antd';
import { EditOutlined, GiftOutlined, PlusOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import {
  zHandoutGive,
  zHandoutItemCreate,
  zHandoutItemUpdate,
  type ActivityDetail,
  type HandoutItem,
} from '../../../../common/schemas/activities';
import { FormModal } from '../../components/form-modal';
import { boundsOf, maxLengthOf, schemaRules } from '../../components/zod-form';
import { useFieldLabel } from './activities-page';
import { useActivityWrites, useAttendance } from './activities-api';

const itemRules = schemaRules(zHandoutItemCreate);
const stockRules = schemaRules(zHandoutItemUpdate);
const giveRules = schemaRules(zHandoutGive);

const isOpen = (a: ActivityDetail) => a.status === 'planned' || a.status === 'ongoing';

/** 发放物资: each item with its stock left; staff prepare items, helpers give them out. */
export function HandoutsCard({ activity: a }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const [dialog, setDialog] = useState<
    { kind: 'add' } | { kind: 'stock' | 'give'; item: HandoutItem }
  >();
  const open = isOpen(a);
  return (
    <Card
      size="small"
      title={t('activities.ui.handouts')}
      extra={
        a.rights.manage &&
        open && (
          <Button size="small" icon={<PlusOutlined />} onClick={() => setDialog({ kind: 'add' })}>
            {t('activities.ui.addItem')}
          </Button>
        )
      }
    >
      {a.handouts.length === 0 ? (
        <Typography.Text type="secondary">{t('activities.ui.handoutsEmpty')}</Typography.Text>
      ) : (
        <List
          dataSource={a.handouts}
          renderItem={(i) => (
            <List.Item
              actions={[
                a.rights.manage && (
                  <Button
                    key="stock"
                    size="small"
                    icon={<EditOutlined />}
                    onClick={() => setDialog({ kind: 'stock', item: i })}
                  >
                    {t('activities.ui.changeStock')}
                  </Button>
                ),
                a.rights.checkIn && open && (
                  <Button
                    key="give"
                    size="small"
                    type="primary"
                    ghost
                    icon={<GiftOutlined />}
                    disabled={i.left === 0}
                    onClick={() => setDialog({ kind: 'give', item: i })}
                  >
                    {t('activities.ui.give')}
                  </Button>
                ),
              ].filter(Boolean)}
            >
              <Space direction="vertical" size={0} style={{ width: '100%' }}>
                <Typography.Text strong>{i.item}</Typography.Text>
                <Progress
                  percent={i.prepared ? Math.round((i.given / i.prepared) * 100) : 0}
                  showInfo={false}
                  status={i.left === 0 ? 'exception' : 'active'}
                />
                <Typography.Text type={i.left === 0 ? 'danger' : 'secondary'}>
                  {t('activities.ui.stockLeft', {
                    left: i.left,
                    prepared: i.prepared,
                    unit: i.unit,
                  })}
                  {' · '}
                  {t('activities.fields.given')} {i.given}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
      <AddItemDialog
        activity={a}
        open={dialog?.kind === 'add'}
        onClose={() => setDialog(undefined)}
      />
      <StockDialog
        activity={a}
        item={dialog?.kind === 'stock' ? dialog.item : undefined}
        onClose={() => setDialog(undefined)}
      />
      <GiveDialog
        activity={a}
        item={dialog?.kind === 'give' ? dialog.item : undefined}
        onClose={() => setDialog(undefined)}
      />
    </Card>
  );
}

function AddItemDialog(props: { activity: ActivityDetail; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ item: string; unit: string; prepared: number }>();
  const writes = useActivityWrites();
  const [id, setId] = useState(() => uuidv7());
  const f = useFieldLabel();
  return (
    <FormModal
      name="handout-item"
      open={props.open}
      title={t('activities.ui.addItem')}
      form={form}
      initialValues={{ unit: t('activities.ui.defaultUnit') }}
      onSubmit={async (v) => {
        await writes.addItem(props.activity.id, { id, ...v });
        setId(uuidv7());
      }}
      onClose={props.onClose}
    >
      <Form.Item name="item" label={f('item')} rules={itemRules.item}>
        <Input maxLength={maxLengthOf(zHandoutItemCreate.shape.item)} />
      </Form.Item>
      <Space>
        <Form.Item name="prepared" label={f('prepared')} rules={itemRules.prepared}>
          <InputNumber {...boundsOf(zHandoutItemCreate.shape.prepared)} />
        </Form.Item>
        <Form.Item name="unit" label={f('unit')} rules={itemRules.unit}>
          <Input maxLength={maxLengthOf(zHandoutItemCreate.shape.unit)} style={{ width: 80 }} />
        </Form.Item>
      </Space>
    </FormModal>
  );
}

function StockDialog(props: { activity: ActivityDetail; item?: HandoutItem; onClose: () => void }) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ prepared: number }>();
  const writes = useActivityWrites();
  const { item } = props;
  return (
    <FormModal
      name="handout-stock"
      open={!!item}
      title={`${t('activities.ui.changeStock')} · ${item?.item ?? ''}`}
      form={form}
      initialValues={{ prepared: item?.prepared }}
      codeFields={{ HANDOUT_PREPARED_TOO_LOW: 'prepared' }}
      onSubmit={async (v) => {
        await writes.setPrepared(props.activity.id, item!.id, v.prepared);
      }}
      onClose={props.onClose}
    >
      <Form.Item
        name="prepared"
        label={t('activities.fields.prepared')}
        rules={stockRules.prepared}
      >
        <InputNumber {...boundsOf(zHandoutItemUpdate.shape.prepared)} addonAfter={item?.unit} />
      </Form.Item>
    </FormModal>
  );
}

/** Gives an item to a participant, or to the crowd at the table without a name. */
export function GiveDialog(props: {
  activity: ActivityDetail;
  item?: HandoutItem;
  attendanceId?: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ quantity: number; attendanceId?: string }>();
  const writes = useActivityWrites();
  const attendance = useAttendance(props.activity.id);
  const [id, setId] = useState(() => uuidv7());
  const { item } = props;
  return (
    <FormModal
      name="handout-give"
      open={!!item}
      title={`${t('activities.ui.give')} · ${item?.item ?? ''}`}
      form={form}
      initialValues={{ quantity: 1, attendanceId: props.attendanceId }}
      codeFields={{ HANDOUT_STOCK_EXCEEDED: 'quantity' }}
      okText={t('activities.ui.give')}
      onSubmit={async (v) => {
        await writes.give(props.activity.id, {
          id,
          itemId: item!.id,
          quantity: v.quantity,
          attendanceId: v.attendanceId || undefined,
        });
        setId(uuidv7());
        void message.success(
          t('activities.ui.givenDone', { item: item!.item, q: v.quantity, unit: item!.unit }),
        );
      }}
      onClose={props.onClose}
    >
      <Typography.Paragraph type="secondary">
        {item &&
          t('activities.ui.stockLeft', {
            left: item.left,
            prepared: item.prepared,
            unit: item.unit,
          })}
      </Typography.Paragraph>
      <Form.Item name="quantity" label={t('activities.fields.quantity')} rules={giveRules.quantity}>
        <InputNumber {...boundsOf(zHandoutGive.shape.quantity)} addonAfter={item?.unit} />
      </Form.Item>
      <Form.Item
        name="attendanceId"
        label={t('activities.ui.giveTo')}
        rules={giveRules.attendanceId}
      >
        <Select
          allowClear
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('activities.ui.giveCrowd')}
          options={(attendance.data?.items ?? []).map((r) => ({ value: r.id, label: r.name }))}
        />
      </Form.Item>
    </FormModal>
  );
}
