import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, CaseDetail, CaseEvent } from '../../../common/schemas/cases';
import type { Household, Resident } from '../../../common/schemas/people';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app';
import {
  assessmentForm,
  buildCase,
  closureForm,
  evaluationForm,
  giveConsent,
  planForm,
  walkCase,
} from '../../../test/support/cases';
import { dialects } from '../../../test/support/db';
import { buildHousehold, fakeIdNumber } from '../../../test/support/people';

/** A case's way through the six stages, as the worker and the supervisor walk it. */
describe.each(dialects)('a case through its stages on %s', (dialect) => {
  let t: TestApp;
  let social: Session;
  let supervisor: Session;
  let wang: Household;
  let wangCase: CaseDetail;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [social, supervisor] = await Promise.all(
      ['social.zhenhua', 'supervisor.zhenhua'].map((u) => t.login(u)),
    );
    wang = await buildHousehold(social, {
      community: '振华东社区',
      head: {
        name: '吴志刚',
        idNumber: fakeIdNumber('1986-03-08'),
        phone: '13812345678',
        careTags: ['seriousIllness'],
      },
    });
    await giveConsent(social, wang.members[0].id);
    wangCase = await buildCase(social, { residentId: wang.members[0].id });
  });
  afterAll(() => t?.close());

  const count = async (table: 'case_event' | 'case_stage_form') =>
    Number(
      (
        await t.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const get = async (s: Session, id: string) =>
    (await s.inject({ method: 'GET', url: `/api/cases/${id}` })).json<CaseDetail>();
  const householdFor = (name: string) =>
    buildHousehold(social, {
      community: '振华西社区',
      head: { name, idNumber: fakeIdNumber('1975-06-06') },
    });

  it('refuses a skipped stage and a later stage’s form, writing nothing', async () => {
    const before = [await count('case_event'), await count('case_stage_form')];
    const skip = await social.inject({
      method: 'POST',
      url: `/api/cases/${wangCase.id}/advance`,
      payload: { version: wangCase.version, to: 'plan' },
    });
    expect(skip.statusCode).toBe(409);
    expect(skip.json<{ error: { code: string } }>().error.code).toBe('STAGE_SKIPPED');
    const form = await social.inject({
      method: 'PUT',
      url: `/api/cases/${wangCase.id}/forms`,
      payload: { stage: 'plan', version: wangCase.version, data: planForm },
    });
    expect(form.json<{ error: { code: string } }>().error.code).toBe('STAGE_SKIPPED');
    const close = await social.inject({
      method: 'POST',
      url: `/api/cases/${wangCase.id}/advance`,
      payload: { version: wangCase.version, to: 'closed' },
    });
    expect(close.statusCode).toBe(409);
    expect([await count('case_event'), await count('case_stage_form')]).toEqual(before);
    expect((await get(social, wangCase.id)).version).toBe(wangCase.version);
  });

  it('answers a stale version with 409 and the case as it is', async () => {
    const ok = await social.inject({
      method: 'PATCH',
      url: `/api/cases/${wangCase.id}`,
      payload: { version: wangCase.version, riskLevel: 'high' },
    });
    expect(ok.json<Case>().riskLevel).toBe('high');
    const stale = await social.inject({
      method: 'PATCH',
      url: `/api/cases/${wangCase.id}`,
      payload: { version: wangCase.version, riskLevel: 'low' },
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<{ error: { code: string; current: Case } }>().error).toMatchObject({
      code: 'STALE_VERSION',
      current: { riskLevel: 'high', version: wangCase.version + 1 },
    });
    wangCase = ok.json<CaseDetail>();
  });

  it('needs the supervisor’s approval of the plan before the intervention', async () => {
    const url = `/api/cases/${wangCase.id}`;
    let c = await walkCase(social, supervisor, wangCase, 'assessment');
    let res = await social.inject({
      method: 'POST',
      url: `${url}/advance`,
      payload: { version: c.version, to: 'plan' },
    });
    expect(res.json<{ error: { code: string } }>().error.code).toBe('FORM_MISSING');
    res = await social.inject({
      method: 'PUT',
      url: `${url}/forms`,
      payload: { stage: 'assessment', version: c.version, data: assessmentForm },
    });
    c = res.json<CaseDetail>();
    c = (
      await social.inject({
        method: 'POST',
        url: `${url}/advance`,
        payload: { version: c.version, to: 'plan' },
      })
    ).json<CaseDetail>();
    expect(c.stage).toBe('plan');
    c = (
      await social.inject({
        method: 'PUT',
        url: `${url}/forms`,
        payload: { stage: 'plan', version: c.version, data: planForm },
      })
    ).json<CaseDetail>();
    expect(c.pendingReview).toBe('plan');
    res = await social.inject({
      method: 'POST',
      url: `${url}/advance`,
      payload: { version: c.version, to: 'intervention' },
    });
    expect(res.json<{ error: { code: string } }>().error.code).toBe('PLAN_NOT_APPROVED');
    // The worker cannot approve their own plan; a return needs a note.
    res = await social.inject({
      method: 'POST',
      url: `${url}/review`,
      payload: { version: c.version, form: 'plan', decision: 'approved' },
    });
    expect(res.statusCode).toBe(403);
    res = await supervisor.inject({
      method: 'POST',
      url: `${url}/review`,
      payload: { version: c.version, form: 'plan', decision: 'returned' },
    });
    expect(res.statusCode).toBe(400);
    c = (
      await supervisor.inject({
        method: 'POST',
        url: `${url}/review`,
        payload: {
          version: c.version,
          form: 'plan',
          decision: 'returned',
          note: '目标日期再具体些',
        },
      })
    ).json<CaseDetail>();
    expect(c.forms.find((f) => f.stage === 'plan')).toMatchObject({
      review: 'returned',
      reviewNote: '目标日期再具体些',
      reviewedBy: { displayName: '李文静' },
    });
    c = (
      await social.inject({
        method: 'PUT',
        url: `${url}/forms`,
        payload: { stage: 'plan', version: c.version, data: planForm },
      })
    ).json<CaseDetail>();
    c = (
      await supervisor.inject({
        method: 'POST',
        url: `${url}/review`,
        payload: { version: c.version, form: 'plan', decision: 'approved' },
      })
    ).json<CaseDetail>();
    expect(c.canReview).toBe(true);
    c = (
      await social.inject({
        method: 'POST',
        url: `${url}/advance`,
        payload: { version: c.version, to: 'intervention' },
      })
    ).json<CaseDetail>();
    expect(c.stage).toBe('intervention');
    res = await social.inject({
      method: 'POST',
      url: `${url}/advance`,
      payload: { version: c.version, to: 'evaluation' },
    });
    expect(res.json<{ error: { code: string } }>().error.code).toBe('RECORD_REQUIRED');
    wangCase = c;
  });

  it('refuses a closure without a reason, and closes on the supervisor’s approval of one', async () => {
    const url = `/api/cases/${wangCase.id}`;
    let c = await walkCase(social, supervisor, wangCase, 'evaluation');
    let res = await social.inject({
      method: 'PUT',
      url: `${url}/forms`,
      payload: { stage: 'closure', version: c.version, data: closureForm },
    });
    expect(res.json<{ error: { code: string } }>().error.code).toBe('FORM_MISSING');
    res = await social.inject({
      method: 'PUT',
      url: `${url}/forms`,
      payload: {
        stage: 'evaluation',
        version: c.version,
        data: { goals: [evaluationForm.goals[0]] },
      },
    });
    expect(res.json<{ error: { code: string } }>().error.code).toBe('EVALUATION_INCOMPLETE');
    c = (
      await social.inject({
        method: 'PUT',
        url: `${url}/forms`,
        payload: { stage: 'evaluation', version: c.version, data: evaluationForm },
      })
    ).json<CaseDetail>();
    const before = [await count('case_event'), await count('case_stage_form')];
    res = await social.inject({
      method: 'PUT',
      url: `${url}/forms`,
      payload: { stage: 'closure', version: c.version, data: { summary: '目标达成' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { field: string } }>().error.field).toBe('data.reason');
    expect([await count('case_event'), await count('case_stage_form')]).toEqual(before);
    c = (
      await social.inject({
        method: 'PUT',
        url: `${url}/forms`,
        payload: { stage: 'closure', version: c.version, data: closureForm },
      })
    ).json<CaseDetail>();
    expect(c).toMatchObject({ stage: 'evaluation', status: 'open', pendingReview: 'closure' });
    c = (
      await supervisor.inject({
        method: 'POST',
        url: `${url}/review`,
        payload: { version: c.version, form: 'closure', decision: 'approved' },
      })
    ).json<CaseDetail>();
    expect(c).toMatchObject({
      stage: 'closed',
      status: 'closed',
      closureReason: 'goalReached',
      nextContactDate: null,
      pendingReview: null,
    });
    expect(c.closedAt).not.toBeNull();
    const rec = await social.inject({
      method: 'POST',
      url: `${url}/service-records`,
      payload: {
        type: 'phoneCall',
        at: new Date().toISOString(),
        durationMinutes: 5,
        content: '回访',
      },
    });
    expect(rec.json<{ error: { code: string } }>().error.code).toBe('CASE_CLOSED');
    // Closed: the client's own worker no longer sees the sensitive fields whole.
    const r = (
      await social.inject({ method: 'GET', url: `/api/residents/${wang.members[0].id}` })
    ).json<Resident>();
    expect(r.phone.masked).toBe(true);
    wangCase = c;
  });

  it('keeps every step in the timeline and the audit log', async () => {
    const events = (
      await social.inject({ method: 'GET', url: `/api/cases/${wangCase.id}/events` })
    ).json<CaseEvent[]>();
    expect(events.map((e) => e.action)).toEqual([
      'open',
      'update',
      'advance',
      'form.assessment',
      'advance',
      'form.plan',
      'plan.returned',
      'form.plan',
      'plan.approved',
      'advance',
      'record',
      'advance',
      'form.evaluation',
      'form.closure',
      'closure.approved',
      'close',
    ]);
    expect(events.find((e) => e.action === 'plan.returned')).toMatchObject({
      username: 'supervisor.zhenhua',
      note: '目标日期再具体些',
      stage: 'plan',
    });
    const audits = await t.handle.db
      .selectFrom('audit_log')
      .select(['action', 'org_path'])
      .where('entity_id', '=', wangCase.id)
      // Written in order: without an order PostgreSQL may answer the rows in any.
      .orderBy('at')
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.action)).toEqual(events.map((e) => `case.${e.action}`));
    expect(audits.every((a) => a.org_path?.endsWith(`${wangCase.stationId}/`))).toBe(true);
  });

  it('reopens a closed case with a reason, at assessment in a new cycle', async () => {
    const url = `/api/cases/${wangCase.id}/reopen`;
    const noReason = await social.inject({
      method: 'POST',
      url,
      payload: { version: wangCase.version, reason: '' },
    });
    expect(noReason.statusCode).toBe(400);
    const res = await social.inject({
      method: 'POST',
      url,
      payload: { version: wangCase.version, reason: '透析单位变更，工作需重新安排' },
    });
    const c = res.json<CaseDetail>();
    expect(c).toMatchObject({ stage: 'assessment', status: 'open', cycle: 2, closedAt: null });
    expect(c.nextContactDate).not.toBeNull();
    const again = await social.inject({
      method: 'POST',
      url,
      payload: { version: c.version, reason: '再开一次' },
    });
    expect(again.json<{ error: { code: string } }>().error.code).toBe('CASE_NOT_CLOSED');
    const events = (
      await social.inject({ method: 'GET', url: `/api/cases/${wangCase.id}/events` })
    ).json<CaseEvent[]>();
    expect(events.at(-1)).toMatchObject({
      action: 'reopen',
      stage: 'assessment',
      note: '透析单位变更，工作需重新安排',
    });
    // The new cycle starts with its own forms: the old assessment does not count.
    const advance = await social.inject({
      method: 'POST',
      url: `/api/cases/${wangCase.id}/advance`,
      payload: { version: c.version, to: 'plan' },
    });
    expect(advance.json<{ error: { code: string } }>().error.code).toBe('FORM_MISSING');
    wangCase = c;
  });

  it('ends a case early only for a reason that needs no evaluation', async () => {
    const h = await householdFor('孙丽');
    await giveConsent(social, h.members[0].id);
    let c = await buildCase(social, { residentId: h.members[0].id });
    c = await walkCase(social, supervisor, c, 'assessment');
    const url = `/api/cases/${c.id}`;
    const early = await social.inject({
      method: 'PUT',
      url: `${url}/forms`,
      payload: { stage: 'closure', version: c.version, data: closureForm },
    });
    expect(early.json<{ error: { code: string } }>().error.code).toBe('STAGE_SKIPPED');
    c = (
      await social.inject({
        method: 'PUT',
        url: `${url}/forms`,
        payload: {
          stage: 'closure',
          version: c.version,
          data: { reason: 'clientMoved', summary: '服务对象随子女迁往外地' },
        },
      })
    ).json<CaseDetail>();
    c = (
      await supervisor.inject({
        method: 'POST',
        url: `${url}/review`,
        payload: { version: c.version, form: 'closure', decision: 'approved' },
      })
    ).json<CaseDetail>();
    expect(c).toMatchObject({ status: 'closed', closureReason: 'clientMoved' });
  });
});
