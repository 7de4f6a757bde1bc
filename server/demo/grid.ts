import sharp from 'sharp';
import type { IssueCommand } from '../../common/schemas/issues';
import type { Inspection, ItemResultInput } from '../../common/schemas/places';
import type { Db } from '../db';
import { addDays } from '../modules/cases/care';
import type { Caller } from '../lib/caller';
import { callerOfAccount } from '../modules/auth/service';
import { uploadImage } from '../modules/files/service';
import type { FileStore } from '../modules/files/store';
import { getIssue, reportIssue, runIssueCommand } from '../modules/issues/service';
import {
  createInspection,
  signOffInspection,
  submitInspection,
  todayInShanghai,
} from '../modules/places/inspections';
import { getNotice, reinspectNotice } from '../modules/places/notices';
import {
  addFinding,
  endPatrol,
  getPatrol,
  reportFinding,
  startPatrol,
} from '../modules/patrols/service';

// The grid half of the source page, told through the services as the demo accounts would: 水泊寺's
// joint unannounced epidemic check, 永泰's daily patrols, the shop checks of 迎宾's communities and
// 御河九号's stairwell campaign. Times of day are fixed so that every seed tells the same story.

export interface GridSeedRefs {
  /** Demo checklist ids by name. */
  checklists: Map<string, string>;
  /** Demo place ids by name. */
  places: Map<string, string>;
  /** Unit ids by name (departments by their full name). */
  units: Map<string, string>;
  fileStore: FileStore;
}

/** A demo account as the services see it when it signs in. */
export async function accountCaller(db: Db, username: string): Promise<Caller> {
  return (await callerOfAccount(db, username))!;
}

/** A point in Asia/Shanghai time, `days` before today (never in the future). */
function shanghai(days: number, time: string): string {
  const at = new Date(`${addDays(todayInShanghai(), -days)}T${time}:00+08:00`).toISOString();
  const now = new Date().toISOString();
  return at > now ? now : at;
}

/** A small photo of the scene, as a phone would upload it. */
async function photo(db: Db, store: FileStore, caller: Caller, rgb: [number, number, number]) {
  const data = await sharp({
    create: { width: 64, height: 48, channels: 3, background: { r: rgb[0], g: rgb[1], b: rgb[2] } },
  })
    .jpeg({ quality: 70 })
    .toBuffer();
  return (await uploadImage({ db, store, caller, data })).id;
}

type Command = IssueCommand extends infer C
  ? C extends unknown
    ? Omit<C, 'version' | 'photoIds'>
    : never
  : never;

/** One step of the flow, at the issue's current version, as the step's route applies it. */
async function step(db: Db, caller: Caller, id: string, input: Command) {
  const { version } = await getIssue({ db, caller, id });
  return runIssueCommand({ db, caller, id, input: { ...input, version } });
}

/** Every item passes but those named, which fail with their note (and a photo where asked). */
async function resultsFor(
  db: Db,
  store: FileStore,
  caller: Caller,
  inspection: Inspection,
  failures: Record<string, string>,
): Promise<ItemResultInput[]> {
  const out: ItemResultInput[] = [];
  for (const item of inspection.items) {
    const note = failures[item.text];
    if (note === undefined) {
      out.push({ itemId: item.id, result: 'pass' });
      continue;
    }
    const photoIds =
      item.photoRequired === 'never' ? [] : [await photo(db, store, caller, [180, 170, 150])];
    out.push({ itemId: item.id, result: 'fail', note, photoIds });
  }
  return out;
}

/** An inspection done and submitted by `caller`; the failures raise the issue and its notice. */
async function inspect(
  db: Db,
  refs: GridSeedRefs,
  caller: Caller,
  opts: {
    place: string;
    mode: 'routine' | 'unannounced' | 'joint';
    at: string;
    departments?: string[];
    team?: string[];
    failures?: Record<string, string>;
    summary: string;
    deadlineDays?: number;
    requirement?: string;
  },
): Promise<Inspection> {
  const { inspection } = await createInspection({
    db,
    caller,
    input: {
      placeId: refs.places.get(opts.place)!,
      checklistId: refs.checklists.get('疫情防控检查')!,
      mode: opts.mode,
      departmentIds: (opts.departments ?? []).map((d) => refs.units.get(d)!),
      teamIds: opts.team ?? [],
      at: opts.at,
    },
  });
  const failures = opts.failures ?? {};
  const results = await resultsFor(db, refs.fileStore, caller, inspection, failures);
  const failed = Object.keys(failures).length > 0;
  return submitInspection({
    db,
    caller,
    id: inspection.id,
    input: {
      version: inspection.version,
      results,
      summary: opts.summary,
      rectification: failed
        ? {
            deadline: addDays(todayInShanghai(), opts.deadlineDays ?? 3),
            requirement: opts.requirement,
          }
        : undefined,
      issueNotice: true,
    },
  });
}

