import sharp from 'sharp';
import type { Db } from '../db';
import type { Caller } from '../lib/caller';
import { callerOfAccount } from '../modules/auth/service';
import { addDays } from '../modules/cases/care';
import { uploadImage } from '../modules/files/service';
import type { FileStore } from '../modules/files/store';
import {
  addHandoutItem,
  changeActivityStatus,
  checkIn,
  createActivity,
  createPartner,
  getActivity,
  giveHandout,
  recordNeed,
  registerWalkIn,
  updateActivity,
} from '../modules/activities/service';
import { todayInShanghai } from '../modules/places/inspections';
import { getPublishedVersion, listSurveys } from '../modules/surveys/service';
import { insertHouseholdWith } from '../modules/people/service';

// The two activities of the source page, told through the services as the demo accounts would:
// 向阳东街社区's free dental clinic with 美源口腔医院 handing out dental care kits, and 御河九号社区's
// stairwell fire-safety day with 新泉村. Times of day are fixed so every seed tells the same story.

const FEEDBACK_SURVEY = '文明城市创建居民评分问卷';

export interface ActivitySeedRefs {
  /** Unit ids by name (grids as community + grid name). */
  units: Map<string, string>;
  fileStore: FileStore;
}

async function accountCaller(db: Db, username: string): Promise<Caller> {
  return (await callerOfAccount(db, username))!;
}

/** Those in the clinic's queue who signed the sheet by name only: 36 more, 42 checked in in all. */
const QUEUE = Array.from(
  { length: 36 },
  (_, i) =>
    '赵钱孙周吴郑冯陈褚卫蒋沈韩朱秦尤许何吕施孔曹严金魏陶姜谢邹喻柏窦章苏潘葛'[i] +
    [
      '淑兰',
      '建平',
      '秀珍',
      '志明',
      '玉芬',
      '国华',
      '桂兰',
      '德明',
      '翠英',
      '文华',
      '凤兰',
      '永强',
    ][(i * 5) % 12],
);

/** Minutes since midnight as HH:MM. */
const clock = (minutes: number): string =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** A point in Asia/Shanghai time, `days` from today. */
const shanghai = (days: number, time: string): string =>
  new Date(`${addDays(todayInShanghai(), days)}T${time}:00+08:00`).toISOString();

async function photo(db: Db, store: FileStore, caller: Caller, rgb: [number, number, number]) {
  const data = await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } },
  })
    .jpeg({ quality: 70 })
    .toBuffer();
  return (await uploadImage({ db, store, caller, data })).id;
}

/** 向阳东街社区: residents queue at the clinic table; kits are handed out; 刘女士 thanks the community. */
async function dentalClinic(db: Db, refs: ActivitySeedRefs) {
  const staff = await accountCaller(db, 'staff.xiangyang');
  const communityId = refs.units.get('向阳东街社区')!;
  const gridId = refs.units.get('向阳东街社区第一网格')!;
  const residents: { id: string; name: string }[] = [];
  const homes: [string, string, string, 'male' | 'female', string][] = [
    ['刘淑琴', '3', '201', 'female', '13903521188'],
    ['王建国', '3', '502', 'male', '13513527730'],
    ['张桂兰', '5', '101', 'female', '15035219046'],
    ['陈玉梅', '6', '302', 'female', '18635210457'],
  ];
  await db.transaction().execute(async (trx) => {
    for (const [name, building, room, gender, phone] of homes) {
      const h = await insertHouseholdWith(
        trx,
        staff,
        { gridId, building, room, head: { name, gender, phone } },
        { type: 'manual' },
      );
      residents.push({ id: h.head_resident_id!, name });
    }
  });
  const hospital = (
    await createPartner({
      db,
      caller: staff,
      input: { name: '美源口腔医院', kind: 'hospital', contact: '马医生 0352-5120000' },
    })
  ).partner;
  const { activity } = await createActivity({
    db,
    caller: staff,
    input: {
      communityId,
      title: '口腔义诊暖人心',
      type: 'freeClinic',
      startAt: shanghai(-3, '09:00'),
      endAt: shanghai(-3, '11:30'),
      place: '向阳东街社区居委会门前广场',
      capacity: 60,
      description: '携手美源口腔医院为辖区居民免费检测口腔健康，讲解正确刷牙方法，发放口腔护理包',
      partnerIds: [hospital.id],
    },
  });
  const id = activity.id;
  const kits = await addHandoutItem({
    db,
    caller: staff,
    id,
    input: { item: '口腔护理包', unit: '份', prepared: 100 },
  });
  await addHandoutItem({
    db,
    caller: staff,
    id,
    input: { item: '口腔健康宣传资料', unit: '份', prepared: 200 },
  });
  await changeActivityStatus({ db, caller: staff, id, input: { version: 1, status: 'ongoing' } });
  const checked: string[] = [];
  for (const r of residents) {
    const { attendance } = await checkIn({ db, caller: staff, id, input: { residentId: r.id } });
    checked.push(attendance.id);
    await giveHandout({
      db,
      caller: staff,
      id,
      input: { itemId: kits.item.id, quantity: 1, attendanceId: attendance.id },
    });
  }
  for (const [name, phone] of [
    ['李晓红', '13834561278'],
    ['杨志刚', null],
  ] as const) {
    const { attendance } = await checkIn({ db, caller: staff, id, input: { name, phone } });
    checked.push(attendance.id);
    await giveHandout({
      db,
      caller: staff,
      id,
      input: { itemId: kits.item.id, quantity: 1, attendanceId: attendance.id },
    });
  }
  // The rest of the queue signs the sheet by name; a kit goes to each who has not had one at home.
  for (const [i, name] of QUEUE.entries()) {
    const { attendance } = await checkIn({ db, caller: staff, id, input: { name, phone: null } });
    checked.push(attendance.id);
    if (i % 9 !== 8)
      await giveHandout({
        db,
        caller: staff,
        id,
        input: { itemId: kits.item.id, quantity: 1, attendanceId: attendance.id },
      });
  }
  // A walk-in who lives in the community is added to the register on the spot.
  await registerWalkIn({
    db,
    caller: staff,
    id,
    attendanceId: checked[4],
    input: { gridId, building: '7', room: '402', gender: 'female' },
  });
  const { need } = await recordNeed({
    db,
    caller: staff,
    id,
    input: {
      kind: 'issue',
      category: 'safetyHazard',
      gridId,
      description: '义诊现场发现居委会门前广场台阶破损，老年居民上下不便，易绊倒',
      attendanceId: checked[2],
    },
  });
  await db
    .updateTable('activity_need')
    .set({ created_at: shanghai(-3, '10:20') })
    .where('id', '=', need.id)
    .execute();
  // Check-ins at the clinic's own hours, from 09:05 one every three minutes, each kit at the table
  // a minute or two after its check-in.
  for (const [i, attendanceId] of checked.entries()) {
    const at = shanghai(-3, clock(9 * 60 + 5 + i * 3));
    await db
      .updateTable('activity_attendance')
      .set({ checked_in_at: at })
      .where('id', '=', attendanceId)
      .execute();
    await db
      .updateTable('activity_handout')
      .set({ given_at: new Date(Date.parse(at) + 2 * 60_000).toISOString() })
      .where('attendance_id', '=', attendanceId)
      .execute();
  }
  const given = (await getActivity({ db, caller: staff, id })).handouts.find(
    (h) => h.id === kits.item.id,
  )!.given;
  const photos = [
    await photo(db, refs.fileStore, staff, [214, 228, 240]),
    await photo(db, refs.fileStore, staff, [240, 232, 214]),
  ];
  const now = await getActivity({ db, caller: staff, id });
  await updateActivity({
    db,
    caller: staff,
    id,
    input: {
      version: now.version,
      photoIds: photos,
      summary:
        `美源口腔医院 4 名医护人员参加，为 ${checked.length} 名居民免费检查口腔，讲解正确刷牙方法，` +
        `发放口腔护理包 ${given} 份。居民有序排队、积极咨询，刘女士表示“这样的公益活动很受欢迎”。` +
        '现场发现广场台阶破损，已上报事件。',
    },
  });
  const done = await getActivity({ db, caller: staff, id });
  await changeActivityStatus({
    db,
    caller: staff,
    id,
    input: { version: done.version, status: 'finished' },
  });
}

