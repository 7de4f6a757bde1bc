import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Alert, Button, Card, Descriptions, Image, Rate, Space, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IssueStatus } from '../../../../common/schemas/issues';
import { ListState } from '../../components/list-state';
import '../../styles/tips.css';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';
import { PhoneActionBar } from '../people/phone-action-bar';
import { TipStepDialog, type TipAction } from './tip-step-dialog';
import { PhaseTag, TipStatusTag } from './tip-tags';
import { useTip } from './tips-api';

/** The first of the allowed steps is the one primary button; the rest sit beside it. */
const primaryOrder: TipAction[] = [
  'triage',
  'convertIssue',
  'answer',
  'close',
  'convertCase',
  'dismiss',
];

/** A tip: what was said, where it stands (and what the resident sees), its steps, and the next step. */
export function TipPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const tip = useTip(id);
  const [action, setAction] = useState<TipAction | null>(null);
  const d = tip.data;

  const actions = d ? primaryOrder.filter((a) => d.actions.includes(a)) : [];
  const buttons = actions.map((a, i) => (
    <Button
      key={a}
      type={i === 0 ? 'primary' : 'default'}
      danger={a === 'dismiss'}
      size={isPhone ? 'large' : undefined}
      block={isPhone}
      onClick={() => setAction(a)}
    >
      {t(`tips.actions.${a}`)}
    </Button>
  ));

  return (
    <ListState
      loading={tip.isPending}
      error={tip.error}
      onRetry={() => void tip.refetch()}
      empty={false}
      emptyText=""
    >
      {d && (
        <Space direction="vertical" size="middle" style={{ width: '100%' }}>
          <Card
            title={
              <Space wrap>
                <span>{d.trackingCode}</span>
                <TipStatusTag status={d.status} />
              </Space>
            }
            extra={!isPhone && <Space wrap>{buttons}</Space>}
          >
            <Descriptions
              column={isPhone ? 1 : 2}
              size="small"
              items={[
                {
                  key: 'topic',
                  label: t('tips.fields.topic'),
                  children: t(`tips.topics.${d.topic}`),
                },
                {
                  key: 'category',
                  label: t('tips.fields.category'),
                  children: t(`tips.categories.${d.category}`),
                },
                {
                  key: 'channel',
                  label: t('tips.fields.channel'),
                  children: t(`tips.channels.${d.channel}`),
                },
                { key: 'at', label: t('tips.fields.createdAt'), children: formatTime(d.createdAt) },
                {
                  key: 'where',
                  label: t('tips.fields.community'),
                  children: [d.streetName, d.communityName].filter(Boolean).join(' · '),
                },
                { key: 'address', label: t('tips.fields.address'), children: d.address ?? '—' },
                {
                  key: 'contact',
                  label: t('tips.fields.contactName'),
                  children:
                    [d.contactName, d.contactPhone].filter(Boolean).join(' ') ||
                    t('tips.ui.anonymous'),
                },
                {
                  key: 'phase',
                  label: t('tips.ui.publicPhase'),
                  children: <PhaseTag phase={d.publicPhase} />,
                },
                {
                  key: 'description',
                  label: t('tips.fields.description'),
                  span: isPhone ? 1 : 2,
                  children: <div className="pre-wrap">{d.description}</div>,
                },
              ]}
            />
            {d.photos.length > 0 && (
              <Image.PreviewGroup>
                <Space wrap className="gap-top">
                  {d.photos.map((p) => (
                    <Image key={p.id} src={p.thumbUrl ?? p.url} width={96} height={96} alt="" />
                  ))}
                </Space>
              </Image.PreviewGroup>
            )}
            {d.issueId && (
              <Alert
                className="gap-top"
                type="info"
                showIcon
                title={t('tips.ui.linkedIssue', {
                  status: d.issueStatus ? t(`issues.statuses.${d.issueStatus as IssueStatus}`) : '',
                })}
                action={<Link to={`/issues/${d.issueId}`}>{t('tips.ui.openIssue')}</Link>}
              />
            )}
            {d.intakeReferralId && (
              <Alert
                className="gap-top"
                type="info"
                showIcon
                title={t('tips.ui.linkedReferral', {
                  status: d.referralStatus
                    ? t(
                        `tips.referralStatuses.${d.referralStatus as 'pending' | 'accepted' | 'declined'}`,
                      )
                    : '',
                })}
              />
            )}
            {d.rating !== null && (
              <div className="gap-top">
                {t('tips.fields.rating')}: <Rate disabled value={d.rating} />{' '}
                {d.ratingComment && <span className="muted">“{d.ratingComment}”</span>}
              </div>
            )}
          </Card>
          <Card title={t('tips.ui.steps')} size={isPhone ? 'small' : undefined}>
            <Timeline
              items={d.steps.map((s) => ({
                color: s.toStatus === 'dismissed' ? 'gray' : 'blue',
                content: (
                  <div className="tip-step">
                    <div>
                      <strong>{t(`tips.actions.${s.action}`)}</strong>{' '}
                      <span className="muted">
                        {formatTime(s.at)} ·{' '}
                        {s.actorName ??
                          (s.action === 'rate' || d.channel === 'webForm'
                            ? t('tips.ui.resident')
                            : t('tips.ui.system'))}
                      </span>
                    </div>
                    {s.publicReply && (
                      <div>
                        <span className="muted">{t('tips.ui.publicReply')}：</span>
                        {s.publicReply}
                      </div>
                    )}
                    {s.internalNote && (
                      <div>
                        <span className="muted">{t('tips.ui.internalNote')}：</span>
                        {s.internalNote}
                      </div>
                    )}
                  </div>
                ),
              }))}
            />
          </Card>
          {isPhone && buttons.length > 0 && (
            <PhoneActionBar>
              <Space direction="vertical" style={{ width: '100%' }}>
                {buttons}
              </Space>
            </PhoneActionBar>
          )}
          {action && <TipStepDialog tip={d} action={action} onClose={() => setAction(null)} />}
        </Space>
      )}
    </ListState>
  );
}
