import {
  caseStages,
  type CaseFormName,
  type CaseStage,
  type ClosureReason,
  type ReferralStatus,
  type ReviewedForm,
  type ReviewStatus,
} from '../../../common/schemas/cases';

/**
 * The case state machine of MZ/T 094-2017: intake → assessment → plan → intervention → evaluation →
 * closed. Pure: the service loads the state, asks `decide`, and writes what it answers.
 *
 * - A case moves only to the next stage, and only when the stage's work is done: the intake form and
 *   the client's consent; the assessment form; the plan, approved by the station supervisor; at least
 *   one service record made during the intervention.
 * - A stage's form is saved while the case is at that stage; a later stage's form is a skip.
 * - Closure is a form the supervisor reviews; the case closes when it is approved. It is normally
 *   asked for at evaluation (after the evaluation form). A case may also end early, before
 *   evaluation, for a reason that needs no evaluation (the client ended it, moved, was referred on,
 *   or the worker left) — but never as "goal reached", which only an evaluation can say.
 * - Reopening a closed case (a reason is required) starts a new cycle at assessment: the client and
 *   their consent are known, the intake stands, but the situation has changed and is assessed anew.
 */
export interface CaseState {
  stage: CaseStage;
  /** The forms of the current cycle; plan and closure with their review status. */
  forms: Partial<Record<CaseFormName, { review: ReviewStatus | null }>>;
  /** A consent to processing sensitive data is in force for the client. */
  consent: boolean;
  /** Service records made while the case was at intervention, this cycle. */
  interventionRecords: number;
}

export type CaseCommand =
  | { type: 'saveForm'; form: CaseFormName; closureReason?: ClosureReason }
  | { type: 'advance'; to: CaseStage }
  | { type: 'review'; form: ReviewedForm; decision: 'approved' | 'returned' }
  | { type: 'reopen' }
  /** Anything else that needs an open case: a service record, a transfer, an edit. */
  | { type: 'work' };

export type Refusal =
  | 'CASE_CLOSED'
  | 'CASE_NOT_CLOSED'
  | 'STAGE_SKIPPED'
  | 'STAGE_NOT_CURRENT'
  | 'INVALID_TRANSITION'
  | 'FORM_MISSING'
  | 'CONSENT_REQUIRED'
  | 'PLAN_NOT_APPROVED'
  | 'RECORD_REQUIRED'
  | 'CLOSURE_NEEDS_REVIEW'
  | 'NOTHING_TO_REVIEW';

export type Decision =
  | {
      ok: true;
      /** The stage after the command. */
      stage: CaseStage;
      /** The review status the saved or reviewed form now has (saveForm, review). */
      review?: ReviewStatus | null;
      /** Reopening starts a new cycle of forms. */
      newCycle?: boolean;
    }
  | { ok: false; refusal: Refusal };

const indexOf = (s: CaseStage | CaseFormName) =>
  s === 'closure' ? caseStages.indexOf('closed') : caseStages.indexOf(s);

export const nextStage = (stage: CaseStage): CaseStage | undefined =>
  caseStages[caseStages.indexOf(stage) + 1];

const refuse = (refusal: Refusal): Decision => ({ ok: false, refusal });

/** What the stage's work needs before the case moves on; undefined when it is done. */
function exitRefusal(s: CaseState): Refusal | undefined {
  switch (s.stage) {
    case 'intake':
      if (!s.forms.intake) return 'FORM_MISSING';
      return s.consent ? undefined : 'CONSENT_REQUIRED';
    case 'assessment':
      return s.forms.assessment ? undefined : 'FORM_MISSING';
    case 'plan':
      if (!s.forms.plan) return 'FORM_MISSING';
      return s.forms.plan.review === 'approved' ? undefined : 'PLAN_NOT_APPROVED';
    case 'intervention':
      return s.interventionRecords > 0 ? undefined : 'RECORD_REQUIRED';
    case 'evaluation':
      // Evaluation ends only through an approved closure.
      return 'CLOSURE_NEEDS_REVIEW';
    case 'closed':
      return 'CASE_CLOSED';
  }
}

function saveForm(s: CaseState, form: CaseFormName, reason?: ClosureReason): Decision {
  if (s.stage === 'closed') return refuse('CASE_CLOSED');
  if (form === 'closure') {
    if (s.stage === 'evaluation') {
      if (!s.forms.evaluation) return refuse('FORM_MISSING');
    } else if (reason === 'goalReached') {
      return refuse('STAGE_SKIPPED');
    }
    return { ok: true, stage: s.stage, review: 'pending' };
  }
  const at = indexOf(s.stage);
  const wanted = indexOf(form);
  if (wanted > at) return refuse('STAGE_SKIPPED');
  if (wanted < at) return refuse('STAGE_NOT_CURRENT');
  if (form === 'intake' && !s.consent) return refuse('CONSENT_REQUIRED');
  return { ok: true, stage: s.stage, review: form === 'plan' ? 'pending' : null };
}

function advance(s: CaseState, to: CaseStage): Decision {
  if (s.stage === 'closed') return refuse('CASE_CLOSED');
  const next = nextStage(s.stage)!;
  if (to !== next)
    return refuse(indexOf(to) > indexOf(next) ? 'STAGE_SKIPPED' : 'INVALID_TRANSITION');
  const blocked = exitRefusal(s);
  return blocked ? refuse(blocked) : { ok: true, stage: next };
}

function review(s: CaseState, form: ReviewedForm, decision: 'approved' | 'returned'): Decision {
  if (s.stage === 'closed') return refuse('CASE_CLOSED');
  if (s.forms[form]?.review !== 'pending') return refuse('NOTHING_TO_REVIEW');
  if (form === 'plan' && s.stage !== 'plan') return refuse('STAGE_NOT_CURRENT');
  const closes = form === 'closure' && decision === 'approved';
  return { ok: true, stage: closes ? 'closed' : s.stage, review: decision };
}

export function decide(s: CaseState, c: CaseCommand): Decision {
  switch (c.type) {
    case 'saveForm':
      return saveForm(s, c.form, c.closureReason);
    case 'advance':
      return advance(s, c.to);
    case 'review':
      return review(s, c.form, c.decision);
    case 'reopen':
      if (s.stage !== 'closed') return refuse('CASE_NOT_CLOSED');
      if (!s.consent) return refuse('CONSENT_REQUIRED');
      return { ok: true, stage: 'assessment', newCycle: true };
    case 'work':
      return s.stage === 'closed' ? refuse('CASE_CLOSED') : { ok: true, stage: s.stage };
  }
}

/** A referral's way: requested → accepted → completed, or declined by the resource before completion. */
export const referralMoves: Record<ReferralStatus, readonly ReferralStatus[]> = {
  requested: ['accepted', 'declined'],
  accepted: ['completed', 'declined'],
  completed: [],
  declined: [],
};
export const canMoveReferral = (from: ReferralStatus, to: ReferralStatus): boolean =>
  referralMoves[from].includes(to);
