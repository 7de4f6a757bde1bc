import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  List,
  Select,
  Skeleton,
  Space,
  Switch,
  Typography,
} from 'antd';
import {
  CheckCircleOutlined,
  ClockCircleOutlined,
  CloseCircleOutlined,
  SendOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import {
  visitOutcomes,
  zVisitCreate,
  type CampaignDetail,
  type CampaignHouseholdDetail,
  type VisitOutcome,
} from '../../../../common/schemas/campaigns';
import { issueCategories, type IssueCategory } from '../../../../common/schemas/issues';
import { showServerError } from '../../components/form-errors';
import { ListState } from '../../components/list-state';
import { maxLengthOf, schemaRules } from '../../components/zod-form';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';
import { PhotoField, PhotoStrip } from '../issues/photo-field';
import { PhoneActionBar } from '../people/phone-action-bar';
import {
  showSurveyAnswerError,
  SurveyAnswerFields,
  surveyAnswersOf,
} from '../surveys/survey-answer-form';
import { OutcomeTag } from './campaign-tags';
import { useCampaign, useCampaignHousehold, useCampaignWrites } from './campaigns-api';

const visitRules = schemaRules(zVisitCreate);
const issueSchema = zVisitCreate.shape.issue.unwrap();
const issueRules = schemaRules(issueSchema);

interface Values {
  outcome?: VisitOutcome;
  note?: string;
  photoIds?: string[];
  answerSurvey: boolean;
  reportIssue: boolean;
  issueCategory?: IssueCategory;
  issueDescription?: string;
}

const outcomeIcons: Record<VisitOutcome, React.ReactNode> = {
  delivered: <CheckCircleOutlined />,
  notHome: <ClockCircleOutlined />,
  refused: <CloseCircleOutlined />,
};

/** Three big buttons, one per outcome; the chosen one is filled. */
function OutcomeButtons(props: { value?: VisitOutcome; onChange?: (v: VisitOutcome) => void }) {
  const { t } = useTranslation();
  return (
    <Space direction="vertical" style={{ width: '100%' }} className="visit-outcomes">
      {visitOutcomes.map((o) => (
        <Button
          key={o}
          block
          size="large"
          type={props.value === o ? 'primary' : 'default'}
          danger={o === 'refused' && props.value === o}
          icon={outcomeIcons[o]}
          aria-pressed={props.value === o}
          style={{ height: 56, fontSize: 17 }}
          onClick={() => props.onChange?.(o)}
        >
          {t(`campaigns.outcomes.${o}`)}
        </Button>
      ))}
    </Space>
  );
}

/** 入户走访: one household's door — outcome, questionnaire, note, photos, a problem to report. */
export function VisitPage() {
  const { id = '', householdId = '' } = useParams();
  const campaign = useCampaign(id);
  const household = useCampaignHousehold(id, householdId);
  const error = campaign.error ?? household.error;
  return (
    <ListState
      loading={campaign.isPending || household.isPending}
      error={error}
      onRetry={() => void Promise.all([campaign.refetch(), household.refetch()])}
      empty={false}
      emptyText=""
    >
      {campaign.data && household.data ? (
        <VisitView campaign={campaign.data} household={household.data} />
      ) : (
        <Skeleton active />
      )}
    </ListState>
  );
}

function VisitView({
  campaign: c,
  household: h,
}: {
  campaign: CampaignDetail;
  household: CampaignHouseholdDetail;
}) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }} className="visit-page">
      <Card size="small">
        <Space direction="vertical" size={4}>
          <Typography.Text strong style={{ fontSize: 18 }}>
            {h.communityName}
            {h.address}
          </Typography.Text>
          <Space wrap>
            <Typography.Text>{h.headName}</Typography.Text>
            <OutcomeTag outcome={h.outcome} />
            {h.outcome === 'notHome' && (
              <Typography.Text type="warning">{t('campaigns.revisit')}</Typography.Text>
            )}
          </Space>
          <Typography.Text type="secondary">
            {c.title} · {c.materials.join('、')}
          </Typography.Text>
        </Space>
      </Card>
      {h.canVisit ? (
        <VisitForm campaign={c} household={h} />
      ) : (
        <Alert
          type="info"
          showIcon
          message={
            h.outcome === 'delivered'
              ? t('campaigns.delivered')
              : c.status !== 'active'
                ? t('campaigns.notActive')
                : t('campaigns.readOnlyVisit')
          }
        />
      )}
      <Card size="small" title={t('campaigns.history')}>
        {h.visitsList.length === 0 ? (
          <Typography.Text type="secondary">{t('campaigns.noVisits')}</Typography.Text>
        ) : (
          <List
            dataSource={h.visitsList}
            renderItem={(v) => (
              <List.Item>
                <Space direction="vertical" size={2}>
                  <Space wrap>
                    <OutcomeTag outcome={v.outcome} />
                    <Typography.Text type="secondary">
                      {formatTime(v.at)} · {v.worker.name}
                    </Typography.Text>
                  </Space>
                  {v.note && <Typography.Text>{v.note}</Typography.Text>}
                  {v.issueId && (
                    <Link to={`/issues/${v.issueId}`}>{t('campaigns.issueRaised')}</Link>
                  )}
                  {v.photos.length > 0 && <PhotoStrip photos={v.photos} />}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      {isPhone && <div style={{ height: 8 }} />}
    </Space>
  );
}

function VisitForm({
  campaign: c,
  household: h,
}: {
  campaign: CampaignDetail;
  household: CampaignHouseholdDetail;
}) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const writes = useCampaignWrites();
  const [form] = Form.useForm<Values>();
  const outcome = Form.useWatch('outcome', form);
  const answerSurvey = Form.useWatch('answerSurvey', form);
  const reportIssue = Form.useWatch('reportIssue', form);
  // Made once per screen, so a resend on a weak signal records nothing twice.
  const [ids] = useState(() => ({ visit: uuidv7(), answer: uuidv7(), issue: uuidv7() }));
  const [saving, setSaving] = useState(false);
  const survey = c.survey;
  const withSurvey = !!survey && outcome === 'delivered' && answerSurvey !== false;

  const finish = async (v: Values) => {
    if (!v.outcome) {
      form.setFields([{ name: 'outcome', errors: [t('campaigns.pickOutcome')] }]);
      return;
    }
    setSaving(true);
    try {
      const saved = await writes.visit(c.id, {
        id: ids.visit,
        householdId: h.householdId,
        outcome: v.outcome,
        note: v.note?.trim() || undefined,
        photoIds: v.photoIds?.length ? v.photoIds : undefined,
        at: new Date().toISOString(),
        survey:
          withSurvey && survey
            ? { answerId: ids.answer, versionId: survey.id, answers: surveyAnswersOf(form) }
            : undefined,
        issue:
          v.reportIssue && v.issueCategory
            ? {
                id: ids.issue,
                category: v.issueCategory,
                description: (v.issueDescription ?? '').trim(),
              }
            : undefined,
      });
      void message.success(saved.issueId ? t('campaigns.issueRaised') : t('campaigns.visitSaved'));
      void navigate(`/campaigns/${c.id}`);
    } catch (error) {
      if (survey && showSurveyAnswerError(form, error, survey)) return;
      showServerError(form, error, (text) => void message.error(text), {
        CAMPAIGN_SURVEY_NOT_EXPECTED: 'outcome',
        // The household answered before (another round, or at the office): switch the survey off.
        SURVEY_ALREADY_ANSWERED: 'answerSurvey',
      });
    } finally {
      setSaving(false);
    }
  };

  const submit = (
    <Button
      type="primary"
      size="large"
      block
      icon={<SendOutlined />}
      loading={saving}
      onClick={() => form.submit()}
      className="visit-submit"
    >
      {t('campaigns.submit')}
    </Button>
  );

  return (
    <Card size="small" title={t('campaigns.visitTitle')}>
      <Form<Values>
        form={form}
        name="campaign-visit"
        layout="vertical"
        requiredMark={false}
        initialValues={{ answerSurvey: !h.surveyAnswered, reportIssue: false }}
        onFinish={(values) => void finish(values)}
        onFinishFailed={({ errorFields }) => {
          if (errorFields[0]) form.scrollToField(errorFields[0].name);
        }}
      >
        <Form.Item name="outcome" label={t('campaigns.outcomeLabel')}>
          <OutcomeButtons />
        </Form.Item>
        {survey && outcome === 'delivered' && (
          <>
            <Form.Item
              name="answerSurvey"
              label={t('campaigns.surveyTitle', { title: survey.title })}
              valuePropName="checked"
              extra={t(h.surveyAnswered ? 'campaigns.surveyAnswered' : 'campaigns.surveyHint')}
            >
              <Switch />
            </Form.Item>
            {answerSurvey !== false && <SurveyAnswerFields version={survey} name={['survey']} />}
          </>
        )}
        <Form.Item name="note" label={t('campaigns.note')} rules={visitRules.note}>
          <Input.TextArea
            rows={2}
            maxLength={maxLengthOf(zVisitCreate.shape.note)}
            placeholder={t('campaigns.notePlaceholder')}
          />
        </Form.Item>
        <Form.Item name="photoIds" label={t('campaigns.photos')}>
          <PhotoField />
        </Form.Item>
        <Form.Item name="reportIssue" label={t('campaigns.reportIssue')} valuePropName="checked">
          <Switch />
        </Form.Item>
        {reportIssue && (
          <>
            <Form.Item
              name="issueCategory"
              label={t('campaigns.issueCategory')}
              rules={issueRules.category}
            >
              <Select
                size="large"
                options={issueCategories.map((k) => ({
                  value: k,
                  label: t(`issues.categories.${k}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="issueDescription"
              label={t('campaigns.issueDescription')}
              rules={issueRules.description}
            >
              <Input.TextArea
                rows={3}
                maxLength={maxLengthOf(issueSchema.shape.description)}
                placeholder={t('campaigns.issueDescriptionPlaceholder')}
              />
            </Form.Item>
          </>
        )}
        {!isPhone && submit}
      </Form>
      {isPhone && <PhoneActionBar>{submit}</PhoneActionBar>}
    </Card>
  );
}
