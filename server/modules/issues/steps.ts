import type { Updateable } from 'kysely';
import type {
  IssueCategory,
  IssueCommand,
  IssueDetail,
  IssueStatus,
  RectificationOrder,
} from '../../../common/schemas/issues';
import type { Db } from '../../db';
import type { IssueRow, IssueTable } from '../../db/schema';
import { AppError, forbidden, stale } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import type { Caller } from '../../lib/caller';
import { activeStaffUnits } from '../auth/staff-service';
import { attachFiles } from '../files/service';
import { findOrgUnits } from '../org/service';
import { rightFor } from './access';
import { presentDetail } from './board';
import { loadRuleSet } from './deadline-rules';
import { addLimit, limitFor, rectificationDueAt } from './deadlines';
import {
  decide,
  deadlineStepOf,
  isOpen,
  type FlowCommand,
  type FlowStep,
  type Refusal,
} from './flow';
import { hasOpenNotice, inTransaction, loadIssue, stateOf, type LoadedIssue } from './load';
import { STEP_FILES } from './present';
import { raiseNotice } from './notices';
import * as repo from './repo';

// The commands of the flow (flow.ts) as the people on an issue send them, one transaction each.

const refusals: Record<Refusal, [number, string | undefined]> = {
  INVALID_TRANSITION: [409, undefined],
  REASON_REQUIRED: [400, 'note'],
  DISPATCH_TARGET_REQUIRED: [400, 'departmentId'],
  RATING_OUT_OF_RANGE: [400, 'rating'],
  REINSPECTION_TOO_EARLY: [409, undefined],
  REINSPECT_NOTICE: [409, undefined],
  MERGE_TARGET_INVALID: [409, 'intoId'],
};

function refused(refusal: Refusal, status: string): AppError {
  const [code, field] = refusals[refusal];
  return new AppError(code, refusal, {}, { field, current: { status } });
}

const parentPath = (path: string): string => path.replace(/[^/]+\/$/, '');

/** The unit that owes the next move on an issue: urging it notifies that unit. */
function responsibleUnit(row: IssueRow): string | null {
  switch (deadlineStepOf(row.status as IssueStatus)) {
    case 'accept':
    case 'dispatch':
      return row.community_id;
    case 'handle':
      return row.department_id;
    case 'verify':
      return row.grid_id;
    default:
      return null;
  }
}

/** The deadline of the step an issue enters; moving within the handling step keeps the one it has. */
async function deadlinesAfter(
  db: Db,
  row: IssueRow,
  step: FlowStep,
  now: string,
): Promise<Pick<IssueRow, 'step_deadline' | 'escalate_at'>> {
  const limited = deadlineStepOf(step.to);
  if (!limited) return { step_deadline: null, escalate_at: null };
  if (step.action === 'startHandling')
    return { step_deadline: row.step_deadline, escalate_at: row.escalate_at };
  if (limited === 'handle' && step.action === 'dispatch' && row.rectification) {
    const due = rectificationDueAt((JSON.parse(row.rectification) as RectificationOrder).deadline);
    return { step_deadline: due, escalate_at: due };
  }
  const rules = await loadRuleSet(db, row.street_id);
  let due = addLimit(now, limitFor(rules, limited, row.category as IssueCategory), rules.workdays);
  // A step of a noticed failure never runs past the notice's deadline: an overdue notice escalates
  // like an overdue issue, whether the unit said it was done or the re-inspection found it was not.
  if (row.rectification) {
    const noticeDue = rectificationDueAt(
      (JSON.parse(row.rectification) as RectificationOrder).deadline,
    );
    if (noticeDue < due) due = noticeDue;
  }
  return { step_deadline: due, escalate_at: due };
}

export interface StepDetail {
  note?: string | null;
  photoIds?: string[];
  departmentId?: string | null;
  assigneeId?: string | null;
  level?: string | null;
  relatedIssueId?: string | null;
  rating?: number | null;
}

