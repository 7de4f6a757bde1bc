import type { Consent, Resident, ResidentQuery } from '../../../common/schemas/people';
import { ageOn, idNumberValid } from '../../../common/people';
import type { zConsentCreate, zReveal } from '../../../common/schemas/people';
import type { z } from 'zod';
import type { Db } from '../../db';
import { pageOf } from '../../db/paging';
import type { ConsentRow, ResidentRow } from '../../db/schema';
import { fieldCipher } from '../../lib/crypto';
import { AppError, forbidden, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { hasRole, type Caller } from '../../lib/caller';
import { describeGrids, resolveDistrictAreas } from '../org/service';
import {
  areaClauses,
  caseTies,
  fieldAccess,
  formatAddress,
  isMinor,
  listAccess,
  PEOPLE_READERS,
  presentResident,
  rolesAt,
} from './access';
import { nameKeys, normalisePhone } from './fields';
import * as repo from './repo';
import { residentInScope, type Ctx } from './service';

/** Reads one search box the way a worker types into it: a name, pinyin, an ID number, a phone or its last four, an address. */
export function parseSearch(q: string | undefined): Partial<repo.ResidentFilter> {
  const text = q?.trim();
  if (!text) return {};
  const cipher = fieldCipher();
  if (/^\d{17}[\dXx]$/.test(text) && idNumberValid(text.toUpperCase()))
    return { idNumberIndex: cipher.blindIndex('idNumber', text.toUpperCase()) };
  if (/^1\d{10}$/.test(normalisePhone(text)) && /^[\d\s-]+$/.test(text))
    return { phoneIndex: cipher.blindIndex('phone', normalisePhone(text)) };
  if (/^\d{4}$/.test(text)) return { phoneLast4: text, addressPart: text };
  if (/^[a-zA-Z]+$/.test(text)) {
    const lower = text.toLowerCase();
    return { nameInitials: lower, namePinyin: lower };
  }
  if (/[\u4e00-\u9fa5]/.test(text) && !/\d/.test(text))
    return { namePrefix: text, namePinyin: nameKeys(text).name_pinyin || undefined };
  return { addressPart: text };
}

async function presentList(db: Db, caller: Caller, rows: ResidentRow[]): Promise<Resident[]> {
  const tags = await repo.findCareTags(
    db,
    rows.map((r) => r.id),
  );
  const households = new Map(
    (await repo.findHouseholdsByIds(db, [...new Set(rows.map((r) => r.household_id))])).map((h) => [
      h.id,
      h,
    ]),
  );
  const places = await describeGrids(
    db,
    rows.map((r) => r.grid_id),
  );
  return rows.map((r) => {
    const h = households.get(r.household_id)!;
    return presentResident(r, {
      access: listAccess(fieldAccess(rolesAt(caller, r), undefined, isMinor(r))),
      tags: tags.filter((t) => t.resident_id === r.id).map((t) => t.tag),
      address: formatAddress(h, places.get(r.grid_id)?.communityName),
    });
  });
}

export async function searchResidents(opts: Ctx & { query: ResidentQuery }) {
  const { db, caller, query } = opts;
  if (!hasRole(caller, PEOPLE_READERS)) throw forbidden();
  const filter: repo.ResidentFilter = {
    area: await resolveDistrictAreas(db, areaClauses(caller, PEOPLE_READERS)),
    careTag: query.careTag,
    communityId: query.communityId,
    gridId: query.gridId,
    status: query.status,
    ...parseSearch(query.q),
  };
  const { rows, total, capped } = await repo.findResidents(db, filter, {
    ...pageOf(query),
    after: query.cursor ? readCursor(query.cursor) : undefined,
  });
  const last = rows.length === query.pageSize ? rows[rows.length - 1] : undefined;
  return {
    items: await presentList(db, caller, rows),
    total,
    totalCapped: capped,
    page: query.page,
    pageSize: query.pageSize,
    nextCursor: last ? writeCursor(last) : null,
  };
}

/** A page's end as an opaque token: the next page seeks past it in the list's index. */
const writeCursor = (r: ResidentRow): string =>
  Buffer.from(JSON.stringify([r.name_initials, r.name, r.id])).toString('base64url');

function readCursor(token: string): repo.ResidentCursor {
  try {
    const v: unknown = JSON.parse(Buffer.from(token, 'base64url').toString());
    if (Array.isArray(v) && v.length === 3 && v.every((x) => typeof x === 'string'))
      return { nameInitials: v[0], name: v[1], id: v[2] };
  } catch {
    // falls through to the error below
  }
  throw new AppError(
    400,
    'VALIDATION_FAILED',
    { field: 'cursor', detail: '' },
    { field: 'cursor' },
  );
}

/**
 * Every matching resident (up to a cap), masked as lists are, for the Excel export. Read a page at a
 * time so that no statement carries more ids than a database accepts (SQLite: 32,766).
 */
export async function residentsForExport(
  opts: Ctx & { query: ResidentQuery; cap: number },
): Promise<{ items: Resident[]; total: number }> {
  const pageSize = 1000;
  const items: Resident[] = [];
  let total = 0;
  // Page by cursor: each page is a seek into the list's index, not a walk past all the earlier ones.
  let cursor: string | undefined;
  while (items.length < opts.cap) {
    const r = await searchResidents({
      ...opts,
      query: { ...opts.query, page: 1, pageSize, cursor },
    });
    total = Math.max(total, r.total);
    items.push(...r.items);
    if (!r.nextCursor) break;
    cursor = r.nextCursor;
  }
  return { items: items.slice(0, opts.cap), total };
}

export async function getResident(opts: Ctx & { id: string }): Promise<Resident> {
  const { db, caller } = opts;
  return db.transaction().execute(async (trx) => {
    const r = await residentInScope(trx, caller, opts.id, false);
    const ties = await caseTies(trx, caller, [r.id]);
    const access = fieldAccess(rolesAt(caller, r), ties.get(r.id), isMinor(r));
    const whole = (['idNumber', 'phone', 'healthNotes', 'disability'] as const).filter(
      (f) =>
        access[f] === 'whole' &&
        {
          idNumber: r.id_number_sealed,
          phone: r.phone_sealed,
          healthNotes: r.health_notes_sealed,
          disability: r.disability_sealed,
        }[f],
    );
    if (whole.length)
      await recordAudit(trx, {
        actor: actorOf(caller),
        action: 'resident.readSensitive',
        entity: 'resident',
        entityId: r.id,
        changedFields: [...whole],
        orgPath: r.org_path,
      });
    const h = (await repo.getHousehold(trx, r.household_id))!;
    const place = (await describeGrids(trx, [r.grid_id])).get(r.grid_id);
    const tags = (await repo.findCareTags(trx, [r.id])).map((t) => t.tag);
    return presentResident(r, { access, tags, address: formatAddress(h, place?.communityName) });
  });
}

/**
 * Break the glass: a worker of the station who is not the client's own may see a masked field whole
 * by giving a reason. The read is kept where the supervisor sees it and in the audit log.
 */
export async function revealField(
  opts: Ctx & { id: string; input: z.infer<typeof zReveal> },
): Promise<{ field: string; value: string | null }> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const r = await residentInScope(db, caller, opts.id, false);
    const ties = await caseTies(db, caller, [r.id]);
    const access = fieldAccess(rolesAt(caller, r), ties.get(r.id), isMinor(r))[input.field];
    if (access !== 'reveal' && access !== 'whole')
      throw new AppError(403, 'REVEAL_NOT_ALLOWED', {}, { field: 'field' });
    const sealedValue = {
      idNumber: r.id_number_sealed,
      phone: r.phone_sealed,
      healthNotes: r.health_notes_sealed,
      disability: r.disability_sealed,
    }[input.field];
    await repo.insertSensitiveAccess(db, {
      id: newId(),
      resident_id: r.id,
      street_id: r.street_id,
      field: input.field,
      reason: input.reason,
      user_id: caller.userId,
      username: caller.username,
      at: nowIso(),
    });
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'resident.revealSensitive',
      entity: 'resident',
      entityId: r.id,
      changedFields: [input.field],
      detail: input.reason,
      orgPath: r.org_path,
    });
    return { field: input.field, value: sealedValue ? fieldCipher().open(sealedValue) : null };
  });
}

