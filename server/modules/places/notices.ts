import { z } from 'zod';
import {
  zNoticeItem,
  type Notice,
  type NoticeSummary,
  type Reinspect,
} from '../../../common/schemas/places';
import type { Db } from '../../db';
import { pageOf } from '../../db/paging';
import type { InspectionRow, NoticeReinspectionRow, NoticeRow } from '../../db/schema';
import { AppError, forbidden, notFound, stale } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { formatShanghai, nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import type { Caller } from '../../lib/caller';
import { staffDisplayNames } from '../auth/staff-service';
import { attachFiles, filesOf } from '../files/service';
import { describeUnits, idsOnPath } from '../org/service';
import { itemsOf } from './checklists';
import * as inspections from './inspection-repo';
import { readableInspection } from './inspection-view';
import { verifyIssueByReinspection } from '../issues/service';
import { legalBasisFor, renderNoticePdf } from './notice-pdf';
import * as repo from './repo';
import { canReinspect, canWorkOn, reachOf } from './scope';
import type { Ctx } from './service';

/** Photos taken at a re-inspection are attached to the notice. */
export const NOTICE_FILES = 'rectificationNotice';

/** 振华街道, 2026, 12 → 振华〔2026〕第0012号. */
export const noticeNumber = (streetName: string, year: number, seq: number): string =>
  `${streetName.replace(/街道(办事处)?$/, '')}〔${year}〕第${String(seq).padStart(4, '0')}号`;

const zItems = z.array(zNoticeItem);
const zStoredResults = z.array(
  z.object({
    checklistItemId: z.string(),
    result: z.enum(['pass', 'fail']),
    note: z.string().nullable(),
    photoIds: z.array(z.string()),
  }),
);

export async function presentNotice(db: Db, row: NoticeRow): Promise<Notice> {
  const [place, reinspections, files] = await Promise.all([
    repo.getPlace(db, row.place_id),
    inspections.findReinspections(db, row.id),
    filesOf(db, NOTICE_FILES, [row.id]),
  ]);
  const photos = new Map((files.get(row.id) ?? []).map((f) => [f.id, f]));
  const names = await staffDisplayNames(db, [
    row.issued_by,
    ...reinspections.map((r) => r.user_id),
  ]);
  return {
    id: row.id,
    number: row.number,
    year: row.year,
    seq: row.seq,
    inspectionId: row.inspection_id,
    issueId: row.issue_id,
    placeId: row.place_id,
    placeName: place?.name ?? '',
    items: zItems.parse(JSON.parse(row.items)),
    deadline: row.deadline,
    requirement: row.requirement,
    legalBasis: row.legal_basis,
    issuingUnit: row.issuing_unit,
    issuedBy: { id: row.issued_by, name: names.get(row.issued_by) ?? '' },
    issuedAt: row.issued_at,
    status: row.status,
    reinspections: reinspections.map((r) => ({
      id: r.id,
      at: r.at,
      by: { id: r.user_id, name: names.get(r.user_id) ?? '' },
      fixed: r.fixed === 1,
      note: r.note,
      results: zStoredResults.parse(JSON.parse(r.results)).map((x) => ({
        checklistItemId: x.checklistItemId,
        result: x.result,
        note: x.note,
        photos: x.photoIds.flatMap((id) => {
          const f = photos.get(id);
          return f ? [{ id: f.id, url: f.url, thumbUrl: f.thumbUrl }] : [];
        }),
      })),
    })),
    version: row.version,
  };
}

export async function presentNoticeSummaries(db: Db, rows: NoticeRow[]): Promise<NoticeSummary[]> {
  const names = new Map(
    (
      await repo.getPlaces(
        db,
        rows.map((r) => r.place_id),
      )
    ).map((p) => [p.id, p.name]),
  );
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    inspectionId: r.inspection_id,
    issueId: r.issue_id,
    placeId: r.place_id,
    placeName: names.get(r.place_id) ?? '',
    deadline: r.deadline,
    issuedAt: r.issued_at,
    status: r.status,
  }));
}

/**
 * Issues the notice of a submitted inspection with failed items, inside the caller's transaction:
 * the next number of the street's year, taken from its counter row, and the failed items, the
 * deadline and the legal basis as they stand. An inspection has one notice; asking again returns it.
 */