/** Appends one step to the timeline, with its photos, and to the audit log (notes stay out of it). */
export async function writeStep(
  db: Db,
  caller: Caller | null,
  issue: Pick<IssueRow, 'id' | 'street_id' | 'org_path'>,
  step: FlowStep,
  detail: StepDetail,
  at: string,
): Promise<string> {
  const id = newId();
  await repo.insertStep(db, {
    id,
    issue_id: issue.id,
    street_id: issue.street_id,
    at,
    actor_id: caller?.userId ?? null,
    actor_name: caller?.displayName ?? 'system',
    action: step.action,
    from_status: step.action === 'report' ? null : step.from,
    to_status: step.to,
    note: detail.note?.trim() || null,
    department_id: detail.departmentId ?? null,
    assignee_id: detail.assigneeId ?? null,
    level: detail.level ?? null,
    related_issue_id: detail.relatedIssueId ?? null,
    rating: detail.rating ?? null,
  });
  if (caller) await attachFiles(db, caller, detail.photoIds, STEP_FILES, id);
  await recordAudit(db, {
    actor: caller ? actorOf(caller) : { username: 'system' },
    action: `issue.${step.action}`,
    entity: 'issue',
    entityId: issue.id,
    changedFields: step.from !== step.to ? ['status'] : undefined,
    detail: step.from !== step.to ? `${step.from} → ${step.to}` : undefined,
    orgPath: issue.org_path,
  });
  return id;
}

/** Writes what the flow decided: the issue's new state (guarded by the version read) and its steps. */
async function applyDecision(
  db: Db,
  caller: Caller,
  row: IssueRow,
  steps: FlowStep[],
  detail: StepDetail,
  patch: Updateable<IssueTable> = {},
): Promise<void> {
  const now = nowIso();
  const last = steps[steps.length - 1];
  const changes = last.to !== row.status || steps[0].action === 'verify';
  if (changes) {
    const deadlines = await deadlinesAfter(db, row, last, now);
    const ok = await repo.updateIssue(db, row.id, row.version, {
      ...patch,
      ...deadlines,
      status: last.to,
      closed_at: last.to === 'closed' ? now : row.closed_at,
      updated_at: now,
    });
    if (!ok) throw new AppError(409, 'STALE_VERSION');
  }
  for (const [i, step] of steps.entries())
    await writeStep(db, caller, row, step, i === 0 ? detail : {}, now);
}

async function dispatchTarget(
  db: Db,
  row: IssueRow,
  departmentId: string | undefined,
  assigneeId: string | undefined,
): Promise<Pick<IssueRow, 'department_id' | 'assignee_id'>> {
  if (departmentId) {
    const [unit] = await findOrgUnits(db, [departmentId]);
    // A bureau of the issue's district, or a department of its own street.
    if (
      !unit ||
      unit.kind !== 'department' ||
      unit.status !== 'active' ||
      !row.org_path.startsWith(parentPath(unit.path))
    )
      throw new AppError(400, 'DEPARTMENT_NOT_DISPATCHABLE', {}, { field: 'departmentId' });
  }
  if (assigneeId) {
    const staff = await activeStaffUnits(db, assigneeId);
    const eligible = staff?.units.some((u) =>
      departmentId
        ? u.role === 'departmentOfficer' && u.unitId === departmentId
        : u.role !== 'viewer' &&
          (row.org_path.startsWith(u.path) ||
            (u.role === 'departmentOfficer' && row.org_path.startsWith(parentPath(u.path)))),
    );
    if (!eligible) throw new AppError(400, 'ASSIGNEE_NOT_ELIGIBLE', {}, { field: 'assigneeId' });
  }
  return { department_id: departmentId ?? null, assignee_id: assigneeId ?? null };
}

const samePlace = (a: IssueRow, b: IssueRow): boolean =>
  a.place_id && b.place_id ? a.place_id === b.place_id : a.grid_id === b.grid_id;

