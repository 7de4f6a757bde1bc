import type { Role } from '../../../common/roles';
import type { Resident, Sensitive } from '../../../common/schemas/people';
import { ageOn, careTags } from '../../../common/people';
import type { Db } from '../../db';
import type { ResidentRow } from '../../db/schema';
import { fieldCipher } from '../../lib/crypto';
import { todayInShanghai } from '../../lib/time';
import type { Assignment, Caller } from '../../lib/caller';
import type { AreaClause } from './repo';

export const sensitiveFields = ['idNumber', 'phone', 'healthNotes', 'disability'] as const;
export type SensitiveField = (typeof sensitiveFields)[number];

/** whole: shown; reveal: masked, opened by giving a reason; masked: masked; hidden: not sent at all. */
export type FieldAccess = 'whole' | 'reveal' | 'masked' | 'hidden';

/** A caller's tie to a client through a case: the assigned worker, or the supervisor of the case's station. */
export type CaseTie = 'worker' | 'supervisor';
export type CaseTieCheck = (
  db: Db,
  caller: Caller,
  residentIds: string[],
) => Promise<Map<string, CaseTie>>;
const tieChecks: CaseTieCheck[] = [];
/** The cases module tells the people module who works with whom, without people importing cases. */
export function registerCaseTieCheck(check: CaseTieCheck): void {
  tieChecks.push(check);
}
export async function caseTies(
  db: Db,
  caller: Caller,
  residentIds: string[],
): Promise<Map<string, CaseTie>> {
  const ties = new Map<string, CaseTie>();
  for (const check of tieChecks)
    for (const [id, tie] of await check(db, caller, residentIds))
      if (!ties.has(id) || tie === 'worker') ties.set(id, tie);
  return ties;
}

export const PEOPLE_READERS: readonly Role[] = [
  'districtAdmin',
  'streetAdmin',
  'stationSupervisor',
  'socialWorker',
  'gridWorker',
  'communityStaff',
  'viewer',
];
export const PEOPLE_WRITERS: readonly Role[] = [
  'districtAdmin',
  'streetAdmin',
  'stationSupervisor',
  'socialWorker',
  'gridWorker',
  'communityStaff',
];
const STATION_ROLES: readonly Role[] = ['stationSupervisor', 'socialWorker'];

type Located = Pick<ResidentRow, 'street_id' | 'community_id' | 'grid_id' | 'org_path'>;

function areaCovers(a: Assignment, r: Located): boolean {
  if (!a.area) return false;
  switch (a.area.kind) {
    case 'district':
      return r.org_path.startsWith(a.area.path);
    case 'street':
      return r.street_id === a.area.id;
    case 'community':
      return r.community_id === a.area.id;
    case 'grid':
      return r.grid_id === a.area.id;
  }
}

/** The caller's roles that reach a record's place. */
export const rolesAt = (caller: Caller, r: Located): Role[] =>
  caller.assignments.filter((a) => areaCovers(a, r)).map((a) => a.role);

/** The caller's area for the given roles, as clauses a query can use (an equality on an indexed column where it can). */
export function areaClauses(caller: Caller, roles: readonly Role[]): AreaClause[] {
  return caller.assignments
    .filter((a) => roles.includes(a.role) && a.area)
    .map((a) => {
      const area = a.area!;
      if (area.kind === 'district') return { column: 'org_path', prefix: area.path } as const;
      return { column: `${area.kind}_id` as const, id: area.id };
    });
}

export const isMinor = (r: Pick<ResidentRow, 'birth_date'>, today = todayInShanghai()): boolean =>
  r.birth_date !== null && ageOn(r.birth_date, today) < 18;

/**
 * Who sees which sensitive field whole. The client's own worker and the supervisor see everything;
 * other workers of the station may open a field with a reason; a grid worker needs an adult's phone
 * to do the rounds but never health notes; everyone else sees masks.
 */
