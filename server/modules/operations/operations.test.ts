import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Operation, OperationDetail } from '../../../common/schemas/operations';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';

const hasPdftotext = (() => {
  try {
    execFileSync('pdftotext', ['-v'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();

/** The text a PDF reader gets out of a PDF, without line breaks or spaces. */
function pdfText(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linli-op-')), 'op.pdf');
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return text.replace(/\s+/g, '');
}

const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`).toISOString();
type Err = { error: { code: string; field?: string; current?: { version?: number } } };

describe.each(dialects)('support operations on %s', (dialect) => {
  let t: TestApp;
  let jungong: Session;
  let admin: Session;
  let viewer: Session;
  let zhenhua: Session;
  let scjg: Session;
  let grid: Session;
  let unitId: string;
  let op: OperationDetail;
  const opId = v7();

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [jungong, admin, viewer, zhenhua, scjg, grid] = await Promise.all(
      ['support.jungong', 'admin', 'viewer', 'street.zhenhua', 'officer.scjg', 'grid.yuhe'].map(
        (u) => t.login(u),
      ),
    );
    unitId = (await unitByName(admin, '市军供站')).id;
  });
  afterAll(() => t?.close());

  const send = (
    s: Session,
    method: 'POST' | 'PATCH' | 'PUT' | 'DELETE',
    url: string,
    payload?: object,
  ) => s.inject({ method, url: `/api/operations${url}`, payload });
  const get = async (s: Session, id = opId) =>
    (await s.inject({ method: 'GET', url: `/api/operations/${id}` })).json<OperationDetail>();
  const create = (s: Session, payload: object) => send(s, 'POST', '', payload);

  it('creates an operation once: a resend of the same id answers the same record', async () => {
    const input = {
      id: opId,
      ownerUnitId: unitId,
      title: '2027年春季新兵铁路运输保障',
      startDate: '2027-03-01',
      endDate: '2027-03-02',
    };
    const first = await create(jungong, input);
    expect(first.statusCode).toBe(201);
    op = first.json<OperationDetail>();
    expect(op).toMatchObject({
      status: 'planned',
      ownerUnit: { name: '市军供站' },
      canManage: true,
    });
    const again = await create(jungong, input);
    expect(again.statusCode).toBe(200);
    expect(again.json<OperationDetail>().id).toBe(opId);
    const list = await jungong.inject({ method: 'GET', url: '/api/operations?q=2027' });
    expect(list.json<{ items: Operation[] }>().items.map((o) => o.id)).toEqual([opId]);
  });

  it('keeps others out: 401 without log-in, 404 outside the unit, 403 for a viewer who writes', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/operations' })).statusCode).toBe(401);
    for (const s of [zhenhua, scjg, grid])
      expect((await s.inject({ method: 'GET', url: `/api/operations/${opId}` })).statusCode).toBe(
        404,
      );
    expect((await grid.inject({ method: 'GET', url: '/api/operations' })).statusCode).toBe(403);
    const other = await zhenhua.inject({ method: 'GET', url: '/api/operations?q=2027' });
    expect(other.json<{ items: Operation[] }>().items).toEqual([]);
    expect((await get(viewer)).canManage).toBe(false);
    const write = await send(viewer, 'POST', `/${opId}/log`, { text: '试图记录' });
    expect(write.statusCode).toBe(403);
    const foreign = await create(zhenhua, {
      ownerUnitId: unitId,
      title: '外单位',
      startDate: '2027-03-01',
      endDate: '2027-03-01',
    });
    expect(foreign.statusCode).toBe(404);
    const bad = await create(jungong, {
      ownerUnitId: unitId,
      title: '日期颠倒',
      startDate: '2027-03-05',
      endDate: '2027-03-01',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<Err>().error).toMatchObject({
      code: 'OPERATION_PERIOD_INVALID',
      field: 'endDate',
    });
  });

  it('moves a batch planned → arrived → served → departed, one step at a time, never back', async () => {
    const batchId = v7();
    const added = await send(jungong, 'POST', `/${opId}/batches`, {
      id: batchId,
      plannedAt: at('2027-03-01', '06:40'),
      headCount: 420,
      trainNo: 'K602',
      from: '呼和浩特',
      to: '北京丰台',
    });
    expect(added.statusCode).toBe(201);
    expect(
      (
        await send(jungong, 'POST', `/${opId}/batches`, {
          id: batchId,
          plannedAt: at('2027-03-01', '06:40'),
          headCount: 420,
          trainNo: 'K602',
          from: '呼和浩特',
          to: '北京丰台',
        })
      ).statusCode,
    ).toBe(200);
    let b = added.json<OperationDetail>().batches[0];
    const advance = (status: string, version = b.version) =>
      send(jungong, 'POST', `/${opId}/batches/${batchId}/advance`, { version, status });
    const skip = await advance('served');
    expect(skip.statusCode).toBe(409);
    expect(skip.json<Err>().error.code).toBe('BATCH_STATUS_ORDER');
    const arrived = await advance('arrived');
    expect(arrived.statusCode).toBe(200);
    b = arrived.json<OperationDetail>().batches[0];
    expect(b.status).toBe('arrived');
    expect(b.arrivedAt).not.toBeNull();
    // A phone's resend of the same step changes nothing.
    expect((await advance('arrived', 1)).json<OperationDetail>().batches[0].version).toBe(
      b.version,
    );
    expect((await advance('planned')).json<Err>().error.code).toBe('BATCH_STATUS_ORDER');
    expect((await advance('served', b.version - 1)).json<Err>().error.code).toBe('STALE_VERSION');
    b = (await advance('served')).json<OperationDetail>().batches[0];
    b = (await advance('departed')).json<OperationDetail>().batches[0];
    expect(b).toMatchObject({ status: 'departed' });
    expect(b.servedAt).not.toBeNull();
    expect(b.departedAt).not.toBeNull();
    expect((await advance('served')).statusCode).toBe(409);
  });

  it('keeps supply stock: issues lower what is left, and more than is left is refused', async () => {
    const supplyId = v7();
    const added = await send(jungong, 'POST', `/${opId}/supplies`, {
      id: supplyId,
      item: '盒饭',
      unit: '份',
      prepared: 500,
    });
    expect(added.statusCode).toBe(201);
    const batchId = added.json<OperationDetail>().batches[0].id;
    const issueId = v7();
    const issued = await send(jungong, 'POST', `/${opId}/supplies/${supplyId}/issues`, {
      id: issueId,
      quantity: 430,
      batchId,
      note: '含接兵干部',
    });
    expect(issued.statusCode).toBe(201);
    const resend = await send(jungong, 'POST', `/${opId}/supplies/${supplyId}/issues`, {
      id: issueId,
      quantity: 430,
      batchId,
    });
    expect(resend.statusCode).toBe(200);
    let supply = resend.json<OperationDetail>().supplies[0];
    expect(supply).toMatchObject({ prepared: 500, issued: 430, left: 70 });
    expect(supply.issues).toHaveLength(1);
    expect(supply.issues[0]).toMatchObject({ quantity: 430, trainNo: 'K602', byName: '韩卫东' });
    const over = await send(jungong, 'POST', `/${opId}/supplies/${supplyId}/issues`, {
      quantity: 71,
    });
    expect(over.statusCode).toBe(409);
    expect(over.json<Err>().error).toMatchObject({ code: 'SUPPLY_SHORT', field: 'quantity' });
    const below = await send(jungong, 'PATCH', `/${opId}/supplies/${supplyId}`, {
      version: supply.version,
      prepared: 400,
    });
    expect(below.json<Err>().error.code).toBe('SUPPLY_BELOW_ISSUED');
    const more = await send(jungong, 'PATCH', `/${opId}/supplies/${supplyId}`, {
      version: supply.version,
      prepared: 600,
    });
    supply = more.json<OperationDetail>().supplies[0];
    expect(supply.left).toBe(170);
    const stale = await send(jungong, 'PATCH', `/${opId}/supplies/${supplyId}`, {
      version: supply.version - 1,
      prepared: 700,
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json<Err>().error.current?.version).toBe(supply.version);
  });

  it('reports the hour nobody covers as a gap, per day of the period', async () => {
    const staff = (
      await jungong.inject({ method: 'GET', url: `/api/operations/${opId}/staff` })
    ).json<{ id: string; name: string }[]>();
    expect(staff.map((s) => s.name)).toContain('韩卫东');
    const shift = (startsAt: string, endsAt: string, volunteers: string[] = []) =>
      send(jungong, 'POST', `/${opId}/shifts`, {
        startsAt,
        endsAt,
        staffIds: volunteers.length ? [] : [staff[0].id],
        volunteers,
      });
    expect((await shift(at('2027-03-01', '00:00'), at('2027-03-01', '12:00'))).statusCode).toBe(
      201,
    );
    expect(
      (await shift(at('2027-03-01', '12:00'), at('2027-03-02', '03:00'), ['杨春燕'])).statusCode,
    ).toBe(201);
    const last = await shift(at('2027-03-02', '04:00'), at('2027-03-03', '00:00'), ['刘志刚']);
    const roster = last.json<OperationDetail>().roster;
    expect(roster.days.map((d) => [d.day, d.gaps])).toEqual([
      ['2027-03-01', []],
      ['2027-03-02', [{ from: '03:00', to: '04:00', minutes: 60 }]],
    ]);
    expect(roster.uncoveredMinutes).toBe(60);
    expect(roster.days[1].hours[3]).toEqual({ hour: 3, people: [], gap: true });
    expect(roster.days[0].hours[12].people).toEqual(['杨春燕']);
    const none = await send(jungong, 'POST', `/${opId}/shifts`, {
      startsAt: at('2027-03-02', '03:00'),
      endsAt: at('2027-03-02', '04:00'),
    });
    expect(none.json<Err>().error.code).toBe('SHIFT_PEOPLE_REQUIRED');
    const outsider = await send(jungong, 'POST', `/${opId}/shifts`, {
      startsAt: at('2027-03-02', '03:00'),
      endsAt: at('2027-03-02', '04:00'),
      staffIds: [
        (await admin.inject({ method: 'GET', url: '/api/auth/me' })).json<{ id: string }>().id,
      ],
    });
    expect(outsider.json<Err>().error.code).toBe('SHIFT_STAFF_NOT_IN_UNIT');
    const backwards = await shift(at('2027-03-02', '04:00'), at('2027-03-02', '03:00'), ['x']);
    expect(backwards.json<Err>().error.code).toBe('SHIFT_TIME_INVALID');
  });

  it('appends to the log with its author', async () => {
    const res = await send(jungong, 'POST', `/${opId}/log`, { text: 'K602 次准点到站' });
    expect(res.statusCode).toBe(201);
    expect(res.json<OperationDetail>().log.at(-1)).toMatchObject({
      text: 'K602 次准点到站',
      authorName: '韩卫东',
    });
  });

  it('completes only when every batch has departed or a note says why, then freezes', async () => {
    op = await get(jungong);
    const pendingId = v7();
    op = (
      await send(jungong, 'POST', `/${opId}/batches`, {
        id: pendingId,
        plannedAt: at('2027-03-02', '21:10'),
        headCount: 240,
        trainNo: 'K618',
        from: '大同',
        to: '济南',
      })
    ).json<OperationDetail>();
    const refused = await send(jungong, 'POST', `/${opId}/status`, {
      version: op.version,
      status: 'completed',
    });
    expect(refused.statusCode).toBe(409);
    expect(refused.json<Err>().error.code).toBe('OPERATION_BATCHES_PENDING');
    const done = await send(jungong, 'POST', `/${opId}/status`, {
      version: op.version,
      status: 'completed',
      note: 'K618 次取消，改由其他站保障',
    });
    expect(done.statusCode).toBe(200);
    expect(done.json<OperationDetail>()).toMatchObject({ status: 'completed', canManage: false });
    const frozen = await send(jungong, 'POST', `/${opId}/log`, { text: '补记' });
    expect(frozen.json<Err>().error.code).toBe('OPERATION_COMPLETED');
    const back = await send(jungong, 'POST', `/${opId}/status`, {
      version: done.json<OperationDetail>().version,
      status: 'active',
    });
    expect(back.statusCode).toBe(409);
  });

  it('downloads the completion report as a PDF with the title and totals', async () => {
    const res = await viewer.inject({ method: 'GET', url: `/api/operations/${opId}/report.pdf` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 4).toString()).toBe('%PDF');
    if (hasPdftotext) {
      const text = pdfText(res.rawPayload);
      for (const s of [
        '2027年春季新兵铁路运输保障',
        '保障任务完成报告',
        '共2个批次、660人',
        '盒饭',
        '无人值守1小时',
        'K618次取消',
      ])
        expect(text).toContain(s);
    }
    const outsider = await zhenhua.inject({
      method: 'GET',
      url: `/api/operations/${opId}/report.pdf`,
    });
    expect(outsider.statusCode).toBe(404);
  });

  it('exports the register and shows the demo operations: spring’s done, one under way with its uncovered hour', async () => {
    const xlsx = await jungong.inject({ method: 'GET', url: '/api/operations/export.xlsx' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const find = async (q: string) =>
      (
        await jungong.inject({ method: 'GET', url: `/api/operations?q=${encodeURIComponent(q)}` })
      ).json<{ items: Operation[] }>().items;
    const spring = (await find('春季新兵')).filter((o) => o.id !== opId);
    expect(spring).toHaveLength(1);
    expect(spring[0]).toMatchObject({ status: 'completed', batchCount: 6, departedCount: 6 });
    const [underWay] = await find('驻训部队');
    const demo = await get(jungong, underWay.id);
    expect(demo.status).toBe('active');
    expect(demo.roster.days).toHaveLength(3);
    expect(demo.roster.days[0].gaps).toEqual([{ from: '03:00', to: '04:00', minutes: 60 }]);
    expect(demo.roster.days.slice(1).map((d) => d.gaps)).toEqual([[], []]);
    expect(demo.batches.map((b) => b.status)).toEqual([
      'departed',
      'departed',
      'departed',
      'served',
      'planned',
    ]);
    expect(demo.supplies.find((s) => s.item === '盒饭')!.left).toBeGreaterThan(0);
  });
});
