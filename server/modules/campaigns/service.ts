import type { Role } from '../../../common/roles';
import type {
  Campaign,
  CampaignCreate,
  CampaignDetail,
  CampaignQuery,
  CampaignUpdate,
} from '../../../common/schemas/campaigns';
import { zCampaignCreate } from '../../../common/schemas/campaigns';
import type { Db } from '../../db';
import { pageOf } from '../../db/paging';
import type { CampaignRow, CampaignTargetRow } from '../../db/schema';
import { AppError, forbidden, notFound, stale } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import type { Caller } from '../../lib/caller';
import { describeUnits, idsOnPath, unitNames } from '../org/service';
import { countDoorHouseholds, findDoorHouseholds } from '../people/service';
import { getPublishedVersion } from '../surveys/service';
import { computeCoverage } from './coverage';
import { staffDisplayNames } from '../auth/staff-service';
import * as repo from './repo';

/**
 * Campaigns (宣传走访活动). A street or community runs one (its owner); its targets are communities or
 * grids inside the owner, whose active households it goes to. Who sees it: the roles whose area holds
 * the owner or a target, or lies inside a target (a grid worker of a targeted community). Street and
 * district admins and community staff edit the campaigns of their own area; grid workers and community
 * staff record visits to the households of their own area.
 */
const READERS: readonly Role[] = [
  'districtAdmin',
  'streetAdmin',
  'communityStaff',
  'gridWorker',
  'viewer',
];
const EDITORS: readonly Role[] = ['districtAdmin', 'streetAdmin', 'communityStaff'];
export const VISITORS: readonly Role[] = ['gridWorker', 'communityStaff'];

export interface Ctx {
  db: Db;
  caller: Caller;
}

/** The org paths of the caller's areas for these roles. */
export const areaPaths = (caller: Caller, roles: readonly Role[]): string[] =>
  caller.assignments.flatMap((a) => (roles.includes(a.role) && a.area ? [a.area.path] : []));

export function mayRead(caller: Caller, c: CampaignRow, targets: CampaignTargetRow[]): boolean {
  return areaPaths(caller, READERS).some(
    (p) =>
      c.org_path.startsWith(p) ||
      targets.some((t) => t.org_path.startsWith(p) || p.startsWith(t.org_path)),
  );
}

/** Whether the caller sees a household on this path in the campaign (its whole area, or their own). */
export const seesAt = (caller: Caller, c: Pick<CampaignRow, 'org_path'>, path: string): boolean =>
  areaPaths(caller, READERS).some((p) => c.org_path.startsWith(p) || path.startsWith(p));

export const mayEdit = (caller: Caller, c: Pick<CampaignRow, 'org_path'>): boolean =>
  areaPaths(caller, EDITORS).some((p) => c.org_path.startsWith(p));

/** Whether the caller records visits at a household on this path. */
export const mayVisitAt = (caller: Caller, path: string): boolean =>
  areaPaths(caller, VISITORS).some((p) => path.startsWith(p));

/** A campaign the caller may see, with its targets; others do not exist for them. */
export async function readableCampaign(
  db: Db,
  caller: Caller,
  id: string,
): Promise<{ campaign: CampaignRow; targets: CampaignTargetRow[] }> {
  const campaign = await repo.getCampaign(db, id);
  if (!campaign) throw notFound();
  const targets = await repo.findTargets(db, [id]);
  if (!mayRead(caller, campaign, targets)) throw notFound();
  return { campaign, targets };
}

async function presentCampaigns(db: Db, rows: CampaignRow[]): Promise<Campaign[]> {
  const ids = rows.map((r) => r.id);
  const targets = await repo.findTargets(db, ids);
  const names = await unitNames(db, [
    ...rows.map((r) => r.owner_unit_id),
    ...targets.map((t) => t.unit_id),
  ]);
  const owners = await describeUnits(
    db,
    rows.map((r) => r.owner_unit_id),
  );
  const reached = await repo.countReached(db, ids);
  const out: Campaign[] = [];
  for (const r of rows) {
    const mine = targets.filter((t) => t.campaign_id === r.id);
    const target = await countDoorHouseholds(
      db,
      mine.map((t) => t.unit_id),
    );
    const got = Math.min(reached.get(r.id) ?? 0, target);
    out.push({
      id: r.id,
      title: r.title,
      owner: {
        id: r.owner_unit_id,
        name: names.get(r.owner_unit_id) ?? '',
        kind: owners.get(r.owner_unit_id)?.kind ?? 'street',
      },
      materials: JSON.parse(r.materials) as string[],
      surveyId: r.survey_id,
      targets: mine.map((t) => ({
        id: t.unit_id,
        name: names.get(t.unit_id) ?? '',
        kind: t.unit_kind,
      })),
      startDate: r.start_date,
      endDate: r.end_date,
      status: r.status,
      note: r.note,
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
      summary: { target, reached: got, share: target > 0 ? got / target : 0 },
    });
  }
  return out;
}

