import ExcelJS from 'exceljs';
import Fastify from 'fastify';
import { v7 } from 'uuid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, unitByName, type Session, type TestApp } from '../test/support/app';
import { dialects } from '../test/support/db';
import { gridIdOf } from '../test/support/issues';
import { buildPlace, checklistByName } from '../test/support/places';
import { findControlCharacter, registerGuards } from './guards';

type Reply = { statusCode: number; body: string; json<T>(): T };
const POLICY = 'camera=(self), geolocation=(self), microphone=(), payment=(), usb=()';
const codeOf = (res: Reply) => res.json<{ error: { code: string } }>().error.code;

describe.each(dialects)('edges of every route on %s', (dialect) => {
  let t: TestApp;
  let grid: Session;
  let street: Session;
  let gridId: string;
  let streetId: string;
  let placeId: string;
  let otherPlaceId: string;
  let checklistId: string;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [grid, street] = await Promise.all([t.login('grid.yuhe'), t.login('street.xinwang')]);
    gridId = await gridIdOf(street, '御河九号社区');
    streetId = (await unitByName(street, '新旺街道')).id;
    placeId = (await buildPlace(grid, { gridId })).id;
    otherPlaceId = (await buildPlace(grid, { gridId })).id;
    checklistId = (await checklistByName(grid, '疫情防控检查')).id;
  });
  afterAll(() => t?.close());

  // Each create as an offline phone would resend it: its body for an id, and a different body.
  const creates = () => [
    {
      url: '/api/issues',
      table: 'issue' as const,
      as: grid,
      body: (id: string, variant = 0) => ({
        id,
        gridId,
        source: 'patrol',
        category: 'environmentSanitation',
        description: variant ? '路灯不亮' : '3号楼楼道堆放杂物，堵塞消防通道',
      }),
    },
    {
      url: '/api/inspections',
      table: 'inspection' as const,
      as: grid,
      body: (id: string, variant = 0) => ({
        id,
        placeId: variant ? otherPlaceId : placeId,
        checklistId,
        mode: 'unannounced',
        at: '2026-12-01T02:00:00.000Z',
      }),
    },
    {
      url: '/api/households',
      table: 'household' as const,
      as: grid,
      body: (id: string, variant = 0) => ({
        id,
        gridId,
        building: '7',
        unitNo: '1',
        room: variant ? '502' : '501',
        head: { name: '赵德胜' },
      }),
    },
    {
      url: '/api/tips',
      table: 'tip' as const,
      as: street,
      body: (id: string, variant = 0) => ({
        id,
        channel: 'hotline',
        streetId,
        topic: 'neighbour',
        category: 'publicOrder',
        description: variant ? '小区门口积水' : '楼上住户每晚十一点后装修，噪音很大',
      }),
    },
  ];
  const count = async (table: 'issue' | 'tip' | 'household') =>
    (await t.handle.db.selectFrom(table).select('id').execute()).length;
  const rowsWithId = async (table: 'issue' | 'inspection' | 'household' | 'tip', id: string) =>
    (await t.handle.db.selectFrom(table).select('id').where('id', '=', id).execute()).length;

  it('answers eight copies of a create sent at once as one create and seven resends', async () => {
    for (const c of creates()) {
      const id = v7();
      const replies = await Promise.all(
        Array.from({ length: 8 }, () =>
          c.as.inject({ method: 'POST', url: c.url, payload: c.body(id) }),
        ),
      );
      const statuses = replies.map((r) => r.statusCode).sort();
      expect(statuses, `${c.url}: ${replies.map((r) => r.body.slice(0, 200)).join('\n')}`).toEqual(
        [201, 200, 200, 200, 200, 200, 200, 200].sort(),
      );
      const made = replies.find((r) => r.statusCode === 201)!.json<{ id: string }>();
      expect(made.id).toBe(id);
      for (const r of replies) expect(r.json(), c.url).toEqual(made);
      expect(await rowsWithId(c.table, id), c.url).toBe(1);
    }
  });

  it('refuses copies with the same id but other content, however they race', async () => {
    for (const c of creates()) {
      const id = v7();
      const variants = [0, 1, 0, 1, 0, 1];
      const replies = await Promise.all(
        variants.map((v) => c.as.inject({ method: 'POST', url: c.url, payload: c.body(id, v) })),
      );
      const winner = variants[replies.findIndex((r) => r.statusCode === 201)];
      expect(
        replies.filter((r) => r.statusCode === 201),
        c.url,
      ).toHaveLength(1);
      replies.forEach((r, i) => {
        if (variants[i] === winner) expect([200, 201], r.body).toContain(r.statusCode);
        else {
          expect(r.statusCode, `${c.url}: ${r.body}`).toBe(409);
          expect(codeOf(r)).toBe('ID_CONFLICT');
        }
      });
      expect(await rowsWithId(c.table, id), c.url).toBe(1);
    }
  });

  it('refuses control characters anywhere in a request, naming the field, and stores nothing', async () => {
    const before = await Promise.all([count('issue'), count('tip'), count('household')]);
    const cases: {
      s: Session;
      url: string;
      method: 'POST' | 'GET';
      payload?: object;
      field: string;
    }[] = [
      {
        s: grid,
        method: 'POST',
        url: '/api/issues',
        payload: { ...creates()[0].body(v7()), description: '楼道\u0000堆物' },
        field: 'description',
      },
      {
        s: street,
        method: 'POST',
        url: '/api/tips',
        payload: { ...creates()[3].body(v7()), contactName: '刘\u0007女士' },
        field: 'contactName',
      },
      {
        s: grid,
        method: 'POST',
        url: '/api/households',
        payload: { ...creates()[2].body(v7()), head: { name: '王\u001b鹏' } },
        field: 'head.name',
      },
      { s: grid, method: 'GET', url: '/api/issues?q=%00', field: 'q' },
      { s: street, method: 'GET', url: '/api/tips?q=a%7Fb', field: 'q' },
    ];
    for (const c of cases) {
      const res = await c.s.inject({
        method: c.method,
        url: c.url,
        payload: c.payload,
        headers: { 'accept-language': 'en-US' },
      });
      expect(res.statusCode, `${c.url}: ${res.body}`).toBe(400);
      const error = res.json<{ error: { code: string; field: string; message: string } }>().error;
      expect(error).toMatchObject({ code: 'VALIDATION_FAILED', field: c.field });
      expect(error.message).toContain('control characters');
    }
    expect(await Promise.all([count('issue'), count('tip'), count('household')])).toEqual(before);
    // Tabs and line breaks are ordinary text.
    const fine = await grid.inject({
      method: 'POST',
      url: '/api/issues',
      payload: { ...creates()[0].body(v7()), description: '第一行\r\n第二行\t完' },
    });
    expect(fine.statusCode, fine.body).toBe(201);
  });

  it('exports typed formulas as plain text that starts with a quote, never as a formula', async () => {
    const typed = '=HYPERLINK("http://x","y")';
    const issue = await grid.inject({
      method: 'POST',
      url: '/api/issues',
      payload: { ...creates()[0].body(v7()), description: typed },
    });
    expect(issue.statusCode, issue.body).toBe(201);
    const tip = await street.inject({
      method: 'POST',
      url: '/api/tips',
      payload: { ...creates()[3].body(v7()), description: typed, contactName: '@刘女士' },
    });
    expect(tip.statusCode, tip.body).toBe(201);
    for (const [s, url, expected] of [
      [grid, '/api/issues/export.xlsx', [`'${typed}`]],
      [street, '/api/tips/export.xlsx', [`'${typed}`, "'@刘女士"]],
    ] as const) {
      const res = await s.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
      const cells: ExcelJS.CellValue[] = [];
      wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((cell) => cells.push(cell.value))));
      for (const text of expected) expect(cells, url).toContain(text);
      expect(
        cells.some((v) => typeof v === 'string' && /^[=+\-@]/.test(v)),
        url,
      ).toBe(false);
      expect(cells.every((v) => typeof v !== 'object' || v === null || v instanceof Date)).toBe(
        true,
      );
    }
  });

  it('marks every API reply not to be cached and every reply with the devices pages may use', async () => {
    for (const res of [
      await street.inject({ method: 'GET', url: '/api/tips' }),
      await t.app.inject({ method: 'GET', url: '/api/issues' }),
      await t.app.inject({ method: 'GET', url: '/api/health' }),
      await t.app.inject({ method: 'GET', url: '/api/nowhere' }),
    ]) {
      expect(res.headers['permissions-policy']).toBe(POLICY);
      expect(res.headers['cache-control']).toBe('no-store');
    }
    const page = await t.app.inject({ method: 'GET', url: '/nowhere' });
    expect(page.headers['permissions-policy']).toBe(POLICY);
    // The docs stay open while developing.
    expect((await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200);
  });
});