/** The station supervisor's view of break-the-glass reads in their street. */
export async function listSensitiveAccess(opts: Ctx) {
  const { caller } = opts;
  const streets = caller.assignments
    .filter((a) => a.role === 'stationSupervisor' && a.area)
    .map((a) => a.area!.id);
  const district = hasRole(caller, ['districtAdmin']);
  if (!district && streets.length === 0) throw forbidden();
  const rows = await repo.findSensitiveAccess(opts.db, district ? null : streets, 500);
  return rows.map((r) => ({
    id: r.id,
    residentId: r.resident_id,
    residentName: r.resident_name,
    field: r.field,
    reason: r.reason,
    username: r.username,
    at: r.at,
  }));
}

const presentConsent = (c: ConsentRow): Consent => ({
  id: c.id,
  residentId: c.resident_id,
  givenBy: c.given_by,
  guardianName: c.guardian_name,
  consentDate: c.consent_date,
  scope: c.scope,
  withdrawnAt: c.withdrawn_at,
  createdAt: c.created_at,
});

export async function recordConsent(
  opts: Ctx & { residentId: string; input: z.infer<typeof zConsentCreate> },
): Promise<Consent> {
  const { caller, input } = opts;
  return opts.db.transaction().execute(async (db) => {
    const r = await residentInScope(db, caller, opts.residentId, true);
    // Under 14 the guardian consents (PIPL art. 31).
    const under14 = r.birth_date !== null && ageOn(r.birth_date, input.consentDate) < 14;
    if (under14 && (input.givenBy !== 'guardian' || !input.guardianName))
      throw new AppError(400, 'CONSENT_REQUIRED', {}, { field: 'guardianName' });
    const row: ConsentRow = {
      id: newId(),
      resident_id: r.id,
      given_by: input.givenBy,
      guardian_name: input.guardianName ?? null,
      consent_date: input.consentDate,
      scope: input.scope,
      recorded_by: caller.userId,
      withdrawn_at: null,
      created_at: nowIso(),
    };
    await repo.insertConsent(db, row);
    await recordAudit(db, {
      actor: actorOf(caller),
      action: 'resident.consent',
      entity: 'resident',
      entityId: r.id,
      orgPath: r.org_path,
    });
    return presentConsent(row);
  });
}

