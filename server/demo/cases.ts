import type { Household } from '../../common/schemas/people';
import type { Db } from '../db';
import { addDays } from '../modules/cases/care';
import { previewCorrections } from '../modules/cases/records';
import { createReferral, createResource, moveReferral } from '../modules/cases/resources';
import {
  assessment,
  consent,
  member,
  startCase,
  today,
  type RecordInput,
  type StationStaff,
} from './case-steps';
import type { StoryHouseholds } from './people';

/** 振华: 王鹏, 40, uremia, a household in difficulty; linked to a job at the community service point. */
async function wangPeng(db: Db, staff: StationStaff, h: Household) {
  const client = member(h, '王鹏');
  await consent(db, staff.worker, client.id, 30);
  const { resource } = await createResource({
    db,
    caller: staff.worker,
    input: {
      category: 'job',
      name: '社区便民服务点',
      provider: '振华东社区居委会',
      contact: '社区居委会办公室',
      area: '振华东社区',
      conditions: '轻体力岗位：登记、收银、代收快递；排班可避开透析日',
    },
  });
  const c = await startCase(
    db,
    staff,
    {
      residentId: client.id,
      source: 'communityReferral',
      presentingProblem: '患尿毒症，每周透析三次，无法从事原来的工作，家庭经济困难',
      riskLevel: 'medium',
      intake: {
        needAsTold: '身体不好，干不了重活，想找份能兼顾透析的工作，补贴家用',
        background: '妻子赵丽打零工，女儿王子涵上小学；家庭为低保边缘户，租房居住',
        expectations: '有一份稳定的收入，不拖累家里',
      },
    },
    30,
  );
  c.on(29);
  await c.advance('assessment');
  await c.form({
    stage: 'assessment',
    data: assessment(
      {
        health: { rating: 2, needs: '尿毒症，每周血液透析三次', strengths: '按时治疗，自我管理好' },
        economy: { rating: 1, needs: '收入主要靠妻子打零工', strengths: '' },
        educationWork: { rating: 2, needs: '失业一年多', strengths: '会用电脑，做过仓库登记' },
        psychology: { rating: 3, needs: '觉得拖累家人，有些焦虑', strengths: '愿意尝试' },
        family: { rating: 4, needs: '', strengths: '妻子支持，夫妻关系好' },
      },
      '经济与就业是主要需求；身体条件只允许轻体力、时间灵活的工作',
      4,
    ),
  });
  c.on(28);
  await c.advance('plan');
  await c.form({
    stage: 'plan',
    data: {
      goals: [
        {
          id: 'job',
          description: '找到一份能兼顾透析的简单工作',
          targetDate: addDays(today(), 30),
        },
        {
          id: 'health',
          description: '保持规律透析，身体状况稳定',
          targetDate: addDays(today(), 60),
        },
      ],
      actions: [
        { description: '链接社区便民服务点岗位', who: '社工', goalIds: ['job'] },
        { description: '每周电话询问身体状况', who: '社工', goalIds: ['health'] },
      ],
    },
  });
  await c.approve('plan', '同意，注意岗位强度');
  await c.advance('intervention');
  await c.record({
    daysAgo: 27,
    time: '08:30',
    type: 'phoneCall',
    durationMinutes: 20,
    content: '电话询问王鹏近期身体状况和透析安排；他希望找一份离家近、时间灵活的工作。',
  });
  await c.record({
    daysAgo: 20,
    time: '15:00',
    type: 'homeVisit',
    durationMinutes: 45,
    content: '与王鹏和妻子赵丽商量就业意向：王鹏会用电脑，能做登记、收银一类的轻体力工作。',
  });
  await c.record({
    daysAgo: 16,
    time: '10:00',
    type: 'resourceLinking',
    durationMinutes: 30,
    content: '与振华东社区居委会沟通社区便民服务点的岗位，排班可避开透析日。',
  });
  c.on(16, '10:40');
  const { referral } = await c.step(() =>
    createReferral({
      db,
      caller: staff.worker,
      caseId: c.id,
      input: { resourceId: resource.id, note: '登记、收银岗位，排班避开周一、三、五上午' },
    }),
  );
  const accepted = await c.step(() =>
    moveReferral({
      db,
      caller: staff.worker,
      id: referral.id,
      input: { version: referral.version, status: 'accepted' },
    }),
  );
  await c.record({
    daysAgo: 9,
    time: '14:00',
    type: 'accompaniment',
    durationMinutes: 60,
    content: '陪同王鹏到社区便民服务点面谈，确定排班，下周一起上岗。',
  });
  c.on(9, '15:20');
  await c.step(() =>
    moveReferral({
      db,
      caller: staff.worker,
      id: referral.id,
      input: {
        version: accepted.version,
        status: 'completed',
        outcome: '在社区便民服务点就业，家庭收入改善',
      },
    }),
  );
  // The morning call of the page: the next one is due today, so it leads 今日待办.
  await c.record({
    daysAgo: 2,
    time: '08:30',
    type: 'phoneCall',
    durationMinutes: 15,
    content: '电话询问王鹏近期身体状况：透析正常，在服务点工作适应良好，家庭收入有所改善。',
    nextFollowUpDate: today(),
  });
}

