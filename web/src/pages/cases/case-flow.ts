import {
  caseStages,
  type CaseDetail,
  type CaseForm,
  type CaseFormName,
  type CaseStage,
  type ReviewedForm,
} from '../../../../common/schemas/cases';

/** The one thing the page offers as its primary button, by stage and by role. */
export type Primary =
  | { kind: 'submit'; form: CaseFormName; again: boolean }
  | { kind: 'advance'; to: CaseStage }
  | { kind: 'review'; form: ReviewedForm }
  | { kind: 'addRecord' }
  | { kind: 'reopen' };

export interface Flow {
  /** the forms of the current cycle, by name */
  forms: Partial<Record<CaseFormName, CaseForm>>;
  /** the forms open for editing now, in the order they are shown */
  editable: CaseFormName[];
  primary?: Primary;
  /** the stage after this one */
  next?: CaseStage;
  /** intervention: moving on to evaluation is offered beside the primary 新增服务记录 */
  advanceAside?: CaseStage;
  /** a closure may be asked for before evaluation (not as "goal reached") */
  earlyClosure: boolean;
}

export const latestForm = (c: CaseDetail, name: CaseFormName): CaseForm | undefined =>
  c.forms
    .filter((f) => f.stage === name)
    .sort((a, b) => b.cycle - a.cycle)
    .at(0);

/**
 * Mirrors the server's stage machine (server/modules/cases/stages.ts) to offer only the step that can
 * succeed; the server still decides, and its refusal is shown as it words it.
 */
export function flowOf(c: CaseDetail): Flow {
  const forms: Flow['forms'] = Object.fromEntries(
    c.forms.filter((f) => f.cycle === c.cycle).map((f) => [f.stage, f]),
  );
  const next = caseStages[caseStages.indexOf(c.stage) + 1];
  const flow: Flow = { forms, editable: [], next, earlyClosure: false };
  if (c.status === 'closed') {
    if (c.canWrite) flow.primary = { kind: 'reopen' };
    return flow;
  }
  if (c.pendingReview) {
    if (c.canReview) flow.primary = { kind: 'review', form: c.pendingReview };
    else if (c.canWrite && c.stage === 'intervention') flow.primary = { kind: 'addRecord' };
    return flow;
  }
  if (!c.canWrite) return flow;
  flow.earlyClosure = c.stage !== 'evaluation';
  const submit = (form: CaseFormName): Primary => ({
    kind: 'submit',
    form,
    again: forms[form]?.review === 'returned',
  });
  switch (c.stage) {
    case 'intake':
      flow.editable = ['intake'];
      flow.primary = { kind: 'advance', to: 'assessment' };
      break;
    case 'assessment':
      flow.editable = ['assessment'];
      flow.primary = forms.assessment ? { kind: 'advance', to: 'plan' } : submit('assessment');
      break;
    case 'plan':
      if (forms.plan?.review === 'approved') {
        flow.primary = { kind: 'advance', to: 'intervention' };
      } else {
        flow.editable = ['plan'];
        flow.primary = submit('plan');
      }
      break;
    case 'intervention':
      flow.primary = { kind: 'addRecord' };
      flow.advanceAside = 'evaluation';
      break;
    case 'evaluation':
      flow.editable = forms.evaluation ? ['evaluation', 'closure'] : ['evaluation'];
      flow.primary = submit(forms.evaluation ? 'closure' : 'evaluation');
      break;
  }
  return flow;
}
