import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, CaseDetail, CaseEvent } from '../../../common/schemas/cases';
import type { Household, Resident } from '../../../common/schemas/people';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app';
import {
  addStaff,
  assessmentForm,
  buildCase,
  giveConsent,
  intakeForm,
} from '../../../test/support/cases';
import { dialects } from '../../../test/support/db';
import { buildHousehold, fakeIdNumber } from '../../../test/support/people';

describe.each(dialects)('cases on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let social: Session;
  let colleague: Session;
  let colleagueId: string;
  let supervisor: Session;
  let qingyuan: Session;
  let qingyuanId: string;
  let grid: Session;
  let streetAdmin: Session;
  let viewer: Session;
  let wang: Household;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    const c = await addStaff(admin, {
      username: 'social2.zhenhua',
      displayName: '钱多多',
      role: 'socialWorker',
      unit: '振华街道社工站',
    });
    colleagueId = c.id;
    [social, supervisor, grid, streetAdmin, viewer] = await Promise.all(
      ['social.zhenhua', 'supervisor.zhenhua', 'grid.yuhe', 'street.zhenhua', 'viewer'].map((u) =>
        t.login(u),
      ),
    );
    qingyuan = await t.login('social.qingyuan');
    qingyuanId = (await qingyuan.inject({ method: 'GET', url: '/api/auth/me' })).json<{
      id: string;
    }>().id;
    colleague = await t.login(c.username, c.password);
    wang = await buildHousehold(social, {
      community: '振华东社区',
      economicStatus: 'minimumIncome',
      head: {
        name: '吴志刚',
        idNumber: fakeIdNumber('1986-03-08'),
        phone: '13812345678',
        healthNotes: '尿毒症，每周透析三次',
        careTags: ['seriousIllness', 'minimumIncome'],
      },
    });
  });
  afterAll(() => t?.close());

  const count = async (table: 'social_case' | 'case_event' | 'case_stage_form') =>
    Number(
      (
        await t.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const caseAudits = async () =>
    (
      await t.handle.db
        .selectFrom('audit_log')
        .select('action')
        .where('action', 'like', 'case.%')
        .execute()
    ).length;
  const get = async (s: Session, id: string) =>
    (await s.inject({ method: 'GET', url: `/api/cases/${id}` })).json<CaseDetail>();
  const householdFor = (name: string, tags: string[] = []) =>
    buildHousehold(social, {
      community: '振华西社区',
      head: { name, idNumber: fakeIdNumber('1975-06-06'), careTags: tags as never },
    });

  it('answers 401 without a session and 403 to roles that hold no cases', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/cases' })).statusCode).toBe(401);
    expect(
      (await t.app.inject({ method: 'POST', url: '/api/cases', payload: {} })).statusCode,
    ).toBe(401);
    for (const s of [grid, viewer]) {
      expect((await s.inject({ method: 'GET', url: '/api/cases' })).statusCode).toBe(403);
    }
    const res = await grid.inject({
      method: 'POST',
      url: '/api/cases',
      payload: {
        residentId: wang.members[0].id,
        source: 'workerFound',
        presentingProblem: '经济困难',
        riskLevel: 'low',
        intake: intakeForm,
      },
    });
    expect(res.statusCode).toBe(403);
  });

  it('refuses an intake without the client’s consent, and writes nothing', async () => {
    const before = [
      await count('social_case'),
      await count('case_event'),
      await count('case_stage_form'),
      await caseAudits(),
    ];
    const res = await social.inject({
      method: 'POST',
      url: '/api/cases',
      payload: {
        residentId: wang.members[0].id,
        source: 'selfReferred',
        presentingProblem: '因病失业',
        riskLevel: 'medium',
        intake: intakeForm,
      },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json<{ error: { code: string } }>().error.code).toBe('CONSENT_REQUIRED');
    expect([
      await count('social_case'),
      await count('case_event'),
      await count('case_stage_form'),
      await caseAudits(),
    ]).toEqual(before);
  });

  it('refuses an intake form without the need as told, naming the field', async () => {
    const res = await social.inject({
      method: 'POST',
      url: '/api/cases',
      payload: {
        residentId: wang.members[0].id,
        source: 'selfReferred',
        presentingProblem: '因病失业',
        riskLevel: 'medium',
        intake: {},
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { field: string } }>().error.field).toBe('intake.needAsTold');
  });

  let wangCase: CaseDetail;
  it('opens a case at intake with consent; the same send again gives the same case, another one is refused', async () => {
    await giveConsent(social, wang.members[0].id);
    const before = await count('social_case');
    const id = '019a0000-0000-7000-8000-000000000001';
    wangCase = await buildCase(social, { id, residentId: wang.members[0].id });
    expect(wangCase).toMatchObject({
      id,
      clientName: '吴志刚',
      householdId: wang.id,
      stationName: '振华街道社工站',
      stage: 'intake',
      status: 'open',
      cycle: 1,
      source: 'selfReferred',
      assignedWorker: { displayName: '赵晓雯' },
      canWrite: true,
      canReview: false,
    });
    expect(wangCase.nextContactDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(wangCase.forms).toEqual([
      expect.objectContaining({ stage: 'intake', data: intakeForm, review: null }),
    ]);
    const again = await social.inject({
      method: 'POST',
      url: '/api/cases',
      payload: {
        id,
        residentId: wang.members[0].id,
        source: 'selfReferred',
        presentingProblem: '因病失业，家庭经济困难',
        riskLevel: 'medium',
        intake: intakeForm,
      },
    });
    expect(again.statusCode).toBe(200);
    const second = await social.inject({
      method: 'POST',
      url: '/api/cases',
      payload: {
        residentId: wang.members[0].id,
        source: 'selfReferred',
        presentingProblem: '再开一个',
        riskLevel: 'low',
        intake: intakeForm,
      },
    });
    expect(second.json<{ error: { code: string } }>().error.code).toBe('CASE_ALREADY_OPEN');
    expect(await count('social_case')).toBe(before + 1);
  });

  it('shows the client’s sensitive fields whole to their own worker and supervisor only', async () => {
    const read = async (s: Session) =>
      (
        await s.inject({ method: 'GET', url: `/api/residents/${wang.members[0].id}` })
      ).json<Resident>();
    expect((await read(social)).phone).toEqual({
      value: '13812345678',
      masked: false,
      canReveal: false,
    });
    expect((await read(supervisor)).healthNotes.value).toBe('尿毒症，每周透析三次');
    expect((await read(colleague)).phone).toEqual({
      value: '138****5678',
      masked: true,
      canReveal: true,
    });
  });

  it('transfers a case to another worker of the station, not to one of another station', async () => {
    const url = `/api/cases/${wangCase.id}/transfer`;
    const away = await supervisor.inject({
      method: 'POST',
      url,
      payload: { version: wangCase.version, toWorkerId: qingyuanId, reason: '调整分工' },
    });
    expect(away.statusCode).toBe(400);
    expect(away.json<{ error: { code: string } }>().error.code).toBe('WORKER_NOT_IN_STATION');
    const res = await supervisor.inject({
      method: 'POST',
      url,
      payload: { version: wangCase.version, toWorkerId: colleagueId, reason: '赵晓雯休产假' },
    });
    expect(res.statusCode).toBe(200);
    wangCase = res.json<CaseDetail>();
    expect(wangCase.assignedWorker).toEqual({ id: colleagueId, displayName: '钱多多' });
    expect((await get(social, wangCase.id)).canWrite).toBe(false);
    expect((await get(colleague, wangCase.id)).canWrite).toBe(true);
    const patch = await social.inject({
      method: 'PATCH',
      url: `/api/cases/${wangCase.id}`,
      payload: { version: wangCase.version, riskLevel: 'low' },
    });
    expect(patch.statusCode).toBe(403);
    const events = (
      await colleague.inject({ method: 'GET', url: `/api/cases/${wangCase.id}/events` })
    ).json<CaseEvent[]>();
    expect(events.at(-1)).toMatchObject({
      action: 'transfer',
      note: '赵晓雯 → 钱多多：赵晓雯休产假',
    });
    const phone = async (s: Session) =>
      (
        await s.inject({ method: 'GET', url: `/api/residents/${wang.members[0].id}` })
      ).json<Resident>().phone.masked;
    expect(await phone(colleague)).toBe(false);
    expect(await phone(social)).toBe(true);
  });

  it('hides a 振华 case from a 清远 worker on every route, and from their list', async () => {
    const id = wangCase.id;
    const v = wangCase.version;
    const routes: { method: 'GET' | 'POST' | 'PUT' | 'PATCH'; url: string; payload?: object }[] = [
      { method: 'GET', url: `/api/cases/${id}` },
      { method: 'PATCH', url: `/api/cases/${id}`, payload: { version: v, riskLevel: 'low' } },
      {
        method: 'PUT',
        url: `/api/cases/${id}/forms`,
        payload: { stage: 'assessment', version: v, data: assessmentForm },
      },
      { method: 'POST', url: `/api/cases/${id}/advance`, payload: { version: v, to: 'plan' } },
      {
        method: 'POST',
        url: `/api/cases/${id}/review`,
        payload: { version: v, form: 'plan', decision: 'approved' },
      },
      {
        method: 'POST',
        url: `/api/cases/${id}/transfer`,
        payload: { version: v, toWorkerId: qingyuanId, reason: '接手' },
      },
      { method: 'POST', url: `/api/cases/${id}/reopen`, payload: { version: v, reason: '再开' } },
      { method: 'GET', url: `/api/cases/${id}/events` },
      { method: 'GET', url: `/api/cases/${id}/service-records` },
      {
        method: 'POST',
        url: `/api/cases/${id}/service-records/preview`,
        payload: {
          corrections: [{ residentId: wang.members[0].id, fields: { phone: '13900000000' } }],
        },
      },
      {
        method: 'POST',
        url: `/api/cases/${id}/service-records`,
        payload: {
          type: 'phoneCall',
          at: new Date().toISOString(),
          durationMinutes: 5,
          content: '电话',
        },
      },
      { method: 'GET', url: `/api/cases/${id}/referrals` },
      {
        method: 'POST',
        url: `/api/cases/${id}/referrals`,
        payload: { resourceId: '019a0000-0000-7000-8000-0000000000ff' },
      },
    ];
    for (const r of routes) {
      const res = await qingyuan.inject(r);
      expect(res.statusCode, `${r.method} ${r.url}`).toBe(404);
    }
    // Their list holds their own station's cases (the demo's 小阳), never this one.
    const list = (await qingyuan.inject({ method: 'GET', url: '/api/cases' })).json<{
      items: Case[];
    }>();
    expect(list.items.map((c) => c.id)).not.toContain(id);
    expect(list.items.every((c) => c.stationName === '清远街道社工站')).toBe(true);
    const byResident = (
      await qingyuan.inject({ method: 'GET', url: `/api/cases?residentId=${wang.members[0].id}` })
    ).json<{ total: number }>();
    expect(byResident.total).toBe(0);
    // Nor may a 清远 worker open a case for a 振华 resident.
    const open = await qingyuan.inject({
      method: 'POST',
      url: '/api/cases',
      payload: {
        residentId: wang.members[0].id,
        source: 'workerFound',
        presentingProblem: '经济困难',
        riskLevel: 'low',
        intake: intakeForm,
      },
    });
    expect(open.statusCode).toBe(404);
  });

  it('lets the street admin and the district admin read the station’s cases but not change them', async () => {
    for (const s of [streetAdmin, admin]) {
      const list = (await s.inject({ method: 'GET', url: '/api/cases' })).json<{ items: Case[] }>();
      expect(list.items.map((i) => i.clientName)).toContain('吴志刚');
      const c = await get(s, wangCase.id);
      expect(c).toMatchObject({ canWrite: false, canReview: false });
      const res = await s.inject({
        method: 'PATCH',
        url: `/api/cases/${wangCase.id}`,
        payload: { version: wangCase.version, riskLevel: 'low' },
      });
      expect(res.statusCode).toBe(403);
    }
  });

  it('lists the station’s cases with filters: mine, stage, status, name', async () => {
    const h = await householdFor('孙丽');
    await giveConsent(social, h.members[0].id);
    await buildCase(social, { residentId: h.members[0].id });
    const ours = ['吴志刚', '孙丽'];
    const list = async (s: Session, q: string) =>
      (await s.inject({ method: 'GET', url: `/api/cases?${q}` }))
        .json<{ items: Case[] }>()
        .items.map((c) => c.clientName)
        .filter((n) => ours.includes(n));
    expect(await list(colleague, 'mine=true')).toEqual(['吴志刚']);
    expect(await list(social, 'mine=true')).toEqual(['孙丽']);
    expect((await list(supervisor, 'status=open&stage=intake')).sort()).toEqual(ours.sort());
    expect(await list(social, 'status=closed')).toEqual([]);
    expect(await list(supervisor, `q=${encodeURIComponent('孙丽')}`)).toEqual(['孙丽']);
    expect(await list(qingyuan, '')).toEqual([]);
  });

  it('lists the station’s social workers for assignment, only to its own people', async () => {
    const station = wangCase.stationId;
    const names = (
      await supervisor.inject({ method: 'GET', url: `/api/stations/${station}/social-workers` })
    ).json<{ displayName: string }[]>();
    expect(names.map((n) => n.displayName)).toEqual(expect.arrayContaining(['赵晓雯', '钱多多']));
    expect(
      (await qingyuan.inject({ method: 'GET', url: `/api/stations/${station}/social-workers` }))
        .statusCode,
    ).toBe(404);
  });
});