/** 清远: 小阳, a teenager with heart disease whose father died and mother is ill; back at school. */
async function xiaoYang(db: Db, staff: StationStaff, h: Household) {
  const client = member(h, '小阳');
  const mother = member(h, '李秀梅');
  await consent(db, staff.worker, client.id, 52, mother.name);
  const c = await startCase(
    db,
    staff,
    {
      residentId: client.id,
      source: 'workerFound',
      presentingProblem: '患先天性心脏病，父亲意外去世，母亲患精神疾病；变得自卑内向，休学在家',
      riskLevel: 'medium',
      intake: {
        needAsTold: '不想去学校，觉得自己和别人不一样（入户登记时母亲李秀梅在场）',
        background: '父亲杨国强两年前意外去世；母亲规律服药，家庭享受低保；休学在家半年',
        expectations: '母亲希望孩子能回学校读书',
      },
    },
    52,
  );
  await c.pseudonym('小宇');
  c.on(51);
  await c.advance('assessment');
  await c.form({
    stage: 'assessment',
    data: assessment(
      {
        health: { rating: 3, needs: '先天性心脏病，不能剧烈运动', strengths: '定期复查' },
        family: { rating: 2, needs: '父亲去世，母亲患病，照顾不足', strengths: '母子感情深' },
        educationWork: { rating: 1, needs: '休学半年，担心跟不上', strengths: '成绩原本中上' },
        psychology: { rating: 1, needs: '自卑内向，不愿与人交流', strengths: '喜欢篮球和画画' },
        socialSupport: { rating: 2, needs: '几乎没有同龄朋友', strengths: '班主任愿意帮忙' },
      },
      '心理与复学是主要需求；以心理辅导为主，链接学校与同伴支持',
      5,
    ),
  });
  c.on(50);
  await c.advance('plan');
  await c.form({
    stage: 'plan',
    data: {
      goals: [
        { id: 'school', description: '重返学校，正常上课', targetDate: addDays(today(), 7) },
        {
          id: 'friends',
          description: '愿意与人交流，结交新朋友',
          targetDate: addDays(today(), 30),
        },
      ],
      actions: [
        { description: '每周一次心理辅导', who: '社工', goalIds: ['school', 'friends'] },
        { description: '联系学校，协助办理复学', who: '社工、班主任', goalIds: ['school'] },
        { description: '邀请参加社工站青少年小组活动', who: '社工', goalIds: ['friends'] },
      ],
    },
  });
  await c.approve('plan');
  await c.advance('intervention');
  const sessions: RecordInput[] = [
    {
      daysAgo: 49,
      type: 'counselling',
      durationMinutes: 50,
      content: '第一次面谈。小阳话不多，低头玩手机；约定每周见一次面，先从他喜欢的篮球聊起。',
    },
    {
      daysAgo: 42,
      type: 'counselling',
      durationMinutes: 60,
      content: '谈到父亲去世后的感受，小阳第一次哭了出来，说出“怕同学知道家里的事”。',
    },
    {
      daysAgo: 35,
      type: 'homeVisit',
      durationMinutes: 40,
      content: '了解母亲李秀梅服药和情绪情况；和母子一起商量复学的打算。',
    },
    {
      daysAgo: 28,
      type: 'counselling',
      durationMinutes: 60,
      content: '练习在新环境中介绍自己；小阳主动问起社工站的青少年活动。',
    },
    {
      daysAgo: 21,
      type: 'groupActivity',
      durationMinutes: 90,
      content: '参加社工站青少年小组活动，与两名同龄人一起完成任务，结束后互加了好友。',
    },
    {
      daysAgo: 14,
      type: 'accompaniment',
      durationMinutes: 120,
      content: '陪同小阳和母亲到学校办理复学，与班主任沟通心脏病注意事项和体育课安排。',
    },
    {
      daysAgo: 7,
      type: 'counselling',
      durationMinutes: 45,
      content: '复学第一周回访：小阳按时上课，说同桌很照顾他，周末约了新朋友打球。',
      nextFollowUpDate: addDays(today(), 3),
    },
  ];
  for (const s of sessions) await c.record({ time: '16:30', ...s });
  c.on(3, '15:00');
  await c.advance('evaluation');
  await c.form({
    stage: 'evaluation',
    data: {
      goals: [
        { goalId: 'school', result: 'met', evidence: '已重返学校，按时上课两周' },
        { goalId: 'friends', result: 'met', evidence: '主动参加社工活动，交了不少新朋友' },
      ],
      summary: '心扉逐渐打开，愿意与人交流；前来问候社工，状态稳定',
    },
  });
  // His heart disease puts him in the weekly tier of the care rules: the sessions at the station do
  // not count as a visit, so the worker calls home as well.
  await c.record({
    daysAgo: 2,
    time: '18:00',
    type: 'phoneCall',
    durationMinutes: 10,
    content:
      '电话回访：小阳复学第二周按时上课，体育课只做轻度活动；母亲说孩子回家愿意聊学校的事了。',
  });
}

