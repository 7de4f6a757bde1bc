import type { IssueReport } from '../../../common/schemas/issues';
import type { Db } from '../../db';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import type { Caller } from '../../lib/caller';
import { findGridPlacement } from '../org/service';
import { mayReportAt, rolesAt } from './access';
import { loadRuleSet } from './deadline-rules';
import { addLimit, limitFor } from './deadlines';
import { inTransaction } from './load';
import { placeFacts } from './place-facts';
import * as repo from './repo';
import { writeStep } from './steps';

/**
 * 上报: records an issue at a grid (or at a place, whose grid it takes) with its first step, photos
 * and audit entry. Runs inside the caller's transaction when given one, so a module that raises an
 * issue as part of its own write (a failed inspection, a patrol finding) keeps both or neither.
 *
 * A resend with the same id by the same reporter answers the issue already made (created: false); an
 * id used for something else is a conflict.
 */
export async function reportIssue(
  db: Db,
  caller: Caller,
  report: IssueReport,
): Promise<{ id: string; created: boolean }> {
  return inTransaction(db, async (trx) => {
    if (report.id) {
      const existing = await repo.getIssue(trx, report.id);
      if (existing) {
        const same =
          existing.reporter_id === caller.userId &&
          existing.source === report.source &&
          existing.category === report.category &&
          existing.description === report.description;
        if (!same) throw new AppError(409, 'ID_CONFLICT');
        return { id: existing.id, created: false };
      }
    }
    let gridId = report.gridId;
    let placeName: string | null = null;
    if (report.placeId) {
      const place = await placeFacts().locate(trx, report.placeId);
      if (!place) throw new AppError(400, 'NOT_FOUND', {}, { field: 'placeId' });
      if (gridId && gridId !== place.gridId)
        throw new AppError(400, 'PLACE_NOT_IN_GRID', {}, { field: 'gridId' });
      gridId = place.gridId;
      placeName = place.name;
    }
    if (!gridId) throw new AppError(400, 'GRID_REQUIRED', {}, { field: 'gridId' });
    const grid = await findGridPlacement(trx, gridId);
    if (!grid) throw new AppError(400, 'NOT_FOUND', {}, { field: 'gridId' });
    const where = {
      street_id: grid.streetId,
      community_id: grid.communityId,
      grid_id: grid.gridId,
      org_path: grid.path,
    };
    if (!mayReportAt(caller, where)) {
      // A grid the caller sees but may not report at (a viewer) is forbidden; one outside their area is not there.
      throw rolesAt(caller, where).length > 0
        ? new AppError(403, 'FORBIDDEN')
        : new AppError(404, 'NOT_FOUND', {}, { field: 'gridId' });
    }
    const now = nowIso();
    const rules = await loadRuleSet(trx, grid.streetId);
    const due = addLimit(now, limitFor(rules, 'accept', report.category), rules.workdays);
    const order = report.rectification;
    const row = {
      id: report.id ?? newId(),
      source: report.source,
      source_id: report.sourceId ?? null,
      category: report.category,
      ...where,
      place_id: report.placeId ?? null,
      place_name: placeName,
      location_text: report.location?.text ?? null,
      lat: report.location?.lat ?? null,
      lng: report.location?.lng ?? null,
      description: report.description,
      reporter_id: caller.userId,
      status: 'reported',
      department_id: null,
      assignee_id: null,
      escalation_level: 'grid',
      step_deadline: due,
      escalate_at: due,
      rectification: order
        ? JSON.stringify({
            items: order.items.map((i) => ({
              checklistItemId: i.checklistItemId,
              text: i.text,
              note: i.note ?? null,
            })),
            deadline: order.deadline,
            ...(order.requirement ? { requirement: order.requirement } : {}),
          })
        : null,
      rating: null,
      merged_into: null,
      closed_at: null,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await repo.insertIssue(trx, row);
    await writeStep(
      trx,
      caller,
      row,
      { action: 'report', from: 'reported', to: 'reported' },
      { photoIds: report.photoIds },
      now,
    );
    return { id: row.id, created: true };
  });
}
