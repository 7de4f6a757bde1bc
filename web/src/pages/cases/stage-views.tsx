import type { ReactNode } from 'react';
import { Descriptions, Tag } from 'antd';
import { AuditOutlined, CheckCircleOutlined, RollbackOutlined } from '@ant-design/icons';
import { useTranslation } from 'react-i18next';
import {
  assessmentDomains,
  type AssessmentForm,
  type CaseForm,
  type ClosureForm,
  type EvaluationForm,
  type IntakeForm,
  type PlanForm,
} from '../../../../common/schemas/cases';
import { formatTime } from '../../i18n';
import { useIsPhone } from '../../use-is-phone';

const text = (value: string | null | undefined): ReactNode =>
  value ? <span className="pre-wrap">{value}</span> : '—';

function IntakeView({ data }: { data: IntakeForm }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      column={1}
      size="small"
      items={[
        { key: 'need', label: t('cases.fields.needAsTold'), children: text(data.needAsTold) },
        { key: 'bg', label: t('cases.fields.background'), children: text(data.background) },
        { key: 'exp', label: t('cases.fields.expectations'), children: text(data.expectations) },
      ]}
    />
  );
}

function AssessmentView({ data }: { data: AssessmentForm }) {
  const { t } = useTranslation();
  return (
    <div className="stage-view">
      <div className="domain-grid">
        {assessmentDomains.map((d) => {
          const domain = data.domains[d];
          return (
            <div key={d} className="domain-view">
              <div className="domain-head">
                <strong>{t(`cases.domains.${d}`)}</strong>
                <Tag className={`rating rating-${domain.rating}`}>
                  {t('cases.document.outOf', { value: domain.rating, max: 5 })}
                </Tag>
              </div>
              {domain.needs && (
                <div>
                  <span className="muted colon-after">{t('cases.fields.needs')}</span>
                  {domain.needs}
                </div>
              )}
              {domain.strengths && (
                <div>
                  <span className="muted colon-after">{t('cases.fields.strengths')}</span>
                  {domain.strengths}
                </div>
              )}
            </div>
          );
        })}
      </div>
      <Descriptions
        column={1}
        size="small"
        className="gap-top"
        items={[
          {
            key: 'level',
            label: t('cases.fields.overallLevel'),
            children: t('cases.document.outOf', { value: data.overallLevel, max: 6 }),
          },
          { key: 'summary', label: t('cases.fields.summary'), children: text(data.summary) },
        ]}
      />
    </div>
  );
}

function PlanView({ data }: { data: PlanForm }) {
  const { t } = useTranslation();
  const goalNumber = new Map(data.goals.map((g, i) => [g.id, i + 1]));
  return (
    <div className="stage-view">
      <div className="muted small">{t('cases.fields.goals')}</div>
      <ol className="plan-list">
        {data.goals.map((g) => (
          <li key={g.id}>
            <span className="pre-wrap">{g.description}</span>{' '}
            <span className="muted small">
              {t('cases.fields.targetDate')} {g.targetDate}
            </span>
          </li>
        ))}
      </ol>
      <div className="muted small">{t('cases.fields.actions')}</div>
      <ol className="plan-list">
        {data.actions.map((a, i) => (
          <li key={i}>
            <span className="pre-wrap">{a.description}</span>{' '}
            <span className="muted small">
              {t('cases.fields.who')} {a.who}
              {a.dueDate ? ` · ${t('cases.fields.dueDate')} ${a.dueDate}` : ''}
              {a.goalIds?.length
                ? ` · ${t('caseUi.forms.goalLinks')} ${a.goalIds
                    .map((id) => goalNumber.get(id) ?? id)
                    .join(t('people.listSeparator'))}`
                : ''}
            </span>
          </li>
        ))}
      </ol>
    </div>
  );
}

function EvaluationView({ data, plan }: { data: EvaluationForm; plan?: PlanForm }) {
  const { t } = useTranslation();
  const goals = new Map(plan?.goals.map((g) => [g.id, g.description]));
  const colors = { met: 'green', partlyMet: 'orange', notMet: 'red' } as const;
  return (
    <div className="stage-view">
      <ol className="plan-list">
        {data.goals.map((g) => (
          <li key={g.goalId}>
            <span>{goals.get(g.goalId) ?? g.goalId}</span>{' '}
            <Tag color={colors[g.result]}>{t(`cases.goalResults.${g.result}`)}</Tag>
            <div className="muted small pre-wrap">{g.evidence}</div>
          </li>
        ))}
      </ol>
      {data.summary && (
        <Descriptions
          column={1}
          size="small"
          items={[{ key: 's', label: t('cases.fields.summary'), children: text(data.summary) }]}
        />
      )}
    </div>
  );
}

function ClosureView({ data }: { data: ClosureForm }) {
  const { t } = useTranslation();
  return (
    <Descriptions
      column={1}
      size="small"
      items={[
        {
          key: 'reason',
          label: t('cases.fields.reason'),
          children: t(`cases.closureReasons.${data.reason}`),
        },
        { key: 'summary', label: t('cases.fields.summary'), children: text(data.summary) },
      ]}
    />
  );
}

/** Who filled the form in and when, and the supervisor's review of a plan or closure. */
export function FormMeta({ form }: { form: CaseForm }) {
  const { t } = useTranslation();
  const isPhone = useIsPhone();
  return (
    <div className={isPhone ? 'form-meta stacked' : 'form-meta'}>
      <span className="muted small">
        {t('caseUi.page.submittedBy', {
          name: form.submittedBy.displayName,
          time: formatTime(form.submittedAt),
        })}
      </span>
      {form.review === 'pending' && (
        <Tag color="gold" icon={<AuditOutlined />}>
          {t('cases.reviewStatuses.pending')}
        </Tag>
      )}
      {form.review === 'approved' && (
        <Tag color="green" icon={<CheckCircleOutlined />}>
          {t('cases.reviewStatuses.approved')}
        </Tag>
      )}
      {form.review === 'returned' && (
        <Tag color="red" icon={<RollbackOutlined />}>
          {t('cases.reviewStatuses.returned')}
        </Tag>
      )}
      {form.reviewedBy && form.reviewedAt && (
        <span className="small">
          <span className={form.reviewNote ? 'muted colon-after' : 'muted'}>
            {t('caseUi.page.reviewedBy', {
              name: form.reviewedBy.displayName,
              time: formatTime(form.reviewedAt),
            })}
          </span>
          {form.reviewNote}
        </span>
      )}
    </div>
  );
}

/** A stage's form as filled in, read only. */
export function FormView({ form, plan }: { form: CaseForm; plan?: PlanForm }) {
  return (
    <div className="form-view">
      {form.stage === 'intake' && <IntakeView data={form.data} />}
      {form.stage === 'assessment' && <AssessmentView data={form.data} />}
      {form.stage === 'plan' && <PlanView data={form.data} />}
      {form.stage === 'evaluation' && <EvaluationView data={form.data} plan={plan} />}
      {form.stage === 'closure' && <ClosureView data={form.data} />}
      <FormMeta form={form} />
    </div>
  );
}