/** 御河九号社区 with 新泉村: clear the stairwells, keep the fire escapes free, nothing thrown from height. */
async function fireSafetyDay(db: Db, refs: ActivitySeedRefs) {
  const staff = await accountCaller(db, 'staff.yuhe');
  const grid = await accountCaller(db, 'grid.yuhe');
  const village = (
    await createPartner({
      db,
      caller: staff,
      input: { name: '新泉村', kind: 'village', contact: '村委会 0352-5136000' },
    })
  ).partner;
  // Residents' feedback through the street's 文明城市创建居民评分问卷, when the surveys seed made it.
  const surveys = await listSurveys({
    db,
    caller: staff,
    query: { q: FEEDBACK_SURVEY, page: 1, pageSize: 5 },
  });
  const surveyId = surveys.items.find((x) => x.title === FEEDBACK_SURVEY)?.id;
  const { activity } = await createActivity({
    db,
    caller: staff,
    input: {
      surveyId: surveyId && (await getPublishedVersion(db, surveyId)) ? surveyId : null,
      communityId: refs.units.get('御河九号社区')!,
      title: '清理楼道杂物 消除火灾隐患',
      type: 'safetyCampaign',
      startAt: shanghai(0, '09:00'),
      endAt: shanghai(0, '17:00'),
      place: '御河九号小区 5 号楼前',
      capacity: 50,
      description:
        '联合新泉村开展“清理楼道杂物 消除火灾隐患 禁止高空抛物 维护人身安全”主题活动，' +
        '发放宣传资料，讲解楼道堆物和高空抛物的危害',
      partnerIds: [village.id],
    },
  });
  const id = activity.id;
  await addHandoutItem({
    db,
    caller: staff,
    id,
    input: { item: '消防安全宣传资料', unit: '份', prepared: 300 },
  });
  await changeActivityStatus({ db, caller: staff, id, input: { version: 1, status: 'ongoing' } });
  const early = [
    await checkIn({ db, caller: grid, id, input: { name: '孟庆华', phone: '13703526612' } }),
    await checkIn({ db, caller: grid, id, input: { name: '田秀英', phone: null } }),
  ];
  // Early arrivals at 09:10 and 09:25, or now when the seed runs before then.
  for (const [i, { attendance }] of early.entries()) {
    const at = shanghai(0, i === 0 ? '09:10' : '09:25');
    if (at < attendance.checkedInAt)
      await db
        .updateTable('activity_attendance')
        .set({ checked_in_at: at })
        .where('id', '=', attendance.id)
        .execute();
  }
}

/** Seeds the community activities; runs after the accounts and the grid stories are in. */
export async function seedActivities(db: Db, refs: ActivitySeedRefs): Promise<void> {
  await dentalClinic(db, refs);
  await fireSafetyDay(db, refs);
}
