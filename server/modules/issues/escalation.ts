import type {
  IssueCategory,
  IssueLevel,
  IssueNotice,
  IssueStatus,
} from '../../../common/schemas/issues';
import type { Db } from '../../db';
import { pageOf } from '../../db/paging';
import type { Jobs } from '../../jobs/jobs';
import type { IssueRow } from '../../db/schema';
import { forbidden, notFound } from '../../lib/errors';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { hasRole, type Caller } from '../../lib/caller';
import { idsOnPath, unitNames } from '../org/service';
import { loadRuleSet } from './deadline-rules';
import { addLimit, limitFor } from './deadlines';
import { deadlineStepOf, nextLevel } from './flow';
import { inTransaction } from './load';
import * as repo from './escalation-repo';
import { raiseNotice } from './notices';
import { writeStep } from './steps';

/**
 * Escalation (逾期升级): an issue whose current step has run past its limit goes up one level —
 * grid → community → street → district — and the unit of that level gets a notice. It goes up once
 * more each time another full step limit passes with nothing done (a step that sits still for three
 * limits reaches the street), never more than one level per run, and the level stays where it got to
 * until the issue is finished: its later steps are watched from there. The step deadline itself does
 * not move, so the issue stays overdue on the board until the step is done.
 */

/** How many issues one run looks at; a backlog is worked off over the next runs. */
const BATCH = 500;
/** How often the server runs it (a deployment's processes together). */
export const ESCALATION_INTERVAL_MS = 5 * 60_000;

const unitOfLevel = (row: IssueRow, level: IssueLevel): string =>
  level === 'community'
    ? row.community_id
    : level === 'street'
      ? row.street_id
      : level === 'district'
        ? idsOnPath(row.org_path)[0]
        : row.grid_id;

/** Moves every issue that is due one level up; answers how many moved. */
export async function escalateOverdue(db: Db, now: string): Promise<number> {
  const due = await repo.findEscalationDue(db, now, BATCH);
  let moved = 0;
  for (const row of due) {
    const step = deadlineStepOf(row.status as IssueStatus);
    const level = nextLevel(row.escalation_level as IssueLevel);
    if (!step || !level || !row.escalate_at) continue;
    const done = await inTransaction(db, async (trx) => {
      const rules = await loadRuleSet(trx, row.street_id);
      const next = addLimit(
        row.escalate_at!,
        limitFor(rules, step, row.category as IssueCategory),
        rules.workdays,
      );
      // The version is left alone: this is the system's bookkeeping, not an edit that should make a
      // person's open form stale; the guard still loses to a step taken in the meantime.
      const ok = await repo.setEscalation(
        trx,
        row.id,
        { version: row.version, level: row.escalation_level },
        {
          escalation_level: level,
          escalate_at: next,
        },
      );
      if (!ok) return false;
      const status = row.status as IssueStatus;
      await writeStep(
        trx,
        null,
        row,
        { action: 'escalate', from: status, to: status },
        { level },
        now,
      );
      await raiseNotice(trx, row, {
        kind: 'escalation',
        level,
        unit_id: unitOfLevel(row, level),
        note: null,
        created_at: now,
      });
      return true;
    });
    if (done) moved++;
  }
  return moved;
}

/** The admin's run on demand, judged against the server's clock. */
export async function runEscalation(opts: {
  db: Db;
  caller: Caller;
}): Promise<{ escalated: number }> {
  if (!hasRole(opts.caller, ['districtAdmin'])) throw forbidden();
  const now = nowIso();
  const escalated = await escalateOverdue(opts.db, now);
  await recordAudit(opts.db, {
    actor: actorOf(opts.caller),
    action: 'issue.escalateRun',
    entity: 'issue',
    detail: `${now} ${escalated}`,
  });
  return { escalated };
}

/** The periodic sweep's name: its queue in pg-boss. */
export const ESCALATION_JOB = 'issues.escalate';

/**
 * Registers the sweep as a periodic job: every few minutes, run by one process of those sharing the
 * database; a failed run is logged and the next one tries again.
 */
export function registerEscalationJob(
  jobs: Jobs,
  db: Db,
  intervalMs = ESCALATION_INTERVAL_MS,
): void {
  jobs.every(ESCALATION_JOB, intervalMs, async () => {
    // A full batch means a backlog: work it off now rather than one batch per period.
    while ((await escalateOverdue(db, nowIso())) >= BATCH);
  });
}

// ——— notices ———

const presentNotice = (n: repo.NoticeView, units: Map<string, string>): IssueNotice => ({
  id: n.id,
  issueId: n.issue_id,
  kind: n.kind,
  level: n.level as IssueLevel | null,
  unit: { id: n.unit_id, name: units.get(n.unit_id) ?? '' },
  note: n.note,
  issueStatus: n.issue_status as IssueStatus,
  issueDescription: n.issue_description,
  createdAt: n.created_at,
  readAt: n.read_at,
});

/** Notices to the units the caller holds a role at: their community, street, district or department. */
export async function listNotices(opts: {
  db: Db;
  caller: Caller;
  query: { unread?: boolean; page: number; pageSize: number };
}) {
  const { query } = opts;
  const { rows, total } = await repo.findNotices(
    opts.db,
    { unitIds: opts.caller.assignments.map((a) => a.orgUnitId), unread: query.unread },
    pageOf(query),
  );
  const units = await unitNames(
    opts.db,
    rows.map((n) => n.unit_id),
  );
  return {
    items: rows.map((n) => presentNotice(n, units)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function readNotice(opts: { db: Db; caller: Caller; id: string }): Promise<void> {
  const n = await repo.getNotice(opts.db, opts.id);
  if (!n || !opts.caller.assignments.some((a) => a.orgUnitId === n.unit_id)) throw notFound();
  await repo.markNoticeRead(opts.db, n.id, opts.caller.userId, nowIso());
}
