import type { PlaceHistory } from '../../../common/schemas/places';
import { issueSummaryFor } from '../issues/service';
import * as inspections from './inspection-repo';
import { presentSummaries } from './inspection-view';
import { presentNoticeSummaries } from './notices';
import { reachOf } from './scope';
import { readablePlace, type Ctx } from './service';

/**
 * What a place's page shows below it: its inspections, its notices, and the issues its inspections
 * raised with where each stands now (the issues module sums them up).
 */
export async function placeHistory(opts: Ctx & { id: string }): Promise<PlaceHistory> {
  const { db, caller } = opts;
  const place = await readablePlace(db, caller, opts.id);
  const reach = reachOf(caller);
  const page = { limit: 100, offset: 0 };
  const [inspected, noticed] = await Promise.all([
    inspections.findInspections(db, { reach, placeId: place.id }, page),
    inspections.findNotices(db, { reach, placeId: place.id }, page),
  ]);
  const raised = inspected.rows.filter((r) => r.issue_id);
  const summaries = await issueSummaryFor(
    db,
    raised.map((r) => r.issue_id!),
  );
  return {
    inspections: await presentSummaries(db, inspected.rows),
    notices: await presentNoticeSummaries(db, noticed.rows),
    issues: raised.flatMap((r) => {
      const s = summaries.get(r.issue_id!);
      return s ? [{ id: r.issue_id!, inspectionId: r.id, ...s }] : [];
    }),
  };
}
