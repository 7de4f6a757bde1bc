import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ageOn,
  birthDateFromId,
  genderFromId,
  idNumberValid,
  type CareTag,
} from '../../common/people';
import { PASSWORD } from '../../test/support/app';
import { createTestDatabase, openTestDb, type TestDatabase } from '../../test/support/db';
import type { Db, DbHandle } from '../db';
import { createFieldCipher, fieldCipher, useFieldCipher } from '../lib/crypto';
import { shanghaiDay, todayInShanghai } from '../modules/cases/care';
import { getToday } from '../modules/cases/followups';
import { localFileStore } from '../modules/files/store';
import { DEMO_HOUSEHOLDS_PER_COMMUNITY } from '../start';
import { accountCaller } from './grid';
import { DEMO_ACCOUNTS, seedDemo } from './seed';

// The demo is what a street office first sees of Linli: its people and records keep the rules the
// server keeps and the ones a worker would notice at a glance, read from the database as seeded,
// generated households included. SQLite only: the services that write it are tested on both.

/**
 * Ages a care tag asks for. The server does not refuse a tag at any age; these are the glossary's
 * words: 独居老人 and 空巢 are old people (60+, as the law on the elderly counts them), 高龄 is 80+,
 * the children's tags are for minors, and a veteran has served.
 */
const TAG_AGES: Partial<Record<CareTag, { min?: number; under?: number }>> = {
  livingAlone: { min: 60 },
  emptyNest: { min: 60 },
  aged80: { min: 80 },
  childInDifficulty: { under: 18 },
  orphan: { under: 18 },
  unsupportedChild: { under: 18 },
  veteran: { min: 18 },
};

interface Person {
  id: string;
  name: string;
  householdId: string;
  relation: string;
  gender: string | null;
  birthDate: string | null;
  idNumber: string | null;
  status: string;
  tags: CareTag[];
}

async function loadPeople(db: Db): Promise<Person[]> {
  const rows = await db
    .selectFrom('resident')
    .select([
      'id',
      'name',
      'household_id',
      'relation_to_head',
      'gender',
      'birth_date',
      'id_number_sealed',
      'status',
    ])
    .execute();
  const tags = await db.selectFrom('resident_care_tag').select(['resident_id', 'tag']).execute();
  const cipher = fieldCipher();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    householdId: r.household_id,
    relation: r.relation_to_head,
    gender: r.gender,
    birthDate: r.birth_date,
    idNumber: r.id_number_sealed ? cipher.open(r.id_number_sealed) : null,
    status: r.status,
    tags: tags.filter((t) => t.resident_id === r.id).map((t) => t.tag as CareTag),
  }));
}

