import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Form,
  Input,
  Row,
  Skeleton,
  Space,
  Typography,
} from 'antd';
import {
  CheckCircleOutlined,
  EditOutlined,
  QrcodeOutlined,
  StopOutlined,
  PlayCircleOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  zActivityUpdate,
  type ActivityDetail,
  type ActivityStatus,
} from '../../../../common/schemas/activities';
import { ListState } from '../../components/list-state';
import { showServerError } from '../../components/form-errors';
import { fieldRules, maxLengthOf } from '../../components/zod-form';
import { useIsPhone } from '../../use-is-phone';
import { PhotoField, PhotoStrip } from '../issues/photo-field';
import { PhoneActionBar } from '../people/phone-action-bar';
import { ActivityStatusTag, activityTime, checkInCount, useFieldLabel } from './activities-page';
import { useActivity, useActivityWrites } from './activities-api';
import { ActivityFormDialog } from './activity-form-dialog';
import { AttendanceCard } from './attendance-card';
import { FeedbackCard } from './feedback-card';
import { HandoutsCard } from './handouts-card';
import { NeedsCard } from './needs-card';

/** 活动详情: what, when, where, with whom; who came, what was handed out, what was noticed. */
export function ActivityPage() {
  const { id = '' } = useParams();
  const activity = useActivity(id);
  return (
    <ListState
      loading={activity.isPending}
      error={activity.error}
      onRetry={() => void activity.refetch()}
      empty={false}
      emptyText=""
    >
      {activity.data ? <ActivityView activity={activity.data} /> : <Skeleton active />}
    </ListState>
  );
}

function ActivityView({ activity: a }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isPhone = useIsPhone();
  const writes = useActivityWrites();
  const [editing, setEditing] = useState(false);
  const open = a.status === 'planned' || a.status === 'ongoing';

  const move = (to: ActivityStatus, confirm?: string) => {
    const run = async () => {
      try {
        await writes.setStatus(a.id, a.version, to);
        void message.success(t('activities.ui.saved'));
      } catch (error) {
        void message.error(error instanceof Error ? error.message : t('common.loadFailed'));
      }
    };
    if (!confirm) return void run();
    modal.confirm({
      title: t(`activities.ui.${to === 'finished' ? 'finish' : 'cancel'}`),
      content: confirm,
      onOk: run,
    });
  };

  const checkInButton = a.rights.checkIn && open && (
    <Link to={`/activities/${a.id}/check-in`}>
      <Button type="primary" size="large" block={isPhone} icon={<QrcodeOutlined />}>
        {t('activities.ui.openCheckIn')} · {checkInCount(t, a)}
      </Button>
    </Link>
  );
  const manageButtons = a.rights.manage && (
    <Space wrap>
      <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
        {t('activities.ui.edit')}
      </Button>
      {a.status === 'planned' && (
        <Button icon={<PlayCircleOutlined />} onClick={() => move('ongoing')}>
          {t('activities.ui.start')}
        </Button>
      )}
      {a.status === 'ongoing' && (
        <Button
          icon={<CheckCircleOutlined />}
          onClick={() => move('finished', t('activities.ui.finishConfirm'))}
        >
          {t('activities.ui.finish')}
        </Button>
      )}
      {open && (
        <Button
          danger
          icon={<StopOutlined />}
          onClick={() => move('cancelled', t('activities.ui.cancelConfirm'))}
        >
          {t('activities.ui.cancel')}
        </Button>
      )}
    </Space>
  );
  const f = useFieldLabel();

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="activity-page">
      <Card
        size="small"
        title={
          <Space wrap>
            <span>{a.title}</span>
            <ActivityStatusTag status={a.status} />
          </Space>
        }
        extra={
          !isPhone && (
            <Space>
              {manageButtons}
              {checkInButton}
            </Space>
          )
        }
      >
        <Descriptions
          size="small"
          column={isPhone ? 1 : 3}
          items={[
            { key: 'type', label: f('type'), children: t(`activities.types.${a.type}`) },
            { key: 'community', label: f('community'), children: a.communityName },
            { key: 'time', label: f('time'), children: activityTime(a) },
            { key: 'place', label: f('place'), children: a.place },
            {
              key: 'capacity',
              label: f('capacity'),
              children: a.capacity ?? t('activities.ui.noLimit'),
            },
            {
              key: 'partners',
              label: f('partners'),
              children: a.partners.map((p) => p.name).join('、') || '—',
            },
            ...(a.description
              ? [
                  {
                    key: 'desc',
                    label: f('description'),
                    children: a.description,
                    span: isPhone ? 1 : 3,
                  },
                ]
              : []),
          ]}
        />
        {!open && <Alert type="info" showIcon message={t('activities.ui.readOnly')} />}
        {isPhone && manageButtons && <div style={{ marginTop: 12 }}>{manageButtons}</div>}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <AttendanceCard activity={a} />
            <NeedsCard activity={a} />
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <Space direction="vertical" size="middle" style={{ width: '100%' }}>
            <HandoutsCard activity={a} />
            <PhotosCard activity={a} />
            <SummaryCard activity={a} />
            <FeedbackCard activity={a} />
          </Space>
        </Col>
      </Row>
      {isPhone && checkInButton && <PhoneActionBar>{checkInButton}</PhoneActionBar>}
      <ActivityFormDialog open={editing} activity={a} onClose={() => setEditing(false)} />
    </Space>
  );
}

