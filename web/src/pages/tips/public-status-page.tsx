import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Alert, App, Button, Form, Input, Rate, Skeleton, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { PublicTipStatus, TipPublicPhase } from '../../../../common/schemas/tips';
import { normaliseTrackingCode } from '../../../../common/schemas/tips';
import { ApiError, apiSend } from '../../api';
import { formatTime } from '../../i18n';
import { PublicFrame } from './public-frame';
import { usePublicTip } from './tips-api';
import { useQueryClient } from '@tanstack/react-query';

const phaseColour: Record<TipPublicPhase, string> = {
  submitted: 'orange',
  received: 'processing',
  inProgress: 'processing',
  done: 'success',
  dismissed: 'default',
};

export function PhaseTag({ phase }: { phase: TipPublicPhase }) {
  const { t } = useTranslation();
  return <Tag color={phaseColour[phase]}>{t(`tips.phases.${phase}`)}</Tag>;
}

/** /tip/status: the resident types the tracking code and sees the status, the replies, and rates. */
export function PublicStatusPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const code = params.get('code') ?? undefined;
  const status = usePublicTip(code);
  const [typed, setTyped] = useState(code ?? '');

  const lookup = () => {
    const c = normaliseTrackingCode(typed);
    if (!c) return;
    setTyped(c);
    setParams({ code: c });
  };

  return (
    <PublicFrame>
      <h1 className="public-tip-title">{t('tips.public.statusTitle')}</h1>
      <div className="public-tip-lookup">
        <Input
          size="large"
          value={typed}
          placeholder="K7MX-3PQD-9R"
          aria-label={t('tips.public.codeInput')}
          onChange={(e) => setTyped(e.target.value)}
          onPressEnter={lookup}
          autoCapitalize="characters"
          className="public-tip-code-input"
        />
        <Button type="primary" size="large" onClick={lookup}>
          {t('tips.public.lookup')}
        </Button>
      </div>
      {code && status.isPending && <Skeleton active />}
      {status.isError && (
        <Alert
          type={
            status.error instanceof ApiError && status.error.status === 404 ? 'warning' : 'error'
          }
          showIcon
          title={
            status.error instanceof ApiError && status.error.status === 404
              ? t('tips.public.notFound')
              : status.error.message
          }
        />
      )}
      {status.data && <StatusCard tip={status.data} />}
    </PublicFrame>
  );
}

function StatusCard({ tip }: { tip: PublicTipStatus }) {
  const { t } = useTranslation();
  return (
    <section className="public-tip-status" data-testid="tip-status">
      <div className="public-tip-status-head">
        <span className="public-tip-code small">{tip.trackingCode}</span>
        <PhaseTag phase={tip.phase} />
      </div>
      <dl className="public-tip-facts">
        <dt>{t('tips.public.currentPhase')}</dt>
        <dd>{t(`tips.phases.${tip.phase}`)}</dd>
        <dt>{t('tips.public.submittedAt')}</dt>
        <dd>{formatTime(tip.submittedAt)}</dd>
        <dt>{t('tips.fields.topic')}</dt>
        <dd>
          {t(`tips.topics.${tip.topic}`)} · {t(`tips.categories.${tip.category}`)}
        </dd>
      </dl>
      <h2 className="public-tip-subtitle">{t('tips.public.replies')}</h2>
      {tip.replies.length === 0 ? (
        <p className="muted">{t('tips.public.noReplies')}</p>
      ) : (
        <Timeline
          items={tip.replies.map((r) => ({
            color: r.phase === 'done' ? 'green' : r.phase === 'dismissed' ? 'gray' : 'blue',
            content: (
              <div className="public-tip-reply">
                <div className="muted">
                  {formatTime(r.at)} · {t(`tips.phases.${r.phase}`)}
                </div>
                <div>{r.text}</div>
              </div>
            ),
          }))}
        />
      )}
      {tip.rating !== null ? (
        <Alert
          type="success"
          showIcon
          title={t('tips.public.yourRating', { rating: tip.rating })}
          description={tip.ratingComment ?? undefined}
        />
      ) : (
        tip.canRate && <RateForm tip={tip} />
      )}
    </section>
  );
}

function RateForm({ tip }: { tip: PublicTipStatus }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const qc = useQueryClient();
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm<{ rating: number; comment?: string }>();
  const submit = async (v: { rating: number; comment?: string }) => {
    setSaving(true);
    try {
      const out = await apiSend<PublicTipStatus>(
        'POST',
        `/public/tips/${encodeURIComponent(tip.trackingCode)}/rating`,
        { rating: v.rating, comment: v.comment?.trim() || undefined },
      );
      qc.setQueryData(['public', 'tip', tip.trackingCode], out);
      void message.success(t('tips.public.rated'));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form
      form={form}
      layout="vertical"
      size="large"
      onFinish={(v) => void submit(v)}
      className="public-tip-rate"
    >
      <h2 className="public-tip-subtitle">{t('tips.public.rateTitle')}</h2>
      <Form.Item name="rating" rules={[{ required: true, message: t('common.required') }]}>
        <Rate className="public-tip-stars" />
      </Form.Item>
      <Form.Item name="comment" label={t('tips.public.rateComment')}>
        <Input.TextArea autoSize={{ minRows: 2, maxRows: 5 }} maxLength={500} />
      </Form.Item>
      <Button type="primary" htmlType="submit" size="large" block loading={saving}>
        {t('tips.public.rateSubmit')}
      </Button>
    </Form>
  );
}
