import type { Db } from '../db';
import type { Caller } from '../lib/caller';
import {
  answerTip,
  convertTipToCase,
  convertTipToIssue,
  createTip,
  dismissTip,
  rateTip,
  triageTip,
} from '../modules/tips/service';
import type { TipCreate, TipDetail } from '../../common/schemas/tips';
import { accountCaller } from './grid';

// The paper's tip line (居家事 · 邻里事 · 社区事) retold: tips of 新旺 and 振华 streets taken by the
// hotline, e-mail and the web form, in every state of the flow. Each has a fixed tracking code so the
// demo can be shown on the public status page (/tip/status) the same way every time.
export const DEMO_TIP_CODES = {
  received: 'K7MX-3PQD-9R',
  converted: 'XW3N-5TRA-8E',
  rated: 'XW6H-2LNB-4C',
  dismissed: 'XW9D-7JKU-5F',
  referred: 'ZH4P-8RWS-2G',
  email: 'ZH7T-3MEV-6H',
} as const;

export interface TipSeedRefs {
  /** Unit ids by name (grids as community + grid name). */
  units: Map<string, string>;
}

async function take(
  db: Db,
  caller: Caller,
  code: string,
  input: Omit<TipCreate, 'id'>,
  at: string,
): Promise<TipDetail> {
  const { tip } = await createTip({ db, caller, input });
  // The demo's codes are fixed, and its tips dated in the week before the demo was loaded.
  await db
    .updateTable('tip')
    .set({ tracking_code: code, created_at: at, updated_at: at })
    .where('id', '=', tip.id)
    .execute();
  await db.updateTable('tip_step').set({ at }).where('tip_id', '=', tip.id).execute();
  return { ...tip, trackingCode: code };
}

const daysAgo = (n: number, hhmm: string): string => {
  const d = new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
  return new Date(`${d}T${hhmm}:00+08:00`).toISOString();
};

/** The steps of a demo tip, spread over the hours after it came in (the services stamp them now). */
async function spreadSteps(db: Db, tipId: string): Promise<void> {
  const tip = await db
    .selectFrom('tip')
    .select('created_at')
    .where('id', '=', tipId)
    .executeTakeFirstOrThrow();
  const steps = await db
    .selectFrom('tip_step')
    .select('id')
    .where('tip_id', '=', tipId)
    .orderBy('at')
    .orderBy('id')
    .execute();
  let at = tip.created_at;
  for (const [i, s] of steps.entries()) {
    at = new Date(new Date(tip.created_at).getTime() + i * 3 * 3_600_000).toISOString();
    await db.updateTable('tip_step').set({ at }).where('id', '=', s.id).execute();
  }
  await db.updateTable('tip').set({ updated_at: at }).where('id', '=', tipId).execute();
}

