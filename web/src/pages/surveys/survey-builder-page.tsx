import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Divider,
  Form,
  type FormInstance,
  Input,
  Result,
  Skeleton,
  Space,
  Tag,
  Typography,
} from 'antd';
import { BarChartOutlined, SaveOutlined, SendOutlined, StopOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import { type SurveyDetail, zSurveyCreate } from '../../../../common/schemas/surveys';
import { ApiError } from '../../api';
import { useMe } from '../../auth';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { schemaRules, maxLengthOf as max } from '../../components/zod-form';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';
import { useOrgTree } from '../org/org-api';
import { PhoneActionBar } from '../people/phone-action-bar';
import { SurveyStatusTag, surveyBuilders } from './surveys-page';
import { useSurvey, useSurveyWrites } from './surveys-api';
import { SectionCards } from './survey-builder-sections';
import { type BuilderValues, cleanSections, newSection } from './survey-draft';

const surveyRules = schemaRules(zSurveyCreate);

/** Puts a server error at its field ('sections.0.questions.1.options' → that path) when it can. */
function showBuilderError(form: FormInstance, error: unknown, notify: (t: string) => void) {
  const text = error instanceof Error ? error.message : String(error);
  notify(text);
  if (!(error instanceof ApiError) || !error.field) return;
  const name = error.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p));
  if (name[name.length - 1] === 'options') name.push(0, 'label');
  try {
    form.setFields([{ name, errors: [text] }]);
    form.scrollToField(name);
  } catch {
    // A field the form does not show: the toast says it.
  }
}

