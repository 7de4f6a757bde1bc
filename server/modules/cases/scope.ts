import type { Role } from '../../../common/roles';
import type {
  Case,
  CaseForm,
  CaseSource,
  ClosureReason,
  ReviewedForm,
} from '../../../common/schemas/cases';
import { ageOn } from '../../../common/people';
import type { Db } from '../../db';
import type { AreaClause } from '../../db/area';
import type { CaseFormRow, CaseRow } from '../../db/schema';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { covers, hasRole, type Caller } from '../../lib/caller';
import { describeUnits, getOrgUnit, resolveDistrictAreas } from '../org/service';
import { todayInShanghai } from './care';
import * as repo from './repo';
import { findStationWorkers, type CaseView } from './views';

export interface Ctx {
  db: Db;
  caller: Caller;
}

/** Staff of a station: they carry and supervise its cases. */
export const CASE_WORKERS: readonly Role[] = ['socialWorker', 'stationSupervisor'];
/** Who may read a station's cases: its own staff, and the admins of its street and district (read only). */
export const CASE_READERS: readonly Role[] = [
  'districtAdmin',
  'streetAdmin',
  'stationSupervisor',
  'socialWorker',
];

/**
 * What the caller may do with a case they can read: the assigned worker and the station's supervisor
 * work on it; only the supervisor reviews. Other workers of the station read it.
 */
export function rightsOn(
  caller: Caller,
  c: Pick<CaseRow, 'org_path' | 'assigned_worker_id'>,
): { write: boolean; review: boolean } {
  const supervisor = covers(caller, c.org_path, ['stationSupervisor']);
  const worker =
    c.assigned_worker_id === caller.userId && covers(caller, c.org_path, ['socialWorker']);
  return { write: worker || supervisor, review: supervisor };
}

/** A case of the caller's station (or street or district); outside it a case does not exist for them. */
export async function caseInScope(
  db: Db,
  caller: Caller,
  id: string,
  need: 'read' | 'write' | 'review',
): Promise<CaseRow> {
  const c = await repo.getCase(db, id);
  if (!c || !covers(caller, c.org_path, CASE_READERS)) throw notFound();
  const rights = rightsOn(caller, c);
  if ((need === 'write' && !rights.write) || (need === 'review' && !rights.review))
    throw forbidden();
  return c;
}

/**
 * The cases the caller reads (for the given roles), as conditions an index serves: a station's staff
 * their station's, a street's admins the street's, a district's admins every street's (or every row).
 * Any other unit keeps its path prefix: no station lies under a community, grid or department.
 */
export async function caseArea(
  db: Db,
  caller: Caller,
  roles: readonly Role[] = CASE_READERS,
): Promise<AreaClause[]> {
  const area = caller.assignments
    .filter((a) => roles.includes(a.role))
    .map((a): AreaClause => {
      // Only a station's assignment has an area (its street) other than the unit itself.
      if (a.area && a.area.path !== a.path) return { column: 'station_id', id: a.orgUnitId };
      if (a.area?.kind === 'street') return { column: 'street_id', id: a.area.id };
      return { column: 'org_path', prefix: a.path };
    });
  return resolveDistrictAreas(db, area);
}

export function checkCaseReader(caller: Caller): void {
  if (!hasRole(caller, CASE_READERS)) throw forbidden();
}

export interface StationRef {
  id: string;
  name: string;
  path: string;
  streetId: string;
}

/** The station a new case belongs to: the one the caller works at (named when they work at several). */
export async function callerStation(
  db: Db,
  caller: Caller,
  stationId: string | undefined,
): Promise<StationRef> {
  const mine = caller.assignments.filter((a) => CASE_WORKERS.includes(a.role) && a.area);
  const units = await describeUnits(
    db,
    mine.map((a) => a.orgUnitId),
  );
  const stations = new Map<string, StationRef>();
  for (const a of mine) {
    const u = units.get(a.orgUnitId);
    if (u?.kind === 'station')
      stations.set(a.orgUnitId, {
        id: a.orgUnitId,
        name: u.name,
        path: u.path,
        streetId: a.area!.id,
      });
  }
  if (stations.size === 0) throw forbidden();
  if (stationId) {
    const s = stations.get(stationId);
    if (!s) throw new AppError(404, 'NOT_FOUND', {}, { field: 'stationId' });
    return s;
  }
  if (stations.size > 1) throw new AppError(400, 'STATION_REQUIRED', {}, { field: 'stationId' });
  return [...stations.values()][0];
}

