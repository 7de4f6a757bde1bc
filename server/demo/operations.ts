import type { Db } from '../db';
import type { Caller } from '../modules/auth/caller';
import { getOrgUnit } from '../modules/org/service';
import {
  addBatch,
  addLogEntry,
  addShift,
  addSupply,
  advanceBatch,
  createOperation,
  issueSupply,
  operationStaff,
  setOperationStatus,
} from '../modules/operations/service';

/**
 * 市军供站's spring troop transport, as the source page tells it: the transport plan known ahead
 * (times, head counts, trains), supplies prepared, 24-hour duty in groups, and every batch met and
 * fed. Three days, six batches — four already gone, one being served, one still due — and a roster
 * with one hour left uncovered on the second night, so the gap check has something to show.
 */
const DAYS = ['2026-03-10', '2026-03-11', '2026-03-12'];
const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`).toISOString();

const BATCHES = [
  {
    day: 0,
    time: '06:40',
    train: 'K602',
    from: '呼和浩特',
    to: '北京丰台',
    heads: 420,
    until: 'departed',
  },
  { day: 0, time: '14:20', train: 'Z288', from: '大同', to: '西安', heads: 360, until: 'departed' },
  {
    day: 1,
    time: '02:15',
    train: 'K1093',
    from: '包头',
    to: '乌鲁木齐',
    heads: 510,
    until: 'departed',
  },
  {
    day: 1,
    time: '19:50',
    train: 'K7806',
    from: '大同',
    to: '太原',
    heads: 280,
    until: 'departed',
  },
  { day: 2, time: '09:30', train: 'Z316', from: '集宁', to: '兰州', heads: 300, until: 'served' },
  { day: 2, time: '21:10', train: 'K618', from: '大同', to: '济南', heads: 240, until: 'planned' },
] as const;

const SUPPLIES = [
  { item: '盒饭', unit: '份', prepared: 2400 },
  { item: '矿泉水', unit: '瓶', prepared: 4200 },
  { item: '面包', unit: '个', prepared: 2200 },
  { item: '药品包', unit: '个', prepared: 60 },
];

const VOLUNTEERS = [
  ['杨春燕', '刘志刚'],
  ['郝文斌', '田晓梅'],
  ['曹国庆', '苗丽华'],
];

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
  const ctx = { db, caller };
  let { operation: op } = await createOperation({
    ...ctx,
    input: {
      ownerUnitId: unit.id,
      title: '2026年春季新兵铁路运输保障',
      description:
        '会同市退役军人事务局、市铁路驻同军代处，掌握新兵运输的时间、数量、车次，做好过站新兵和接兵干部的饮食、饮水、医疗保障；24小时值守，全员全时待命，模块化分组分工。',
      startDate: DAYS[0],
      endDate: DAYS[2],
    },
  });
  const id = op.id;
  op = await setOperationStatus({ ...ctx, id, input: { version: op.version, status: 'active' } });

  for (const s of SUPPLIES) await addSupply({ ...ctx, id, input: s });

  const steps = ['arrived', 'served', 'departed'] as const;
  for (const b of BATCHES) {
    const planned = at(DAYS[b.day], b.time);
    op = (
      await addBatch({
        ...ctx,
        id,
        input: { plannedAt: planned, headCount: b.heads, trainNo: b.train, from: b.from, to: b.to },
      })
    ).operation;
    let batch = op.batches.find((x) => x.trainNo === b.train)!;
    const upTo = b.until === 'planned' ? 0 : steps.indexOf(b.until) + 1;
    for (let i = 0; i < upTo; i++) {
      // Arrive on time, serve within 10 minutes, leave after 35.
      const when = new Date(Date.parse(planned) + [0, 10, 35][i] * 60_000).toISOString();
      op = await advanceBatch({
        ...ctx,
        id,
        itemId: batch.id,
        input: { version: batch.version, status: steps[i], at: when },
      });
      batch = op.batches.find((x) => x.id === batch.id)!;
    }
    if (upTo >= 2) {
      const served = new Date(Date.parse(planned) + 10 * 60_000).toISOString();
      const [meals, water, bread, medical] = op.supplies;
      const give = async (supplyId: string, quantity: number, note?: string) =>
        issueSupply({
          ...ctx,
          id,
          itemId: supplyId,
          input: { quantity, batchId: batch.id, at: served, note },
        });
      await give(meals.id, b.heads + 10, '含接兵干部');
      await give(water.id, b.heads * 2);
      await give(bread.id, b.heads);
      if (b.heads >= 400) await give(medical.id, 4, '晕车、感冒药品');
    }
  }

  // Three groups in 8-hour shifts; on the second night the early shift starts at 04:00, not 03:00.
  const staff = await operationStaff({ ...ctx, id });
  const staffIds = staff.map((s) => s.id);
  for (const [d, day] of DAYS.entries()) {
    const next =
      DAYS[d + 1] ??
      new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const shifts: [string, string, number][] = [
      [at(day, d === 1 ? '04:00' : '00:00'), at(day, '08:00'), 0],
      [at(day, '08:00'), at(day, '16:00'), 1],
      [at(day, '16:00'), at(next, '00:00'), 2],
    ];
    if (d === 1) shifts.unshift([at(day, '00:00'), at(day, '03:00'), 2]);
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

  const log: [number, string, string][] = [
    [0, '05:30', '各组到岗，餐食、饮水、药品包按批次分装完毕'],
    [0, '06:40', 'K602 次准点到站，420 名新兵及接兵干部就餐，医护组发放晕车药品'],
    [0, '14:20', 'Z288 次到站，送餐上车，15:00 离站'],
    [1, '02:15', 'K1093 次夜间到站，提供热饭热水，新兵和接兵干部表示感谢'],
    [1, '03:10', '夜班交接间隙 03:00–04:00 无人在岗，已要求第一组提前到岗，值班表待调整'],
    [1, '19:50', 'K7806 次到站，280 人就餐后离站'],
    [2, '09:30', 'Z316 次到站，300 人就餐中'],
  ];
  for (const [d, time, text] of log)
    await addLogEntry({ ...ctx, id, input: { at: at(DAYS[d], time), text } });
}
