import type { ReactNode } from 'react';
import { Form, Input, Radio, Select, type FormInstance } from 'antd';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import {
  assessmentDomains,
  zAssessmentDomain,
  zAssessmentForm,
  zClosureForm,
  zIntakeForm,
  type AssessmentForm,
  type ClosureForm,
  type IntakeForm,
} from '../../../../common/schemas/cases';
import { maxLengthOf, schemaRules } from '../../components/zod-form';
import { useCaseOptions } from './case-tags';

const intake = schemaRules(zIntakeForm);
const domain = schemaRules(zAssessmentDomain);
const assessment = schemaRules(zAssessmentForm);
const closure = schemaRules(zClosureForm);

interface StageFormProps<V> {
  name: string;
  form: FormInstance<V>;
  initialValues?: Partial<V>;
  onFinish: (values: V) => void;
  children: ReactNode;
  /** a save button of its own, when the page's primary button submits another form */
  footer?: ReactNode;
}

/**
 * One stage's form. The page's one primary button submits it (form.submit()); the values survive a
 * refused submit and a reload of the case, as the form is keyed by stage and cycle, not by version.
 */
export function StageForm<V extends object>(props: StageFormProps<V>) {
  return (
    <Form<V>
      name={props.name}
      form={props.form}
      layout="vertical"
      requiredMark={false}
      initialValues={props.initialValues}
      scrollToFirstError={{ block: 'center' }}
      clearOnDestroy
      onFinish={props.onFinish}
      className="stage-form"
    >
      {props.children}
      {props.footer}
    </Form>
  );
}

/** A text box as long as the schema lets the field be. */
const textArea = (field: z.ZodType, rows = 2) => (
  <Input.TextArea autoSize={{ minRows: rows, maxRows: 8 }} maxLength={maxLengthOf(field)} />
);

export function IntakeFields() {
  const { t } = useTranslation();
  return (
    <>
      <Form.Item name="needAsTold" label={t('cases.fields.needAsTold')} rules={intake.needAsTold}>
        {textArea(zIntakeForm.shape.needAsTold, 3)}
      </Form.Item>
      <Form.Item name="background" label={t('cases.fields.background')} rules={intake.background}>
        {textArea(zIntakeForm.shape.background)}
      </Form.Item>
      <Form.Item
        name="expectations"
        label={t('cases.fields.expectations')}
        rules={intake.expectations}
      >
        {textArea(zIntakeForm.shape.expectations, 1)}
      </Form.Item>
    </>
  );
}

export const toIntake = (v: IntakeForm): IntakeForm => ({
  needAsTold: v.needAsTold.trim(),
  background: v.background?.trim() || null,
  expectations: v.expectations?.trim() || null,
});

/** The scale as big buttons: one tap each, on the phone too. */
function Scale({
  id,
  max,
  value,
  onChange,
}: {
  id?: string;
  max: number;
  value?: number;
  onChange?: (v: number) => void;
}) {
  return (
    <Radio.Group
      id={id}
      value={value}
      onChange={(e) => onChange?.(e.target.value as number)}
      optionType="button"
      buttonStyle="solid"
      className="scale"
      options={Array.from({ length: max }, (_, i) => ({ value: i + 1, label: String(i + 1) }))}
    />
  );
}

/** Needs and strengths in the seven domains, each rated 1–5, then a summary and the overall level. */
export function AssessmentFields() {
  const { t } = useTranslation();
  return (
    <>
      <div className="muted small gap-bottom">{t('caseUi.forms.ratingHint')}</div>
      {assessmentDomains.map((d) => (
        <fieldset key={d} className="domain-fieldset">
          <legend>{t(`cases.domains.${d}`)}</legend>
          <Form.Item
            name={['domains', d, 'rating']}
            label={t('cases.fields.rating')}
            rules={domain.rating}
          >
            <Scale max={5} />
          </Form.Item>
          <div className="domain-texts">
            <Form.Item
              name={['domains', d, 'needs']}
              label={t('cases.fields.needs')}
              rules={domain.needs}
            >
              {textArea(zAssessmentDomain.shape.needs, 1)}
            </Form.Item>
            <Form.Item
              name={['domains', d, 'strengths']}
              label={t('cases.fields.strengths')}
              rules={domain.strengths}
            >
              {textArea(zAssessmentDomain.shape.strengths, 1)}
            </Form.Item>
          </div>
        </fieldset>
      ))}
      <Form.Item name="summary" label={t('cases.fields.summary')} rules={assessment.summary}>
        {textArea(zAssessmentForm.shape.summary, 3)}
      </Form.Item>
      <Form.Item
        name="overallLevel"
        label={t('cases.fields.overallLevel')}
        extra={t('caseUi.forms.levelHint')}
        rules={assessment.overallLevel}
      >
        <Scale max={6} />
      </Form.Item>
    </>
  );
}

export const toAssessment = (v: AssessmentForm): AssessmentForm => ({
  domains: Object.fromEntries(
    assessmentDomains.map((d) => {
      const domain = v.domains[d];
      return [
        d,
        {
          rating: domain.rating,
          needs: domain.needs?.trim() ?? '',
          strengths: domain.strengths?.trim() ?? '',
        },
      ];
    }),
  ) as AssessmentForm['domains'],
  summary: v.summary.trim(),
  overallLevel: v.overallLevel,
});

/** The closure request; before evaluation "goal reached" is not offered (the server refuses it). */
export function ClosureFields({ early }: { early: boolean }) {
  const { t } = useTranslation();
  const options = useCaseOptions();
  return (
    <>
      <Form.Item name="reason" label={t('cases.fields.reason')} rules={closure.reason}>
        <Select
          options={
            early
              ? options.closureReasons.filter((o) => o.value !== 'goalReached')
              : options.closureReasons
          }
        />
      </Form.Item>
      <Form.Item name="summary" label={t('cases.fields.summary')} rules={closure.summary}>
        {textArea(zClosureForm.shape.summary, 3)}
      </Form.Item>
    </>
  );
}

export const toClosure = (v: ClosureForm): ClosureForm => ({
  reason: v.reason,
  summary: v.summary.trim(),
});
