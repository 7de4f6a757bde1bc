import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Challenge } from 'altcha-lib';
import { tipCategories, tipTopics, type TipCategory, type TipTopic } from '../../../../common/tips';
import { ApiError, apiGet } from '../../api';
import { Field, focusFirstError, Spinner } from '../../components/plain/field';
import { useDocumentTitle } from '../../components/plain/use-document-title';
import { copyText, PublicFrame } from './public-frame';
import { usePublicStreets, useSendPublicTip } from './public-api';

interface Values {
  streetId: string;
  communityId: string;
  topic: TipTopic;
  category: TipCategory;
  address: string;
  description: string;
  contactName: string;
  contactPhone: string;
}
type FieldName = keyof Values;
type Errors = Partial<Record<FieldName, string>>;

const empty: Values = {
  streetId: '',
  communityId: '',
  topic: 'community',
  category: 'other',
  address: '',
  description: '',
  contactName: '',
  contactPhone: '',
};

/**
 * The proof of work the server asks for (ALTCHA): fetched, solved here in the browser, sent with
 * the tip. The solver loads only when the resident sends, not with the page.
 */
async function solvedChallenge(): Promise<string> {
  const [challenge, { solveChallenge }, { deriveKey }] = await Promise.all([
    apiGet<Challenge>('/public/tips/challenge'),
    import('altcha-lib'),
    import('altcha-lib/algorithms/web/sha'),
  ]);
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('challenge');
  return btoa(JSON.stringify({ challenge, solution }));
}

/**
 * /tip: a resident tells the street about a home, neighbour or community matter without logging in,
 * and gets a tracking code to follow it. Photos are not taken here (see the module's notes).
 */
