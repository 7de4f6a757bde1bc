import type { Role } from '../../../common/roles';
import {
  careContactTypes,
  careTiers,
  defaultCareIntervals,
  type CareRules,
  type CareRulesUpdate,
  type CareTier,
  type TodayItem,
  type VisitRates,
} from '../../../common/schemas/cases';
import type { Db } from '../../db';
import { AppError, forbidden, notFound, stale } from '../../lib/errors';
import { nowIso, shanghaiDayEnd, shanghaiDayStart } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { hasRole, type Caller } from '../../lib/caller';
import { getOrgUnit } from '../org/service';
import { careTagsOf, residentBasics } from '../people/service';
import {
  addDays,
  careTierOf,
  daysBetween,
  keptToRule,
  monthDays,
  shanghaiDay,
  todayInShanghai,
  todoOrder,
} from './care';
import * as repo from './repo';
import { caseArea, CASE_READERS, rightsOn, stationInScope, type Ctx } from './scope';
import { findCaseViews, findStationWorkers, withNames, type CaseView } from './views';

/** A client with no care tag is still contacted at least monthly unless the worker sets a date. */
export const UNTIERED_INTERVAL = 30;

/** The street's visit interval per tier: its own rule where it set one, else the default. */
export async function careIntervals(db: Db, streetId: string): Promise<Record<CareTier, number>> {
  const rows = await repo.findCareRules(db, streetId);
  return Object.fromEntries(
    careTiers.map((t) => [
      t,
      rows.find((r) => r.tier === t)?.interval_days ?? defaultCareIntervals[t],
    ]),
  ) as Record<CareTier, number>;
}

interface StreetRef {
  id: string;
  path: string;
}

/** The street whose rules are meant: the one named, or the caller's only one. */
async function streetFor(db: Db, caller: Caller, streetId: string | undefined): Promise<StreetRef> {
  if (streetId) {
    const unit = await getOrgUnit({ db, caller, id: streetId });
    if (unit.kind !== 'street') throw notFound();
    return { id: unit.id, path: unit.path };
  }
  const streets = new Map(
    caller.assignments
      .filter((a) => a.area?.kind === 'street')
      .map((a) => [a.area!.id, { id: a.area!.id, path: a.area!.path }]),
  );
  if (streets.size === 1) return [...streets.values()][0];
  if (streets.size === 0 && !hasRole(caller, ['districtAdmin'])) throw forbidden();
  throw new AppError(400, 'STREET_REQUIRED', {}, { field: 'streetId' });
}

/** The caller's roles that reach a street: its own staff, its station's, and its district's admins. */
const rolesOnStreet = (caller: Caller, street: StreetRef): Role[] =>
  caller.assignments
    .filter(
      (a) =>
        a.area &&
        (a.area.kind === 'street'
          ? a.area.id === street.id
          : a.area.kind === 'district' && street.path.startsWith(a.area.path)),
    )
    .map((a) => a.role);

async function presentRules(db: Db, streetId: string): Promise<CareRules> {
  const rows = await repo.findCareRules(db, streetId);
  return {
    streetId,
    rules: careTiers.map((tier) => {
      const row = rows.find((r) => r.tier === tier);
      return {
        tier,
        intervalDays: row?.interval_days ?? defaultCareIntervals[tier],
        isDefault: !row,
        version: row?.version ?? null,
      };
    }),
  };
}

export async function getCareRules(opts: Ctx & { streetId?: string }): Promise<CareRules> {
  const street = await streetFor(opts.db, opts.caller, opts.streetId);
  if (!rolesOnStreet(opts.caller, street).some((r) => CASE_READERS.includes(r))) throw forbidden();
  return presentRules(opts.db, street.id);
}

