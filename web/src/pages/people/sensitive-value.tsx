import { useState, type ReactNode } from 'react';
import { App, Button, Form, Input, Modal, Space, Tag, Tooltip, Typography } from 'antd';
import { EyeOutlined, LockOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { zReveal, type Sensitive } from '../../../../common/schemas/people';
import { showServerError } from '../../components/form-errors';
import { fieldRules, maxLengthOf } from '../../components/zod-form';
import { useIsPhone } from '../../use-is-phone';
import { useRevealField, type SensitiveField } from './people-api';
import { useRevealed } from './revealed';

interface Props {
  residentId: string;
  field: SensitiveField;
  value: Sensitive;
  /** how a whole value reads (a phone as a link to call, a disability as words) */
  format?: (value: string) => ReactNode;
}

/**
 * A sensitive field as the caller may see it: whole, masked, masked with an eye that opens it after
 * a reason (break the glass), or not at all for the caller's role.
 */
export function SensitiveValue({ residentId, field, value, format = (v) => v }: Props) {
  const { t } = useTranslation();
  const revealed = useRevealed();
  const isPhone = useIsPhone();
  const [asking, setAsking] = useState(false);
  const opened = revealed.get(residentId, field);
  if (opened !== undefined) {
    return (
      <span className="sensitive whole" data-field={field}>
        {opened === null ? '—' : format(opened)}
      </span>
    );
  }
  if (value.value === null && !value.masked) {
    return (
      <span className="sensitive muted" data-field={field}>
        {t('people.sensitive.notRecorded')}
      </span>
    );
  }
  if (value.value === null) {
    return (
      <Tooltip title={t('people.sensitive.hiddenHint')}>
        <span className="sensitive muted sensitive-hidden" data-field={field}>
          <LockOutlined /> {t('people.sensitive.hidden')}
        </span>
      </Tooltip>
    );
  }
  if (!value.masked) {
    return (
      <span className="sensitive whole" data-field={field}>
        {format(value.value)}
      </span>
    );
  }
  return (
    <span className="sensitive masked" data-field={field}>
      <span className="mono">{value.value}</span>
      {value.canReveal && (
        <>
          <Button
            type="text"
            // A thumb-sized target on the phone.
            size={isPhone ? 'middle' : 'small'}
            className="reveal-button"
            icon={<EyeOutlined />}
            aria-label={`${t('people.sensitive.reveal')}: ${t(`people.fields.${field}`)}`}
            title={t('people.sensitive.reveal')}
            onClick={() => setAsking(true)}
          />
          <RevealDialog
            open={asking}
            residentId={residentId}
            field={field}
            onClose={() => setAsking(false)}
            onRevealed={(whole) => revealed.set(residentId, field, whole)}
          />
        </>
      )}
    </span>
  );
}

interface DialogProps {
  open: boolean;
  residentId: string;
  field: SensitiveField;
  onClose: () => void;
  onRevealed: (value: string | null) => void;
}

const quickReasons = ['reasonVisit', 'reasonVerify', 'reasonService'] as const;

function RevealDialog({ open, residentId, field, onClose, onRevealed }: DialogProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ reason: string }>();
  const reveal = useRevealField();
  const submit = async ({ reason }: { reason: string }) => {
    try {
      const result = await reveal.mutateAsync({ residentId, field, reason: reason.trim() });
      onRevealed(result.value);
      onClose();
    } catch (error) {
      showServerError(form, error, (text) => void message.error(text));
    }
  };
  const fieldName = t(`people.fields.${field}`);
  return (
    <Modal
      open={open}
      title={t('people.sensitive.revealTitle', { field: fieldName })}
      okText={t('people.sensitive.confirm')}
      cancelText={t('common.cancel')}
      confirmLoading={reveal.isPending}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        {t('people.sensitive.revealHint')}
      </Typography.Paragraph>
      <Form
        name={`reveal-${field}`}
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="reason"
          label={t('people.sensitive.reason')}
          rules={fieldRules(zReveal.shape.reason)}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 4 }}
            maxLength={maxLengthOf(zReveal.shape.reason)}
            showCount
          />
        </Form.Item>
        <div className="muted small">{t('people.sensitive.quickReasons')}</div>
        <Space size={[8, 8]} wrap className="quick-reasons">
          {quickReasons.map((key) => (
            <Tag.CheckableTag
              key={key}
              checked={false}
              onChange={() => form.setFieldsValue({ reason: t(`people.sensitive.${key}`) })}
            >
              {t(`people.sensitive.${key}`)}
            </Tag.CheckableTag>
          ))}
        </Space>
      </Form>
    </Modal>
  );
}
