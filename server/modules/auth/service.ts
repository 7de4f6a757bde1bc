import * as OTPAuth from 'otpauth';
import type { Role } from '../../../common/roles';
import type { Login, Me, PasswordChange } from '../../../common/schemas/auth';
import type { Db } from '../../db';
import type { StaffUserRow } from '../../db/schema';
import { AppError } from '../../lib/errors';
import { randomToken, sha256 } from '../../lib/ids';
import { addMinutes, nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { describeUnits, reachOfUnit, unitColumns, unitReach } from '../org/service';
import type { Assignment, Caller } from '../../lib/caller';
import { assertStrongPassword, burnPasswordCheck, hashPassword, verifyPassword } from './password';
import * as repo from './repo';
import { HOLD_OFF_MINUTES, MAX_FAILURES_PER_ACCOUNT, type LoginThrottle } from './throttle';

export interface AuthSettings {
  sessionIdleMinutes: number;
  requireTwoFactor: boolean;
}

export interface LoginResult {
  /** Goes into the cookie; only its hash is stored. */
  token: string;
  me: Me;
}

/** The one answer to a wrong password, a name without an account and a held-off address. */
const invalidCredentials = () =>
  new AppError(401, 'INVALID_CREDENTIALS', {
    times: MAX_FAILURES_PER_ACCOUNT,
    minutes: HOLD_OFF_MINUTES,
  });

export async function login(opts: {
  db: Db;
  input: Login;
  ip: string;
  userAgent?: string;
  settings: AuthSettings;
  throttle: LoginThrottle;
}): Promise<LoginResult> {
  const { db, input, ip, throttle } = opts;
  const user = await repo.findStaffUserByUsername(db, input.username);
  const attempt = { username: input.username, ip, passwordHash: user?.password_hash };
  const actor = { userId: user?.id, username: input.username, ip };
  const onAccount = user ? { entity: 'staffUser', entityId: user.id } : {};

  // A held-off address, a name without an account and a wrong password get one and the same answer,
  // after the same work (a password check), so neither the reply nor its timing tells them apart.
  if (await throttle.isHeldOff(attempt)) {
    await burnPasswordCheck(input.password);
    await recordAudit(db, {
      actor,
      action: 'login.failed',
      ...onAccount,
      result: 'denied',
      detail: 'held off: too many wrong passwords from this address',
    });
    throw invalidCredentials();
  }
  const fail = async (detail: string, refusal: () => AppError) => {
    const hold = await throttle.recordFailure(attempt);
    await recordAudit(db, {
      actor,
      action: 'login.failed',
      ...onAccount,
      result: 'failed',
      detail: hold ? `${detail}; ${hold}` : detail,
    });
    throw refusal();
  };
  if (!user) {
    await burnPasswordCheck(input.password);
    return fail('unknown user', invalidCredentials);
  }
  if (!(await verifyPassword(user.password_hash, input.password)))
    return fail('wrong password', invalidCredentials);
  if (user.status !== 'active') {
    await recordAudit(db, {
      actor,
      action: 'login.failed',
      ...onAccount,
      result: 'denied',
      detail: 'disabled',
    });
    throw new AppError(403, 'ACCOUNT_DISABLED');
  }
  if (user.totp_enabled) {
    if (!input.totp) throw new AppError(401, 'TOTP_REQUIRED', {}, { field: 'totp' });
    if (!checkTotp(user.totp_secret!, input.totp))
      return fail('wrong second factor', () => new AppError(401, 'TOTP_INVALID'));
  }
  await throttle.recordSuccess(attempt);

  const token = randomToken();
  const now = nowIso();
  const session = {
    id: sha256(token),
    user_id: user.id,
    csrf_token: randomToken(),
    ip,
    user_agent: opts.userAgent?.slice(0, 300) ?? null,
    created_at: now,
    last_seen_at: now,
    expires_at: addMinutes(now, opts.settings.sessionIdleMinutes),
  };
  await db.transaction().execute(async (trx) => {
    await repo.insertSession(trx, session);
    await repo.deleteExpiredSessions(trx, now);
    await recordAudit(trx, {
      actor: { userId: user.id, username: user.username, ip },
      action: 'login',
      entity: 'staffUser',
      entityId: user.id,
    });
  });
  const caller = await callerFor(db, user, session.id, session.csrf_token, ip);
  return { token, me: await presentMe(db, caller, opts.settings) };
}

/** The roles a user holds, each with where it reaches (the org module knows the units). */
async function assignmentsOf(
  db: Db,
  rows: { role: string; org_unit_id: string }[],
): Promise<Assignment[]> {
  const reach = await unitReach(
    db,
    rows.map((r) => r.org_unit_id),
  );
  return rows.flatMap((r) => {
    const unit = reach.get(r.org_unit_id);
    return unit ? [{ role: r.role as Role, orgUnitId: r.org_unit_id, ...unit }] : [];
  });
}

async function callerFor(
  db: Db,
  user: StaffUserRow,
  sessionId: string,
  csrfToken: string,
  ip: string,
): Promise<Caller> {
  const rows = await repo.findAssignments(db, [user.id]);
  return {
    userId: user.id,
    username: user.username,
    displayName: user.display_name,
    ip,
    assignments: await assignmentsOf(db, rows),
    sessionId,
    csrfToken,
    totpEnabled: user.totp_enabled === 1,
  };
}

/**
 * A staff account as the services see it when it signs in, without a session: for the command line
 * and the demo district, which act as named staff.
 */
export async function callerOfAccount(db: Db, username: string, ip = '127.0.0.1') {
  const user = await repo.findStaffUserByUsername(db, username);
  return user && callerFor(db, user, '', '', ip);
}

/** Whether a district admin must set up the second factor before anything else. */
export const totpEnrolmentRequired = (caller: Caller, settings: AuthSettings): boolean =>
  settings.requireTwoFactor &&
  !caller.totpEnabled &&
  caller.assignments.some((a) => a.role === 'districtAdmin');

/**
 * The caller behind a session cookie, or the reason there is none. Idle time slides: each request
 * moves the expiry on, but only once a minute, so reads do not turn into a write each.
 */
export async function resolveSession(opts: {
  db: Db;
  token: string;
  ip: string;
  settings: AuthSettings;
}): Promise<Caller | 'expired' | 'none'> {
  const { db } = opts;
  const sessionId = sha256(opts.token);
  const rows = await repo.findSessionWithCaller(db, sessionId, unitColumns('a.org_unit_id'));
  const first = rows[0];
  // No row: no such session (or, never in practice, its user was deleted under it).
  if (!first) return 'none';
  const now = nowIso();
  if (first.expires_at <= now) {
    await repo.deleteSession(db, sessionId);
    return 'expired';
  }
  if (first.status !== 'active') {
    await repo.deleteSession(db, sessionId);
    return 'none';
  }
  if (Date.parse(now) - Date.parse(first.last_seen_at) > 60_000) {
    await repo.touchSession(db, sessionId, now, addMinutes(now, opts.settings.sessionIdleMinutes));
  }
  return {
    userId: first.user_id,
    username: first.username,
    displayName: first.display_name,
    ip: opts.ip,
    assignments: rows.flatMap((r) =>
      r.role !== null && r.org_unit_id !== null && r.unit_kind !== null && r.unit_path !== null
        ? [
            {
              role: r.role as Role,
              orgUnitId: r.org_unit_id,
              ...reachOfUnit({ id: r.org_unit_id, kind: r.unit_kind, path: r.unit_path }),
            },
          ]
        : [],
    ),
    sessionId,
    csrfToken: first.csrf_token,
    totpEnabled: first.totp_enabled === 1,
  };
}

export async function logout(opts: { db: Db; caller: Caller }): Promise<void> {
  await opts.db.transaction().execute(async (db) => {
    await repo.deleteSession(db, opts.caller.sessionId);
    await recordAudit(db, {
      actor: actorOf(opts.caller),
      action: 'logout',
      entity: 'staffUser',
      entityId: opts.caller.userId,
    });
  });
}

export async function presentMe(db: Db, caller: Caller, settings: AuthSettings): Promise<Me> {
  const units = await describeUnits(
    db,
    caller.assignments.map((a) => a.orgUnitId),
  );
  return {
    id: caller.userId,
    username: caller.username,
    displayName: caller.displayName,
    roles: caller.assignments.map((a) => {
      const u = units.get(a.orgUnitId)!;
      return {
        role: a.role,
        orgUnitId: a.orgUnitId,
        orgUnitName: u.name,
        orgUnitKind: u.kind,
        orgUnitTrail: u.trail,
      };
    }),
    csrfToken: caller.csrfToken,
    totpEnabled: caller.totpEnabled,
    totpEnrolmentRequired: totpEnrolmentRequired(caller, settings),
  };
}

/**
 * A session left open on a shared computer must not become a way to guess its password: wrong
 * current passwords count in the log-in throttle, and once it holds the address off even the right
 * one is refused as wrong. Checked before the write's transaction, as the counters are written apart
 * from it (a rolled-back change must not undo a counted failure).
 */
async function checkOwnPassword(opts: {
  db: Db;
  caller: Caller;
  password: string;
  field: string;
  action: string;
  throttle: LoginThrottle;
}): Promise<StaffUserRow> {
  const { db, caller, throttle } = opts;
  const user = (await repo.getStaffUser(db, caller.userId))!;
  const attempt = { username: user.username, ip: caller.ip, passwordHash: user.password_hash };
  const refuse = async (result: 'failed' | 'denied', detail: string): Promise<never> => {
    await recordAudit(db, {
      actor: actorOf(caller),
      action: opts.action,
      entity: 'staffUser',
      entityId: user.id,
      result,
      detail,
    });
    throw new AppError(400, 'WRONG_PASSWORD', {}, { field: opts.field });
  };
  if (await throttle.isHeldOff(attempt)) {
    await burnPasswordCheck(opts.password);
    return refuse('denied', 'held off: too many wrong passwords from this address');
  }
  if (!(await verifyPassword(user.password_hash, opts.password))) {
    const hold = await throttle.recordFailure(attempt);
    return refuse('failed', hold ? `wrong password; ${hold}` : 'wrong password');
  }
  await throttle.recordSuccess(attempt);
  return user;
}

export async function changeOwnPassword(opts: {
  db: Db;
  caller: Caller;
  input: PasswordChange;
  throttle: LoginThrottle;
}): Promise<void> {
  const { caller, input } = opts;
  const checked = await checkOwnPassword({
    db: opts.db,
    caller,
    password: input.currentPassword,
    field: 'currentPassword',
    action: 'staffUser.changePassword',
    throttle: opts.throttle,
  });
  assertStrongPassword(input.newPassword, checked.username, 'newPassword');
  await opts.db.transaction().execute(async (db) => {
    const user = (await repo.getStaffUser(db, caller.userId))!;
    await repo.updateStaffUser(db, user.id, null, {
      password_hash: await hashPassword(input.newPassword),
      updated_at: nowIso(),
    });
    // Other devices logged in with the old password are logged out; this one stays.
    await repo.deleteSessionsOfUser(db, user.id, caller.sessionId);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'staffUser.changePassword',
      entity: 'staffUser',
      entityId: user.id,
      changedFields: ['password'],
    });
  });
}