/** The station supervisor or the street admin sets the street's own intervals. */
export async function updateCareRules(opts: Ctx & { input: CareRulesUpdate }): Promise<CareRules> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const street = await streetFor(db, caller, input.streetId);
    const roles = rolesOnStreet(caller, street);
    if (!roles.includes('stationSupervisor') && !roles.includes('streetAdmin')) {
      if (roles.some((r) => CASE_READERS.includes(r))) throw forbidden();
      throw notFound();
    }
    const rows = await repo.findCareRules(db, street.id);
    const now = nowIso();
    for (const rule of input.rules) {
      const row = rows.find((r) => r.tier === rule.tier);
      const patch = {
        interval_days: rule.intervalDays,
        updated_by: caller.userId,
        updated_at: now,
      };
      const saved = row
        ? row.version === rule.version &&
          (await repo.updateCareRule(
            db,
            { streetId: street.id, tier: rule.tier },
            row.version,
            patch,
          ))
        : rule.version == null;
      if (!saved) throw stale(await presentRules(db, street.id));
      if (!row)
        await repo.insertCareRule(db, {
          street_id: street.id,
          tier: rule.tier,
          version: 1,
          ...patch,
        });
    }
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'careRule.update',
      entity: 'careRule',
      entityId: street.id,
      changedFields: input.rules.map((r) => r.tier),
      detail: input.rules.map((r) => `${r.tier}=${r.intervalDays}`).join(', '),
      orgPath: street.path,
    });
    return presentRules(db, street.id);
  });
}

/** The last care contact day of each resident by a station, up to the end of a day. */
async function lastContacts(
  db: Db,
  residentIds: string[],
  stationId: string,
  day: string,
): Promise<Map<string, string[]>> {
  const byResident = new Map<string, string[]>();
  const rows = await repo.findCareContacts(
    db,
    residentIds,
    stationId,
    careContactTypes,
    shanghaiDayEnd(day),
  );
  for (const r of rows)
    byResident.set(r.resident_id, [...(byResident.get(r.resident_id) ?? []), shanghaiDay(r.at)]);
  return byResident;
}

/**
 * 今日待办: the caller's open cases whose next contact is due, or whose client's care rule asks for a
 * visit (the last home visit or call, or the opening, is longer ago than the tier's interval); for a
 * supervisor also the plans and closures waiting for review. Most overdue first, then highest risk.
 * Residents who are not clients of the caller's cases are left to the grid workers' rounds.
 */
export async function getToday(opts: Ctx & { date?: string }) {
  const { db, caller } = opts;
  const day = opts.date ?? todayInShanghai();
  const items: TodayItem[] = [];
  const cases = await withNames(
    db,
    (await repo.findOpenCasesOf(db, caller.userId)).filter((c) => rightsOn(caller, c).write),
  );
  const tags = await careTagsOf(
    db,
    cases.map((c) => c.resident_id),
  );
  const contacts = new Map<string, Map<string, string[]>>();
  const intervals = new Map<string, Record<CareTier, number>>();
  for (const stationId of new Set(cases.map((c) => c.station_id))) {
    const ids = cases.filter((c) => c.station_id === stationId).map((c) => c.resident_id);
    contacts.set(stationId, await lastContacts(db, ids, stationId, day));
  }
  for (const streetId of new Set(cases.map((c) => c.street_id)))
    intervals.set(streetId, await careIntervals(db, streetId));

  const item = (c: CaseView, action: TodayItem['action'], due: string, tier: CareTier | null) =>
    items.push({
      action,
      caseId: c.id,
      residentId: c.resident_id,
      householdId: c.client_household_id,
      clientName: c.client_name,
      riskLevel: c.risk_level,
      stage: c.stage,
      tier,
      dueDate: due,
      daysOverdue: daysBetween(due, day),
      assignedWorker: { id: c.assigned_worker_id, displayName: c.worker_name ?? '' },
    });

  for (const c of cases) {
    const tier = careTierOf(tags.get(c.resident_id) ?? [], c.client_birth_date, day);
    const contactDue =
      c.next_contact_date && c.next_contact_date <= day ? c.next_contact_date : null;
    let careDue: string | null = null;
    if (tier) {
      const days = contacts.get(c.station_id)?.get(c.resident_id) ?? [];
      const last = [shanghaiDay(c.opened_at), ...days].sort().at(-1)!;
      const due = addDays(last, intervals.get(c.street_id)![tier]);
      if (due <= day) careDue = due;
    }
    // A visit answers both; the earlier date says how overdue it is.
    if (careDue)
      item(c, 'careVisit', contactDue && contactDue < careDue ? contactDue : careDue, tier);
    else if (contactDue) item(c, 'contact', contactDue, tier);
  }

  if (hasRole(caller, ['stationSupervisor'])) {
    const pending = await repo.findPendingReviews(db, {
      area: await caseArea(db, caller, ['stationSupervisor']),
    });
    const views = new Map(
      (await findCaseViews(db, [...new Set(pending.map((p) => p.case_id))])).map((v) => [v.id, v]),
    );
    for (const p of pending) {
      const submitted = shanghaiDay(p.submitted_at);
      item(
        views.get(p.case_id)!,
        p.stage === 'plan' ? 'reviewPlan' : 'reviewClosure',
        submitted <= day ? submitted : day,
        null,
      );
    }
  }
  return { date: day, items: items.sort(todoOrder) };
}

