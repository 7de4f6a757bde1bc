import type {
  Inspection,
  InspectionQuery,
  InspectionSummary,
} from '../../../common/schemas/places';
import type { Db } from '../../db';
import { pageOf } from '../../db/paging';
import type { InspectionResultRow, InspectionRow } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { shanghaiDayEnd, shanghaiDayStart } from '../../lib/time';
import type { Caller } from '../../lib/caller';
import { staffDisplayNames } from '../auth/staff-service';
import { filesOf } from '../files/service';
import { describeUnits } from '../org/service';
import { itemsOf } from './checklists';
import * as inspections from './inspection-repo';
import * as repo from './repo';
import { inspectionAccess, reachOf } from './scope';
import type { Ctx } from './service';

/** Photos of an inspection's items are attached to the inspection; the result rows list which. */
export const INSPECTION_FILES = 'inspection';

export const photoIdsOf = (r: Pick<InspectionResultRow, 'photo_ids'>): string[] =>
  JSON.parse(r.photo_ids) as string[];

/** An inspection as its page shows it: the items of the version it was done with, and their results. */
export async function presentInspection(db: Db, row: InspectionRow): Promise<Inspection> {
  const [place, version, checklist, results, members, departments, notice, files] =
    await Promise.all([
      repo.getPlace(db, row.place_id),
      repo.getChecklistVersion(db, row.checklist_version_id),
      repo.getChecklist(db, row.checklist_id),
      inspections.findResults(db, row.id),
      inspections.findMembers(db, row.id),
      inspections.findDepartments(db, row.id),
      inspections.getNoticeOfInspection(db, row.id),
      filesOf(db, INSPECTION_FILES, [row.id]),
    ]);
  const photos = new Map((files.get(row.id) ?? []).map((f) => [f.id, f]));
  const byItem = new Map(results.map((r) => [r.item_id, r]));
  const units = await describeUnits(
    db,
    departments.map((d) => d.department_id),
  );
  const staff = await staffDisplayNames(db, [
    row.created_by,
    ...members,
    ...departments.map((d) => d.signed_by),
  ]);
  const ref = (id: string) => ({ id, name: staff.get(id) ?? '' });
  return {
    id: row.id,
    placeId: row.place_id,
    placeName: place?.name ?? '',
    placeAddress: place?.address ?? '',
    checklistId: row.checklist_id,
    checklistName: version?.name ?? checklist?.name ?? '',
    checklistVersion: version?.number ?? 0,
    checklistVersionId: row.checklist_version_id,
    topic: (version?.topic ?? 'other') as Inspection['topic'],
    mode: row.mode as Inspection['mode'],
    status: row.status,
    result: row.result,
    at: row.at,
    team: members
      .map((id) => ref(id))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
    departments: departments.map((d) => ({
      id: d.department_id,
      name: units.get(d.department_id)?.name ?? '',
      signedBy: d.signed_by ? ref(d.signed_by) : null,
      signedAt: d.signed_at,
      note: d.note,
    })),
    items: (version ? itemsOf(version) : []).map((item) => {
      const r = byItem.get(item.id);
      return {
        ...item,
        result: r?.result ?? null,
        note: r?.note ?? null,
        photos: (r ? photoIdsOf(r) : []).flatMap((id) => {
          const f = photos.get(id);
          return f ? [{ id: f.id, url: f.url, thumbUrl: f.thumbUrl }] : [];
        }),
      };
    }),
    summary: row.summary,
    rectificationDeadline: row.rectification_deadline,
    rectificationRequirement: row.rectification_requirement,
    issueId: row.issue_id,
    noticeId: notice?.id ?? null,
    noticeNumber: notice?.number ?? null,
    createdBy: ref(row.created_by),
    createdAt: row.created_at,
    submittedAt: row.submitted_at,
    completedAt: row.completed_at,
    version: row.version,
  };
}

export async function presentSummaries(
  db: Db,
  rows: InspectionRow[],
): Promise<InspectionSummary[]> {
  const [places, versions, notices] = await Promise.all([
    repo.getPlaces(
      db,
      rows.map((r) => r.place_id),
    ),
    repo.getChecklistVersions(
      db,
      rows.map((r) => r.checklist_version_id),
    ),
    inspections.getNoticesOfInspections(
      db,
      rows.map((r) => r.id),
    ),
  ]);
  const placeName = new Map(places.map((p) => [p.id, p.name]));
  const version = new Map(versions.map((v) => [v.id, v]));
  const notice = new Map(notices.map((n) => [n.inspection_id, n]));
  return rows.map((r) => ({
    id: r.id,
    placeId: r.place_id,
    placeName: placeName.get(r.place_id) ?? '',
    checklistName: version.get(r.checklist_version_id)?.name ?? '',
    checklistVersion: version.get(r.checklist_version_id)?.number ?? 0,
    mode: r.mode as InspectionSummary['mode'],
    status: r.status,
    result: r.result,
    at: r.at,
    failedItems: r.failed_items,
    issueId: r.issue_id,
    noticeId: notice.get(r.id)?.id ?? null,
    noticeNumber: notice.get(r.id)?.number ?? null,
  }));
}

export async function listInspections(opts: Ctx & { query: InspectionQuery }) {
  const { db, caller, query } = opts;
  const { page, pageSize } = query;
  const { rows, total } = await inspections.findInspections(
    db,
    {
      reach: reachOf(caller),
      placeId: query.placeId,
      gridId: query.gridId,
      communityId: query.communityId,
      status: query.status,
      mode: query.mode,
      result: query.result,
      fromIso: query.from ? shanghaiDayStart(query.from) : undefined,
      toIso: query.to ? shanghaiDayEnd(query.to) : undefined,
    },
    pageOf(query),
  );
  return { items: await presentSummaries(db, rows), total, page, pageSize };
}

export async function readableInspection(db: Db, caller: Caller, id: string) {
  const row = await inspections.getInspection(db, id);
  if (!row) throw notFound();
  return { row, access: await inspectionAccess(db, caller, row) };
}

export async function getInspection(opts: Ctx & { id: string }): Promise<Inspection> {
  const { row } = await readableInspection(opts.db, opts.caller, opts.id);
  return presentInspection(opts.db, row);
}

/** For the files module: may the caller see a photo attached to this inspection? */
export async function mayReadInspection(db: Db, caller: Caller, id: string): Promise<boolean> {
  try {
    await readableInspection(db, caller, id);
    return true;
  } catch {
    return false;
  }
}