function totpFor(secret: string, label = 'Linli'): OTPAuth.TOTP {
  return new OTPAuth.TOTP({
    issuer: 'Linli 邻里',
    label,
    algorithm: 'SHA1',
    digits: 6,
    period: 30,
    secret: OTPAuth.Secret.fromBase32(secret),
  });
}

/** One step of clock drift either way is accepted, as authenticator apps on phones drift. */
export const checkTotp = (secret: string, code: string): boolean =>
  totpFor(secret).validate({ token: code, window: 1 }) !== null;

/** Starts enrolment: a new secret is stored but not in force until a code from it is confirmed. */
export async function setupTotp(opts: {
  db: Db;
  caller: Caller;
}): Promise<{ secret: string; otpauthUrl: string }> {
  const secret = new OTPAuth.Secret({ size: 20 }).base32;
  await opts.db.transaction().execute(async (db) => {
    const user = (await repo.getStaffUser(db, opts.caller.userId))!;
    if (user.totp_enabled)
      throw new AppError(409, 'STALE_VERSION', {}, { current: { totpEnabled: true } });
    await repo.updateStaffUser(db, user.id, null, { totp_secret: secret, updated_at: nowIso() });
    await recordAudit(db, {
      actor: actorOf(opts.caller),
      action: 'staffUser.totpSetup',
      entity: 'staffUser',
      entityId: user.id,
    });
  });
  return { secret, otpauthUrl: totpFor(secret, opts.caller.username).toString() };
}