/** 开源: 王芳, 80, living alone; weekly visits, taught to use a smartphone; one visit corrects her phone. */
async function wangFang(db: Db, staff: StationStaff, h: Household) {
  const client = member(h, '王芳');
  await consent(db, staff.worker, client.id, 42);
  const c = await startCase(
    db,
    staff,
    {
      residentId: client.id,
      source: 'workerFound',
      presentingProblem:
        '80 岁独居，子女在外地，高血压、行动稍慢；不会用智能手机，就医、缴费和与家人联系不便',
      riskLevel: 'medium',
      intake: {
        needAsTold: '想学会用手机跟女儿视频，缴费不用再跑营业厅',
        background: '老伴去世多年，女儿在外地工作，每月回来一次',
      },
    },
    42,
  );
  c.on(41);
  await c.advance('assessment');
  await c.form({
    stage: 'assessment',
    data: assessment(
      {
        health: { rating: 3, needs: '高血压，行动稍慢', strengths: '能自理，按时服药' },
        socialSupport: { rating: 2, needs: '独居，子女不在身边', strengths: '邻里关系好' },
        safety: { rating: 3, needs: '独居，突发情况无人知晓', strengths: '' },
      },
      '独居高龄，需每周探访；学会用智能手机可改善与家人联系和日常办事',
      3,
    ),
  });
  c.on(40);
  await c.advance('plan');
  await c.form({
    stage: 'plan',
    data: {
      goals: [
        {
          id: 'phone',
          description: '学会用智能手机视频通话、扫码缴费',
          targetDate: addDays(today(), 14),
        },
        {
          id: 'safety',
          description: '每周探访，及时发现生活困难和健康变化',
          targetDate: addDays(today(), 90),
        },
      ],
      actions: [
        {
          description: '每周入户走访一次，教老人使用智能手机',
          who: '社工',
          goalIds: ['phone', 'safety'],
        },
      ],
    },
  });
  await c.approve('plan');
  await c.advance('intervention');
  const visit = (daysAgo: number, content: string) =>
    c.record({ daysAgo, time: '10:30', type: 'homeVisit', durationMinutes: 50, content });
  await visit(37, '王芳老人独自在家，血压平稳。她想和外地的女儿视频，手机却不会用，约好下周来教。');
  await visit(
    30,
    '教老人使用智能手机，接打视频电话、调大字体。老人学得认真，自己拨通了女儿的视频。',
  );
  // The household record is brought up to date in the visit itself: preview, confirm, apply.
  const [diff] = await previewCorrections({
    db,
    caller: staff.worker,
    caseId: c.id,
    corrections: [{ residentId: client.id, fields: { phone: '13812341808' } }],
  });
  await c.record({
    daysAgo: 23,
    time: '10:30',
    type: 'homeVisit',
    durationMinutes: 45,
    content: '老人换了新的手机号码，核对后更新了登记信息；继续练习用手机扫码。',
    corrections: [
      { residentId: client.id, version: diff.version, fields: { phone: '13812341808' } },
    ],
    confirmCorrections: true,
  });
  await visit(16, '教老人用手机扫码缴电费、在社区群里接收通知；留下社工站电话，有事随时打。');
  // Nine days ago: this week's visit is two days late, so 今日待办 shows an overdue 关爱 visit (高龄
  // and living alone is the high tier, weekly).
  await visit(9, '老人已能自己视频通话、扫码缴费。“小郭，吃午饭了吗？来我家吃吧！”');
}

/** 迎宾: the household corrected after visits; its head's case is being assessed. */
async function sunDeming(db: Db, staff: StationStaff, h: Household) {
  const client = member(h, '孙德明');
  await consent(db, staff.worker, client.id, 5);
  const c = await startCase(
    db,
    staff,
    {
      residentId: client.id,
      source: 'workerFound',
      presentingProblem:
        '老两口空巢，孙德明肢体残疾三级、行动不便；想了解残疾人补贴和居家适老化改造',
      riskLevel: 'low',
      intake: { needAsTold: '腿脚不方便，上下楼难，想问问有没有补贴，家里能不能装扶手' },
    },
    5,
  );
  c.on(4);
  await c.advance('assessment');
}

/**
 * The cases of the source page, worked through the cases service by the demo staff of each station,
 * with service records spread over the past weeks (the service takes past times).
 */
export async function seedStoryCases(
  db: Db,
  households: StoryHouseholds,
  staff: Record<keyof StoryHouseholds, StationStaff>,
): Promise<void> {
  await wangPeng(db, staff.zhenhua, households.zhenhua);
  await xiaoYang(db, staff.qingyuan, households.qingyuan);
  await wangFang(db, staff.kaiyuan, households.kaiyuan);
  await sunDeming(db, staff.yingbin, households.yingbin);
}
