import type { Db } from '../db';
import type { Caller } from '../lib/caller';
import { addDays, todayInShanghai } from '../modules/cases/care';
import { getOrgUnit } from '../modules/org/service';
import {
  addBatch,
  addLogEntry,
  addShift,
  addSupply,
  advanceBatch,
  createOperation,
  getOperation,
  issueSupply,
  operationStaff,
  setOperationStatus,
} from '../modules/operations/service';

/**
 * 市军供站's operations, dated from the day the demo is seeded so that they read true whenever it is
 * opened: the spring troop transport of the source page, done and closed last March ("圆满完成"), and
 * a transport under way now — three days, five batches, three gone, one being served, one still due —
 * whose roster leaves one hour uncovered on its first night, so the gap check has something to show.
 */

type Step = 'planned' | 'arrived' | 'served' | 'departed';
const STEPS = ['arrived', 'served', 'departed'] as const;

interface BatchPlan {
  /** When the train is due. */
  plannedAt: string;
  train: string;
  from: string;
  to: string;
  heads: number;
  /** How far it has got by now. */
  until: Step;
}

interface OperationPlan {
  title: string;
  description: string;
  days: string[];
  batches: BatchPlan[];
  supplies: { item: string; unit: string; prepared: number }[];
  /** Who eats with the troops besides them, noted on the meals. */
  officers: string;
  /** The day (index into days) whose 03:00–04:00 nobody covers. */
  gapDay?: number;
  log: [string, string][];
  complete: boolean;
}

