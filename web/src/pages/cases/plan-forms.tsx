import { Alert, Button, DatePicker, Form, Input, Radio, Select } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { useTranslation } from 'react-i18next';
import {
  zEvaluationForm,
  zPlanAction,
  zPlanForm,
  zPlanGoal,
  type EvaluationForm,
  type PlanForm,
} from '../../../../common/schemas/cases';
import { shanghaiToday } from '../../../../common/time';
import { fieldRules, maxLengthOf, schemaRules } from '../../components/zod-form';
import { useIsPhone } from '../../use-is-phone';
import { useCaseOptions } from './case-tags';

const goal = schemaRules(zPlanGoal);
const action = schemaRules(zPlanAction);
const judged = schemaRules(zEvaluationForm.shape.goals.element);
/** the longest text, or the most rows, the schema takes */
const max = maxLengthOf;

export interface PlanValues {
  goals: { id: string; description: string; targetDate: Dayjs }[];
  actions: { description: string; who: string; goalIds?: string[]; dueDate?: Dayjs | null }[];
}

const newGoalId = () => `g-${Math.random().toString(36).slice(2, 10)}`;

export const planValues = (data: PlanForm | undefined): PlanValues => ({
  goals: data?.goals.map((g) => ({ ...g, targetDate: dayjs(g.targetDate) })) ?? [
    { id: newGoalId(), description: '', targetDate: dayjs(shanghaiToday()).add(3, 'month') },
  ],
  actions: data?.actions.map((a) => ({
    description: a.description,
    who: a.who,
    goalIds: a.goalIds,
    dueDate: a.dueDate ? dayjs(a.dueDate) : null,
  })) ?? [{ description: '', who: '' }],
});

export const toPlan = (v: PlanValues): PlanForm => {
  const ids = new Set(v.goals.map((g) => g.id));
  return {
    goals: v.goals.map((g) => ({
      id: g.id,
      description: g.description.trim(),
      targetDate: g.targetDate.format('YYYY-MM-DD'),
    })),
    actions: v.actions.map((a) => ({
      description: a.description.trim(),
      who: a.who.trim(),
      // A goal removed after it was linked is dropped from the action rather than refused.
      goalIds: (a.goalIds ?? []).filter((id) => ids.has(id)),
      dueDate: a.dueDate ? a.dueDate.format('YYYY-MM-DD') : null,
    })),
  };
};

/** Goals with target dates and the actions that serve them, as lists that grow and shrink. */
export function PlanFields() {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const form = Form.useFormInstance<PlanValues>();
  const goals = Form.useWatch('goals', form) ?? [];
  const goalOptions = goals
    .filter((g) => g?.id)
    .map((g, i) => ({
      value: g.id,
      label: `${t('caseUi.forms.goal', { n: i + 1 })}${g.description ? ` · ${g.description}` : ''}`,
    }));
  const picker = (
    <DatePicker
      style={{ width: '100%' }}
      inputReadOnly={isPhone}
      disabledDate={(d) => d.format('YYYY-MM-DD') < shanghaiToday()}
    />
  );
  return (
    <>
      <h4 className="form-section">{t('cases.fields.goals')}</h4>
      <Form.List name="goals" rules={fieldRules(zPlanForm.shape.goals, { whole: true })}>
        {(fields, { add, remove }) => (
          <div className="list-fields">
            {fields.map((field, i) => (
              <div key={field.key} className="list-field">
                <div className="list-field-head">
                  <strong>{t('caseUi.forms.goal', { n: i + 1 })}</strong>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                    >
                      {t('caseUi.forms.remove')}
                    </Button>
                  )}
                </div>
                <Form.Item name={[field.name, 'id']} hidden>
                  <Input />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'description']}
                  label={t('cases.fields.goals')}
                  rules={goal.description}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    maxLength={max(zPlanGoal.shape.description)}
                  />
                </Form.Item>
                <Form.Item
                  name={[field.name, 'targetDate']}
                  label={t('cases.fields.targetDate')}
                  rules={goal.targetDate}
                >
                  {picker}
                </Form.Item>
              </div>
            ))}
            {fields.length < (max(zPlanForm.shape.goals) ?? Infinity) && (
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() =>
                  add({
                    id: newGoalId(),
                    description: '',
                    targetDate: dayjs(shanghaiToday()).add(3, 'month'),
                  })
                }
              >
                {t('caseUi.forms.addGoal')}
              </Button>
            )}
          </div>
        )}
      </Form.List>
      <h4 className="form-section">{t('cases.fields.actions')}</h4>
      <Form.List name="actions" rules={fieldRules(zPlanForm.shape.actions, { whole: true })}>
        {(fields, { add, remove }) => (
          <div className="list-fields">
            {fields.map((field, i) => (
              <div key={field.key} className="list-field">
                <div className="list-field-head">
                  <strong>{t('caseUi.forms.action', { n: i + 1 })}</strong>
                  {fields.length > 1 && (
                    <Button
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      onClick={() => remove(field.name)}
                    >
                      {t('caseUi.forms.remove')}
                    </Button>
                  )}
                </div>
                <Form.Item
                  name={[field.name, 'description']}
                  label={t('cases.fields.actions')}
                  rules={action.description}
                >
                  <Input.TextArea
                    autoSize={{ minRows: 1, maxRows: 4 }}
                    maxLength={max(zPlanAction.shape.description)}
                  />
                </Form.Item>
                <div className="list-field-row">
                  <Form.Item
                    name={[field.name, 'who']}
                    label={t('cases.fields.who')}
                    rules={action.who}
                  >
                    <Input maxLength={max(zPlanAction.shape.who)} />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'dueDate']}
                    label={t('cases.fields.dueDate')}
                    rules={action.dueDate}
                  >
                    {picker}
                  </Form.Item>
                </div>
                <Form.Item name={[field.name, 'goalIds']} label={t('caseUi.forms.goalLinks')}>
                  <Select mode="multiple" allowClear options={goalOptions} />
                </Form.Item>
              </div>
            ))}
            {fields.length < (max(zPlanForm.shape.actions) ?? Infinity) && (
              <Button
                type="dashed"
                block
                icon={<PlusOutlined />}
                onClick={() => add({ description: '', who: '' })}
              >
                {t('caseUi.forms.addAction')}
              </Button>
            )}
          </div>
        )}
      </Form.List>
    </>
  );
}

