import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { Button, Card, Descriptions, Result, Skeleton, Space, Tag, Timeline } from 'antd';
import { useTranslation } from 'react-i18next';
import type { IssueCommandName, IssueDetail, IssueStep } from '../../../../common/schemas/issues';
import { ApiError } from '../../api';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';
import { PhoneActionBar } from '../people/phone-action-bar';
import { DeadlineTag, IssueStatusTag } from './issue-tags';
import { IssueStepDialog } from './issue-step-dialog';
import { useIssue, useIssueSteps } from './issues-api';
import { PhotoStrip } from './photo-field';

function Facts({ issue }: { issue: IssueDetail }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  return (
    <Descriptions column={isPhone ? 1 : 2} size="small" className="issue-facts">
      <Descriptions.Item label={t('issues.columns.category')}>
        {t(`issues.categories.${issue.category}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('issues.columns.source')}>
        {t(`issues.sources.${issue.source}`)}
      </Descriptions.Item>
      <Descriptions.Item label={t('issueUi.where')}>
        {[issue.communityName, issue.gridName].join(' · ')}
      </Descriptions.Item>
      {issue.placeName && (
        <Descriptions.Item label={t('issues.columns.place')}>
          {issue.placeId ? (
            <Link to={`/places/${issue.placeId}`}>{issue.placeName}</Link>
          ) : (
            issue.placeName
          )}
        </Descriptions.Item>
      )}
      {issue.location && (
        <Descriptions.Item label={t('issues.columns.location')}>
          {issue.location.text}
        </Descriptions.Item>
      )}
      <Descriptions.Item label={t('issues.columns.reporter')}>
        {issue.reporter.name}
      </Descriptions.Item>
      <Descriptions.Item label={t('issues.columns.createdAt')}>
        {formatTime(issue.createdAt)}
      </Descriptions.Item>
      {issue.department && (
        <Descriptions.Item label={t('issues.columns.department')}>
          {issue.department.name}
          {issue.assignee ? ` · ${issue.assignee.name}` : ''}
        </Descriptions.Item>
      )}
      {issue.stepDeadline && (
        <Descriptions.Item label={t('issues.columns.stepDeadline')}>
          {formatTime(issue.stepDeadline)}
        </Descriptions.Item>
      )}
      {issue.escalationLevel !== 'grid' && (
        <Descriptions.Item label={t('issues.columns.level')}>
          {t(`issues.levels.${issue.escalationLevel}`)}
        </Descriptions.Item>
      )}
      {issue.rating !== null && (
        <Descriptions.Item label={t('issues.columns.rating')}>
          {'★'.repeat(issue.rating)}
        </Descriptions.Item>
      )}
      {issue.mergedInto && (
        <Descriptions.Item label={t('issueUi.mergedInto')}>{issue.mergedInto}</Descriptions.Item>
      )}
    </Descriptions>
  );
}

function Rectification({ issue }: { issue: IssueDetail }) {
  const { t } = useTranslation();
  const order = issue.rectification;
  if (!order) return null;
  return (
    <Card size="small" title={t('issueUi.rectification.title')} className="issue-section">
      <ol className="issue-rectification">
        {order.items.map((item) => (
          <li key={item.checklistItemId}>
            {item.text}
            {item.note && <div className="muted">{item.note}</div>}
          </li>
        ))}
      </ol>
      <div>
        {t('issueUi.rectification.deadline')} <strong>{order.deadline}</strong>
      </div>
      {order.requirement && <div className="muted">{order.requirement}</div>}
      {/* The notice and its re-inspection are on the inspection that raised the issue. */}
      {issue.source === 'inspection' && issue.sourceId && (
        <div>
          <Link to={`/inspections/${issue.sourceId}`}>{t('issueUi.rectification.openNotice')}</Link>
        </div>
      )}
    </Card>
  );
}

function StepLine({ step }: { step: IssueStep }) {
  const { t } = useTranslation();
  return (
    <div className="issue-step">
      <div className="issue-step-head">
        <strong>{t(`issues.actions.${step.action}`)}</strong>
        {step.action === 'verify' && (
          <Tag color={step.toStatus === 'reopened' ? 'red' : 'green'}>
            {t(
              step.toStatus === 'reopened'
                ? 'issues.verifyResults.notFixed'
                : 'issues.verifyResults.fixed',
            )}
          </Tag>
        )}
        <span className="muted">{formatTime(step.at)}</span>
      </div>
      <div className="muted small">
        {step.actor?.name ?? t('issues.system')}
        {step.department && ` → ${step.department.name}`}
        {step.assignee && ` · ${step.assignee.name}`}
        {step.level && ` → ${t(`issues.levels.${step.level}`)}`}
        {step.rating !== null && ` · ${'★'.repeat(step.rating)}`}
        {step.relatedIssueId && ` · ${step.relatedIssueId}`}
      </div>
      {step.note && <div className="issue-step-note">{step.note}</div>}
      <PhotoStrip photos={step.photos} />
    </div>
  );
}

function StepTimeline({ id }: { id: string }) {
  const { t } = useTranslation();
  const steps = useIssueSteps(id);
  if (steps.isPending) return <Skeleton active />;
  if (steps.error) return <div className="muted">{steps.error.message}</div>;
  return (
    <Timeline
      items={steps.data.map((step) => ({
        key: step.id,
        color:
          step.action === 'escalate' || step.action === 'reject'
            ? 'red'
            : step.action === 'close' || step.action === 'rate'
              ? 'green'
              : 'blue',
        children: <StepLine step={step} />,
      }))}
      aria-label={t('issueUi.timeline')}
    />
  );
}

export function IssuePage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const { id = '' } = useParams();
  const issue = useIssue(id);
  const [action, setAction] = useState<IssueCommandName | null>(null);

  if (issue.isPending) return <Skeleton active paragraph={{ rows: 8 }} />;
  if (issue.error) {
    const missing = issue.error instanceof ApiError && issue.error.status === 404;
    return (
      <Result
        status={missing ? '404' : 'warning'}
        title={missing ? t('issueUi.notFound') : issue.error.message}
        extra={
          !missing && <Button onClick={() => void issue.refetch()}>{t('common.retry')}</Button>
        }
      />
    );
  }
  const data = issue.data;
  const [primary, ...others] = data.actions;
  const buttons = (
    <Space wrap className="issue-actions">
      {primary && (
        <Button
          type="primary"
          size={isPhone ? 'large' : undefined}
          block={isPhone}
          onClick={() => setAction(primary)}
        >
          {t(`issues.actions.${primary}`)}
        </Button>
      )}
      {others.map((a) => (
        <Button
          key={a}
          danger={a === 'reject'}
          size={isPhone ? 'large' : undefined}
          onClick={() => setAction(a)}
        >
          {t(`issues.actions.${a}`)}
        </Button>
      ))}
    </Space>
  );

  return (
    <div className="issue-page">
      <Card
        title={
          <span className="issue-tags">
            <IssueStatusTag status={data.status} />
            <DeadlineTag issue={data} />
          </span>
        }
        extra={!isPhone && buttons}
        className="issue-section"
      >
        <p className="issue-description">{data.description}</p>
        <PhotoStrip photos={data.photos} />
        <Facts issue={data} />
      </Card>
      <Rectification issue={data} />
      <Card size="small" title={t('issueUi.timeline')} className="issue-section">
        <StepTimeline id={id} />
      </Card>
      {isPhone && data.actions.length > 0 && <PhoneActionBar>{buttons}</PhoneActionBar>}
      <IssueStepDialog
        key={`${action ?? ''}-${data.version}`}
        issue={data}
        action={action}
        onClose={() => setAction(null)}
      />
    </div>
  );
}
