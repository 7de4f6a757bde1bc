import { useState } from 'react';
import { Link } from 'react-router';
import { App, Button, Card, Form, Modal, Select, Skeleton, Space, Typography } from 'antd';
import { FormOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import type { ActivityDetail } from '../../../../common/schemas/activities';
import type { SurveyVersion } from '../../../../common/schemas/surveys';
import { apiGet } from '../../api';
import { showServerError } from '../../components/form-errors';
import {
  showSurveyAnswerError,
  SurveyAnswerFields,
  surveyAnswersOf,
} from '../surveys/survey-answer-form';
import { useActivityWrites, useAttendance } from './activities-api';

/** The current published version of a survey, to answer it. */
function useSurveyVersion(surveyId: string | null, enabled: boolean) {
  return useQuery({
    queryKey: ['surveys', 'current-version', surveyId],
    queryFn: async () => {
      const s = await apiGet<{ title: string; currentVersionId: string | null }>(
        `/surveys/${surveyId}`,
      );
      return s.currentVersionId
        ? apiGet<SurveyVersion>(`/surveys/${surveyId}/versions/${s.currentVersionId}`)
        : null;
    },
    enabled: enabled && !!surveyId,
  });
}

/** 居民反馈: answers to the activity's feedback survey, and the way to its results. */
export function FeedbackCard({ activity: a }: { activity: ActivityDetail }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  return (
    <Card
      size="small"
      title={t('activities.ui.feedback')}
      extra={
        a.surveyId &&
        a.rights.checkIn &&
        a.status !== 'cancelled' && (
          <Button size="small" icon={<FormOutlined />} onClick={() => setOpen(true)}>
            {t('surveys.answer.title')}
          </Button>
        )
      }
    >
      {a.surveyId ? (
        <Link to={`/surveys/${a.surveyId}/results`}>{t('activities.ui.feedbackResults')}</Link>
      ) : (
        <Typography.Text type="secondary">{t('activities.ui.feedbackNone')}</Typography.Text>
      )}
      {open && <FeedbackDialog activity={a} onClose={() => setOpen(false)} />}
    </Card>
  );
}

function FeedbackDialog({
  activity: a,
  onClose,
}: {
  activity: ActivityDetail;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const writes = useActivityWrites();
  const version = useSurveyVersion(a.surveyId, true);
  const attendance = useAttendance(a.id);
  const [id, setId] = useState(() => uuidv7());
  const [saving, setSaving] = useState(false);

  const submit = async () => {
    const v = version.data;
    if (!v) return;
    await form.validateFields();
    setSaving(true);
    try {
      await writes.feedback(a.id, {
        id,
        attendanceId: (form.getFieldValue('attendanceId') as string | undefined) || undefined,
        answers: surveyAnswersOf(form),
      });
      setId(uuidv7());
      form.resetFields();
      void message.success(t('activities.ui.saved'));
      onClose();
    } catch (error) {
      if (!showSurveyAnswerError(form, error, v))
        showServerError(form, error, (text) => void message.error(text));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open
      title={version.data?.title ?? t('activities.ui.feedback')}
      onCancel={onClose}
      onOk={() => void submit().catch(() => undefined)}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={saving}
    >
      {version.isPending ? (
        <Skeleton active />
      ) : version.data ? (
        <Form form={form} layout="vertical" name="activity-feedback">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Form.Item name="attendanceId" label={t('activities.fields.whose')}>
              <Select
                allowClear
                showSearch={{ optionFilterProp: 'label' }}
                options={(attendance.data?.items ?? []).map((r) => ({
                  value: r.id,
                  label: r.name,
                }))}
              />
            </Form.Item>
            <SurveyAnswerFields version={version.data} />
          </Space>
        </Form>
      ) : (
        <Typography.Text type="danger">
          {version.error?.message ?? t('common.loadFailed')}
        </Typography.Text>
      )}
    </Modal>
  );
}
