import type {
  DeadlinePut,
  DeadlineRule,
  DeadlineTable,
  IssueCategory,
  IssueDeadlineStep,
} from '../../../common/schemas/issues';
import type { Db } from '../../db';
import { AppError, forbidden, stale } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { hasRole, type Caller } from '../../lib/caller';
import { findOrgUnits } from '../org/service';
import { DEADLINE_SETTERS } from './access';
import { effectiveRules, type RuleSet } from './deadlines';
import * as rules from './escalation-repo';
import { findOverrides } from './workdays-repo';

const toRule = (r: rules.RuleRow): DeadlineRule => ({
  step: r.step as IssueDeadlineStep,
  category: r.category as IssueCategory,
  amount: r.amount,
  unit: r.unit as DeadlineRule['unit'],
});

/** The rules in force for a street's issues: its own, then the district-wide ones. */
export async function loadRuleSet(db: Db, streetId: string): Promise<RuleSet> {
  const [rows, days] = await Promise.all([rules.findRules(db, streetId), findOverrides(db)]);
  return {
    street: rows.street.map(toRule),
    district: rows.district.map(toRule),
    workdays: new Map(days.map((d) => [d.day, d.kind === 'workday'])),
  };
}

interface Target {
  streetId: string | null;
  path: string | null;
}

/**
 * Whose rules the caller means: a named street (its admin, or a district admin above it), or the
 * district-wide ones (a district admin). A street admin who names none means their own street.
 */
async function targetOf(
  db: Db,
  caller: Caller,
  streetId: string | null | undefined,
): Promise<Target> {
  if (!hasRole(caller, DEADLINE_SETTERS)) throw forbidden();
  const districtAdmin = caller.assignments.filter((a) => a.role === 'districtAdmin');
  if (streetId) {
    const [unit] = await findOrgUnits(db, [streetId]);
    if (!unit || unit.kind !== 'street')
      throw new AppError(404, 'NOT_FOUND', {}, { field: 'streetId' });
    const mine =
      districtAdmin.some((a) => unit.path.startsWith(a.path)) ||
      caller.assignments.some((a) => a.role === 'streetAdmin' && a.area?.id === unit.id);
    if (!mine) throw new AppError(404, 'NOT_FOUND', {}, { field: 'streetId' });
    return { streetId: unit.id, path: unit.path };
  }
  if (streetId === null || districtAdmin.length > 0) {
    if (districtAdmin.length === 0) throw forbidden();
    return { streetId: null, path: null };
  }
  const streets = caller.assignments.filter((a) => a.role === 'streetAdmin' && a.area);
  if (streets.length !== 1) throw new AppError(400, 'STREET_REQUIRED', {}, { field: 'streetId' });
  return { streetId: streets[0].area!.id, path: streets[0].area!.path };
}

async function tableOf(db: Db, target: Target): Promise<DeadlineTable> {
  const rows = await rules.findRules(db, target.streetId);
  const own = target.streetId ? rows.street : rows.district;
  const set: RuleSet = { street: rows.street.map(toRule), district: rows.district.map(toRule) };
  return {
    streetId: target.streetId,
    version: own.reduce((v, r) => Math.max(v, r.version), 0),
    rules: effectiveRules(set),
    own: own.map(toRule),
  };
}

export async function getDeadlines(opts: {
  db: Db;
  caller: Caller;
  streetId?: string;
}): Promise<DeadlineTable> {
  return tableOf(opts.db, await targetOf(opts.db, opts.caller, opts.streetId));
}

/**
 * Replaces the rules set at one level (a street, or district-wide) as a whole; a rule left out falls
 * back to the level above. New limits apply from an issue's next step on.
 */
export async function putDeadlines(opts: {
  db: Db;
  caller: Caller;
  input: DeadlinePut;
}): Promise<DeadlineTable> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const target = await targetOf(db, caller, input.streetId);
    const current = await tableOf(db, target);
    if (current.version !== input.version) throw stale(current);
    const seen = new Set<string>();
    for (const r of input.rules) {
      const key = `${r.step}/${r.category}`;
      if (seen.has(key))
        throw new AppError(400, 'DEADLINE_RULE_DUPLICATE', { rule: key }, { field: 'rules' });
      seen.add(key);
    }
    const now = nowIso();
    await rules.replaceRules(
      db,
      target.streetId,
      input.rules.map((r) => ({
        id: newId(),
        street_id: target.streetId,
        step: r.step,
        category: r.category,
        amount: r.amount,
        unit: r.unit,
        version: current.version + 1,
        updated_by: caller.userId,
        updated_at: now,
      })),
    );
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'issueDeadlines.update',
      entity: 'issueDeadlines',
      entityId: target.streetId ?? undefined,
      detail: input.rules.map((r) => `${r.step}/${r.category}=${r.amount}${r.unit}`).join(', '),
      orgPath: target.path,
    });
    return tableOf(db, target);
  });
}
