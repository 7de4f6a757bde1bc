import type {
  CaseDetail,
  CaseFormSave,
  PlanForm,
  zCaseAdvance,
  zCaseReopen,
  zCaseReview,
} from '../../../common/schemas/cases';
import type { z } from 'zod';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { addDays, todayInShanghai } from './care';
import * as repo from './repo';
import { caseInScope, logStep, type Ctx } from './scope';
import { allowed, checkVersion, presentDetail, saveCase } from './service';

// The steps of the stage machine (stages.ts): forms, moving on, the supervisor's review, reopening.

/** Saves the form of the case's current stage (or the closure request); plan and closure go to the supervisor. */
export async function saveForm(
  opts: Ctx & { id: string; input: CaseFormSave },
): Promise<CaseDetail> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const c = await caseInScope(db, caller, opts.id, 'write');
    await checkVersion(db, caller, c, input.version);
    const d = await allowed(db, c, {
      type: 'saveForm',
      form: input.stage,
      closureReason: input.stage === 'closure' ? input.data.reason : undefined,
    });
    const forms = (await repo.findForms(db, c.id)).filter((f) => f.cycle === c.cycle);
    if (input.stage === 'evaluation') {
      // Every goal of the plan is judged, once.
      const plan = forms.find((f) => f.stage === 'plan');
      const goals = plan ? (JSON.parse(plan.data) as PlanForm).goals.map((g) => g.id).sort() : [];
      const judged = input.data.goals.map((g) => g.goalId).sort();
      if (JSON.stringify(goals) !== JSON.stringify(judged))
        throw new AppError(400, 'EVALUATION_INCOMPLETE', {}, { field: 'data.goals' });
    }
    await saveCase(db, caller, c, input.version, { updated_at: nowIso() });
    const now = nowIso();
    const mine = forms.find((f) => f.stage === input.stage);
    const fields = {
      data: JSON.stringify(input.data),
      submitted_by: caller.userId,
      submitted_at: now,
      review_status: d.review ?? null,
      reviewed_by: null,
      reviewed_at: null,
      review_note: null,
    };
    if (mine) await repo.updateForm(db, mine.id, fields);
    else
      await repo.insertForm(db, {
        id: newId(),
        case_id: c.id,
        street_id: c.street_id,
        cycle: c.cycle,
        stage: input.stage,
        version: 1,
        ...fields,
      });
    await logStep(db, caller, c, {
      action: `form.${input.stage}`,
      note: input.stage === 'closure' ? input.data.summary : null,
      detail: d.review ? `review ${d.review}` : undefined,
    });
    return presentDetail(db, caller, c.id);
  });
}

export async function advanceCase(
  opts: Ctx & { id: string; input: z.infer<typeof zCaseAdvance> },
): Promise<CaseDetail> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const c = await caseInScope(db, caller, opts.id, 'write');
    await checkVersion(db, caller, c, input.version);
    const d = await allowed(db, c, { type: 'advance', to: input.to });
    await saveCase(db, caller, c, input.version, { stage: d.stage, updated_at: nowIso() });
    await logStep(
      db,
      caller,
      { ...c, stage: d.stage },
      {
        action: 'advance',
        detail: `${c.stage} → ${d.stage}`,
        changedFields: ['stage'],
      },
    );
    return presentDetail(db, caller, c.id);
  });
}

/** The station supervisor approves or returns a plan or a closure; an approved closure closes the case. */
export async function reviewCase(
  opts: Ctx & { id: string; input: z.infer<typeof zCaseReview> },
): Promise<CaseDetail> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const c = await caseInScope(db, caller, opts.id, 'review');
    await checkVersion(db, caller, c, input.version);
    const d = await allowed(db, c, { type: 'review', form: input.form, decision: input.decision });
    const form = (await repo.findForms(db, c.id)).find(
      (f) => f.cycle === c.cycle && f.stage === input.form,
    )!;
    const now = nowIso();
    await repo.updateForm(db, form.id, {
      review_status: input.decision,
      reviewed_by: caller.userId,
      reviewed_at: now,
      review_note: input.note ?? null,
    });
    const closes = d.stage === 'closed';
    await saveCase(db, caller, c, input.version, {
      updated_at: now,
      ...(closes
        ? {
            stage: 'closed' as const,
            status: 'closed' as const,
            closed_at: now,
            closure_reason: (JSON.parse(form.data) as { reason: string }).reason,
            next_contact_date: null,
          }
        : {}),
    });
    await logStep(db, caller, c, {
      action: `${input.form}.${input.decision}`,
      note: input.note ?? null,
      changedFields: ['review'],
    });
    if (closes)
      await logStep(
        db,
        caller,
        { ...c, stage: 'closed' },
        { action: 'close', changedFields: ['stage', 'status'] },
      );
    return presentDetail(db, caller, c.id);
  });
}

/** Reopens a closed case, with a reason, in a new cycle at assessment. */
export async function reopenCase(
  opts: Ctx & { id: string; input: z.infer<typeof zCaseReopen> },
): Promise<CaseDetail> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const c = await caseInScope(db, caller, opts.id, 'write');
    await checkVersion(db, caller, c, input.version);
    const d = await allowed(db, c, { type: 'reopen' });
    if (await repo.findOpenCase(db, c.resident_id, c.station_id))
      throw new AppError(409, 'CASE_ALREADY_OPEN');
    await saveCase(db, caller, c, input.version, {
      stage: d.stage,
      status: 'open',
      cycle: c.cycle + 1,
      closed_at: null,
      closure_reason: null,
      next_contact_date: input.nextContactDate ?? addDays(todayInShanghai(), 7),
      updated_at: nowIso(),
    });
    await logStep(
      db,
      caller,
      { ...c, stage: d.stage },
      {
        action: 'reopen',
        note: input.reason,
        changedFields: ['stage', 'status', 'cycle'],
      },
    );
    return presentDetail(db, caller, c.id);
  });
}
