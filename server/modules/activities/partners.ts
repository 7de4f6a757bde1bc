import type { Partner, PartnerCreate, PartnerUpdate } from '../../../common/schemas/activities';
import type { Db } from '../../db';
import type { PartnerRow } from '../../db/schema';
import { AppError, forbidden, notFound, stale } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { hasRole } from '../../lib/caller';
import { describeUnits } from '../org/service';
import { ACTIVITY_MANAGERS, ACTIVITY_READERS, coversStreet, partnerScope } from './access';
import * as repo from './repo';
import type { Ctx } from './service';

/**
 * Partner organisations (合作机构) are kept per street, so that 美源口腔医院 entered once by one
 * community is there for the next activity of any community of the street.
 */
const present = (p: PartnerRow & { activities?: number | string | null }): Partner => ({
  id: p.id,
  streetId: p.street_id,
  name: p.name,
  kind: p.kind as Partner['kind'],
  contact: p.contact,
  activities: Number(p.activities ?? 0),
  version: Number(p.version),
});

export async function listPartners(opts: Ctx): Promise<{ items: Partner[] }> {
  const { db, caller } = opts;
  if (!hasRole(caller, ACTIVITY_READERS)) throw forbidden();
  const scope = partnerScope(caller, ACTIVITY_READERS);
  return { items: (await repo.findPartners(db, scope.streets, scope.districts)).map(present) };
}

async function presentOne(db: Db, id: string): Promise<Partner> {
  const row = (await repo.getPartner(db, id))!;
  const count = (await repo.findPartners(db, [row.street_id], [])).find((p) => p.id === id);
  return present({ ...row, activities: count?.activities ?? 0 });
}

export async function createPartner(
  opts: Ctx & { input: PartnerCreate },
): Promise<{ partner: Partner; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    if (input.id) {
      const existing = await repo.getPartner(db, input.id);
      if (existing) {
        if (existing.created_by !== caller.userId || existing.name !== input.name)
          throw new AppError(409, 'ID_CONFLICT');
        return { partner: await presentOne(db, existing.id), created: false };
      }
    }
    if (!hasRole(caller, ACTIVITY_MANAGERS)) throw forbidden();
    const scope = partnerScope(caller, ACTIVITY_MANAGERS);
    let streetId = input.streetId;
    if (!streetId) {
      if (scope.streets.length !== 1 || scope.districts.length > 0)
        throw new AppError(400, 'PARTNER_STREET_REQUIRED', {}, { field: 'streetId' });
      streetId = scope.streets[0];
    }
    const street = (await describeUnits(db, [streetId])).get(streetId);
    if (!street || street.kind !== 'street')
      throw new AppError(404, 'NOT_FOUND', {}, { field: 'streetId' });
    if (!coversStreet(scope, { street_id: streetId, org_path: street.path }))
      throw new AppError(404, 'NOT_FOUND', {}, { field: 'streetId' });
    if (await repo.findPartnerByName(db, streetId, input.name))
      throw new AppError(409, 'PARTNER_NAME_TAKEN', {}, { field: 'name' });
    const now = nowIso();
    const row = {
      id: input.id ?? newId(),
      street_id: streetId,
      org_path: street.path,
      name: input.name,
      kind: input.kind,
      contact: input.contact || null,
      created_by: caller.userId,
      version: 1,
      created_at: now,
      updated_at: now,
    };
    try {
      await repo.insertPartner(db, row);
    } catch (e) {
      if (repo.isUniqueViolation(e))
        throw new AppError(409, 'PARTNER_NAME_TAKEN', {}, { field: 'name' });
      throw e;
    }
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'partner.create',
      entity: 'partner',
      entityId: row.id,
      orgPath: row.org_path,
    });
    return { partner: await presentOne(db, row.id), created: true };
  });
}

export async function updatePartner(
  opts: Ctx & { id: string; input: PartnerUpdate },
): Promise<Partner> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const p = await repo.getPartner(db, opts.id);
    if (!p || !coversStreet(partnerScope(caller, ACTIVITY_READERS), p)) throw notFound();
    if (!coversStreet(partnerScope(caller, ACTIVITY_MANAGERS), p)) throw forbidden();
    if (p.version !== input.version) throw stale(await presentOne(db, p.id));
    const other = await repo.findPartnerByName(db, p.street_id, input.name);
    if (other && other.id !== p.id)
      throw new AppError(409, 'PARTNER_NAME_TAKEN', {}, { field: 'name' });
    const ok = await repo.updatePartner(db, p.id, input.version, {
      name: input.name,
      kind: input.kind,
      contact: input.contact || null,
      updated_at: nowIso(),
    });
    if (!ok) throw stale(await presentOne(db, p.id));
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'partner.update',
      entity: 'partner',
      entityId: p.id,
      orgPath: p.org_path,
    });
    return presentOne(db, p.id);
  });
}
