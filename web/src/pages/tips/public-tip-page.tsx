import { useState } from 'react';
import { Link } from 'react-router';
import { Alert, App, Button, Form, Input, Radio, Result, Select } from 'antd';
import { CopyOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/sha';
import {
  tipCategories,
  tipTopics,
  type TipCategory,
  type TipTopic,
} from '../../../../common/schemas/tips';
import { apiGet, apiSend } from '../../api';
import { showServerError } from '../../components/form-errors';
import { copyText, PublicFrame } from './public-frame';
import { usePublicStreets } from './tips-api';

interface Values {
  streetId: string;
  communityId?: string;
  topic: TipTopic;
  category: TipCategory;
  address?: string;
  description: string;
  contactName?: string;
  contactPhone?: string;
}

/** The proof of work the server asks for: fetched, solved here in the browser, sent with the tip. */
async function solvedChallenge(): Promise<string> {
  const challenge = await apiGet<Challenge>('/public/tips/challenge');
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
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const streets = usePublicStreets();
  const streetId = Form.useWatch('streetId', form);
  const communities = streets.data?.find((s) => s.id === streetId)?.communities ?? [];
  const [sending, setSending] = useState<'verifying' | 'sending' | null>(null);
  const [done, setDone] = useState<{ trackingCode: string } | null>(null);

  const submit = async (values: Values) => {
    setSending('verifying');
    try {
      const altcha = await solvedChallenge();
      setSending('sending');
      const r = await apiSend<{ trackingCode: string }>('POST', '/public/tips', {
        ...values,
        address: values.address?.trim() || undefined,
        contactName: values.contactName?.trim() || undefined,
        contactPhone: values.contactPhone?.trim() || undefined,
        altcha,
      });
      setDone(r);
      window.scrollTo({ top: 0 });
    } catch (error) {
      showServerError(form, error, (text) => void message.error(text));
    } finally {
      setSending(null);
    }
  };

  if (done) {
    return (
      <PublicFrame>
        <Result
          status="success"
          title={t('tips.public.submitted')}
          subTitle={t('tips.public.codeHint')}
          className="public-tip-result"
        />
        <div className="public-tip-code-box">
          <div className="public-tip-code-label">{t('tips.public.codeLabel')}</div>
          <div className="public-tip-code" data-testid="tracking-code">
            {done.trackingCode}
          </div>
          <Button
            size="large"
            icon={<CopyOutlined />}
            block
            onClick={() =>
              void copyText(done.trackingCode).then(
                () => void message.success(t('tips.public.copied')),
              )
            }
          >
            {t('tips.public.copy')}
          </Button>
        </div>
        <Link to={`/tip/status?code=${encodeURIComponent(done.trackingCode)}`}>
          <Button type="primary" size="large" block className="public-tip-main-action">
            {t('tips.public.checkStatus')}
          </Button>
        </Link>
        <Button
          size="large"
          block
          type="link"
          onClick={() => {
            form.resetFields();
            setDone(null);
          }}
        >
          {t('tips.public.another')}
        </Button>
      </PublicFrame>
    );
  }

  return (
    <PublicFrame>
      <h1 className="public-tip-title">{t('tips.public.title')}</h1>
      <p className="public-tip-intro">{t('tips.public.intro')}</p>
      {streets.isError && <Alert type="error" title={streets.error.message} showIcon />}
      <Form<Values>
        form={form}
        name="publicTip"
        layout="vertical"
        size="large"
        requiredMark={false}
        scrollToFirstError={{ block: 'center' }}
        initialValues={{ topic: 'community', category: 'other' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item
          name="streetId"
          label={t('tips.public.street')}
          rules={[{ required: true, message: t('common.required') }]}
        >
          <Select
            loading={streets.isPending}
            options={(streets.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
            onChange={() => form.setFieldValue('communityId', undefined)}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item
          name="communityId"
          label={t('tips.public.community')}
          extra={t('tips.public.communityAny')}
        >
          <Select
            allowClear
            disabled={!streetId}
            options={communities.map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="topic" label={t('tips.public.topic')}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            className="public-tip-topics"
            options={tipTopics.map((v) => ({ value: v, label: t(`tips.topics.${v}`) }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('tips.public.category')}>
          <Select
            options={tipCategories.map((v) => ({ value: v, label: t(`tips.categories.${v}`) }))}
          />
        </Form.Item>
        <Form.Item name="address" label={t('tips.public.address')}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('tips.public.description')}
          extra={t('tips.public.descriptionHint')}
          rules={[{ required: true, whitespace: true, message: t('common.required') }]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 10 }} maxLength={4000} />
        </Form.Item>
        <Alert type="info" title={t('tips.public.anonymousNote')} className="gap-bottom" />
        <Form.Item name="contactName" label={t('tips.public.contactName')}>
          <Input maxLength={50} autoComplete="name" />
        </Form.Item>
        <Form.Item
          name="contactPhone"
          label={t('tips.public.contactPhone')}
          rules={[{ pattern: /^[0-9+\-\s]{5,20}$/, message: t('tips.public.phoneInvalid') }]}
        >
          <Input inputMode="tel" maxLength={20} autoComplete="tel" />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          size="large"
          block
          loading={sending !== null}
          className="public-tip-main-action"
        >
          {sending === 'verifying' ? t('tips.public.verifying') : t('tips.public.submit')}
        </Button>
      </Form>
    </PublicFrame>
  );
}