export const evaluationValues = (
  plan: PlanForm | undefined,
  saved: EvaluationForm | undefined,
): EvaluationForm => ({
  goals: (plan?.goals ?? []).map((g) => {
    const judged = saved?.goals.find((s) => s.goalId === g.id);
    return { goalId: g.id, result: judged?.result as never, evidence: judged?.evidence ?? '' };
  }),
  summary: saved?.summary ?? '',
});

export const toEvaluation = (v: EvaluationForm): EvaluationForm => ({
  goals: v.goals.map((g) => ({ goalId: g.goalId, result: g.result, evidence: g.evidence.trim() })),
  summary: v.summary?.trim() || null,
});

/** Each goal of the approved plan judged once: met, partly met or not met, with the evidence. */
export function EvaluationFields({ plan }: { plan: PlanForm | undefined }) {
  const { t } = useTranslation();
  const options = useCaseOptions();
  if (!plan?.goals.length)
    return <Alert type="warning" showIcon title={t('caseUi.forms.noPlan')} />;
  return (
    <>
      <Form.List name="goals">
        {(fields) => (
          <div className="list-fields">
            {fields.map((field, i) => {
              const goal = plan.goals[i];
              return (
                <div key={field.key} className="list-field">
                  <div className="list-field-head">
                    <strong>
                      {t('caseUi.forms.goalOf', {
                        goal: goal?.description ?? '',
                        date: goal?.targetDate ?? '',
                      })}
                    </strong>
                  </div>
                  <Form.Item name={[field.name, 'goalId']} hidden>
                    <Input />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'result']}
                    label={t('cases.fields.result')}
                    rules={judged.result}
                  >
                    <Radio.Group
                      optionType="button"
                      buttonStyle="solid"
                      className="radio-row"
                      options={options.goalResults}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[field.name, 'evidence']}
                    label={t('cases.fields.evidence')}
                    rules={judged.evidence}
                  >
                    <Input.TextArea
                      autoSize={{ minRows: 1, maxRows: 4 }}
                      maxLength={max(zEvaluationForm.shape.goals.element.shape.evidence)}
                    />
                  </Form.Item>
                </div>
              );
            })}
          </div>
        )}
      </Form.List>
      <Form.Item
        name="summary"
        label={t('cases.fields.summary')}
        rules={schemaRules(zEvaluationForm).summary}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 6 }}
          maxLength={max(zEvaluationForm.shape.summary)}
        />
      </Form.Item>
    </>
  );
}