export function fieldAccess(
  roles: Role[],
  tie: CaseTie | undefined,
  minor: boolean,
): Record<SensitiveField, FieldAccess> {
  if (tie) return { idNumber: 'whole', phone: 'whole', healthNotes: 'whole', disability: 'whole' };
  if (roles.some((r) => STATION_ROLES.includes(r)))
    return { idNumber: 'reveal', phone: 'reveal', healthNotes: 'reveal', disability: 'reveal' };
  if (roles.includes('gridWorker'))
    return {
      idNumber: 'masked',
      phone: minor ? 'masked' : 'whole',
      healthNotes: 'hidden',
      disability: 'masked',
    };
  return { idNumber: 'masked', phone: 'masked', healthNotes: 'hidden', disability: 'masked' };
}

/** Lists and exports never carry a whole value: the same rule with every 'whole' and 'reveal' masked. */
export const listAccess = (
  a: Record<SensitiveField, FieldAccess>,
): Record<SensitiveField, FieldAccess> =>
  Object.fromEntries(
    sensitiveFields.map((f) => [f, a[f] === 'hidden' ? 'hidden' : 'masked']),
  ) as Record<SensitiveField, FieldAccess>;

const MASK = '******';

/** 小阳 → 小*, 李小华 → 李**: the first character stays so a list still reads as a family. */
export const maskName = (name: string): string =>
  name.slice(0, 1) + '*'.repeat(Math.max(1, [...name].length - 1));

export function sensitiveValue(
  r: ResidentRow,
  field: SensitiveField,
  access: FieldAccess,
): Sensitive {
  const sealed = {
    idNumber: r.id_number_sealed,
    phone: r.phone_sealed,
    healthNotes: r.health_notes_sealed,
    disability: r.disability_sealed,
  }[field];
  if (sealed === null) return { value: null, masked: false, canReveal: false };
  if (access === 'whole')
    return { value: fieldCipher().open(sealed), masked: false, canReveal: false };
  if (access === 'hidden') return { value: null, masked: true, canReveal: false };
  const masked = {
    idNumber: r.id_number_masked,
    phone: r.phone_masked,
    healthNotes: MASK,
    disability: MASK,
  }[field];
  return { value: masked, masked: true, canReveal: access === 'reveal' };
}

export function formatAddress(
  h: { building: string; unit_no: string | null; room: string },
  communityName = '',
): string {
  const suffix = (v: string, s: string) => (/^\d+$/.test(v) ? `${v}${s}` : v);
  return `${communityName}${suffix(h.building, '号楼')}${h.unit_no ? suffix(h.unit_no, '单元') : ''}${suffix(h.room, '室')}`;
}

export function presentResident(
  r: ResidentRow,
  opts: { access: Record<SensitiveField, FieldAccess>; tags: string[]; address: string },
): Resident {
  // A child comes of age on their birthday as counted here, not in UTC (8 hours later).
  const today = todayInShanghai();
  // Everything about a minor is sensitive: who may not see the child's ID number whole or by reason
  // (lists and exports, grid and community staff, admins) sees the name masked and no birth date.
  const hideMinor =
    isMinor(r, today) && opts.access.idNumber !== 'whole' && opts.access.idNumber !== 'reveal';
  return {
    id: r.id,
    householdId: r.household_id,
    relationToHead: r.relation_to_head as Resident['relationToHead'],
    name: hideMinor ? maskName(r.name) : r.name,
    gender: r.gender as Resident['gender'],
    birthDate: hideMinor ? null : r.birth_date,
    age: r.birth_date ? ageOn(r.birth_date, today) : null,
    minor: isMinor(r, today),
    ethnicity: r.ethnicity,
    idNumber: sensitiveValue(r, 'idNumber', opts.access.idNumber),
    phone: sensitiveValue(r, 'phone', opts.access.phone),
    healthNotes: sensitiveValue(r, 'healthNotes', opts.access.healthNotes),
    disability: sensitiveValue(r, 'disability', opts.access.disability),
    registrationStatus: r.registration_status as Resident['registrationStatus'],
    careTags: careTags.filter((t) => opts.tags.includes(t)),
    selfCare: r.self_care as Resident['selfCare'],
    status: r.status,
    communityId: r.community_id,
    gridId: r.grid_id,
    address: opts.address,
    version: r.version,
    updatedAt: r.updated_at,
  };
}
