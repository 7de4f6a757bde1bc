import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Form,
  Input,
  List,
  Popconfirm,
  Select,
  Space,
  Tooltip,
  Typography,
} from 'antd';
import { useTranslation } from 'react-i18next';
import dayjs, { type Dayjs } from 'dayjs';
import { v7 as uuidv7 } from 'uuid';
import { type OperationDetail, zShiftCreate } from '../../../../common/schemas/operations';
import { FormModal } from '../../components/form-modal';
import { fieldRules, schemaRules, maxLengthOf as max } from '../../components/zod-form';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';
import { useOperationStaff } from './operations-api';
import { Empty, type FieldKey, type Writes, hoursOf } from './operation-shared';

const shiftRules = schemaRules(zShiftCreate);
/** The picked range as the API's start; the order of the times is the server's check. */
const shiftRangeRules = fieldRules(zShiftCreate.shape.startsAt, {
  from: (range: [Dayjs, Dayjs]) => range[0].toISOString(),
});

/** The 值班表 tab: the shifts, and the hours nobody covers. */
export function Roster({ op, writes }: { op: OperationDetail; writes: Writes }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const r = op.roster;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      {r.uncoveredMinutes > 0 ? (
        <Alert
          type="error"
          showIcon
          message={t('operations.roster.uncoveredTotal', { hours: hoursOf(r.uncoveredMinutes) })}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }} className="roster-gaps">
              {r.days
                .filter((d) => d.gaps.length > 0)
                .map((d) => (
                  <li key={d.day}>
                    {t('operations.roster.gapLine', {
                      day: d.day,
                      ranges: d.gaps.map((g) => `${g.from}–${g.to}`).join(', '),
                    })}
                  </li>
                ))}
            </ul>
          }
        />
      ) : (
        <Alert type="success" showIcon message={t('operations.roster.allCovered')} />
      )}
      {isPhone ? <RosterByHour op={op} /> : <RosterByDay op={op} />}
      <Typography.Text type="secondary">
        {t('operations.roster.shifts')} {op.shifts.length} · {t('operations.roster.staffHours')}{' '}
        {r.staffHours}
      </Typography.Text>
      {op.shifts.length === 0 ? (
        <Empty text={t('operations.empty.shifts')} />
      ) : (
        <List
          size={isPhone ? 'default' : 'small'}
          bordered
          dataSource={op.shifts}
          renderItem={(s) => (
            <List.Item
              actions={
                op.canManage
                  ? [
                      <Popconfirm
                        key="del"
                        title={t('operations.actions.deleteShift')}
                        okText={t('operations.actions.deleteShift')}
                        cancelText={t('common.cancel')}
                        onConfirm={() =>
                          writes
                            .deleteShift(s.id, s.version)
                            .catch((e: Error) => void message.error(e.message))
                        }
                      >
                        <Button danger type="link">
                          {t('operations.actions.deleteShift')}
                        </Button>
                      </Popconfirm>,
                    ]
                  : undefined
              }
            >
              <div>
                <div>
                  <strong>
                    {formatTime(s.startsAt)} – {formatTime(s.endsAt).slice(11)}
                  </strong>
                  {s.note ? ` · ${s.note}` : ''}
                </div>
                <div>{s.people.map((p) => p.name).join('、')}</div>
              </div>
            </List.Item>
          )}
        />
      )}
    </Space>
  );
}

type RosterDay = OperationDetail['roster']['days'][number];
type RosterHour = RosterDay['hours'][number];

/** One hour of one day: who is on duty, or 无人值守 on red (a word, not colour alone). */
function HourCell({ day, h }: { day: string; h: RosterHour }) {
  const { t } = useTranslation();
  const unattended = t('operations.roster.unattended');
  return (
    <Tooltip
      title={`${day} ${String(h.hour).padStart(2, '0')}:00 ${h.gap ? unattended : ''} ${h.people.join('、')}`}
    >
      <td
        style={{
          ...cell,
          background: h.gap ? '#fff1f0' : '#f6ffed',
          color: h.gap ? '#a8071a' : undefined,
          fontWeight: h.gap ? 600 : undefined,
        }}
        className={h.gap ? 'roster-gap' : undefined}
      >
        {h.people.map((p) => (
          <div key={p} style={{ whiteSpace: 'nowrap', overflow: 'hidden' }}>
            {p}
          </div>
        ))}
        {h.gap && <div>{unattended}</div>}
      </td>
    </Tooltip>
  );
}

const hh = (h: number) => String(h).padStart(2, '0');

