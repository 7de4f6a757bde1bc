import type {
  CaseCreate,
  CaseDetail,
  CaseEvent,
  CaseQuery,
  CaseUpdate,
  zCaseTransfer,
} from '../../../common/schemas/cases';
import { ageOn } from '../../../common/people';
import type { z } from 'zod';
import type { Db } from '../../db';
import { pageOf } from '../../db/paging';
import type { CaseRow } from '../../db/schema';
import { AppError, stale } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { covers, type Caller } from '../../lib/caller';
import { staffActors, staffDisplayNames } from '../auth/staff-service';
import type { CaseTieCheck } from '../people/access';
import { hasConsent, identifyingFacts } from '../people/residents';
import { residentInScope, residentsNamedLike } from '../people/service';
import { addDays, todayInShanghai } from './care';
import { acceptIntakeReferral } from './intake-referrals';
import { defaultPseudonym, revealsName } from './redaction';
import * as repo from './repo';
import {
  callerStation,
  caseArea,
  caseInScope,
  CASE_READERS,
  checkCaseReader,
  checkStationWorker,
  logStep,
  presentCase,
  presentCases,
  presentForm,
  rightsOn,
  type Ctx,
} from './scope';
import { decide, type CaseCommand, type CaseState } from './stages';
import { getCaseView, withNames } from './views';

/** The case as the state machine sees it: the current cycle's forms, consent, intervention records. */
export async function stateOf(db: Db, c: CaseRow): Promise<CaseState> {
  const forms = (await repo.findForms(db, c.id)).filter((f) => f.cycle === c.cycle);
  return {
    stage: c.stage,
    forms: Object.fromEntries(forms.map((f) => [f.stage, { review: f.review_status }])),
    consent: await hasConsent(db, c.resident_id),
    interventionRecords: await repo.countRecords(db, c.id, c.cycle, 'intervention'),
  };
}

/** Asks the state machine; a refusal is a 409 with its own code, and nothing has been written. */
export async function allowed(db: Db, c: CaseRow, command: CaseCommand) {
  const d = decide(await stateOf(db, c), command);
  if (!d.ok) throw new AppError(409, d.refusal);
  return d;
}

export async function presentDetail(db: Db, caller: Caller, id: string): Promise<CaseDetail> {
  const view = (await getCaseView(db, id))!;
  const forms = await repo.findForms(db, id);
  const names = await staffDisplayNames(
    db,
    forms.flatMap((f) => [f.submitted_by, f.reviewed_by ?? '']).filter(Boolean),
  );
  const pending = forms.find((f) => f.cycle === view.cycle && f.review_status === 'pending');
  const rights = rightsOn(caller, view);
  return {
    ...presentCase(view, pending ? (pending.stage as 'plan' | 'closure') : null),
    forms: forms.map((f) => presentForm(f, names)),
    pseudonym: view.pseudonym,
    defaultPseudonym: defaultPseudonym(
      view.client_name,
      view.client_birth_date !== null && ageOn(view.client_birth_date, todayInShanghai()) < 18,
    ),
    canWrite: rights.write,
    canReview: rights.review,
  };
}

/** Saves a versioned change to the case row; a stale version answers 409 with the case as it is. */
export async function saveCase(
  db: Db,
  caller: Caller,
  c: CaseRow,
  version: number,
  patch: Parameters<typeof repo.updateCase>[3],
): Promise<void> {
  if (c.version !== version || !(await repo.updateCase(db, c.id, version, patch)))
    throw stale(await presentDetail(db, caller, c.id));
}

/** A stale version is answered before anything else, with the case as it is now. */
export async function checkVersion(db: Db, caller: Caller, c: CaseRow, version: number) {
  if (c.version !== version) throw stale(await presentDetail(db, caller, c.id));
}