/** A station the caller may read case figures of: its own staff, its street's and district's admins. */
export async function stationInScope(db: Db, caller: Caller, id: string): Promise<StationRef> {
  const unit = await getOrgUnit({ db, caller, id });
  if (unit.kind !== 'station' || !unit.parentId) throw notFound();
  if (!covers(caller, unit.path, CASE_READERS)) throw forbidden();
  return { id: unit.id, name: unit.name, path: unit.path, streetId: unit.parentId };
}

export async function checkStationWorker(
  db: Db,
  stationId: string,
  userId: string,
  field: string,
): Promise<{ id: string; displayName: string }> {
  const worker = (await findStationWorkers(db, stationId)).find((w) => w.id === userId);
  if (!worker) throw new AppError(400, 'WORKER_NOT_IN_STATION', {}, { field });
  return worker;
}

export function presentCase(v: CaseView, pendingReview: ReviewedForm | null): Case {
  return {
    id: v.id,
    residentId: v.resident_id,
    householdId: v.client_household_id,
    clientName: v.client_name,
    clientAge: v.client_birth_date ? ageOn(v.client_birth_date, todayInShanghai()) : null,
    stationId: v.station_id,
    stationName: v.station_name,
    source: v.source as CaseSource,
    presentingProblem: v.presenting_problem,
    riskLevel: v.risk_level,
    stage: v.stage,
    status: v.status,
    cycle: v.cycle,
    assignedWorker: { id: v.assigned_worker_id, displayName: v.worker_name ?? '' },
    nextContactDate: v.next_contact_date,
    openedAt: v.opened_at,
    closedAt: v.closed_at,
    closureReason: v.closure_reason as ClosureReason | null,
    pendingReview,
    version: v.version,
    createdAt: v.created_at,
    updatedAt: v.updated_at,
  };
}

/** Cases as lists show them, with the review each one waits for. */
export async function presentCases(db: Db, views: CaseView[]): Promise<Case[]> {
  const pending = await repo.findPendingReviews(db, { caseIds: views.map((v) => v.id) });
  return views.map((v) => {
    const p = pending.find((f) => f.case_id === v.id);
    return presentCase(v, p ? (p.stage as ReviewedForm) : null);
  });
}

export function presentForm(f: CaseFormRow, names: Map<string, string>): CaseForm {
  const person = (id: string | null) => (id ? { id, displayName: names.get(id) ?? '' } : null);
  return {
    stage: f.stage,
    cycle: f.cycle,
    data: JSON.parse(f.data) as unknown,
    submittedBy: person(f.submitted_by)!,
    submittedAt: f.submitted_at,
    review: f.review_status,
    reviewedBy: person(f.reviewed_by),
    reviewedAt: f.reviewed_at,
    reviewNote: f.review_note,
    version: f.version,
  } as CaseForm;
}

/**
 * Every step of a case goes to its timeline (with the worker's note) and to the audit log (without
 * it: notes are about the client), in the step's own transaction.
 */
export async function logStep(
  db: Db,
  caller: Caller,
  c: Pick<CaseRow, 'id' | 'street_id' | 'org_path' | 'stage'>,
  step: { action: string; note?: string | null; detail?: string; changedFields?: string[] },
): Promise<void> {
  await repo.insertEvent(db, {
    id: newId(),
    case_id: c.id,
    street_id: c.street_id,
    at: nowIso(),
    user_id: caller.userId,
    username: caller.username,
    action: step.action,
    stage: c.stage,
    note: step.note ?? null,
  });
  await recordAudit(db, {
    actor: actorOf(caller),
    action: `case.${step.action}`,
    entity: 'case',
    entityId: c.id,
    changedFields: step.changedFields,
    detail: step.detail,
    orgPath: c.org_path,
  });
}
