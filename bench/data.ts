import type { Db } from '../server/db';
import type { NewOrgUnit, NewStaffUser } from '../server/db/schema';
import { newId } from '../server/lib/ids';
import { nowIso } from '../server/lib/time';
import { hashPassword } from '../server/modules/auth/password';
import { findDistricts } from '../server/modules/org/service';

/** Bench data only: written straight into the tables, skipping the services, so it is made in seconds. */
export const BENCH_PASSWORD = 'Bench-Linli-2026';

const STREET_NAMES = [
  '东城',
  '西城',
  '南关',
  '北关',
  '和平',
  '建设',
  '解放',
  '人民',
  '光明',
  '幸福',
  '团结',
  '胜利',
  '红旗',
  '前进',
  '朝阳',
  '新华',
  '文化',
  '友谊',
  '长青',
  '兴华',
];
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'.split('');
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
  '平',
];
const GRID_NAMES = ['第一网格', '第二网格', '第三网格', '第四网格'];

export interface BenchShape {
  streets: number;
  communitiesPerStreet: number;
  gridsPerCommunity: number;
}

export interface BenchData {
  units: number;
  staff: number;
  /** Usernames of the generated accounts, for log-in requests. */
  usernames: string[];
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Adds streets (each with a station), communities and grids under the district, and 50 accounts
 * per street: a street admin, a station supervisor, 8 social workers, and one community staff
 * member and one grid worker per community (20 communities per street gives 1,000 for 20 streets).
 */
export async function addBenchData(db: Db, shape: BenchShape): Promise<BenchData> {
  const [district] = await findDistricts(db);
  if (!district?.code) throw new Error('the bench data goes under a district with a code');
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const now = nowIso();
  const units: NewOrgUnit[] = [];
  const staff: NewStaffUser[] = [];
  const assignments: {
    id: string;
    user_id: string;
    role: string;
    org_unit_id: string;
    created_at: string;
  }[] = [];

  const unit = (
    parent: { id: string; path: string; code: string | null },
    kind: string,
    name: string,
    code: string | null,
    streetId: string | null,
  ) => {
    const id = newId();
    const row = { id, parent_id: parent.id, kind, name, code, path: `${parent.path}${id}/` };
    units.push({
      ...row,
      street_id: streetId ?? id,
      status: 'active',
      version: 1,
      created_at: now,
      updated_at: now,
    });
    return row;
  };
  const person = (username: string, role: string, orgUnitId: string) => {
    const id = newId();
    const n = staff.length;
    staff.push({
      id,
      username,
      display_name:
        SURNAMES[n % SURNAMES.length] + GIVEN[Math.floor(n / SURNAMES.length) % GIVEN.length],
      phone: `139${pad(n, 8)}`,
      password_hash: passwordHash,
      status: 'active',
      failed_logins: 0,
      locked_until: null,
      totp_secret: null,
      totp_enabled: 0,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    assignments.push({ id: newId(), user_id: id, role, org_unit_id: orgUnitId, created_at: now });
  };

  for (let s = 1; s <= shape.streets; s++) {
    const base = STREET_NAMES[(s - 1) % STREET_NAMES.length] + (s > STREET_NAMES.length ? s : '');
    const street = unit(district, 'street', `${base}街道`, `${district.code}${100 + s}`, null);
    const station = unit(street, 'station', `${base}街道社工站`, null, street.id);
    person(`sa.s${pad(s)}`, 'streetAdmin', street.id);
    person(`ss.s${pad(s)}`, 'stationSupervisor', station.id);
    for (let w = 1; w <= 8; w++) person(`sw.s${pad(s)}.${w}`, 'socialWorker', station.id);
    for (let c = 1; c <= shape.communitiesPerStreet; c++) {
      const code = `${street.code}${pad(c, 3)}`;
      const community = unit(street, 'community', `${base}第${c}社区`, code, street.id);
      person(`cs.s${pad(s)}.c${pad(c)}`, 'communityStaff', community.id);
      const grids = [];
      for (let g = 1; g <= shape.gridsPerCommunity; g++) {
        const name = GRID_NAMES[g - 1] ?? `第${g}网格`;
        grids.push(unit(community, 'grid', name, `${code}${pad(g, 3)}`, street.id));
      }
      if (grids.length)
        person(`gw.s${pad(s)}.c${pad(c)}`, 'gridWorker', grids[c % grids.length].id);
    }
  }

  await db.transaction().execute(async (trx) => {
    // A few hundred rows per statement stays under SQLite's limit on bound parameters.
    for (let i = 0; i < units.length; i += 200)
      await trx
        .insertInto('org_unit')
        .values(units.slice(i, i + 200))
        .execute();
    for (let i = 0; i < staff.length; i += 200)
      await trx
        .insertInto('staff_user')
        .values(staff.slice(i, i + 200))
        .execute();
    for (let i = 0; i < assignments.length; i += 200)
      await trx
        .insertInto('role_assignment')
        .values(assignments.slice(i, i + 200))
        .execute();
  });
  return { units: units.length, staff: staff.length, usernames: staff.map((u) => u.username) };
}
