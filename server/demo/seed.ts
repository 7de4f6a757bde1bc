import type { Role } from '../../common/roles';
import type { Db } from '../db';
import type { Caller } from '../lib/caller';
import { createStaffDirect } from '../modules/auth/staff-service';
import { createDistrict, createOrgUnit, getOrgUnit } from '../modules/org/service';
import type { OrgUnit } from '../../common/schemas/org';
import path from 'node:path';
import { loadConfig } from '../config';
import { markDemoSeeded } from '../db/system-settings';
import { nowIso } from '../lib/time';
import { localFileStore, type FileStore } from '../modules/files/store';
import { seedStoryCases } from './cases';
import { seedGridStories } from './grid';
import { seedActivities } from './activities';
import { seedDemoCampaigns } from './campaigns';
import { seedOperations } from './operations';
import { seedDemoChecklists, seedDemoPlaces } from './places';
import { seedGeneratedHouseholds, seedStoryHouseholds } from './people';
import { seedDemoSurveys } from './surveys';
import { seedDemoTips } from './tips';

/** The streets and communities of the source page; the extra community of each street is made up. */
const STREETS: { name: string; communities: string[]; station?: true; departments?: string[] }[] = [
  { name: '迎宾街道', communities: ['振华南院社区', '明珠社区', '理想城社区'], station: true },
  { name: '开源街道', communities: ['开源里社区', '文兴社区'], station: true },
  { name: '振华街道', communities: ['振华东社区', '振华西社区'], station: true },
  { name: '清远街道', communities: ['清远东社区', '清远西社区'], station: true },
  { name: '永泰街道', communities: ['永泰南社区', '永泰北社区'] },
  { name: '新旺街道', communities: ['御河九号社区', '向阳东街社区', '新泉村'] },
  { name: '水泊寺街道', communities: ['水泊寺社区', '东水泊村'], departments: ['综合行政执法队'] },
];
/** The street of each station whose stories the demo tells. */
const STATION_STREETS = {
  zhenhua: '振华街道',
  qingyuan: '清远街道',
  kaiyuan: '开源街道',
  yingbin: '迎宾街道',
} as const;
const DISTRICT_DEPARTMENTS = ['市场监督管理局', '商务局', '退役军人事务局', '市军供站'];
const GRID_NAMES = ['第一网格', '第二网格', '第三网格', '第四网格'];

/** Fictional staff, one for each role; where they sit follows the source page's scenes. */
export const DEMO_ACCOUNTS: { username: string; displayName: string; role: Role; unit: string }[] =
  [
    { username: 'admin', displayName: '周立明', role: 'districtAdmin', unit: '平城区' },
    { username: 'street.zhenhua', displayName: '孙海燕', role: 'streetAdmin', unit: '振华街道' },
    {
      username: 'supervisor.zhenhua',
      displayName: '李文静',
      role: 'stationSupervisor',
      unit: '振华街道社工站',
    },
    {
      username: 'social.zhenhua',
      displayName: '赵晓雯',
      role: 'socialWorker',
      unit: '振华街道社工站',
    },
    {
      username: 'grid.yuhe',
      displayName: '马志强',
      role: 'gridWorker',
      unit: '御河九号社区第一网格',
    },
    { username: 'staff.yuhe', displayName: '高秀兰', role: 'communityStaff', unit: '御河九号社区' },
    {
      username: 'staff.xiangyang',
      displayName: '郝春梅',
      role: 'communityStaff',
      unit: '向阳东街社区',
    },
    {
      username: 'officer.scjg',
      displayName: '刘建国',
      role: 'departmentOfficer',
      unit: '市场监督管理局',
    },
    { username: 'viewer', displayName: '陈思远', role: 'viewer', unit: '平城区' },
    {
      username: 'social.qingyuan',
      displayName: '何丽娜',
      role: 'socialWorker',
      unit: '清远街道社工站',
    },
    {
      username: 'supervisor.qingyuan',
      displayName: '冯雅琴',
      role: 'stationSupervisor',
      unit: '清远街道社工站',
    },
    {
      username: 'social.kaiyuan',
      displayName: '郭晨阳',
      role: 'socialWorker',
      unit: '开源街道社工站',
    },
    {
      username: 'supervisor.kaiyuan',
      displayName: '秦立新',
      role: 'stationSupervisor',
      unit: '开源街道社工站',
    },
    {
      username: 'social.yingbin',
      displayName: '杜雪梅',
      role: 'socialWorker',
      unit: '迎宾街道社工站',
    },
    { username: 'street.shuiposi', displayName: '范志宏', role: 'streetAdmin', unit: '水泊寺街道' },
    {
      username: 'grid.shuiposi',
      displayName: '常丽萍',
      role: 'gridWorker',
      unit: '水泊寺社区第一网格',
    },
    {
      username: 'officer.zfd',
      displayName: '武振军',
      role: 'departmentOfficer',
      unit: '水泊寺街道综合行政执法队',
    },
    {
      username: 'officer.shangwu',
      displayName: '白俊峰',
      role: 'departmentOfficer',
      unit: '商务局',
    },
    {
      username: 'grid.yongtai',
      displayName: '薛建华',
      role: 'gridWorker',
      unit: '永泰南社区第一网格',
    },
    {
      username: 'support.jungong',
      displayName: '韩卫东',
      role: 'departmentOfficer',
      unit: '市军供站',
    },
    {
      username: 'street.xinwang',
      displayName: '王丽君',
      role: 'streetAdmin',
      unit: '新旺街道',
    },
  ];

