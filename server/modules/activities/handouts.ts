import type {
  HandoutGive,
  HandoutItem,
  HandoutItemCreate,
} from '../../../common/schemas/activities';
import type { ActivityHandoutItemRow } from '../../db/schema';
import { AppError, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { helpableActivity, managedActivity } from './access';
import * as repo from './repo';
import type { Ctx } from './service';

/**
 * Handouts (发放物资): the items prepared for an activity with their stock, and each giving. Stock left
 * is prepared − given; the given count moves in one conditional update, so it never goes past the stock.
 */
export const presentHandoutItem = (i: ActivityHandoutItemRow): HandoutItem => ({
  id: i.id,
  item: i.item,
  unit: i.unit,
  prepared: Number(i.prepared),
  given: Number(i.given),
  left: Number(i.prepared) - Number(i.given),
});

export async function addHandoutItem(
  opts: Ctx & { id: string; input: HandoutItemCreate },
): Promise<{ item: HandoutItem; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const a = await managedActivity(db, caller, opts.id);
    if (input.id) {
      const existing = await repo.getHandoutItem(db, input.id);
      if (existing) {
        if (existing.activity_id !== a.id || existing.item !== input.item)
          throw new AppError(409, 'ID_CONFLICT');
        return { item: presentHandoutItem(existing), created: false };
      }
    }
    if (a.status === 'finished' || a.status === 'cancelled')
      throw new AppError(409, 'ACTIVITY_NOT_OPEN');
    const row = {
      id: input.id ?? newId(),
      activity_id: a.id,
      street_id: a.street_id,
      item: input.item,
      unit: input.unit,
      prepared: input.prepared,
      given: 0,
      created_at: nowIso(),
    };
    await repo.insertHandoutItem(db, row);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'activity.handoutItem',
      entity: 'activity',
      entityId: a.id,
      detail: `${input.item} ${input.prepared}${input.unit}`,
      orgPath: a.org_path,
    });
    return { item: presentHandoutItem(row), created: true };
  });
}

/** Corrects the stock prepared (more kits arrived); never below what was already given. */
export async function setHandoutPrepared(
  opts: Ctx & { id: string; itemId: string; prepared: number },
): Promise<HandoutItem> {
  const { caller } = opts;
  return opts.db.transaction().execute(async (db) => {
    const a = await managedActivity(db, caller, opts.id);
    const item = await repo.getHandoutItem(db, opts.itemId);
    if (!item || item.activity_id !== a.id) throw notFound();
    if (!(await repo.setPrepared(db, item.id, opts.prepared)))
      throw new AppError(
        409,
        'HANDOUT_PREPARED_TOO_LOW',
        { given: Number(item.given) },
        { field: 'prepared', current: presentHandoutItem(item) },
      );
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'activity.handoutStock',
      entity: 'activity',
      entityId: a.id,
      detail: `${item.item} ${item.prepared} → ${opts.prepared}`,
      orgPath: a.org_path,
    });
    return presentHandoutItem((await repo.getHandoutItem(db, item.id))!);
  });
}

export async function giveHandout(
  opts: Ctx & { id: string; input: HandoutGive },
): Promise<{ id: string; created: boolean; item: HandoutItem }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    if (input.id) {
      const existing = await repo.getHandout(db, input.id);
      if (existing) {
        const same =
          existing.activity_id === opts.id &&
          existing.item_id === input.itemId &&
          existing.quantity === input.quantity &&
          existing.created_by === caller.userId;
        if (!same) throw new AppError(409, 'ID_CONFLICT');
        const item = (await repo.getHandoutItem(db, existing.item_id))!;
        return { id: existing.id, created: false, item: presentHandoutItem(item) };
      }
    }
    const a = await helpableActivity(db, caller, opts.id);
    const item = await repo.getHandoutItem(db, input.itemId);
    if (!item || item.activity_id !== a.id)
      throw new AppError(400, 'NOT_FOUND', {}, { field: 'itemId' });
    if (input.attendanceId) {
      const att = await repo.getAttendance(db, input.attendanceId);
      if (!att || att.activity_id !== a.id)
        throw new AppError(400, 'NOT_FOUND', {}, { field: 'attendanceId' });
    }
    if (!(await repo.takeStock(db, item.id, input.quantity))) {
      const now = (await repo.getHandoutItem(db, item.id))!;
      const left = Number(now.prepared) - Number(now.given);
      throw new AppError(
        409,
        'HANDOUT_STOCK_EXCEEDED',
        { item: now.item, left, unit: now.unit },
        { field: 'quantity', current: presentHandoutItem(now) },
      );
    }
    const id = input.id ?? newId();
    await repo.insertHandout(db, {
      id,
      activity_id: a.id,
      item_id: item.id,
      street_id: a.street_id,
      attendance_id: input.attendanceId ?? null,
      quantity: input.quantity,
      given_at: nowIso(),
      created_by: caller.userId,
    });
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'activity.handout',
      entity: 'activity',
      entityId: a.id,
      detail: `${item.item} ×${input.quantity}`,
      orgPath: a.org_path,
    });
    return {
      id,
      created: true,
      item: presentHandoutItem((await repo.getHandoutItem(db, item.id))!),
    };
  });
}