/** The desk's day-by-hour grid: a row per day, 24 columns. */
function RosterByDay({ op }: { op: OperationDetail }) {
  const { t } = useTranslation();
  return (
    <div style={{ overflowX: 'auto' }} className="roster-grid">
      <table
        style={{
          borderCollapse: 'collapse',
          width: '100%',
          minWidth: 24 * 34 + 56,
          tableLayout: 'fixed',
        }}
      >
        <thead>
          <tr>
            <th style={{ ...cell, width: 56, textAlign: 'left' }}>{t('operations.roster.day')}</th>
            {Array.from({ length: 24 }, (_, h) => (
              <th key={h} style={cell}>
                {hh(h)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {op.roster.days.map((d) => (
            <tr key={d.day}>
              <th style={{ ...cell, textAlign: 'left' }}>{d.day.slice(5)}</th>
              {d.hours.map((h) => (
                <HourCell key={h.hour} day={d.day} h={h} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The same grid turned for a phone's width: a row per hour, a column per day. */
function RosterByHour({ op }: { op: OperationDetail }) {
  const days = op.roster.days;
  return (
    <div style={{ overflowX: 'auto' }} className="roster-grid">
      <table
        style={{
          borderCollapse: 'collapse',
          width: '100%',
          minWidth: 48 + days.length * 72,
          tableLayout: 'fixed',
        }}
      >
        <thead>
          <tr>
            <th style={{ ...cell, width: 48 }} />
            {days.map((d) => (
              <th key={d.day} style={{ ...cell, fontSize: 13 }}>
                {d.day.slice(5)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: 24 }, (_, h) => (
            <tr key={h}>
              <th style={{ ...cell, fontSize: 13 }}>{hh(h)}:00</th>
              {days.map((d) => (
                <HourCell key={d.day} day={d.day} h={d.hours[h]} />
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

const cell = {
  border: '1px solid #f0f0f0',
  padding: '2px 1px',
  fontSize: 11,
  lineHeight: 1.3,
  textAlign: 'center' as const,
  verticalAlign: 'top' as const,
  overflow: 'hidden',
};

interface ShiftValues {
  range: [Dayjs, Dayjs];
  staffIds?: string[];
  volunteers?: string[];
  note?: string;
}

/** A new shift: its hours, the staff and volunteers on duty. */
export function ShiftForm(props: {
  op: OperationDetail;
  writes: Writes;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<ShiftValues>();
  const [id, setId] = useState(() => uuidv7());
  const staff = useOperationStaff(props.op.id, props.open);
  const f = (k: FieldKey) => t(`operations.fields.${k}`);
  const last = props.op.shifts.at(-1);
  const start = last ? dayjs(last.endsAt) : dayjs(`${props.op.startDate}T00:00`);
  return (
    <FormModal<ShiftValues>
      name="operation-shift"
      open={props.open}
      title={t('operations.actions.addShift')}
      form={form}
      onClose={props.onClose}
      initialValues={{ range: [start, start.add(8, 'hour')] }}
      codeFields={{ SHIFT_TIME_INVALID: 'range', SHIFT_PEOPLE_REQUIRED: 'staffIds' }}
      onSubmit={async (v) => {
        await props.writes.addShift({
          id,
          startsAt: v.range[0].toISOString(),
          endsAt: v.range[1].toISOString(),
          staffIds: v.staffIds ?? [],
          volunteers: v.volunteers ?? [],
          note: v.note,
        });
        setId(uuidv7());
      }}
    >
      <Form.Item name="range" label={`${f('startsAt')} – ${f('endsAt')}`} rules={shiftRangeRules}>
        <DatePicker.RangePicker
          showTime={{ format: 'HH:mm' }}
          format="MM-DD HH:mm"
          style={{ width: '100%' }}
        />
      </Form.Item>
      <Form.Item name="staffIds" label={f('staff')} rules={shiftRules.staffIds}>
        <Select
          mode="multiple"
          loading={staff.isPending}
          options={(staff.data ?? []).map((s) => ({ value: s.id, label: s.name }))}
        />
      </Form.Item>
      <Form.Item name="volunteers" label={f('volunteers')} rules={shiftRules.volunteers}>
        <Select mode="tags" open={false} tokenSeparators={[',', '，', '、', ' ']} />
      </Form.Item>
      <Form.Item name="note" label={f('note')} rules={shiftRules.note}>
        <Input maxLength={max(zShiftCreate.shape.note)} />
      </Form.Item>
    </FormModal>
  );
}
