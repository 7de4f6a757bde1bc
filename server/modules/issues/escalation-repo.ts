import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Db } from '../../db';
import { paginate, type Page } from '../../db/paging';
import type {
  IssueDeadlineRuleTable,
  IssueNoticeRow,
  IssueNoticeTable,
  IssueRow,
  IssueTable,
} from '../../db/schema';
import { changed } from './repo';

// The tables of deadlines and escalation: time-limit rules, the escalation bookkeeping on issues, and
// the notices escalation and urging send.

/** Open issues whose next escalation has come and that are not yet at the top. */
export async function findEscalationDue(db: Db, now: string, limit: number): Promise<IssueRow[]> {
  return db
    .selectFrom('issue')
    .selectAll()
    .where('escalate_at', '<', now)
    .where('escalation_level', '!=', 'district')
    .orderBy('escalate_at')
    .limit(limit)
    .execute();
}

/**
 * The system's escalation bookkeeping: guarded by the version and the level read, but not a new
 * version. The level guard makes two sweeps that read the same row (two processes) move it once.
 */
export async function setEscalation(
  db: Db,
  id: string,
  read: { version: number; level: string },
  patch: Pick<Updateable<IssueTable>, 'escalation_level' | 'escalate_at'>,
): Promise<boolean> {
  return changed(
    db
      .updateTable('issue')
      .set(patch)
      .where('id', '=', id)
      .where('version', '=', read.version)
      .where('escalation_level', '=', read.level),
  );
}

// ——— deadline rules ———

export async function findRules(
  db: Db,
  streetId: string | null,
): Promise<{ street: RuleRow[]; district: RuleRow[] }> {
  const rows = await db
    .selectFrom('issue_deadline_rule')
    .selectAll()
    .where((eb) =>
      streetId
        ? eb.or([eb('street_id', '=', streetId), eb('street_id', 'is', null)])
        : eb('street_id', 'is', null),
    )
    .execute();
  return {
    street: streetId ? rows.filter((r) => r.street_id === streetId) : [],
    district: rows.filter((r) => r.street_id === null),
  };
}
export type RuleRow = Selectable<IssueDeadlineRuleTable>;

export async function replaceRules(
  db: Db,
  streetId: string | null,
  rows: Insertable<IssueDeadlineRuleTable>[],
): Promise<void> {
  await db
    .deleteFrom('issue_deadline_rule')
    .where((eb) => (streetId ? eb('street_id', '=', streetId) : eb('street_id', 'is', null)))
    .execute();
  if (rows.length) await db.insertInto('issue_deadline_rule').values(rows).execute();
}

// ——— notices ———

export async function insertNotice(db: Db, row: Insertable<IssueNoticeTable>): Promise<void> {
  await db.insertInto('issue_notice').values(row).execute();
}

export type NoticeView = IssueNoticeRow & {
  issue_status: string;
  issue_description: string;
};

export async function findNotices(
  db: Db,
  f: { unitIds: string[]; unread?: boolean },
  page: Page,
): Promise<{ rows: NoticeView[]; total: number }> {
  if (f.unitIds.length === 0) return { rows: [], total: 0 };
  let q = db
    .selectFrom('issue_notice as n')
    .innerJoin('issue as i', 'i.id', 'n.issue_id')
    .where('n.unit_id', 'in', f.unitIds);
  if (f.unread === true) q = q.where('n.read_at', 'is', null);
  if (f.unread === false) q = q.where('n.read_at', 'is not', null);
  return paginate(
    db,
    q
      .selectAll('n')
      .select(['i.status as issue_status', 'i.description as issue_description'])
      .orderBy('n.created_at', 'desc')
      .orderBy('n.id', 'desc'),
    page,
  );
}

export async function getNotice(db: Db, id: string): Promise<IssueNoticeRow | undefined> {
  return db.selectFrom('issue_notice').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function markNoticeRead(
  db: Db,
  id: string,
  userId: string,
  at: string,
): Promise<void> {
  await db
    .updateTable('issue_notice')
    .set({ read_at: at, read_by: userId })
    .where('id', '=', id)
    .where('read_at', 'is', null)
    .execute();
}
