import type { Db } from '../../db';
import type { Caller } from '../../lib/caller';
import { departmentsOf } from './access';
import { mayReadIssue } from './board';
import * as repo from './repo';

// What other modules and the composition root use of the issues module. The contract functions:
//   reportIssue(db, caller, report) → { id, created }        inside the caller's transaction
//   verifyIssueByReinspection(db, caller, issueId, fixed, note) inside the caller's transaction
//   issueSummaryFor(db, issueIds) → Map id → { status, stepDeadline, overdue }
export { reportIssue } from './report';
export { providePlaceFacts, type PlaceFacts } from './place-facts';
export { runIssueCommand, verifyIssueByReinspection } from './steps';
export {
  countIssues,
  dispatchTargets,
  exportIssues,
  getIssue,
  issueSummaryFor,
  listIssues,
  listSteps,
  mayReadIssue,
} from './board';
export {
  escalateOverdue,
  listNotices,
  readNotice,
  runEscalation,
  registerEscalationJob,
  ESCALATION_JOB,
} from './escalation';
export { getDeadlines, putDeadlines } from './deadline-rules';
export { defaultLimit } from './deadlines';
export { deleteWorkdayOverride, getWorkdayYear, putWorkdayOverride } from './workdays';

/** Photos of a step are seen by whoever may read its issue (registered with the files module). */
export async function issueStepFileAccess(
  db: Db,
  caller: Caller,
  stepId: string,
): Promise<boolean> {
  const step = await repo.getStep(db, stepId);
  return step ? mayReadIssue(db, caller, step.issue_id) : false;
}

/** A unit with issues in it (or dispatched to it) cannot be deleted, only retired. */
export const unitHasIssues = (db: Db, unitId: string): Promise<boolean> =>
  repo.unitHasIssues(db, unitId);

/**
 * The issues (of those named, or at a place) dispatched now or before to a department of the caller:
 * the places module lets such a department read their inspection, notice and place.
 */
export const issuesFollowedUpBy = (
  db: Db,
  caller: Caller,
  where: { issueIds?: string[]; placeId?: string },
): Promise<string[]> => repo.findIssuesDispatchedTo(db, departmentsOf(caller), where);
