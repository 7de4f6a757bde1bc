import { useState } from 'react';
import { App, Button, Form, Input, List, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { type OperationDetail, zLogCreate } from '../../../../common/schemas/operations';
import { showServerError } from '../../components/form-errors';
import { fieldRules, maxLengthOf as max } from '../../components/zod-form';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';
import { Empty, type Writes } from './operation-shared';

/** The 日志 tab: the operation's log; its managers add to it. */
export function Log({ op, writes }: { op: OperationDetail; writes: Writes }) {
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
          <Form.Item name="text" style={{ flex: 1 }} rules={fieldRules(zLogCreate.shape.text)}>
            <Input.TextArea
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={max(zLogCreate.shape.text)}
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
