import type { ReactNode } from 'react';
import { Tag } from 'antd';
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  ExclamationCircleOutlined,
  MinusCircleOutlined,
  SyncOutlined,
} from '@ant-design/icons';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  caseSources,
  caseStages,
  closureReasons,
  goalResults,
  resourceCategories,
  riskLevels,
  serviceRecordTypes,
  type CaseStage,
  type ReferralStatus,
  type RiskLevel,
} from '../../../../common/schemas/cases';
import { shanghaiToday } from '../../../../common/time';

export { shanghaiToday };
/** Whole days from today (Asia/Shanghai) to the date: negative when it is past. */
export const daysFromToday = (date: string) =>
  dayjs(date).startOf('day').diff(dayjs(shanghaiToday()).startOf('day'), 'day');

/** Select options for the case module's codes, in the user's language. */
export function useCaseOptions() {
  const { t } = useTranslation();
  return {
    stages: caseStages.map((v) => ({ value: v, label: t(`cases.stages.${v}`) })),
    sources: caseSources.map((v) => ({ value: v, label: t(`cases.sources.${v}`) })),
    risks: riskLevels.map((v) => ({ value: v, label: t(`cases.riskLevels.${v}`) })),
    statuses: (['open', 'closed'] as const).map((v) => ({
      value: v,
      label: t(`cases.statuses.${v}`),
    })),
    closureReasons: closureReasons.map((v) => ({
      value: v,
      label: t(`cases.closureReasons.${v}`),
    })),
    goalResults: goalResults.map((v) => ({ value: v, label: t(`cases.goalResults.${v}`) })),
    recordTypes: serviceRecordTypes.map((v) => ({ value: v, label: t(`cases.recordTypes.${v}`) })),
    resourceCategories: resourceCategories.map((v) => ({
      value: v,
      label: t(`cases.resourceCategories.${v}`),
    })),
  };
}

const riskColors: Record<RiskLevel, string> = { low: 'green', medium: 'orange', high: 'red' };

/**
 * 高风险 in red, with the word: colour is never the only sign. `labelled` names it as the case's
 * risk (个案风险：高) where a care tier (关爱分级：高风险) stands beside it.
 */
export function RiskTag({ level, labelled = false }: { level: RiskLevel; labelled?: boolean }) {
  const { t } = useTranslation();
  const word = t(`cases.riskLevels.${level}`);
  return (
    <Tag color={riskColors[level]} className="case-tag">
      {labelled
        ? t('caseUi.today.caseRisk', { level: word })
        : t('caseUi.today.risk', { level: word })}
    </Tag>
  );
}

export function StageTag({ stage }: { stage: CaseStage }) {
  const { t } = useTranslation();
  const closed = stage === 'closed';
  return (
    <Tag
      color={closed ? undefined : 'blue'}
      icon={closed ? <CheckCircleOutlined /> : <SyncOutlined />}
      className="case-tag"
    >
      {t(`cases.stages.${stage}`)}
    </Tag>
  );
}

const referralLook: Record<ReferralStatus, { color?: string; icon: ReactNode }> = {
  requested: { color: 'blue', icon: <ClockCircleOutlined /> },
  accepted: { color: 'processing', icon: <SyncOutlined /> },
  completed: { color: 'green', icon: <CheckCircleOutlined /> },
  declined: { icon: <MinusCircleOutlined /> },
};

export function ReferralStatusTag({ status }: { status: ReferralStatus }) {
  const { t } = useTranslation();
  const look = referralLook[status];
  return (
    <Tag color={look.color} icon={look.icon} className="case-tag">
      {t(`cases.referralStatuses.${status}`)}
    </Tag>
  );
}

/**
 * When the next contact is due: red with 逾期 N 天 once past, orange on the day, plain before.
 * Closed cases have none.
 */
export function DueTag({ date, withDate = true }: { date: string | null; withDate?: boolean }) {
  const { t } = useTranslation();
  if (!date) return <span className="muted">{t('caseUi.due.none')}</span>;
  const days = daysFromToday(date);
  if (days < 0)
    return (
      <span className="due due-overdue">
        <Tag color="red" icon={<ExclamationCircleOutlined />} className="case-tag">
          {t('caseUi.due.overdue', { count: -days })}
        </Tag>
        {withDate && <span className="due-date">{date}</span>}
      </span>
    );
  if (days === 0)
    return (
      <span className="due due-today">
        <Tag color="orange" icon={<ClockCircleOutlined />} className="case-tag">
          {t('caseUi.due.today')}
        </Tag>
        {withDate && <span className="due-date">{date}</span>}
      </span>
    );
  return (
    <span className="due">
      <span className="due-date">{date}</span>
      <span className="muted small">{t('caseUi.due.soon', { count: days })}</span>
    </span>
  );
}
