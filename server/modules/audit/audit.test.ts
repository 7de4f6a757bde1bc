import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../common/schemas/audit';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';

describe.each(dialects)('audit log on %s', (dialect) => {
  let t: TestApp;
  let admin: Session;
  let street: Session;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    admin = await t.login('admin');
    street = await t.login('street.zhenhua');
    await t.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'grid.yuhe', password: 'wrong' },
    });
    const community = await unitByName(street, '振华东社区');
    await street.inject({
      method: 'POST',
      url: '/api/org/units',
      payload: { parentId: community.id, kind: 'grid', name: '审计网格' },
    });
    const other = await unitByName(admin, '明珠社区');
    await admin.inject({
      method: 'POST',
      url: '/api/org/units',
      payload: { parentId: other.id, kind: 'grid', name: '区里加的网格' },
    });
  });
  afterAll(() => t?.close());

  it('finds entries by user, entity, action and date', async () => {
    const failed = await admin.inject({ method: 'GET', url: '/api/audit?action=login.failed' });
    const items = failed.json<{ items: AuditEntry[] }>().items;
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ username: 'grid.yuhe', result: 'failed', ip: '127.0.0.1' });
    const byUser = await admin.inject({
      method: 'GET',
      url: '/api/audit?username=street.zhenhua&entity=orgUnit',
    });
    expect(byUser.json<{ items: AuditEntry[] }>().items.map((e) => e.action)).toEqual([
      'orgUnit.create',
    ]);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    const dated = await admin.inject({
      method: 'GET',
      url: `/api/audit?from=${today}&to=${today}&action=login`,
    });
    expect(dated.json<{ total: number }>().total).toBeGreaterThanOrEqual(3);
    const past = await admin.inject({
      method: 'GET',
      url: '/api/audit?from=2020-01-01&to=2020-01-31',
    });
    expect(past.json<{ total: number }>().total).toBe(0);
    const bad = await admin.inject({ method: 'GET', url: '/api/audit?from=yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ error: { field: string } }>().error.field).toBe('from');
  });

  it('shows a street admin the entries about their street only; others not at all', async () => {
    const res = await street.inject({ method: 'GET', url: '/api/audit?entity=orgUnit' });
    const names = res.json<{ items: AuditEntry[] }>().items.map((e) => e.username);
    expect(names).toContain('street.zhenhua');
    expect(names).not.toContain('admin');
    const grid = await t.login('grid.yuhe');
    expect((await grid.inject({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    expect((await grid.inject({ method: 'GET', url: '/api/audit/export.xlsx' })).statusCode).toBe(
      403,
    );
  });

  it('exports the search to Excel with Chinese headers and Shanghai times', async () => {
    const res = await admin.inject({ method: 'GET', url: '/api/audit/export.xlsx?action=orgUnit' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('spreadsheetml');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const ws = wb.worksheets[0];
    expect(ws.getRow(1).getCell(1).value).toBe('时间');
    expect(ws.getRow(1).getCell(2).value).toBe('操作人');
    expect(ws.rowCount).toBeGreaterThanOrEqual(3);
    const at = ws.getRow(2).getCell(1);
    expect(at.value).toBeInstanceOf(Date);
    expect(at.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(ws.getRow(2).getCell(7).value).toBe('成功');
  });

  it('has no way to change or delete an entry', async () => {
    const [entry] = (await admin.inject({ method: 'GET', url: '/api/audit' })).json<{
      items: AuditEntry[];
    }>().items;
    const before = (await admin.inject({ method: 'GET', url: '/api/audit?pageSize=200' })).json<{
      total: number;
    }>().total;
    for (const method of ['PUT', 'PATCH', 'DELETE'] as const) {
      const res = await admin.inject({ method, url: `/api/audit/${entry.id}`, payload: {} });
      expect(res.statusCode).toBe(404);
      expect((await admin.inject({ method, url: '/api/audit', payload: {} })).statusCode).toBe(404);
    }
    const after = (await admin.inject({ method: 'GET', url: '/api/audit?pageSize=200' })).json<{
      total: number;
    }>().total;
    expect(after).toBeGreaterThanOrEqual(before);
  });
});
