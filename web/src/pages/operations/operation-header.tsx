import { useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Descriptions, Form, Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import {
  type OperationDetail,
  zOperationCreate,
  zOperationStatusChange,
} from '../../../../common/schemas/operations';
import { FormModal } from '../../components/form-modal';
import {
  fieldRules,
  requiredRule,
  schemaRules,
  maxLengthOf as max,
} from '../../components/zod-form';
import { useIsPhone } from '../../use-is-phone';
import { OperationStatusTag } from './operations-page';
import type { Writes } from './operation-shared';

const opRules = schemaRules(zOperationCreate);
/** The picked range as the API's first day; the order of the days is the server's check. */
const periodRules = fieldRules(zOperationCreate.shape.startDate, {
  from: (range: [Dayjs, Dayjs]) => range[0].format('YYYY-MM-DD'),
});

interface EditValues {
  title: string;
  period: [Dayjs, Dayjs];
  description?: string;
}

/** The operation's facts; to its managers, start, edit and complete (with a word if batches are out). */
export function Header({ op, writes }: { op: OperationDetail; writes: Writes }) {
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
        <Form.Item name="title" label={t('operations.fields.title')} rules={opRules.title}>
          <Input maxLength={max(zOperationCreate.shape.title)} />
        </Form.Item>
        <Form.Item name="period" label={t('operations.fields.period')} rules={periodRules}>
          <DatePicker.RangePicker style={{ width: '100%' }} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('operations.fields.description')}
          rules={opRules.description}
        >
          <Input.TextArea rows={3} maxLength={max(zOperationCreate.shape.description)} />
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
          // Optional in the API unless batches are still out; this dialog always asks for a word.
          rules={[requiredRule(), ...fieldRules(zOperationStatusChange.shape.note)]}
        >
          <Input.TextArea rows={3} maxLength={max(zOperationStatusChange.shape.note)} />
        </Form.Item>
      </FormModal>
    </Card>
  );
}
