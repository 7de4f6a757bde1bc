import { Alert, App, Button, Card, Collapse, Steps, type FormInstance } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  caseStages,
  type CaseDetail,
  type CaseForm,
  type CaseFormName,
  type CaseFormSave,
  type AssessmentForm,
  type ClosureForm,
  type EvaluationForm,
  type IntakeForm,
  type PlanForm,
} from '../../../../common/schemas/cases';
import { shanghaiDay } from '../../../../common/time';
import { useIsPhone } from '../../use-is-phone';
import { latestForm, type Flow } from './case-flow';
import { useCaseErrors } from './case-errors';
import { useCaseWrites } from './cases-api';
import {
  EvaluationFields,
  evaluationValues,
  PlanFields,
  planValues,
  type PlanValues,
  toEvaluation,
  toPlan,
} from './plan-forms';
import {
  AssessmentFields,
  ClosureFields,
  IntakeFields,
  StageForm,
  toAssessment,
  toClosure,
  toIntake,
} from './stage-forms';
import { FormMeta, FormView } from './stage-views';

export type StageFormInstances = Record<CaseFormName, FormInstance>;

interface Props {
  c: CaseDetail;
  flow: Flow;
  forms: StageFormInstances;
}

/** The six stages as a stepper, the current stage's form open, the earlier ones read only below. */
export function CaseStages({ c, flow, forms }: Props) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  const current = caseStages.indexOf(c.stage);
  const plan = flow.forms.plan?.data as PlanForm | undefined;
  const shown = new Set<CaseForm>();
  // The current stage's form when it is not open for editing (a plan waiting for review).
  const stageForm = flow.forms[c.stage === 'closed' ? 'closure' : (c.stage as CaseFormName)];
  const waiting = c.pendingReview ? flow.forms[c.pendingReview] : undefined;
  const fixed = [waiting, flow.editable.length ? undefined : stageForm].filter(
    (f, i, all): f is CaseForm => !!f && all.indexOf(f) === i,
  );
  fixed.forEach((f) => shown.add(f));
  for (const name of flow.editable) if (flow.forms[name]) shown.add(flow.forms[name]);
  const earlier = [...c.forms]
    .filter((f) => !shown.has(f))
    .sort((a, b) => b.cycle - a.cycle || order(b) - order(a));

  return (
    <Card className="case-stages">
      <Steps
        current={current}
        status={c.stage === 'closed' ? 'finish' : 'process'}
        size="small"
        type={isPhone ? 'dot' : 'default'}
        titlePlacement="vertical"
        // Six stages side by side even at 360 px: a vertical list would push the form off screen.
        responsive={false}
        items={caseStages.map((s) => ({ key: s, title: t(`cases.stages.${s}`) }))}
        className={isPhone ? 'case-steps phone' : 'case-steps'}
      />
      <StageNotes c={c} flow={flow} />
      {fixed.map((f) => (
        <section key={`${f.stage}-${f.cycle}`} className="stage-section">
          <h3 className="stage-title">{t(`cases.forms.${f.stage}`)}</h3>
          <FormView form={f} plan={plan} />
        </section>
      ))}
      {flow.editable.map((name) => (
        <EditableForm
          key={`${name}-${c.cycle}`}
          c={c}
          name={name}
          form={forms[name]}
          saved={flow.forms[name]}
          plan={plan}
          isPrimary={flow.primary?.kind === 'submit' && flow.primary.form === name}
        />
      ))}
      {earlier.length > 0 && (
        <Collapse
          className="gap-top stage-history"
          items={earlier.map((f) => ({
            key: `${f.stage}-${f.cycle}`,
            label: (
              <span>
                {t(`cases.forms.${f.stage}`)}
                {c.cycle > 1 && (
                  <span className="muted small">
                    {' '}
                    · {t('caseUi.page.cycle', { cycle: f.cycle })}
                  </span>
                )}
              </span>
            ),
            children: <FormView form={f} plan={latestPlanOf(c, f.cycle)} />,
          }))}
        />
      )}
    </Card>
  );
}

const formOrder: CaseFormName[] = ['intake', 'assessment', 'plan', 'evaluation', 'closure'];
const order = (f: CaseForm) => formOrder.indexOf(f.stage);
const latestPlanOf = (c: CaseDetail, cycle: number) =>
  c.forms.find((f) => f.stage === 'plan' && f.cycle === cycle)?.data as PlanForm | undefined;

