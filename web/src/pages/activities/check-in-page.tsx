import { useState } from 'react';
import { Link, useParams } from 'react-router';
import {
  App,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Progress,
  Segmented,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { ArrowLeftOutlined, CheckOutlined, GiftOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import {
  zAttendanceCreate,
  type ActivityDetail,
  type Attendance,
} from '../../../../common/schemas/activities';
import { showServerError } from '../../components/form-errors';
import { ListState } from '../../components/list-state';
import { maxLengthOf, schemaRules } from '../../components/zod-form';
import { formatTime } from '../../i18n';
import { PhoneActionBar } from '../people/phone-action-bar';
import { checkInCount } from './activities-page';
import { useActivity, useActivityWrites, useAttendance, useResidentSearch } from './activities-api';
import { AttendanceKindTag } from './attendance-card';

/** A walk-in checks in by name and phone: the second way the API takes a check-in. */
const walkInSchema = zAttendanceCreate.options[1];
const walkIn = schemaRules(walkInSchema);

const big = { height: 52, fontSize: 17 } as const;

/**
 * 活动签到 on the phone: the count on top, a resident found by name or pinyin or a walk-in by name and
 * phone, one big button each, then the handout given in one more tap.
 */
export function CheckInPage() {
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
      {activity.data ? <CheckIn activity={activity.data} /> : <Skeleton active />}
    </ListState>
  );
}

function CheckIn({ activity: a }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const writes = useActivityWrites();
  const attendance = useAttendance(a.id);
  const [mode, setMode] = useState<'resident' | 'walkIn'>('resident');
  const [q, setQ] = useState('');
  const found = useResidentSearch(q);
  const [form] = Form.useForm<{ name: string; phone?: string }>();
  // One id per person at the door, so a resend on a weak signal checks nobody in twice.
  const [attemptId, setAttemptId] = useState(() => uuidv7());
  const [busy, setBusy] = useState<string>();
  const [last, setLast] = useState<Attendance>();
  const inIds = new Set((attendance.data?.items ?? []).map((r) => r.residentId).filter(Boolean));
  const open = a.status === 'planned' || a.status === 'ongoing';
  const full = a.capacity !== null && a.checkedIn >= a.capacity;

  const done = (r: Attendance) => {
    setAttemptId(uuidv7());
    setLast(r);
    void message.success(t('activities.ui.checkedInDone', { name: r.name }));
  };
  const checkResident = async (residentId: string) => {
    setBusy(residentId);
    try {
      done(await writes.checkIn(a.id, { id: attemptId, residentId }));
      setQ('');
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('common.loadFailed'));
    } finally {
      setBusy(undefined);
    }
  };
  const checkWalkIn = async (v: { name: string; phone?: string }) => {
    setBusy('walkIn');
    try {
      done(
        await writes.checkIn(a.id, {
          id: attemptId,
          name: v.name.trim(),
          phone: v.phone?.trim() || null,
        }),
      );
      form.resetFields();
    } catch (error) {
      showServerError(form, error, (text) => void message.error(text));
    } finally {
      setBusy(undefined);
    }
  };

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="check-in-page">
      <Card size="small">
        <Link to={`/activities/${a.id}`}>
          <ArrowLeftOutlined /> {a.title}
        </Link>
        <Typography.Title level={3} style={{ margin: '8px 0 4px' }} className="check-in-count">
          {checkInCount(t, a)}
        </Typography.Title>
        {a.capacity !== null && (
          <Progress
            percent={Math.round((a.checkedIn / a.capacity) * 100)}
            showInfo={false}
            status={full ? 'exception' : 'active'}
          />
        )}
        {!open && <Tag color="default">{t(`activities.statuses.${a.status}`)}</Tag>}
      </Card>

      {last && <QuickGive activity={a} attendance={last} onDone={() => setLast(undefined)} />}

      {open && !last && (
        <Card size="small">
          <Segmented
            block
            size="large"
            value={mode}
            onChange={(v) => setMode(v as 'resident' | 'walkIn')}
            options={[
              { value: 'resident', label: t('activities.attendanceKinds.resident') },
              { value: 'walkIn', label: t('activities.attendanceKinds.walkIn') },
            ]}
            style={{ marginBottom: 12 }}
          />
          {mode === 'resident' ? (
            <>
              <Input.Search
                size="large"
                allowClear
                value={q}
                onChange={(e) => setQ(e.target.value)}
                placeholder={t('activities.ui.searchResident')}
                aria-label={t('activities.ui.searchResident')}
              />
              {q.trim() === '' ? (
                <Typography.Paragraph type="secondary" style={{ marginTop: 12 }}>
                  {t('activities.ui.searchHint')}
                </Typography.Paragraph>
              ) : found.isPending ? (
                <Skeleton active paragraph={{ rows: 3 }} />
              ) : (found.data ?? []).length === 0 ? (
                <Empty
                  image={Empty.PRESENTED_IMAGE_SIMPLE}
                  description={t('activities.ui.noResidentFound')}
                >
                  <Button size="large" onClick={() => setMode('walkIn')}>
                    {t('activities.ui.checkInWalkIn')}
                  </Button>
                </Empty>
              ) : (
                <List
                  dataSource={found.data}
                  renderItem={(r) => (
                    <List.Item
                      extra={
                        inIds.has(r.id) ? (
                          <Tag color="success" icon={<CheckOutlined />}>
                            {t('activities.ui.alreadyIn')}
                          </Tag>
                        ) : (
                          <Button
                            type="primary"
                            style={{ ...big, minWidth: 88 }}
                            loading={busy === r.id}
                            disabled={!!busy || full}
                            onClick={() => void checkResident(r.id)}
                          >
                            {t('activities.ui.checkInButton')}
                          </Button>
                        )
                      }
                    >
                      <List.Item.Meta
                        title={<span style={{ fontSize: 17 }}>{r.name}</span>}
                        description={[
                          r.age !== null ? t('activities.ui.age', { n: r.age }) : '',
                          r.address,
                        ]
                          .filter(Boolean)
                          .join(' · ')}
                      />
                    </List.Item>
                  )}
                />
              )}
            </>
          ) : (
            <Form
              form={form}
              layout="vertical"
              name="walk-in"
              requiredMark={false}
              onFinish={(v) => void checkWalkIn(v)}
            >
              <Form.Item name="name" label={t('activities.ui.walkInName')} rules={walkIn.name}>
                <Input
                  size="large"
                  maxLength={maxLengthOf(walkInSchema.shape.name)}
                  autoComplete="off"
                />
              </Form.Item>
              <Form.Item name="phone" label={t('activities.ui.walkInPhone')} rules={walkIn.phone}>
                <Input size="large" inputMode="tel" maxLength={13} autoComplete="off" />
              </Form.Item>
              <PhoneActionBar>
                <Button
                  type="primary"
                  htmlType="submit"
                  block
                  style={big}
                  icon={<UserAddOutlined />}
                  loading={busy === 'walkIn'}
                  disabled={full}
                >
                  {t('activities.ui.checkInWalkIn')}
                </Button>
              </PhoneActionBar>
            </Form>
          )}
        </Card>
      )}

      <Card size="small" title={t('activities.ui.attendance')}>
        <ListState
          loading={attendance.isPending}
          error={attendance.error}
          onRetry={() => void attendance.refetch()}
          empty={(attendance.data?.items ?? []).length === 0}
          emptyText={t('activities.ui.attendanceEmpty')}
        >
          <List
            dataSource={(attendance.data?.items ?? []).slice(0, 15)}
            renderItem={(r) => (
              <List.Item extra={<AttendanceKindTag a={r} />}>
                <List.Item.Meta
                  title={r.name}
                  description={`${formatTime(r.checkedInAt).slice(11)} ${r.phone ?? ''}`}
                />
              </List.Item>
            )}
          />
        </ListState>
      </Card>
    </Space>
  );
}

