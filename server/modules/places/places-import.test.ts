import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Import } from '../../../common/schemas/imports';
import type { Place } from '../../../common/schemas/places';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { XLSX_TYPE } from '../../http';
import { dialects } from '../../../test/support/db';
import { importsAs } from '../../../test/support/imports';
import { cellText } from '../../lib/xlsx';

/** A grid's own places register: its words and order, no 社区 column, two columns Linli does not know. */
const HEADERS = [
  '序号',
  '单位名称',
  '行业',
  '经营地址',
  '所属网格',
  '法人',
  '手机',
  '统一社会信用代码',
  '从业人数',
];
const ROWS = [
  [
    1,
    '御河早餐铺',
    '餐饮',
    '御河路 8 号',
    '第一网格',
    '李师傅',
    '137-0000-1111',
    '91140213MA0IMPT001',
    3,
  ],
  [2, '御河五金店', '商铺', '御河路 9 号', '第一网格', '', '', '', 1],
  // 原行号 5: 花店 is not a category; corrected in the problem file.
  [3, '御河花店', '花店', '御河路 10 号', '第一网格', '周女士', '13900002222', '', 2],
  [4, '御河书屋', '商铺', '御河路 11 号', '第一网格', '', '0352 2345678', '', 1],
];
const GOOD_ROWS = 3;

