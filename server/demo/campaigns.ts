import type { VisitCreate, VisitOutcome } from '../../common/schemas/campaigns';
import { questionsOf, type SurveyVersion } from '../../common/schemas/surveys';
import type { Db } from '../db';
import type { Caller } from '../lib/caller';
import { createCampaign } from '../modules/campaigns/service';
import { recordVisit } from '../modules/campaigns/visits';
import { addDays } from '../modules/cases/care';
import { createHousehold } from '../modules/people/service';
import { todayInShanghai } from '../modules/places/inspections';
import { getPublishedVersion, listSurveys } from '../modules/surveys/service';
import { accountCaller } from './grid';

// The campaign of the source page: grid workers of 新旺街道 go door to door with the epidemic
// prevention letter and the gas-safety rectification notice, and ask each household the civilised-city
// questionnaire. 马志强 (grid.yuhe) has done part of his grid: some delivered, one not at home and
// visited again, one refusal, one still to revisit.

const SURVEY_TITLE = '文明城市创建居民评分问卷';

/** Households of 御河九号社区第一网格 on the campaign's round (fictional). */
const DOORS: { building: string; unitNo: string; room: string; head: string }[] = [
  { building: '3', unitNo: '1', room: '101', head: '王桂芳' },
  { building: '3', unitNo: '1', room: '102', head: '张建军' },
  { building: '3', unitNo: '1', room: '201', head: '刘淑珍' },
  { building: '3', unitNo: '1', room: '202', head: '赵德明' },
  { building: '3', unitNo: '2', room: '101', head: '孙玉兰' },
  { building: '3', unitNo: '2', room: '102', head: '李红梅' },
];

/** A plausible answer to every question, varied by household. */
function answersFor(version: SurveyVersion, n: number): Record<string, string | string[] | number> {
  const answers: Record<string, string | string[] | number> = {};
  for (const q of questionsOf(version)) {
    const options = q.options ?? [];
    if (q.type === 'single' && options.length) answers[q.id] = options[n % options.length].id;
    else if (q.type === 'multiple' && options.length)
      answers[q.id] = [options[n % options.length].id];
    else if (q.type === 'rating') answers[q.id] = 3 + (n % 3);
    else if (q.type === 'number') answers[q.id] = 2 + (n % 3);
    else if (q.type === 'text' && q.required) answers[q.id] = '希望小区多些绿化';
  }
  return answers;
}

/** A time `days` ago in Asia/Shanghai, never in the future. */
function shanghai(days: number, time: string): string {
  const at = new Date(`${addDays(todayInShanghai(), -days)}T${time}:00+08:00`).toISOString();
  const now = new Date().toISOString();
  return at > now ? now : at;
}

export async function seedDemoCampaigns(
  db: Db,
  caller: Caller,
  units: Map<string, string>,
): Promise<void> {
  const gridId = units.get('御河九号社区第一网格')!;
  const households: string[] = [];
  for (const d of DOORS) {
    const { household } = await createHousehold({
      db,
      caller,
      input: {
        gridId,
        building: d.building,
        unitNo: d.unitNo,
        room: d.room,
        head: { name: d.head },
      },
    });
    households.push(household.id);
  }
  const found = await listSurveys({
    db,
    caller,
    query: { q: SURVEY_TITLE, page: 1, pageSize: 5 },
  });
  const surveyId = found.items.find((s) => s.title === SURVEY_TITLE)?.id;
  const version = surveyId ? await getPublishedVersion(db, surveyId) : undefined;
  const today = todayInShanghai();
  const { campaign } = await createCampaign({
    db,
    caller,
    input: {
      ownerUnitId: units.get('新旺街道')!,
      title: '疫情防控和燃气安全入户宣传',
      materials: ['疫情防控一封信', '燃气安全隐患整改通知书'],
      surveyId: version ? surveyId : null,
      targetUnitIds: [units.get('御河九号社区')!, units.get('向阳东街社区')!],
      startDate: addDays(today, -7),
      endDate: addDays(today, 21),
      status: 'active',
      note: '每户发放一封信和整改通知书，请住户填写评分问卷；不在家的住户须再次上门。',
    },
  });
  const worker = await accountCaller(db, 'grid.yuhe');
  const visit = (
    n: number,
    outcome: VisitOutcome,
    days: number,
    time: string,
    extra: Partial<VisitCreate> = {},
  ) =>
    recordVisit({
      db,
      caller: worker,
      id: campaign.id,
      input: {
        householdId: households[n],
        outcome,
        at: shanghai(days, time),
        ...(outcome === 'delivered' && version
          ? { survey: { answers: answersFor(version, n) } }
          : {}),
        ...extra,
      },
    });
  await visit(0, 'delivered', 5, '09:20');
  await visit(1, 'delivered', 5, '09:35', {
    issue: {
      category: 'safetyHazard',
      description: '厨房燃气软管老化开裂，已发放整改通知书，请物业协助更换',
    },
  });
  await visit(2, 'notHome', 5, '09:50', { note: '家中无人，邻居说周末在家' });
  await visit(3, 'refused', 4, '10:10', { note: '住户不愿开门' });
  await visit(2, 'delivered', 2, '10:30', { note: '周末再次上门，材料已送达' });
  await visit(4, 'notHome', 2, '10:45', { note: '家中无人，需再次走访' });
}
