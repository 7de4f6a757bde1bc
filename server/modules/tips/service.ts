import crypto from 'node:crypto';
import { maskPhone } from '../../../common/people';
import type { Role } from '../../../common/roles';
import {
  normaliseTrackingCode,
  TRACKING_ALPHABET,
  type PublicTipStatus,
  type Tip,
  type TipAnswer,
  type TipClose,
  type TipConvertCase,
  type TipConvertIssue,
  type TipCreate,
  type TipDetail,
  type TipDismiss,
  type TipPublicPhase,
  type TipQuery,
  type TipStatus,
  type TipTriage,
} from '../../../common/schemas/tips';
import type { Db } from '../../db';
import { pageOf } from '../../db/paging';
import { fieldCipher } from '../../lib/crypto';
import { AppError, forbidden, notFound, stale } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { covers, hasRole, scopePaths, type Caller } from '../../lib/caller';
import { createIntakeReferral, intakeReferralStatuses } from '../cases/intake-referrals';
import { attachFiles, filesOf } from '../files/service';
import { issueSummaryFor, reportIssue } from '../issues/service';
import { staffDisplayNames } from '../auth/staff-service';
import {
  findGridPlacement,
  findOrgUnit,
  liveStreetsAndCommunities,
  unitNames,
} from '../org/service';
import * as repo from './repo';

/**
 * Tips (爆料 / 居民诉求). Staff of the tip's area triage it: the street's and district's admins and the
 * staff of its community. The flow is enforced here:
 *   received → triaged → converted (issue | case) | answered | dismissed → closed → rated
 * (dismiss may also come straight from received). Every step keeps the reply the resident reads by
 * tracking code apart from the note only staff read.
 */
export const TIP_FILES = 'tip';
export const TRIAGERS: readonly Role[] = ['districtAdmin', 'streetAdmin', 'communityStaff'];

export interface Ctx {
  db: Db;
  caller: Caller;
}

// ——— tracking codes ———

/** 10 characters of a 32-letter alphabet (50 random bits), grouped 4-4-2 to read out on the phone. */
export function newTrackingCode(): string {
  const bytes = crypto.randomBytes(10);
  const raw = [...bytes].map((b) => TRACKING_ALPHABET[b & 31]).join('');
  return normaliseTrackingCode(raw);
}

async function freeTrackingCode(db: Db): Promise<string> {
  for (;;) {
    const code = newTrackingCode();
    if (!(await repo.getTipByCode(db, code))) return code;
  }
}

// ——— presenting ———

type IssueInfo = Map<string, { status: string }>;
type ReferralInfo = Map<string, { status: string }>;

/** What the resident reads as the state of their tip. */
export function publicPhaseOf(
  t: Pick<repo.TipRow, 'status' | 'issue_id' | 'intake_referral_id'>,
  issueStatus: string | null,
  referralStatus: string | null,
): TipPublicPhase {
  switch (t.status as TipStatus) {
    case 'received':
      return 'submitted';
    case 'triaged':
      return 'received';
    case 'dismissed':
      return 'dismissed';
    case 'answered':
    case 'closed':
    case 'rated':
      return 'done';
    case 'converted':
      if (issueStatus) {
        if (['reported', 'accepted'].includes(issueStatus)) return 'received';
        if (['closed', 'rated', 'rejected', 'merged'].includes(issueStatus)) return 'done';
        return 'inProgress';
      }
      if (referralStatus === 'pending') return 'received';
      if (referralStatus === 'declined') return 'done';
      return 'inProgress';
  }
}

/** The phase a step's reply was given in (a conversion is in hand from the moment it is made). */
const phaseOfStatus = (s: string): TipPublicPhase =>
  s === 'received'
    ? 'submitted'
    : s === 'triaged' || s === 'converted'
      ? 'received'
      : s === 'dismissed'
        ? 'dismissed'
        : 'done';