/** The questionnaire builder: a new survey, or the draft of one, with publishing and closing. */
export function SurveyBuilderPage() {
  const { id } = useParams();
  const survey = useSurvey(id);
  const { t } = useTranslation();
  if (!id) return <Builder />;
  if (survey.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (survey.error)
    return (
      <Result
        status={survey.error instanceof ApiError && survey.error.status === 404 ? '404' : 'warning'}
        title={survey.error.message}
        extra={<Link to="/surveys">{t('surveys.listTitle')}</Link>}
      />
    );
  return <Builder key={`${survey.data.id}`} survey={survey.data} />;
}

function Builder({ survey }: { survey?: SurveyDetail }) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const isPhone = useIsPhone();
  const navigate = useNavigate();
  const me = useMe();
  const writes = useSurveyWrites();
  const tree = useOrgTree(false);
  const [form] = Form.useForm<BuilderValues>();
  const [busy, setBusy] = useState<'save' | 'publish' | 'close'>();
  const [newId] = useState(() => uuidv7());
  const [current, setCurrent] = useState(survey);
  const canBuild = me.roles.some((r) => surveyBuilders.includes(r.role));
  const disabled = current ? !current.canEdit : !canBuild;
  // A new survey belongs to the builder's own street or community unless they pick another.
  const homeUnit = me.roles.find(
    (r) =>
      surveyBuilders.includes(r.role) &&
      (r.orgUnitKind === 'street' || r.orgUnitKind === 'community'),
  )?.orgUnitId;

  useEffect(() => {
    if (current) {
      form.setFieldsValue({
        title: current.title,
        description: current.description,
        allowMultiplePerHousehold: current.allowMultiplePerHousehold,
        sections: current.sections,
      });
      // The form now matches what is saved.
      form.resetFields([]);
    }
  }, [current, form]);

  const notify = (text: string) => void message.error(text);

  const save = async (): Promise<SurveyDetail | undefined> => {
    let values: BuilderValues;
    try {
      values = await form.validateFields();
    } catch {
      return undefined;
    }
    const body = {
      title: values.title,
      description: values.description || null,
      allowMultiplePerHousehold: !!values.allowMultiplePerHousehold,
      sections: cleanSections(values.sections),
    };
    try {
      if (!current) {
        const created = await writes.create({ ...body, id: newId, orgUnitId: values.orgUnitId! });
        void message.success(t('surveys.builder.created'));
        void navigate(`/surveys/${created.id}`, { replace: true });
        return created;
      }
      const saved = await writes.update(current.id, { ...body, version: current.version });
      setCurrent(saved);
      void message.success(t('surveys.builder.saved'));
      return saved;
    } catch (error) {
      showBuilderError(form, error, notify);
      return undefined;
    }
  };

  const publish = () => {
    const next = (current?.currentVersion ?? 0) + 1;
    modal.confirm({
      title: t('surveys.builder.publishConfirm', { n: next }),
      content: t('surveys.builder.publishConfirmText'),
      okText: t('surveys.builder.publish'),
      onOk: async () => {
        setBusy('publish');
        try {
          // What is on screen is what gets published: save it first when it changed.
          const saved = form.isFieldsTouched() || !current ? await save() : current;
          if (!saved) return;
          const published = await writes.publish(saved.id, saved.version);
          setCurrent(published);
          void message.success(t('surveys.builder.published', { n: published.currentVersion }));
        } catch (error) {
          showBuilderError(form, error, notify);
        } finally {
          setBusy(undefined);
        }
      },
    });
  };

  const close = () => {
    if (!current) return;
    modal.confirm({
      title: t('surveys.builder.closeConfirm'),
      content: t('surveys.builder.closeConfirmText'),
      okText: t('surveys.builder.close'),
      okButtonProps: { danger: true },
      onOk: async () => {
        setBusy('close');
        try {
          setCurrent(await writes.close(current.id, current.version));
          void message.success(t('surveys.builder.closed'));
        } catch (error) {
          notify(error instanceof Error ? error.message : String(error));
        } finally {
          setBusy(undefined);
        }
      },
    });
  };

  const runSave = async () => {
    setBusy('save');
    await save();
    setBusy(undefined);
  };

  const saveButton = !disabled && (
    <Button
      type={isPhone ? 'primary' : 'default'}
      size={isPhone ? 'large' : undefined}
      block={isPhone}
      icon={<SaveOutlined />}
      loading={busy === 'save'}
      onClick={() => void runSave()}
    >
      {t('surveys.builder.save')}
    </Button>
  );
  const actions = (
    <Space wrap>
      {!isPhone && saveButton}
      {!disabled && (
        <Button
          type={isPhone ? 'default' : 'primary'}
          icon={<SendOutlined />}
          loading={busy === 'publish'}
          onClick={publish}
        >
          {t('surveys.builder.publish')}
        </Button>
      )}
      {current && current.currentVersion > 0 && (
        <Button
          icon={<BarChartOutlined />}
          onClick={() => void navigate(`/surveys/${current.id}/results`)}
        >
          {t('surveys.showResults')}
        </Button>
      )}
      {current?.status === 'published' && current.canEdit && (
        <Button danger icon={<StopOutlined />} loading={busy === 'close'} onClick={close}>
          {t('surveys.builder.close')}
        </Button>
      )}
    </Space>
  );

  return (
    <Form<BuilderValues>
      form={form}
      layout="vertical"
      disabled={disabled}
      initialValues={{
        allowMultiplePerHousehold: false,
        sections: [newSection()],
        orgUnitId: homeUnit,
      }}
      className="survey-builder"
    >
      <Card
        title={current ? t('surveys.builder.editTitle') : t('surveys.builder.newTitle')}
        extra={!isPhone && actions}
        style={{ marginBottom: 16 }}
      >
        {current && (
          <Space wrap style={{ marginBottom: 12 }}>
            <SurveyStatusTag status={current.status} />
            {current.currentVersion > 0 && (
              <Tag>{t('surveys.versionN', { n: current.currentVersion })}</Tag>
            )}
            {current.status !== 'closed' &&
              current.currentVersion > 0 &&
              (current.draftChanged ? (
                <Tag color="orange">{t('surveys.builder.draftChanged')}</Tag>
              ) : (
                <Tag color="green">{t('surveys.builder.upToDate')}</Tag>
              ))}
            <Typography.Text type="secondary">
              {current.orgUnit.name} · {t('surveys.columns.answers')} {current.answers}
            </Typography.Text>
          </Space>
        )}
        {current?.status === 'closed' && (
          <Alert
            type="info"
            showIcon
            message={t('surveys.builder.closedNote')}
            style={{ marginBottom: 12 }}
          />
        )}
        {disabled && current?.status !== 'closed' && (
          <Alert
            type="info"
            showIcon
            message={t('surveys.builder.readOnly')}
            style={{ marginBottom: 12 }}
          />
        )}
        {isPhone && <div style={{ marginBottom: 12 }}>{actions}</div>}
        <Form.Item name="title" label={t('surveys.builder.name')} rules={surveyRules.title}>
          <Input
            maxLength={max(zSurveyCreate.shape.title)}
            placeholder={t('surveys.builder.namePlaceholder')}
          />
        </Form.Item>
        <Form.Item
          name="description"
          label={t('surveys.builder.description')}
          rules={surveyRules.description}
        >
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={max(zSurveyCreate.shape.description)}
            placeholder={t('surveys.builder.descriptionPlaceholder')}
          />
        </Form.Item>
        {!current && (
          <Form.Item
            name="orgUnitId"
            label={t('surveys.builder.unit')}
            rules={surveyRules.orgUnitId}
          >
            <OrgUnitSelect
              tree={tree.data ?? []}
              loading={tree.isPending}
              canPick={(node) => node.kind === 'street' || node.kind === 'community'}
            />
          </Form.Item>
        )}
        <Form.Item
          name="allowMultiplePerHousehold"
          valuePropName="checked"
          extra={t('surveys.builder.allowMultipleHelp')}
          style={{ marginBottom: 0 }}
        >
          <Checkbox>{t('surveys.builder.allowMultiple')}</Checkbox>
        </Form.Item>
        {current && current.versions.length > 0 && (
          <>
            <Divider plain>{t('surveys.builder.versions')}</Divider>
            <Space wrap>
              {current.versions.map((v) => (
                <Link key={v.id} to={`/surveys/${current.id}/results?versionId=${v.id}`}>
                  <Tag>
                    {t('surveys.versionN', { n: v.version })} · {formatTime(v.publishedAt)} ·{' '}
                    {t('surveys.results.answered', { n: v.answers })}
                  </Tag>
                </Link>
              ))}
            </Space>
          </>
        )}
      </Card>
      <SectionCards disabled={disabled} />
      {isPhone && saveButton && <PhoneActionBar>{saveButton}</PhoneActionBar>}
    </Form>
  );
}
