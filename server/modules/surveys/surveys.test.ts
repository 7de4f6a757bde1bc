import ExcelJS from 'exceljs';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Survey,
  SurveyDetail,
  SurveyResults,
  SurveySection,
  SurveyVersion,
} from '../../../common/schemas/surveys';
import type { ErrorReply } from '../../../common/schemas/common';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';
import { gridIdOf } from '../../../test/support/issues';
import { buildHousehold } from '../../../test/support/people';
import { CIVILISED_CITY_SURVEY } from '../../demo/surveys';

const sections = (): SurveySection[] => [
  {
    id: 's1',
    title: '环境卫生',
    questions: [
      { id: 'env', type: 'rating', text: '环境卫生满意度', required: true },
      {
        id: 'clutter',
        type: 'single',
        text: '楼道是否堆放杂物',
        required: true,
        options: [
          { id: 'no', label: '没有' },
          { id: 'yes', label: '有' },
        ],
      },
      {
        id: 'kit',
        type: 'multiple',
        text: '家中消防用品',
        required: false,
        options: [
          { id: 'ext', label: '灭火器' },
          { id: 'alarm', label: '烟雾报警器' },
          { id: 'none', label: '都没有' },
        ],
      },
    ],
  },
  {
    id: 's2',
    title: '其他',
    questions: [
      { id: 'people', type: 'number', text: '常住人口', required: false },
      { id: 'advice', type: 'text', text: '意见建议', required: false },
    ],
  },
];

const err = (res: { json<T>(): T }) => res.json<ErrorReply>().error;

