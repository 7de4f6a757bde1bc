import { idCheckDigit, relationsToHead } from '../../common/people';
import type { CareTag } from '../../common/people';
import type { Household, HouseholdCreate, ResidentFields } from '../../common/schemas/people';
import type { Db } from '../db';
import type { Caller } from '../modules/auth/caller';
import { findUnitByName } from '../modules/org/service';
import {
  addMember,
  applyResidentChanges,
  createHousehold,
  removeMember,
  residentInScope,
} from '../modules/people/service';

/**
 * Demo ID numbers use the region code 149901, which no county has, so that no generated number can
 * be a real person's; the check digit is valid all the same.
 */
let serial = 0;
export function demoIdNumber(birth: string, female: boolean): string {
  serial = (serial + 1) % 500;
  const seq =
    String(serial).padStart(3, '0').slice(0, 2) + String(2 * (serial % 5) + (female ? 0 : 1));
  const first17 = `149901${birth.replaceAll('-', '')}${seq}`;
  return first17 + idCheckDigit(first17);
}

async function gridId(db: Db, community: string, grid = '第一网格'): Promise<string> {
  const c = await findUnitByName(db, 'community', community);
  const g = c && (await findUnitByName(db, 'grid', grid, c.id));
  if (!g) throw new Error(`demo data: no grid ${community}${grid}`);
  return g.id;
}

type Member = ResidentFields & {
  relationToHead: (typeof relationsToHead)[number];
  status?: 'deceased' | 'movedAway';
};

async function household(
  db: Db,
  caller: Caller,
  at: { community: string; grid?: string; building: string; unitNo?: string; room: string },
  head: ResidentFields,
  members: Member[] = [],
  extra: Partial<HouseholdCreate> = {},
) {
  const { household: h } = await createHousehold({
    db,
    caller,
    input: {
      gridId: await gridId(db, at.community, at.grid),
      building: at.building,
      unitNo: at.unitNo,
      room: at.room,
      head,
      ...extra,
    },
  });
  let current: Household = h;
  for (const m of members) {
    const { status, ...fields } = m;
    current = await addMember({
      db,
      caller,
      id: h.id,
      input: { ...fields, version: current.version },
    });
    if (status) {
      const added = current.members[current.members.length - 1];
      current = await removeMember({
        db,
        caller,
        id: h.id,
        input: { version: current.version, residentId: added.id, reason: status },
      });
    }
  }
  return current;
}

/** The households of the source page's stories, as registered. */
export interface StoryHouseholds {
  zhenhua: Household;
  qingyuan: Household;
  kaiyuan: Household;
  yingbin: Household;
}

/**
 * The clients of the source page under its pseudonyms, with fictional family members, and
 * households corrected after visits at 迎宾. Callers are the demo workers of each station.
 */
export async function seedStoryHouseholds(
  db: Db,
  workers: Record<'zhenhua' | 'qingyuan' | 'kaiyuan' | 'yingbin', Caller>,
): Promise<StoryHouseholds> {
  // 振华: 王鹏, 40, uremia, a household in difficulty; his case links him to a community job.
  const zhenhua = await household(
    db,
    workers.zhenhua,
    { community: '振华东社区', building: '6', unitNo: '1', room: '302' },
    {
      name: '王鹏',
      idNumber: demoIdNumber('1986-04-17', false),
      phone: '13512340417',
      healthNotes: '尿毒症，每周血液透析三次',
      careTags: ['seriousIllness', 'nearMinimumIncome'],
      selfCare: 'partial',
    },
    [
      {
        name: '赵丽',
        relationToHead: 'spouse',
        idNumber: demoIdNumber('1988-09-02', true),
        phone: '13612340902',
      },
      { name: '王子涵', relationToHead: 'child', idNumber: demoIdNumber('2015-03-21', true) },
    ],
    { economicStatus: 'nearMinimumIncome', incomeSources: ['wages', 'subsidy'], housing: 'rented' },
  );
  // 清远: 小阳, a teenager with heart disease; father died, mother has a mental illness.
  const qingyuan = await household(
    db,
    workers.qingyuan,
    { community: '清远东社区', grid: '第二网格', building: '2', unitNo: '3', room: '501' },
    {
      name: '李秀梅',
      idNumber: demoIdNumber('1979-11-30', true),
      phone: '13712341130',
      healthNotes: '精神障碍，规律服药',
      careTags: ['mentalDisorder'],
    },
    [
      {
        name: '小阳',
        relationToHead: 'child',
        idNumber: demoIdNumber('2011-06-15', false),
        healthNotes: '先天性心脏病',
        careTags: ['childInDifficulty', 'seriousIllness'],
      },
      {
        name: '杨国强',
        relationToHead: 'spouse',
        idNumber: demoIdNumber('1977-02-08', false),
        status: 'deceased',
      },
    ],
    { economicStatus: 'minimumIncome', incomeSources: ['minimumIncome'] },
  );
  // 开源: 王芳, 80, living alone; weekly visits, taught to use a smartphone.
  const kaiyuan = await household(
    db,
    workers.kaiyuan,
    { community: '开源里社区', building: '11', unitNo: '2', room: '101' },
    {
      name: '王芳',
      idNumber: demoIdNumber('1946-08-08', true),
      phone: '13812340808',
      healthNotes: '高血压，行动稍慢',
      careTags: ['livingAlone', 'aged80'],
      selfCare: 'full',
    },
    [],
    { incomeSources: ['pension'], housing: 'owned' },
  );
  // 迎宾: records brought up to date after visits.
  const corrected = await household(
    db,
    workers.yingbin,
    { community: '振华南院社区', building: '4', unitNo: '1', room: '201' },
    {
      name: '孙德明',
      idNumber: demoIdNumber('1958-01-20', false),
      phone: '13912340120',
      careTags: ['emptyNest'],
    },
    [
      {
        name: '周玉兰',
        relationToHead: 'spouse',
        idNumber: demoIdNumber('1960-05-05', true),
        phone: '13912340505',
      },
    ],
  );
  const head = await residentInScope(db, workers.yingbin, corrected.headResidentId!, true);
  await db.transaction().execute((trx) =>
    applyResidentChanges(
      trx,
      workers.yingbin,
      head,
      head.version,
      {
        phone: '15912340120',
        careTags: ['emptyNest', 'disabled'],
        disability: { category: 'physical', grade: 3 },
      },
      { type: 'visit' },
    ),
  );
  return { zhenhua, qingyuan, kaiyuan, yingbin: corrected };
}