async function register(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('场所');
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.getCell(1, 1).value = '御河九号社区第一网格场所摸排台账';
  ws.addRow(HEADERS);
  for (const row of ROWS) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readBack(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

describe.each(dialects)('a places register import as a job on %s', (dialect) => {
  let t: TestApp;
  let grid: Session;
  let social: Session;
  let viewer: Session;
  let communityId: string;
  let file: Buffer;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    [grid, social, viewer] = await Promise.all(
      ['grid.yuhe', 'social.zhenhua', 'viewer'].map((u) => t.login(u)),
    );
    communityId = (await unitByName(grid, '御河九号社区')).id;
    file = await register();
  });
  afterAll(() => t?.close());

  const { upload, until, commit } = importsAs(() => grid, 'places', '御河场所台账.xlsx');
  const placeCount = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('place')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const find = async (q: string) =>
    (await grid.inject({ method: 'GET', url: `/api/places?q=${encodeURIComponent(q)}` })).json<{
      items: Place[];
    }>().items;

  it('answers 401 without a session, 403 to those who register no places, and names a file with no header', async () => {
    const anon = await t.app.inject({
      method: 'POST',
      url: '/api/imports?kind=places',
      payload: file,
      headers: { 'content-type': XLSX_TYPE },
    });
    expect(anon.statusCode).toBe(401);
    expect((await upload(viewer, file)).statusCode).toBe(403);
    // A social worker registers residents, not places.
    expect((await upload(social, file)).statusCode).toBe(403);
    const none = await upload(grid, Buffer.from('甲,乙\n1,2\n'));
    expect(none.statusCode).toBe(400);
    expect(none.json<{ error: { message: string } }>().error.message).toContain('名称');
    const notSheet = await upload(grid, Buffer.from('not a workbook'));
    expect(notSheet.statusCode).toBe(400);
  });

  let first: Import;
  it('reads the header under the title row and proposes a field for each column, naming the unknown ones', async () => {
    const res = await upload(grid, file);
    expect(res.statusCode).toBe(201);
    first = res.json<Import>();
    expect(first).toMatchObject({
      kind: 'places',
      status: 'mapping',
      headerRow: 2,
      mappingRemembered: false,
    });
    expect(Object.fromEntries(first.columns.map((c) => [c.header, c.field]))).toEqual({
      序号: null,
      单位名称: 'name',
      行业: 'category',
      经营地址: 'address',
      所属网格: 'grid',
      法人: 'personInCharge',
      手机: 'phone',
      统一社会信用代码: 'licenceNo',
      从业人数: null,
    });
    expect(first.unknownColumns).toEqual(['序号', '从业人数']);
    expect(first.fields.find((f) => f.key === 'community')).toMatchObject({
      label: '社区',
      required: true,
      fixable: true,
    });
    const en = (await upload(grid, file, 'en-US')).json<Import>();
    expect(en.fields.find((f) => f.key === 'personInCharge')!.label).toBe('Person in charge');
    await grid.inject({ method: 'DELETE', url: `/api/imports/${en.id}` });
  });

  it('asks for the community once, then checks every row and writes nothing yet', async () => {
    const before = await placeCount();
    const columns = first.columns.map((c) => ({ index: c.index, field: c.field }));
    const missing = await grid.inject({
      method: 'PUT',
      url: `/api/imports/${first.id}/mapping`,
      payload: { columns },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ error: { message: string } }>().error.message).toContain('社区');
    // A community outside the grid worker's area is refused.
    const elsewhere = await grid.inject({
      method: 'PUT',
      url: `/api/imports/${first.id}/mapping`,
      payload: { columns, fixed: { communityId: (await unitByName(social, '振华东社区')).id } },
    });
    expect(elsewhere.statusCode).toBe(400);

    const res = await grid.inject({
      method: 'PUT',
      url: `/api/imports/${first.id}/mapping`,
      payload: { columns, fixed: { communityId } },
    });
    expect(res.statusCode).toBe(200);
    const checked = await until(first.id, 'checking');
    expect(checked.status).toBe('checked');
    expect(checked.progress).toMatchObject({
      totalRows: 4,
      validRows: GOOD_ROWS,
      problemRows: 1,
      households: GOOD_ROWS,
    });
    expect(checked.problems).toEqual([
      expect.objectContaining({ row: 5, column: '行业', code: 'UNKNOWN_LABEL' }),
    ]);
    expect(checked.problems[0].reason).toContain('花店');
    expect(await placeCount()).toBe(before);
  });

  it('registers the good rows in the grid, the phone cleaned and the category read from its word', async () => {
    const before = await placeCount();
    const done = await commit(first.id);
    expect(done).toMatchObject({ status: 'done', error: null });
    expect(done.progress.householdsRegistered).toBe(GOOD_ROWS);
    expect(await placeCount()).toBe(before + GOOD_ROWS);
    const [breakfast] = await find('御河早餐铺');
    expect(breakfast).toMatchObject({
      category: 'restaurant',
      gridName: '第一网格',
      communityName: '御河九号社区',
      address: '御河路 8 号',
      licenceNo: '91140213MA0IMPT001',
      personInCharge: '李师傅',
    });
    const whole = await grid.inject({ method: 'GET', url: `/api/places/${breakfast.id}` });
    expect(whole.json<Place>().phone).toBe('13700001111');
    const [books] = await find('御河书屋');
    const landline = await grid.inject({ method: 'GET', url: `/api/places/${books.id}` });
    expect(landline.json<Place>().phone).toBe('03522345678');
    expect(await find('御河花店')).toEqual([]);
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .select('detail')
      .where('action', '=', 'place.import')
      .where('entity_id', '=', first.id)
      .execute();
    expect(audit).toHaveLength(1);
  });

  let problemFile: Buffer;
  it('gives the problem row with every original column as it was, plus 原行号 and 问题', async () => {
    const res = await grid.inject({ method: 'GET', url: `/api/imports/${first.id}/problems.xlsx` });
    expect(res.statusCode).toBe(200);
    problemFile = res.rawPayload;
    const ws = (await readBack(problemFile)).worksheets[0];
    expect(ws.name).toBe('场所台账');
    expect((ws.getRow(1).values as string[]).slice(1)).toEqual([...HEADERS, '原行号', '问题']);
    expect(ws.rowCount).toBe(2);
    const row = ws.getRow(2);
    expect(row.getCell(2).value).toBe('御河花店');
    expect(row.getCell(9).value).toBe(2);
    expect(row.getCell(10).value).toBe(5);
    expect(cellText(row.getCell(11).value)).toContain('行业');
  });

  it('takes the corrected problem file with no mapping step, and imports its row once', async () => {
    const wb = await readBack(problemFile);
    wb.worksheets[0].getRow(2).getCell(3).value = '商铺';
    const res = await upload(grid, Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode).toBe(201);
    const job = res.json<Import>();
    expect(job).toMatchObject({ status: 'checking', mappingRemembered: true });
    expect(job.fixed.communityId).toBe(communityId);
    const checked = await until(job.id, 'checking');
    expect(checked.progress).toMatchObject({ validRows: 1, problemRows: 0 });
    const before = await placeCount();
    const done = await commit(job.id);
    expect(done.progress.householdsRegistered).toBe(1);
    expect(await placeCount()).toBe(before + 1);
    expect((await find('御河花店'))[0]).toMatchObject({ category: 'shop', gridName: '第一网格' });
  });

  it('imports nothing twice when the same file comes again: the same layout needs no mapping', async () => {
    const before = await placeCount();
    const job = (await upload(grid, file)).json<Import>();
    expect(job).toMatchObject({ status: 'checking', mappingRemembered: true });
    const checked = await until(job.id, 'checking');
    // Every place is registered already; the 花店 row of this file still names no category.
    expect(checked.progress).toMatchObject({ validRows: 0, problemRows: 4 });
    expect(checked.problems.map((p) => [p.row, p.code])).toEqual([
      [3, 'LICENCE_TAKEN'],
      [4, 'PLACE_EXISTS'],
      [5, 'UNKNOWN_LABEL'],
      [6, 'PLACE_EXISTS'],
    ]);
    expect(checked.problems[1].reason).toBe('该网格中已登记同名同地址的场所');
    const done = await commit(job.id);
    expect(done.status).toBe('done');
    expect(await placeCount()).toBe(before);
  });

  it('commits a large file in chunks of 1,000 places; a commit run again registers nothing twice', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('场所');
    ws.addRow(['名称', '类别', '地址', '网格']);
    for (let i = 1; i <= 1_500; i++)
      ws.addRow([`御河摊位${i}`, '商铺', `御河市场 ${i} 号`, '第一网格']);
    const job = (await upload(grid, Buffer.from(await wb.xlsx.writeBuffer()))).json<Import>();
    const columns = job.columns.map((c) => ({ index: c.index, field: c.field }));
    await grid.inject({
      method: 'PUT',
      url: `/api/imports/${job.id}/mapping`,
      payload: { columns, fixed: { communityId } },
    });
    expect((await until(job.id, 'checking')).progress.validRows).toBe(1_500);
    const before = await placeCount();
    const done = await commit(job.id);
    expect(done.progress.householdsRegistered).toBe(1_500);
    const chunks = () =>
      t.handle.db
        .selectFrom('import_job')
        .select(['chunks_total', 'chunks_done'])
        .where('id', '=', job.id)
        .executeTakeFirstOrThrow();
    expect(await chunks()).toEqual({ chunks_total: 2, chunks_done: 2 });
    expect(await placeCount()).toBe(before + 1_500);
    // As if the server had stopped after the first chunk without its mark: the second is written
    // again, and the places it holds are found registered rather than doubled.
    await t.handle.db
      .updateTable('import_job')
      .set({ status: 'committing', chunks_done: 1 })
      .where('id', '=', job.id)
      .execute();
    expect((await commit(job.id)).status).toBe('done');
    expect(await placeCount()).toBe(before + 1_500);
  });

  it('keeps a places import out of the residents import’s reach and the other way round', async () => {
    const mine = (await grid.inject({ method: 'GET', url: '/api/imports' })).json<Import[]>();
    expect(mine.map((i) => i.kind)).toContain('places');
    // A social worker may import residents but cannot open a places import (it is not theirs either).
    expect(
      (await social.inject({ method: 'GET', url: `/api/imports/${first.id}` })).statusCode,
    ).toBe(404);
  });
});