describe('the demo data', () => {
  let database: TestDatabase;
  let handle: DbHandle;
  let db: Db;
  let people: Person[];
  const today = todayInShanghai();
  let now: string;

  beforeAll(async () => {
    database = await createTestDatabase('sqlite');
    handle = await openTestDb(database);
    db = handle.db;
    useFieldCipher(createFieldCipher('demo-data-test'));
    // As `npm start` seeds it, generated households and all.
    await seedDemo(db, PASSWORD, {
      generatedPerCommunity: DEMO_HOUSEHOLDS_PER_COMMUNITY,
      fileStore: localFileStore(path.join(database.dataDir, 'files')),
    });
    now = new Date().toISOString();
    people = await loadPeople(db);
  }, 300_000);
  afterAll(async () => {
    await handle?.close();
    await database?.drop();
  });

  const living = () => people.filter((p) => p.status === 'living');
  const householdOf = (p: Person) =>
    living().filter((m) => m.householdId === p.householdId && m.id !== p.id);

  it('has a few hundred people to list', () => {
    expect(people.length).toBeGreaterThan(300);
    expect(people.filter((p) => p.idNumber).length).toBeGreaterThan(300);
  });

  it('gives every ID number a valid check digit, once, with the birth date and gender it says', () => {
    const wrong: string[] = [];
    const seen = new Map<string, string>();
    for (const p of people) {
      if (!p.idNumber) continue;
      if (!idNumberValid(p.idNumber)) wrong.push(`${p.name}: check digit of ${p.idNumber}`);
      if (p.birthDate !== birthDateFromId(p.idNumber))
        wrong.push(`${p.name}: born ${p.birthDate}, ID says ${birthDateFromId(p.idNumber)}`);
      if (p.gender !== genderFromId(p.idNumber))
        wrong.push(`${p.name}: ${p.gender}, ID says ${genderFromId(p.idNumber)}`);
      const other = seen.get(p.idNumber);
      if (other) wrong.push(`${p.name} and ${other} share ${p.idNumber}`);
      seen.set(p.idNumber, p.name);
    }
    expect(wrong).toEqual([]);
  });

  it('tags people only at the ages the tags speak of, and everyone 80 or over as 高龄', () => {
    const wrong: string[] = [];
    for (const p of living()) {
      const age = p.birthDate ? ageOn(p.birthDate, today) : null;
      for (const tag of p.tags) {
        const rule = TAG_AGES[tag];
        if (!rule) continue;
        if (
          age === null ||
          (rule.min !== undefined && age < rule.min) ||
          (rule.under !== undefined && age >= rule.under)
        )
          wrong.push(`${p.name}, ${age ?? 'no birth date'}: ${tag}`);
      }
      if (age !== null && age >= 80 && !p.tags.includes('aged80'))
        wrong.push(`${p.name}, ${age}: not tagged aged80`);
    }
    expect(wrong).toEqual([]);
  });

  it('has a 独居老人 live alone and a 空巢 elder with no one but a spouse', () => {
    const wrong: string[] = [];
    for (const p of living()) {
      const others = householdOf(p);
      if (p.tags.includes('livingAlone') && others.length > 0)
        wrong.push(`${p.name} lives alone with ${others.map((o) => o.name).join('、')}`);
      if (p.tags.includes('emptyNest') && others.some((o) => o.relation !== 'spouse'))
        wrong.push(`${p.name} is an empty nest with ${others.map((o) => o.name).join('、')}`);
    }
    expect(wrong).toEqual([]);
    expect(living().filter((p) => p.tags.includes('livingAlone')).length).toBeGreaterThan(3);
  });

  it('makes households families: a spouse of the other sex and of age, children a generation younger', () => {
    const wrong: string[] = [];
    for (const head of people.filter((p) => p.relation === 'self')) {
      const headAge = head.birthDate ? ageOn(head.birthDate, today) : null;
      for (const m of people.filter(
        (x) => x.householdId === head.householdId && x.id !== head.id,
      )) {
        const age = m.birthDate ? ageOn(m.birthDate, today) : null;
        if (m.relation === 'spouse') {
          if (m.gender && head.gender && m.gender === head.gender)
            wrong.push(`${head.name} and spouse ${m.name} are both ${m.gender}`);
          if (age !== null && age < 20) wrong.push(`${head.name}'s spouse ${m.name} is ${age}`);
        }
        if (m.relation === 'child' && headAge !== null && age !== null && headAge - age < 18)
          wrong.push(`${head.name}, ${headAge}, has a child ${m.name} of ${age}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('hands out no more at an activity than people checked in, and no more than prepared', async () => {
    const items = await db
      .selectFrom('activity_handout_item as i')
      .innerJoin('activity as a', 'a.id', 'i.activity_id')
      .select(['a.title', 'a.checked_in', 'i.item', 'i.prepared', 'i.given', 'a.id'])
      .execute();
    const attendance = await db
      .selectFrom('activity_attendance')
      .select(['activity_id', 'checked_in_at'])
      .execute();
    expect(items.some((i) => Number(i.given) > 0)).toBe(true);
    const wrong: string[] = [];
    for (const i of items) {
      const checkedIn = attendance.filter((x) => x.activity_id === i.id).length;
      if (Number(i.checked_in) !== checkedIn)
        wrong.push(`${i.title}: ${i.checked_in} counted, ${checkedIn} checked in`);
      if (Number(i.given) > checkedIn)
        wrong.push(`${i.title}: ${i.given} ${i.item} to ${checkedIn} people checked in`);
      if (Number(i.given) > Number(i.prepared))
        wrong.push(`${i.title}: ${i.given} ${i.item} of ${i.prepared}`);
    }
    expect(wrong).toEqual([]);
  });

  it('keeps each activity’s status, check-ins and handouts to its days', async () => {
    const activities = await db.selectFrom('activity').selectAll().execute();
    const attendance = await db.selectFrom('activity_attendance').selectAll().execute();
    const handouts = await db.selectFrom('activity_handout').selectAll().execute();
    const wrong: string[] = [];
    // By the day, not the hour: the demo may be seeded at 07:00 on the morning of an activity.
    for (const a of activities) {
      const [first, last] = [shanghaiDay(a.start_at), shanghaiDay(a.end_at)];
      if (a.status === 'finished' && a.end_at > now) wrong.push(`${a.title}: finished early`);
      if (a.status === 'ongoing' && (first > today || last < today))
        wrong.push(`${a.title}: ongoing over ${first}–${last}`);
      if (a.status === 'planned' && last < today) wrong.push(`${a.title}: still planned`);
      const onItsDays = (at: string) =>
        shanghaiDay(at) >= first && shanghaiDay(at) <= last && at <= now;
      for (const x of attendance.filter((x) => x.activity_id === a.id))
        if (!onItsDays(x.checked_in_at))
          wrong.push(`${a.title}: ${x.name} checked in at ${x.checked_in_at}`);
      for (const h of handouts.filter((h) => h.activity_id === a.id))
        if (!onItsDays(h.given_at)) wrong.push(`${a.title}: handed out at ${h.given_at}`);
    }
    expect(wrong).toEqual([]);
  });

  it('has an operation 进行中 only while its days last, and nothing recorded ahead of now', async () => {
    const ops = await db.selectFrom('operation').selectAll().execute();
    const batches = await db.selectFrom('operation_batch').selectAll().execute();
    const issues = await db.selectFrom('operation_supply_issue').selectAll().execute();
    const log = await db.selectFrom('operation_log').selectAll().execute();
    expect(ops.length).toBeGreaterThan(0);
    const wrong: string[] = [];
    for (const op of ops) {
      if (op.status === 'active' && (op.start_date > today || op.end_date < today))
        wrong.push(`${op.title}: active over ${op.start_date}–${op.end_date}`);
      if (op.status === 'planned' && op.start_date <= today)
        wrong.push(`${op.title}: still planned from ${op.start_date}`);
      if (op.status === 'completed' && op.start_date > today)
        wrong.push(`${op.title}: completed before ${op.start_date}`);
      if (op.end_date < today && op.status !== 'completed')
        wrong.push(`${op.title}: ${op.status} after ${op.end_date}`);
      for (const b of batches.filter((b) => b.operation_id === op.id)) {
        const times = [b.arrived_at, b.served_at, b.departed_at].filter((t) => t !== null);
        if (times.some((t) => t > now)) wrong.push(`${op.title} ${b.train_no}: moved ahead`);
        if (b.status === 'planned' && b.planned_at < now)
          wrong.push(`${op.title} ${b.train_no}: still planned at ${b.planned_at}`);
        const day = shanghaiDay(b.planned_at);
        if (day < op.start_date || day > op.end_date)
          wrong.push(`${op.title} ${b.train_no}: planned outside the operation`);
      }
      for (const i of issues.filter((i) => i.operation_id === op.id)) {
        if (i.at > now) wrong.push(`${op.title}: supply issued at ${i.at}`);
        const batch = batches.find((b) => b.id === i.batch_id);
        if (batch && !['served', 'departed'].includes(batch.status))
          wrong.push(`${op.title}: supplies to ${batch.train_no}, ${batch.status}`);
      }
      for (const l of log.filter((l) => l.operation_id === op.id))
        if (l.at > now) wrong.push(`${op.title}: log at ${l.at}`);
    }
    expect(wrong).toEqual([]);
  });

  it('dates the records of the past in the past', async () => {
    const past: [string, string[]][] = [
      [
        'service records',
        (await db.selectFrom('service_record').select('at').execute()).map((r) => r.at),
      ],
      ['issue steps', (await db.selectFrom('issue_step').select('at').execute()).map((r) => r.at)],
      [
        'patrol findings',
        (await db.selectFrom('patrol_finding').select('at').execute()).map((r) => r.at),
      ],
      [
        'campaign visits',
        (await db.selectFrom('campaign_visit').select('at').execute()).map((r) => r.at),
      ],
      ['tip steps', (await db.selectFrom('tip_step').select('at').execute()).map((r) => r.at)],
      ['inspections', (await db.selectFrom('inspection').select('at').execute()).map((r) => r.at)],
    ];
    const wrong = past.flatMap(([what, times]) =>
      times.filter((t) => t > now).map((t) => `${what} at ${t}`),
    );
    expect(wrong).toEqual([]);
    const campaigns = await db.selectFrom('campaign').selectAll().execute();
    for (const c of campaigns) {
      if (c.status === 'active')
        expect(c.start_date <= today && today <= c.end_date, c.title).toBe(true);
      if (c.status === 'ended') expect(c.start_date <= today, c.title).toBe(true);
      if (c.status === 'planned') expect(c.start_date > today, c.title).toBe(true);
    }
  });

  it('shows a social worker a care visit already overdue on 今日', async () => {
    const overdue: string[] = [];
    for (const a of DEMO_ACCOUNTS.filter((x) => x.role === 'socialWorker')) {
      const caller = await accountCaller(db, a.username);
      const { items } = await getToday({ db, caller });
      for (const i of items)
        if (i.action === 'careVisit' && i.daysOverdue > 0)
          overdue.push(`${i.clientName} ${i.daysOverdue}`);
    }
    expect(overdue).not.toEqual([]);
  });
});