/** 水泊寺: the street office's unannounced check with 市场监督管理局 and 商务局; four units fail. */
async function shuiposi(db: Db, refs: GridSeedRefs) {
  const street = await accountCaller(db, 'street.shuiposi');
  const grid = await accountCaller(db, 'grid.shuiposi');
  const scjg = await accountCaller(db, 'officer.scjg');
  const swj = await accountCaller(db, 'officer.shangwu');
  const zfd = await accountCaller(db, 'officer.zfd');
  const departments = ['市场监督管理局', '商务局'];
  const team = [grid.userId, scjg.userId, swj.userId];
  const summary =
    '水泊寺街道联合区市场监督管理局、区商务局开展疫情防控专项暗访，现场进行批评教育，责令经营者立即整改';
  const requirement =
    '立即补齐员工健康检测台账，入口处安排专人值守，落实测温、验码、戴口罩；整改情况由街道综合行政执法队跟进';
  const units: { place: string; at: string; failures: Record<string, string> }[] = [
    {
      place: '新悦便民市场',
      at: shanghai(2, '09:10'),
      failures: {
        员工健康检测台账: '台账缺少近一周记录，部分摊主无健康检测登记',
        入口防疫设置: '东侧入口无人值守，未落实测温验码',
      },
    },
    {
      place: '水泊寺花卉市场',
      at: shanghai(2, '10:05'),
      failures: { 入口防疫设置: '入口处监管不到位，顾客未扫码即入场' },
    },
    {
      place: '康宁大药房水泊寺店',
      at: shanghai(2, '10:50'),
      failures: { 员工健康检测台账: '员工健康检测台账不完整，缺两名店员记录' },
    },
    {
      place: '百姓缘药店',
      at: shanghai(2, '11:30'),
      failures: {
        员工健康检测台账: '未建立员工健康检测台账',
        入口防疫设置: '入口未设置测温点',
      },
    },
  ];
  const done: Inspection[] = [];
  for (const u of units) {
    const submitted = await inspect(db, refs, street, {
      ...u,
      mode: 'unannounced',
      departments,
      team,
      summary,
      requirement,
    });
    // Each bureau on the team signs the joint check off.
    let signed = await signOffInspection({
      db,
      caller: scjg,
      id: submitted.id,
      version: submitted.version,
      note: '情况属实',
    });
    signed = await signOffInspection({
      db,
      caller: swj,
      id: signed.id,
      version: signed.version,
      note: '同意',
    });
    done.push(signed);
  }
  const zfdId = refs.units.get('水泊寺街道综合行政执法队')!;
  for (const [i, inspection] of done.entries()) {
    const id = inspection.issueId!;
    await step(db, street, id, { action: 'accept', note: '暗访发现，立案' });
    await step(db, street, id, {
      action: 'dispatch',
      departmentId: zfdId,
      note: '请执法队跟进整改落实情况',
    });
    if (i === 3) continue; // the last one waits for the team
    await step(db, zfd, id, { action: 'startHandling', note: '已约谈经营者，督促限期整改' });
    if (i !== 0) continue;
    await step(db, zfd, id, {
      action: 'handle',
      note: '市场已补齐员工健康检测台账，东侧入口安排专人值守，落实测温验码',
    });
    // The grid worker's re-check of the notice's items verifies and closes it.
    const notice = await getNotice({ db, caller: grid, id: inspection.noticeId! });
    await reinspectNotice({
      db,
      caller: grid,
      id: notice.id,
      input: {
        version: notice.version,
        results: notice.items.map((item) => ({
          checklistItemId: item.checklistItemId,
          result: 'pass' as const,
          note: '复查合格',
        })),
      },
    });
  }
}