/**
 * A station's visit rate for a month, per tier: of the clients it served that month (an open case at
 * some time in it) in each tier, how many were visited or called within the tier's interval all month
 * long (to today for the current month), by care tags as they are now.
 */
export async function getVisitRates(
  opts: Ctx & { stationId: string; month: string },
): Promise<VisitRates> {
  const { db, caller, month } = opts;
  const station = await stationInScope(db, caller, opts.stationId);
  const { first, last } = monthDays(month);
  const today = todayInShanghai();
  const end = last < today ? last : today;
  const cases = await repo.findStationCasesBetween(
    db,
    station.id,
    shanghaiDayStart(first),
    shanghaiDayEnd(last),
  );
  const births = await residentBasics(
    db,
    cases.map((c) => c.resident_id),
  );
  const clients = new Map<
    string,
    { opened: string; closed: string | null; birth: string | null }
  >();
  for (const c of cases) {
    const prev = clients.get(c.resident_id);
    const opened = shanghaiDay(c.opened_at);
    const closed = c.closed_at ? shanghaiDay(c.closed_at) : null;
    // A client with two cases in the month counts once: from the first opening to the last closing.
    if (prev) {
      if (opened < prev.opened) prev.opened = opened;
      prev.closed =
        prev.closed === null || closed === null ? null : [prev.closed, closed].sort()[1];
    } else
      clients.set(c.resident_id, {
        opened,
        closed,
        birth: births.get(c.resident_id)?.birthDate ?? null,
      });
  }
  const ids = [...clients.keys()];
  const tags = await careTagsOf(db, ids);
  const intervals = await careIntervals(db, station.streetId);
  const contacts = await lastContacts(db, ids, station.id, end);
  const tally = Object.fromEntries(careTiers.map((t) => [t, { clients: 0, kept: 0 }])) as Record<
    CareTier,
    { clients: number; kept: number }
  >;
  for (const [id, client] of clients) {
    const tier = careTierOf(tags.get(id) ?? [], client.birth, end);
    if (!tier) continue;
    const from = client.opened > first ? client.opened : first;
    const to = client.closed && client.closed < end ? client.closed : end;
    if (to < from) continue;
    const days = contacts.get(id) ?? [];
    const before = days
      .filter((d) => d < from)
      .sort()
      .at(-1);
    const since = before && before > client.opened ? before : client.opened;
    tally[tier].clients++;
    if (keptToRule({ since, contacts: days, from, to, intervalDays: intervals[tier] }))
      tally[tier].kept++;
  }
  return {
    stationId: station.id,
    month,
    tiers: careTiers.map((tier) => ({
      tier,
      intervalDays: intervals[tier],
      clients: tally[tier].clients,
      visitedWithinRule: tally[tier].kept,
      rate: tally[tier].clients ? tally[tier].kept / tally[tier].clients : null,
    })),
  };
}

/** The social workers a case of the station can be given to. */
export async function listStationWorkers(opts: Ctx & { stationId: string }) {
  const station = await stationInScope(opts.db, opts.caller, opts.stationId);
  return findStationWorkers(opts.db, station.id);
}
