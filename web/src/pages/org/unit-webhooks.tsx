import { useState } from 'react';
import { App, Button, Form, Input, List, Popconfirm, Select, Space, Tag, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined, SendOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import {
  webhookKinds,
  zWebhookCreate,
  type Webhook,
  type WebhookCreate,
} from '../../../../common/schemas/notify';
import { FormModal } from '../../components/form-modal';
import { maxLengthOf, schemaRules } from '../../components/zod-form';
import { formatTime } from '../../i18n';
import { useWebhooks, useWebhookWrites } from './org-api';

type Values = Pick<WebhookCreate, 'kind' | 'name' | 'url' | 'secret'>;
const rules = schemaRules(zWebhookCreate);
const max = (field: keyof typeof zWebhookCreate.shape) => maxLengthOf(zWebhookCreate.shape[field]);

/**
 * 群机器人: the 企业微信 / 钉钉 group chats that hear what is sent to this unit (an overdue issue
 * escalated to it, an urging). Addresses hold the robot's key, so the server shows only a hint.
 */
export function UnitWebhooks({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const list = useWebhooks(unitId);
  const writes = useWebhookWrites(unitId);
  const [adding, setAdding] = useState(false);
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };
  const test = (w: Webhook) =>
    act(async () => {
      const r = await writes.test(w.id);
      if (r.ok) void message.success(t('notify.testSent'));
      else void message.error(t('notify.testFailed', { error: r.error }));
    });
  return (
    <section className="unit-webhooks">
      <Space className="gap-top" align="center" wrap>
        <Typography.Title level={5} style={{ margin: 0 }}>
          {t('notify.title')}
        </Typography.Title>
        <Button size="small" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {t('notify.add')}
        </Button>
      </Space>
      <div className="muted small">{t('notify.hint')}</div>
      <List
        loading={list.isPending}
        dataSource={list.data ?? []}
        locale={{ emptyText: t('notify.empty') }}
        renderItem={(w) => (
          <List.Item
            actions={[
              <Button key="test" size="small" icon={<SendOutlined />} onClick={() => void test(w)}>
                {t('notify.test')}
              </Button>,
              <Button
                key="pause"
                size="small"
                onClick={() =>
                  void act(() =>
                    writes.update(w.id, {
                      version: w.version,
                      status: w.status === 'active' ? 'paused' : 'active',
                    }),
                  )
                }
              >
                {t(w.status === 'active' ? 'notify.pause' : 'notify.resume')}
              </Button>,
              <Popconfirm
                key="delete"
                title={t('notify.deleteConfirm', { name: w.name })}
                okButtonProps={{ danger: true }}
                onConfirm={() => act(() => writes.remove(w.id))}
              >
                <Button
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={t('notify.delete')}
                />
              </Popconfirm>,
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  {w.name}
                  <Tag>{t(`notify.kinds.${w.kind}`)}</Tag>
                  {w.status === 'paused' && <Tag>{t('notify.paused')}</Tag>}
                </Space>
              }
              description={
                <>
                  <div>{w.urlHint}</div>
                  {w.lastError ? (
                    <Typography.Text type="danger">
                      {t('notify.lastError', { error: w.lastError })}
                    </Typography.Text>
                  ) : (
                    w.lastSentAt && (
                      <span>{t('notify.lastSent', { time: formatTime(w.lastSentAt) })}</span>
                    )
                  )}
                </>
              }
            />
          </List.Item>
        )}
      />
      <FormModal<Values>
        name="webhook"
        open={adding}
        title={t('notify.add')}
        form={form}
        initialValues={{ kind: 'wecom' }}
        onClose={() => setAdding(false)}
        onSubmit={async (values) => {
          await writes.create({ ...values, id: uuidv7(), unitId });
          form.resetFields();
        }}
      >
        <Form.Item name="kind" label={t('notify.kind')} rules={rules.kind}>
          <Select
            options={webhookKinds.map((k) => ({ value: k, label: t(`notify.kinds.${k}`) }))}
          />
        </Form.Item>
        <Form.Item name="name" label={t('notify.name')} rules={rules.name}>
          <Input maxLength={max('name')} placeholder={t('notify.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="url" label={t('notify.url')} rules={rules.url} extra={t('notify.urlHint')}>
          <Input maxLength={max('url')} />
        </Form.Item>
        {kind === 'dingtalk' && (
          <Form.Item
            name="secret"
            label={t('notify.secret')}
            extra={t('notify.secretHint')}
            rules={rules.secret}
          >
            <Input.Password maxLength={max('secret')} />
          </Form.Item>
        )}
      </FormModal>
    </section>
  );
}