function mayRate(t: repo.TipRow, phase: TipPublicPhase): boolean {
  return (
    t.rating === null &&
    (t.status === 'answered' ||
      t.status === 'closed' ||
      (t.status === 'converted' && phase === 'done'))
  );
}

async function linked(db: Db, rows: repo.TipRow[]): Promise<[IssueInfo, ReferralInfo]> {
  const issues = await issueSummaryFor(
    db,
    rows.flatMap((r) => (r.issue_id ? [r.issue_id] : [])),
  );
  const referrals = await intakeReferralStatuses(
    db,
    rows.flatMap((r) => (r.intake_referral_id ? [r.intake_referral_id] : [])),
  );
  return [issues, referrals];
}

function presentTip(
  v: repo.TipRow,
  issues: IssueInfo,
  referrals: ReferralInfo,
  units: Map<string, string>,
): Tip {
  const issueStatus = v.issue_id ? (issues.get(v.issue_id)?.status ?? null) : null;
  const referralStatus = v.intake_referral_id
    ? (referrals.get(v.intake_referral_id)?.status ?? null)
    : null;
  return {
    id: v.id,
    trackingCode: v.tracking_code,
    channel: v.channel,
    topic: v.topic,
    category: v.category as Tip['category'],
    streetId: v.street_id,
    streetName: units.get(v.street_id) ?? '',
    communityId: v.community_id,
    communityName: v.community_id ? (units.get(v.community_id) ?? null) : null,
    address: v.address,
    description: v.description,
    contactName: v.contact_name,
    contactPhone: v.contact_phone ? maskPhone(fieldCipher().open(v.contact_phone)) : null,
    status: v.status as TipStatus,
    publicPhase: publicPhaseOf(v, issueStatus, referralStatus),
    issueId: v.issue_id,
    issueStatus,
    intakeReferralId: v.intake_referral_id,
    referralStatus,
    rating: v.rating,
    ratingComment: v.rating_comment,
    createdAt: v.created_at,
    updatedAt: v.updated_at,
    version: v.version,
  };
}

/** The steps the state machine allows from a status (before the caller's rights are looked at). */
export function nextActions(t: repo.TipRow): TipDetail['actions'] {
  switch (t.status as TipStatus) {
    case 'received':
      return ['triage', 'dismiss'];
    case 'triaged':
      return ['convertIssue', 'convertCase', 'answer', 'dismiss'];
    case 'converted':
    case 'answered':
      return ['close'];
    default:
      return [];
  }
}

export async function presentTipDetail(db: Db, caller: Caller, id: string): Promise<TipDetail> {
  const v = (await repo.getTip(db, id))!;
  const [issues, referrals] = await linked(db, [v]);
  const steps = await repo.findSteps(db, id);
  const photos = (await filesOf(db, TIP_FILES, [id])).get(id) ?? [];
  const [units, actors] = await Promise.all([
    unitNames(db, [v.street_id, v.community_id]),
    staffDisplayNames(
      db,
      steps.map((s) => s.actor_id),
    ),
  ]);
  return {
    ...presentTip(v, issues, referrals, units),
    steps: steps.map((s) => ({
      id: s.id,
      action: s.action as TipDetail['steps'][number]['action'],
      fromStatus: s.from_status,
      toStatus: s.to_status as TipStatus,
      publicReply: s.public_reply,
      internalNote: s.internal_note,
      actorName: s.actor_id ? (actors.get(s.actor_id) ?? null) : null,
      at: s.at,
    })),
    photos: photos.map((p) => ({ id: p.id, url: p.url, thumbUrl: p.thumbUrl })),
    actions: covers(caller, v.org_path, TRIAGERS) ? nextActions(v) : [],
  };
}

// ——— access ———

/** A tip the caller may triage; outside their area it does not exist for them. */
export async function tipInScope(db: Db, caller: Caller, id: string): Promise<repo.TipRow> {
  if (!hasRole(caller, TRIAGERS)) throw forbidden();
  const t = await repo.getTip(db, id);
  if (!t || !covers(caller, t.org_path, TRIAGERS)) throw notFound();
  return t;
}