export async function issueNoticeWith(
  db: Db,
  caller: Caller,
  inspection: InspectionRow,
  id?: string,
): Promise<{ notice: NoticeRow; created: boolean }> {
  await inspections.lockInspection(db, inspection.id);
  const existing = await inspections.getNoticeOfInspection(db, inspection.id);
  if (existing) {
    if (id && existing.id !== id) throw new AppError(409, 'ID_CONFLICT');
    return { notice: existing, created: false };
  }
  if (id && (await inspections.getNotice(db, id))) throw new AppError(409, 'ID_CONFLICT');
  if (inspection.status === 'draft') throw new AppError(409, 'INSPECTION_NOT_SUBMITTED');
  if (inspection.failed_items === 0 || !inspection.rectification_deadline)
    throw new AppError(409, 'NO_FAILED_ITEMS');
  const version = (await repo.getChecklistVersion(db, inspection.checklist_version_id))!;
  const results = new Map(
    (await inspections.findResults(db, inspection.id)).map((r) => [r.item_id, r]),
  );
  const items = itemsOf(version)
    .filter((i) => results.get(i.id)?.result === 'fail')
    .map((i) => ({ checklistItemId: i.id, text: i.text, note: results.get(i.id)!.note }));
  const districtId = idsOnPath(inspection.org_path)[0];
  const units = await describeUnits(db, [inspection.street_id, districtId]);
  const streetName = units.get(inspection.street_id)?.name ?? '';
  const now = nowIso();
  const year = Number(formatShanghai(now).slice(0, 4));
  const seq = await inspections.nextNoticeSeq(db, inspection.street_id, year);
  const row: NoticeRow = {
    id: id ?? newId(),
    inspection_id: inspection.id,
    issue_id: inspection.issue_id,
    place_id: inspection.place_id,
    street_id: inspection.street_id,
    org_path: inspection.org_path,
    year,
    seq,
    number: noticeNumber(streetName, year, seq),
    deadline: inspection.rectification_deadline,
    items: JSON.stringify(items),
    requirement: inspection.rectification_requirement,
    legal_basis: legalBasisFor(version.topic),
    issuing_unit: `${units.get(districtId)?.name ?? ''}${streetName}办事处`,
    status: 'issued',
    issued_by: caller.userId,
    issued_at: now,
    version: 1,
    updated_at: now,
  };
  await inspections.insertNotice(db, row);
  await recordAudit(db, {
    actor: actorOf(caller),
    action: 'rectificationNotice.issue',
    entity: 'rectificationNotice',
    entityId: row.id,
    detail: row.number,
    orgPath: row.org_path,
  });
  return { notice: row, created: true };
}

export async function issueNotice(
  opts: Ctx & { inspectionId: string; id?: string },
): Promise<{ notice: Notice; created: boolean }> {
  const { caller } = opts;
  return opts.db.transaction().execute(async (db) => {
    const { row, access } = await readableInspection(db, caller, opts.inspectionId);
    if (!canWorkOn(access)) throw forbidden();
    const { notice, created } = await issueNoticeWith(db, caller, row, opts.id);
    return { notice: await presentNotice(db, notice), created };
  });
}

async function readableNotice(db: Db, caller: Caller, id: string) {
  const notice = await inspections.getNotice(db, id);
  if (!notice) throw notFound();
  const { row, access } = await readableInspection(db, caller, notice.inspection_id);
  return { notice, inspection: row, access };
}

export async function getNotice(opts: Ctx & { id: string }): Promise<Notice> {
  const { notice } = await readableNotice(opts.db, opts.caller, opts.id);
  return presentNotice(opts.db, notice);
}

export async function listNotices(
  opts: Ctx & {
    query: { page: number; pageSize: number; placeId?: string; status?: string; year?: number };
  },
) {
  const { db, caller, query } = opts;
  const { page, pageSize } = query;
  const { rows, total } = await inspections.findNotices(
    db,
    { reach: reachOf(caller), placeId: query.placeId, status: query.status, year: query.year },
    pageOf(query),
  );
  return { items: await presentNoticeSummaries(db, rows), total, page, pageSize };
}