export function PublicTipPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('tips.public.title'));
  const formRef = useRef<HTMLFormElement>(null);
  const streets = usePublicStreets();
  const sendTip = useSendPublicTip();
  const [values, setValues] = useState<Values>(empty);
  const [errors, setErrors] = useState<Errors>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [sending, setSending] = useState<'verifying' | 'sending' | null>(null);
  const [done, setDone] = useState<{ trackingCode: string } | null>(null);
  const communities = streets.data?.find((s) => s.id === values.streetId)?.communities ?? [];

  const set = <K extends FieldName>(name: K, value: Values[K]) => {
    setValues((v) => ({
      ...v,
      [name]: value,
      // Another street has other communities.
      ...(name === 'streetId' ? { communityId: '' } : {}),
    }));
    setErrors((e) => ({ ...e, [name]: undefined }));
  };

  /**
   * The API's own checks of each field, in its words. The schema and zod load when the resident
   * sends, not with the page, which a phone opens first.
   */
  const validate = async (): Promise<Errors> => {
    const [{ zPublicTipCreate }, { fieldProblem }] = await Promise.all([
      import('../../../../common/schemas/tips'),
      import('../../components/zod-form'),
    ]);
    const found: Errors = {};
    for (const name of Object.keys(values) as FieldName[]) {
      const problem = fieldProblem(zPublicTipCreate.shape[name], values[name]);
      if (problem) found[name] = problem;
    }
    return found;
  };

  const showErrors = (found: Errors) => {
    setErrors(found);
    requestAnimationFrame(() => focusFirstError(formRef.current));
  };

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (sending) return;
    setSending('verifying');
    let found: Errors;
    try {
      found = await validate();
    } catch {
      setSending(null);
      return setFormError(t('common.networkError'));
    }
    if (Object.keys(found).length > 0) {
      setSending(null);
      return showErrors(found);
    }
    setFormError(null);
    try {
      const altcha = await solvedChallenge();
      setSending('sending');
      const r = await sendTip.mutateAsync({
        streetId: values.streetId,
        communityId: values.communityId || undefined,
        topic: values.topic,
        category: values.category,
        description: values.description,
        address: values.address.trim() || undefined,
        contactName: values.contactName.trim() || undefined,
        contactPhone: values.contactPhone.trim() || undefined,
        altcha,
      });
      setDone(r);
      window.scrollTo({ top: 0 });
    } catch (error) {
      // The form keeps what was typed; an error about one field shows at that field.
      const text = error instanceof Error ? error.message : String(error);
      const field = error instanceof ApiError ? error.field : undefined;
      if (field && Object.hasOwn(values, field)) showErrors({ [field]: text });
      else setFormError(text);
    } finally {
      setSending(null);
    }
  };

  if (done) {
    return (
      <PublicFrame>
        <TrackingCode
          code={done.trackingCode}
          onAnother={() => {
            setValues(empty);
            setDone(null);
          }}
        />
      </PublicFrame>
    );
  }

  return (
    <PublicFrame>
      <h1 className="public-tip-title">{t('tips.public.title')}</h1>
      <p className="public-tip-intro">{t('tips.public.intro')}</p>
      {streets.isError && (
        <div className="notice error" role="alert">
          {streets.error.message}
        </div>
      )}
      <form ref={formRef} name="publicTip" noValidate onSubmit={(e) => void submit(e)}>
        <Field id="tip-street" label={t('tips.public.street')} error={errors.streetId}>
          {(control) => (
            <select
              {...control}
              name="streetId"
              className="input"
              value={values.streetId}
              onChange={(e) => set('streetId', e.target.value)}
              aria-busy={streets.isPending}
            >
              <option value="">
                {streets.isPending ? t('common.loading') : t('tips.public.choose')}
              </option>
              {(streets.data ?? []).map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field
          id="tip-community"
          label={t('tips.public.community')}
          hint={t('tips.public.communityAny')}
          error={errors.communityId}
        >
          {(control) => (
            <select
              {...control}
              name="communityId"
              className="input"
              value={values.communityId}
              onChange={(e) => set('communityId', e.target.value)}
              disabled={!values.streetId}
            >
              <option value="">{t('tips.public.choose')}</option>
              {communities.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.name}
                </option>
              ))}
            </select>
          )}
        </Field>
        <fieldset className="field">
          <legend className="field-label">{t('tips.public.topic')}</legend>
          <div className="choice-row">
            {tipTopics.map((topic) => (
              <label key={topic} className="choice">
                <input
                  type="radio"
                  name="topic"
                  value={topic}
                  checked={values.topic === topic}
                  onChange={() => set('topic', topic)}
                />
                <span>{t(`tips.topics.${topic}`)}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <Field id="tip-category" label={t('tips.public.category')}>
          {(control) => (
            <select
              {...control}
              name="category"
              className="input"
              value={values.category}
              onChange={(e) => set('category', e.target.value as TipCategory)}
            >
              {tipCategories.map((c) => (
                <option key={c} value={c}>
                  {t(`tips.categories.${c}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field id="tip-address" label={t('tips.public.address')} error={errors.address}>
          {(control) => (
            <input
              {...control}
              name="address"
              className="input"
              value={values.address}
              onChange={(e) => set('address', e.target.value)}
              maxLength={200}
            />
          )}
        </Field>
        <Field
          id="tip-description"
          label={t('tips.public.description')}
          hint={t('tips.public.descriptionHint')}
          error={errors.description}
        >
          {(control) => (
            <textarea
              {...control}
              name="description"
              className="input"
              rows={5}
              value={values.description}
              onChange={(e) => set('description', e.target.value)}
              maxLength={4000}
            />
          )}
        </Field>
        <p className="notice info">{t('tips.public.anonymousNote')}</p>
        <Field
          id="tip-contact-name"
          label={t('tips.public.contactName')}
          error={errors.contactName}
        >
          {(control) => (
            <input
              {...control}
              name="contactName"
              className="input"
              value={values.contactName}
              onChange={(e) => set('contactName', e.target.value)}
              maxLength={50}
              autoComplete="name"
            />
          )}
        </Field>
        <Field
          id="tip-contact-phone"
          label={t('tips.public.contactPhone')}
          error={errors.contactPhone}
        >
          {(control) => (
            <input
              {...control}
              name="contactPhone"
              type="tel"
              className="input"
              value={values.contactPhone}
              onChange={(e) => set('contactPhone', e.target.value)}
              inputMode="tel"
              maxLength={20}
              autoComplete="tel"
            />
          )}
        </Field>
        {formError && (
          <div className="notice error" role="alert">
            {formError}
          </div>
        )}
        <button type="submit" className="btn primary block large" aria-busy={sending !== null}>
          {sending && <Spinner />}
          {sending === 'verifying' ? t('tips.public.verifying') : t('tips.public.submit')}
        </button>
      </form>
    </PublicFrame>
  );
}

/** After sending: the tracking code, big, with a copy button and the way to the status page. */
function TrackingCode({ code, onAnother }: { code: string; onAnother: () => void }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState(false);
  return (
    <>
      <div className="public-tip-result">
        <svg viewBox="0 0 48 48" width="64" height="64" aria-hidden className="result-icon">
          <circle cx="24" cy="24" r="22" fill="#237804" />
          <path
            d="M14 24.5l7 7 13-14"
            fill="none"
            stroke="#fff"
            strokeWidth="4"
            strokeLinecap="round"
            strokeLinejoin="round"
          />
        </svg>
        <h1 className="public-tip-title">{t('tips.public.submitted')}</h1>
        <p className="public-tip-intro">{t('tips.public.codeHint')}</p>
      </div>
      <div className="public-tip-code-box">
        <div className="public-tip-code-label">{t('tips.public.codeLabel')}</div>
        <div className="public-tip-code" data-testid="tracking-code">
          {code}
        </div>
        <button
          type="button"
          className="btn block large"
          onClick={() => void copyText(code).then(() => setCopied(true))}
        >
          <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden>
            <rect
              x="8"
              y="8"
              width="12"
              height="13"
              rx="2"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            />
            <path
              d="M16 8V5a2 2 0 0 0-2-2H6a2 2 0 0 0-2 2v10a2 2 0 0 0 2 2h2"
              fill="none"
              stroke="currentColor"
              strokeWidth="2"
            />
          </svg>
          {t('tips.public.copy')}
        </button>
        <div className="public-tip-copied" role="status">
          {copied ? t('tips.public.copied') : ''}
        </div>
      </div>
      <Link to={`/tip/status?code=${encodeURIComponent(code)}`} className="btn primary block large">
        {t('tips.public.checkStatus')}
      </Link>
      <button type="button" className="btn link block" onClick={onAnother}>
        {t('tips.public.another')}
      </button>
    </>
  );
}
