import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Campaign,
  CampaignDetail,
  CampaignHouseholds,
  Visit,
} from '../../../common/schemas/campaigns';
import type { Issue } from '../../../common/schemas/issues';
import { questionsOf, type SurveyVersion } from '../../../common/schemas/surveys';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';
import { gridIdOf } from '../../../test/support/issues';

const SURVEY_TITLE = '文明城市创建居民评分问卷';

/** A complete answer to every question of the version. */
function answersFor(version: SurveyVersion): Record<string, string | string[] | number> {
  const answers: Record<string, string | string[] | number> = {};
  for (const q of questionsOf(version)) {
    const first = q.options?.[0]?.id ?? '';
    if (q.type === 'single') answers[q.id] = first;
    else if (q.type === 'multiple') answers[q.id] = [first];
    else if (q.type === 'rating') answers[q.id] = 4;
    else if (q.type === 'number') answers[q.id] = 3;
    else answers[q.id] = '楼道灯坏了';
  }
  return answers;
}

describe.each(dialects)('campaigns on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let worker: Session;
  let yuheWorker: Session;
  let staff: Session;
  let viewer: Session;
  let zhenhua: Session;
  let streetId: string;
  let gridId: string;
  let surveyId: string;
  let campaign: CampaignDetail;
  const households: string[] = [];

  const post = (s: Session, url: string, payload: object) =>
    s.inject({ method: 'POST', url, payload });
  const get = (s: Session, url: string) => s.inject({ method: 'GET', url });
  const detail = async (s: Session = admin) =>
    (await get(s, `/api/campaigns/${campaign.id}`)).json<CampaignDetail>();
  const visit = (s: Session, payload: object, id = campaign.id) =>
    post(s, `/api/campaigns/${id}/visits`, payload);
  const today = new Date().toISOString().slice(0, 10);
  const newCampaign = (over: object = {}) => ({
    ownerUnitId: streetId,
    title: '燃气安全入户宣传（测试）',
    materials: ['疫情防控一封信', '燃气安全隐患整改通知书'],
    surveyId,
    targetUnitIds: [gridId],
    startDate: today,
    endDate: today,
    status: 'active',
    ...over,
  });

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    [yuheWorker, staff, viewer, zhenhua] = await Promise.all(
      ['grid.yuhe', 'staff.yuhe', 'viewer', 'street.zhenhua'].map((u) => t.login(u)),
    );
    streetId = (await unitByName(admin, '新旺街道')).id;
    const community = await unitByName(admin, '御河九号社区');
    // A grid of its own with exactly three households, and its own grid worker.
    const unit = await post(admin, '/api/org/units', {
      parentId: community.id,
      kind: 'grid',
      name: '宣传测试网格',
    });
    expect(unit.statusCode).toBe(201);
    gridId = unit.json<{ id: string }>().id;
    const staffRes = await post(admin, '/api/staff', {
      username: 'grid.campaign',
      displayName: '田晓东',
      password: 'Linli#Test2026',
      roles: [{ role: 'gridWorker', orgUnitId: gridId }],
    });
    expect(staffRes.statusCode).toBe(201);
    worker = await t.login('grid.campaign', 'Linli#Test2026');
    for (const [room, name] of [
      ['101', '杨春花'],
      ['102', '吴国庆'],
      ['201', '郑秀云'],
    ]) {
      const res = await post(admin, '/api/households', {
        gridId,
        building: '8',
        unitNo: '1',
        room,
        head: { name },
      });
      expect(res.statusCode).toBe(201);
      households.push(res.json<{ id: string }>().id);
    }
    const surveys = await get(admin, `/api/surveys?q=${encodeURIComponent(SURVEY_TITLE)}`);
    surveyId = surveys.json<{ items: { id: string; title: string }[] }>().items[0].id;
    const created = await post(admin, '/api/campaigns', newCampaign({ id: v7() }));
    expect(created.statusCode).toBe(201);
    campaign = created.json<CampaignDetail>();
  });
  afterAll(() => t?.close());

  it('needs a log-in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/campaigns' });
    expect(res.statusCode).toBe(401);
  });

  it('creates a campaign whose households are those of its targets, once for a resend', async () => {
    expect(campaign.targets).toEqual([{ id: gridId, name: '宣传测试网格', kind: 'grid' }]);
    expect(campaign.survey?.title).toBe(SURVEY_TITLE);
    expect(campaign.coverage.total).toMatchObject({ target: 3, visited: 0, reached: 0, share: 0 });
    const id = v7();
    const first = await post(admin, '/api/campaigns', newCampaign({ id, status: 'planned' }));
    const again = await post(admin, '/api/campaigns', newCampaign({ id, status: 'planned' }));
    expect([first.statusCode, again.statusCode]).toEqual([201, 200]);
    const list = (await get(admin, '/api/campaigns?pageSize=200')).json<{ items: Campaign[] }>();
    expect(list.items.filter((c) => c.id === id)).toHaveLength(1);
    // The demo's campaign is there too, with the households of both its communities.
    const demo = list.items.find((c) => c.title === '疫情防控和燃气安全入户宣传')!;
    expect(demo.materials).toEqual(['疫情防控一封信', '燃气安全隐患整改通知书']);
    expect(demo.summary.reached).toBeGreaterThan(0);
  });

  it('rejects bad input with the field at fault and creates nothing', async () => {
    const dates = await post(admin, '/api/campaigns', newCampaign({ endDate: '2020-01-01' }));
    expect(dates.statusCode).toBe(400);
    expect(dates.json()).toMatchObject({ error: { code: 'CAMPAIGN_DATES', field: 'endDate' } });
    const elsewhere = await gridIdOf(admin, '振华东社区');
    const outside = await post(
      admin,
      '/api/campaigns',
      newCampaign({ targetUnitIds: [elsewhere] }),
    );
    expect(outside.json()).toMatchObject({
      error: { code: 'CAMPAIGN_TARGET_INVALID', field: 'targetUnitIds' },
    });
    const noMaterials = await post(admin, '/api/campaigns', newCampaign({ materials: [] }));
    expect(noMaterials.statusCode).toBe(400);
  });

  it('lets only admins and community staff of the area create and edit', async () => {
    expect((await post(viewer, '/api/campaigns', newCampaign())).statusCode).toBe(403);
    expect((await post(worker, '/api/campaigns', newCampaign())).statusCode).toBe(403);
    // Another street's admin does not see 新旺街道 at all.
    const other = await post(zhenhua, '/api/campaigns', newCampaign());
    expect(other.json()).toMatchObject({ error: { code: 'NOT_FOUND', field: 'ownerUnitId' } });
    const patch = (s: Session, body: object) =>
      s.inject({ method: 'PATCH', url: `/api/campaigns/${campaign.id}`, payload: body });
    expect((await patch(worker, { version: 1, note: '改' })).statusCode).toBe(403);
    expect((await patch(zhenhua, { version: 1, note: '改' })).statusCode).toBe(404);
    const edited = await patch(admin, { version: 1, note: '每户都要送到' });
    expect(edited.statusCode).toBe(200);
    const stale = await patch(admin, { version: 1, note: '旧版本' });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      error: { code: 'STALE_VERSION', current: { note: '每户都要送到', version: 2 } },
    });
  });

  it('shows the campaign to those of its area only', async () => {
    expect((await get(zhenhua, `/api/campaigns/${campaign.id}`)).statusCode).toBe(404);
    const list = (await get(zhenhua, '/api/campaigns')).json<{ items: Campaign[] }>();
    expect(list.items).toEqual([]);
    // The grid worker of the targeted grid sees it and may visit; the viewer reads only.
    expect((await detail(worker)).canVisit).toBe(true);
    expect((await detail(viewer)).canVisit).toBe(false);
    const mine = (
      await get(worker, `/api/campaigns/${campaign.id}/households?mine=true`)
    ).json<CampaignHouseholds>();
    expect(mine.counts).toMatchObject({ all: 3, pending: 3 });
    expect(mine.items.map((h) => h.headName)).toEqual(['杨**', '吴**', '郑**']);
  });

  it('refuses visits outside the caller’s grid (404) and by readers (403)', async () => {
    const outside = await visit(yuheWorker, { householdId: households[0], outcome: 'delivered' });
    expect(outside.statusCode).toBe(404);
    const reader = await visit(viewer, { householdId: households[0], outcome: 'delivered' });
    expect(reader.statusCode).toBe(403);
    const stranger = await visit(zhenhua, { householdId: households[0], outcome: 'delivered' });
    expect(stranger.statusCode).toBe(404);
    expect((await detail()).coverage.total.visited).toBe(0);
  });

  it('writes nothing when the questionnaire answer is invalid', async () => {
    const res = await visit(worker, {
      id: v7(),
      householdId: households[0],
      outcome: 'delivered',
      survey: { answers: {} },
    });
    expect(res.statusCode).toBe(400);
    const c = await detail();
    expect(c.coverage.total).toMatchObject({ visited: 0, reached: 0 });
    const notDelivered = await visit(worker, {
      householdId: households[0],
      outcome: 'notHome',
      survey: { answers: answersFor(c.survey!) },
    });
    expect(notDelivered.json()).toMatchObject({
      error: { code: 'CAMPAIGN_SURVEY_NOT_EXPECTED' },
    });
  });

  it('records the questionnaire in the same step as the delivery, once for a resend', async () => {
    const c = await detail();
    const door = async () =>
      (
        await worker.inject({
          method: 'GET',
          url: `/api/campaigns/${c.id}/households/${households[0]}`,
        })
      ).json<{ surveyAnswered: boolean }>();
    expect((await door()).surveyAnswered).toBe(false);
    const body = {
      id: v7(),
      householdId: households[0],
      outcome: 'delivered',
      note: '户主在家，已讲解燃气安全',
      survey: { answers: answersFor(c.survey!) },
    };
    const first = await visit(worker, body);
    expect(first.statusCode).toBe(201);
    const v = first.json<Visit>();
    expect(v.surveyAnswerId).toBeTruthy();
    expect(v.worker.name).toBe('田晓东');
    // The next round's visit page knows not to ask again.
    expect((await door()).surveyAnswered).toBe(true);
    const again = await visit(worker, body);
    expect(again.statusCode).toBe(200);
    expect(again.json<Visit>().id).toBe(v.id);
    // Delivered is final: the household is not visited again.
    const more = await visit(worker, { householdId: households[0], outcome: 'notHome' });
    expect(more.statusCode).toBe(409);
    expect(more.json()).toMatchObject({ error: { code: 'CAMPAIGN_ALREADY_DELIVERED' } });
  });

  it('counts a household once however many revisits: not at home, then delivered → reached', async () => {
    const notHome = await visit(worker, { householdId: households[1], outcome: 'notHome' });
    expect(notHome.statusCode).toBe(201);
    let c = await detail();
    expect(c.coverage.total).toMatchObject({ target: 3, visited: 2, reached: 1, notHome: 1 });
    await visit(worker, { householdId: households[1], outcome: 'notHome', note: '还是没人' });
    c = await detail();
    expect(c.coverage.total).toMatchObject({ visited: 2, reached: 1, notHome: 1 });
    await visit(worker, { householdId: households[1], outcome: 'delivered' });
    c = await detail();
    expect(c.coverage.total).toMatchObject({ target: 3, visited: 2, reached: 2, notHome: 0 });
    expect(c.coverage.total.share).toBeCloseTo(2 / 3);
    expect(c.coverage.byGrid).toEqual([
      expect.objectContaining({ id: gridId, communityName: '御河九号社区', target: 3, reached: 2 }),
    ]);
    expect(c.coverage.byCommunity).toEqual([
      expect.objectContaining({ name: '御河九号社区', target: 3, reached: 2 }),
    ]);
    expect(c.coverage.byWorker).toEqual([
      expect.objectContaining({ name: '田晓东', target: null, visited: 2, reached: 2 }),
    ]);
    const list = (
      await get(worker, `/api/campaigns/${campaign.id}/households?filter=delivered`)
    ).json<CampaignHouseholds>();
    expect(list.items.map((h) => h.householdId).sort()).toEqual(households.slice(0, 2).sort());
    expect(list.items.find((h) => h.householdId === households[1])?.visits).toBe(3);
    const one = await get(worker, `/api/campaigns/${campaign.id}/households/${households[1]}`);
    expect(one.json<{ visitsList: Visit[] }>().visitsList.map((v) => v.outcome)).toEqual([
      'delivered',
      'notHome',
      'notHome',
    ]);
  });

  it('reports a problem seen at the door as an issue in the same step, with source visit', async () => {
    const res = await visit(worker, {
      householdId: households[2],
      outcome: 'refused',
      issue: { category: 'safetyHazard', description: '楼道堆放液化气罐' },
    });
    expect(res.statusCode).toBe(201);
    const v = res.json<Visit>();
    expect(v.issueId).toBeTruthy();
    const board = await get(staff, `/api/issues?gridId=${gridId}`);
    const issue = board.json<{ items: Issue[] }>().items.find((i) => i.id === v.issueId);
    expect(issue).toMatchObject({ source: 'visit', category: 'safetyHazard', status: 'reported' });
    expect(issue?.description).toBe('楼道堆放液化气罐');
    const c = await detail();
    expect(c.coverage.total).toMatchObject({ visited: 3, reached: 2, refused: 1 });
    // A bad issue leaves no visit behind.
    const bad = await visit(worker, {
      householdId: households[2],
      outcome: 'notHome',
      issue: { category: 'safetyHazard', description: '' },
    });
    expect(bad.statusCode).toBe(400);
    expect((await detail()).coverage.total).toMatchObject({ refused: 1, notHome: 0 });
  });

  it('takes visits only while the campaign is active', async () => {
    const c = await detail();
    const ended = await admin.inject({
      method: 'PATCH',
      url: `/api/campaigns/${c.id}`,
      payload: { version: c.version, status: 'ended' },
    });
    expect(ended.statusCode).toBe(200);
    const res = await visit(worker, { householdId: households[2], outcome: 'delivered' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ error: { code: 'CAMPAIGN_NOT_ACTIVE' } });
    const back = await admin.inject({
      method: 'PATCH',
      url: `/api/campaigns/${c.id}`,
      payload: { version: c.version + 1, status: 'planned' },
    });
    expect(back.json()).toMatchObject({ error: { code: 'INVALID_TRANSITION' } });
  });

  it('exports the visits as an Excel ledger', async () => {
    const res = await get(staff, `/api/campaigns/${campaign.id}/visits.xlsx`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    expect(res.headers['x-exported-count']).toBe('5');
  });
});