describe('the API docs in production', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp('sqlite', { production: true });
  });
  afterAll(() => t?.close());

  it('are shown only after log-in', async () => {
    for (const url of ['/api/openapi.json', '/api/docs', '/api/docs/json']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
      expect(res.body).toContain('UNAUTHENTICATED');
    }
    const admin = await t.login('admin');
    expect((await admin.inject({ method: 'GET', url: '/api/openapi.json' })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
  });
});

describe('a create that meets a unique key already taken', () => {
  it('runs once more, and only once, then lets the error through', async () => {
    const app = Fastify();
    registerGuards(app);
    let runs = 0;
    app.post('/raced', async () => {
      runs += 1;
      if (runs === 1) throw Object.assign(new Error('duplicate key'), { code: '23505' });
      return { runs };
    });
    app.post('/taken', async () => {
      runs += 1;
      throw Object.assign(new Error('UNIQUE constraint failed'), {
        code: 'SQLITE_CONSTRAINT_PRIMARYKEY',
      });
    });
    app.post('/broken', async () => {
      runs += 1;
      throw new Error('something else');
    });
    await app.ready();
    expect((await app.inject({ method: 'POST', url: '/raced' })).json()).toEqual({ runs: 2 });
    runs = 0;
    expect((await app.inject({ method: 'POST', url: '/taken' })).statusCode).toBe(500);
    expect(runs).toBe(2);
    runs = 0;
    await app.inject({ method: 'POST', url: '/broken' });
    expect(runs).toBe(1);
    await app.close();
  });
});

describe('control characters', () => {
  it('are found in strings and keys at any depth; tab, line feed and carriage return are text', () => {
    expect(findControlCharacter({ a: ['x', { b: 'y\u0000' }] })).toEqual(['a', '1', 'b']);
    expect(findControlCharacter({ ['k\u0001']: 1 })).toEqual(['k?']);
    expect(findControlCharacter('\u007f')).toEqual([]);
    expect(findControlCharacter({ a: 'tab\tlf\ncr\r', n: 3, z: null })).toBeUndefined();
    let deep: unknown = 'end\u0000';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findControlCharacter(deep)).toHaveLength(100_000);
  });
});
