import type { AuditEntry, AuditQuery } from '../../../common/schemas/audit';
import type { StaffActor } from '../../../common/schemas/auth';
import { resources, type Locale } from '../../../common/i18n';
import type { Db } from '../../db';
import { pageOf } from '../../db/paging';
import type { AuditLogRow } from '../../db/schema';
import { forbidden } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso, shanghaiDayEnd, shanghaiDayStart } from '../../lib/time';
import { renderWorkbookInWorker } from '../../lib/render-pool';
import { hasRole, scopePaths, type Caller } from '../../lib/caller';
import { findAuditEntries, insertAuditEntry, type AuditFilter } from './repo';
import { actionInWords, detailInWords, entityInWords } from '../../../common/audit-words';

export interface AuditRecord {
  actor: { userId?: string | null; username?: string | null; ip?: string | null };
  action: string;
  entity?: string;
  entityId?: string;
  result?: 'ok' | 'denied' | 'failed';
  changedFields?: string[];
  detail?: string;
  /** Path of the unit the entry concerns; decides which admins can read it. */
  orgPath?: string | null;
}

/** Appends one entry. Called inside the write's own transaction, so an entry exists exactly when the write does. */
export async function recordAudit(db: Db, r: AuditRecord): Promise<void> {
  await insertAuditEntry(db, {
    id: newId(),
    at: nowIso(),
    user_id: r.actor.userId ?? null,
    username: r.actor.username ?? null,
    ip: r.actor.ip ?? null,
    action: r.action,
    entity: r.entity ?? null,
    entity_id: r.entityId ?? null,
    result: r.result ?? 'ok',
    changed_fields: r.changedFields?.length ? JSON.stringify(r.changedFields) : null,
    detail: r.detail ?? null,
    org_path: r.orgPath ?? null,
  });
}

/** Who each user id is (name and highest role), for the register's readers. */
export type ActorLookup = (db: Db, userIds: string[]) => Promise<Map<string, StaffActor>>;
let lookUpActors: ActorLookup = () => Promise.resolve(new Map<string, StaffActor>());

/**
 * The auth module names the register's actors (auth/staff-service.ts, as it loads). It records its
 * own log-ins and staff changes here, so this module cannot import it back without a cycle.
 */
export function provideActorLookup(lookup: ActorLookup): void {
  lookUpActors = lookup;
}

export const actorOf = (c: Caller) => ({ userId: c.userId, username: c.username, ip: c.ip });

function filterFor(caller: Caller, q: AuditQuery): AuditFilter {
  if (!hasRole(caller, ['districtAdmin', 'streetAdmin'])) throw forbidden();
  return {
    username: q.username,
    entity: q.entity,
    action: q.action,
    fromIso: q.from ? shanghaiDayStart(q.from) : undefined,
    toIso: q.to ? shanghaiDayEnd(q.to) : undefined,
    // A district admin reads everything, entries about no unit (log-ins) included; a street admin its street's.
    scopePaths: hasRole(caller, ['districtAdmin'])
      ? undefined
      : scopePaths(caller, ['streetAdmin']),
  };
}

function present(r: AuditLogRow, actors = new Map<string, StaffActor>()): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    userId: r.user_id,
    username: r.username,
    actor: (r.user_id && actors.get(r.user_id)) || null,
    ip: r.ip,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    result: r.result,
    changedFields: r.changed_fields ? (JSON.parse(r.changed_fields) as string[]) : [],
    detail: r.detail,
  };
}

export async function searchAudit(opts: { db: Db; caller: Caller; query: AuditQuery }) {
  const { page, pageSize } = opts.query;
  const { rows, total } = await findAuditEntries(
    opts.db,
    filterFor(opts.caller, opts.query),
    pageOf(opts.query),
  );
  const actors = await lookUpActors(
    opts.db,
    rows.flatMap((r) => (r.user_id ? [r.user_id] : [])),
  );
  return { items: rows.map((r) => present(r, actors)), total, page, pageSize };
}

/** Rows an export may hold: more than a year of a street's work, less than would exhaust memory. */
export const AUDIT_EXPORT_LIMIT = 50_000;

export async function exportAudit(opts: {
  db: Db;
  caller: Caller;
  query: AuditQuery;
  locale: Locale;
}): Promise<Buffer> {
  const { rows } = await findAuditEntries(opts.db, filterFor(opts.caller, opts.query), {
    limit: AUDIT_EXPORT_LIMIT,
    offset: 0,
  });
  const m = resources[opts.locale];
  const name = opts.locale === 'zh-CN' ? '操作日志' : 'Audit log';
  const cols = m.auditColumns;
  const columns = [
    { header: cols.at, key: 'at', width: 18 },
    { header: cols.username, key: 'username', width: 14 },
    { header: cols.ip, key: 'ip', width: 16 },
    { header: cols.action, key: 'action', width: 22 },
    { header: cols.entity, key: 'entity', width: 14 },
    { header: cols.entityId, key: 'entityId', width: 38 },
    { header: cols.result, key: 'result', width: 8 },
    { header: cols.changedFields, key: 'changedFields', width: 24 },
    { header: cols.detail, key: 'detail', width: 40, wrap: true },
  ];
  const sheetRows = rows.map((r) => {
    const e = present(r);
    return {
      at: e.at,
      username: e.username,
      ip: e.ip,
      action: actionInWords(e.action, opts.locale),
      entity: entityInWords(e.entity, opts.locale),
      entityId: e.entityId,
      result: m.auditResults[e.result],
      changedFields: e.changedFields.join(opts.locale === 'zh-CN' ? '、' : ', '),
      detail: detailInWords(e.detail, opts.locale),
    };
  });
  await recordAudit(opts.db, {
    actor: actorOf(opts.caller),
    action: 'audit.export',
    entity: 'auditLog',
    detail: `${rows.length}`,
  });
  return renderWorkbookInWorker({
    sheets: [
      {
        name,
        columns,
        rows: sheetRows,
        frozenHeader: true,
        print: { title: name, locale: opts.locale },
      },
    ],
  });
}