function PhotosCard({ activity: a }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const writes = useActivityWrites();
  const [photoIds, setPhotoIds] = useState<string[]>([]);
  const [saving, setSaving] = useState(false);
  const save = async () => {
    setSaving(true);
    try {
      await writes.update(a.id, { version: a.version, photoIds });
      setPhotoIds([]);
      void message.success(t('activities.ui.saved'));
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('common.loadFailed'));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={t('activities.ui.photos')}>
      {a.photos.length === 0 && !a.rights.manage ? (
        <Typography.Text type="secondary">{t('activities.ui.photosEmpty')}</Typography.Text>
      ) : (
        <PhotoStrip photos={a.photos} />
      )}
      {a.rights.manage && (
        <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
          <PhotoField value={photoIds} onChange={setPhotoIds} />
          {photoIds.length > 0 && (
            <Button type="primary" loading={saving} onClick={() => void save()}>
              {t('activities.ui.savePhotos')}
            </Button>
          )}
        </Space>
      )}
    </Card>
  );
}

function SummaryCard({ activity: a }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const writes = useActivityWrites();
  const [form] = Form.useForm<{ summary: string }>();
  const [saving, setSaving] = useState(false);
  const save = async ({ summary }: { summary: string }) => {
    setSaving(true);
    try {
      await writes.update(a.id, { version: a.version, summary: summary?.trim() || null });
      void message.success(t('activities.ui.saved'));
    } catch (error) {
      showServerError(form, error, (text) => void message.error(text));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Card size="small" title={t('activities.fields.summary')}>
      {a.rights.manage ? (
        <Form
          form={form}
          name="activity-summary"
          initialValues={{ summary: a.summary ?? '' }}
          onFinish={(v) => void save(v)}
        >
          <Form.Item name="summary" rules={fieldRules(zActivityUpdate.shape.summary)}>
            <Input.TextArea
              rows={4}
              maxLength={maxLengthOf(zActivityUpdate.shape.summary)}
              placeholder={t('activities.ui.summaryPlaceholder')}
            />
          </Form.Item>
          <Button htmlType="submit" loading={saving}>
            {t('activities.ui.saveSummary')}
          </Button>
        </Form>
      ) : a.summary ? (
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{a.summary}</Typography.Paragraph>
      ) : (
        <Typography.Text type="secondary">{t('activities.ui.summaryEmpty')}</Typography.Text>
      )}
    </Card>
  );
}