/** How to log in to the demo district, for the start-up banner and `linli seed-demo`; a password set in the environment is not echoed. */
export function demoLoginLines(password: string, passwordFromEnv: boolean): string[] {
  const shown = passwordFromEnv ? 'the one in LINLI_DEMO_PASSWORD' : password;
  return [
    `Demo log-ins, all with the password ${shown}:`,
    ...DEMO_ACCOUNTS.map(
      (a) => `  ${a.username.padEnd(20)} ${a.role.padEnd(18)} ${a.displayName} · ${a.unit}`,
    ),
  ];
}

function systemCaller(districtId: string, path: string): Caller {
  return {
    userId: 'system',
    username: 'seed-demo',
    displayName: 'seed-demo',
    ip: '127.0.0.1',
    assignments: [
      {
        role: 'districtAdmin',
        orgUnitId: districtId,
        path,
        area: { kind: 'district', id: districtId, path },
      },
    ],
    sessionId: '',
    csrfToken: '',
    totpEnabled: false,
  };
}

/** A demo member of a station's staff, as the services see them when they act for the seed. */
function stationCaller(
  account: { id: string; username: string; displayName: string; role: Role },
  station: OrgUnit,
  street: OrgUnit,
): Caller {
  return {
    userId: account.id,
    username: account.username,
    displayName: account.displayName,
    ip: '127.0.0.1',
    assignments: [
      {
        role: account.role,
        orgUnitId: station.id,
        path: station.path,
        area: { kind: 'street', id: street.id, path: street.path },
      },
    ],
    sessionId: '',
    csrfToken: '',
    totpEnabled: false,
  };
}

export interface SeedOptions {
  /** Generated households per community, so that lists are real (0 in tests that need only the stories). */
  generatedPerCommunity?: number;
  /** Where the demo's photos go: the app's file store (its default under the data dir when left out). */
  fileStore?: FileStore;
}

/**
 * Loads 平城区 with its streets, communities, grids, stations, departments, one account per role,
 * the households of the source page's stories with their cases, and generated households. Sealed fields
 * need the field cipher set.
 */
