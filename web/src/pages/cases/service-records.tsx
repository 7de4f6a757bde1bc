import { useNavigate } from 'react-router';
import { Button, Card, Tag, Timeline } from 'antd';
import {
  CarOutlined,
  CommentOutlined,
  HomeOutlined,
  LinkOutlined,
  PhoneOutlined,
  PlusOutlined,
  SafetyCertificateOutlined,
  TeamOutlined,
  EllipsisOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { ReactNode } from 'react';
import type {
  CaseDetail,
  ServiceRecord,
  ServiceRecordType,
} from '../../../../common/schemas/cases';
import { ListState } from '../../components/list-state';
import { formatTime } from '../../i18n';
import { useServiceRecords } from './cases-api';

export const recordTypeLook: Record<ServiceRecordType, { color: string; icon: ReactNode }> = {
  phoneCall: { color: 'blue', icon: <PhoneOutlined /> },
  homeVisit: { color: 'green', icon: <HomeOutlined /> },
  counselling: { color: 'purple', icon: <CommentOutlined /> },
  accompaniment: { color: 'cyan', icon: <CarOutlined /> },
  resourceLinking: { color: 'gold', icon: <LinkOutlined /> },
  groupActivity: { color: 'magenta', icon: <TeamOutlined /> },
  other: { color: 'gray', icon: <EllipsisOutlined /> },
};

function RecordItem({ r }: { r: ServiceRecord }) {
  const { t } = useTranslation();
  const look = recordTypeLook[r.type];
  return (
    <div className="record-item" data-record-type={r.type}>
      <div className="record-head">
        <span className="record-time">{formatTime(r.at)}</span>
        <Tag color={look.color} icon={look.icon} className="case-tag">
          {t(`cases.recordTypes.${r.type}`)}
        </Tag>
        <span className="muted small">
          {t('caseUi.record.minutes', { count: r.durationMinutes })} · {r.worker.displayName}
        </span>
      </div>
      <div className="record-content pre-wrap">{r.content}</div>
      <div className="record-foot small">
        {r.corrections && r.corrections.length > 0 && (
          <Tag color="green" icon={<SafetyCertificateOutlined />} className="case-tag">
            {t('caseUi.record.corrected')}
          </Tag>
        )}
        {r.nextFollowUpDate && (
          <span className="muted">
            {t('cases.fields.nextFollowUp')} {r.nextFollowUpDate}
          </span>
        )}
      </div>
    </div>
  );
}

/** Every contact with the client, newest first; the way to record the next one is at the top. */
export function ServiceRecords({ c }: { c: CaseDetail }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const records = useServiceRecords(c.id);
  const items = [...(records.data ?? [])].sort((a, b) => b.at.localeCompare(a.at));
  const canAdd = c.canWrite && c.status === 'open';
  return (
    <Card
      title={`${t('cases.document.records')}${items.length ? ` · ${items.length}` : ''}`}
      className="case-records"
      extra={
        canAdd && (
          <Button
            icon={<PlusOutlined />}
            onClick={() => void navigate(`/cases/${c.id}/records/new`)}
          >
            {t('caseUi.actions.addRecord')}
          </Button>
        )
      }
    >
      <ListState
        loading={records.isPending}
        error={records.error}
        onRetry={() => void records.refetch()}
        empty={items.length === 0}
        emptyText={t('caseUi.record.empty')}
        emptyHint={canAdd ? t('caseUi.record.emptyHint') : undefined}
      >
        <Timeline
          items={items.map((r) => ({
            key: r.id,
            color: recordTypeLook[r.type].color,
            content: <RecordItem r={r} />,
          }))}
        />
      </ListState>
    </Card>
  );
}
