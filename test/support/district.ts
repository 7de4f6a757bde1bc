import { idCheckDigit, maskIdNumber, maskPhone } from '../../common/people';
import type { Db } from '../../server/db';
import { fieldCipher } from '../../server/lib/crypto';
import { newId } from '../../server/lib/ids';
import { nameKeys } from '../../server/modules/people/fields';

/**
 * A district written straight into the tables in a few bulk statements per table, for tests of
 * query plans at a size where a scan shows: 4 streets × 10 communities × 4 grids, with households,
 * residents (sealed fields, blind indexes, pinyin), care tags, places, issues, cases and their
 * service records. Rows are what the services would write, minus history.
 */
export interface District {
  districtId: string;
  streets: { id: string; path: string; stationId: string; stationPath: string }[];
  communities: { id: string; streetId: string }[];
  grids: { id: string; communityId: string; streetId: string; path: string }[];
  staff: { districtAdmin: string; streetAdmin: string; socialWorker: string; gridWorker: string };
  householdId: string;
  /** A resident's ID number and phone, to search by. */
  idNumber: string;
  phone: string;
}

const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗'.split('');
const GIVEN = '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超霞平刚'.split('');
const TAGS = ['livingAlone', 'aged80', 'disabled', 'minimumIncome'];

async function insertAll(db: Db, table: string, rows: object[]): Promise<void> {
  const per = Math.max(1, Math.floor(30_000 / Math.max(1, Object.keys(rows[0] ?? {}).length)));
  for (let i = 0; i < rows.length; i += per)
    await db
      .insertInto(table as 'org_unit')
      .values(rows.slice(i, i + per) as never)
      .execute();
}

