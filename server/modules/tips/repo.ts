import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db';
import { inScope, underPaths } from '../../db/area';
import { paginate, type Page } from '../../db/paging';
import type { TipStepTable, TipTable } from '../../db/schema';

export type TipRow = TipTable;
export type TipStepRow = TipStepTable;

export const getTip = (db: Db, id: string): Promise<TipRow | undefined> =>
  db.selectFrom('tip').selectAll().where('id', '=', id).executeTakeFirst();

export const getTipByCode = (db: Db, code: string): Promise<TipRow | undefined> =>
  db.selectFrom('tip').selectAll().where('tracking_code', '=', code).executeTakeFirst();

export const getTipByMessageId = (db: Db, messageId: string): Promise<TipRow | undefined> =>
  db.selectFrom('tip').selectAll().where('message_id', '=', messageId).executeTakeFirst();

export async function insertTip(db: Db, row: Insertable<TipTable>): Promise<void> {
  await db.insertInto('tip').values(row).execute();
}

export async function updateTip(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<TipTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('tip')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function insertStep(db: Db, row: Insertable<TipStepTable>): Promise<void> {
  await db.insertInto('tip_step').values(row).execute();
}

export const findSteps = (db: Db, tipId: string) =>
  db
    .selectFrom('tip_step')
    .selectAll('tip_step')
    .where('tip_id', '=', tipId)
    .orderBy('at')
    .orderBy('tip_step.id')
    .execute();

export interface TipFilter {
  paths: string[];
  status?: string;
  topic?: TipTable['topic'];
  channel?: TipTable['channel'];
  q?: string;
}

function filtered(db: Db, f: TipFilter) {
  let q = inScope(db.selectFrom('tip').selectAll('tip'), 'tip', underPaths(f.paths));
  if (f.status) q = q.where('tip.status', '=', f.status);
  if (f.topic) q = q.where('tip.topic', '=', f.topic);
  if (f.channel) q = q.where('tip.channel', '=', f.channel);
  if (f.q) {
    const code = f.q.toUpperCase();
    q = q.where((eb) =>
      eb.or([eb('tip.tracking_code', '=', code), eb('tip.description', 'like', `%${f.q}%`)]),
    );
  }
  return q;
}

export async function findTips(
  db: Db,
  f: TipFilter,
  page: Page,
): Promise<{ rows: TipRow[]; total: number }> {
  if (f.paths.length === 0) return { rows: [], total: 0 };
  return paginate(
    db,
    filtered(db, f).orderBy('tip.created_at', 'desc').orderBy('tip.id', 'desc'),
    page,
  );
}

export async function unitHasTips(db: Db, unitId: string): Promise<boolean> {
  const hit = await db
    .selectFrom('tip')
    .select('id')
    .where((eb) => eb.or([eb('street_id', '=', unitId), eb('community_id', '=', unitId)]))
    .limit(1)
    .executeTakeFirst();
  return hit !== undefined;
}

/**
 * Records a solved challenge as spent; false when it already was. Expired ones are let go first,
 * as a challenge past its expiry is refused by its signature anyway.
 */
export async function spendChallenge(
  db: Db,
  signature: string,
  now: string,
  expiresAt: string,
): Promise<boolean> {
  await db.deleteFrom('spent_challenge').where('expires_at', '<', now).execute();
  const row = await db
    .insertInto('spent_challenge')
    .values({ signature, expires_at: expiresAt })
    .onConflict((oc) => oc.column('signature').doNothing())
    .returning('signature')
    .executeTakeFirst();
  return row !== undefined;
}
