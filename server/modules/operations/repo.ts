import { sql, type Insertable, type Updateable } from 'kysely';
import type { Db } from '../../db';
import { inScope, underPaths } from '../../db/area';
import { paginate, type Page } from '../../db/paging';
import type {
  OperationBatchRow,
  OperationBatchTable,
  OperationLogRow,
  OperationLogTable,
  OperationRow,
  OperationShiftRow,
  OperationShiftTable,
  OperationSupplyIssueRow,
  OperationSupplyIssueTable,
  OperationSupplyRow,
  OperationSupplyTable,
  OperationTable,
} from '../../db/schema';

/** An operation with the counts its list shows. */
export type OperationView = OperationRow & {
  batch_count: number | string | null;
  head_count: number | string | null;
  departed_count: number | string | null;
};

function operationViews(db: Db) {
  return db
    .selectFrom('operation')
    .selectAll('operation')
    .select((eb) => [
      eb
        .selectFrom('operation_batch as b')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('b.operation_id', '=', 'operation.id')
        .as('batch_count'),
      eb
        .selectFrom('operation_batch as b')
        .select((e) => e.fn.sum<number>('b.head_count').as('n'))
        .whereRef('b.operation_id', '=', 'operation.id')
        .as('head_count'),
      eb
        .selectFrom('operation_batch as b')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('b.operation_id', '=', 'operation.id')
        .where('b.status', '=', 'departed')
        .as('departed_count'),
    ]);
}

export async function getOperation(db: Db, id: string): Promise<OperationRow | undefined> {
  return db.selectFrom('operation').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function getOperationView(db: Db, id: string): Promise<OperationView | undefined> {
  return operationViews(db).where('operation.id', '=', id).executeTakeFirst();
}

export interface OperationFilter {
  /** Operations whose org path starts with one of these. */
  underPaths: string[];
  q?: string;
  status?: OperationRow['status'];
}

export async function findOperations(
  db: Db,
  f: OperationFilter,
  page: Page,
): Promise<{ rows: OperationView[]; total: number }> {
  if (f.underPaths.length === 0) return { rows: [], total: 0 };
  let q = inScope(operationViews(db), 'operation', underPaths(f.underPaths));
  if (f.status) q = q.where('operation.status', '=', f.status);
  if (f.q) q = q.where('operation.title', 'like', `%${f.q.replace(/[%_\\]/g, '')}%`);
  return paginate(
    db,
    q.orderBy('operation.start_date', 'desc').orderBy('operation.id', 'desc'),
    page,
  );
}

export async function insertOperation(db: Db, row: Insertable<OperationTable>): Promise<void> {
  await db.insertInto('operation').values(row).execute();
}

/** Updates the row if it is still at the version read; false when someone else changed it first. */
export async function updateOperation(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<OperationTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('operation')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ——— batches ———

export async function getBatch(db: Db, id: string): Promise<OperationBatchRow | undefined> {
  return db.selectFrom('operation_batch').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findBatches(db: Db, operationId: string): Promise<OperationBatchRow[]> {
  return db
    .selectFrom('operation_batch')
    .selectAll()
    .where('operation_id', '=', operationId)
    .orderBy('planned_at')
    .orderBy('id')
    .execute();
}

export async function insertBatch(db: Db, row: Insertable<OperationBatchTable>): Promise<void> {
  await db.insertInto('operation_batch').values(row).execute();
}

export async function updateBatch(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<OperationBatchTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('operation_batch')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

// ——— supplies ———

export async function getSupply(db: Db, id: string): Promise<OperationSupplyRow | undefined> {
  return db.selectFrom('operation_supply').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findSupplies(db: Db, operationId: string): Promise<OperationSupplyRow[]> {
  return db
    .selectFrom('operation_supply')
    .selectAll()
    .where('operation_id', '=', operationId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertSupply(db: Db, row: Insertable<OperationSupplyTable>): Promise<void> {
  await db.insertInto('operation_supply').values(row).execute();
}

/** A new prepared amount (or name), refused by the database too when it falls below what was issued. */
export async function updateSupply(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<OperationSupplyTable>,
): Promise<boolean> {
  let q = db
    .updateTable('operation_supply')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version);
  if (typeof patch.prepared === 'number') q = q.where('issued', '<=', patch.prepared);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * Takes `quantity` from what is left, in one statement, so two issues at once never take more than
 * was prepared; false when not enough is left.
 */
export async function takeSupply(
  db: Db,
  id: string,
  quantity: number,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('operation_supply')
    .set({
      issued: sql<number>`issued + ${quantity}`,
      version: sql<number>`version + 1`,
      updated_at: now,
    })
    .where('id', '=', id)
    .where(sql<boolean>`prepared - issued >= ${quantity}`)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function getSupplyIssue(
  db: Db,
  id: string,
): Promise<OperationSupplyIssueRow | undefined> {
  return db
    .selectFrom('operation_supply_issue')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertSupplyIssue(
  db: Db,
  row: Insertable<OperationSupplyIssueTable>,
): Promise<void> {
  await db.insertInto('operation_supply_issue').values(row).execute();
}

/** Issues of the operation's supplies, with the train of the batch each went to. */
export async function findSupplyIssues(db: Db, operationId: string) {
  return db
    .selectFrom('operation_supply_issue as i')
    .leftJoin('operation_batch as b', 'b.id', 'i.batch_id')
    .selectAll('i')
    .select('b.train_no as train_no')
    .where('i.operation_id', '=', operationId)
    .orderBy('i.at')
    .orderBy('i.id')
    .execute();
}

// ——— roster ———

export async function getShift(db: Db, id: string): Promise<OperationShiftRow | undefined> {
  return db.selectFrom('operation_shift').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findShifts(db: Db, operationId: string): Promise<OperationShiftRow[]> {
  return db
    .selectFrom('operation_shift')
    .selectAll()
    .where('operation_id', '=', operationId)
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
}

export async function insertShift(db: Db, row: Insertable<OperationShiftTable>): Promise<void> {
  await db.insertInto('operation_shift').values(row).execute();
}

export async function updateShift(
  db: Db,
  id: string,
  version: number,
  patch: Updateable<OperationShiftTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('operation_shift')
    .set({ ...patch, version: sql<number>`version + 1` })
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteShift(db: Db, id: string, version: number): Promise<boolean> {
  const r = await db
    .deleteFrom('operation_shift')
    .where('id', '=', id)
    .where('version', '=', version)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

// ——— log ———

export async function getLogEntry(db: Db, id: string): Promise<OperationLogRow | undefined> {
  return db.selectFrom('operation_log').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findLog(db: Db, operationId: string): Promise<OperationLogRow[]> {
  return db
    .selectFrom('operation_log')
    .selectAll()
    .where('operation_id', '=', operationId)
    .orderBy('at')
    .orderBy('id')
    .execute();
}

export async function insertLogEntry(db: Db, row: Insertable<OperationLogTable>): Promise<void> {
  await db.insertInto('operation_log').values(row).execute();
}

/** Whether any operation belongs to the unit. */
export async function unitHasOperations(db: Db, unitId: string): Promise<boolean> {
  const hit = await db
    .selectFrom('operation')
    .select('id')
    .where('owner_unit_id', '=', unitId)
    .limit(1)
    .executeTakeFirst();
  return hit !== undefined;
}
