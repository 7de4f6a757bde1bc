import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  CaseDetail,
  CorrectionDiff,
  ServiceRecord,
  zServiceRecordCreated,
} from '../../../common/schemas/cases';
import type { HistoryEntry, Household, Resident } from '../../../common/schemas/people';
import type { z } from 'zod';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app';
import { addStaff, buildCase, giveConsent } from '../../../test/support/cases';
import { dialects } from '../../../test/support/db';
import { buildHousehold, fakeIdNumber } from '../../../test/support/people';
import { addDays, todayInShanghai } from './care';

type Created = z.infer<typeof zServiceRecordCreated>;

describe.each(dialects)('service records and home-visit corrections on %s', (dialect) => {
  let t: TestApp;
  let social: Session;
  let colleague: Session;
  let qingyuan: Session;
  let home: Household;
  let client: Resident;
  let spouse: Resident;
  let other: Household;
  let c: CaseDetail;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const admin = await t.login('admin');
    const col = await addStaff(admin, {
      username: 'social2.zhenhua',
      displayName: '钱多多',
      role: 'socialWorker',
      unit: '振华街道社工站',
    });
    [social, qingyuan] = await Promise.all(
      ['social.zhenhua', 'social.qingyuan'].map((u) => t.login(u)),
    );
    colleague = await t.login(col.username, col.password);
    home = await buildHousehold(social, {
      community: '振华东社区',
      head: {
        name: '马建国',
        idNumber: fakeIdNumber('1984-10-10'),
        phone: '13812345678',
        healthNotes: '尿毒症，每周透析三次',
        careTags: ['seriousIllness'],
      },
    });
    const added = await social.inject({
      method: 'POST',
      url: `/api/households/${home.id}/members`,
      payload: {
        version: home.version,
        name: '刘芳',
        relationToHead: 'spouse',
        idNumber: fakeIdNumber('1986-01-01', true),
        phone: '13900001111',
      },
    });
    home = added.json<Household>();
    [client, spouse] = home.members;
    other = await buildHousehold(social, {
      community: '振华西社区',
      head: { name: '邻居老周', idNumber: fakeIdNumber('1950-01-01') },
    });
    await giveConsent(social, client.id);
    c = await buildCase(social, { residentId: client.id });
  });
  afterAll(() => t?.close());

  const counts = async () =>
    Promise.all(
      (['record_history', 'service_record', 'audit_log', 'case_event'] as const).map(async (tb) =>
        Number(
          (
            await t.handle.db
              .selectFrom(tb)
              .select((eb) => eb.fn.countAll<number>().as('n'))
              .executeTakeFirstOrThrow()
          ).n,
        ),
      ),
    );
  const versions = async () =>
    (
      await t.handle.db
        .selectFrom('resident')
        .select(['id', 'version'])
        .where('household_id', '=', home.id)
        .orderBy('id')
        .execute()
    ).map((r) => r.version);
  const corrections = () => [
    {
      residentId: client.id,
      fields: { phone: '13812340000', healthNotes: '尿毒症，已做肾移植', selfCare: 'partial' },
    },
    { residentId: spouse.id, fields: { phone: '13900002222' } },
  ];
  const visit = (extra: object = {}) => ({
    type: 'homeVisit',
    at: new Date().toISOString(),
    durationMinutes: 45,
    content: '入户走访，核对家庭情况',
    ...extra,
  });

  it('lets only the case’s own worker preview corrections', async () => {
    const url = `/api/cases/${c.id}/service-records/preview`;
    const payload = { corrections: corrections() };
    expect((await t.app.inject({ method: 'POST', url, payload })).statusCode).toBe(401);
    expect((await qingyuan.inject({ method: 'POST', url, payload })).statusCode).toBe(404);
    expect((await colleague.inject({ method: 'POST', url, payload })).statusCode).toBe(403);
  });

  it('previews a home visit’s corrections as a masked diff, and writes nothing', async () => {
    const before = [await counts(), await versions()];
    const res = await social.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/service-records/preview`,
      payload: { corrections: corrections() },
    });
    expect(res.statusCode).toBe(200);
    const [mine, hers] = res.json<CorrectionDiff[]>();
    expect(mine).toMatchObject({
      residentId: client.id,
      residentName: '马建国',
      version: client.version,
    });
    expect(mine.changes).toEqual([
      { field: 'phone', old: '138****5678', new: '13812340000', masked: true },
      { field: 'healthNotes', old: '******', new: '尿毒症，已做肾移植', masked: true },
      { field: 'selfCare', old: null, new: 'partial', masked: false },
    ]);
    // The spouse is not the worker's client: neither value is shown whole.
    expect(hers.changes).toEqual([
      { field: 'phone', old: '139****1111', new: '139****2222', masked: true },
    ]);
    expect(res.body).not.toContain('13812345678');
    expect(res.body).not.toContain('每周透析三次');
    expect([await counts(), await versions()]).toEqual(before);
  });

  it('refuses corrections to someone outside the client’s household', async () => {
    const res = await social.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/service-records/preview`,
      payload: {
        corrections: [{ residentId: other.members[0].id, fields: { phone: '13700000000' } }],
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { code: string; field: string } }>().error).toMatchObject({
      code: 'NOT_HOUSEHOLD_MEMBER',
      field: 'corrections.0.residentId',
    });
  });

  it('applies nothing until the worker confirms, nor from a phone call, nor over a stale version', async () => {
    const before = [await counts(), await versions()];
    const withVersions = corrections().map((x, i) => ({
      ...x,
      version: [client, spouse][i].version,
    }));
    const unconfirmed = await social.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/service-records`,
      payload: visit({ corrections: withVersions }),
    });
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json<{ error: { code: string } }>().error.code).toBe(
      'CORRECTIONS_NOT_CONFIRMED',
    );
    const byPhone = await social.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/service-records`,
      payload: visit({ type: 'phoneCall', corrections: withVersions, confirmCorrections: true }),
    });
    expect(byPhone.statusCode).toBe(400);
    expect(byPhone.json<{ error: { field: string } }>().error.field).toBe('corrections');
    const stale = await social.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/service-records`,
      payload: visit({
        corrections: [{ ...withVersions[0], version: client.version + 5 }],
        confirmCorrections: true,
      }),
    });
    expect(stale.statusCode).toBe(409);
    const future = await social.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/service-records`,
      payload: visit({ at: new Date(Date.now() + 86_400_000).toISOString() }),
    });
    expect(future.json<{ error: { code: string } }>().error.code).toBe('TIME_IN_FUTURE');
    expect([await counts(), await versions()]).toEqual(before);
  });

  let recordId: string;
  it('applies confirmed corrections with the record, each change in the history from the visit', async () => {
    const next = addDays(todayInShanghai(), 14);
    recordId = '019a0000-0000-7000-8000-0000000000aa';
    const payload = visit({
      id: recordId,
      nextFollowUpDate: next,
      corrections: corrections().map((x, i) => ({ ...x, version: [client, spouse][i].version })),
      confirmCorrections: true,
    });
    const res = await social.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/service-records`,
      payload,
    });
    expect(res.statusCode).toBe(201);
    const { record, case: after } = res.json<Created>();
    expect(record).toMatchObject({
      id: recordId,
      type: 'homeVisit',
      stage: 'intake',
      nextFollowUpDate: next,
      worker: { displayName: '赵晓雯' },
      corrections: [
        { residentId: client.id, fields: ['phone', 'healthNotes', 'selfCare'] },
        { residentId: spouse.id, fields: ['phone'] },
      ],
    });
    expect(after.nextContactDate).toBe(next);
    const history = (
      await social.inject({ method: 'GET', url: `/api/households/${home.id}/history` })
    ).json<HistoryEntry[]>();
    const fromVisit = history.filter((h) => h.sourceId === recordId);
    expect(fromVisit.map((h) => h.field).sort()).toEqual(
      ['healthNotes', 'phone', 'phone', 'selfCare'].sort(),
    );
    expect(
      fromVisit.every((h) => h.sourceType === 'visit' && h.username === 'social.zhenhua'),
    ).toBe(true);
    expect(fromVisit.find((h) => h.entityId === client.id && h.field === 'phone')).toMatchObject({
      oldValue: '138****5678',
      newValue: '138****0000',
    });
    const now = (
      await social.inject({ method: 'GET', url: `/api/residents/${client.id}` })
    ).json<Resident>();
    expect(now.phone.value).toBe('13812340000');
    expect(now.selfCare).toBe('partial');
    // Sent again (a phone on a poor signal): the same record, nothing applied twice.
    const before = await counts();
    const again = await social.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/service-records`,
      payload,
    });
    expect(again.statusCode).toBe(200);
    expect(await counts()).toEqual(before);
  });

  it('sets the next contact from the client’s care rule when the worker names no date', async () => {
    const res = await social.inject({
      method: 'POST',
      url: `/api/cases/${c.id}/service-records`,
      payload: {
        type: 'phoneCall',
        at: new Date().toISOString(),
        durationMinutes: 10,
        content: '电话问候',
      },
    });
    expect(res.statusCode).toBe(201);
    // 重病: the high tier, a week by default.
    expect(res.json<Created>().case.nextContactDate).toBe(addDays(todayInShanghai(), 7));
  });

  it('lists the records newest first to the station, and to no one else', async () => {
    const url = `/api/cases/${c.id}/service-records`;
    const list = (await colleague.inject({ method: 'GET', url })).json<ServiceRecord[]>();
    expect(list.map((r) => r.type)).toEqual(['phoneCall', 'homeVisit']);
    expect((await qingyuan.inject({ method: 'GET', url })).statusCode).toBe(404);
  });
});