/** An instant at a clock time of an Asia/Shanghai day. */
const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`).toISOString();
const minutesAfter = (iso: string, minutes: number) =>
  new Date(Date.parse(iso) + minutes * 60_000).toISOString();
/** Arrive on time, serve within 10 minutes, leave after 35. */
const STEP_MINUTES = [0, 10, 35];

const VOLUNTEERS = [
  ['杨春燕', '刘志刚'],
  ['郝文斌', '田晓梅'],
  ['曹国庆', '苗丽华'],
];

/** The source page's transport: the last March that is over (this year's once the 12th has passed). */
function springTransport(): OperationPlan {
  const today = todayInShanghai();
  const thisYear = Number(today.slice(0, 4));
  const year = today > `${thisYear}-03-12` ? thisYear : thisYear - 1;
  const days = ['10', '11', '12'].map((d) => `${year}-03-${d}`);
  const batch = (
    day: number,
    time: string,
    train: string,
    from: string,
    to: string,
    heads: number,
  ): BatchPlan => ({ plannedAt: at(days[day], time), train, from, to, heads, until: 'departed' });
  return {
    title: `${year}年春季新兵铁路运输保障`,
    description:
      '会同市退役军人事务局、市铁路驻同军代处，掌握新兵运输的时间、数量、车次，做好过站新兵和接兵干部的饮食、饮水、医疗保障；24小时值守，全员全时待命，模块化分组分工。',
    days,
    batches: [
      batch(0, '06:40', 'K602', '呼和浩特', '北京丰台', 420),
      batch(0, '14:20', 'Z288', '大同', '西安', 360),
      batch(1, '02:15', 'K1093', '包头', '乌鲁木齐', 510),
      batch(1, '19:50', 'K7806', '大同', '太原', 280),
      batch(2, '09:30', 'Z316', '集宁', '兰州', 300),
      batch(2, '21:10', 'K618', '大同', '济南', 240),
    ],
    supplies: [
      { item: '盒饭', unit: '份', prepared: 2400 },
      { item: '矿泉水', unit: '瓶', prepared: 4500 },
      { item: '面包', unit: '个', prepared: 2200 },
      { item: '药品包', unit: '个', prepared: 60 },
    ],
    officers: '含接兵干部',
    log: [
      [at(days[0], '05:30'), '各组到岗，餐食、饮水、药品包按批次分装完毕'],
      [at(days[0], '06:40'), 'K602 次准点到站，420 名新兵及接兵干部就餐，医护组发放晕车药品'],
      [at(days[0], '14:20'), 'Z288 次到站，送餐上车，15:00 离站'],
      [at(days[1], '02:15'), 'K1093 次夜间到站，提供热饭热水，新兵和接兵干部表示感谢'],
      [at(days[1], '19:50'), 'K7806 次到站，280 人就餐后离站'],
      [at(days[2], '09:30'), 'Z316 次到站，300 人就餐后离站'],
      [at(days[2], '22:00'), 'K618 次离站，春季新兵转运保障任务圆满完成'],
    ],
    complete: true,
  };
}

/** A transport under way: batches timed from now, so each has got as far as the clock allows. */
function transportUnderWay(): OperationPlan {
  const today = todayInShanghai();
  // Now, to the ten minutes: trains are timetabled, not due at 14:37.
  const now = Math.floor(Date.now() / 600_000) * 600_000;
  const fromNow = (minutes: number) => new Date(now + minutes * 60_000).toISOString();
  const batches: BatchPlan[] = [
    {
      plannedAt: fromNow(-20 * 60),
      train: 'K886',
      from: '呼和浩特',
      to: '石家庄',
      heads: 380,
      until: 'departed',
    },
    {
      plannedAt: fromNow(-13 * 60),
      train: 'Z180',
      from: '大同',
      to: '郑州',
      heads: 260,
      until: 'departed',
    },
    {
      plannedAt: fromNow(-6 * 60),
      train: 'K1672',
      from: '包头',
      to: '太原',
      heads: 310,
      until: 'departed',
    },
    {
      plannedAt: fromNow(-20),
      train: 'Z316',
      from: '集宁',
      to: '兰州',
      heads: 300,
      until: 'served',
    },
    {
      plannedAt: fromNow(180),
      train: 'K618',
      from: '大同',
      to: '济南',
      heads: 240,
      until: 'planned',
    },
  ];
  const days = [addDays(today, -1), today, addDays(today, 1)];
  const served = (b: BatchPlan) => minutesAfter(b.plannedAt, STEP_MINUTES[1]);
  return {
    title: '驻训部队返营铁路输送保障',
    description:
      '接市铁路驻同军代处通知，驻训部队分五批乘火车过站返营。做好过站官兵的饮食、饮水、医疗保障；24小时值守，分三组轮班。',
    days,
    batches,
    supplies: [
      { item: '盒饭', unit: '份', prepared: 1600 },
      { item: '矿泉水', unit: '瓶', prepared: 3000 },
      { item: '面包', unit: '个', prepared: 1500 },
      { item: '药品包', unit: '个', prepared: 40 },
    ],
    officers: '含带兵干部',
    gapDay: 0,
    log: [
      [at(days[0], '00:10'), '各组到岗，餐食、饮水、药品包按批次分装完毕'],
      [
        at(days[0], '03:10'),
        '夜班交接间隙 03:00–04:00 无人在岗，已要求第一组提前到岗，值班表待调整',
      ],
      ...batches
        .filter((b) => b.until === 'departed')
        .map((b): [string, string] => [served(b), `${b.train} 次到站，${b.heads} 人就餐后离站`]),
      [served(batches[3]), `${batches[3].train} 次到站，${batches[3].heads} 人就餐中`],
    ],
    complete: false,
  };
}

async function seedOperation(ctx: { db: Db; caller: Caller }, unitId: string, plan: OperationPlan) {
  let { operation: op } = await createOperation({
    ...ctx,
    input: {
      ownerUnitId: unitId,
      title: plan.title,
      description: plan.description,
      startDate: plan.days[0],
      endDate: plan.days[plan.days.length - 1],
    },
  });
  const id = op.id;
  op = await setOperationStatus({ ...ctx, id, input: { version: op.version, status: 'active' } });
  for (const s of plan.supplies) await addSupply({ ...ctx, id, input: s });

  for (const b of plan.batches) {
    op = (
      await addBatch({
        ...ctx,
        id,
        input: {
          plannedAt: b.plannedAt,
          headCount: b.heads,
          trainNo: b.train,
          from: b.from,
          to: b.to,
        },
      })
    ).operation;
    let batch = op.batches.find((x) => x.trainNo === b.train)!;
    const upTo = b.until === 'planned' ? 0 : STEPS.indexOf(b.until) + 1;
    for (let i = 0; i < upTo; i++) {
      op = await advanceBatch({
        ...ctx,
        id,
        itemId: batch.id,
        input: {
          version: batch.version,
          status: STEPS[i],
          at: minutesAfter(b.plannedAt, STEP_MINUTES[i]),
        },
      });
      batch = op.batches.find((x) => x.id === batch.id)!;
    }
    if (upTo >= 2) {
      const served = minutesAfter(b.plannedAt, STEP_MINUTES[1]);
      const [meals, water, bread, medical] = op.supplies;
      const give = async (supplyId: string, quantity: number, note?: string) =>
        issueSupply({
          ...ctx,
          id,
          itemId: supplyId,
          input: { quantity, batchId: batch.id, at: served, note },
        });
      await give(meals.id, b.heads + 10, plan.officers);
      await give(water.id, b.heads * 2);
      await give(bread.id, b.heads);
      if (b.heads >= 400) await give(medical.id, 4, '晕车、感冒药品');
    }
  }

  // Three groups in 8-hour shifts; on the gap day the early shift starts at 04:00, not 03:00.
  const staff = await operationStaff({ ...ctx, id });
  const staffIds = staff.map((s) => s.id);
  for (const [d, day] of plan.days.entries()) {
    const next = addDays(day, 1);
    const gap = d === plan.gapDay;
    const shifts: [string, string, number][] = [
      [at(day, gap ? '04:00' : '00:00'), at(day, '08:00'), 0],
      [at(day, '08:00'), at(day, '16:00'), 1],
      [at(day, '16:00'), at(next, '00:00'), 2],
    ];
    if (gap) shifts.unshift([at(day, '00:00'), at(day, '03:00'), 2]);
    for (const [startsAt, endsAt, group] of shifts)
      await addShift({
        ...ctx,
        id,
        input: {
          startsAt,
          endsAt,
          staffIds: group === 1 ? staffIds : [],
          volunteers: VOLUNTEERS[group],
          note: `第${'一二三'[group]}组`,
        },
      });
  }

  for (const [when, text] of plan.log) await addLogEntry({ ...ctx, id, input: { at: when, text } });
  if (plan.complete) {
    const current = await getOperation({ ...ctx, id });
    await setOperationStatus({
      ...ctx,
      id,
      input: { version: current.version, status: 'completed' },
    });
  }
}

export async function seedOperations(
  db: Db,
  opts: { system: Caller; unitIds: Map<string, string>; staffIds: Map<string, string> },
): Promise<void> {
  const unit = await getOrgUnit({ db, caller: opts.system, id: opts.unitIds.get('市军供站')! });
  const caller: Caller = {
    userId: opts.staffIds.get('support.jungong')!,
    username: 'support.jungong',
    displayName: '韩卫东',
    ip: '127.0.0.1',
    assignments: [{ role: 'departmentOfficer', orgUnitId: unit.id, path: unit.path, area: null }],
    sessionId: '',
    csrfToken: '',
    totpEnabled: false,
  };
  await seedOperation({ db, caller }, unit.id, springTransport());
  await seedOperation({ db, caller }, unit.id, transportUnderWay());
}
