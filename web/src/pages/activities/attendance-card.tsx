import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Form, Input, List, Radio, Space, Table, Tag } from 'antd';
import { DownloadOutlined, UserAddOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import {
  zAttendanceRegister,
  type ActivityDetail,
  type Attendance,
} from '../../../../common/schemas/activities';
import { apiDownload } from '../../api';
import { FormModal } from '../../components/form-modal';
import { ListState } from '../../components/list-state';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { maxLengthOf, schemaRules } from '../../components/zod-form';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';
import { useOrgTree } from '../org/org-api';
import { checkInCount, useFieldLabel } from './activities-page';
import { useActivityWrites, useAttendance } from './activities-api';

const registerRules = schemaRules(zAttendanceRegister);

export function AttendanceKindTag({ a }: { a: Attendance }) {
  const { t } = useTranslation();
  if (a.kind === 'resident')
    return <Tag color="blue">{t('activities.attendanceKinds.resident')}</Tag>;
  if (a.residentId) return <Tag color="green">{t('activities.ui.registered')}</Tag>;
  return <Tag color="orange">{t('activities.attendanceKinds.walkIn')}</Tag>;
}

/** 签到名单: who came, walk-ins added to the register from here, and the sheet as Excel. */
export function AttendanceCard({ activity: a }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const list = useAttendance(a.id);
  const [registering, setRegistering] = useState<Attendance>();
  const items = list.data?.items ?? [];
  const f = useFieldLabel();

  const exportSheet = async () => {
    try {
      await apiDownload(`/activities/${a.id}/attendance.xlsx`, {}, 'attendance.xlsx');
    } catch (error) {
      void message.error(error instanceof Error ? error.message : t('common.exportFailed'));
    }
  };
  const registerButton = (r: Attendance) =>
    r.kind === 'walkIn' &&
    !r.residentId &&
    a.rights.checkIn && (
      <Button size="small" icon={<UserAddOutlined />} onClick={() => setRegistering(r)}>
        {t('activities.ui.register')}
      </Button>
    );

  return (
    <Card
      size="small"
      title={`${t('activities.ui.attendance')} · ${checkInCount(t, a)}`}
      extra={
        <Button size="small" icon={<DownloadOutlined />} onClick={() => void exportSheet()}>
          {t('activities.ui.exportAttendance')}
        </Button>
      }
    >
      <ListState
        loading={list.isPending}
        error={list.error}
        onRetry={() => void list.refetch()}
        empty={items.length === 0}
        emptyText={t('activities.ui.attendanceEmpty')}
      >
        {isPhone ? (
          <List
            dataSource={items}
            renderItem={(r) => (
              <List.Item extra={registerButton(r)}>
                <List.Item.Meta
                  title={
                    <Space>
                      {r.residentId ? (
                        <Link to={`/residents/${r.residentId}`}>{r.name}</Link>
                      ) : (
                        r.name
                      )}
                      <AttendanceKindTag a={r} />
                    </Space>
                  }
                  description={`${formatTime(r.checkedInAt).slice(11)} ${r.phone ?? ''}`}
                />
              </List.Item>
            )}
          />
        ) : (
          <Table<Attendance>
            rowKey="id"
            size="small"
            dataSource={items}
            pagination={items.length > 20 ? { pageSize: 20 } : false}
            columns={[
              {
                title: f('name'),
                key: 'name',
                render: (_, r) => <span style={{ whiteSpace: 'nowrap' }}>{r.name}</span>,
              },
              { title: f('phone'), key: 'phone', render: (_, r) => r.phone ?? '' },
              { title: f('kind'), key: 'kind', render: (_, r) => <AttendanceKindTag a={r} /> },
              {
                title: f('checkedInAt'),
                key: 'at',
                // The day is the activity's; month and day only, for one that spans days.
                render: (_, r) => (
                  <span style={{ whiteSpace: 'nowrap' }}>{formatTime(r.checkedInAt).slice(5)}</span>
                ),
              },
              { title: f('handouts'), dataIndex: 'handouts', width: 90 },
              { title: '', key: 'actions', render: (_, r) => registerButton(r) },
            ]}
          />
        )}
      </ListState>
      <RegisterDialog
        activity={a}
        attendance={registering}
        onClose={() => setRegistering(undefined)}
      />
    </Card>
  );
}

interface RegisterValues {
  gridId: string;
  building: string;
  unitNo?: string;
  room: string;
  gender?: 'male' | 'female';
}

/** A walk-in into the register: the address of their home, a new household with them as its head. */
function RegisterDialog(props: {
  activity: ActivityDetail;
  attendance?: Attendance;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm<RegisterValues>();
  const writes = useActivityWrites();
  const tree = useOrgTree(false);
  const [ids] = useState(() => ({ residentId: uuidv7(), householdId: uuidv7() }));
  const r = props.attendance;
  const f = useFieldLabel();
  const submit = async (v: RegisterValues) => {
    if (!r) return;
    await writes.register(props.activity.id, r.id, {
      ...ids,
      gridId: v.gridId,
      building: v.building,
      unitNo: v.unitNo || null,
      room: v.room,
      gender: v.gender ?? null,
    });
    void message.success(t('activities.ui.registeredDone'));
  };
  return (
    <FormModal<RegisterValues>
      name="walk-in-register"
      open={!!r}
      title={t('activities.ui.registerTitle', { name: r?.name ?? '' })}
      form={form}
      onSubmit={submit}
      onClose={props.onClose}
    >
      <Form.Item name="gridId" label={f('grid')} rules={registerRules.gridId}>
        <OrgUnitSelect
          tree={tree.data ?? []}
          loading={tree.isPending}
          canPick={(n) => n.kind === 'grid'}
        />
      </Form.Item>
      <Space.Compact block>
        <Form.Item
          name="building"
          label={f('building')}
          rules={registerRules.building}
          style={{ flex: 1 }}
        >
          <Input maxLength={maxLengthOf(zAttendanceRegister.shape.building)} />
        </Form.Item>
        <Form.Item
          name="unitNo"
          label={f('unitNo')}
          rules={registerRules.unitNo}
          style={{ flex: 1 }}
        >
          <Input maxLength={maxLengthOf(zAttendanceRegister.shape.unitNo)} />
        </Form.Item>
        <Form.Item name="room" label={f('room')} rules={registerRules.room} style={{ flex: 1 }}>
          <Input maxLength={maxLengthOf(zAttendanceRegister.shape.room)} />
        </Form.Item>
      </Space.Compact>
      <Form.Item name="gender" label={f('gender')} rules={registerRules.gender}>
        <Radio.Group
          optionType="button"
          options={(['male', 'female'] as const).map((g) => ({
            value: g,
            label: t(`people.genders.${g}`),
          }))}
        />
      </Form.Item>
    </FormModal>
  );
}
