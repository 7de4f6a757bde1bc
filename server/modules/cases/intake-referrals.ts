import { maskPhone } from '../../../common/people';
import type { IntakeReferral } from '../../../common/schemas/tips';
import type { Db } from '../../db';
import { fieldCipher } from '../../lib/crypto';
import { AppError, forbidden, notFound, stale } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { covers, hasRole, scopePaths, type Caller } from '../../lib/caller';
import { activeStationOf, describeUnits, unitNames } from '../org/service';
import * as repo from './intake-referral-repo';
import { CASE_READERS, CASE_WORKERS } from './scope';

/**
 * Intake referrals (转介社工站): a need noticed elsewhere — a resident's tip, an activity — handed to the
 * street's social work station. It waits there as pending (待接案) until a worker of the station opens a
 * case for it (POST /api/cases with intakeReferralId) or declines it with a reason.
 */
export interface IntakeReferralInput {
  id?: string;
  streetId: string;
  residentId?: string | null;
  name: string;
  phone?: string | null;
  need: string;
  source: 'tip' | 'activity';
  sourceId: string;
}

type Row = repo.IntakeReferralRow;

async function streetPath(db: Db, streetId: string): Promise<string | undefined> {
  const street = (await describeUnits(db, [streetId])).get(streetId);
  return street?.kind === 'street' ? street.path : undefined;
}

/** Whether the caller's area overlaps the street (a district above it, the street, a unit in it). */
function areaTouches(caller: Caller, path: string): boolean {
  return caller.assignments.some(
    (a) => a.area && (path.startsWith(a.area.path) || a.area.path.startsWith(path)),
  );
}

const getRow = repo.getIntakeReferral;

/**
 * Hands a need to the street's station as pending. Runs in the caller's transaction when given one.
 * A resend (same id, or the same source record) answers the referral already made.
 */
export async function createIntakeReferral(
  db: Db,
  caller: Caller,
  input: IntakeReferralInput,
): Promise<{ id: string; created: boolean }> {
  const same = (r: Row) => r.source === input.source && r.source_id === input.sourceId;
  if (input.id) {
    const existing = await getRow(db, input.id);
    if (existing) {
      if (!same(existing)) throw new AppError(409, 'ID_CONFLICT');
      return { id: existing.id, created: false };
    }
  }
  const bySource = await repo.findIntakeReferralBySource(db, input.source, input.sourceId);
  if (bySource) return { id: bySource.id, created: false };
  const path = await streetPath(db, input.streetId);
  if (!path || !areaTouches(caller, path))
    throw new AppError(404, 'NOT_FOUND', {}, { field: 'streetId' });
  const station = await activeStationOf(db, input.streetId);
  if (!station) throw new AppError(409, 'NO_SOCIAL_WORK_STATION', {}, { field: 'streetId' });
  const name = input.name.trim();
  const need = input.need.trim();
  if (!name)
    throw new AppError(400, 'VALIDATION_FAILED', { field: 'name', detail: '' }, { field: 'name' });
  if (!need)
    throw new AppError(400, 'VALIDATION_FAILED', { field: 'need', detail: '' }, { field: 'need' });
  const now = nowIso();
  const id = input.id ?? newId();
  await repo.insertIntakeReferral(db, {
    id,
    street_id: input.streetId,
    station_id: station.id,
    org_path: station.path,
    resident_id: input.residentId ?? null,
    name,
    phone: input.phone ? fieldCipher().seal(input.phone.trim()) : null,
    need,
    source: input.source,
    source_id: input.sourceId,
    status: 'pending',
    case_id: null,
    decline_reason: null,
    decided_by: null,
    decided_at: null,
    created_by: caller.userId,
    version: 1,
    created_at: now,
    updated_at: now,
  });
  await recordAudit(db, {
    actor: actorOf(caller),
    action: 'intakeReferral.create',
    entity: 'intakeReferral',
    entityId: id,
    orgPath: station.path,
    detail: `${input.source} ${input.sourceId}`,
  });
  return { id, created: true };
}

/** Referrals as the station sees them, each with its station's name. */
async function present(db: Db, rows: Row[]): Promise<IntakeReferral[]> {
  const stations = await unitNames(
    db,
    rows.map((r) => r.station_id),
  );
  return rows.map((r) => presentOne(r, stations));
}