/** One command of the flow, by someone who may send it, from a status that allows it — or nothing. */
export async function runIssueCommand(opts: {
  db: Db;
  caller: Caller;
  id: string;
  input: IssueCommand;
}): Promise<IssueDetail> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const { row, rights } = await loadIssue(db, caller, opts.id);
    if (!rights[rightFor[input.action]]) throw forbidden();
    if (input.version !== undefined && input.version !== row.version)
      throw stale(await presentDetail(db, caller, row.id));
    let kept: LoadedIssue | undefined;
    if (input.action === 'merge') {
      kept = await loadIssue(db, caller, input.intoId).catch(() => {
        throw new AppError(404, 'NOT_FOUND', {}, { field: 'intoId' });
      });
    }
    const command: FlowCommand =
      input.action === 'dispatch'
        ? { type: 'dispatch', hasTarget: Boolean(input.departmentId || input.assigneeId) }
        : input.action === 'merge'
          ? {
              type: 'merge',
              intoSelf: kept!.row.id === row.id,
              intoOpen: isOpen(kept!.row.status as IssueStatus),
            }
          : input.action === 'verify'
            ? { type: 'verify', fixed: input.fixed }
            : input.action === 'rate'
              ? { type: 'rate', rating: input.rating }
              : { type: input.action, note: input.note };
    const d = decide(stateOf(row, nowIso(), await hasOpenNotice(db, row)), command);
    if (!d.ok) throw refused(d.refusal, row.status);
    const detail: StepDetail = { note: input.note, photoIds: input.photoIds };

    switch (input.action) {
      case 'dispatch': {
        const target = await dispatchTarget(db, row, input.departmentId, input.assigneeId);
        await applyDecision(
          db,
          caller,
          row,
          d.steps,
          { ...detail, departmentId: target.department_id, assigneeId: target.assignee_id },
          target,
        );
        break;
      }
      case 'sendBack':
        await applyDecision(
          db,
          caller,
          row,
          d.steps,
          { ...detail, departmentId: row.department_id },
          {
            department_id: null,
            assignee_id: null,
          },
        );
        break;
      case 'rate':
        await applyDecision(
          db,
          caller,
          row,
          d.steps,
          { ...detail, rating: input.rating },
          {
            rating: input.rating,
          },
        );
        break;
      case 'urge': {
        const now = nowIso();
        await writeStep(db, caller, row, d.steps[0], detail, now);
        const unit = responsibleUnit(row);
        if (unit)
          await raiseNotice(db, row, {
            kind: 'urge',
            level: null,
            unit_id: unit,
            note: input.note,
            created_at: now,
          });
        break;
      }
      case 'merge': {
        if (!samePlace(row, kept!.row))
          throw new AppError(400, 'MERGE_NOT_SAME_PLACE', {}, { field: 'intoId' });
        await applyDecision(
          db,
          caller,
          row,
          d.steps,
          { ...detail, relatedIssueId: kept!.row.id },
          {
            merged_into: kept!.row.id,
          },
        );
        const status = kept!.row.status as IssueStatus;
        await writeStep(
          db,
          caller,
          kept!.row,
          { action: 'merge', from: status, to: status },
          { note: input.note, relatedIssueId: row.id },
          nowIso(),
        );
        break;
      }
      default:
        await applyDecision(db, caller, row, d.steps, detail);
    }
    return presentDetail(db, caller, row.id);
  });
}

/**
 * A re-inspection (the places module's, at a rectification notice's deadline) decides an issue: fixed
 * → verified → closed; not fixed → reopened, with a new handling limit. Runs in the caller's
 * transaction.
 *
 * Allowed to a verifier (the reporter, a grid worker of the grid), to the community, street or district
 * staff who may dispatch it (the street office inspects too), or to an officer of a department that may
 * read the issue (on a joint inspection team: one it was dispatched to, or who reported it), when the
 * issue is handled — or, for an issue carrying a rectification order, while it is still
 * dispatched, handling or reopened once the order's deadline day has come. Before that, and in any other
 * status, it is refused (409) and nothing is written.
 */
export async function verifyIssueByReinspection(
  db: Db,
  caller: Caller,
  issueId: string,
  fixed: boolean,
  note?: string | null,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    const { row, rights } = await loadIssue(trx, caller, issueId);
    if (!rights.reinspect) throw forbidden();
    const d = decide(stateOf(row, nowIso()), { type: 'verify', fixed, reinspection: true });
    if (!d.ok) throw refused(d.refusal, row.status);
    await applyDecision(trx, caller, row, d.steps, { note });
  });
}
