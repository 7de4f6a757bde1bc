import { describe, expect, it } from 'vitest';
import { canMoveReferral, decide, nextStage, type CaseState } from './stages';

const state = (over: Partial<CaseState> = {}): CaseState => ({
  stage: 'intake',
  forms: { intake: { review: null } },
  consent: true,
  interventionRecords: 0,
  ...over,
});

describe('the case stage machine', () => {
  it('walks the six stages in order', () => {
    expect(
      (['intake', 'assessment', 'plan', 'intervention', 'evaluation'] as const).map(nextStage),
    ).toEqual(['assessment', 'plan', 'intervention', 'evaluation', 'closed']);
    expect(nextStage('closed')).toBeUndefined();
  });

  it('moves on only to the next stage: a later one is a skip, an earlier one no transition', () => {
    expect(decide(state(), { type: 'advance', to: 'assessment' })).toEqual({
      ok: true,
      stage: 'assessment',
    });
    expect(decide(state(), { type: 'advance', to: 'plan' })).toEqual({
      ok: false,
      refusal: 'STAGE_SKIPPED',
    });
    expect(decide(state(), { type: 'advance', to: 'closed' })).toEqual({
      ok: false,
      refusal: 'STAGE_SKIPPED',
    });
    expect(decide(state({ stage: 'plan' }), { type: 'advance', to: 'assessment' })).toEqual({
      ok: false,
      refusal: 'INVALID_TRANSITION',
    });
  });

  it('refuses to leave a stage whose work is not done', () => {
    const refusal = (s: Partial<CaseState>, to: Parameters<typeof nextStage>[0]) => {
      const d = decide(state(s), { type: 'advance', to });
      return d.ok ? 'ok' : d.refusal;
    };
    expect(refusal({ forms: {} }, 'assessment')).toBe('FORM_MISSING');
    expect(refusal({ consent: false }, 'assessment')).toBe('CONSENT_REQUIRED');
    expect(refusal({ stage: 'assessment' }, 'plan')).toBe('FORM_MISSING');
    expect(refusal({ stage: 'assessment', forms: { assessment: { review: null } } }, 'plan')).toBe(
      'ok',
    );
    expect(refusal({ stage: 'plan', forms: { plan: { review: 'pending' } } }, 'intervention')).toBe(
      'PLAN_NOT_APPROVED',
    );
    expect(
      refusal({ stage: 'plan', forms: { plan: { review: 'returned' } } }, 'intervention'),
    ).toBe('PLAN_NOT_APPROVED');
    expect(
      refusal({ stage: 'plan', forms: { plan: { review: 'approved' } } }, 'intervention'),
    ).toBe('ok');
    expect(refusal({ stage: 'intervention' }, 'evaluation')).toBe('RECORD_REQUIRED');
    expect(refusal({ stage: 'intervention', interventionRecords: 2 }, 'evaluation')).toBe('ok');
    expect(refusal({ stage: 'evaluation' }, 'closed')).toBe('CLOSURE_NEEDS_REVIEW');
    expect(refusal({ stage: 'closed' }, 'intake')).toBe('CASE_CLOSED');
  });

  it('saves only the current stage’s form; intake needs consent; plan goes to review', () => {
    expect(decide(state(), { type: 'saveForm', form: 'plan' })).toEqual({
      ok: false,
      refusal: 'STAGE_SKIPPED',
    });
    expect(decide(state({ stage: 'plan' }), { type: 'saveForm', form: 'assessment' })).toEqual({
      ok: false,
      refusal: 'STAGE_NOT_CURRENT',
    });
    expect(
      decide(state({ consent: false, forms: {} }), { type: 'saveForm', form: 'intake' }),
    ).toEqual({ ok: false, refusal: 'CONSENT_REQUIRED' });
    expect(decide(state({ stage: 'plan' }), { type: 'saveForm', form: 'plan' })).toEqual({
      ok: true,
      stage: 'plan',
      review: 'pending',
    });
    expect(
      decide(state({ stage: 'assessment' }), { type: 'saveForm', form: 'assessment' }),
    ).toEqual({ ok: true, stage: 'assessment', review: null });
  });

  it('takes a closure at evaluation after the evaluation form, or earlier for a reason that needs none', () => {
    const at = (stage: CaseState['stage'], forms: CaseState['forms'] = {}) =>
      state({ stage, forms });
    expect(
      decide(at('evaluation'), { type: 'saveForm', form: 'closure', closureReason: 'goalReached' }),
    ).toEqual({ ok: false, refusal: 'FORM_MISSING' });
    expect(
      decide(at('evaluation', { evaluation: { review: null } }), {
        type: 'saveForm',
        form: 'closure',
        closureReason: 'goalReached',
      }),
    ).toEqual({ ok: true, stage: 'evaluation', review: 'pending' });
    expect(
      decide(at('intervention'), {
        type: 'saveForm',
        form: 'closure',
        closureReason: 'goalReached',
      }),
    ).toEqual({ ok: false, refusal: 'STAGE_SKIPPED' });
    expect(
      decide(at('intervention'), {
        type: 'saveForm',
        form: 'closure',
        closureReason: 'clientMoved',
      }),
    ).toEqual({ ok: true, stage: 'intervention', review: 'pending' });
    expect(decide(at('closed'), { type: 'saveForm', form: 'closure' })).toEqual({
      ok: false,
      refusal: 'CASE_CLOSED',
    });
  });

  it('closes on an approved closure; a returned one keeps the case where it is', () => {
    const s = state({ stage: 'evaluation', forms: { closure: { review: 'pending' } } });
    expect(decide(s, { type: 'review', form: 'closure', decision: 'approved' })).toEqual({
      ok: true,
      stage: 'closed',
      review: 'approved',
    });
    expect(decide(s, { type: 'review', form: 'closure', decision: 'returned' })).toEqual({
      ok: true,
      stage: 'evaluation',
      review: 'returned',
    });
    expect(decide(s, { type: 'review', form: 'plan', decision: 'approved' })).toEqual({
      ok: false,
      refusal: 'NOTHING_TO_REVIEW',
    });
    const plan = state({ stage: 'plan', forms: { plan: { review: 'pending' } } });
    expect(decide(plan, { type: 'review', form: 'plan', decision: 'approved' })).toEqual({
      ok: true,
      stage: 'plan',
      review: 'approved',
    });
  });

  it('reopens only a closed case, at assessment, in a new cycle, with consent', () => {
    expect(decide(state({ stage: 'closed' }), { type: 'reopen' })).toEqual({
      ok: true,
      stage: 'assessment',
      newCycle: true,
    });
    expect(decide(state({ stage: 'closed', consent: false }), { type: 'reopen' })).toEqual({
      ok: false,
      refusal: 'CONSENT_REQUIRED',
    });
    expect(decide(state({ stage: 'plan' }), { type: 'reopen' })).toEqual({
      ok: false,
      refusal: 'CASE_NOT_CLOSED',
    });
  });

  it('allows records, transfers and edits on open cases only', () => {
    expect(decide(state({ stage: 'assessment' }), { type: 'work' }).ok).toBe(true);
    expect(decide(state({ stage: 'closed' }), { type: 'work' })).toEqual({
      ok: false,
      refusal: 'CASE_CLOSED',
    });
  });
});

describe('the referral flow', () => {
  it('goes requested → accepted → completed, and may be declined before it completes', () => {
    expect(canMoveReferral('requested', 'accepted')).toBe(true);
    expect(canMoveReferral('accepted', 'completed')).toBe(true);
    expect(canMoveReferral('requested', 'declined')).toBe(true);
    expect(canMoveReferral('accepted', 'declined')).toBe(true);
    expect(canMoveReferral('requested', 'completed')).toBe(false);
    expect(canMoveReferral('completed', 'declined')).toBe(false);
    expect(canMoveReferral('declined', 'accepted')).toBe(false);
  });
});
