import { Tag } from 'antd';
import { ClockCircleOutlined, ExclamationCircleOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import type { Issue, IssueStatus } from '../../../../common/schemas/issues';

/** Blue in progress, green done, grey closed or not applicable, red rejected (UX.md colours). */
const statusColors: Record<IssueStatus, string> = {
  reported: 'gold',
  accepted: 'blue',
  rejected: 'red',
  dispatched: 'blue',
  handling: 'processing',
  handled: 'cyan',
  verified: 'green',
  reopened: 'orange',
  closed: 'green',
  rated: 'green',
  merged: 'default',
};

export function IssueStatusTag({ status }: { status: IssueStatus }) {
  const { t } = useTranslation();
  return (
    <Tag color={statusColors[status]} className="issue-tag">
      {t(`issues.statuses.${status}`)}
    </Tag>
  );
}

/** 3天 / 5小时: how long, in the largest whole unit that says it. */
function span(ms: number, t: TFunction) {
  const hours = Math.max(1, Math.floor(Math.abs(ms) / 3_600_000));
  return hours >= 24
    ? t('issueUi.days', { count: Math.floor(hours / 24) })
    : t('issueUi.hours', { count: hours });
}

/** 逾期2天 in red, or 剩余5小时 in orange when the step is due within a day; words, not colour alone. */
export function DeadlineTag({ issue }: { issue: Pick<Issue, 'stepDeadline' | 'overdue'> }) {
  const { t } = useTranslation();
  if (!issue.stepDeadline) return null;
  const left = new Date(issue.stepDeadline).getTime() - Date.now();
  if (issue.overdue || left < 0) {
    return (
      <Tag color="red" icon={<ExclamationCircleOutlined />} className="issue-tag issue-overdue">
        {t('issues.overdueBy', { time: span(left, t) })}
      </Tag>
    );
  }
  return (
    <Tag
      color={left < 86_400_000 ? 'orange' : 'default'}
      icon={<ClockCircleOutlined />}
      className="issue-tag"
    >
      {t('issues.dueIn', { time: span(left, t) })}
    </Tag>
  );
}