/** Photos of a tip are seen by whoever may triage it (registered with the files module). */
export async function tipFileAccess(db: Db, caller: Caller, tipId: string): Promise<boolean> {
  const t = await repo.getTip(db, tipId);
  return !!t && covers(caller, t.org_path, TRIAGERS);
}

/** Where a new tip sits: its street, and its community when one is named (which must lie in the street). */
export async function placeOf(
  db: Db,
  streetId: string,
  communityId: string | undefined,
): Promise<{ streetId: string; communityId: string | null; path: string }> {
  const street = await findOrgUnit(db, streetId);
  if (!street || street.kind !== 'street' || street.status !== 'active')
    throw new AppError(404, 'NOT_FOUND', {}, { field: 'streetId' });
  if (!communityId) return { streetId, communityId: null, path: street.path };
  const community = await findOrgUnit(db, communityId);
  if (
    !community ||
    community.kind !== 'community' ||
    community.parentId !== streetId ||
    community.status !== 'active'
  )
    throw new AppError(404, 'NOT_FOUND', {}, { field: 'communityId' });
  return { streetId, communityId, path: community.path };
}

// ——— create ———

export interface NewTip {
  id?: string;
  channel: repo.TipRow['channel'];
  streetId: string;
  communityId?: string;
  topic: repo.TipRow['topic'];
  category: string;
  address?: string;
  description: string;
  contactName?: string;
  contactPhone?: string;
  messageId?: string;
}

/** Writes a tip and its first step (received) in the caller's transaction. */
export async function insertNewTip(
  db: Db,
  actor: { caller: Caller | null; ip: string },
  input: NewTip,
  where: { streetId: string; communityId: string | null; path: string },
): Promise<repo.TipRow> {
  const now = nowIso();
  const row: repo.TipRow = {
    id: input.id ?? newId(),
    street_id: where.streetId,
    community_id: where.communityId,
    org_path: where.path,
    tracking_code: await freeTrackingCode(db),
    channel: input.channel,
    topic: input.topic,
    category: input.category,
    address: input.address || null,
    description: input.description,
    contact_name: input.contactName || null,
    contact_phone: input.contactPhone ? fieldCipher().seal(input.contactPhone) : null,
    status: 'received',
    issue_id: null,
    intake_referral_id: null,
    message_id: input.messageId ?? null,
    rating: null,
    rating_comment: null,
    rated_at: null,
    closed_at: null,
    created_by: actor.caller?.userId ?? null,
    version: 1,
    created_at: now,
    updated_at: now,
  };
  await repo.insertTip(db, row);
  await repo.insertStep(db, {
    id: newId(),
    tip_id: row.id,
    street_id: row.street_id,
    action: 'receive',
    from_status: null,
    to_status: 'received',
    public_reply: null,
    internal_note: null,
    actor_id: actor.caller?.userId ?? null,
    at: now,
  });
  await recordAudit(db, {
    actor: actor.caller ? actorOf(actor.caller) : { ip: actor.ip },
    action: 'tip.create',
    entity: 'tip',
    entityId: row.id,
    orgPath: row.org_path,
    detail: row.channel,
  });
  return row;
}

/** Staff take a tip from the hotline, an e-mail or a visit, in their own area. */
export async function createTip(
  opts: Ctx & { input: TipCreate },
): Promise<{ tip: TipDetail; created: boolean }> {
  const { caller, input } = opts;
  if (!hasRole(caller, TRIAGERS)) throw forbidden();
  return opts.db.transaction().execute(async (db) => {
    if (input.id) {
      const existing = await repo.getTip(db, input.id);
      if (existing) {
        if (existing.created_by !== caller.userId || existing.description !== input.description)
          throw new AppError(409, 'ID_CONFLICT');
        return { tip: await presentTipDetail(db, caller, existing.id), created: false };
      }
    }
    const where = await placeOf(db, input.streetId, input.communityId);
    if (!covers(caller, where.path, TRIAGERS))
      throw new AppError(404, 'NOT_FOUND', {}, { field: 'streetId' });
    const row = await insertNewTip(db, { caller, ip: caller.ip }, input, where);
    await attachFiles(db, caller, input.photoIds, TIP_FILES, row.id);
    return { tip: await presentTipDetail(db, caller, row.id), created: true };
  });
}

