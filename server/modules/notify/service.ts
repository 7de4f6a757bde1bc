import { adminRoles } from '../../../common/roles';
import type { Webhook, WebhookCreate, WebhookUpdate } from '../../../common/schemas/notify';
import type { Db } from '../../db';
import type { NotifyWebhookRow } from '../../db/schema';
import { fieldCipher } from '../../lib/crypto';
import { AppError, forbidden, notFound, stale } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { covers, type Caller } from '../../lib/caller';
import { describeUnits, idsOnPath } from '../org/service';
import type { Jobs } from '../../jobs/jobs';
import { postToRobot } from './robot';
import * as repo from './repo';

type Ctx = { db: Db; caller: Caller };

/** What shows of a robot's address: enough to tell two apart, not enough to post to it. */
function urlHint(url: string): string {
  const u = new URL(url);
  return `${u.host}…${url.slice(-4)}`;
}

/** The unit, when the caller administers it; 404 when they cannot see it, 403 when they only read it. */
async function managedUnit(db: Db, caller: Caller, unitId: string) {
  const unit = (await describeUnits(db, [unitId])).get(unitId);
  if (!unit || !covers(caller, unit.path))
    throw new AppError(404, 'NOT_FOUND', {}, { field: 'unitId' });
  if (!covers(caller, unit.path, adminRoles)) throw forbidden();
  const above = await describeUnits(db, idsOnPath(unit.path));
  const streetId = idsOnPath(unit.path).find((id) => above.get(id)?.kind === 'street') ?? null;
  return { id: unitId, name: unit.name, path: unit.path, streetId };
}

function present(r: NotifyWebhookRow, unitName: string): Webhook {
  return {
    id: r.id,
    unitId: r.org_unit_id,
    unitName,
    kind: r.kind,
    name: r.name,
    urlHint: r.url_hint,
    signed: r.secret_sealed !== null,
    status: r.status,
    lastSentAt: r.last_sent_at,
    lastError: r.last_error,
    version: r.version,
    createdAt: r.created_at,
  };
}

export async function listWebhooks(opts: Ctx & { unitId: string }): Promise<Webhook[]> {
  const unit = await managedUnit(opts.db, opts.caller, opts.unitId);
  return (await repo.findWebhooks(opts.db, [unit.id], false)).map((r) => present(r, unit.name));
}

async function managedWebhook(db: Db, caller: Caller, id: string) {
  const row = await repo.getWebhook(db, id);
  if (!row) throw notFound();
  const unit = await managedUnit(db, caller, row.org_unit_id);
  return { row, unit };
}

export async function createWebhook(
  opts: Ctx & { input: WebhookCreate },
): Promise<{ webhook: Webhook; created: boolean }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const unit = await managedUnit(db, caller, input.unitId);
    const id = input.id ?? newId();
    const existing = await repo.getWebhook(db, id);
    if (existing) {
      if (existing.org_unit_id !== input.unitId || existing.name !== input.name)
        throw new AppError(409, 'ID_CONFLICT');
      return { webhook: present(existing, unit.name), created: false };
    }
    const now = nowIso();
    const cipher = fieldCipher();
    const row = {
      id,
      org_unit_id: unit.id,
      street_id: unit.streetId,
      org_path: unit.path,
      kind: input.kind,
      name: input.name,
      url_sealed: cipher.seal(input.url),
      url_hint: urlHint(input.url),
      secret_sealed: input.secret ? cipher.seal(input.secret) : null,
      status: 'active' as const,
      last_sent_at: null,
      last_error: null,
      version: 1,
      created_by: caller.userId,
      created_at: now,
      updated_at: now,
    };
    await repo.insertWebhook(db, row);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'webhook.create',
      entity: 'webhook',
      entityId: id,
      changedFields: ['kind', 'name', 'url', ...(input.secret ? ['secret'] : [])],
      orgPath: unit.path,
    });
    return { webhook: present(row, unit.name), created: true };
  });
}

export async function updateWebhook(
  opts: Ctx & { id: string; input: WebhookUpdate },
): Promise<Webhook> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const { row, unit } = await managedWebhook(db, caller, opts.id);
    if (row.version !== input.version) throw stale(present(row, unit.name));
    const cipher = fieldCipher();
    const patch = {
      ...(input.name !== undefined && { name: input.name }),
      ...(input.status !== undefined && { status: input.status }),
      ...(input.url !== undefined && {
        url_sealed: cipher.seal(input.url),
        url_hint: urlHint(input.url),
        last_error: null,
      }),
      ...(input.secret !== undefined && {
        secret_sealed: input.secret ? cipher.seal(input.secret) : null,
      }),
      updated_at: nowIso(),
    };
    if (!(await repo.updateWebhook(db, row.id, row.version, patch)))
      throw stale(present((await repo.getWebhook(db, row.id))!, unit.name));
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'webhook.update',
      entity: 'webhook',
      entityId: row.id,
      changedFields: Object.keys(input).filter((k) => k !== 'version'),
      orgPath: unit.path,
    });
    return present((await repo.getWebhook(db, row.id))!, unit.name);
  });
}

export async function deleteWebhook(opts: Ctx & { id: string }): Promise<void> {
  await opts.db.transaction().execute(async (db) => {
    const { row, unit } = await managedWebhook(db, opts.caller, opts.id);
    await repo.deleteWebhook(db, row.id);
    await recordAudit(db, {
      actor: actorOf(opts.caller),
      action: 'webhook.delete',
      entity: 'webhook',
      entityId: row.id,
      orgPath: unit.path,
    });
  });
}

