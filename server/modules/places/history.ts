import type { PlaceHistory } from '../../../common/schemas/places';
import { issueSummaryFor, issuesFollowedUpBy } from '../issues/service';
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
  const [inspected, noticed, followed] = await Promise.all([
    inspections.findInspections(db, { reach, placeId: place.id }, page),
    inspections.findNotices(db, { reach, placeId: place.id }, page),
    // A department dispatched an issue here also sees the inspection and notice behind it.
    issuesFollowedUpBy(db, caller, { placeId: place.id }).then((ids) =>
      inspections.findInspectionsOfIssues(db, ids),
    ),
  ]);
  const inspectionRows = merged(inspected.rows, followed.inspections, (r) => r.at);
  const noticeRows = merged(noticed.rows, followed.notices, (r) => r.issued_at);
  const raised = inspectionRows.filter((r) => r.issue_id);
  const summaries = await issueSummaryFor(
    db,
    raised.map((r) => r.issue_id!),
  );
  return {
    inspections: await presentSummaries(db, inspectionRows),
    notices: await presentNoticeSummaries(db, noticeRows),
    issues: raised.flatMap((r) => {
      const s = summaries.get(r.issue_id!);
      return s ? [{ id: r.issue_id!, inspectionId: r.id, ...s }] : [];
    }),
  };
}

/** Rows of both lists once each, newest first. */
function merged<T extends { id: string }>(a: T[], b: T[], at: (r: T) => string): T[] {
  const seen = new Set(a.map((r) => r.id));
  return [...a, ...b.filter((r) => !seen.has(r.id))].sort((x, y) => at(y).localeCompare(at(x)));
}