/** The campaign's households, from the people register, and every visit to them. */
export async function campaignHouseholds(db: Db, targets: CampaignTargetRow[]) {
  return findDoorHouseholds(db, { unitIds: targets.map((t) => t.unit_id) });
}

export async function presentCampaignDetail(
  db: Db,
  caller: Caller,
  campaign: CampaignRow,
  targets: CampaignTargetRow[],
): Promise<CampaignDetail> {
  const [base] = await presentCampaigns(db, [campaign]);
  const households = await campaignHouseholds(db, targets);
  const visits = await repo.findVisits(db, campaign.id);
  const units = await unitNames(db, [...households.flatMap((h) => [h.gridId, h.communityId])]);
  const staff = await staffDisplayNames(
    db,
    visits.map((v) => v.worker_id),
  );
  const coverage = computeCoverage(households, visits, { units, staff });
  const survey = campaign.survey_id
    ? ((await getPublishedVersion(db, campaign.survey_id)) ?? null)
    : null;
  return {
    ...base,
    summary: {
      target: coverage.total.target ?? 0,
      reached: coverage.total.reached,
      share: coverage.total.share,
    },
    survey,
    coverage,
    canEdit: mayEdit(caller, campaign),
    canVisit:
      campaign.status === 'active' &&
      areaPaths(caller, VISITORS).some((p) =>
        targets.some((t) => t.org_path.startsWith(p) || p.startsWith(t.org_path)),
      ),
  };
}

