import { sql, type Updateable } from 'kysely';
import type { Db } from '../../db';
import { areaCondition, underPaths } from '../../db/area';
import { paginate, type Page } from '../../db/paging';
import type { ReferralRow, ReferralTable, ResourceRow, ResourceTable } from '../../db/schema';
import { changed } from './repo';

// ——— resources ———

export async function getResource(db: Db, id: string): Promise<ResourceRow | undefined> {
  return db.selectFrom('resource').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertResource(db: Db, row: ResourceRow): Promise<void> {
  await db.insertInto('resource').values(row).execute();
}

export async function updateResource(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<ResourceTable>,
): Promise<boolean> {
  return changed(
    db
      .updateTable('resource')
      .set({ ...patch, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version),
  );
}

export interface ResourceFilter {
  /** Resources owned by exactly one of these units (a street and the district above it)… */
  ownerPaths: string[];
  /** …or by any unit under one of these (a district admin's streets). */
  underPaths: string[];
  category?: string;
  status?: string;
  q?: string;
  /** Categories whose label (in any language) the search text matches: their resources match too. */
  qCategories?: string[];
}

function filteredResources(db: Db, f: ResourceFilter) {
  let q = db
    .selectFrom('resource')
    .where((eb) =>
      eb.or([
        ...(f.ownerPaths.length ? [eb('org_path', 'in', f.ownerPaths)] : []),
        ...(f.underPaths.length ? [areaCondition(eb, 'resource', underPaths(f.underPaths))!] : []),
      ]),
    );
  if (f.category) q = q.where('category', '=', f.category);
  if (f.status) q = q.where('status', '=', f.status as ResourceRow['status']);
  if (f.q) {
    const part = `%${f.q}%`;
    const categories = f.qCategories ?? [];
    q = q.where((eb) =>
      eb.or([
        eb('name', 'like', part),
        eb('provider', 'like', part),
        ...(categories.length ? [eb('category', 'in', categories)] : []),
      ]),
    );
  }
  return q;
}

export async function findResources(db: Db, f: ResourceFilter, page: Page) {
  if (f.ownerPaths.length + f.underPaths.length === 0)
    return { rows: [] as ResourceRow[], total: 0 };
  return paginate(
    db,
    filteredResources(db, f)
      .selectAll()
      .orderBy('status')
      .orderBy('category')
      .orderBy('name')
      .orderBy('id'),
    page,
  );
}

// ——— referrals ———

export async function getReferral(db: Db, id: string): Promise<ReferralRow | undefined> {
  return db.selectFrom('referral').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertReferral(db: Db, row: ReferralRow): Promise<void> {
  await db.insertInto('referral').values(row).execute();
}

export async function updateReferral(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<ReferralTable>,
): Promise<boolean> {
  return changed(
    db
      .updateTable('referral')
      .set({ ...patch, version: sql<number>`version + 1` })
      .where('id', '=', id)
      .where('version', '=', version),
  );
}

export async function findReferrals(db: Db, by: { caseId?: string; id?: string }) {
  let q = db
    .selectFrom('referral as f')
    .innerJoin('resource as s', 's.id', 'f.resource_id')
    .selectAll('f')
    .select([
      's.name as resource_name',
      's.category as resource_category',
      's.provider as resource_provider',
    ]);
  if (by.caseId) q = q.where('f.case_id', '=', by.caseId);
  if (by.id) q = q.where('f.id', '=', by.id);
  return q.orderBy('f.requested_at').orderBy('f.id').execute();
}
export type ReferralView = Awaited<ReturnType<typeof findReferrals>>[number];
