import { careTags, idCheckDigit, type CareTag } from '../common/people';
import type { HouseholdCreate } from '../common/schemas/people';
import { caseSources, serviceRecordTypes } from '../common/schemas/cases';
import { issueCategories } from '../common/schemas/issues';
import { placeCategories } from '../common/schemas/places';
import type { Db } from '../server/db';
import type { Insertable } from 'kysely';
import type { Database, HouseholdRow, NewRecordHistory, NewResident } from '../server/db/schema';
import { newId } from '../server/lib/ids';
import { nowIso, todayInShanghai } from '../server/lib/time';
import type { Caller } from '../server/lib/caller';
import { hashPassword } from '../server/modules/auth/password';
import { createDistrict, type GridPlacement } from '../server/modules/org/service';
import { insertHouseholdsBulk } from '../server/modules/people/repo';
import {
  householdRowFor,
  residentRowsFor,
  type MemberInput,
} from '../server/modules/people/service';
import { addBenchData, BENCH_PASSWORD } from './data';

/**
 * A district to measure on: the org tree and staff of bench/data.ts, then households and residents
 * made by the people module's own row builders (sealed ID numbers and phones, blind indexes, pinyin,
 * care tags, history) and written in bulk, and places, issues, cases and service records written
 * straight into their tables. Deterministic: the same scale gives the same shape and the same samples.
 */

export const DISTRICT_SHAPE = { streets: 20, communitiesPerStreet: 20, gridsPerCommunity: 4 };

/** What the scenarios need to know about the generated data: accounts and values that exist. */
export interface DistrictSamples {
  /** Username per role measured. */
  accounts: Record<RoleKey, string>;
  /** Per role: values inside the account's scope. */
  scope: Record<
    RoleKey,
    {
      names: string[];
      initials: string[];
      idNumbers: string[];
      phoneTails: string[];
      householdIds: string[];
      gridId: string;
      communityId: string;
    }
  >;
}
export type RoleKey = 'districtAdmin' | 'streetAdmin' | 'socialWorker' | 'gridWorker';
export const ROLE_KEYS: RoleKey[] = ['districtAdmin', 'streetAdmin', 'socialWorker', 'gridWorker'];

export interface GenerationCounts {
  households: number;
  residents: number;
  careTags: number;
  history: number;
  places: number;
  issues: number;
  cases: number;
  serviceRecords: number;
  staff: number;
  units: number;
}

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文'.split(
    '',
  );
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华玉萍红建国志文辉鹏力斌宇浩凯健俊帆帅旭宁龙林欣佳雪琳晨阳怡婷倩颖子涵梓轩睿博思远一诺雨泽欣怡梦瑶嘉慧紫萱海燕春梅丹凤'.split(
    '',
  );

/** A small deterministic generator, so a re-run makes the same district. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const DAY_MS = 86_400_000;
const BIRTH_FROM = Date.UTC(1930, 0, 1);
const BIRTH_DAYS = 32_000;

/**
 * A valid 18-digit number (GB 11643 check digit) for the i-th resident, unique in the district: the
 * birth day walks through 32,000 days and the sequence number counts the rounds. Region 149901 is no
 * county's, as in the demo data, so no number can be a real person's.
 */
function idNumberFor(i: number, female: boolean): { idNumber: string; birthDate: string } {
  const birthDate = new Date(BIRTH_FROM + (i % BIRTH_DAYS) * DAY_MS).toISOString().slice(0, 10);
  const seq = String(Math.floor(i / BIRTH_DAYS) * 2 + (female ? 0 : 1)).padStart(3, '0');
  const first17 = `149901${birthDate.replaceAll('-', '')}${seq}`;
  return { idNumber: first17 + idCheckDigit(first17), birthDate };
}

/** Household sizes cycle through these: 2.5 residents a household on average. */
const SIZES = [2, 3, 2, 3, 1, 4, 2, 3, 2, 3];
const RELATIONS = ['spouse', 'child', 'parent'] as const;
const BATCH_HOUSEHOLDS = 2_000;
const BATCH_ROWS = 400;

type BulkTable = 'place' | 'issue' | 'social_case' | 'service_record';
async function insertMany<T extends BulkTable>(
  db: Db,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  // Kysely cannot follow a table name that is a type parameter; the rows are typed by the caller.
  const into = db.insertInto(table as 'place');
  for (let i = 0; i < rows.length; i += BATCH_ROWS)
    await into.values(rows.slice(i, i + BATCH_ROWS) as Insertable<Database['place']>[]).execute();
}

interface Grid extends GridPlacement {
  streetIndex: number;
}

