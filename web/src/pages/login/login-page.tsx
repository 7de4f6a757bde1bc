import { useRef, useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../../api';
import { useAuthActions, useMeQuery, wasSessionLost } from '../../auth';
import { Field, focusFirstError, Spinner } from '../../components/plain/field';
import { PlainLanguageSwitch } from '../../components/plain/language-switch';
import { useDocumentTitle } from '../../components/plain/use-document-title';
import '../../styles/public.css';

/** Only same-site paths: a crafted ?next= must not send the user elsewhere after log-in. */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/today';
}

type FieldName = 'username' | 'password' | 'totp';

/**
 * The log-in, in plain HTML: it is the first page of every working day on a phone, so it loads no
 * antd and only the public words; the signed-in app loads after it.
 */
export function LoginPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('login.submit'));
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const me = useMeQuery();
  const { logIn } = useAuthActions();
  const formRef = useRef<HTMLFormElement>(null);
  const [values, setValues] = useState({ username: '', password: '', totp: '' });
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<FieldName, string>>>({});
  const [needsTotp, setNeedsTotp] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (me.data) return <Navigate to={next} replace />;

  const set = (name: FieldName, value: string) => {
    setValues((v) => ({ ...v, [name]: value }));
    setFieldErrors((e) => ({ ...e, [name]: undefined }));
  };

  const validate = () => {
    const found: Partial<Record<FieldName, string>> = {};
    if (!values.username.trim()) found.username = t('login.usernameRequired');
    if (!values.password) found.password = t('login.passwordRequired');
    if (needsTotp && !/^\d{6}$/.test(values.totp)) found.totp = t('login.totpFormat');
    setFieldErrors(found);
    return Object.keys(found).length === 0;
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (busy) return;
    if (!validate()) {
      requestAnimationFrame(() => focusFirstError(formRef.current));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await logIn({
        username: values.username,
        password: values.password,
        totp: needsTotp ? values.totp : undefined,
      });
      await navigate(next, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'TOTP_REQUIRED') {
        setNeedsTotp(true);
      } else if (e instanceof ApiError && e.code === 'TOTP_INVALID') {
        setValues((v) => ({ ...v, totp: '' }));
        setFieldErrors({ totp: e.message });
      } else {
        setError(e instanceof Error ? e.message : String(e));
      }
    } finally {
      setBusy(false);
    }
  };

  const notice = error ?? (wasSessionLost() ? t('app.sessionExpired') : null);

  return (
    <div className="login-page">
      <div className="login-lang">
        <PlainLanguageSwitch />
      </div>
      <main className="login-card">
        <h1 className="login-brand">
          <span className="brand-mark large">{t('login.title')}</span>
          <span className="login-subtitle">{t('login.subtitle')}</span>
        </h1>
        {notice && (
          <div className={error ? 'notice error' : 'notice info'} role="alert">
            {notice}
          </div>
        )}
        <form ref={formRef} noValidate onSubmit={(e) => void submit(e)}>
          <Field id="login-username" label={t('login.username')} error={fieldErrors.username}>
            {(control) => (
              <input
                {...control}
                name="username"
                className="input"
                value={values.username}
                onChange={(e) => set('username', e.target.value)}
                autoComplete="username"
                autoCapitalize="none"
                autoCorrect="off"
                spellCheck={false}
                disabled={needsTotp}
              />
            )}
          </Field>
          <Field id="login-password" label={t('login.password')} error={fieldErrors.password}>
            {(control) => (
              <input
                {...control}
                name="password"
                type="password"
                className="input"
                value={values.password}
                onChange={(e) => set('password', e.target.value)}
                autoComplete="current-password"
                disabled={needsTotp}
              />
            )}
          </Field>
          {needsTotp && (
            <Field
              id="login-totp"
              label={t('login.totp')}
              hint={t('login.totpHint')}
              error={fieldErrors.totp}
            >
              {(control) => (
                <input
                  {...control}
                  name="totp"
                  className="input"
                  value={values.totp}
                  onChange={(e) => set('totp', e.target.value.replace(/\D/g, ''))}
                  inputMode="numeric"
                  autoComplete="one-time-code"
                  maxLength={6}
                  autoFocus
                />
              )}
            </Field>
          )}
          <button type="submit" className="btn primary block" aria-busy={busy}>
            {busy && <Spinner />}
            {t('login.submit')}
          </button>
          {needsTotp && (
            <button
              type="button"
              className="btn link block"
              onClick={() => {
                setNeedsTotp(false);
                setValues({ username: '', password: '', totp: '' });
                setFieldErrors({});
              }}
            >
              {t('login.otherAccount')}
            </button>
          )}
        </form>
        <p className="login-foot">{t('login.forgot')}</p>
      </main>
    </div>
  );
}