function presentOne(r: Row, stations: Map<string, string>): IntakeReferral {
  return {
    id: r.id,
    streetId: r.street_id,
    stationId: r.station_id,
    stationName: stations.get(r.station_id) ?? '',
    residentId: r.resident_id,
    name: r.name,
    phone: r.phone ? maskPhone(fieldCipher().open(r.phone)) : null,
    need: r.need,
    source: r.source,
    sourceId: r.source_id,
    status: r.status,
    caseId: r.case_id,
    declineReason: r.decline_reason,
    createdAt: r.created_at,
    version: r.version,
  };
}

/** The referrals of the caller's station (admins: of their street or district), pending first. */
export async function listIntakeReferrals(opts: {
  db: Db;
  caller: Caller;
  status?: 'pending' | 'accepted' | 'declined';
}): Promise<IntakeReferral[]> {
  const { db, caller } = opts;
  if (!hasRole(caller, CASE_READERS)) throw forbidden();
  const rows = await repo.findIntakeReferrals(db, {
    paths: scopePaths(caller, CASE_READERS),
    status: opts.status,
    limit: 500,
  });
  return present(db, rows);
}

/** A referral the caller may act on: staff of its station; outside their scope it does not exist. */
async function referralForWorker(db: Db, caller: Caller, id: string): Promise<Row> {
  const r = await getRow(db, id);
  if (!r || !covers(caller, r.org_path, CASE_READERS)) throw notFound();
  if (!covers(caller, r.org_path, CASE_WORKERS)) throw forbidden();
  return r;
}

export async function getIntakeReferral(db: Db, caller: Caller, id: string) {
  const r = await getRow(db, id);
  if (!r || !covers(caller, r.org_path, CASE_READERS)) throw notFound();
  return (await present(db, [r]))[0];
}

export async function declineIntakeReferral(opts: {
  db: Db;
  caller: Caller;
  id: string;
  input: { version: number; reason: string };
}): Promise<IntakeReferral> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const r = await referralForWorker(db, caller, opts.id);
    if (r.version !== input.version) throw stale(await getIntakeReferral(db, caller, r.id));
    if (r.status !== 'pending') throw new AppError(409, 'REFERRAL_NOT_PENDING');
    const now = nowIso();
    await repo.updateIntakeReferral(db, r.id, r.version, {
      status: 'declined',
      decline_reason: input.reason,
      decided_by: caller.userId,
      decided_at: now,
      updated_at: now,
      version: r.version + 1,
    });
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'intakeReferral.decline',
      entity: 'intakeReferral',
      entityId: r.id,
      orgPath: r.org_path,
      detail: input.reason,
    });
    return getIntakeReferral(db, caller, r.id);
  });
}

/** The whole phone number, for the worker who calls the person back; audited. */
export async function revealIntakeReferralPhone(opts: {
  db: Db;
  caller: Caller;
  id: string;
}): Promise<{ phone: string | null }> {
  const r = await referralForWorker(opts.db, opts.caller, opts.id);
  await recordAudit(opts.db, {
    actor: actorOf(opts.caller),
    action: 'intakeReferral.revealPhone',
    entity: 'intakeReferral',
    entityId: r.id,
    orgPath: r.org_path,
  });
  return { phone: r.phone ? fieldCipher().open(r.phone) : null };
}

/**
 * For openCase, inside its transaction: the referral must be pending at the station the case opens at;
 * it becomes accepted with the case's id.
 */
export async function acceptIntakeReferral(
  db: Db,
  caller: Caller,
  id: string,
  station: { id: string },
  caseId: string,
): Promise<void> {
  const r = await getRow(db, id);
  if (!r || !covers(caller, r.org_path, CASE_WORKERS) || r.station_id !== station.id)
    throw new AppError(404, 'NOT_FOUND', {}, { field: 'intakeReferralId' });
  if (r.status !== 'pending')
    throw new AppError(409, 'REFERRAL_NOT_PENDING', {}, { field: 'intakeReferralId' });
  const now = nowIso();
  await repo.updateIntakeReferral(db, r.id, null, {
    status: 'accepted',
    case_id: caseId,
    decided_by: caller.userId,
    decided_at: now,
    updated_at: now,
    version: r.version + 1,
  });
  await recordAudit(db, {
    actor: actorOf(caller),
    action: 'intakeReferral.accept',
    entity: 'intakeReferral',
    entityId: r.id,
    orgPath: r.org_path,
    detail: caseId,
  });
}

/** For the tips module: where its referrals stand (status and case), without names. */
export async function intakeReferralStatuses(
  db: Db,
  ids: string[],
): Promise<Map<string, { status: Row['status']; caseId: string | null }>> {
  const rows = await repo.findIntakeReferralsById(db, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, { status: r.status, caseId: r.case_id }]));
}
