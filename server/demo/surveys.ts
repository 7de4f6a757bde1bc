import type { SurveyAnswerValue, SurveySection } from '../../common/schemas/surveys';
import type { Db } from '../db';
import type { Caller } from '../lib/caller';
import { getOrgUnit } from '../modules/org/service';
import { createHousehold } from '../modules/people/service';
import { createSurvey, publishSurvey, recordSurveyAnswer } from '../modules/surveys/service';

// 新旺街道's 文明城市创建居民评分问卷: built and published by the street office, answered by households of
// 御河九号社区, 向阳东街社区 and 新泉村 (the paper questionnaires the grid workers carried door to door,
// typed in at the office). Answers follow a fixed pattern, so every seed tells the same story.

export const CIVILISED_CITY_SURVEY = '文明城市创建居民评分问卷';

const yesNo = (yes: string, partly: string, no: string) => [
  { id: 'yes', label: yes },
  { id: 'partly', label: partly },
  { id: 'no', label: no },
];

const SECTIONS: SurveySection[] = [
  {
    id: 'environment',
    title: '居住环境',
    questions: [
      { id: 'env', type: 'rating', text: '您对小区（村）环境卫生的满意程度', required: true },
      {
        id: 'garbage',
        type: 'single',
        text: '生活垃圾是否做到日产日清',
        required: true,
        options: yesNo('做到了', '基本做到', '没有做到'),
      },
    ],
  },
  {
    id: 'safety',
    title: '社会治安与消防安全',
    questions: [
      { id: 'order', type: 'rating', text: '您对社区治安状况的满意程度', required: true },
      {
        id: 'stairwell',
        type: 'single',
        text: '您所在楼道是否有堆放杂物、堵塞消防通道的情况',
        required: true,
        options: [
          { id: 'none', label: '没有' },
          { id: 'sometimes', label: '偶尔有' },
          { id: 'often', label: '经常有' },
        ],
      },
      {
        id: 'fireKit',
        type: 'multiple',
        text: '您家中配备了哪些消防用品',
        required: false,
        options: [
          { id: 'extinguisher', label: '灭火器' },
          { id: 'blanket', label: '灭火毯' },
          { id: 'alarm', label: '烟雾报警器' },
          { id: 'nothing', label: '都没有' },
        ],
      },
    ],
  },
  {
    id: 'civility',
    title: '文明行为',
    questions: [
      {
        id: 'civil',
        type: 'rating',
        text: '您对居民文明行为（不高空抛物、文明养犬、不乱停车等）的评价',
        required: true,
      },
      {
        id: 'aware',
        type: 'single',
        text: '您是否知道我市正在创建全国文明城市',
        required: true,
        options: [
          { id: 'yes', label: '知道' },
          { id: 'no', label: '不太清楚' },
        ],
      },
      { id: 'people', type: 'number', text: '家中常住人口（人）', required: false },
      {
        id: 'suggestion',
        type: 'text',
        text: '您对文明城市创建工作还有哪些意见和建议',
        required: false,
      },
    ],
  },
];

/** Households of the three communities (heads are fictional), and what each answered. */
const DOORS: {
  community: string;
  grid: string;
  building: string;
  unit: string;
  room: string;
  head: string;
}[] = [
  {
    community: '御河九号社区',
    grid: '第一网格',
    building: '1',
    unit: '1',
    room: '101',
    head: '郝建平',
  },
  {
    community: '御河九号社区',
    grid: '第一网格',
    building: '1',
    unit: '2',
    room: '302',
    head: '贾秀英',
  },
  {
    community: '御河九号社区',
    grid: '第一网格',
    building: '3',
    unit: '1',
    room: '501',
    head: '段志刚',
  },
  {
    community: '御河九号社区',
    grid: '第一网格',
    building: '5',
    unit: '2',
    room: '201',
    head: '侯玉兰',
  },
  {
    community: '御河九号社区',
    grid: '第二网格',
    building: '7',
    unit: '1',
    room: '602',
    head: '阎立新',
  },
  {
    community: '御河九号社区',
    grid: '第二网格',
    building: '8',
    unit: '3',
    room: '401',
    head: '庞淑芬',
  },
  {
    community: '御河九号社区',
    grid: '第二网格',
    building: '9',
    unit: '1',
    room: '102',
    head: '尹国庆',
  },
  {
    community: '向阳东街社区',
    grid: '第一网格',
    building: '12',
    unit: '1',
    room: '301',
    head: '石桂香',
  },
  {
    community: '向阳东街社区',
    grid: '第一网格',
    building: '12',
    unit: '2',
    room: '502',
    head: '潘志勇',
  },
  {
    community: '向阳东街社区',
    grid: '第一网格',
    building: '15',
    unit: '1',
    room: '202',
    head: '康秀梅',
  },
  {
    community: '向阳东街社区',
    grid: '第二网格',
    building: '18',
    unit: '2',
    room: '101',
    head: '毛文斌',
  },
  {
    community: '向阳东街社区',
    grid: '第二网格',
    building: '20',
    unit: '1',
    room: '401',
    head: '邹慧敏',
  },
  {
    community: '向阳东街社区',
    grid: '第二网格',
    building: '21',
    unit: '3',
    room: '601',
    head: '汪德明',
  },
  { community: '新泉村', grid: '第一网格', building: '东街', unit: '', room: '18', head: '薛二虎' },
  { community: '新泉村', grid: '第一网格', building: '东街', unit: '', room: '26', head: '任翠兰' },
  { community: '新泉村', grid: '第一网格', building: '西街', unit: '', room: '7', head: '武福生' },
  { community: '新泉村', grid: '第二网格', building: '南巷', unit: '', room: '3', head: '申彩霞' },
  { community: '新泉村', grid: '第二网格', building: '南巷', unit: '', room: '11', head: '田茂林' },
];

