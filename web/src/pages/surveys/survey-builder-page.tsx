import { useEffect, useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Divider,
  Empty,
  Form,
  Input,
  Result,
  Select,
  Skeleton,
  Space,
  Switch,
  Tag,
  Typography,
  type FormInstance,
} from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  BarChartOutlined,
  DeleteOutlined,
  PlusOutlined,
  SaveOutlined,
  SendOutlined,
  StopOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import { v7 as uuidv7 } from 'uuid';
import {
  surveyQuestionTypes,
  type SurveyDetail,
  type SurveyQuestion,
  type SurveySection,
} from '../../../../common/schemas/surveys';
import { ApiError } from '../../api';
import { useMe } from '../../auth';
import { OrgUnitSelect } from '../../components/org-unit-select';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';
import { useOrgTree } from '../org/org-api';
import { PhoneActionBar } from '../people/phone-action-bar';
import { SurveyStatusTag, surveyBuilders } from './surveys-page';
import { useSurvey, useSurveyWrites } from './surveys-api';

interface BuilderValues {
  title: string;
  description?: string | null;
  orgUnitId?: string;
  allowMultiplePerHousehold: boolean;
  sections: SurveySection[];
}

/** Short ids for sections, questions and options: unique within the survey, kept across versions. */
const shortId = (prefix: string) =>
  `${prefix}${Date.now().toString(36).slice(-4)}${Math.random().toString(36).slice(2, 6)}`;

const newQuestion = (): SurveyQuestion => ({
  id: shortId('q'),
  type: 'single',
  text: '',
  required: true,
  options: [
    { id: shortId('o'), label: '' },
    { id: shortId('o'), label: '' },
  ],
});
const newSection = (): SurveySection => ({
  id: shortId('s'),
  title: '',
  questions: [newQuestion()],
});

/** Choice questions keep their options; the others send none. */
function cleanSections(sections: SurveySection[] | undefined): SurveySection[] {
  return (sections ?? []).map((s) => ({
    id: s.id,
    title: s.title ?? '',
    questions: (s.questions ?? []).map((q) => ({
      id: q.id,
      type: q.type,
      text: q.text ?? '',
      required: !!q.required,
      ...(q.type === 'single' || q.type === 'multiple'
        ? { options: (q.options ?? []).map((o) => ({ id: o.id, label: o.label ?? '' })) }
        : {}),
    })),
  }));
}

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

function QuestionCard(props: {
  sectionField: number;
  field: number;
  index: number;
  count: number;
  move: (from: number, to: number) => void;
  remove: (i: number) => void;
  disabled: boolean;
}) {
  const { t } = useTranslation();
  const { sectionField, field, index, count, move, remove, disabled } = props;
  const form = Form.useFormInstance<BuilderValues>();
  const path = ['sections', sectionField, 'questions', field] as const;
  const type = Form.useWatch([...path, 'type'], form) as SurveyQuestion['type'] | undefined;
  const choice = type === 'single' || type === 'multiple';
  return (
    <Card
      size="small"
      className="survey-question-card"
      style={{ marginBottom: 12, background: '#fafafa' }}
      title={`${t('surveys.builder.question')} ${index + 1}`}
      extra={
        !disabled && (
          <Space size={0}>
            <Button
              type="text"
              icon={<ArrowUpOutlined />}
              aria-label={t('surveys.builder.moveUp')}
              disabled={index === 0}
              onClick={() => move(index, index - 1)}
            />
            <Button
              type="text"
              icon={<ArrowDownOutlined />}
              aria-label={t('surveys.builder.moveDown')}
              disabled={index === count - 1}
              onClick={() => move(index, index + 1)}
            />
            <Button
              type="text"
              danger
              icon={<DeleteOutlined />}
              aria-label={t('surveys.builder.remove')}
              onClick={() => remove(index)}
            />
          </Space>
        )
      }
    >
      <Form.Item name={[field, 'id']} hidden>
        <Input />
      </Form.Item>
      <Form.Item
        name={[field, 'text']}
        label={t('surveys.builder.question')}
        rules={[{ required: true, whitespace: true, message: t('surveys.builder.question') }]}
      >
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={500}
          placeholder={t('surveys.builder.questionPlaceholder')}
        />
      </Form.Item>
      <Space wrap align="start" size="large">
        <Form.Item name={[field, 'type']} label={t('surveys.builder.type')}>
          <Select
            style={{ width: 180 }}
            options={surveyQuestionTypes.map((v) => ({ value: v, label: t(`surveys.types.${v}`) }))}
            onChange={(v: SurveyQuestion['type']) => {
              const options = form.getFieldValue([...path, 'options']) as unknown[] | undefined;
              if ((v === 'single' || v === 'multiple') && !options?.length)
                form.setFieldValue(
                  [...path, 'options'],
                  [
                    { id: shortId('o'), label: '' },
                    { id: shortId('o'), label: '' },
                  ],
                );
            }}
          />
        </Form.Item>
        <Form.Item
          name={[field, 'required']}
          label={t('surveys.builder.required')}
          valuePropName="checked"
        >
          <Switch />
        </Form.Item>
      </Space>
      {choice && (
        <Form.List name={[field, 'options']}>
          {(options, { add, remove: removeOption }) => (
            <div>
              <Typography.Text type="secondary">{t('surveys.builder.options')}</Typography.Text>
              {options.map((o, oi) => (
                <Space key={o.key} align="baseline" style={{ display: 'flex', marginTop: 8 }}>
                  <Form.Item name={[o.name, 'id']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[o.name, 'label']}
                    style={{ marginBottom: 0, flex: 1, minWidth: 220 }}
                    rules={[
                      { required: true, whitespace: true, message: t('surveys.builder.options') },
                    ]}
                  >
                    <Input
                      placeholder={t('surveys.builder.option', { n: oi + 1 })}
                      maxLength={200}
                    />
                  </Form.Item>
                  {!disabled && options.length > 2 && (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('surveys.builder.remove')}
                      onClick={() => removeOption(o.name)}
                    />
                  )}
                </Space>
              ))}
              {!disabled && (
                <Button
                  type="dashed"
                  icon={<PlusOutlined />}
                  style={{ marginTop: 8 }}
                  onClick={() => add({ id: shortId('o'), label: '' })}
                >
                  {t('surveys.builder.addOption')}
                </Button>
              )}
            </div>
          )}
        </Form.List>
      )}
    </Card>
  );
}