export async function enableTotp(opts: { db: Db; caller: Caller; code: string }): Promise<void> {
  await opts.db.transaction().execute(async (db) => {
    const user = (await repo.getStaffUser(db, opts.caller.userId))!;
    if (!user.totp_secret || !checkTotp(user.totp_secret, opts.code))
      throw new AppError(400, 'TOTP_INVALID', {}, { field: 'code' });
    await repo.updateStaffUser(db, user.id, null, { totp_enabled: 1, updated_at: nowIso() });
    await recordAudit(db, {
      actor: actorOf(opts.caller),
      action: 'staffUser.totpEnable',
      entity: 'staffUser',
      entityId: user.id,
      changedFields: ['totpEnabled'],
    });
  });
}

export async function disableTotp(opts: {
  db: Db;
  caller: Caller;
  password: string;
  settings: AuthSettings;
  throttle: LoginThrottle;
}): Promise<void> {
  await checkOwnPassword({
    db: opts.db,
    caller: opts.caller,
    password: opts.password,
    field: 'password',
    action: 'staffUser.totpDisable',
    throttle: opts.throttle,
  });
  await opts.db.transaction().execute(async (db) => {
    const user = (await repo.getStaffUser(db, opts.caller.userId))!;
    if (
      opts.settings.requireTwoFactor &&
      opts.caller.assignments.some((a) => a.role === 'districtAdmin')
    ) {
      throw new AppError(403, 'TOTP_ENROLMENT_REQUIRED');
    }
    await repo.updateStaffUser(db, user.id, null, {
      totp_enabled: 0,
      totp_secret: null,
      updated_at: nowIso(),
    });
    await recordAudit(db, {
      actor: actorOf(opts.caller),
      action: 'staffUser.totpDisable',
      entity: 'staffUser',
      entityId: user.id,
      changedFields: ['totpEnabled'],
    });
  });
}
