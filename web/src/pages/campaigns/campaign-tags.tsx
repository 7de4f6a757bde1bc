import { Progress, Space, Tag, Typography } from 'antd';
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  HomeOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CampaignStatus, VisitOutcome } from '../../../../common/schemas/campaigns';

const statusColors: Record<CampaignStatus, string> = {
  planned: 'default',
  active: 'processing',
  ended: 'success',
};

export function CampaignStatusTag({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return <Tag color={statusColors[status]}>{t(`campaigns.statuses.${status}`)}</Tag>;
}

const outcomeLook: Record<VisitOutcome | 'pending', { color: string; icon: React.ReactNode }> = {
  pending: { color: 'default', icon: <HomeOutlined /> },
  delivered: { color: 'success', icon: <CheckCircleOutlined /> },
  notHome: { color: 'warning', icon: <ClockCircleOutlined /> },
  refused: { color: 'error', icon: <CloseCircleOutlined /> },
};

/** A household's latest outcome, in word and icon (never colour alone). */
export function OutcomeTag({ outcome }: { outcome: VisitOutcome | null }) {
  const { t } = useTranslation();
  const key = outcome ?? 'pending';
  return (
    <Tag color={outcomeLook[key].color} icon={outcomeLook[key].icon}>
      {t(`campaigns.filters.${key}`)}
    </Tag>
  );
}

/** Reached of target as a bar with the numbers beside it. */
export function CoverageBar(props: { reached: number; target: number; share: number }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" size={0} style={{ width: '100%', minWidth: 140 }}>
      <Progress
        percent={Math.round(props.share * 1000) / 10}
        size="small"
        status={props.share >= 1 ? 'success' : 'active'}
      />
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('campaigns.coverage.reachedOf', { reached: props.reached, target: props.target })}
      </Typography.Text>
    </Space>
  );
}
