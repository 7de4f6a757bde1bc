import { useState } from 'react';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  zWorkdayDay,
  zWorkdayOverridePut,
  type WorkdayOverride,
  type WorkdayOverridePut,
} from '../../../../common/schemas/issues';
import { shanghaiToday } from '../../../../common/time';
import { useMe } from '../../auth';
import { ListState } from '../../components/list-state';
import { fieldRules, maxLengthOf, schemaRules } from '../../components/zod-form';
import { formatTime } from '../../i18n';
import { useWorkdays, useWorkdayWrites } from './issues-api';

const md = (day: string) => day.slice(5);
const rules = schemaRules(zWorkdayOverridePut);

/**
 * 工作日历: the days the issue and notice deadlines count as working days this year — the national
 * holidays and 调休 days — and the district's corrections, which a district admin adds or drops.
 */
export function WorkdaysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const canEdit = me.roles.some((r) => r.role === 'districtAdmin');
  const [year, setYear] = useState(() => Number(shanghaiToday().slice(0, 4)));
  const [form] = Form.useForm<{ day: Dayjs; kind: WorkdayOverridePut['kind']; note?: string }>();
  const calendar = useWorkdays(year);
  const writes = useWorkdayWrites();
  const saved = () => void message.success(t('issueUi.workdays.saved'));
  const add = async (v: { day: Dayjs; kind: WorkdayOverridePut['kind']; note?: string }) => {
    try {
      const day = v.day.format('YYYY-MM-DD');
      await writes.put.mutateAsync({ day, body: { kind: v.kind, note: v.note } });
      saved();
      setYear(Number(day.slice(0, 4)));
      form.resetFields();
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };
  const remove = async (day: string) => {
    try {
      await writes.remove.mutateAsync(day);
      saved();
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    }
  };
  const y = calendar.data;
  const days = (list: string[] | undefined) =>
    list && list.length > 0 ? list.map(md).join('、') : t('issueUi.workdays.none');

  return (
    <Card title={t('issueUi.workdays.title')}>
      <Typography.Paragraph type="secondary">{t('issueUi.workdays.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 16 }}>
        <span id="workdays-year">{t('issueUi.workdays.year')}</span>
        <InputNumber
          aria-labelledby="workdays-year"
          min={2004}
          max={2100}
          value={year}
          onChange={(v) => v && setYear(v)}
        />
      </Space>
      <ListState
        loading={calendar.isPending}
        error={calendar.error}
        onRetry={() => void calendar.refetch()}
        // An empty year still shows its holidays; the corrections table says when it has none.
        empty={false}
        emptyText=""
      >
        <Typography.Paragraph>
          <strong>{t('issueUi.workdays.holidays')}：</strong>
          {days(y?.holidays)}
        </Typography.Paragraph>
        <Typography.Paragraph>
          <strong>{t('issueUi.workdays.swapped')}：</strong>
          {days(y?.swappedWorkdays)}
        </Typography.Paragraph>
        <Typography.Title level={2} style={{ fontSize: 16 }}>
          {t('issueUi.workdays.overrides')}
        </Typography.Title>
        <Table<WorkdayOverride>
          rowKey="day"
          size="small"
          pagination={false}
          dataSource={y?.overrides ?? []}
          locale={{ emptyText: t('issueUi.workdays.overridesEmpty') }}
          scroll={{ x: 'max-content' }}
          columns={[
            { key: 'day', title: t('issueUi.workdays.day'), dataIndex: 'day' },
            {
              key: 'kind',
              title: t('issueUi.workdays.kind'),
              render: (_, r) => (
                <Tag color={r.kind === 'workday' ? 'blue' : 'green'}>
                  {t(`issueUi.workdays.kinds.${r.kind}`)}
                </Tag>
              ),
            },
            { key: 'note', title: t('issueUi.workdays.note'), render: (_, r) => r.note ?? '' },
            {
              key: 'by',
              title: t('issueUi.workdays.by'),
              render: (_, r) => `${r.updatedBy.name} ${formatTime(r.updatedAt)}`,
            },
            ...(canEdit
              ? [
                  {
                    key: 'remove',
                    title: '',
                    render: (_: unknown, r: WorkdayOverride) => (
                      <Popconfirm
                        title={t('issueUi.workdays.removeConfirm')}
                        onConfirm={() => void remove(r.day)}
                      >
                        <Button size="small">{t('issueUi.workdays.remove')}</Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </ListState>
      {canEdit && (
        <Form
          form={form}
          name="workday"
          layout="inline"
          style={{ marginTop: 16, rowGap: 8 }}
          initialValues={{ kind: 'holiday' }}
          onFinish={(v) => void add(v)}
        >
          <Form.Item
            name="day"
            label={t('issueUi.workdays.day')}
            rules={fieldRules(zWorkdayDay.shape.day)}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="kind" label={t('issueUi.workdays.kind')} rules={rules.kind}>
            <Select
              style={{ width: 120 }}
              options={(['holiday', 'workday'] as const).map((k) => ({
                value: k,
                label: t(`issueUi.workdays.kinds.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('issueUi.workdays.note')} rules={rules.note}>
            <Input maxLength={maxLengthOf(zWorkdayOverridePut.shape.note)} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={writes.put.isPending}>
              {t('issueUi.workdays.add')}
            </Button>
          </Form.Item>
        </Form>
      )}
    </Card>
  );
}