export async function generateDistrict(db: Db, residents = 50_000): Promise<District> {
  const now = new Date().toISOString();
  const units: object[] = [];
  const unit = (parent: { id: string; path: string } | null, kind: string, streetId?: string) => {
    const id = newId();
    const path = `${parent?.path ?? '/'}${id}/`;
    units.push({
      id,
      parent_id: parent?.id ?? null,
      kind,
      name: `${kind}-${units.length}`,
      code: null,
      path,
      street_id: streetId ?? (kind === 'street' ? id : null),
      status: 'active',
      version: 1,
      created_at: now,
      updated_at: now,
    });
    return { id, path };
  };
  const district = unit(null, 'district');
  const d: District = {
    districtId: district.id,
    streets: [],
    communities: [],
    grids: [],
    staff: { districtAdmin: '', streetAdmin: '', socialWorker: '', gridWorker: '' },
    householdId: '',
    idNumber: '',
    phone: '',
  };
  for (let s = 0; s < 4; s++) {
    const street = unit(district, 'street');
    const station = unit(street, 'station', street.id);
    d.streets.push({ ...street, stationId: station.id, stationPath: station.path });
    for (let c = 0; c < 10; c++) {
      const community = unit(street, 'community', street.id);
      d.communities.push({ id: community.id, streetId: street.id });
      for (let g = 0; g < 4; g++) {
        const grid = unit(community, 'grid', street.id);
        d.grids.push({ ...grid, communityId: community.id, streetId: street.id });
      }
    }
  }
  await insertAll(db, 'org_unit', units);

  const staff: object[] = [];
  const roles: object[] = [];
  const person = (role: string, unitId: string) => {
    const id = newId();
    staff.push({
      id,
      username: `${role}-${staff.length}`,
      display_name: role,
      phone: null,
      password_hash: 'x',
      status: 'active',
      failed_logins: 0,
      locked_until: null,
      totp_secret: null,
      totp_enabled: 0,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    roles.push({ id: newId(), user_id: id, role, org_unit_id: unitId, created_at: now });
    return id;
  };
  d.staff.districtAdmin = person('districtAdmin', district.id);
  d.staff.streetAdmin = person('streetAdmin', d.streets[0].id);
  d.staff.socialWorker = person('socialWorker', d.streets[0].stationId);
  d.staff.gridWorker = person('gridWorker', d.grids[0].id);
  await insertAll(db, 'staff_user', staff);
  await insertAll(db, 'role_assignment', roles);

  const cipher = fieldCipher();
  const households: object[] = [];
  const people: object[] = [];
  const tags: object[] = [];
  const householdCount = Math.ceil(residents / 2.5);
  for (let h = 0; h < householdCount; h++) {
    const grid = d.grids[h % d.grids.length];
    const id = newId();
    const size = Math.min(residents - people.length, 2 + (h % 2));
    if (size <= 0) break;
    const headId = newId();
    households.push({
      id,
      street_id: grid.streetId,
      community_id: grid.communityId,
      grid_id: grid.id,
      org_path: grid.path,
      building: String(1 + (h % 30)),
      unit_no: String(1 + (h % 4)),
      room: String(101 + (h % 600)),
      head_resident_id: headId,
      housing: null,
      income_sources: '[]',
      economic_status: 'normal',
      notes: null,
      status: 'active',
      version: 1,
      created_at: now,
      updated_at: now,
    });
    for (let m = 0; m < size; m++) {
      const n = people.length;
      const name =
        SURNAMES[n % SURNAMES.length] +
        GIVEN[Math.floor(n / 7) % GIVEN.length] +
        (n % 3 ? GIVEN[Math.floor(n / 3) % GIVEN.length] : '');
      const birth = `19${String(30 + (n % 70)).padStart(2, '0')}0${1 + (n % 9)}1${n % 10}`;
      const first17 = `140213${birth}${String(n % 1000).padStart(3, '0')}`;
      const idNumber = first17 + idCheckDigit(first17);
      const phone = `13${String(100000000 + n).slice(0, 9)}`;
      const residentId = m === 0 ? headId : newId();
      people.push({
        id: residentId,
        household_id: id,
        street_id: grid.streetId,
        community_id: grid.communityId,
        grid_id: grid.id,
        org_path: grid.path,
        relation_to_head: m === 0 ? 'self' : 'spouse',
        name,
        ...nameKeys(name),
        gender: n % 2 ? 'male' : 'female',
        birth_date: `${birth.slice(0, 4)}-${birth.slice(4, 6)}-${birth.slice(6, 8)}`,
        ethnicity: '汉族',
        // Sealing costs real time per value: only every 50th carries a sealed copy; the blind
        // index and masks, which the searches use, are on every row.
        id_number_sealed: n % 50 ? null : cipher.seal(idNumber),
        id_number_index: cipher.blindIndex('idNumber', idNumber),
        id_number_masked: maskIdNumber(idNumber),
        phone_sealed: null,
        phone_index: cipher.blindIndex('phone', phone),
        phone_last4: phone.slice(-4),
        phone_masked: maskPhone(phone),
        registration_status: 'localResident',
        health_notes_sealed: null,
        disability_sealed: null,
        self_care: null,
        status: 'living',
        version: 1,
        created_at: now,
        updated_at: now,
      });
      if (n % 10 === 0)
        tags.push({
          resident_id: residentId,
          tag: TAGS[(n / 10) % TAGS.length],
          street_id: grid.streetId,
          community_id: grid.communityId,
        });
      if (n === 12_345) {
        d.idNumber = idNumber;
        d.phone = phone;
      }
    }
  }
  d.householdId = (households[7] as { id: string }).id;
  await insertAll(db, 'household', households);
  await insertAll(db, 'resident', people);
  await insertAll(db, 'resident_care_tag', tags);

  const places: object[] = [];
  for (let p = 0; p < residents / 10; p++) {
    const grid = d.grids[p % d.grids.length];
    places.push({
      id: newId(),
      street_id: grid.streetId,
      community_id: grid.communityId,
      grid_id: grid.id,
      org_path: grid.path,
      name: `店铺${p}`,
      category: 'shop',
      address: `街${p}号`,
      licence_no: null,
      person_in_charge: null,
      phone: null,
      lat: null,
      lng: null,
      status: 'active',
      created_by: d.staff.gridWorker,
      version: 1,
      created_at: now,
      updated_at: now,
    });
  }
  await insertAll(db, 'place', places);

  const statuses = ['reported', 'accepted', 'dispatched', 'handling', 'handled', 'closed'];
  // Most issues are found by each grid's own worker on patrol (grid 0's is the test's grid worker);
  // the street admin reports one in 97, anywhere in the district, so "reported by me" also reaches
  // outside an area. One person reporting nearly every issue made that part a read of the whole table.
  const reporters = d.grids.map((_, i) => (i === 0 ? d.staff.gridWorker : newId()));
  const issues: object[] = [];
  for (let i = 0; i < residents / 5; i++) {
    const grid = d.grids[i % d.grids.length];
    const at = new Date(Date.parse('2026-01-01T00:00:00Z') + i * 60_000).toISOString();
    issues.push({
      id: newId(),
      source: 'patrol',
      source_id: null,
      category: 'environment',
      street_id: grid.streetId,
      community_id: grid.communityId,
      grid_id: grid.id,
      org_path: grid.path,
      place_id: null,
      place_name: null,
      location_text: null,
      lat: null,
      lng: null,
      description: `问题${i}`,
      reporter_id: i % 97 ? reporters[i % d.grids.length] : d.staff.streetAdmin,
      status: statuses[i % statuses.length],
      department_id: null,
      assignee_id: null,
      escalation_level: 'grid',
      step_deadline: i % 6 === 5 ? null : at,
      escalate_at: null,
      rectification: null,
      rating: null,
      merged_into: null,
      closed_at: null,
      version: 1,
      created_at: at,
      updated_at: at,
    });
  }
  await insertAll(db, 'issue', issues);

  const cases: object[] = [];
  const records: object[] = [];
  for (let c = 0; c < residents / 20; c++) {
    const r = people[c * 20] as { id: string; household_id: string; street_id: string };
    const street = d.streets.find((s) => s.id === r.street_id)!;
    const id = newId();
    cases.push({
      id,
      resident_id: r.id,
      household_id: r.household_id,
      station_id: street.stationId,
      street_id: street.id,
      org_path: street.stationPath,
      source: 'outreach',
      presenting_problem: '独居',
      risk_level: 'low',
      stage: 'intervention',
      status: c % 3 ? 'open' : 'closed',
      cycle: 1,
      assigned_worker_id: c % 40 ? newId() : d.staff.socialWorker,
      next_contact_date: '2026-02-01',
      opened_at: now,
      closed_at: null,
      closure_reason: null,
      pseudonym: null,
      created_by: d.staff.socialWorker,
      version: 1,
      created_at: now,
      updated_at: now,
    });
    for (let k = 0; k < 4; k++)
      records.push({
        id: newId(),
        case_id: id,
        resident_id: r.id,
        station_id: street.stationId,
        street_id: street.id,
        cycle: 1,
        stage: 'intervention',
        type: 'homeVisit',
        at: now,
        duration_minutes: 30,
        content: '走访',
        next_follow_up_date: null,
        corrections: null,
        worker_id: d.staff.socialWorker,
        created_at: now,
      });
  }
  await insertAll(db, 'social_case', cases);
  await insertAll(db, 'service_record', records);
  return d;
}
