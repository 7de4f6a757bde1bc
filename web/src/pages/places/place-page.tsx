import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { App, Button, Card, Descriptions, List, Result, Skeleton, Space, Tag } from 'antd';
import { EditOutlined, FilePdfOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import type { InspectionSummary, NoticeSummary } from '../../../../common/schemas/places';
import { shanghaiDay } from '../../../../common/time';
import { formatTime } from '../../i18n';
import { apiDownload } from '../../api';
import { ListState } from '../../components/list-state';
import { useIsPhone } from '../../use-is-phone';
import { usePlace } from '../inspections/inspections-api';
import { DeadlineTag, IssueStatusTag } from '../issues/issue-tags';
import { PhoneActionBar } from '../people/phone-action-bar';
import { PlaceFormDialog } from './place-form-dialog';
import { useCanWritePlaces, usePlaceHistory } from './places-api';

const day = shanghaiDay;
const time = formatTime;

const noticeColor = { issued: 'blue', rectified: 'green', notRectified: 'red' } as const;
const inspectionColor = { draft: 'blue', awaitingSignOff: 'orange', completed: 'default' } as const;

function InspectionItem({ inspection }: { inspection: InspectionSummary }) {
  const { t } = useTranslation();
  return (
    <List.Item>
      <List.Item.Meta
        title={
          <Link to={`/inspections/${inspection.id}`}>
            {inspection.checklistName} · {t(`places.modes.${inspection.mode}`)}
          </Link>
        }
        description={
          <Space size={4} wrap>
            <span>{time(inspection.at)}</span>
            {inspection.result ? (
              <Tag color={inspection.result === 'pass' ? 'green' : 'red'}>
                {t(`places.inspectionResults.${inspection.result}`)}
                {inspection.failedItems > 0 &&
                  ` · ${t('placeUi.page.failedItems', { count: inspection.failedItems })}`}
              </Tag>
            ) : (
              <Tag color={inspectionColor[inspection.status]}>
                {t(`places.inspectionStatuses.${inspection.status}`)}
              </Tag>
            )}
            {inspection.noticeNumber && <span>{inspection.noticeNumber}</span>}
          </Space>
        }
      />
    </List.Item>
  );
}

function NoticeItem({ notice }: { notice: NoticeSummary }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const download = async () => {
    setBusy(true);
    try {
      await apiDownload(`/notices/${notice.id}.pdf`, {}, `notice-${notice.number}.pdf`);
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <List.Item
      actions={[
        <Button
          key="pdf"
          icon={<FilePdfOutlined />}
          loading={busy}
          onClick={() => void download()}
          aria-label={t('placeUi.inspect.noticePdf')}
        >
          PDF
        </Button>,
      ]}
    >
      <List.Item.Meta
        title={notice.number}
        description={
          <Space size={4} wrap>
            <Tag color={noticeColor[notice.status]}>
              {t(`places.noticeStatuses.${notice.status}`)}
            </Tag>
            <span>
              {t('places.rectificationDeadline')} {day(notice.deadline)}
            </span>
          </Space>
        }
      />
    </List.Item>
  );
}

/** 场所: its facts, and what was found there — inspections, issues and rectification notices. */
export function PlacePage() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const { id = '' } = useParams();
  const place = usePlace(id);
  const history = usePlaceHistory(id);
  const canWrite = useCanWritePlaces();
  const [editing, setEditing] = useState(false);

  if (place.isPending) return <Skeleton active />;
  if (place.error) return <Result status="warning" title={place.error.message} />;
  const p = place.data;
  const inspectButton = p.status === 'active' && (
    <Link to={`/inspections/new?placeId=${p.id}`}>
      <Button
        type="primary"
        block={isPhone}
        size={isPhone ? 'large' : undefined}
        icon={<SafetyCertificateOutlined />}
      >
        {t('placeUi.inspect.start')}
      </Button>
    </Link>
  );
  const editButton = canWrite && (
    <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
      {t('common.edit')}
    </Button>
  );
  const h = history.data;

  return (
    <div className="page-stack">
      <Card
        title={
          <Space wrap>
            <span>{p.name}</span>
            <Tag>{t(`places.categories.${p.category}`)}</Tag>
            <Tag color={p.status === 'active' ? 'green' : 'default'}>
              {t(`places.statuses.${p.status}`)}
            </Tag>
          </Space>
        }
        extra={
          isPhone ? (
            editButton
          ) : (
            <Space>
              {editButton}
              {inspectButton}
            </Space>
          )
        }
      >
        <Descriptions column={isPhone ? 1 : 2} size="small">
          <Descriptions.Item label={t('places.fields.address')}>{p.address}</Descriptions.Item>
          <Descriptions.Item label={t('places.fields.grid')}>
            {p.communityName} · {p.gridName}
          </Descriptions.Item>
          <Descriptions.Item label={t('places.fields.licenceNo')}>
            {p.licenceNo ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('places.fields.personInCharge')}>
            {p.personInCharge ?? '—'}
          </Descriptions.Item>
          <Descriptions.Item label={t('places.fields.phone')}>
            {p.phone ? p.phoneMasked ? p.phone : <a href={`tel:${p.phone}`}>{p.phone}</a> : '—'}
          </Descriptions.Item>
          {p.lat !== null && p.lng !== null && (
            <Descriptions.Item label={t('placeUi.form.coordinates')}>
              {p.lat}, {p.lng}
            </Descriptions.Item>
          )}
        </Descriptions>
      </Card>
      <ListState
        loading={history.isPending}
        error={history.error}
        onRetry={() => void history.refetch()}
        empty={false}
        emptyText=""
      >
        <Card title={t('placeUi.page.inspections')} size="small">
          <List
            dataSource={h?.inspections ?? []}
            locale={{ emptyText: t('placeUi.page.noInspections') }}
            renderItem={(i) => <InspectionItem inspection={i} />}
          />
        </Card>
        <Card title={t('placeUi.page.issues')} size="small">
          <List
            dataSource={h?.issues ?? []}
            locale={{ emptyText: t('placeUi.page.noIssues') }}
            renderItem={(issue) => (
              <List.Item>
                <Space wrap>
                  <Link to={`/issues/${issue.id}`}>{t('placeUi.page.issue')}</Link>
                  <IssueStatusTag status={issue.status} />
                  <DeadlineTag issue={issue} />
                </Space>
              </List.Item>
            )}
          />
        </Card>
        <Card title={t('placeUi.page.notices')} size="small">
          <List
            dataSource={h?.notices ?? []}
            locale={{ emptyText: t('placeUi.page.noNotices') }}
            renderItem={(n) => <NoticeItem notice={n} />}
          />
        </Card>
      </ListState>
      {isPhone && inspectButton && <PhoneActionBar>{inspectButton}</PhoneActionBar>}
      <PlaceFormDialog open={editing} place={p} onClose={() => setEditing(false)} />
    </div>
  );
}
