import { idCheckDigit, relationsToHead } from '../../common/people';
import type { CareTag } from '../../common/people';
import type { Household, HouseholdCreate, ResidentFields } from '../../common/schemas/people';
import type { Db } from '../db';
import { todayInShanghai } from '../lib/time';
import type { Caller } from '../lib/caller';
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

/**
 * The birth date of someone `age` years old today (Asia/Shanghai) whose birthday was `daysSince`
 * days ago (0–364): the stories' 80-year-old stays 80 and a generated 79-year-old does not turn 80
 * untagged, whenever the demo is seeded.
 */
export function bornYearsAgo(age: number, daysSince: number): string {
  const [y, m, d] = todayInShanghai().split('-').map(Number);
  // 29 February of a leap year: the same age was reached on the 28th of a common year.
  const birthday = Date.UTC(y - age, m - 1, m === 2 && d === 29 ? 28 : d);
  return new Date(birthday - (daysSince % 365) * 86_400_000).toISOString().slice(0, 10);
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
      idNumber: demoIdNumber(bornYearsAgo(40, 232), false),
      phone: '13512340417',
      healthNotes: '尿毒症，每周血液透析三次',
      careTags: ['seriousIllness', 'nearMinimumIncome'],
      selfCare: 'partial',
    },
    [
      {
        name: '赵丽',
        relationToHead: 'spouse',
        idNumber: demoIdNumber(bornYearsAgo(38, 93), true),
        phone: '13612340902',
      },
      {
        name: '王子涵',
        relationToHead: 'child',
        idNumber: demoIdNumber(bornYearsAgo(11, 258), true),
      },
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
      idNumber: demoIdNumber(bornYearsAgo(47, 4), true),
      phone: '13712341130',
      healthNotes: '精神障碍，规律服药',
      careTags: ['mentalDisorder'],
    },
    [
      {
        name: '小阳',
        relationToHead: 'child',
        idNumber: demoIdNumber(bornYearsAgo(15, 172), false),
        healthNotes: '先天性心脏病',
        careTags: ['childInDifficulty', 'seriousIllness'],
      },
      {
        name: '杨国强',
        relationToHead: 'spouse',
        idNumber: demoIdNumber(bornYearsAgo(49, 299), false),
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
      idNumber: demoIdNumber(bornYearsAgo(80, 118), true),
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
      idNumber: demoIdNumber(bornYearsAgo(68, 318), false),
      phone: '13912340120',
      careTags: ['emptyNest'],
    },
    [
      {
        name: '周玉兰',
        relationToHead: 'spouse',
        idNumber: demoIdNumber(bornYearsAgo(66, 213), true),
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
/** Given names as parents chose them: an 85-year-old is a 桂英 or a 德胜, not a 欣怡. */
const GIVEN: Record<'male' | 'female', [string[], string[], string[]]> = {
  male: [
    ['德胜', '国庆', '建国', '志强', '福生', '振华', '建华', '保国'],
    ['伟', '强', '磊', '军', '勇', '涛', '刚', '平', '斌', '海涛'],
    ['子轩', '浩然', '文博', '宇航', '俊杰', '梓豪', '一鸣'],
  ],
  female: [
    ['桂英', '秀英', '玉兰', '淑珍', '凤英', '素芬', '翠兰', '桂香'],
    ['芳', '娜', '敏', '静', '丽', '艳', '娟', '霞', '春梅', '海燕'],
    ['欣怡', '雨桐', '梓涵', '诗琪', '可馨', '一诺', '思彤'],
  ],
};

type Gender = 'male' | 'female';

/** One generated person: an age today, and the name and tags that go with it. */
interface Generated {
  surname: string;
  gender: Gender;
  age: number;
  relationToHead: Member['relationToHead'];
  tags: CareTag[];
}

function person(n: number, p: Generated): ResidentFields {
  const names = GIVEN[p.gender][p.age >= 60 ? 0 : p.age >= 30 ? 1 : 2];
  const birth = bornYearsAgo(p.age, (n * 37 + p.age * 11) % 365);
  // 高龄 is a fact of the birth date: everyone 80 or over carries it, nobody younger does.
  const tags: CareTag[] = p.tags.filter((t) => t !== 'aged80');
  if (p.age >= 80) tags.push('aged80');
  return {
    name: p.surname + names[(n + p.age) % names.length],
    idNumber: demoIdNumber(birth, p.gender === 'female'),
    careTags: tags,
  };
}

/**
 * The n-th generated household, one of six shapes that repeat: an elder living alone (独居老人,
 * 60+, the only one at the address); an old couple whose children moved out (空巢); a family with a
 * child, twice; a couple; three generations. Ages follow from the shape, so the tags that speak of
 * age (独居老人, 空巢, 高龄, 困境儿童, 退役军人) hold for whoever carries them.
 */
function generatedHousehold(n: number): Generated[] {
  const surname = SURNAMES[(n * 13) % SURNAMES.length];
  const spouseSurname = SURNAMES[(n * 17 + 5) % SURNAMES.length];
  const gender: Gender = n % 2 === 0 ? 'female' : 'male';
  const other: Gender = gender === 'female' ? 'male' : 'female';
  // A child takes the father's surname.
  const fathers = gender === 'male' ? surname : spouseSurname;
  const self = (age: number, tags: CareTag[] = []): Generated => ({
    surname,
    gender,
    age,
    relationToHead: 'self',
    tags,
  });
  const spouse = (age: number, tags: CareTag[] = []): Generated => ({
    surname: spouseSurname,
    gender: other,
    age,
    relationToHead: 'spouse',
    tags,
  });
  const child = (age: number, tags: CareTag[] = []): Generated => ({
    surname: fathers,
    gender: n % 4 < 2 ? 'male' : 'female',
    age,
    relationToHead: 'child',
    tags,
  });
  const poor: CareTag[] = n % 7 === 0 ? ['minimumIncome'] : [];
  switch (n % 6) {
    case 0: {
      const age = 62 + ((n * 7) % 31);
      return [self(age, ['livingAlone', ...poor, ...(n % 5 === 0 ? ['disabled' as const] : [])])];
    }
    case 1: {
      const age = 60 + ((n * 5) % 29);
      return [
        self(age, n % 4 === 1 ? ['emptyNest'] : []),
        spouse(Math.max(58, age - 3 + (n % 5)), n % 3 === 0 ? ['seriousIllness'] : []),
      ];
    }
    case 2:
    case 3: {
      const age = 30 + ((n * 3) % 26);
      const kid = Math.max(1, age - 24 - (n % 8));
      const inDifficulty = poor.length > 0 && kid < 18 ? ['childInDifficulty' as const] : [];
      return [self(age, poor), spouse(Math.max(22, age - 2 + (n % 4))), child(kid, inDifficulty)];
    }
    case 4: {
      const age = 24 + ((n * 11) % 36);
      const served: CareTag[] = gender === 'male' && n % 4 === 0 ? ['veteran'] : [];
      return [self(age, [...served, ...poor]), spouse(Math.max(22, age - 2 + (n % 5)))];
    }
    default: {
      const age = 45 + (n % 15);
      return [
        self(age),
        spouse(age - 1 + (n % 3)),
        {
          // A father shares the surname; a mother keeps her own.
          surname: n % 3 === 0 ? surname : SURNAMES[(n * 19 + 3) % SURNAMES.length],
          gender: n % 3 === 0 ? 'male' : 'female',
          age: age + 24 + (n % 6),
          relationToHead: 'parent',
          tags: n % 4 === 0 ? ['disabled'] : [],
        },
        child(age - 25 - (n % 5)),
      ];
    }
  }
}

/** Households enough to make lists real: deterministic, so every demo start shows the same people. */
export async function seedGeneratedHouseholds(
  db: Db,
  caller: Caller,
  communities: string[],
  perCommunity: number,
) {
  let n = 0;
  for (const community of communities) {
    for (let i = 0; i < perCommunity; i++) {
      n++;
      const [first, ...rest] = generatedHousehold(n);
      const head = person(n, first);
      const others = rest.map((p) => ({ ...person(n, p), relationToHead: p.relationToHead }));
      const tags = [head, ...others].flatMap((m) => m.careTags ?? []);
      await household(
        db,
        caller,
        {
          community,
          grid: n % 2 === 0 ? '第二网格' : '第一网格',
          building: String(1 + (n % 18)),
          unitNo: String(1 + (n % 4)),
          room: `${1 + (n % 6)}0${1 + (n % 4)}`,
        },
        {
          ...head,
          phone: `13${String(100000000 + ((n * 7919) % 899999999)).padStart(9, '0')}`,
        },
        others,
        { economicStatus: tags.includes('minimumIncome') ? 'minimumIncome' : 'normal' },
      );
    }
  }
}