/** 永泰: the grid worker's rounds of the past days; problems reported are handled on the spot. */
async function yongtai(db: Db) {
  const worker = await accountCaller(db, 'grid.yongtai');
  const admin = await accountCaller(db, 'admin');
  const rounds: {
    days: number;
    findings: {
      time: string;
      where: string;
      what: string;
      report?: 'environmentSanitation' | 'publicOrder';
      outcome?: 'closed' | 'handling';
    }[];
    end: string;
  }[] = [
    {
      days: 4,
      findings: [
        {
          time: '08:40',
          where: '永泰南路与和平街交叉口',
          what: '垃圾桶周边环境脏乱，垃圾外溢、地面有污水',
          report: 'environmentSanitation',
          outcome: 'closed',
        },
      ],
      end: '沿街巡查一遍，垃圾桶周边问题已上报',
    },
    {
      days: 3,
      findings: [
        {
          time: '09:15',
          where: '永泰南社区 3 号楼东侧绿化带',
          what: '绿化带落叶垃圾堆积',
          report: 'environmentSanitation',
          outcome: 'closed',
        },
        { time: '09:50', where: '永泰南路背街小巷', what: '杂物乱堆乱放，已督促商户当场清理' },
      ],
      end: '背街小巷巡查完毕',
    },
    {
      days: 2,
      findings: [
        {
          time: '08:30',
          where: '永泰南社区 5 号楼单元门',
          what: '单元门、墙面张贴小广告',
          report: 'publicOrder',
          outcome: 'handling',
        },
      ],
      end: '入户发放《疫情防控一封信》《燃气安全隐患整改通知书》',
    },
    {
      days: 1,
      findings: [
        {
          time: '08:45',
          where: '永泰南路公交站旁电线杆',
          what: '电线杆上小广告，已当场清理',
        },
      ],
      end: '每日巡查，无反弹问题',
    },
  ];
  for (const r of rounds) {
    const { patrol } = await startPatrol({
      db,
      caller: worker,
      input: { note: '文明城市创建每日巡查', startedAt: shanghai(r.days, '08:00') },
    });
    for (const f of r.findings) {
      const { finding } = await addFinding({
        db,
        caller: worker,
        id: patrol.id,
        input: {
          kind: 'finding',
          location: { text: f.where },
          description: f.what,
          at: shanghai(r.days, f.time),
        },
      });
      if (!f.report) continue;
      const { issueId } = await reportFinding({
        db,
        caller: worker,
        id: patrol.id,
        findingId: finding.id,
        input: { category: f.report },
      });
      await step(db, admin, issueId, { action: 'accept', note: '创城问题，立案' });
      await step(db, admin, issueId, {
        action: 'dispatch',
        assigneeId: worker.userId,
        note: '按职责立即处理',
      });
      await step(db, worker, issueId, { action: 'startHandling' });
      if (f.outcome !== 'closed') continue;
      await step(db, worker, issueId, {
        action: 'handle',
        note: '已联系保洁员清理完毕，地面冲洗干净',
      });
      await step(db, worker, issueId, {
        action: 'verify',
        fixed: true,
        note: '复看已清理，无反弹',
      });
    }
    const current = (await getPatrol({ db, caller: worker, id: patrol.id })).version;
    await endPatrol({
      db,
      caller: worker,
      id: patrol.id,
      input: { version: current, note: r.end, endedAt: shanghai(r.days, '11:30') },
    });
  }
}

/** 迎宾: the communities' checks of their shops; the restaurant's visitor register is missing. */
async function yingbin(db: Db, refs: GridSeedRefs) {
  const admin = await accountCaller(db, 'admin');
  const summary =
    '疫情防控网格化摸排走访，检查门店入口防疫设置、消杀记录、健康管理台账及外来人员登记';
  await inspect(db, refs, admin, {
    place: '振华南院便利店',
    mode: 'routine',
    at: shanghai(3, '14:00'),
    summary,
  });
  await inspect(db, refs, admin, {
    place: '明珠生鲜超市',
    mode: 'routine',
    at: shanghai(3, '15:00'),
    summary,
  });
  await inspect(db, refs, admin, {
    place: '理想城家常菜馆',
    mode: 'routine',
    at: shanghai(3, '16:00'),
    summary,
    failures: {
      外来人员登记: '未设外来人员登记本',
      一米线: '收银台前未设一米线',
    },
    deadlineDays: 2,
    requirement: '设置外来人员登记本并如实登记，收银台前施划一米线',
  });
}

/** 御河九号: stairwell clutter and things thrown from height, found by the grid worker. */
async function yuhe(db: Db) {
  const worker = await accountCaller(db, 'grid.yuhe');
  const staff = await accountCaller(db, 'staff.yuhe');
  const gridId = worker.assignments.find((a) => a.role === 'gridWorker')!.area!.id;
  const { id } = await db.transaction().execute((trx) =>
    reportIssue(trx, worker, {
      source: 'visit',
      category: 'safetyHazard',
      gridId,
      location: { text: '御河九号小区 5 号楼 2 单元' },
      description:
        '5 号楼 2 单元楼道堆放纸箱、旧家具等杂物，堵塞消防通道；有居民反映楼上高空抛物，存在安全隐患',
    }),
  );
  await step(db, staff, id, { action: 'accept', note: '楼道杂物、高空抛物，立案' });
  await step(db, staff, id, {
    action: 'dispatch',
    assigneeId: staff.userId,
    note: '社区联合新泉村开展“清理楼道杂物 消除火灾隐患 禁止高空抛物 维护人身安全”活动',
  });
  await step(db, staff, id, {
    action: 'startHandling',
    note: '已发放宣传资料，倡导居民自觉清理楼道杂物、抵制高空抛物',
  });
}

/** Seeds the grid stories; runs after the places, checklists and accounts are in. */
export async function seedGridStories(db: Db, refs: GridSeedRefs): Promise<void> {
  await shuiposi(db, refs);
  await yongtai(db);
  await yingbin(db, refs);
  await yuhe(db);
}