export async function seedDemo(db: Db, password: string, opts: SeedOptions = {}): Promise<void> {
  // First, so that even a seed that stops half-way leaves a database production refuses to start on.
  await markDemoSeeded(db, nowIso());
  const district = await createDistrict(db, { name: '平城区', code: '140213' });
  const caller = systemCaller(district.id, district.path);
  const unitIds = new Map<string, string>([['平城区', district.id]]);
  const add = async (
    parentId: string,
    kind: 'street' | 'community' | 'grid' | 'station' | 'department',
    name: string,
  ) => {
    const { unit } = await createOrgUnit({ db, caller, input: { parentId, kind, name } });
    unitIds.set(name, unit.id);
    return unit.id;
  };
  for (const name of DISTRICT_DEPARTMENTS) await add(district.id, 'department', name);
  let gridCount = 0;
  for (const street of STREETS) {
    const streetId = await add(district.id, 'street', street.name);
    if (street.station) await add(streetId, 'station', `${street.name}社工站`);
    for (const dept of street.departments ?? [])
      await add(streetId, 'department', `${street.name}${dept}`);
    for (const community of street.communities) {
      const communityId = await add(streetId, 'community', community);
      const grids = 2 + (gridCount++ % 3);
      for (const grid of GRID_NAMES.slice(0, grids)) {
        const { unit } = await createOrgUnit({
          db,
          caller,
          input: { parentId: communityId, kind: 'grid', name: grid },
        });
        unitIds.set(`${community}${grid}`, unit.id);
      }
    }
  }
  const staffIds = new Map<string, string>();
  for (const a of DEMO_ACCOUNTS) {
    const id = await createStaffDirect(db, {
      username: a.username,
      displayName: a.displayName,
      password,
      roles: [{ role: a.role, orgUnitId: unitIds.get(a.unit)! }],
    });
    staffIds.set(a.username, id);
  }
  const stationStaff = async (key: 'zhenhua' | 'qingyuan' | 'kaiyuan' | 'yingbin') => {
    const street = STATION_STREETS[key];
    const [station, streetUnit] = await Promise.all([
      getOrgUnit({ db, caller, id: unitIds.get(`${street}社工站`)! }),
      getOrgUnit({ db, caller, id: unitIds.get(street)! }),
    ]);
    const as = (username: string) => {
      const a = DEMO_ACCOUNTS.find((x) => x.username === username);
      return a && stationCaller({ ...a, id: staffIds.get(username)! }, station, streetUnit);
    };
    return { worker: as(`social.${key}`)!, supervisor: as(`supervisor.${key}`) };
  };
  const staff = {
    zhenhua: await stationStaff('zhenhua'),
    qingyuan: await stationStaff('qingyuan'),
    kaiyuan: await stationStaff('kaiyuan'),
    yingbin: await stationStaff('yingbin'),
  };
  const households = await seedStoryHouseholds(db, {
    zhenhua: staff.zhenhua.worker,
    qingyuan: staff.qingyuan.worker,
    kaiyuan: staff.kaiyuan.worker,
    yingbin: staff.yingbin.worker,
  });
  await seedStoryCases(db, households, staff);
  const perCommunity = opts.generatedPerCommunity ?? 0;
  if (perCommunity > 0) {
    await seedGeneratedHouseholds(
      db,
      caller,
      STREETS.flatMap((s) => s.communities),
      perCommunity,
    );
  }
  // The checklists of the district and the shops and markets of the source page's scenes.
  const checklists = await seedDemoChecklists(db, caller);
  const places = await seedDemoPlaces(db, caller);
  // 水泊寺's unannounced check, 永泰's patrols, 迎宾's shop checks and 御河九号's stairwells.
  await seedGridStories(db, {
    checklists,
    places,
    units: unitIds,
    fileStore: opts.fileStore ?? localFileStore(path.join(loadConfig().dataDir, 'files')),
  });
  // 新旺街道's 文明城市创建居民评分问卷 with the answers of its households (campaigns refer to it by title).
  await seedDemoSurveys(db, { system: caller, units: unitIds, staffIds });
  // 新旺街道's door-to-door campaign with the letter, the gas-safety notice and that questionnaire.
  await seedDemoCampaigns(db, caller, unitIds);
  // 向阳东街's free dental clinic with 美源口腔医院 and 御河九号's fire-safety day with 新泉村.
  await seedActivities(db, {
    units: unitIds,
    fileStore: opts.fileStore ?? localFileStore(path.join(loadConfig().dataDir, 'files')),
  });
  // 市军供站's spring troop transport: batches, supplies, the 24-hour roster and its log.
  await seedOperations(db, { system: caller, unitIds, staffIds });
  // The tip line's 居家事 · 邻里事 · 社区事 of 新旺 and 振华, in every state of the flow.
  await seedDemoTips(db, { units: unitIds });
}
