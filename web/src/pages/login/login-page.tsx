import { useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { Alert, Button, Card, Form, Input } from 'antd';
import { LockOutlined, SafetyOutlined, UserOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { Login } from '../../../../common/schemas/auth';
import { ApiError } from '../../api';
import { useAuthActions, useMeQuery, wasSessionLost } from '../../auth';
import { LanguageSwitch } from '../../components/language-switch';

/** Only same-site paths: a crafted ?next= must not send the user elsewhere after log-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/today';
}

export function LoginPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMeQuery();
  const { logIn } = useAuthActions();
  const [form] = Form.useForm<Login>();
  const [needsTotp, setNeedsTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (me.data) return <Navigate to={next} replace />;

  const submit = async (values: Login) => {
    setBusy(true);
    setError(null);
    try {
      await logIn({ ...values, totp: needsTotp ? values.totp : undefined });
      await navigate(next, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'TOTP_REQUIRED') {
        setNeedsTotp(true);
      } else if (e instanceof ApiError && e.code === 'TOTP_INVALID') {
        form.setFields([{ name: 'totp', errors: [e.message], value: '' }]);
      } else {
        setError(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="login-page">
      <div className="login-lang">
        <LanguageSwitch />
      </div>
      <Card className="login-card" variant="borderless">
        <div className="login-brand">
          <span className="brand-mark large">{t('login.title')}</span>
          <div className="login-subtitle">{t('login.subtitle')}</div>
        </div>
        {error && <Alert type="error" showIcon title={error} className="login-error" />}
        {!error && wasSessionLost() && (
          <Alert type="info" showIcon title={t('app.sessionExpired')} className="login-error" />
        )}
        <Form
          name="login"
          form={form}
          layout="vertical"
          size="large"
          requiredMark={false}
          onFinish={(v) => void submit(v)}
        >
          <Form.Item
            name="username"
            label={t('login.username')}
            rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
          >
            <Input
              prefix={<UserOutlined />}
              autoComplete="username"
              autoCapitalize="none"
              autoCorrect="off"
              spellCheck={false}
              disabled={needsTotp}
            />
          </Form.Item>
          <Form.Item
            name="password"
            label={t('login.password')}
            rules={[{ required: true, message: t('login.passwordRequired') }]}
          >
            <Input.Password
              prefix={<LockOutlined />}
              autoComplete="current-password"
              disabled={needsTotp}
            />
          </Form.Item>
          {needsTotp && (
            <Form.Item
              name="totp"
              label={t('login.totp')}
              extra={t('login.totpHint')}
              rules={[{ required: true, pattern: /^\d{6}$/, message: t('login.totpFormat') }]}
            >
              <Input
                prefix={<SafetyOutlined />}
                inputMode="numeric"
                autoComplete="one-time-code"
                maxLength={6}
                autoFocus
              />
            </Form.Item>
          )}
          <Button type="primary" htmlType="submit" block loading={busy}>
            {t('login.submit')}
          </Button>
          {needsTotp && (
            <Button
              type="link"
              block
              onClick={() => {
                setNeedsTotp(false);
                form.resetFields();
              }}
            >
              {t('login.otherAccount')}
            </Button>
          )}
        </Form>
        <div className="login-foot muted">{t('login.forgot')}</div>
      </Card>
    </div>
  );
}