describe.each(dialects)('surveys on %s', (dialect) => {
  let t: TestApp;
  let staff: Session; // communityStaff, 御河九号社区
  let grid: Session; // gridWorker, 御河九号社区第一网格
  let viewer: Session;
  let zhenhua: Session; // streetAdmin of another street
  let xinwang: Session; // streetAdmin, 新旺街道
  let officer: Session;
  let yuheId: string;
  let households: string[] = [];
  let otherGridHousehold: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [staff, grid, viewer, zhenhua, xinwang, officer] = await Promise.all(
      ['staff.yuhe', 'grid.yuhe', 'viewer', 'street.zhenhua', 'street.xinwang', 'officer.scjg'].map(
        (u) => t.login(u),
      ),
    );
    yuheId = (await unitByName(staff, '御河九号社区')).id;
    households = [];
    for (const room of ['901', '902', '903', '904'])
      households.push((await buildHousehold(staff, { community: '御河九号社区', room })).id);
    otherGridHousehold = (
      await buildHousehold(staff, { community: '御河九号社区', grid: '第二网格', room: '905' })
    ).id;
  });
  afterAll(() => t?.close());

  const send = (s: Session, method: 'POST' | 'PUT', url: string, payload: object) =>
    s.inject({ method, url, payload });
  const get = (s: Session, url: string) => s.inject({ method: 'GET', url });
  const create = async (s: Session, extra: object = {}) => {
    const res = await send(s, 'POST', '/api/surveys', {
      orgUnitId: yuheId,
      title: '楼道消防安全问卷',
      sections: sections(),
      ...extra,
    });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<SurveyDetail>();
  };
  const publish = async (s: SurveyDetail) => {
    const res = await send(staff, 'POST', `/api/surveys/${s.id}/publish`, { version: s.version });
    expect(res.statusCode, res.body).toBe(200);
    return res.json<SurveyDetail>();
  };
  const answer = (s: Session, payload: object) => send(s, 'POST', '/api/survey-answers', payload);

  it('answers 401 without a session; 403 to a viewer building or answering; 404 outside the scope', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/surveys' })).statusCode).toBe(401);
    const denied = await send(viewer, 'POST', '/api/surveys', {
      orgUnitId: yuheId,
      title: 'x',
      sections: sections(),
    });
    expect(denied.statusCode).toBe(403);
    const s = await publish(await create(staff));
    // Another street's admin and a market officer do not see it at all.
    expect((await get(zhenhua, `/api/surveys/${s.id}`)).statusCode).toBe(404);
    expect((await get(officer, `/api/surveys/${s.id}`)).statusCode).toBe(404);
    expect((await get(zhenhua, `/api/surveys/${s.id}/results`)).statusCode).toBe(404);
    const list = (await get(zhenhua, '/api/surveys')).json<{ items: Survey[] }>();
    expect(list.items.map((x) => x.id)).not.toContain(s.id);
    // The viewer reads the results but may not record an answer.
    expect((await get(viewer, `/api/surveys/${s.id}/results`)).statusCode).toBe(200);
    const res = await answer(viewer, { surveyId: s.id, answers: { env: 4, clutter: 'no' } });
    expect(res.statusCode).toBe(403);
    // The grid worker may not answer for a household of another grid, nor edit the survey.
    const elsewhere = await answer(grid, {
      surveyId: s.id,
      householdId: otherGridHousehold,
      answers: { env: 4, clutter: 'no' },
    });
    expect(elsewhere.statusCode).toBe(404);
    const edit = await send(grid, 'PUT', `/api/surveys/${s.id}`, {
      version: s.version,
      title: 'x',
      sections: sections(),
    });
    expect(edit.statusCode).toBe(403);
  });

  it('refuses a survey that is not well built, naming the field', async () => {
    const bad = sections();
    bad[0].questions[1].options = [{ id: 'only', label: '唯一' }];
    const res = await send(staff, 'POST', '/api/surveys', {
      orgUnitId: yuheId,
      title: '坏问卷',
      sections: bad,
    });
    expect(res.statusCode).toBe(400);
    expect(err(res)).toMatchObject({
      code: 'SURVEY_OPTIONS_REQUIRED',
      field: 'sections.0.questions.1.options',
    });
    const dup = sections();
    dup[1].questions[0].id = 'env';
    const res2 = await send(staff, 'POST', '/api/surveys', {
      orgUnitId: yuheId,
      title: '坏问卷',
      sections: dup,
    });
    expect(err(res2).code).toBe('SURVEY_DUPLICATE_ID');
    // A survey belongs to a street or a community, not a grid.
    const onGrid = await send(staff, 'POST', '/api/surveys', {
      orgUnitId: await gridIdOf(staff, '御河九号社区'),
      title: '网格问卷',
      sections: sections(),
    });
    expect(onGrid.statusCode).toBe(400);
    expect(err(onGrid)).toMatchObject({ code: 'SURVEY_UNIT_KIND', field: 'orgUnitId' });
    const empty = await create(staff, { title: '空问卷', sections: [] });
    const pub = await send(staff, 'POST', `/api/surveys/${empty.id}/publish`, {
      version: empty.version,
    });
    expect(pub.statusCode).toBe(400);
    expect(err(pub).code).toBe('SURVEY_EMPTY');
    // Nothing was published: answering it is refused.
    const early = await answer(grid, { surveyId: empty.id, answers: {} });
    expect(early.statusCode).toBe(409);
    expect(err(early).code).toBe('SURVEY_NOT_PUBLISHED');
  });

  it('answers 409 with the current survey to a stale save', async () => {
    const s = await create(staff);
    const first = await send(staff, 'PUT', `/api/surveys/${s.id}`, {
      version: s.version,
      title: '改过的标题',
      sections: sections(),
    });
    expect(first.statusCode).toBe(200);
    const second = await send(staff, 'PUT', `/api/surveys/${s.id}`, {
      version: s.version,
      title: '另一个标题',
      sections: sections(),
    });
    expect(second.statusCode).toBe(409);
    expect((err(second).current as SurveyDetail).title).toBe('改过的标题');
  });

  it('validates an answer against its version, naming the question', async () => {
    const s = await publish(await create(staff));
    const cases: [object, string, string][] = [
      [{ clutter: 'no' }, 'SURVEY_ANSWER_REQUIRED', 'answers.env'],
      [{ env: 6, clutter: 'no' }, 'SURVEY_ANSWER_INVALID', 'answers.env'],
      [{ env: 3, clutter: 'maybe' }, 'SURVEY_ANSWER_INVALID', 'answers.clutter'],
      [{ env: 3, clutter: 'no', kit: ['ext', 'x'] }, 'SURVEY_ANSWER_INVALID', 'answers.kit'],
      [{ env: 3, clutter: 'no', people: 'abc' }, 'SURVEY_ANSWER_INVALID', 'answers.people'],
      [{ env: 3, clutter: 'no', other: 'x' }, 'SURVEY_ANSWER_INVALID', 'answers.other'],
    ];
    for (const [answers, code, field] of cases) {
      const res = await answer(grid, { surveyId: s.id, householdId: households[0], answers });
      expect(res.statusCode, JSON.stringify(answers)).toBe(400);
      expect(err(res)).toMatchObject({ code, field });
    }
    const after = (await get(staff, `/api/surveys/${s.id}`)).json<SurveyDetail>();
    expect(after.answers).toBe(0);
  });

  it('takes one answer per household unless the survey allows more; a resend is no duplicate', async () => {
    const s = await publish(await create(staff));
    const id = v7();
    const payload = {
      id,
      surveyId: s.id,
      householdId: households[1],
      answers: { env: 5, clutter: 'no' },
    };
    const first = await answer(grid, payload);
    expect(first.statusCode, first.body).toBe(201);
    const resend = await answer(grid, payload);
    expect(resend.statusCode).toBe(200);
    expect(resend.json()).toEqual({ id, created: false });
    const second = await answer(staff, { ...payload, id: undefined });
    expect(second.statusCode).toBe(409);
    expect(err(second).code).toBe('SURVEY_ALREADY_ANSWERED');
    // Anonymous answers are not tied to a household.
    for (let i = 0; i < 2; i++)
      expect(
        (await answer(grid, { surveyId: s.id, answers: { env: 3, clutter: 'yes' } })).statusCode,
      ).toBe(201);
    const many = await publish(await create(staff, { allowMultiplePerHousehold: true }));
    for (let i = 0; i < 2; i++) {
      const res = await answer(grid, { ...payload, id: undefined, surveyId: many.id });
      expect(res.statusCode).toBe(201);
    }
    expect((await get(staff, `/api/surveys/${many.id}`)).json<SurveyDetail>().answers).toBe(2);
  });

  it('keeps an answer to a frozen version with its questions after the survey is edited', async () => {
    const v1 = await publish(await create(staff));
    expect(v1.status).toBe('published');
    expect(v1.currentVersion).toBe(1);
    const res = await answer(grid, {
      surveyId: v1.id,
      householdId: households[2],
      answers: { env: 2, clutter: 'yes', advice: '楼道灯坏了' },
    });
    expect(res.statusCode).toBe(201);
    // Edit the draft: reword a question, drop another, add a new one.
    const edited = sections();
    edited[0].questions[0].text = '您对小区环境卫生的满意程度（改）';
    edited[1].questions = [{ id: 'new', type: 'text', text: '新增问题', required: true }];
    const put = await send(staff, 'PUT', `/api/surveys/${v1.id}`, {
      version: v1.version,
      title: '楼道消防安全问卷（第二版）',
      sections: edited,
    });
    expect(put.statusCode).toBe(200);
    const draft = put.json<SurveyDetail>();
    expect(draft.draftChanged).toBe(true);
    expect(draft.currentVersion).toBe(1);
    // Version 1 is as it was published.
    const frozen = (
      await get(staff, `/api/surveys/${v1.id}/versions/${v1.currentVersionId}`)
    ).json<SurveyVersion>();
    expect(frozen.title).toBe('楼道消防安全问卷');
    expect(frozen.sections[0].questions[0].text).toBe('环境卫生满意度');
    expect(frozen.sections[1].questions.map((q) => q.id)).toEqual(['people', 'advice']);
    // Publishing makes version 2; the answer stays with version 1 and its questions.
    const v2 = await publish(draft);
    expect(v2.currentVersion).toBe(2);
    expect(v2.versions.map((v) => [v.version, v.answers])).toEqual([
      [2, 0],
      [1, 1],
    ]);
    const old = (
      await get(staff, `/api/surveys/${v1.id}/results?versionId=${v1.currentVersionId}`)
    ).json<SurveyResults>();
    expect(old.total).toBe(1);
    expect(old.questions.find((q) => q.questionId === 'env')?.text).toBe('环境卫生满意度');
    expect(old.questions.find((q) => q.questionId === 'advice')?.texts).toEqual(['楼道灯坏了']);
    const now = (await get(staff, `/api/surveys/${v1.id}/results`)).json<SurveyResults>();
    expect(now.version).toBe(2);
    expect(now.total).toBe(0);
    // The household has answered the survey, whichever version.
    const again = await answer(grid, {
      surveyId: v1.id,
      householdId: households[2],
      answers: { env: 3, clutter: 'no', new: '好' },
    });
    expect(err(again).code).toBe('SURVEY_ALREADY_ANSWERED');
    // Closing ends the answers.
    const closed = await send(staff, 'POST', `/api/surveys/${v1.id}/close`, {
      version: v2.version,
    });
    expect(closed.json<SurveyDetail>().status).toBe('closed');
    const late = await answer(grid, {
      surveyId: v1.id,
      answers: { env: 3, clutter: 'no', new: '好' },
    });
    expect(err(late).code).toBe('SURVEY_CLOSED');
  });

  it('counts, shares and averages each question', async () => {
    const s = await publish(await create(staff));
    const given = [
      { env: 5, clutter: 'no', kit: ['ext', 'alarm'], people: 3, advice: '多宣传' },
      { env: 4, clutter: 'no', kit: ['ext'], people: 2 },
      { env: 2, clutter: 'yes', people: 2 },
      { env: 4, clutter: 'no', kit: ['none'], advice: '  ' },
    ];
    for (const answers of given)
      expect((await answer(grid, { surveyId: s.id, answers })).statusCode).toBe(201);
    const r = (await get(viewer, `/api/surveys/${s.id}/results`)).json<SurveyResults>();
    expect(r.total).toBe(4);
    const q = (id: string) => r.questions.find((x) => x.questionId === id)!;
    expect(q('env').average).toBe(3.75);
    expect(q('env').distribution).toEqual([
      { value: 1, count: 0 },
      { value: 2, count: 1 },
      { value: 3, count: 0 },
      { value: 4, count: 2 },
      { value: 5, count: 1 },
    ]);
    expect(q('clutter').options).toEqual([
      { id: 'no', label: '没有', count: 3, share: 0.75 },
      { id: 'yes', label: '有', count: 1, share: 0.25 },
    ]);
    expect(q('kit').answered).toBe(3);
    expect(q('kit').options?.map((o) => [o.id, o.count])).toEqual([
      ['ext', 2],
      ['alarm', 1],
      ['none', 1],
    ]);
    expect(q('people')).toMatchObject({ answered: 3, average: 2.33, min: 2, max: 3 });
    expect(q('advice').texts).toEqual(['多宣传']);
  });

  it('exports the answers as an Excel register, one row per answer, one column per question', async () => {
    const s = await publish(await create(staff));
    await answer(grid, {
      surveyId: s.id,
      householdId: households[3],
      answers: { env: 4, clutter: 'yes', kit: ['ext', 'alarm'], advice: '加装路灯' },
    });
    await answer(grid, { surveyId: s.id, answers: { env: 3, clutter: 'no' } });
    const res = await get(viewer, `/api/surveys/${s.id}/answers.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual([
      '序号',
      '填写时间',
      '版本',
      '家庭地址',
      '居民',
      '记录人',
      '环境卫生满意度',
      '楼道是否堆放杂物',
      '家中消防用品',
      '常住人口',
      '意见建议',
    ]);
    expect(ws.rowCount).toBe(3);
    const first = (ws.getRow(2).values as unknown[]).slice(1);
    expect(String(first[3])).toContain('御河九号社区');
    expect(first.slice(6, 9)).toEqual([4, '有', '灭火器、烟雾报警器']);
    expect(first[10]).toBe('加装路灯');
    expect((ws.getRow(3).values as unknown[])[4]).toBe('匿名');
    expect((await get(zhenhua, `/api/surveys/${s.id}/answers.xlsx`)).statusCode).toBe(404);
  });

  it('seeds 新旺街道’s civilised-city survey with answers from its households', async () => {
    const list = (await get(xinwang, '/api/surveys')).json<{ items: Survey[] }>();
    const demo = list.items.find((x) => x.title === CIVILISED_CITY_SURVEY)!;
    expect(demo.status).toBe('published');
    // Campaign visits seeded later may add answers of their own.
    expect(demo.answers).toBeGreaterThanOrEqual(20);
    const r = (await get(xinwang, `/api/surveys/${demo.id}/results`)).json<SurveyResults>();
    expect(r.households).toBeGreaterThanOrEqual(18);
    expect(r.questions.find((q) => q.questionId === 'env')?.average).toBeGreaterThan(3);
    // A grid worker of 御河九号 sees the street's survey to answer it, and only their area's answers.
    const mine = (await get(grid, '/api/surveys?answerable=true')).json<{ items: Survey[] }>();
    expect(mine.items.map((x) => x.id)).toContain(demo.id);
    const theirs = (await get(grid, `/api/surveys/${demo.id}/results`)).json<SurveyResults>();
    expect(theirs.total).toBeLessThan(r.total);
    expect(mine.items.find((x) => x.id === demo.id)?.answers).toBe(theirs.total);
  });
});
