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
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type {
  WorkdayOverride,
  WorkdayOverridePut,
  WorkdayYear,
} from '../../../../common/schemas/issues';
import { shanghaiToday } from '../../../../common/time';
import { apiGet, apiSend } from '../../api';
import { useMe } from '../../auth';
import { ListState } from '../../components/list-state';
import { formatTime } from '../../i18n';

const md = (day: string) => day.slice(5);

/**
 * 工作日历: the days the issue and notice deadlines count as working days this year — the national
 * holidays and 调休 days — and the district's corrections, which a district admin adds or drops.
 */
export function WorkdaysPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const me = useMe();
  const queryClient = useQueryClient();
  const canEdit = me.roles.some((r) => r.role === 'districtAdmin');
  const [year, setYear] = useState(() => Number(shanghaiToday().slice(0, 4)));
  const [form] = Form.useForm<{ day: Dayjs; kind: WorkdayOverridePut['kind']; note?: string }>();
  const [busy, setBusy] = useState(false);
  const calendar = useQuery({
    queryKey: ['workdays', year],
    queryFn: () => apiGet<WorkdayYear>('/workdays', { year }),
  });
  const saved = (y: WorkdayYear) => {
    queryClient.setQueryData(['workdays', y.year], y);
    void message.success(t('issueUi.workdays.saved'));
  };
  const add = async (v: { day: Dayjs; kind: WorkdayOverridePut['kind']; note?: string }) => {
    setBusy(true);
    try {
      const day = v.day.format('YYYY-MM-DD');
      saved(await apiSend<WorkdayYear>('PUT', `/workdays/${day}`, { kind: v.kind, note: v.note }));
      setYear(Number(day.slice(0, 4)));
      form.resetFields();
    } catch (error) {
      void message.error(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  };
  const remove = async (day: string) => {
    try {
      saved(await apiSend<WorkdayYear>('DELETE', `/workdays/${day}`));
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
            rules={[{ required: true, message: t('common.required') }]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item name="kind" label={t('issueUi.workdays.kind')}>
            <Select
              style={{ width: 120 }}
              options={(['holiday', 'workday'] as const).map((k) => ({
                value: k,
                label: t(`issueUi.workdays.kinds.${k}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('issueUi.workdays.note')}>
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item>
            <Button type="primary" htmlType="submit" loading={busy}>
              {t('issueUi.workdays.add')}
            </Button>
          </Form.Item>
        </Form>
      )}
    </Card>
  );
}
