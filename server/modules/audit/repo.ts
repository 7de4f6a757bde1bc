import type { Db } from '../../db';
import { inScope, underPaths } from '../../db/area';
import { paginate, type Page } from '../../db/paging';
import type { AuditLogRow, NewAuditLog } from '../../db/schema';

export async function insertAuditEntry(db: Db, entry: NewAuditLog): Promise<void> {
  await db.insertInto('audit_log').values(entry).execute();
}

export interface AuditFilter {
  username?: string;
  entity?: string;
  action?: string;
  fromIso?: string;
  toIso?: string;
  /** Only entries about units under one of these paths (or about no unit when null is allowed). */
  scopePaths?: string[];
}

function filtered(db: Db, f: AuditFilter) {
  let q = db.selectFrom('audit_log');
  if (f.username) q = q.where('username', '=', f.username);
  if (f.entity) q = q.where('entity', '=', f.entity);
  if (f.action) q = q.where('action', 'like', `${f.action}%`);
  if (f.fromIso) q = q.where('at', '>=', f.fromIso);
  if (f.toIso) q = q.where('at', '<', f.toIso);
  if (f.scopePaths) q = inScope(q, 'audit_log', underPaths(f.scopePaths));
  return q;
}

export async function findAuditEntries(
  db: Db,
  f: AuditFilter,
  page: Page,
): Promise<{ rows: AuditLogRow[]; total: number }> {
  return paginate(
    db,
    filtered(db, f).selectAll().orderBy('at', 'desc').orderBy('id', 'desc'),
    page,
  );
}
