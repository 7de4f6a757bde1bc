import { resources, type Locale } from '../../../common/i18n';
import {
  issueTabs,
  issueTabStatuses,
  type IssueCommandName,
  type IssueCounts,
  type IssueDetail,
  type IssueFilter,
  type IssueQuery,
  type IssueStatus,
  type IssueStep,
  type RectificationOrder,
} from '../../../common/schemas/issues';
import type { Db } from '../../db';
import { pageOf } from '../../db/paging';
import { AppError } from '../../lib/errors';
import { formatShanghai, nowIso } from '../../lib/time';
import { renderWorkbookInWorker } from '../../lib/render-pool';
import { actorOf, recordAudit } from '../audit/service';
import type { Caller } from '../../lib/caller';
import { filesOf, type StoredFile } from '../files/service';
import { departmentsAbove, idsOnPath } from '../org/service';
import { issueScope, rightFor } from './access';
import { possibleCommands } from './flow';
import { hasOpenNotice, loadIssue, stateOf } from './load';
import { isOverdue, photoRef, presentIssue, presentStep, STEP_FILES } from './present';
import * as repo from './repo';
import { findStepViews, getIssueView, withNames } from './views';

/** Where a patrol finding's photos are kept; an issue raised from a finding shows them. */
const SOURCE_FILES: Partial<Record<string, string>> = { patrol: 'patrolFinding' };

/** The order the UI offers what the caller may do: the first is the primary button. */
const ACTION_ORDER: IssueCommandName[] = [
  'accept',
  'dispatch',
  'startHandling',
  'handle',
  'verify',
  'rate',
  'reject',
  'sendBack',
  'urge',
  'merge',
];

export async function presentDetail(db: Db, caller: Caller, id: string): Promise<IssueDetail> {
  const { row, rights } = await loadIssue(db, caller, id);
  const view = (await getIssueView(db, id))!;
  const now = nowIso();
  const possible = possibleCommands(stateOf(row, now, await hasOpenNotice(db, row)));
  const reportStep = await repo.findReportStep(db, id);
  const photos: StoredFile[] = reportStep
    ? ((await filesOf(db, STEP_FILES, [reportStep])).get(reportStep) ?? [])
    : [];
  const sourceEntity = SOURCE_FILES[row.source];
  if (sourceEntity && row.source_id)
    photos.push(...((await filesOf(db, sourceEntity, [row.source_id])).get(row.source_id) ?? []));
  return {
    ...presentIssue(view, now),
    rectification: row.rectification ? (JSON.parse(row.rectification) as RectificationOrder) : null,
    photos: photos.map(photoRef),
    actions: ACTION_ORDER.filter((c) => possible.includes(c) && rights[rightFor[c]]),
  };
}

export async function getIssue(opts: { db: Db; caller: Caller; id: string }) {
  return presentDetail(opts.db, opts.caller, opts.id);
}

/** The timeline: every step with its actor, time, note and photos, oldest first. */
export async function listSteps(opts: {
  db: Db;
  caller: Caller;
  id: string;
}): Promise<{ items: IssueStep[] }> {
  await loadIssue(opts.db, opts.caller, opts.id);
  const steps = await findStepViews(opts.db, opts.id);
  const photos = await filesOf(
    opts.db,
    STEP_FILES,
    steps.map((s) => s.id),
  );
  return { items: steps.map((s) => presentStep(s, photos.get(s.id) ?? [])) };
}

async function listFilter(
  db: Db,
  caller: Caller,
  f: IssueFilter,
  now: string,
): Promise<repo.IssueListFilter> {
  const statuses =
    f.tab && f.status
      ? issueTabStatuses[f.tab].filter((s) => s === f.status)
      : f.status
        ? [f.status]
        : f.tab
          ? issueTabStatuses[f.tab]
          : undefined;
  return {
    scope: await issueScope(db, caller),
    statuses,
    category: f.category,
    communityId: f.communityId,
    gridId: f.gridId,
    departmentId: f.departmentId,
    level: f.level,
    placeId: f.placeId,
    overdue: f.overdue,
    q: f.q || undefined,
    now,
  };
}