export async function listConsents(opts: Ctx & { residentId: string }): Promise<Consent[]> {
  await residentInScope(opts.db, opts.caller, opts.residentId, false);
  return (await repo.findConsents(opts.db, opts.residentId)).map(presentConsent);
}

/** For the cases module: whether a resident has a consent in force (intake needs one). */
export async function hasConsent(db: Db, residentId: string): Promise<boolean> {
  return (await repo.findConsents(db, residentId)).some((c) => c.withdrawn_at === null);
}

/** What identifies the people of a household, plain: for scrubbing a text before it is published. */
export interface IdentifyingFacts {
  address: string;
  /** Earlier addresses of the household (moves), from its history. */
  formerAddresses: string[];
  members: {
    id: string;
    name: string;
    /** Names the member was registered under before a correction. */
    formerNames: string[];
    relationToHead: string;
    gender: string | null;
    birthDate: string | null;
    minor: boolean;
    status: ResidentRow['status'];
    idNumber: string | null;
    phone: string | null;
  }[];
  /** Members who split off into a household of their own. */
  formerMembers: string[];
}

/**
 * For the cases module's publication summaries: everything that identifies the members of a household
 * (those who moved away or died too), so that none of it is printed. The values are opened here only
 * to be searched for and taken out; they are never sent to a caller, so this read is not audited as
 * one of sensitive data — the summary that uses it is audited by the cases module.
 */
export async function identifyingFacts(db: Db, householdId: string): Promise<IdentifyingFacts> {
  const h = await repo.getHousehold(db, householdId);
  if (!h) throw notFound();
  const cipher = fieldCipher();
  const members = await repo.findMembers(db, h.id);
  const place = (await describeGrids(db, [h.grid_id])).get(h.grid_id);
  const history = await repo.findHistory(db, h.id, 1000);
  const formerNames = (id: string) =>
    history
      .filter((e) => e.entity === 'resident' && e.entity_id === id && e.field === 'name')
      .map((e) => e.old_value)
      .filter((v): v is string => !!v);
  return {
    address: formatAddress(h, place?.communityName),
    formerAddresses: history
      .filter((e) => e.operation === 'move' && e.old_value)
      .map((e) => e.old_value!),
    members: members.map((m) => ({
      id: m.id,
      name: m.name,
      formerNames: formerNames(m.id),
      relationToHead: m.relation_to_head,
      gender: m.gender,
      birthDate: m.birth_date,
      minor: isMinor(m),
      status: m.status,
      idNumber: m.id_number_sealed ? cipher.open(m.id_number_sealed) : null,
      phone: m.phone_sealed ? cipher.open(m.phone_sealed) : null,
    })),
    formerMembers: history
      .filter((e) => e.operation === 'split' && e.new_value)
      .flatMap((e) => e.new_value!.split('、')),
  };
}
