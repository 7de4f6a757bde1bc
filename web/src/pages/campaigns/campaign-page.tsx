import { useState } from 'react';
import { useParams } from 'react-router';
import { App, Button, Card, Descriptions, Skeleton, Space, Tag } from 'antd';
import {
  CaretRightOutlined,
  DownloadOutlined,
  EditOutlined,
  FlagOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { CampaignDetail } from '../../../../common/schemas/campaigns';
import { ListState } from '../../components/list-state';
import { useIsPhone } from '../../use-is-phone';
import { CampaignFormModal } from './campaign-form';
import { CampaignStatusTag, CoverageBar } from './campaign-tags';
import { useCampaign, useCampaignWrites } from './campaigns-api';
import { CoverageCard } from './campaign-coverage';
import { DeskHouseholds, PhoneHouseholds } from './campaign-households';

/** 宣传走访活动 page: the campaign, how far it has got, and its households. */
export function CampaignPage() {
  const { id = '' } = useParams();
  const campaign = useCampaign(id);
  return (
    <ListState
      loading={campaign.isPending}
      error={campaign.error}
      onRetry={() => void campaign.refetch()}
      empty={false}
      emptyText=""
    >
      {campaign.data ? <CampaignView campaign={campaign.data} /> : <Skeleton active />}
    </ListState>
  );
}

function CampaignView({ campaign: c }: { campaign: CampaignDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isPhone = useIsPhone();
  const writes = useCampaignWrites();
  const [editing, setEditing] = useState(false);

  const setStatus = (status: CampaignDetail['status'], label: string) =>
    modal.confirm({
      title: label,
      content: c.title,
      okText: label,
      onOk: async () => {
        try {
          await writes.update(c.id, { version: c.version, status });
          void message.success(t('campaigns.saved'));
        } catch (error) {
          void message.error(error instanceof Error ? error.message : t('common.loadFailed'));
        }
      },
    });
  const exportVisits = async () => {
    try {
      const headers = await writes.exportVisits(c.id);
      void message.success(
        t('campaigns.exported', { count: Number(headers.get('x-exported-count') ?? 0) }),
      );
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('common.exportFailed'));
    }
  };

  const actions = !isPhone && (
    <Space wrap>
      {c.canEdit && c.status === 'planned' && (
        <Button
          type="primary"
          icon={<CaretRightOutlined />}
          onClick={() => setStatus('active', t('campaigns.start'))}
        >
          {t('campaigns.start')}
        </Button>
      )}
      {c.canEdit && c.status === 'active' && (
        <Button icon={<FlagOutlined />} onClick={() => setStatus('ended', t('campaigns.end'))}>
          {t('campaigns.end')}
        </Button>
      )}
      {c.canEdit && c.status === 'ended' && (
        <Button onClick={() => setStatus('active', t('campaigns.reopen'))}>
          {t('campaigns.reopen')}
        </Button>
      )}
      {c.canEdit && (
        <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
          {t('common.edit')}
        </Button>
      )}
      <Button icon={<DownloadOutlined />} onClick={() => void exportVisits()}>
        {t('campaigns.exportVisits')}
      </Button>
    </Space>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="campaign-page">
      <Card
        size="small"
        title={
          <Space wrap>
            <span style={{ whiteSpace: 'normal' }}>{c.title}</span>
            <CampaignStatusTag status={c.status} />
          </Space>
        }
        extra={actions}
      >
        <Descriptions
          size="small"
          column={isPhone ? 1 : 3}
          items={[
            ...(isPhone
              ? []
              : [{ key: 'owner', label: t('campaigns.fields.owner'), children: c.owner.name }]),
            {
              key: 'dates',
              label: t('campaigns.fields.dates'),
              children: `${c.startDate} – ${c.endDate}`,
            },
            {
              key: 'targets',
              label: t('campaigns.fields.targets'),
              children: c.targets.map((x) => x.name).join('、'),
            },
            {
              key: 'materials',
              label: t('campaigns.fields.materials'),
              children: (
                <Space wrap size={4}>
                  {c.materials.map((m) => (
                    <Tag key={m}>{m}</Tag>
                  ))}
                </Space>
              ),
            },
            {
              key: 'survey',
              label: t('campaigns.fields.survey'),
              children: c.survey?.title ?? t('campaigns.fields.surveyNone'),
            },
            ...(c.note && !isPhone
              ? [{ key: 'note', label: t('campaigns.fields.note'), children: c.note }]
              : []),
          ]}
        />
        <div style={{ maxWidth: 420, marginTop: 8 }}>
          <CoverageBar {...c.summary} />
        </div>
      </Card>
      {isPhone ? (
        <PhoneHouseholds campaign={c} />
      ) : (
        <>
          <CoverageCard campaign={c} />
          <DeskHouseholds campaign={c} />
        </>
      )}
      {isPhone && <CoverageCard campaign={c} />}
      <CampaignFormModal open={editing} onClose={() => setEditing(false)} campaign={c} />
    </Space>
  );
}