const robotOf = (r: NotifyWebhookRow) => ({
  kind: r.kind,
  url: fieldCipher().open(r.url_sealed),
  secret: r.secret_sealed ? fieldCipher().open(r.secret_sealed) : null,
});

/** 发送测试消息: the admin sees at once whether the address and key work. */
export async function testWebhook(
  opts: Ctx & { id: string },
): Promise<{ ok: boolean; error: string | null }> {
  const { row, unit } = await managedWebhook(opts.db, opts.caller, opts.id);
  const error = await postToRobot(
    robotOf(row),
    '邻里 · 测试消息',
    `这是发往「${unit.name}」群机器人的测试消息，收到即表示配置正确。`,
  );
  await repo.noteDelivery(opts.db, row.id, nowIso(), error);
  return { ok: error === null, error };
}

// ——— the outbox ———

/**
 * Queues a message for the robots of an org unit, inside the caller's transaction: one delivery per
 * active robot, which goes out only if that transaction commits and is not lost if the process stops
 * before sending. A unit without robots keeps the message and has nothing to send.
 */
export async function queueUnitMessage(
  db: Db,
  unit: { id: string; streetId: string | null },
  message: { title: string; text: string },
): Promise<void> {
  const now = nowIso();
  const outboxId = newId();
  await repo.insertOutbox(db, {
    id: outboxId,
    org_unit_id: unit.id,
    street_id: unit.streetId,
    title: message.title,
    text: message.text,
    created_at: now,
  });
  const robots = await repo.findWebhooks(db, [unit.id], true);
  await repo.insertDeliveries(
    db,
    robots.map((r) => ({
      id: newId(),
      outbox_id: outboxId,
      webhook_id: r.id,
      street_id: unit.streetId,
      state: 'pending' as const,
      attempts: 0,
      next_attempt_at: now,
      claimed_until: null,
      sent_at: null,
      last_error: null,
      created_at: now,
    })),
  );
  if (robots.length > 0) nudge?.();
}

/** Deliveries taken at a time: posted one after another, each within the robot's 5-second time-out. */
const BATCH = 10;
const MAX_ATTEMPTS = 6;
/** After a failure the next try waits 1, 2, 4, 8, 16 minutes; then the delivery is given up. */
const retryDelayMs = (attempts: number) => 60_000 * 2 ** (attempts - 1);
/**
 * How long taken deliveries are held: well past a batch's posts (10 × 5 s), so no other process takes
 * one still being posted, yet a process that stopped mid-batch lets the others have them soon.
 */
const CLAIM_MS = 2 * 60_000;

/**
 * Posts what is due, each robot's delivery on its own: a robot that refuses is tried again later,
 * alone, and one that took the message is done with it. Answers how many deliveries were finished
 * (sent or given up). Safe to run in several processes at once: each delivery is claimed by one.
 */
export async function deliverPending(db: Db, now = nowIso()): Promise<number> {
  const until = new Date(Date.parse(now) + CLAIM_MS).toISOString();
  const due = await repo.claimDueDeliveries(db, now, until, BATCH);
  const messages = new Map<string, { title: string; text: string } | undefined>();
  let finished = 0;
  for (const d of due) {
    if (!messages.has(d.outbox_id))
      messages.set(d.outbox_id, await repo.getOutbox(db, d.outbox_id));
    const message = messages.get(d.outbox_id);
    const robot = await repo.getWebhook(db, d.webhook_id);
    const attempts = d.attempts + 1;
    if (!message || !robot || robot.status !== 'active') {
      // Removed or paused since the message was queued: the admin meant it to hear nothing more.
      await repo.settleDelivery(db, d.id, until, {
        state: 'failed',
        last_error: robot ? 'paused' : 'removed',
      });
      finished++;
      continue;
    }
    const error = await postToRobot(robotOf(robot), message.title, message.text);
    const at = nowIso();
    await repo.noteDelivery(db, robot.id, at, error);
    if (!error) {
      await repo.settleDelivery(db, d.id, until, {
        state: 'sent',
        attempts,
        sent_at: at,
        last_error: null,
      });
      finished++;
    } else if (attempts >= MAX_ATTEMPTS) {
      await repo.settleDelivery(db, d.id, until, { state: 'failed', attempts, last_error: error });
      finished++;
    } else {
      await repo.settleDelivery(db, d.id, until, {
        attempts,
        last_error: error,
        next_attempt_at: new Date(Date.parse(now) + retryDelayMs(attempts)).toISOString(),
      });
    }
  }
  return finished;
}

/** The job that posts queued deliveries; the name its queue has in pg-boss. */
export const DELIVERY_JOB = 'notify.deliver';
/** How often deliveries due for a retry are looked for. */
export const DELIVERY_INTERVAL_MS = 30_000;

let nudge: (() => void) | undefined;

/**
 * Registers the delivery job: it runs every half minute for retries, and soon after a message is
 * queued. Answers how to unregister (the app is closing).
 */
export function registerDeliveryJob(
  jobs: Jobs,
  db: Db,
  intervalMs = DELIVERY_INTERVAL_MS,
): () => void {
  jobs.every(DELIVERY_JOB, intervalMs, async () => {
    // A full batch means more is waiting: keep going rather than wait for the next period.
    while ((await deliverPending(db)) >= BATCH);
  });
  nudge = () => jobs.nudge(DELIVERY_JOB);
  return () => {
    nudge = undefined;
  };
}