const SURNAMES =
  '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕苏卢蒋蔡贾丁魏薛叶阎余潘杜戴夏钟汪田任姜范方石姚谭廖邹熊金陆郝孔白崔康毛邱秦江史顾侯邵孟龙万段雷钱汤尹黎易常武乔贺赖龚文';
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
  '秀英',
  '霞',
  '平',
  '刚',
  '桂英',
  '建华',
  '玉兰',
  '志强',
  '海燕',
  '文博',
  '子轩',
  '欣怡',
  '浩然',
  '雨桐',
  '国庆',
  '淑珍',
  '德胜',
  '春梅',
];
const TAG_POOL: CareTag[] = [
  'livingAlone',
  'aged80',
  'minimumIncome',
  'disabled',
  'seriousIllness',
  'veteran',
  'emptyNest',
  'extremePoverty',
];

/** Households enough to make lists real: deterministic, so every demo start shows the same people. */
export async function seedGeneratedHouseholds(
  db: Db,
  caller: Caller,
  communities: string[],
  perCommunity: number,
) {
  let n = 0;
  const pick = <T>(list: readonly T[] | string, i: number) => list[i % list.length] as T;
  for (const community of communities) {
    for (let i = 0; i < perCommunity; i++) {
      n++;
      const year = 1940 + ((n * 7) % 60);
      const birth = `${year}-${String(1 + (n % 12)).padStart(2, '0')}-${String(1 + (n % 28)).padStart(2, '0')}`;
      const female = n % 2 === 0;
      const surname = pick<string>(SURNAMES, n * 13);
      const tags = n % 4 === 0 ? [pick(TAG_POOL, n)] : [];
      if (year < 1947 && n % 3 === 0) tags.push('aged80');
      const members: Member[] = [];
      if (n % 3 !== 0)
        members.push({
          name: pick<string>(SURNAMES, n * 17) + pick(GIVEN, n + 5),
          relationToHead: 'spouse',
          idNumber: demoIdNumber(`${year + 2}-03-0${1 + (n % 9)}`, !female),
        });
      if (n % 5 === 0)
        members.push({
          name: surname + pick(GIVEN, n + 11),
          relationToHead: 'child',
          idNumber: demoIdNumber(`${Math.min(year + 28, 2020)}-07-1${n % 9}`, n % 4 === 0),
        });
      await household(
        db,
        caller,
        {
          community,
          grid: pick(['第一网格', '第二网格'], n),
          building: String(1 + (n % 18)),
          unitNo: String(1 + (n % 4)),
          room: `${1 + (n % 6)}0${1 + (n % 4)}`,
        },
        {
          name: surname + pick(GIVEN, n),
          idNumber: demoIdNumber(birth, female),
          phone: `13${String(100000000 + ((n * 7919) % 899999999)).padStart(9, '0')}`,
          careTags: [...new Set(tags)],
        },
        members,
      );
    }
  }
}
