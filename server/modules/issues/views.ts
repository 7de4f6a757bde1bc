import type { Db } from '../../db';
import type { IssueRow, IssueStepRow } from '../../db/schema';
import { staffDisplayNames } from '../auth/staff-service';
import { unitNames } from '../org/service';
import * as repo from './repo';

/** An issue with the names lists show beside it (the org and auth modules give them). */
export type IssueView = IssueRow & {
  grid_name: string | null;
  community_name: string | null;
  reporter_name: string | null;
  department_name: string | null;
  assignee_name: string | null;
};

export type StepView = IssueStepRow & {
  department_name: string | null;
  assignee_name: string | null;
};

const nameOf = (names: Map<string, string>, id: string | null) =>
  id === null ? null : (names.get(id) ?? null);

export async function withNames(db: Db, rows: IssueRow[]): Promise<IssueView[]> {
  const [units, staff] = await Promise.all([
    unitNames(
      db,
      rows.flatMap((r) => [r.grid_id, r.community_id, r.department_id]),
    ),
    staffDisplayNames(
      db,
      rows.flatMap((r) => [r.reporter_id, r.assignee_id]),
    ),
  ]);
  return rows.map((r) => ({
    ...r,
    grid_name: nameOf(units, r.grid_id),
    community_name: nameOf(units, r.community_id),
    department_name: nameOf(units, r.department_id),
    reporter_name: nameOf(staff, r.reporter_id),
    assignee_name: nameOf(staff, r.assignee_id),
  }));
}

export async function getIssueView(db: Db, id: string): Promise<IssueView | undefined> {
  const row = await repo.getIssue(db, id);
  return row && (await withNames(db, [row]))[0];
}

/** An issue's steps, oldest first, with the department and person each was dispatched to. */
export async function findStepViews(db: Db, issueId: string): Promise<StepView[]> {
  const steps = await repo.findSteps(db, issueId);
  const [units, staff] = await Promise.all([
    unitNames(
      db,
      steps.map((s) => s.department_id),
    ),
    staffDisplayNames(
      db,
      steps.map((s) => s.assignee_id),
    ),
  ]);
  return steps.map((s) => ({
    ...s,
    department_name: nameOf(units, s.department_id),
    assignee_name: nameOf(staff, s.assignee_id),
  }));
}