// ——— lists ———

export async function listTips(opts: Ctx & { query: TipQuery }) {
  const { db, caller, query } = opts;
  if (!hasRole(caller, TRIAGERS)) throw forbidden();
  const { rows, total } = await repo.findTips(
    db,
    { paths: scopePaths(caller, TRIAGERS), ...query },
    pageOf(query),
  );
  const [issues, referrals] = await linked(db, rows);
  const units = await unitNames(
    db,
    rows.flatMap((r) => [r.street_id, r.community_id]),
  );
  return {
    items: rows.map((r) => presentTip(r, issues, referrals, units)),
    total,
    page: query.page,
    pageSize: query.pageSize,
  };
}

export async function getTip(opts: Ctx & { id: string }): Promise<TipDetail> {
  await tipInScope(opts.db, opts.caller, opts.id);
  return presentTipDetail(opts.db, opts.caller, opts.id);
}

export const TIP_EXPORT_LIMIT = 20_000;
export async function tipsForExport(opts: Ctx & { query: TipQuery }) {
  const r = await listTips({
    ...opts,
    query: { ...opts.query, page: 1, pageSize: TIP_EXPORT_LIMIT },
  });
  await recordAudit(opts.db, {
    actor: actorOf(opts.caller),
    action: 'tip.export',
    entity: 'tip',
    detail: `${r.items.length}`,
  });
  return r;
}

// ——— triage ———

type Step = {
  action: TipDetail['steps'][number]['action'];
  to: TipStatus;
  publicReply?: string | null;
  internalNote?: string | null;
  patch?: Partial<repo.TipRow>;
};

async function advance(db: Db, caller: Caller, t: repo.TipRow, version: number, step: Step) {
  const now = nowIso();
  const ok = await repo.updateTip(db, t.id, version, {
    status: step.to,
    updated_at: now,
    ...(step.to === 'closed' ? { closed_at: now } : {}),
    ...step.patch,
  });
  if (!ok) throw stale(await presentTipDetail(db, caller, t.id));
  await repo.insertStep(db, {
    id: newId(),
    tip_id: t.id,
    street_id: t.street_id,
    action: step.action,
    from_status: t.status,
    to_status: step.to,
    public_reply: step.publicReply || null,
    internal_note: step.internalNote || null,
    actor_id: caller.userId,
    at: now,
  });
  await recordAudit(db, {
    actor: actorOf(caller),
    action: `tip.${step.action}`,
    entity: 'tip',
    entityId: t.id,
    orgPath: t.org_path,
    changedFields: ['status'],
  });
}

/** Loads the tip for a step: in scope, the version read, and a step its status allows. */
async function forStep(
  db: Db,
  caller: Caller,
  id: string,
  version: number,
  action: TipDetail['actions'][number],
): Promise<repo.TipRow> {
  const t = await tipInScope(db, caller, id);
  if (t.version !== version) throw stale(await presentTipDetail(db, caller, t.id));
  if (!nextActions(t).includes(action))
    throw new AppError(409, 'TIP_STEP_NOT_ALLOWED', { status: t.status });
  return t;
}

export async function triageTip(opts: Ctx & { id: string; input: TipTriage }) {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const t = await forStep(db, caller, opts.id, input.version, 'triage');
    // Triage may correct what the resident (or the e-mail import) could not tell.
    const where = input.communityId ? await placeOf(db, t.street_id, input.communityId) : null;
    await advance(db, caller, t, input.version, {
      action: 'triage',
      to: 'triaged',
      publicReply: input.publicReply,
      internalNote: input.internalNote,
      patch: {
        ...(input.topic ? { topic: input.topic } : {}),
        ...(input.category ? { category: input.category } : {}),
        ...(where ? { community_id: where.communityId, org_path: where.path } : {}),
      },
    });
    return presentTipDetail(db, caller, t.id);
  });
}

