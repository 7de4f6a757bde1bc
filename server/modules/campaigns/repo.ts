import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db';
import { areaCondition, underPaths } from '../../db/area';
import { paginate, type Page } from '../../db/paging';
import type {
  CampaignRow,
  CampaignTable,
  CampaignTargetRow,
  CampaignVisitRow,
  CampaignVisitTable,
} from '../../db/schema';

// Campaign lists join the org and staff tables for names only; those rows are read here, never written.

export async function getCampaign(db: Db, id: string): Promise<CampaignRow | undefined> {
  return db.selectFrom('campaign').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertCampaign(db: Db, row: Insertable<CampaignTable>): Promise<void> {
  await db.insertInto('campaign').values(row).execute();
}

export async function updateCampaign(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<CampaignTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('campaign')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function findTargets(db: Db, campaignIds: string[]): Promise<CampaignTargetRow[]> {
  if (campaignIds.length === 0) return [];
  return db
    .selectFrom('campaign_target')
    .selectAll()
    .where('campaign_id', 'in', campaignIds)
    .orderBy('org_path')
    .execute();
}

export async function replaceTargets(
  db: Db,
  campaignId: string,
  rows: CampaignTargetRow[],
): Promise<void> {
  await db.deleteFrom('campaign_target').where('campaign_id', '=', campaignId).execute();
  if (rows.length) await db.insertInto('campaign_target').values(rows).execute();
}

/** The names of org units and staff, for presenting (read only). */
export interface CampaignFilter {
  /** Org paths of the caller's areas: a campaign is seen when its owner or a target lies under one… */
  paths: string[];
  /** …or a target is a unit above one (a grid worker of a targeted community). */
  aboveIds: string[];
  status?: string;
  q?: string;
}

export async function findCampaigns(
  db: Db,
  f: CampaignFilter,
  page: Page,
): Promise<{ rows: CampaignRow[]; total: number }> {
  if (f.paths.length === 0) return { rows: [], total: 0 };
  let q = db.selectFrom('campaign').where((eb) =>
    eb.or([
      areaCondition(eb, 'campaign', underPaths(f.paths))!,
      eb.exists(
        eb
          .selectFrom('campaign_target as t')
          .select('t.unit_id')
          .whereRef('t.campaign_id', '=', 'campaign.id')
          .where((e) =>
            e.or([
              areaCondition(e, 't', underPaths(f.paths))!,
              ...(f.aboveIds.length ? [e('t.unit_id', 'in', f.aboveIds)] : []),
            ]),
          ),
      ),
    ]),
  );
  if (f.status) q = q.where('campaign.status', '=', f.status as CampaignRow['status']);
  if (f.q) q = q.where('campaign.title', 'like', `%${f.q}%`);
  return paginate(
    db,
    q.selectAll('campaign').orderBy('campaign.start_date', 'desc').orderBy('campaign.id', 'desc'),
    page,
  );
}

/** Households reached (materials delivered) per campaign: delivered is final, so a distinct count. */
export async function countReached(db: Db, campaignIds: string[]): Promise<Map<string, number>> {
  if (campaignIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('campaign_visit')
    .select((eb) => [
      'campaign_id',
      eb.fn.count<string | number>('household_id').distinct().as('n'),
    ])
    .where('campaign_id', 'in', campaignIds)
    .where('outcome', '=', 'delivered')
    .groupBy('campaign_id')
    .execute();
  return new Map(rows.map((r) => [r.campaign_id, Number(r.n)]));
}

export async function getVisit(db: Db, id: string): Promise<CampaignVisitRow | undefined> {
  return db.selectFrom('campaign_visit').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertVisit(db: Db, row: Insertable<CampaignVisitTable>): Promise<void> {
  await db.insertInto('campaign_visit').values(row).execute();
}

/** A campaign's visits (of one household, when named), oldest first. */
export async function findVisits(
  db: Db,
  campaignId: string,
  householdId?: string,
): Promise<CampaignVisitRow[]> {
  let q = db.selectFrom('campaign_visit').selectAll().where('campaign_id', '=', campaignId);
  if (householdId) q = q.where('household_id', '=', householdId);
  return q.orderBy('at').orderBy('id').execute();
}

export async function setVisitIssue(db: Db, id: string, issueId: string): Promise<void> {
  await db.updateTable('campaign_visit').set({ issue_id: issueId }).where('id', '=', id).execute();
}

/** Whether any campaign runs in, or goes to, the unit. */
export async function unitHasCampaigns(db: Db, unitId: string): Promise<boolean> {
  const owner = await db
    .selectFrom('campaign')
    .select('id')
    .where('owner_unit_id', '=', unitId)
    .limit(1)
    .executeTakeFirst();
  if (owner) return true;
  const target = await db
    .selectFrom('campaign_target')
    .select('campaign_id')
    .where('unit_id', '=', unitId)
    .limit(1)
    .executeTakeFirst();
  return target !== undefined;
}
