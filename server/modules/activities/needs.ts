import type { Need, NeedCreate } from '../../../common/schemas/activities';
import { AppError } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { createIntakeReferral } from '../cases/intake-referrals';
import { fieldCipher } from '../../lib/crypto';
import { reportIssue } from '../issues/service';
import { helpableActivity } from './access';
import * as repo from './repo';
import { presentNeeds, type Ctx } from './service';

/**
 * A need noticed at an activity becomes, in one step and one transaction, an issue on the board (a
 * broken step at the venue, clutter in a stairwell) or a referral to the street's social work station
 * (an old man living alone who needs help); the activity keeps the need with a link to what it became.
 */
export async function recordNeed(
  opts: Ctx & { id: string; input: NeedCreate },
): Promise<{ need: Need; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const present = async (needId: string): Promise<Need> => {
      const n = (await repo.findNeeds(db, opts.id)).find((x) => x.id === needId)!;
      return (await presentNeeds(db, [n]))[0];
    };
    if (input.id) {
      const existing = await repo.getNeed(db, input.id);
      if (existing) {
        const same =
          existing.activity_id === opts.id &&
          existing.kind === input.kind &&
          existing.created_by === caller.userId;
        if (!same) throw new AppError(409, 'ID_CONFLICT');
        return { need: await present(existing.id), created: false };
      }
    }
    const a = await helpableActivity(db, caller, opts.id);
    const att = input.attendanceId ? await repo.getAttendance(db, input.attendanceId) : undefined;
    if (input.attendanceId && (!att || att.activity_id !== a.id))
      throw new AppError(400, 'NOT_FOUND', {}, { field: 'attendanceId' });
    const needId = input.id ?? newId();
    let targetId: string;
    let name: string | null = att?.name ?? null;
    if (input.kind === 'issue') {
      const issue = await reportIssue(db, caller, {
        id: input.targetId,
        source: 'activity',
        sourceId: needId,
        category: input.category,
        gridId: input.gridId,
        location: { text: a.place.slice(0, 200) },
        description: input.description,
        photoIds: input.photoIds,
      });
      targetId = issue.id;
    } else {
      name = input.name ?? att?.name ?? null;
      if (!name) throw new AppError(400, 'ACTIVITY_NEED_NAME_REQUIRED', {}, { field: 'name' });
      const phone =
        input.phone ?? (att?.phone_sealed ? fieldCipher().open(att.phone_sealed) : null);
      const referral = await createIntakeReferral(db, caller, {
        id: input.targetId,
        streetId: a.street_id,
        residentId: att?.resident_id ?? null,
        name,
        phone,
        need: input.description,
        source: 'activity',
        sourceId: needId,
      });
      targetId = referral.id;
    }
    await repo.insertNeed(db, {
      id: needId,
      activity_id: a.id,
      street_id: a.street_id,
      kind: input.kind,
      description: input.description,
      attendance_id: att?.id ?? null,
      name,
      target_id: targetId,
      created_by: caller.userId,
      created_at: nowIso(),
    });
    await recordAudit(db, {
      actor: actorOf(caller),
      action: `activity.need.${input.kind}`,
      entity: 'activity',
      entityId: a.id,
      detail: `${needId} → ${targetId}`,
      orgPath: a.org_path,
    });
    return { need: await present(needId), created: true };
  });
}
