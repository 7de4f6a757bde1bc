import { zhCN } from '../../../common/i18n/zh-CN';
import type { Role } from '../../../common/roles';
import type { IssueCategory } from '../../../common/schemas/issues';
import type {
  ChecklistItem,
  Inspection,
  InspectionCreate,
  InspectionTeamOptions,
  InspectionSubmit,
  ItemResultInput,
} from '../../../common/schemas/places';
import type { Db } from '../../db';
import type { InspectionResultRow, InspectionRow, PlaceRow } from '../../db/schema';
import { AppError, forbidden, stale } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso, todayInShanghai } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import type { Caller } from '../../lib/caller';
import { attachFiles } from '../files/service';
import { departmentsAbove, describeUnits, idsOnPath } from '../org/service';
import { activeStaffAt, activeStaffIds } from '../auth/staff-service';
import { itemsOf, usableChecklist } from './checklists';
import * as inspections from './inspection-repo';
import {
  INSPECTION_FILES,
  photoIdsOf,
  presentInspection,
  readableInspection,
} from './inspection-view';
import { reportIssue } from '../issues/service';
import { issueNoticeWith } from './notices';
import * as repo from './repo';
import { canWorkOn, placeInScope } from './scope';
import type { Ctx } from './service';

/** The issue category of a checklist's failures. */
const CATEGORY_OF_TOPIC: Record<string, IssueCategory> = {
  epidemic: 'epidemicPrevention',
  gasSafety: 'safetyHazard',
  fireSafety: 'safetyHazard',
  sanitation: 'environmentSanitation',
  other: 'other',
};

export { todayInShanghai };
/** The departments named: live department units of the place's district, or of its street. */
async function checkDepartments(db: Db, place: PlaceRow, ids: string[]): Promise<string[]> {
  const unique = [...new Set(ids)];
  const allowed = new Set((await departmentsAbove(db, place.org_path)).map((d) => d.id));
  if (unique.some((id) => !allowed.has(id)))
    throw new AppError(400, 'DEPARTMENT_NOT_FOUND', {}, { field: 'departmentIds' });
  return unique;
}

/** Who works on inspections of a place: grid, community and street staff above it; officers of its departments. */
const TEAM_ROLES_AROUND: readonly Role[] = ['gridWorker', 'communityStaff', 'streetAdmin'];

/** What the start page offers for a joint inspection and a team; only to those who may inspect the place. */
export async function inspectionTeamOptions(
  opts: Ctx & { placeId: string },
): Promise<InspectionTeamOptions> {
  const place = await placeInScope(
    opts.db,
    opts.caller,
    await repo.getPlace(opts.db, opts.placeId),
    true,
  );
  const departments = await departmentsAbove(opts.db, place.org_path);
  const staff = [
    ...(await activeStaffAt(opts.db, idsOnPath(place.org_path), TEAM_ROLES_AROUND)),
    ...(await activeStaffAt(
      opts.db,
      departments.map((d) => d.id),
      ['departmentOfficer'],
    )),
  ];
  const units = await describeUnits(
    opts.db,
    staff.map((s) => s.unitId),
  );
  return {
    departments: departments.map((d) => ({ id: d.id, name: d.name })),
    staff: staff
      .filter((s) => s.id !== opts.caller.userId)
      .map((s) => ({
        id: s.id,
        name: s.displayName,
        role: s.role,
        unitId: s.unitId,
        unitName: units.get(s.unitId)?.name ?? '',
      })),
  };
}

async function checkTeam(db: Db, caller: Caller, ids: string[]): Promise<string[]> {
  const unique = [...new Set([caller.userId, ...ids])];
  const active = await activeStaffIds(db, unique);
  // The seed's system caller is nobody's account; it only stands on its own inspections.
  if (unique.some((id) => !active.has(id) && id !== caller.userId))
    throw new AppError(400, 'TEAM_MEMBER_NOT_FOUND', {}, { field: 'teamIds' });
  return unique.filter((id) => active.has(id));
}

/**
 * Records item results inside the caller's transaction. Photos are attached to the inspection as they
 * first appear; a later save may list photos another member took, which stay where they are.
 */
async function saveResults(
  db: Db,
  caller: Caller,
  row: InspectionRow,
  items: ChecklistItem[],
  results: ItemResultInput[],
): Promise<void> {
  const known = new Set(items.map((i) => i.id));
  results.forEach((r, i) => {
    if (!known.has(r.itemId))
      throw new AppError(
        400,
        'UNKNOWN_CHECKLIST_ITEM',
        { item: r.itemId },
        { field: `results.${i}.itemId` },
      );
  });
  const stored = new Set((await inspections.findResults(db, row.id)).flatMap((r) => photoIdsOf(r)));
  const fresh = [...new Set(results.flatMap((r) => r.photoIds ?? []))].filter(
    (id) => !stored.has(id),
  );
  await attachFiles(db, caller, fresh, INSPECTION_FILES, row.id);
  const now = nowIso();
  await inspections.upsertResults(
    db,
    results.map((r): InspectionResultRow => ({
      inspection_id: row.id,
      item_id: r.itemId,
      street_id: row.street_id,
      result: r.result,
      note: r.note || null,
      photo_ids: JSON.stringify(r.photoIds ?? []),
      recorded_by: caller.userId,
      recorded_at: now,
    })),
  );
}