export async function noticePdf(opts: Ctx & { id: string }): Promise<Buffer> {
  const { db, caller } = opts;
  const { notice, inspection } = await readableNotice(db, caller, opts.id);
  const [place, version] = await Promise.all([
    repo.getPlace(db, notice.place_id),
    repo.getChecklistVersion(db, inspection.checklist_version_id),
  ]);
  const pdf = await renderNoticePdf({
    notice: await presentNotice(db, notice),
    placeAddress: place?.address ?? '',
    licenceNo: place?.licence_no ?? null,
    personInCharge: place?.person_in_charge ?? null,
    mode: inspection.mode,
    checklistName: version?.name ?? '',
    inspectedAt: inspection.at,
  });
  await recordAudit(db, {
    actor: actorOf(caller),
    action: 'rectificationNotice.print',
    entity: 'rectificationNotice',
    entityId: notice.id,
    orgPath: notice.org_path,
  });
  return pdf;
}

/**
 * A re-inspection of the notice's items, as soon as the unit says it has rectified (the deadline is
 * the latest day, not the first): every item fixed verifies and closes the issue with the notice,
 * anything still wrong reopens it (the issues module decides what that means for the issue).
 */
export async function reinspectNotice(
  opts: Ctx & { id: string; input: Reinspect },
): Promise<Notice> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const { notice, access } = await readableNotice(db, caller, opts.id);
    if (!canReinspect(access)) throw forbidden();
    if (input.id) {
      const done = await inspections.getReinspection(db, input.id);
      if (done && done.notice_id !== notice.id) throw new AppError(409, 'ID_CONFLICT');
      // A resend of a re-inspection that was recorded gets the notice as it is now.
      if (done) return presentNotice(db, notice);
    }
    if (notice.version !== input.version) throw stale(await presentNotice(db, notice));
    if (notice.status === 'rectified') throw new AppError(409, 'NOTICE_RECTIFIED');
    const items = zItems.parse(JSON.parse(notice.items));
    const wanted = new Set(items.map((i) => i.checklistItemId));
    const given = new Set(input.results.map((r) => r.checklistItemId));
    if (
      given.size !== input.results.length ||
      given.size !== wanted.size ||
      [...given].some((g) => !wanted.has(g))
    )
      throw new AppError(400, 'REINSPECTION_ITEMS', {}, { field: 'results' });
    await attachFiles(
      db,
      caller,
      input.results.flatMap((r) => r.photoIds ?? []),
      NOTICE_FILES,
      notice.id,
    );
    const fixed = input.results.every((r) => r.result === 'pass');
    const now = nowIso();
    const row: NoticeReinspectionRow = {
      id: input.id ?? newId(),
      notice_id: notice.id,
      street_id: notice.street_id,
      at: now,
      user_id: caller.userId,
      results: JSON.stringify(
        input.results.map((r) => ({
          checklistItemId: r.checklistItemId,
          result: r.result,
          note: r.note || null,
          photoIds: r.photoIds ?? [],
        })),
      ),
      fixed: fixed ? 1 : 0,
      note: input.note || null,
    };
    await inspections.insertReinspection(db, row);
    const saved = await inspections.updateNotice(db, notice.id, input.version, {
      status: fixed ? 'rectified' : 'notRectified',
      updated_at: now,
    });
    if (!saved) throw stale(await presentNotice(db, (await inspections.getNotice(db, notice.id))!));
    if (notice.issue_id) {
      const still = items.filter(
        (i) =>
          input.results.find((r) => r.checklistItemId === i.checklistItemId)?.result === 'fail',
      );
      const note =
        input.note ||
        (fixed
          ? `复查：${notice.number}所列 ${items.length} 项均已整改到位`
          : `复查：${still.map((i) => i.text).join('、')} 仍未整改到位`);
      await verifyIssueByReinspection(db, caller, notice.issue_id, fixed, note);
    }
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'rectificationNotice.reinspect',
      entity: 'rectificationNotice',
      entityId: notice.id,
      detail: fixed ? 'fixed' : 'notFixed',
      orgPath: notice.org_path,
    });
    return presentNotice(db, (await inspections.getNotice(db, notice.id))!);
  });
}

/** For the files module: may the caller see a photo attached to this notice? */
export async function mayReadNotice(db: Db, caller: Caller, id: string): Promise<boolean> {
  try {
    await readableNotice(db, caller, id);
    return true;
  } catch {
    return false;
  }
}