export async function listCampaigns(opts: Ctx & { query: CampaignQuery }) {
  const { caller, query } = opts;
  const paths = areaPaths(caller, READERS);
  const { rows, total } = await repo.findCampaigns(
    opts.db,
    {
      paths,
      aboveIds: [...new Set(paths.flatMap(idsOnPath))],
      status: query.status,
      q: query.q,
    },
    pageOf(query),
  );
  return {
    items: await presentCampaigns(opts.db, rows),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getCampaign(opts: Ctx & { id: string }): Promise<CampaignDetail> {
  const { campaign, targets } = await readableCampaign(opts.db, opts.caller, opts.id);
  return presentCampaignDetail(opts.db, opts.caller, campaign, targets);
}

const badInput = (
  code: 'CAMPAIGN_TARGET_INVALID' | 'CAMPAIGN_DATES' | 'CAMPAIGN_SURVEY_NOT_PUBLISHED',
  field: string,
) => new AppError(400, code, {}, { field });

/** Resolves the targets, each a community or grid under the owner. */
async function resolveTargets(
  db: Db,
  owner: { id: string; path: string },
  targetIds: string[],
): Promise<CampaignTargetRow[]> {
  const units = await describeUnits(db, targetIds);
  return [...new Set(targetIds)].map((id) => {
    const u = units.get(id);
    if (!u || (u.kind !== 'community' && u.kind !== 'grid') || !u.path.startsWith(owner.path))
      throw badInput('CAMPAIGN_TARGET_INVALID', 'targetUnitIds');
    return {
      campaign_id: '',
      unit_id: id,
      unit_kind: u.kind,
      street_id: idsOnPath(u.path)[1] ?? '',
      org_path: u.path,
    };
  });
}

async function checkSurvey(db: Db, surveyId: string | null | undefined): Promise<void> {
  if (surveyId && !(await getPublishedVersion(db, surveyId)))
    throw badInput('CAMPAIGN_SURVEY_NOT_PUBLISHED', 'surveyId');
}

export async function createCampaign(
  opts: Ctx & { input: CampaignCreate },
): Promise<{ campaign: CampaignDetail; created: boolean }> {
  const { caller } = opts;
  const input = zCampaignCreate.parse(opts.input);
  return opts.db.transaction().execute(async (db) => {
    if (input.id) {
      const existing = await repo.getCampaign(db, input.id);
      if (existing) {
        if (existing.created_by !== caller.userId || existing.title !== input.title)
          throw new AppError(409, 'ID_CONFLICT');
        const targets = await repo.findTargets(db, [existing.id]);
        return {
          campaign: await presentCampaignDetail(db, caller, existing, targets),
          created: false,
        };
      }
    }
    const owner = (await describeUnits(db, [input.ownerUnitId])).get(input.ownerUnitId);
    if (!owner || (owner.kind !== 'street' && owner.kind !== 'community'))
      throw new AppError(400, 'CAMPAIGN_OWNER_INVALID', {}, { field: 'ownerUnitId' });
    if (!mayEdit(caller, { org_path: owner.path })) {
      const sees = areaPaths(caller, READERS).some(
        (p) => owner.path.startsWith(p) || p.startsWith(owner.path),
      );
      throw sees ? forbidden() : new AppError(404, 'NOT_FOUND', {}, { field: 'ownerUnitId' });
    }
    if (input.endDate < input.startDate) throw badInput('CAMPAIGN_DATES', 'endDate');
    await checkSurvey(db, input.surveyId);
    const targets = await resolveTargets(
      db,
      { id: input.ownerUnitId, path: owner.path },
      input.targetUnitIds,
    );
    const now = nowIso();
    const id = input.id ?? newId();
    const row: CampaignRow = {
      id,
      street_id: idsOnPath(owner.path)[1] ?? '',
      owner_unit_id: input.ownerUnitId,
      org_path: owner.path,
      title: input.title,
      materials: JSON.stringify(input.materials),
      survey_id: input.surveyId ?? null,
      start_date: input.startDate,
      end_date: input.endDate,
      status: input.status,
      note: input.note || null,
      created_by: caller.userId,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    await repo.insertCampaign(db, row);
    const withId = targets.map((t) => ({ ...t, campaign_id: id }));
    await repo.replaceTargets(db, id, withId);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'campaign.create',
      entity: 'campaign',
      entityId: id,
      orgPath: row.org_path,
    });
    return { campaign: await presentCampaignDetail(db, caller, row, withId), created: true };
  });
}

/** Status may go planned → active → ended, and an ended campaign may be reopened (active). */
const NEXT: Record<CampaignRow['status'], CampaignRow['status'][]> = {
  planned: ['active', 'ended'],
  active: ['ended'],
  ended: ['active'],
};

export async function updateCampaign(
  opts: Ctx & { id: string; input: CampaignUpdate },
): Promise<CampaignDetail> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const { campaign: c, targets } = await readableCampaign(db, caller, opts.id);
    if (!mayEdit(caller, c)) throw forbidden();
    const current = () => presentCampaignDetail(db, caller, c, targets);
    if (c.version !== input.version) throw stale(await current());
    if (input.status && input.status !== c.status && !NEXT[c.status].includes(input.status))
      throw new AppError(409, 'INVALID_TRANSITION', {}, { field: 'status' });
    const start = input.startDate ?? c.start_date;
    const end = input.endDate ?? c.end_date;
    if (end < start) throw badInput('CAMPAIGN_DATES', 'endDate');
    if (input.surveyId !== undefined && input.surveyId !== c.survey_id) {
      const visited = (await repo.findVisits(db, c.id)).some((v) => v.survey_answer_id);
      if (visited) throw new AppError(409, 'CAMPAIGN_SURVEY_ANSWERED', {}, { field: 'surveyId' });
      await checkSurvey(db, input.surveyId);
    }
    let newTargets = targets;
    if (input.targetUnitIds) {
      newTargets = (
        await resolveTargets(db, { id: c.owner_unit_id, path: c.org_path }, input.targetUnitIds)
      ).map((t) => ({ ...t, campaign_id: c.id }));
      await repo.replaceTargets(db, c.id, newTargets);
    }
    const now = nowIso();
    const ok = await repo.updateCampaign(db, c.id, input.version, {
      ...(input.title !== undefined ? { title: input.title } : {}),
      ...(input.materials ? { materials: JSON.stringify(input.materials) } : {}),
      ...(input.surveyId !== undefined ? { survey_id: input.surveyId } : {}),
      start_date: start,
      end_date: end,
      ...(input.status ? { status: input.status } : {}),
      ...(input.note !== undefined ? { note: input.note || null } : {}),
      updated_at: now,
    });
    if (!ok) throw stale(await current());
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'campaign.update',
      entity: 'campaign',
      entityId: c.id,
      changedFields: Object.keys(input).filter((k) => k !== 'version'),
      orgPath: c.org_path,
    });
    const fresh = (await repo.getCampaign(db, c.id))!;
    return presentCampaignDetail(db, caller, fresh, newTargets);
  });
}

export const unitHasCampaigns = (db: Db, unitId: string): Promise<boolean> =>
  repo.unitHasCampaigns(db, unitId);