export async function createInspection(
  opts: Ctx & { input: InspectionCreate },
): Promise<{ inspection: Inspection; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const id = input.id ?? newId();
    const existing = await inspections.getInspection(db, id);
    if (existing) {
      await readableInspection(db, caller, id);
      if (existing.place_id !== input.placeId || existing.checklist_id !== input.checklistId)
        throw new AppError(409, 'ID_CONFLICT');
      return { inspection: await presentInspection(db, existing), created: false };
    }
    const place = await placeInScope(db, caller, await repo.getPlace(db, input.placeId), true);
    if (place.status !== 'active')
      throw new AppError(409, 'PLACE_CLOSED', {}, { field: 'placeId' });
    const { checklist, version } = await usableChecklist(db, caller, input.checklistId);
    if (input.mode === 'joint' && input.departmentIds.length === 0)
      throw new AppError(400, 'DEPARTMENTS_REQUIRED', {}, { field: 'departmentIds' });
    const departments = await checkDepartments(db, place, input.departmentIds);
    const team = await checkTeam(db, caller, input.teamIds);
    const now = nowIso();
    const row: InspectionRow = {
      id,
      place_id: place.id,
      street_id: place.street_id,
      community_id: place.community_id,
      grid_id: place.grid_id,
      org_path: place.org_path,
      checklist_id: checklist.id,
      checklist_version_id: version.id,
      mode: input.mode,
      status: 'draft',
      result: null,
      failed_items: 0,
      at: new Date(input.at).toISOString(),
      summary: null,
      rectification_deadline: null,
      rectification_requirement: null,
      issue_id: null,
      created_by: caller.userId,
      submitted_by: null,
      submitted_at: null,
      completed_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await inspections.insertInspection(db, row);
    await inspections.insertMembers(db, id, row.street_id, team);
    await inspections.insertDepartments(db, id, row.street_id, departments);
    if (input.results?.length) await saveResults(db, caller, row, itemsOf(version), input.results);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'inspection.create',
      entity: 'inspection',
      entityId: id,
      detail: `${input.mode} ${checklist.name} v${version.number}`,
      orgPath: row.org_path,
    });
    return { inspection: await presentInspection(db, row), created: true };
  });
}

/** A draft the caller may work on, at the version they read; 409 with the current one otherwise. */
async function workableDraft(db: Db, caller: Caller, id: string, version: number) {
  const { row, access } = await readableInspection(db, caller, id);
  if (!canWorkOn(access)) throw forbidden();
  if (row.version !== version) throw stale(await presentInspection(db, row));
  if (row.status !== 'draft') throw new AppError(409, 'INSPECTION_NOT_DRAFT');
  const v = (await repo.getChecklistVersion(db, row.checklist_version_id))!;
  return { row, items: itemsOf(v), checklistName: v.name, topic: v.topic };
}

async function bump(db: Db, row: InspectionRow, version: number, patch: Partial<InspectionRow>) {
  if (!(await inspections.updateInspection(db, row.id, version, patch)))
    throw stale(await presentInspection(db, (await inspections.getInspection(db, row.id))!));
}

export async function saveInspectionResults(
  opts: Ctx & { id: string; version: number; results: ItemResultInput[] },
): Promise<Inspection> {
  const { caller } = opts;
  return opts.db.transaction().execute(async (db) => {
    const { row, items } = await workableDraft(db, caller, opts.id, opts.version);
    await saveResults(db, caller, row, items, opts.results);
    await bump(db, row, opts.version, { updated_at: nowIso() });
    return presentInspection(db, (await inspections.getInspection(db, row.id))!);
  });
}

/** Every item answered, and photographed where the item asks for it. */
function checkComplete(items: ChecklistItem[], results: Map<string, InspectionResultRow>) {
  const missing = items.filter((i) => !results.has(i.id));
  if (missing.length)
    throw new AppError(
      400,
      'INSPECTION_INCOMPLETE',
      { count: missing.length },
      { field: 'results' },
    );
  for (const item of items) {
    const r = results.get(item.id)!;
    const needs =
      (item.photoRequired === 'always' && r.result !== 'notApplicable') ||
      (item.photoRequired === 'onFail' && r.result === 'fail');
    if (needs && photoIdsOf(r).length === 0)
      throw new AppError(400, 'PHOTO_REQUIRED', { item: item.text }, { field: 'results' });
  }
}

function issueDescription(
  place: PlaceRow,
  mode: string,
  checklistName: string,
  failed: { text: string; note: string | null }[],
): string {
  const modeLabel = zhCN.places.modes[mode as keyof typeof zhCN.places.modes] ?? mode;
  const list = failed.map((f, i) => `${i + 1}. ${f.text}${f.note ? `（${f.note}）` : ''}`);
  return `${place.name}${modeLabel}（${checklistName}）发现 ${failed.length} 项不合格：${list.join('；')}`;
}

