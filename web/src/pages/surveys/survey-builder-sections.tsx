import { Button, Card, Empty, Form, Input, Select, Space, Switch, Typography } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  type SurveyQuestion,
  surveyQuestionTypes,
  zSurveyOption,
  zSurveyQuestion,
  zSurveySection,
} from '../../../../common/schemas/surveys';
import { schemaRules, maxLengthOf as max } from '../../components/zod-form';
import { type BuilderValues, newQuestion, newSection, shortId } from './survey-draft';

const questionRules = schemaRules(zSurveyQuestion);
const optionRules = schemaRules(zSurveyOption);
const sectionRules = schemaRules(zSurveySection);

/** The survey's sections and their questions, each added, moved and removed in the builder's form. */
export function SectionCards({ disabled }: { disabled: boolean }) {
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
              <Form.Item
                name={[s.name, 'title']}
                label={t('surveys.builder.sectionTitle')}
                rules={sectionRules.title}
              >
                <Input
                  maxLength={max(zSurveySection.shape.title)}
                  placeholder={t('surveys.builder.sectionTitlePlaceholder')}
                />
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
        rules={questionRules.text}
      >
        <Input.TextArea
          autoSize={{ minRows: 1, maxRows: 4 }}
          maxLength={max(zSurveyQuestion.shape.text)}
          placeholder={t('surveys.builder.questionPlaceholder')}
        />
      </Form.Item>
      <Space wrap align="start" size="large">
        <Form.Item
          name={[field, 'type']}
          label={t('surveys.builder.type')}
          rules={questionRules.type}
        >
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
                    rules={optionRules.label}
                  >
                    <Input
                      placeholder={t('surveys.builder.option', { n: oi + 1 })}
                      maxLength={max(zSurveyOption.shape.label)}
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