/** What the case waits for, or why nothing here can be changed. */
function StageNotes({ c, flow }: { c: CaseDetail; flow: Flow }) {
  const { t } = useTranslation();
  const notes: { key: string; type: 'info' | 'warning' | 'success'; text: string }[] = [];
  if (c.pendingReview)
    notes.push({
      key: 'waiting',
      type: 'warning',
      text: t('caseUi.page.waitingReview', { form: t(`cases.forms.${c.pendingReview}`) }),
    });
  if (c.status === 'closed')
    notes.push({
      key: 'closed',
      type: 'success',
      text: t('caseUi.page.closedOn', {
        date: c.closedAt ? shanghaiDay(c.closedAt) : '',
        reason: c.closureReason ? t(`cases.closureReasons.${c.closureReason}`) : '',
      }),
    });
  if (!c.canWrite && !c.canReview)
    notes.push({ key: 'readOnly', type: 'info', text: t('caseUi.page.readOnly') });
  if (c.status === 'open' && c.stage === 'intervention' && c.canWrite)
    notes.push({ key: 'intervention', type: 'info', text: t('caseUi.page.interventionHint') });
  if (flow.editable.includes('evaluation') && !flow.forms.evaluation)
    notes.push({ key: 'evaluation', type: 'info', text: t('caseUi.page.evaluationThenClosure') });
  return (
    <div className="stage-notes">
      {notes.map((n) => (
        <Alert key={n.key} type={n.type} showIcon title={n.text} />
      ))}
    </div>
  );
}

interface EditableProps {
  c: CaseDetail;
  name: CaseFormName;
  form: FormInstance;
  saved?: CaseForm;
  plan?: PlanForm;
  isPrimary: boolean;
}

/** The stage's form, filled from what was saved (this cycle's, or the last cycle's after a reopening). */
function EditableForm({ c, name, form, saved, plan, isPrimary }: EditableProps) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const writes = useCaseWrites(c.id);
  const onError = useCaseErrors();
  const start = (saved ?? latestForm(c, name))?.data;
  const title = t(`cases.forms.${name}`);

  const save = async (data: CaseFormSave['data']) => {
    try {
      // The form named and its data belong together: the union is checked by the server's schema.
      const body = { stage: name, data } as Omit<CaseFormSave, 'version'>;
      const detail = await writes.saveForm(body);
      const now = detail.forms.find((f) => f.cycle === detail.cycle && f.stage === name);
      void message.success(
        now?.review === 'pending'
          ? t('caseUi.actions.submittedForReview', { form: title })
          : isPrimary
            ? t('caseUi.actions.submitted', { form: title })
            : t('caseUi.actions.saved'),
      );
    } catch (error) {
      onError(error, form);
    }
  };

  const footer = !isPrimary && (
    <div className="stage-form-footer">
      <Button icon={<SaveOutlined />} onClick={() => form.submit()}>
        {t('caseUi.actions.save')}
      </Button>
    </div>
  );
  const props = { name: `case-${name}`, form, footer };
  return (
    <section className="stage-section current" data-form={name}>
      <h3 className="stage-title">{t('caseUi.page.currentForm', { form: title })}</h3>
      {saved?.review === 'returned' && (
        <Alert
          type="error"
          showIcon
          className="gap-bottom"
          title={t('caseUi.page.returned', { form: title, note: saved.reviewNote ?? '' })}
        />
      )}
      {name === 'intake' && (
        <StageForm<IntakeForm>
          {...props}
          initialValues={start as IntakeForm | undefined}
          onFinish={(v) => void save(toIntake(v))}
        >
          <IntakeFields />
        </StageForm>
      )}
      {name === 'assessment' && (
        <StageForm<AssessmentForm>
          {...props}
          initialValues={start as AssessmentForm | undefined}
          onFinish={(v) => void save(toAssessment(v))}
        >
          <AssessmentFields />
        </StageForm>
      )}
      {name === 'plan' && (
        <StageForm<PlanValues>
          {...props}
          initialValues={planValues(start as PlanForm | undefined)}
          onFinish={(v) => void save(toPlan(v))}
        >
          <PlanFields />
        </StageForm>
      )}
      {name === 'evaluation' && (
        <StageForm<EvaluationForm>
          {...props}
          initialValues={evaluationValues(plan, saved?.data as EvaluationForm | undefined)}
          onFinish={(v) => void save(toEvaluation(v))}
        >
          <EvaluationFields plan={plan} />
        </StageForm>
      )}
      {name === 'closure' && (
        <StageForm<ClosureForm>
          {...props}
          initialValues={saved?.data as ClosureForm | undefined}
          onFinish={(v) => void save(toClosure(v))}
        >
          <div className="muted small gap-bottom">{t('caseUi.closure.hint')}</div>
          <ClosureFields early={false} />
        </StageForm>
      )}
      {saved && <FormMeta form={saved} />}
    </section>
  );
}