/**
 * Submits an inspection: every item must have a result; the failed ones raise one issue carrying
 * the rectification order, in this transaction, and (unless told otherwise) the numbered notice.
 * An inspection with departments on it waits for each of them to sign it off.
 */
export async function submitInspection(
  opts: Ctx & { id: string; input: InspectionSubmit },
): Promise<Inspection> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const { row, items, checklistName, topic } = await workableDraft(
      db,
      caller,
      opts.id,
      input.version,
    );
    if (input.results?.length) await saveResults(db, caller, row, items, input.results);
    const results = new Map((await inspections.findResults(db, row.id)).map((r) => [r.item_id, r]));
    checkComplete(items, results);
    const failed = items
      .filter((i) => results.get(i.id)!.result === 'fail')
      .map((i) => ({ checklistItemId: i.id, text: i.text, note: results.get(i.id)!.note }));
    const rectification = input.rectification;
    if (failed.length && !rectification)
      throw new AppError(400, 'RECTIFICATION_REQUIRED', {}, { field: 'rectification.deadline' });
    if (failed.length && rectification!.deadline < todayInShanghai())
      throw new AppError(400, 'DEADLINE_IN_PAST', {}, { field: 'rectification.deadline' });
    const place = (await repo.getPlace(db, row.place_id))!;
    let issueId: string | null = null;
    if (failed.length) {
      const issue = await reportIssue(db, caller, {
        source: 'inspection',
        sourceId: row.id,
        category: CATEGORY_OF_TOPIC[topic] ?? 'other',
        placeId: place.id,
        description: issueDescription(place, row.mode, checklistName, failed),
        rectification: {
          items: failed,
          deadline: rectification!.deadline,
          requirement: rectification!.requirement || undefined,
        },
      });
      issueId = issue.id;
    }
    const departments = await inspections.findDepartments(db, row.id);
    const now = nowIso();
    const status = departments.length ? 'awaitingSignOff' : 'completed';
    await bump(db, row, input.version, {
      status,
      result: failed.length ? 'fail' : 'pass',
      failed_items: failed.length,
      summary: input.summary || null,
      rectification_deadline: failed.length ? rectification!.deadline : null,
      rectification_requirement: failed.length ? rectification!.requirement || null : null,
      issue_id: issueId,
      submitted_by: caller.userId,
      submitted_at: now,
      completed_at: status === 'completed' ? now : null,
      updated_at: now,
    });
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'inspection.submit',
      entity: 'inspection',
      entityId: row.id,
      detail: JSON.stringify({ failed: failed.length, issueId }),
      orgPath: row.org_path,
    });
    const submitted = (await inspections.getInspection(db, row.id))!;
    if (failed.length && input.issueNotice) await issueNoticeWith(db, caller, submitted);
    return presentInspection(db, submitted);
  });
}

/**
 * A department on a joint inspection signs it off through one of its officers; the inspection is
 * complete when every department named on it has signed.
 */
export async function signOffInspection(
  opts: Ctx & { id: string; version: number; departmentId?: string; note?: string | null },
): Promise<Inspection> {
  const { caller } = opts;
  return opts.db.transaction().execute(async (db) => {
    const { row, access } = await readableInspection(db, caller, opts.id);
    if (access.departments.length === 0) throw new AppError(403, 'SIGN_OFF_NOT_ALLOWED');
    if (row.version !== opts.version) throw stale(await presentInspection(db, row));
    if (row.status !== 'awaitingSignOff') throw new AppError(409, 'SIGN_OFF_NOT_OPEN');
    const departments = await inspections.findDepartments(db, row.id);
    const mine = departments.filter((d) => access.departments.includes(d.department_id));
    let target = mine.find((d) => d.department_id === opts.departmentId);
    if (!target && opts.departmentId)
      throw new AppError(403, 'SIGN_OFF_NOT_ALLOWED', {}, { field: 'departmentId' });
    if (!target) {
      const open = mine.filter((d) => !d.signed_by);
      if (open.length > 1)
        throw new AppError(400, 'DEPARTMENT_REQUIRED', {}, { field: 'departmentId' });
      target = open[0] ?? mine[0];
    }
    const now = nowIso();
    const signed = await inspections.signDepartment(db, row.id, target.department_id, {
      userId: caller.userId,
      at: now,
      note: opts.note || null,
    });
    if (!signed) throw new AppError(409, 'ALREADY_SIGNED');
    const allSigned = departments.every(
      (d) => d.signed_by || d.department_id === target.department_id,
    );
    await bump(db, row, opts.version, {
      status: allSigned ? 'completed' : 'awaitingSignOff',
      completed_at: allSigned ? now : null,
      updated_at: now,
    });
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'inspection.signOff',
      entity: 'inspection',
      entityId: row.id,
      detail: target.department_id,
      orgPath: row.org_path,
    });
    return presentInspection(db, (await inspections.getInspection(db, row.id))!);
  });
}