function SectionCards({ disabled }: { disabled: boolean }) {
  const { t } = useTranslation();
  return (
    <Form.List name="sections">
      {(sections, { add, remove, move }) => (
        <>
          {sections.map((s, si) => (
            <Card
              key={s.key}
              title={t('surveys.builder.section', { n: si + 1 })}
              style={{ marginBottom: 16 }}
              extra={
                !disabled && (
                  <Space size={0}>
                    <Button
                      type="text"
                      icon={<ArrowUpOutlined />}
                      aria-label={t('surveys.builder.moveUp')}
                      disabled={si === 0}
                      onClick={() => move(si, si - 1)}
                    />
                    <Button
                      type="text"
                      icon={<ArrowDownOutlined />}
                      aria-label={t('surveys.builder.moveDown')}
                      disabled={si === sections.length - 1}
                      onClick={() => move(si, si + 1)}
                    />
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={t('surveys.builder.removeSection')}
                      onClick={() => remove(si)}
                    />
                  </Space>
                )
              }
            >
              <Form.Item name={[s.name, 'id']} hidden>
                <Input />
              </Form.Item>
              <Form.Item name={[s.name, 'title']} label={t('surveys.builder.sectionTitle')}>
                <Input maxLength={200} placeholder={t('surveys.builder.sectionTitlePlaceholder')} />
              </Form.Item>
              <Form.List name={[s.name, 'questions']}>
                {(questions, q) => (
                  <>
                    {questions.length === 0 && (
                      <Empty
                        image={Empty.PRESENTED_IMAGE_SIMPLE}
                        description={t('surveys.builder.noQuestions')}
                      />
                    )}
                    {questions.map((f, qi) => (
                      <QuestionCard
                        key={f.key}
                        sectionField={s.name}
                        field={f.name}
                        index={qi}
                        count={questions.length}
                        move={q.move}
                        remove={q.remove}
                        disabled={disabled}
                      />
                    ))}
                    {!disabled && (
                      <Button
                        type="dashed"
                        block
                        icon={<PlusOutlined />}
                        onClick={() => q.add(newQuestion())}
                      >
                        {t('surveys.builder.addQuestion')}
                      </Button>
                    )}
                  </>
                )}
              </Form.List>
            </Card>
          ))}
          {!disabled && (
            <Button
              block
              size="large"
              icon={<PlusOutlined />}
              onClick={() => add(newSection())}
              style={{ marginBottom: 16 }}
            >
              {t('surveys.builder.addSection')}
            </Button>
          )}
        </>
      )}
    </Form.List>
  );
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
        <Form.Item
          name="title"
          label={t('surveys.builder.name')}
          rules={[{ required: true, whitespace: true, message: t('surveys.builder.name') }]}
        >
          <Input maxLength={200} placeholder={t('surveys.builder.namePlaceholder')} />
        </Form.Item>
        <Form.Item name="description" label={t('surveys.builder.description')}>
          <Input.TextArea
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={2000}
            placeholder={t('surveys.builder.descriptionPlaceholder')}
          />
        </Form.Item>
        {!current && (
          <Form.Item
            name="orgUnitId"
            label={t('surveys.builder.unit')}
            rules={[{ required: true, message: t('surveys.builder.unit') }]}
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