export async function generateDistrict(
  db: Db,
  scale: number,
  log: (line: string) => void,
): Promise<{ counts: GenerationCounts; samples: DistrictSamples }> {
  const random = prng(20_261_128);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)];
  const district = await createDistrict(db, { name: '测区', code: '149901' });
  const bench = await addBenchData(db, DISTRICT_SHAPE);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const now = nowIso();
  const adminId = newId();
  await db
    .insertInto('staff_user')
    .values({
      id: adminId,
      username: 'da',
      display_name: '区管理员',
      phone: null,
      password_hash: passwordHash,
      status: 'active',
      failed_logins: 0,
      locked_until: null,
      totp_secret: null,
      totp_enabled: 0,
      version: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('role_assignment')
    .values({
      id: newId(),
      user_id: adminId,
      role: 'districtAdmin',
      org_unit_id: district.id,
      created_at: now,
    })
    .execute();

  const units = await db
    .selectFrom('org_unit')
    .select(['id', 'parent_id', 'kind', 'name', 'path', 'street_id'])
    .orderBy('path')
    .execute();
  const byId = new Map(units.map((u) => [u.id, u]));
  const streets = units.filter((u) => u.kind === 'street');
  const streetIndex = new Map(streets.map((s, i) => [s.id, i]));
  const grids: Grid[] = units
    .filter((u) => u.kind === 'grid')
    .map((g) => ({
      gridId: g.id,
      gridName: g.name,
      communityId: g.parent_id!,
      communityName: byId.get(g.parent_id!)!.name,
      streetId: g.street_id!,
      path: g.path,
      streetIndex: streetIndex.get(g.street_id!)!,
    }));
  const stations = new Map(units.filter((u) => u.kind === 'station').map((u) => [u.street_id!, u]));
  const staff = await db
    .selectFrom('staff_user as u')
    .innerJoin('role_assignment as a', 'a.user_id', 'u.id')
    .select(['u.id', 'u.username', 'a.role', 'a.org_unit_id'])
    .execute();
  const workersOf = new Map<string, string[]>();
  const gridWorkerOf = new Map<string, string>();
  for (const s of staff) {
    if (s.role === 'socialWorker') {
      const street = byId.get(s.org_unit_id)!.street_id!;
      workersOf.set(street, [...(workersOf.get(street) ?? []), s.id]);
    }
    if (s.role === 'gridWorker') gridWorkerOf.set(byId.get(s.org_unit_id)!.parent_id!, s.id);
  }

  // The accounts measured: all in street 1, the grid worker in the second grid of its community 1.
  const gwUser = staff.find((s) => s.username === 'gw.s01.c01')!;
  const focusGrid = gwUser.org_unit_id;
  const focusStreet = streets[0].id;
  const caller: Caller = {
    userId: adminId,
    username: 'da',
    displayName: '区管理员',
    ip: '127.0.0.1',
    assignments: [],
    sessionId: '',
    csrfToken: '',
    totpEnabled: false,
  };

  const households = Math.round(400_000 * scale);
  const counts: GenerationCounts = {
    households: 0,
    residents: 0,
    careTags: 0,
    history: 0,
    places: 0,
    issues: 0,
    cases: 0,
    serviceRecords: 0,
    staff: bench.staff + 1,
    units: bench.units + 1,
  };
  type Sample = {
    name: string;
    initials: string;
    idNumber: string;
    phone: string | null;
    householdId: string;
    grid: Grid;
  };
  const districtSamples: Sample[] = [];
  const streetSamples: Sample[] = [];
  const gridSamples: Sample[] = [];
  /** Residents per street, for the clients of its cases. */
  const residentsOf = new Map<string, { id: string; household_id: string }[]>();
  let resident = 0;
  const started = Date.now();
  for (let from = 0; from < households; from += BATCH_HOUSEHOLDS) {
    const batch = {
      households: [] as HouseholdRow[],
      residents: [] as NewResident[],
      tags: [] as { resident_id: string; tag: string; street_id: string; community_id: string }[],
      history: [] as NewRecordHistory[],
    };
    for (let h = from; h < Math.min(households, from + BATCH_HOUSEHOLDS); h++) {
      const grid = grids[h % grids.length];
      const nth = Math.floor(h / grids.length);
      const surname = pick(SURNAMES);
      const members: MemberInput[] = [];
      const size = SIZES[h % SIZES.length];
      for (let m = 0; m < size; m++) {
        const female = random() < 0.5;
        const { idNumber, birthDate } = idNumberFor(resident + m, female);
        const given = random() < 0.3 ? pick(GIVEN) : pick(GIVEN) + pick(GIVEN);
        const tag: CareTag | undefined =
          random() < 0.12 ? careTags[Math.floor(random() * 6)] : undefined;
        members.push({
          name: (m === 1 ? pick(SURNAMES) : surname) + given,
          gender: female ? 'female' : 'male',
          birthDate,
          idNumber,
          phone: random() < 0.8 ? `13${String(100_000_000 + resident + m).slice(-9)}` : null,
          careTags: tag ? [tag] : [],
          relationToHead: m === 0 ? 'self' : RELATIONS[(m - 1) % RELATIONS.length],
        });
      }
      const input = {
        gridId: grid.gridId,
        building: `${1 + (nth % 30)}号楼`,
        unitNo: `${1 + (Math.floor(nth / 30) % 4)}单元`,
        room: String(101 + Math.floor(nth / 120) * 100 + (nth % 6)),
        head: members[0],
      } as HouseholdCreate;
      const row = householdRowFor(grid, input);
      for (const member of members) {
        const made = residentRowsFor(caller, member, row, { type: 'import' });
        if (member.relationToHead === 'self') row.head_resident_id = made.resident.id;
        batch.residents.push(made.resident);
        for (const tag of made.tags)
          batch.tags.push({
            resident_id: made.resident.id,
            tag,
            street_id: row.street_id,
            community_id: row.community_id,
          });
        batch.history.push(...made.history);
        const sample = {
          name: member.name,
          initials: made.resident.name_initials,
          idNumber: member.idNumber!,
          phone: member.phone ?? null,
          householdId: row.id,
          grid,
        };
        if (resident % 997 === 0) districtSamples.push(sample);
        if (grid.streetId === focusStreet && resident % 53 === 0) streetSamples.push(sample);
        if (grid.gridId === focusGrid && gridSamples.length < 200) gridSamples.push(sample);
        const list = residentsOf.get(row.street_id) ?? [];
        if (list.length < 20_000) list.push({ id: made.resident.id, household_id: row.id });
        residentsOf.set(row.street_id, list);
        resident++;
      }
      batch.households.push(row);
    }
    await db.transaction().execute((trx) => insertHouseholdsBulk(trx, batch));
    counts.households += batch.households.length;
    counts.residents += batch.residents.length;
    counts.careTags += batch.tags.length;
    counts.history += batch.history.length;
    if ((from / BATCH_HOUSEHOLDS) % 20 === 0)
      log(
        `  ${counts.households} households, ${counts.residents} residents (${((Date.now() - started) / 1000).toFixed(0)} s)`,
      );
  }

  const today = todayInShanghai();
  const dayOffset = (days: number) =>
    new Date(Date.parse(today) + days * DAY_MS).toISOString().slice(0, 10);
  const places = Math.round(50_000 * scale);
  for (let from = 0; from < places; from += 10_000) {
    const rows: Insertable<Database['place']>[] = [];
    for (let p = from; p < Math.min(places, from + 10_000); p++) {
      const g = grids[p % grids.length];
      rows.push({
        id: newId(),
        street_id: g.streetId,
        community_id: g.communityId,
        grid_id: g.gridId,
        org_path: g.path,
        name: `${pick(SURNAMES)}记${pick(['超市', '饭店', '药房', '五金', '理发', '早餐'])}${p}`,
        category: placeCategories[p % placeCategories.length],
        address: `${g.communityName}${1 + (p % 40)}号`,
        licence_no: `9114${String(p).padStart(14, '0')}`,
        person_in_charge: pick(SURNAMES) + pick(GIVEN),
        phone: `0352${String(5_000_000 + p).slice(-7)}`,
        lat: null,
        lng: null,
        status: p % 25 === 0 ? ('closed' as const) : ('active' as const),
        created_by: gridWorkerOf.get(g.communityId)!,
        version: 1,
        created_at: now,
        updated_at: now,
      });
    }
    await db.transaction().execute((trx) => insertMany(trx, 'place', rows));
    counts.places += rows.length;
  }
  log(`  ${counts.places} places`);

  const issues = Math.round(200_000 * scale);
  const statuses = ['reported', 'accepted', 'dispatched', 'handling', 'handled', 'closed', 'rated'];
  for (let from = 0; from < issues; from += 10_000) {
    const rows: Insertable<Database['issue']>[] = [];
    for (let i = from; i < Math.min(issues, from + 10_000); i++) {
      const g = grids[(i * 7) % grids.length];
      const status = statuses[i % statuses.length];
      const open = status !== 'closed' && status !== 'rated';
      const created = new Date(Date.now() - (i % 365) * DAY_MS).toISOString();
      rows.push({
        id: newId(),
        source: 'patrol',
        source_id: null,
        category: issueCategories[i % issueCategories.length],
        street_id: g.streetId,
        community_id: g.communityId,
        grid_id: g.gridId,
        org_path: g.path,
        place_id: null,
        place_name: null,
        location_text: `${g.communityName}${g.gridName}`,
        lat: null,
        lng: null,
        description: `巡查发现：${pick(['楼道堆物', '垃圾未清运', '井盖破损', '占道经营', '路灯不亮'])}（${i}）`,
        reporter_id: gridWorkerOf.get(g.communityId)!,
        status,
        department_id: null,
        assignee_id: null,
        escalation_level: 'grid',
        step_deadline: open ? new Date(Date.now() + ((i % 11) - 3) * DAY_MS).toISOString() : null,
        escalate_at: null,
        rectification: null,
        rating: status === 'rated' ? 5 : null,
        merged_into: null,
        closed_at: open ? null : created,
        version: 1,
        created_at: created,
        updated_at: created,
      });
    }
    await db.transaction().execute((trx) => insertMany(trx, 'issue', rows));
    counts.issues += rows.length;
  }
  log(`  ${counts.issues} issues`);

  const cases = Math.round(100_000 * scale);
  const stages = ['intake', 'assessment', 'plan', 'intervention', 'evaluation', 'closed'] as const;
  for (let from = 0; from < cases; from += 5_000) {
    const caseRows: Insertable<Database['social_case']>[] = [];
    const records: Insertable<Database['service_record']>[] = [];
    for (let c = from; c < Math.min(cases, from + 5_000); c++) {
      const street = streets[c % streets.length];
      const station = stations.get(street.id)!;
      const clients = residentsOf.get(street.id)!;
      const client = clients[Math.floor(c / streets.length) % clients.length];
      const stage = stages[c % stages.length];
      const worker = workersOf.get(street.id)![Math.floor(c / streets.length) % 8];
      const opened = new Date(Date.now() - (c % 700) * DAY_MS).toISOString();
      const id = newId();
      caseRows.push({
        id,
        resident_id: client.id,
        household_id: client.household_id,
        station_id: station.id,
        street_id: street.id,
        org_path: station.path,
        source: caseSources[c % caseSources.length],
        presenting_problem: '独居，行动不便，需要定期探访与生活照料。',
        risk_level: (['low', 'medium', 'high'] as const)[c % 3],
        stage,
        status: stage === 'closed' ? ('closed' as const) : ('open' as const),
        cycle: 1,
        assigned_worker_id: worker,
        next_contact_date: stage === 'closed' ? null : dayOffset((c % 21) - 7),
        opened_at: opened,
        closed_at: stage === 'closed' ? now : null,
        closure_reason: stage === 'closed' ? 'goalReached' : null,
        pseudonym: null,
        created_by: worker,
        version: 1,
        created_at: opened,
        updated_at: opened,
      });
      for (let r = 0; r < 10; r++)
        records.push({
          id: newId(),
          case_id: id,
          resident_id: client.id,
          station_id: station.id,
          street_id: street.id,
          cycle: 1,
          stage: 'intervention',
          type: serviceRecordTypes[r % serviceRecordTypes.length],
          at: new Date(Date.parse(opened) + r * 3 * DAY_MS).toISOString(),
          duration_minutes: 30 + (r % 4) * 15,
          content: '上门探访，了解近况，协助联系社区医生。',
          next_follow_up_date: null,
          corrections: null,
          worker_id: worker,
          created_at: opened,
        });
    }
    await db.transaction().execute(async (trx) => {
      await insertMany(trx, 'social_case', caseRows);
      await insertMany(trx, 'service_record', records);
    });
    counts.cases += caseRows.length;
    counts.serviceRecords += records.length;
    if ((from / 5_000) % 4 === 0)
      log(`  ${counts.cases} cases, ${counts.serviceRecords} service records`);
  }

  const usernames = {
    districtAdmin: 'da',
    streetAdmin: 'sa.s01',
    socialWorker: 'sw.s01.1',
    gridWorker: 'gw.s01.c01',
  };
  const scoped = (list: Sample[]) => ({
    names: list.slice(0, 20).map((s) => s.name),
    initials: list.slice(0, 20).map((s) => s.initials.slice(0, 2)),
    idNumbers: list.slice(0, 20).map((s) => s.idNumber),
    phoneTails: list
      .filter((s) => s.phone)
      .slice(0, 20)
      .map((s) => s.phone!.slice(-4)),
    householdIds: list.slice(0, 20).map((s) => s.householdId),
    // The grid and community of a resident in the middle of the scope.
    gridId: list[Math.floor(list.length / 2)].grid.gridId,
    communityId: list[Math.floor(list.length / 2)].grid.communityId,
  });
  const gridScope = scoped(gridSamples);
  return {
    counts,
    samples: {
      accounts: usernames,
      scope: {
        districtAdmin: scoped(districtSamples),
        streetAdmin: scoped(streetSamples),
        socialWorker: scoped(streetSamples),
        gridWorker: {
          ...gridScope,
          gridId: focusGrid,
          communityId: gridSamples[0].grid.communityId,
        },
      },
    },
  };
}
