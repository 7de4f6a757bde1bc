import { maskIdNumber, maskPhone } from '../../../common/people';
import type {
  Case,
  CorrectionDiff,
  ServiceRecord,
  ServiceRecordCreate,
  ServiceRecordType,
  zCorrectionPreview,
} from '../../../common/schemas/cases';
import type { ResidentFields } from '../../../common/schemas/people';
import type { z } from 'zod';
import type { Db } from '../../db';
import type { CaseRow, ResidentRow, ServiceRecordRow } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { addMinutes, nowIso } from '../../lib/time';
import type { Caller } from '../../lib/caller';
import {
  caseTies,
  fieldAccess,
  isMinor,
  listAccess,
  rolesAt,
  sensitiveFields,
  sensitiveValue,
  type FieldAccess,
  type SensitiveField,
} from '../people/access';
import { staffDisplayNames } from '../auth/staff-service';
import { applyResidentChanges, careTagsOf, diffResident, residentInScope } from '../people/service';
import { addDays, careTierOf, shanghaiDay } from './care';
import { careIntervals, UNTIERED_INTERVAL } from './followups';
import * as repo from './repo';
import { caseInScope, logStep, presentCases, type Ctx } from './scope';
import { allowed } from './service';
import { getCaseView } from './views';

export function presentRecord(r: ServiceRecordRow, names: Map<string, string>): ServiceRecord {
  return {
    id: r.id,
    caseId: r.case_id,
    residentId: r.resident_id,
    stage: r.stage as ServiceRecord['stage'],
    type: r.type as ServiceRecordType,
    at: r.at,
    durationMinutes: r.duration_minutes,
    content: r.content,
    nextFollowUpDate: r.next_follow_up_date,
    corrections: r.corrections ? (JSON.parse(r.corrections) as ServiceRecord['corrections']) : null,
    worker: { id: r.worker_id, displayName: names.get(r.worker_id) ?? '' },
    createdAt: r.created_at,
  };
}

export async function listRecords(opts: Ctx & { caseId: string }): Promise<ServiceRecord[]> {
  await caseInScope(opts.db, opts.caller, opts.caseId, 'read');
  const rows = await repo.findRecords(opts.db, opts.caseId);
  const names = await staffDisplayNames(
    opts.db,
    rows.map((r) => r.worker_id),
  );
  return rows.map((r) => presentRecord(r, names));
}

/** A resident a home visit on this case may correct: the client, or a member of the client's household. */
async function visitedResident(
  db: Db,
  caller: Caller,
  c: CaseRow,
  residentId: string,
  field: string,
): Promise<ResidentRow> {
  const r = await residentInScope(db, caller, residentId, true);
  if (r.id === c.resident_id) return r;
  const client = await residentInScope(db, caller, c.resident_id, false);
  if (r.household_id !== client.household_id)
    throw new AppError(400, 'NOT_HOUSEHOLD_MEMBER', {}, { field });
  return r;
}

const asText = (v: unknown): string | null =>
  v === null || v === undefined
    ? null
    : typeof v === 'string'
      ? v
      : Array.isArray(v)
        ? v.join(',')
        : JSON.stringify(v);

/** A value the caller typed, shown back as their access to the field allows (they may not see the old one). */
function shownNew(field: SensitiveField, value: unknown, access: FieldAccess) {
  const text = asText(value);
  if (text === null || access === 'whole') return { value: text, masked: false };
  if (access === 'hidden') return { value: null, masked: true };
  const masked =
    field === 'idNumber'
      ? maskIdNumber(text.toUpperCase())
      : field === 'phone'
        ? maskPhone(text.replace(/[^\d]/g, ''))
        : '******';
  return { value: masked, masked: true };
}

/**
 * What a visit's corrections would change, field by field. Stored sensitive values are shown only as
 * their masks, as lists show them, so the preview reads nothing whole and writes nothing at all.
 */
async function diffFor(
  db: Db,
  caller: Caller,
  r: ResidentRow,
  fields: Partial<ResidentFields>,
): Promise<CorrectionDiff> {
  const ties = await caseTies(db, caller, [r.id]);
  const access = fieldAccess(rolesAt(caller, r), ties.get(r.id), isMinor(r));
  const inList = listAccess(access);
  const changes = (await diffResident(db, r, fields)).map((ch) => {
    if (!(sensitiveFields as readonly string[]).includes(ch.field))
      return { field: ch.field, old: asText(ch.old), new: asText(ch.new), masked: false };
    const f = ch.field as SensitiveField;
    const old = sensitiveValue(r, f, inList[f]);
    const next = shownNew(f, ch.new, access[f]);
    return { field: f, old: old.value, new: next.value, masked: old.masked || next.masked };
  });
  return { residentId: r.id, residentName: r.name, version: r.version, changes };
}