export async function listCases(opts: Ctx & { query: CaseQuery }) {
  const { db, caller, query } = opts;
  checkCaseReader(caller);
  const { rows, total } = await repo.findCases(
    db,
    {
      area: await caseArea(db, caller),
      status: query.status,
      stage: query.stage,
      riskLevel: query.riskLevel,
      workerId: query.mine ? caller.userId : undefined,
      residentId: query.residentId,
      clients: query.q ? residentsNamedLike(db, query.q) : undefined,
    },
    pageOf(query),
  );
  return {
    items: await presentCases(db, await withNames(db, rows)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getCase(opts: Ctx & { id: string }): Promise<CaseDetail> {
  await caseInScope(opts.db, opts.caller, opts.id, 'read');
  return presentDetail(opts.db, opts.caller, opts.id);
}

/**
 * Intake (接案): opens a case for a resident of the station's street with the intake form. The client's
 * consent must be on record first; without it nothing is written.
 */
export async function openCase(
  opts: Ctx & { input: CaseCreate },
): Promise<{ case: CaseDetail; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const id = input.id ?? newId();
    const existing = await repo.getCase(db, id);
    if (existing) {
      // An offline client resending its intake gets the stored case, not a second one.
      if (!covers(caller, existing.org_path, CASE_READERS)) throw new AppError(409, 'ID_CONFLICT');
      if (existing.resident_id !== input.residentId) throw new AppError(409, 'ID_CONFLICT');
      return { case: await presentDetail(db, caller, id), created: false };
    }
    const station = await callerStation(db, caller, input.stationId);
    const resident = await residentInScope(db, caller, input.residentId, true);
    if (resident.street_id !== station.streetId)
      throw new AppError(404, 'NOT_FOUND', {}, { field: 'residentId' });
    if (resident.status !== 'living')
      throw new AppError(409, 'RESIDENT_NOT_LIVING', {}, { field: 'residentId' });
    const d = decide(
      {
        stage: 'intake',
        forms: {},
        consent: await hasConsent(db, resident.id),
        interventionRecords: 0,
      },
      { type: 'saveForm', form: 'intake' },
    );
    if (!d.ok) throw new AppError(409, d.refusal, {}, { field: 'residentId' });
    if (await repo.findOpenCase(db, resident.id, station.id))
      throw new AppError(409, 'CASE_ALREADY_OPEN', {}, { field: 'residentId' });
    const workerId =
      input.assignedWorkerId ??
      (caller.assignments.some((a) => a.role === 'socialWorker' && a.orgUnitId === station.id)
        ? caller.userId
        : undefined);
    if (!workerId)
      throw new AppError(400, 'WORKER_NOT_IN_STATION', {}, { field: 'assignedWorkerId' });
    await checkStationWorker(db, station.id, workerId, 'assignedWorkerId');
    const now = nowIso();
    const row: CaseRow = {
      id,
      resident_id: resident.id,
      household_id: resident.household_id,
      station_id: station.id,
      street_id: station.streetId,
      org_path: station.path,
      // A case taken on from a referral came from the community, whatever the form said.
      source: input.intakeReferralId ? 'communityReferral' : input.source,
      presenting_problem: input.presentingProblem,
      risk_level: input.riskLevel,
      stage: 'intake',
      status: 'open',
      cycle: 1,
      assigned_worker_id: workerId,
      next_contact_date: input.nextContactDate ?? addDays(todayInShanghai(), 7),
      opened_at: now,
      closed_at: null,
      closure_reason: null,
      pseudonym: null,
      created_by: caller.userId,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await repo.insertCase(db, row);
    if (input.intakeReferralId)
      await acceptIntakeReferral(db, caller, input.intakeReferralId, station, id);
    await repo.insertForm(db, {
      id: newId(),
      case_id: id,
      street_id: row.street_id,
      cycle: 1,
      stage: 'intake',
      data: JSON.stringify(input.intake),
      submitted_by: caller.userId,
      submitted_at: now,
      review_status: null,
      version: 1,
    });
    await logStep(db, caller, row, {
      action: 'open',
      note: input.presentingProblem,
      changedFields: ['source', 'riskLevel', 'assignedWorker', 'intake'],
    });
    return { case: await presentDetail(db, caller, id), created: true };
  });
}

export async function updateCase(
  opts: Ctx & { id: string; input: CaseUpdate },
): Promise<CaseDetail> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const c = await caseInScope(db, caller, opts.id, 'write');
    await checkVersion(db, caller, c, input.version);
    await allowed(db, c, { type: 'work' });
    if (input.pseudonym) await checkPseudonym(db, c, input.pseudonym);
    const next = {
      presenting_problem: input.presentingProblem ?? c.presenting_problem,
      risk_level: input.riskLevel ?? c.risk_level,
      next_contact_date: input.nextContactDate ?? c.next_contact_date,
      pseudonym: input.pseudonym === undefined ? c.pseudonym : input.pseudonym,
    };
    const fields = {
      presenting_problem: 'presentingProblem',
      risk_level: 'riskLevel',
      next_contact_date: 'nextContactDate',
      pseudonym: 'pseudonym',
    } as const;
    const changedFields = (Object.keys(next) as (keyof typeof next)[])
      .filter((k) => next[k] !== c[k])
      .map((k) => fields[k]);
    await saveCase(db, caller, c, input.version, { ...next, updated_at: nowIso() });
    await logStep(db, caller, c, { action: 'update', changedFields });
    return presentDetail(db, caller, c.id);
  });
}