const SUGGESTIONS = [
  '楼道里的杂物希望物业定期清理',
  '希望多安排几次消防安全宣传，教老人用灭火器',
  '小区停车太乱，建议划线管理',
  '垃圾桶旁边经常有散落垃圾，建议增加清运次数',
  '希望村里的路灯晚上能多亮一会儿',
  '高空抛物要加大处罚力度',
];

/** The i-th household's answers: mostly satisfied, stairwells the weak spot, as the page tells. */
function answersFor(i: number): Record<string, SurveyAnswerValue> {
  const pick = <T>(xs: T[], k: number) => xs[(i * k + 3) % xs.length];
  const a: Record<string, SurveyAnswerValue> = {
    env: pick([5, 4, 4, 3, 5, 4, 2], 3),
    garbage: pick(['yes', 'yes', 'partly', 'yes', 'no'], 2),
    order: pick([5, 5, 4, 4, 3], 7),
    stairwell: pick(['none', 'sometimes', 'often', 'sometimes', 'none'], 3),
    fireKit: pick([['extinguisher'], ['extinguisher', 'alarm'], ['nothing'], ['blanket']], 3),
    civil: pick([4, 3, 5, 4, 2, 4], 5),
    aware: pick(['yes', 'yes', 'yes', 'no'], 3),
    people: pick([3, 2, 4, 1, 5, 3], 7),
  };
  if (i % 3 === 0) a.suggestion = SUGGESTIONS[(i / 3) % SUGGESTIONS.length];
  return a;
}

/**
 * Builds and publishes the survey as 新旺街道's admin, adds the demo households, and records their
 * answers plus two anonymous ones. Returns the survey ids by title, for other seeds to refer to.
 */
export async function seedDemoSurveys(
  db: Db,
  refs: { system: Caller; units: Map<string, string>; staffIds: Map<string, string> },
): Promise<Map<string, string>> {
  const streetId = refs.units.get('新旺街道')!;
  const street = await getOrgUnit({ db, caller: refs.system, id: streetId });
  const office: Caller = {
    userId: refs.staffIds.get('street.xinwang')!,
    username: 'street.xinwang',
    displayName: '王丽君',
    ip: '127.0.0.1',
    assignments: [
      {
        role: 'streetAdmin',
        orgUnitId: street.id,
        path: street.path,
        area: { kind: 'street', id: street.id, path: street.path },
      },
    ],
    sessionId: '',
    csrfToken: '',
    totpEnabled: false,
  };
  const { survey } = await createSurvey({
    db,
    caller: office,
    input: {
      orgUnitId: street.id,
      title: CIVILISED_CITY_SURVEY,
      description:
        '为扎实推进全国文明城市创建工作，了解居民对居住环境、社会治安、消防安全和文明行为的评价，' +
        '请您抽出几分钟如实填写。感谢您的支持！',
      allowMultiplePerHousehold: false,
      sections: SECTIONS,
    },
  });
  const published = await publishSurvey({
    db,
    caller: office,
    id: survey.id,
    version: survey.version,
  });
  for (const [i, d] of DOORS.entries()) {
    const { household } = await createHousehold({
      db,
      caller: office,
      input: {
        gridId: refs.units.get(`${d.community}${d.grid}`)!,
        building: d.building,
        unitNo: d.unit || undefined,
        room: d.room,
        head: { name: d.head, gender: i % 2 ? 'female' : 'male' },
      },
    });
    await recordSurveyAnswer(db, office, {
      surveyId: published.id,
      householdId: household.id,
      answers: answersFor(i),
    });
  }
  for (const i of [18, 19])
    await recordSurveyAnswer(db, office, { surveyId: published.id, answers: answersFor(i) });
  return new Map([[CIVILISED_CITY_SURVEY, published.id]]);
}
