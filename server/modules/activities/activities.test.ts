import ExcelJS from 'exceljs';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  Activity,
  ActivityDetail,
  Attendance,
  AttendanceList,
  HandoutItem,
  Need,
  Partner,
} from '../../../common/schemas/activities';
import type { IssueDetail } from '../../../common/schemas/issues';
import type { Resident } from '../../../common/schemas/people';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';
import { gridIdOf } from '../../../test/support/issues';
import { buildHousehold } from '../../../test/support/people';

describe.each(dialects)('activities on %s', (dialect) => {
  let t: TestApp;
  let xiangyang: Session;
  let yuhe: Session;
  let gridYuhe: Session;
  let viewer: Session;
  let zhenhua: Session;
  let social: Session;
  let yuheId: string;
  let yuheGrid: string;
  let villageId: string;
  let residentIds: string[];
  const activityId = v7();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [xiangyang, yuhe, gridYuhe, viewer, zhenhua, social] = await Promise.all(
      [
        'staff.xiangyang',
        'staff.yuhe',
        'grid.yuhe',
        'viewer',
        'street.zhenhua',
        'social.zhenhua',
      ].map((u) => t.login(u)),
    );
    yuheId = (await unitByName(yuhe, '御河九号社区')).id;
    yuheGrid = await gridIdOf(yuhe, '御河九号社区');
    const partners = (await get(yuhe, '/api/activities/partners')).json<{ items: Partner[] }>();
    villageId = partners.items.find((p) => p.name === '新泉村')!.id;
    residentIds = [];
    for (const name of ['赵德明', '钱桂芝']) {
      const h = await buildHousehold(yuhe, { community: '御河九号社区', head: { name } });
      residentIds.push(h.members[0].id);
    }
  });
  afterAll(() => t?.close());

  const get = (s: Session, url: string) => s.inject({ method: 'GET', url });
  const post = (s: Session, url: string, payload: object) =>
    s.inject({ method: 'POST', url, payload });
  const detail = async (s: Session, id = activityId) =>
    (await get(s, `/api/activities/${id}`)).json<ActivityDetail>();
  const newActivity = (over: object = {}) => ({
    id: activityId,
    communityId: yuheId,
    title: '消防安全进楼栋',
    type: 'safetyCampaign',
    startAt: '2026-12-20T09:00:00+08:00',
    endAt: '2026-12-20T11:00:00+08:00',
    place: '御河九号小区 3 号楼前',
    capacity: 2,
    partnerIds: [villageId],
    ...over,
  });

  it('shows the demo dental clinic to its community with partner, check-ins and stock left', async () => {
    const page = (await get(xiangyang, '/api/activities')).json<{ items: Activity[] }>();
    const clinic = page.items.find((a) => a.title === '口腔义诊暖人心')!;
    expect(clinic).toMatchObject({
      type: 'freeClinic',
      status: 'finished',
      communityName: '向阳东街社区',
      checkedIn: 42,
      capacity: 60,
      partners: [{ name: '美源口腔医院' }],
    });
    const d = await detail(xiangyang, clinic.id);
    expect(d.handouts.find((h) => h.item === '口腔护理包')).toMatchObject({
      prepared: 100,
      given: 38,
      left: 62,
    });
    expect(d.photos).toHaveLength(2);
    expect(d.needs[0]).toMatchObject({ kind: 'issue' });
    const list = (
      await get(xiangyang, `/api/activities/${clinic.id}/attendance`)
    ).json<AttendanceList>();
    expect(list.items.find((a) => a.name === '李晓红')).toMatchObject({
      kind: 'walkIn',
      phone: '138****1278',
    });
    // 御河九号's staff see their own fire-safety day but not 向阳东街's clinic.
    const theirs = (await get(yuhe, '/api/activities')).json<{ items: Activity[] }>();
    expect(theirs.items.map((a) => a.title)).toContain('清理楼道杂物 消除火灾隐患');
    expect(theirs.items.map((a) => a.title)).not.toContain('口腔义诊暖人心');
    const fireDay = theirs.items.find((a) => a.title === '清理楼道杂物 消除火灾隐患')!;
    expect(fireDay).toMatchObject({ status: 'ongoing', partners: [{ name: '新泉村' }] });
    // Its feedback goes through the street's 文明城市创建居民评分问卷.
    expect((await detail(yuhe, fireDay.id)).surveyId).not.toBeNull();
    expect((await get(yuhe, `/api/activities/${clinic.id}`)).statusCode).toBe(404);
  });

  it('answers 401 without a session, 403 to a viewer, 404 outside the caller’s community', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/activities' })).statusCode).toBe(401);
    expect((await post(viewer, '/api/activities', newActivity({ id: v7() }))).statusCode).toBe(403);
    const elsewhere = await post(xiangyang, '/api/activities', newActivity({ id: v7() }));
    expect(elsewhere.statusCode).toBe(404);
    // A grid worker helps on the day but does not plan activities.
    expect((await post(gridYuhe, '/api/activities', newActivity({ id: v7() }))).statusCode).toBe(
      403,
    );
    const backwards = await post(
      yuhe,
      '/api/activities',
      newActivity({ id: v7(), endAt: '2026-12-20T08:00:00+08:00' }),
    );
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json()).toMatchObject({ error: { code: 'ACTIVITY_TIME_ORDER' } });
  });

  it('creates an activity once however often the phone resends it', async () => {
    const first = await post(yuhe, '/api/activities', newActivity());
    expect(first.statusCode).toBe(201);
    expect(first.json<ActivityDetail>()).toMatchObject({
      status: 'planned',
      capacity: 2,
      checkedIn: 0,
      partners: [{ id: villageId, name: '新泉村' }],
      rights: { manage: true, checkIn: true },
    });
    const again = await post(yuhe, '/api/activities', newActivity());
    expect(again.statusCode).toBe(200);
    expect((await detail(gridYuhe)).rights).toEqual({ manage: false, checkIn: true });
    expect((await detail(viewer)).rights).toEqual({ manage: false, checkIn: false });
  });

  it('checks in a resident once, a walk-in with a masked phone, and no one beyond capacity', async () => {
    const url = `/api/activities/${activityId}/attendance`;
    const checkInId = v7();
    const resident = await post(gridYuhe, url, { id: checkInId, residentId: residentIds[0] });
    expect(resident.statusCode).toBe(201);
    expect(resident.json<Attendance>()).toMatchObject({ kind: 'resident', name: '赵德明' });
    expect(
      (await post(gridYuhe, url, { id: checkInId, residentId: residentIds[0] })).statusCode,
    ).toBe(200);
    const twice = await post(yuhe, url, { residentId: residentIds[0] });
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ error: { code: 'ACTIVITY_ALREADY_CHECKED_IN' } });
    const walkIn = await post(yuhe, url, { name: '孙立平', phone: '13812345678' });
    expect(walkIn.statusCode).toBe(201);
    expect(walkIn.json<Attendance>()).toMatchObject({ kind: 'walkIn', phone: '138****5678' });
    const full = await post(yuhe, url, { residentId: residentIds[1] });
    expect(full.statusCode).toBe(409);
    expect(full.json()).toMatchObject({ error: { code: 'ACTIVITY_FULL' } });
    expect(full.json<{ error: { message: string } }>().error.message).toContain('2');
    const list = (await get(viewer, url)).json<AttendanceList>();
    expect(list).toMatchObject({ checkedIn: 2, capacity: 2 });
    expect(JSON.stringify(list)).not.toContain('13812345678');
    expect((await post(viewer, url, { name: '周一' })).statusCode).toBe(403);
    const { version } = await detail(yuhe);
    const lower = await s(yuhe).patch({ version, capacity: 1 });
    expect(lower.statusCode).toBe(409);
    // Raising the capacity lets the next resident in.
    expect((await s(yuhe).patch({ version, capacity: 3 })).statusCode).toBe(200);
    expect((await post(yuhe, url, { residentId: residentIds[1] })).statusCode).toBe(201);
  });

  const s = (who: Session) => ({
    patch: (payload: object) =>
      who.inject({ method: 'PATCH', url: `/api/activities/${activityId}`, payload }),
  });

  it('adds a walk-in to the register, and the check-in then points at the new resident', async () => {
    const list = (
      await get(yuhe, `/api/activities/${activityId}/attendance`)
    ).json<AttendanceList>();
    const walkIn = list.items.find((a) => a.name === '孙立平')!;
    const url = `/api/activities/${activityId}/attendance/${walkIn.id}/register`;
    const body = { gridId: yuheGrid, building: '9', room: '601', gender: 'male' };
    const res = await post(yuhe, url, body);
    expect(res.statusCode).toBe(201);
    const { residentId } = res.json<{ residentId: string }>();
    const r = (await get(yuhe, `/api/residents/${residentId}`)).json<Resident>();
    expect(r).toMatchObject({ name: '孙立平', gender: 'male' });
    expect(r.phone.value).toBe('138****5678');
    expect((await post(yuhe, url, body)).json()).toMatchObject({ residentId, created: false });
    const after = (
      await get(yuhe, `/api/activities/${activityId}/attendance`)
    ).json<AttendanceList>();
    expect(after.items.find((a) => a.id === walkIn.id)).toMatchObject({ residentId });
    expect(after.items.find((a) => a.id === walkIn.id)!.registeredAt).not.toBeNull();
  });

  it('gives handouts from the stock and refuses more than is left', async () => {
    const made = await post(yuhe, `/api/activities/${activityId}/handout-items`, {
      item: '灭火器使用手册',
      unit: '本',
      prepared: 10,
    });
    expect(made.statusCode).toBe(201);
    const item = made.json<HandoutItem>();
    const url = `/api/activities/${activityId}/handouts`;
    const given = await post(gridYuhe, url, { itemId: item.id, quantity: 4 });
    expect(given.statusCode).toBe(201);
    expect(given.json<{ item: HandoutItem }>().item).toMatchObject({ given: 4, left: 6 });
    const tooMany = await post(yuhe, url, { itemId: item.id, quantity: 7 });
    expect(tooMany.statusCode).toBe(409);
    expect(tooMany.json()).toMatchObject({
      error: { code: 'HANDOUT_STOCK_EXCEEDED', current: { left: 6 } },
    });
    expect((await post(viewer, url, { itemId: item.id, quantity: 1 })).statusCode).toBe(403);
    const lower = await yuhe.inject({
      method: 'PUT',
      url: `/api/activities/${activityId}/handout-items/${item.id}`,
      payload: { prepared: 3 },
    });
    expect(lower.statusCode).toBe(409);
    expect((await detail(yuhe)).handouts[0]).toMatchObject({ prepared: 10, given: 4, left: 6 });
  });

  it('turns a need noticed at the activity into an issue on the board in one step', async () => {
    const res = await post(gridYuhe, `/api/activities/${activityId}/needs`, {
      kind: 'issue',
      category: 'safetyHazard',
      gridId: yuheGrid,
      description: '3 号楼楼道灭火器过期',
    });
    expect(res.statusCode).toBe(201);
    const { need } = res.json<{ need: Need }>();
    const issue = (await get(yuhe, `/api/issues/${need.targetId}`)).json<IssueDetail>();
    expect(issue).toMatchObject({
      source: 'activity',
      status: 'reported',
      description: '3 号楼楼道灭火器过期',
    });
    expect((await detail(yuhe)).needs.map((n) => n.targetId)).toContain(need.targetId);
    const board = (await get(yuhe, '/api/issues?pageSize=100')).json<{ items: { id: string }[] }>();
    expect(board.items.map((i) => i.id)).toContain(need.targetId);
    // A resend of the same need makes no second issue.
    const again = await post(gridYuhe, `/api/activities/${activityId}/needs`, {
      id: need.id,
      kind: 'issue',
      category: 'safetyHazard',
      gridId: yuheGrid,
      description: '3 号楼楼道灭火器过期',
    });
    expect(again.statusCode).toBe(200);
    expect(again.json<{ need: Need }>().need.targetId).toBe(need.targetId);
  });

  it('refers a need to the street’s social work station', async () => {
    const community = await unitByName(zhenhua, '振华东社区');
    const created = await post(zhenhua, '/api/activities', {
      communityId: community.id,
      title: '重阳敬老志愿服务',
      type: 'volunteerService',
      startAt: '2026-12-21T09:00:00+08:00',
      endAt: '2026-12-21T11:00:00+08:00',
      place: '振华东社区活动室',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json<ActivityDetail>().id;
    const checked = await post(zhenhua, `/api/activities/${id}/attendance`, {
      name: '吴大爷',
      phone: '13900001111',
    });
    const res = await post(zhenhua, `/api/activities/${id}/needs`, {
      kind: 'referral',
      attendanceId: checked.json<Attendance>().id,
      description: '独居，腿脚不便，需要上门探访和助餐',
    });
    expect(res.statusCode).toBe(201);
    const { need } = res.json<{ need: Need }>();
    expect(need).toMatchObject({ kind: 'referral', name: '吴大爷' });
    const pending = (await get(social, '/api/intake-referrals')).json<
      { id: string; name: string; source: string }[]
    >();
    expect(pending.find((r) => r.id === need.targetId)).toMatchObject({
      name: '吴大爷',
      source: 'activity',
    });
  });

  it('finishes the activity: no more check-ins, a stale version answers 409', async () => {
    const { version } = await detail(yuhe);
    const ongoing = await post(yuhe, `/api/activities/${activityId}/status`, {
      version,
      status: 'ongoing',
    });
    expect(ongoing.statusCode).toBe(200);
    const stale = await post(yuhe, `/api/activities/${activityId}/status`, {
      version,
      status: 'finished',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({ error: { code: 'STALE_VERSION' } });
    const finished = await post(yuhe, `/api/activities/${activityId}/status`, {
      version: version + 1,
      status: 'finished',
    });
    expect(finished.json<ActivityDetail>().status).toBe('finished');
    const late = await post(yuhe, `/api/activities/${activityId}/attendance`, { name: '晚到' });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ error: { code: 'ACTIVITY_NOT_OPEN' } });
    const summary = await s(yuhe).patch({ version: version + 2, summary: '共 3 人参加' });
    expect(summary.json<ActivityDetail>().summary).toBe('共 3 人参加');
  });

  it('exports the register and the check-in sheet with masked phones', async () => {
    const reg = await get(yuhe, '/api/activities/export.xlsx?type=safetyCampaign');
    expect(reg.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(reg.rawPayload as unknown as ArrayBuffer);
    const titles = wb.worksheets[0].getColumn(1).values.slice(2);
    expect(titles).toContain('消防安全进楼栋');
    const sheet = await get(yuhe, `/api/activities/${activityId}/attendance.xlsx`);
    expect(sheet.statusCode).toBe(200);
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(sheet.rawPayload as unknown as ArrayBuffer);
    const rows = wb2.worksheets[0].getSheetValues().flat().map(String);
    expect(rows).toContain('138****5678');
    expect(rows.join()).not.toContain('13812345678');
  });

  it('records residents’ feedback through the activity’s published survey', async () => {
    const created = await post(yuhe, '/api/surveys', {
      orgUnitId: yuheId,
      title: '活动满意度调查',
      sections: [
        {
          id: 's1',
          title: '',
          questions: [{ id: 'q1', type: 'rating', text: '您对本次活动满意吗？', required: true }],
        },
      ],
    });
    expect(created.statusCode).toBe(201);
    const survey = created.json<{ id: string; version: number }>();
    const other = await post(yuhe, '/api/activities', newActivity({ id: v7(), capacity: null }));
    const id = other.json<ActivityDetail>().id;
    const noSurvey = await post(yuhe, `/api/activities/${id}/feedback`, { answers: { q1: 5 } });
    expect(noSurvey.json()).toMatchObject({ error: { code: 'ACTIVITY_NO_SURVEY' } });
    // A draft cannot be named: residents could not answer it.
    const draft = await yuhe.inject({
      method: 'PATCH',
      url: `/api/activities/${id}`,
      payload: { version: 1, surveyId: survey.id },
    });
    expect(draft.statusCode).toBe(400);
    await post(yuhe, `/api/surveys/${survey.id}/publish`, { version: survey.version });
    const named = await yuhe.inject({
      method: 'PATCH',
      url: `/api/activities/${id}`,
      payload: { version: 1, surveyId: survey.id },
    });
    expect(named.json<ActivityDetail>().surveyId).toBe(survey.id);
    const checked = await post(gridYuhe, `/api/activities/${id}/attendance`, {
      residentId: residentIds[0],
    });
    const answer = await post(gridYuhe, `/api/activities/${id}/feedback`, {
      attendanceId: checked.json<Attendance>().id,
      answers: { q1: 5 },
    });
    expect(answer.statusCode).toBe(201);
    const results = (await get(yuhe, `/api/surveys/${survey.id}/results`)).json<{
      total: number;
    }>();
    expect(results.total).toBe(1);
  });

  it('keeps partners per street: a name once, managed by the street’s staff only', async () => {
    const dup = await post(yuhe, '/api/activities/partners', { name: '新泉村', kind: 'village' });
    expect(dup.statusCode).toBe(409);
    expect(
      (await post(viewer, '/api/activities/partners', { name: 'X', kind: 'other' })).statusCode,
    ).toBe(403);
    const mine = (await get(xiangyang, '/api/activities/partners')).json<{ items: Partner[] }>();
    // 向阳东街 and 御河九号 are both of 新旺街道: one list of partners.
    expect(mine.items.map((p) => p.name)).toEqual(
      expect.arrayContaining(['美源口腔医院', '新泉村']),
    );
    const other = (await get(zhenhua, '/api/activities/partners')).json<{ items: Partner[] }>();
    expect(other.items.map((p) => p.name)).not.toContain('新泉村');
  });
});
