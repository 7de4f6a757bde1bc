import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { Alert, App, Button, Card, Form, Result, Skeleton, Typography } from 'antd';
import { CheckOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { ApiError } from '../../api';
import { showServerError } from '../../components/form-errors';
import { useIsPhone } from '../../use-is-phone';
import { PhoneActionBar } from '../people/phone-action-bar';
import { HouseholdPicker, type Respondent } from './household-picker';
import { showSurveyAnswerError, SurveyAnswerFields, surveyAnswersOf } from './survey-answer-form';
import { useSurvey, useSurveyVersion, useSurveyWrites } from './surveys-api';

/** 填写问卷: one household's (or an anonymous) answer to the survey's current version, phone first. */
export function SurveyAnswerPage() {
  const { id } = useParams();
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const survey = useSurvey(id);
  const version = useSurveyVersion(id, survey.data?.currentVersionId ?? undefined);
  const writes = useSurveyWrites();
  const [form] = Form.useForm<{ respondent?: Respondent }>();
  // One id per answer being filled in: a resend after a lost signal records nothing twice.
  const [answerId, setAnswerId] = useState(() => uuidv7());
  const [sending, setSending] = useState(false);
  const [done, setDone] = useState(false);

  if (survey.isPending || (survey.data?.currentVersionId && version.isPending))
    return <Skeleton active paragraph={{ rows: 8 }} />;
  const error = survey.error ?? version.error;
  if (error)
    return (
      <Result
        status={error instanceof ApiError && error.status === 404 ? '404' : 'warning'}
        title={error.message}
        extra={<Link to="/surveys">{t('surveys.listTitle')}</Link>}
      />
    );
  const s = survey.data!;
  const v = version.data;
  if (!s.canAnswer || !v)
    return (
      <Result
        status="info"
        title={t('surveys.answer.notOpen')}
        extra={<Link to="/surveys">{t('surveys.listTitle')}</Link>}
      />
    );

  const submit = async () => {
    try {
      await form.validateFields();
    } catch {
      return;
    }
    const respondent = form.getFieldValue('respondent') as Respondent | undefined;
    setSending(true);
    try {
      await writes.answer({
        id: answerId,
        surveyId: s.id,
        versionId: v.id,
        householdId: respondent?.householdId ?? null,
        residentId: respondent?.residentId ?? null,
        answers: surveyAnswersOf(form),
      });
      setDone(true);
      void message.success(t('surveys.answer.submitted'));
    } catch (e) {
      if (!showSurveyAnswerError(form, e, v))
        showServerError(form, e, (text) => void message.error(text), {
          SURVEY_ALREADY_ANSWERED: 'respondent',
          SURVEY_RESIDENT_NOT_IN_HOUSEHOLD: 'respondent',
        });
    } finally {
      setSending(false);
    }
  };

  if (done)
    return (
      <Result
        status="success"
        title={t('surveys.answer.submitted')}
        subTitle={s.title}
        extra={[
          <Button
            key="again"
            type="primary"
            size="large"
            onClick={() => {
              form.resetFields();
              setAnswerId(uuidv7());
              setDone(false);
            }}
          >
            {t('surveys.answer.another')}
          </Button>,
          <Button key="list" size="large" onClick={() => void navigate('/surveys')}>
            {t('surveys.listTitle')}
          </Button>,
        ]}
      />
    );

  const submitButton = (
    <Button
      type="primary"
      size="large"
      block={isPhone}
      icon={<CheckOutlined />}
      loading={sending}
      onClick={() => void submit()}
    >
      {t('surveys.answer.submit')}
    </Button>
  );

  return (
    <Form form={form} layout="vertical" className="survey-answer-page" style={{ maxWidth: 760 }}>
      <Card size={isPhone ? 'small' : undefined} style={{ marginBottom: 16 }}>
        <Typography.Title level={4} style={{ marginTop: 0 }}>
          {v.title}
        </Typography.Title>
        {v.description && <Typography.Paragraph>{v.description}</Typography.Paragraph>}
        <Form.Item
          name="respondent"
          label={<span style={{ fontSize: 16 }}>{t('surveys.answer.household')}</span>}
          extra={t('surveys.answer.anonymousHelp')}
          style={{ marginBottom: 0 }}
        >
          <HouseholdPicker size="large" />
        </Form.Item>
        {s.allowMultiplePerHousehold || (
          <Alert
            type="info"
            showIcon
            style={{ marginTop: 12 }}
            message={t('surveys.answer.onePerHousehold')}
          />
        )}
      </Card>
      <Card size={isPhone ? 'small' : undefined}>
        <SurveyAnswerFields version={v} name={['survey']} />
        {!isPhone && submitButton}
      </Card>
      {isPhone && <PhoneActionBar>{submitButton}</PhoneActionBar>}
    </Form>
  );
}
