import type { IssueStatus, RectificationOrder } from '../../../common/schemas/issues';
import type { Db } from '../../db';
import type { IssueRow } from '../../db/schema';
import { notFound } from '../../lib/errors';
import { shanghaiDayStart } from '../../lib/time';
import type { Caller } from '../../lib/caller';
import { rightsOn, type Rights, type Ties } from './access';
import type { IssueState } from './flow';
import { placeFacts } from './place-facts';
import * as repo from './repo';

/**
 * Runs the work in the caller's transaction when there is one (another module raising an issue inside
 * its own write), or in a new one.
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

export interface LoadedIssue {
  row: IssueRow;
  ties: Ties;
  rights: Rights;
}

/** An issue the caller may read; one they may not read does not exist for them (404). */
export async function loadIssue(db: Db, caller: Caller, id: string): Promise<LoadedIssue> {
  const row = await repo.getIssue(db, id);
  if (!row) throw notFound();
  const ties = await repo.findDispatchTies(db, id);
  const rights = rightsOn(caller, row, ties);
  if (!rights.read) throw notFound();
  return { row, ties, rights };
}

/** Whether an issue's rectification notice is still open: the places module owns notices. */
export const hasOpenNotice = (db: Db, row: IssueRow): Promise<boolean> =>
  row.rectification ? placeFacts().hasOpenNotice(db, row.id) : Promise.resolve(false);

/** What the flow needs to know of an issue at a moment. */
export function stateOf(row: IssueRow, now: string, noticeOpen = false): IssueState {
  const order = row.rectification
    ? (JSON.parse(row.rectification) as RectificationOrder)
    : undefined;
  return {
    status: row.status as IssueStatus,
    rectification: order !== undefined,
    // A re-inspection "at the deadline" may take place on the deadline day itself.
    rectificationDue: order !== undefined && now >= shanghaiDayStart(order.deadline),
    noticeOpen,
  };
}