export async function previewCorrections(
  opts: Ctx & { caseId: string; corrections: z.infer<typeof zCorrectionPreview>[] },
): Promise<CorrectionDiff[]> {
  const { db, caller } = opts;
  const c = await caseInScope(db, caller, opts.caseId, 'write');
  await allowed(db, c, { type: 'work' });
  const diffs: CorrectionDiff[] = [];
  for (const [i, corr] of opts.corrections.entries()) {
    const r = await visitedResident(db, caller, c, corr.residentId, `corrections.${i}.residentId`);
    diffs.push(await diffFor(db, caller, r, corr.fields));
  }
  return diffs;
}

/** The day the next contact is due when the worker names none: the client's care-rule interval on. */
async function defaultFollowUp(db: Db, c: CaseRow, atDay: string): Promise<string> {
  const tags = (await careTagsOf(db, [c.resident_id])).get(c.resident_id) ?? [];
  const client = (await getCaseView(db, c.id))!;
  const tier = careTierOf(tags, client.client_birth_date, atDay);
  const interval = tier ? (await careIntervals(db, c.street_id))[tier] : UNTIERED_INTERVAL;
  return addDays(atDay, interval);
}

/**
 * Records a contact on an open case and moves the case's next contact date on. A home visit may carry
 * corrections to the client's household, applied — once the worker has confirmed the preview's diff —
 * in the same transaction, each change in the household history with this record as its source.
 */
export async function createRecord(
  opts: Ctx & { caseId: string; input: ServiceRecordCreate },
): Promise<{ record: ServiceRecord; case: Case; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const c = await caseInScope(db, caller, opts.caseId, 'write');
    const id = input.id ?? newId();
    const existing = await repo.getRecord(db, id);
    const names = () => staffDisplayNames(db, [caller.userId, c.assigned_worker_id]);
    const presentNow = async () => (await presentCases(db, [(await getCaseView(db, c.id))!]))[0];
    if (existing) {
      // Sent twice from a phone with a poor signal: the first one stands, its corrections applied once.
      if (existing.case_id !== c.id) throw new AppError(409, 'ID_CONFLICT');
      return {
        record: presentRecord(existing, await names()),
        case: await presentNow(),
        created: false,
      };
    }
    await allowed(db, c, { type: 'work' });
    const at = new Date(input.at).toISOString();
    if (at > addMinutes(nowIso(), 10))
      throw new AppError(400, 'TIME_IN_FUTURE', {}, { field: 'at' });
    const corrections = input.corrections ?? [];
    if (corrections.length && input.confirmCorrections !== true)
      throw new AppError(400, 'CORRECTIONS_NOT_CONFIRMED', {}, { field: 'confirmCorrections' });
    if (new Set(corrections.map((x) => x.residentId)).size !== corrections.length)
      throw new AppError(
        400,
        'VALIDATION_FAILED',
        { field: 'corrections' },
        { field: 'corrections' },
      );
    const applied: { residentId: string; fields: string[] }[] = [];
    for (const [i, corr] of corrections.entries()) {
      const r = await visitedResident(
        db,
        caller,
        c,
        corr.residentId,
        `corrections.${i}.residentId`,
      );
      const fields = await applyResidentChanges(db, caller, r, corr.version, corr.fields, {
        type: 'visit',
        id,
      });
      if (fields.length) applied.push({ residentId: r.id, fields });
    }
    const nextDate = input.nextFollowUpDate ?? (await defaultFollowUp(db, c, shanghaiDay(at)));
    const row: ServiceRecordRow = {
      id,
      case_id: c.id,
      resident_id: c.resident_id,
      station_id: c.station_id,
      street_id: c.street_id,
      cycle: c.cycle,
      stage: c.stage,
      type: input.type,
      at,
      duration_minutes: input.durationMinutes,
      content: input.content,
      next_follow_up_date: nextDate,
      corrections: applied.length ? JSON.stringify(applied) : null,
      worker_id: caller.userId,
      created_at: nowIso(),
    };
    await repo.insertRecord(db, row);
    await repo.updateCase(db, c.id, null, {
      next_contact_date: nextDate,
      updated_at: row.created_at,
    });
    await logStep(db, caller, c, {
      action: 'record',
      note: null,
      detail: input.type,
      changedFields: ['nextContactDate', ...applied.flatMap((a) => a.fields)],
    });
    return { record: presentRecord(row, await names()), case: await presentNow(), created: true };
  });
}