/** The board: the issues the caller may read, newest first, with the filters of its bar. */
export async function listIssues(opts: { db: Db; caller: Caller; query: IssueQuery }) {
  const { query } = opts;
  const now = nowIso();
  const { rows, total } = await repo.findIssues(
    opts.db,
    await listFilter(opts.db, opts.caller, query, now),
    pageOf(query),
  );
  return {
    items: (await withNames(opts.db, rows)).map((r) => presentIssue(r, now)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

/** Counts per tab under the same filters (the tab and status aside), and the overdue ones. */
export async function countIssues(opts: {
  db: Db;
  caller: Caller;
  query: IssueFilter;
}): Promise<IssueCounts> {
  const f = await listFilter(
    opts.db,
    opts.caller,
    { ...opts.query, tab: undefined, status: undefined },
    nowIso(),
  );
  const { byGroup, overdue } = await repo.countIssues(
    opts.db,
    f,
    Object.fromEntries(issueTabs.map((tab) => [tab, issueTabStatuses[tab]])),
  );
  const counts = Object.fromEntries(issueTabs.map((tab) => [tab, byGroup.get(tab) ?? 0])) as Record<
    (typeof issueTabs)[number],
    number
  >;
  return { ...counts, overdue };
}

/** Rows an export may hold: a district's year of issues, less than would exhaust memory. */
export const ISSUE_EXPORT_LIMIT = 50_000;

export async function exportIssues(opts: {
  db: Db;
  caller: Caller;
  query: IssueFilter;
  locale: Locale;
}): Promise<Buffer> {
  const now = nowIso();
  const { rows } = await repo.findIssues(
    opts.db,
    await listFilter(opts.db, opts.caller, opts.query, now),
    {
      limit: ISSUE_EXPORT_LIMIT,
      offset: 0,
    },
  );
  const m = resources[opts.locale].issues;
  const c = m.columns;
  const columns = [
    { header: c.createdAt, key: 'createdAt', width: 17 },
    { header: c.category, key: 'category', width: 10 },
    { header: c.source, key: 'source', width: 8 },
    { header: c.status, key: 'status', width: 9 },
    { header: c.community, key: 'community', width: 16 },
    { header: c.grid, key: 'grid', width: 10 },
    { header: c.place, key: 'place', width: 20 },
    { header: c.location, key: 'location', width: 24 },
    { header: c.description, key: 'description', width: 48 },
    { header: c.reporter, key: 'reporter', width: 10 },
    { header: c.department, key: 'department', width: 18 },
    { header: c.assignee, key: 'assignee', width: 10 },
    { header: c.stepDeadline, key: 'stepDeadline', width: 17 },
    { header: c.overdue, key: 'overdue', width: 8 },
    { header: c.level, key: 'level', width: 10 },
    { header: c.rating, key: 'rating', width: 6 },
    { header: c.id, key: 'id', width: 38 },
  ];
  const sheetRows = (await withNames(opts.db, rows)).map((r) => {
    const i = presentIssue(r, now);
    return {
      createdAt: formatShanghai(i.createdAt),
      category: m.categories[i.category],
      source: m.sources[i.source],
      status: m.statuses[i.status],
      community: i.communityName,
      grid: i.gridName,
      place: i.placeName ?? '',
      location: i.location?.text ?? '',
      description: i.description,
      reporter: i.reporter.name,
      department: i.department?.name ?? '',
      assignee: i.assignee?.name ?? '',
      stepDeadline: i.stepDeadline ? formatShanghai(i.stepDeadline) : '',
      overdue: i.overdue ? m.yes : '',
      level: m.levels[i.escalationLevel],
      rating: i.rating ?? '',
      id: i.id,
    };
  });
  await recordAudit(opts.db, {
    actor: actorOf(opts.caller),
    action: 'issue.export',
    entity: 'issue',
    detail: `${rows.length}`,
  });
  return renderWorkbookInWorker({
    sheets: [
      {
        name: m.sheetName,
        columns,
        rows: sheetRows,
        print: { title: m.sheetName, locale: opts.locale },
      },
    ],
  });
}

/** Departments an issue may be dispatched to: the district's bureaus and its own street's. */
export async function dispatchTargets(opts: { db: Db; caller: Caller; id: string }) {
  const { row, rights } = await loadIssue(opts.db, opts.caller, opts.id);
  if (!rights.dispatch) throw new AppError(403, 'FORBIDDEN');
  const districtId = idsOnPath(row.org_path)[0];
  const units = await departmentsAbove(opts.db, row.org_path);
  return {
    departments: units.map((u) => ({
      id: u.id,
      name: u.name,
      level: u.parentId === districtId ? ('district' as const) : ('street' as const),
    })),
  };
}

/** Whether the caller may read the issue (for photos and other modules' pages). */
export async function mayReadIssue(db: Db, caller: Caller, id: string): Promise<boolean> {
  try {
    await loadIssue(db, caller, id);
    return true;
  } catch (e) {
    if (e instanceof AppError && e.statusCode === 404) return false;
    throw e;
  }
}

/** Status, deadline and overdue of issues, for another module's pages (the places register). */
export async function issueSummaryFor(
  db: Db,
  issueIds: string[],
): Promise<Map<string, { status: IssueStatus; stepDeadline: string | null; overdue: boolean }>> {
  const now = nowIso();
  const rows = await repo.issueSummaries(db, [...new Set(issueIds)]);
  return new Map(
    rows.map((r) => [
      r.id,
      {
        status: r.status as IssueStatus,
        stepDeadline: r.step_deadline,
        overdue: isOverdue(r.step_deadline, now),
      },
    ]),
  );
}
