import { useState } from 'react';
import { App, Button, Card, Form, Input, QRCode, Space, Tag, Typography } from 'antd';
import { SafetyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { zTotpDisable, zTotpEnable, type zTotpSetup } from '../../../common/schemas/auth';
import { useMe, useTotpWrites } from '../auth';
import { showServerError } from './form-errors';
import { fieldRules } from './zod-form';

type TotpSetup = z.infer<typeof zTotpSetup>;

/** Set-up and removal of the second factor; a district admin may be held here until it is on. */
export function TotpCard() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const writes = useTotpWrites();
  const [setup, setSetup] = useState<TotpSetup | null>(null);
  const [disabling, setDisabling] = useState(false);
  const [codeForm] = Form.useForm<{ code: string }>();
  const [passwordForm] = Form.useForm<{ password: string }>();
  const notify = (text: string) => void message.error(text);

  const busy = writes.setup.isPending || writes.enable.isPending || writes.disable.isPending;

  const run = async (action: () => Promise<void>, form?: typeof codeForm | typeof passwordForm) => {
    try {
      await action();
    } catch (error) {
      showServerError(form, error, notify, { TOTP_INVALID: 'code', WRONG_PASSWORD: 'password' });
    }
  };
  const start = () => run(async () => setSetup(await writes.setup.mutateAsync()));
  const enable = ({ code }: { code: string }) =>
    run(async () => {
      await writes.enable.mutateAsync(code);
      setSetup(null);
      void message.success(t('totp.enabled'));
    }, codeForm);
  const disable = ({ password }: { password: string }) =>
    run(async () => {
      await writes.disable.mutateAsync(password);
      setDisabling(false);
      void message.success(t('totp.disabled'));
    }, passwordForm);

  return (
    <Card
      title={
        <Space>
          <SafetyOutlined />
          {t('totp.title')}
        </Space>
      }
      extra={
        me.totpEnabled ? (
          <Tag color="green">{t('totp.statusOn')}</Tag>
        ) : (
          <Tag>{t('totp.statusOff')}</Tag>
        )
      }
    >
      {!me.totpEnabled && !setup && (
        <>
          <Typography.Paragraph>{t('totp.intro')}</Typography.Paragraph>
          <Button type="primary" loading={busy} onClick={() => void start()}>
            {t('totp.start')}
          </Button>
        </>
      )}
      {!me.totpEnabled && setup && (
        <>
          <Typography.Paragraph>{t('totp.scan')}</Typography.Paragraph>
          <div className="totp-setup">
            <QRCode value={setup.otpauthUrl} size={176} bordered={false} />
            <div>
              <div className="muted">{t('totp.secret')}</div>
              <Typography.Text code copyable className="totp-secret">
                {setup.secret}
              </Typography.Text>
            </div>
          </div>
          <Form
            name="totpEnable"
            form={codeForm}
            layout="vertical"
            requiredMark={false}
            onFinish={(v) => void enable(v)}
          >
            <Form.Item
              name="code"
              label={t('totp.code')}
              rules={fieldRules(zTotpEnable.shape.code)}
            >
              <Input inputMode="numeric" autoComplete="one-time-code" maxLength={6} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('totp.confirm')}
            </Button>
          </Form>
        </>
      )}
      {me.totpEnabled && !disabling && (
        <Button danger onClick={() => setDisabling(true)}>
          {t('totp.disable')}
        </Button>
      )}
      {me.totpEnabled && disabling && (
        <Form
          name="totpDisable"
          form={passwordForm}
          layout="vertical"
          requiredMark={false}
          onFinish={(v) => void disable(v)}
        >
          <Typography.Paragraph>{t('totp.disableHint')}</Typography.Paragraph>
          <Form.Item
            name="password"
            label={t('totp.password')}
            rules={fieldRules(zTotpDisable.shape.password)}
          >
            <Input.Password autoComplete="current-password" />
          </Form.Item>
          <Space>
            <Button onClick={() => setDisabling(false)}>{t('common.cancel')}</Button>
            <Button danger type="primary" htmlType="submit" loading={busy}>
              {t('totp.disable')}
            </Button>
          </Space>
        </Form>
      )}
    </Card>
  );
}