export async function seedDemoTips(db: Db, refs: TipSeedRefs): Promise<void> {
  const xinwang = await accountCaller(db, 'street.xinwang');
  const zhenhua = await accountCaller(db, 'street.zhenhua');
  const unit = (name: string) => refs.units.get(name)!;
  const xw = unit('新旺街道');
  const zh = unit('振华街道');

  // 邻里事 from the web form, not yet looked at.
  await take(
    db,
    xinwang,
    DEMO_TIP_CODES.received,
    {
      channel: 'webForm',
      streetId: xw,
      communityId: unit('向阳东街社区'),
      topic: 'neighbour',
      category: 'publicOrder',
      address: '向阳东街社区8号楼2单元',
      description: '楼上住户养的狗每天夜里叫到一两点，敲门沟通过两次没有改善，老人休息不好。',
    },
    daysAgo(0, '07:42'),
  );

  // 社区事 by the hotline: a loose manhole cover in 御河九号, made an issue of its first grid.
  const stairs = await take(
    db,
    xinwang,
    DEMO_TIP_CODES.converted,
    {
      channel: 'hotline',
      streetId: xw,
      communityId: unit('御河九号社区'),
      topic: 'community',
      category: 'safetyHazard',
      address: '御河九号小区东门内',
      description: '小区东门进门处的井盖松动，踩上去直晃，晚上看不清，老人孩子容易崴脚。',
      contactName: '孙秀英',
      contactPhone: '13912340001',
    },
    daysAgo(3, '08:41'),
  );
  const s1 = await triageTip({
    db,
    caller: xinwang,
    id: stairs.id,
    input: { version: 1, publicReply: '您反映的问题已受理，正在安排核实。' },
  });
  await convertTipToIssue({
    db,
    caller: xinwang,
    id: stairs.id,
    input: {
      version: s1.version,
      gridId: unit('御河九号社区第一网格'),
      category: 'safetyHazard',
      publicReply: '已转社区网格员到现场查看，先设置警示标志，再联系物业更换井盖。',
      internalNote: '井盖归属待物业确认',
    },
  });

  // 居家事 by the hotline, answered at once and rated by the resident.
  const heating = await take(
    db,
    xinwang,
    DEMO_TIP_CODES.rated,
    {
      channel: 'hotline',
      streetId: xw,
      communityId: unit('向阳东街社区'),
      topic: 'home',
      category: 'livelihoodRequest',
      address: '向阳东街12号院3号楼',
      description: '家里暖气不热，屋里只有十四五度，不知道该找谁报修。',
      contactName: '刘女士',
      contactPhone: '13700001111',
    },
    daysAgo(5, '19:20'),
  );
  const h1 = await triageTip({ db, caller: xinwang, id: heating.id, input: { version: 1 } });
  await answerTip({
    db,
    caller: xinwang,
    id: heating.id,
    input: {
      version: h1.version,
      publicReply:
        '已联系供热公司向阳东街片区，维修师傅明天上午上门排气检修；以后可直接拨打供热报修电话。',
      internalNote: '供热公司片区负责人已确认',
    },
  });
  await rateTip(
    db,
    DEMO_TIP_CODES.rated,
    { rating: 5, comment: '第二天师傅就来了，暖气热了，谢谢！' },
    '127.0.0.1',
  );

  for (const t of [stairs, heating]) await spreadSteps(db, t.id);

  // 社区事 from 新泉村 that is not the street's to handle.
  const road = await take(
    db,
    xinwang,
    DEMO_TIP_CODES.dismissed,
    {
      channel: 'webForm',
      streetId: xw,
      communityId: unit('新泉村'),
      topic: 'community',
      category: 'other',
      address: '新泉村村口',
      description: '村口那段省道一下雨就积水，电动车过不去。',
    },
    daysAgo(4, '10:12'),
  );
  await dismissTip({
    db,
    caller: xinwang,
    id: road.id,
    input: {
      version: 1,
      reason: '该路段为省道，由公路部门养护，已将情况转告区交通运输局；您也可拨打12345反映。',
    },
  });

  // 居家事 in 振华: an old man living alone, referred to 振华街道社工站 (待接案).
  const alone = await take(
    db,
    zhenhua,
    DEMO_TIP_CODES.referred,
    {
      channel: 'hotline',
      streetId: zh,
      communityId: unit('振华西社区'),
      topic: 'home',
      category: 'socialNeed',
      address: '振华西社区5号楼',
      description: '对门张大爷一个人住，最近腿脚不好，买菜都困难，家里也没人照应。',
      contactName: '张建华',
      contactPhone: '13600002222',
    },
    daysAgo(2, '16:05'),
  );
  const a1 = await triageTip({ db, caller: zhenhua, id: alone.id, input: { version: 1 } });
  await convertTipToCase({
    db,
    caller: zhenhua,
    id: alone.id,
    input: {
      version: a1.version,
      name: '张大爷（邻居反映）',
      need: '独居老人行动不便，需上门评估助餐、助行和日常照料需求',
      publicReply: '已转振华街道社工站，社工会尽快上门了解情况。',
    },
  });

  for (const t of [road, alone]) await spreadSteps(db, t.id);

  // 邻里事 that came by e-mail to the paper and was passed to 振华.
  await take(
    db,
    zhenhua,
    DEMO_TIP_CODES.email,
    {
      channel: 'email',
      streetId: zh,
      communityId: unit('振华西社区'),
      topic: 'neighbour',
      category: 'environmentSanitation',
      address: '振华路88号底商',
      description: '楼下新开的烧烤店每天营业到凌晨两点，油烟直接往楼上飘，窗户都不敢开。',
    },
    daysAgo(1, '23:02'),
  );
}