/** A pseudonym that is, or holds, the real name of the client or of anyone in the household would out them. */
async function checkPseudonym(db: Db, c: CaseRow, pseudonym: string): Promise<void> {
  const view = (await getCaseView(db, c.id))!;
  const facts = await identifyingFacts(db, view.client_household_id);
  const names = [
    view.client_name,
    ...facts.members.flatMap((m) => [m.name, ...m.formerNames]),
    ...facts.formerMembers,
  ];
  if (revealsName(pseudonym, names))
    throw new AppError(400, 'PSEUDONYM_REVEALS_NAME', {}, { field: 'pseudonym' });
}

/** Hands the case to another social worker of the same station. */
export async function transferCase(
  opts: Ctx & { id: string; input: z.infer<typeof zCaseTransfer> },
): Promise<CaseDetail> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const c = await caseInScope(db, caller, opts.id, 'write');
    await checkVersion(db, caller, c, input.version);
    await allowed(db, c, { type: 'work' });
    if (input.toWorkerId === c.assigned_worker_id)
      throw new AppError(400, 'SAME_WORKER', {}, { field: 'toWorkerId' });
    const to = await checkStationWorker(db, c.station_id, input.toWorkerId, 'toWorkerId');
    const from = (await staffDisplayNames(db, [c.assigned_worker_id])).get(c.assigned_worker_id);
    await saveCase(db, caller, c, input.version, {
      assigned_worker_id: to.id,
      updated_at: nowIso(),
    });
    await logStep(db, caller, c, {
      action: 'transfer',
      note: `${from ?? ''} → ${to.displayName}：${input.reason}`,
      detail: `${c.assigned_worker_id} → ${to.id}`,
      changedFields: ['assignedWorker'],
    });
    return presentDetail(db, caller, c.id);
  });
}

export async function listEvents(opts: Ctx & { id: string }): Promise<CaseEvent[]> {
  await caseInScope(opts.db, opts.caller, opts.id, 'read');
  const events = await repo.findEvents(opts.db, opts.id);
  const actors = await staffActors(
    opts.db,
    events.map((e) => e.user_id),
  );
  return events.map((e) => ({
    id: e.id,
    at: e.at,
    username: e.username,
    actor: actors.get(e.user_id) ?? null,
    action: e.action,
    stage: e.stage as CaseEvent['stage'],
    note: e.note,
  }));
}

/**
 * For the people module: the assigned worker of an open case is the client's 'worker', the supervisor
 * of its station their 'supervisor' — the ties that let them see the client's sensitive fields whole.
 */
export const caseTieCheck: CaseTieCheck = async (db, caller, residentIds) => {
  const ties = new Map<string, 'worker' | 'supervisor'>();
  if (!caller.assignments.some((a) => a.role === 'socialWorker' || a.role === 'stationSupervisor'))
    return ties;
  for (const c of await repo.findOpenCasesOfResidents(db, residentIds)) {
    if (c.assigned_worker_id === caller.userId && covers(caller, c.org_path, ['socialWorker']))
      ties.set(c.resident_id, 'worker');
    else if (!ties.has(c.resident_id) && covers(caller, c.org_path, ['stationSupervisor']))
      ties.set(c.resident_id, 'supervisor');
  }
  return ties;
};

/** For the org module: a station or street with cases or resources cannot be deleted. */
export const unitHasCases = (db: Db, unitId: string): Promise<boolean> =>
  repo.unitHasCases(db, unitId);