/** 转为事件: raises an issue at a grid of the tip's street, in the same transaction. */
export async function convertTipToIssue(opts: Ctx & { id: string; input: TipConvertIssue }) {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const t = await forStep(db, caller, opts.id, input.version, 'convertIssue');
    const grid = await findGridPlacement(db, input.gridId);
    if (!grid || grid.streetId !== t.street_id)
      throw new AppError(404, 'NOT_FOUND', {}, { field: 'gridId' });
    const issue = await reportIssue(db, caller, {
      id: input.issueId,
      source: 'tip',
      sourceId: t.id,
      category: input.category,
      gridId: input.gridId,
      location: t.address ? { text: t.address.slice(0, 200) } : undefined,
      description: input.description ?? t.description,
    });
    await advance(db, caller, t, input.version, {
      action: 'convertIssue',
      to: 'converted',
      publicReply: input.publicReply,
      internalNote: input.internalNote,
      patch: { issue_id: issue.id },
    });
    return presentTipDetail(db, caller, t.id);
  });
}

/** 转介社工站: hands the need to the street's social work station, in the same transaction. */
export async function convertTipToCase(opts: Ctx & { id: string; input: TipConvertCase }) {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const t = await forStep(db, caller, opts.id, input.version, 'convertCase');
    const name = input.name ?? t.contact_name;
    if (!name)
      throw new AppError(
        400,
        'VALIDATION_FAILED',
        { field: 'name', detail: '' },
        { field: 'name' },
      );
    const referral = await createIntakeReferral(db, caller, {
      id: input.referralId,
      streetId: t.street_id,
      residentId: input.residentId ?? null,
      name,
      phone: t.contact_phone ? fieldCipher().open(t.contact_phone) : null,
      need: input.need,
      source: 'tip',
      sourceId: t.id,
    });
    await advance(db, caller, t, input.version, {
      action: 'convertCase',
      to: 'converted',
      publicReply: input.publicReply,
      internalNote: input.internalNote,
      patch: { intake_referral_id: referral.id },
    });
    return presentTipDetail(db, caller, t.id);
  });
}

export async function answerTip(opts: Ctx & { id: string; input: TipAnswer }) {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const t = await forStep(db, caller, opts.id, input.version, 'answer');
    if (!input.publicReply)
      throw new AppError(400, 'TIP_REPLY_REQUIRED', {}, { field: 'publicReply' });
    await advance(db, caller, t, input.version, {
      action: 'answer',
      to: 'answered',
      publicReply: input.publicReply,
      internalNote: input.internalNote,
    });
    return presentTipDetail(db, caller, t.id);
  });
}

export async function dismissTip(opts: Ctx & { id: string; input: TipDismiss }) {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const t = await forStep(db, caller, opts.id, input.version, 'dismiss');
    if (!input.reason) throw new AppError(400, 'TIP_REASON_REQUIRED', {}, { field: 'reason' });
    await advance(db, caller, t, input.version, {
      action: 'dismiss',
      to: 'dismissed',
      publicReply: input.reason,
      internalNote: input.internalNote,
    });
    return presentTipDetail(db, caller, t.id);
  });
}

export async function closeTip(opts: Ctx & { id: string; input: TipClose }) {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const t = await forStep(db, caller, opts.id, input.version, 'close');
    await advance(db, caller, t, input.version, {
      action: 'close',
      to: 'closed',
      publicReply: input.publicReply,
      internalNote: input.internalNote,
    });
    return presentTipDetail(db, caller, t.id);
  });
}

// ——— what the resident sees ———

/**
 * The status page: the tip's own phase, the public replies and dates — never staff names, notes,
 * contact details or anything of other tips. An unknown code is a 404 after the same one lookup.
 */