/** Right after a check-in: the items still in stock, one tap each, or skip. */
function QuickGive(props: {
  activity: ActivityDetail;
  attendance: Attendance;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const writes = useActivityWrites();
  const [giveId, setGiveId] = useState(() => uuidv7());
  const [busy, setBusy] = useState<string>();
  const items = props.activity.handouts.filter((i) => i.left > 0);
  const give = async (itemId: string) => {
    setBusy(itemId);
    try {
      const r = await writes.give(props.activity.id, {
        id: giveId,
        itemId,
        quantity: 1,
        attendanceId: props.attendance.id,
      });
      setGiveId(uuidv7());
      void message.success(
        t('activities.ui.givenDone', { item: r.item.item, q: 1, unit: r.item.unit }),
      );
      props.onDone();
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('common.loadFailed'));
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <Card
      size="small"
      className="check-in-quick-give"
      title={
        <Space>
          <CheckOutlined style={{ color: '#389e0d' }} />
          {t('activities.ui.checkedInDone', { name: props.attendance.name })}
        </Space>
      }
    >
      {items.length > 0 && (
        <Typography.Paragraph strong>
          {t('activities.ui.quickGive', { name: props.attendance.name })}
        </Typography.Paragraph>
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        {items.map((i) => (
          <Button
            key={i.id}
            block
            type="primary"
            ghost
            style={{ minHeight: 56, height: 'auto', whiteSpace: 'normal', fontSize: 17 }}
            icon={<GiftOutlined />}
            loading={busy === i.id}
            disabled={!!busy}
            onClick={() => void give(i.id)}
          >
            <span style={{ display: 'inline-flex', flexDirection: 'column', lineHeight: 1.3 }}>
              <span>{i.item} ×1</span>
              <span style={{ fontSize: 13 }}>
                {t('activities.ui.stockLeft', { left: i.left, prepared: i.prepared, unit: i.unit })}
              </span>
            </span>
          </Button>
        ))}
        <Button block style={big} onClick={props.onDone}>
          {items.length > 0 ? t('activities.ui.skip') : t('activities.ui.next')}
        </Button>
      </Space>
    </Card>
  );
}