export async function publicTipStatus(db: Db, code: string): Promise<PublicTipStatus> {
  const t = await repo.getTipByCode(db, normaliseTrackingCode(code));
  if (!t) throw notFound();
  const [issues, referrals] = await linked(db, [t]);
  const phase = publicPhaseOf(
    t,
    t.issue_id ? (issues.get(t.issue_id)?.status ?? null) : null,
    t.intake_referral_id ? (referrals.get(t.intake_referral_id)?.status ?? null) : null,
  );
  const steps = await repo.findSteps(db, t.id);
  return {
    trackingCode: t.tracking_code,
    topic: t.topic,
    category: t.category as PublicTipStatus['category'],
    phase,
    submittedAt: t.created_at,
    updatedAt: t.updated_at,
    replies: steps
      .filter((s) => s.public_reply)
      .map((s) => ({ at: s.at, phase: phaseOfStatus(s.to_status), text: s.public_reply! })),
    canRate: mayRate(t, phase),
    rating: t.rating,
    ratingComment: t.rating_comment,
  };
}

/** 回访 / 满意度: once, when the tip is done. */
export async function rateTip(
  db0: Db,
  code: string,
  input: { rating: number; comment?: string },
  ip: string,
): Promise<PublicTipStatus> {
  return db0.transaction().execute(async (db) => {
    const t = await repo.getTipByCode(db, normaliseTrackingCode(code));
    if (!t) throw notFound();
    if (t.rating !== null) throw new AppError(409, 'TIP_ALREADY_RATED');
    const [issues, referrals] = await linked(db, [t]);
    const phase = publicPhaseOf(
      t,
      t.issue_id ? (issues.get(t.issue_id)?.status ?? null) : null,
      t.intake_referral_id ? (referrals.get(t.intake_referral_id)?.status ?? null) : null,
    );
    if (!mayRate(t, phase)) throw new AppError(409, 'TIP_NOT_RATABLE');
    const now = nowIso();
    const ok = await repo.updateTip(db, t.id, t.version, {
      status: 'rated',
      rating: input.rating,
      rating_comment: input.comment || null,
      rated_at: now,
      closed_at: t.closed_at ?? now,
      updated_at: now,
    });
    if (!ok) throw new AppError(409, 'TIP_ALREADY_RATED');
    await repo.insertStep(db, {
      id: newId(),
      tip_id: t.id,
      street_id: t.street_id,
      action: 'rate',
      from_status: t.status,
      to_status: 'rated',
      public_reply: null,
      internal_note: null,
      actor_id: null,
      at: now,
    });
    await recordAudit(db, {
      actor: { ip },
      action: 'tip.rate',
      entity: 'tip',
      entityId: t.id,
      orgPath: t.org_path,
      detail: String(input.rating),
    });
    return publicTipStatus(db, t.tracking_code);
  });
}

/** The public form's pickers. */
export async function publicStreets(db: Db) {
  const units = await liveStreetsAndCommunities(db);
  return units
    .filter((u) => u.kind === 'street')
    .map((s) => ({
      id: s.id,
      name: s.name,
      communities: units
        .filter((c) => c.kind === 'community' && c.parentId === s.id)
        .map((c) => ({ id: c.id, name: c.name })),
    }));
}

/** Who the mailbox import acts as: the system, with the district's scope over the street. */
export function importCaller(street: { id: string; path: string }): Caller {
  const districtId = street.path.split('/').filter(Boolean)[0];
  const path = `/${districtId}/`;
  return {
    userId: 'system',
    username: 'import-tips',
    displayName: 'import-tips',
    ip: '127.0.0.1',
    assignments: [
      {
        role: 'districtAdmin',
        orgUnitId: districtId,
        path,
        area: { kind: 'district', id: districtId, path },
      },
    ],
    sessionId: '',
    csrfToken: '',
    totpEnabled: false,
  };
}

/** For the org module: a street or community with tips cannot be deleted, only retired. */
export const unitHasTips = (db: Db, unitId: string): Promise<boolean> =>
  repo.unitHasTips(db, unitId);
