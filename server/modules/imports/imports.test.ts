import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idCheckDigit } from '../../../common/people';
import type { Import } from '../../../common/schemas/imports';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { XLSX_TYPE } from '../../http';
import { dialects } from '../../../test/support/db';
import { importsAs } from '../../../test/support/imports';
import { cellText } from '../../lib/xlsx';

/** A valid ID number of a fictional resident of 大同 born on `birth`, told apart by `n` (< 1000). */
function idFor(n: number, birth: string): string {
  const first17 = `140202${birth.replaceAll('-', '')}${String(n).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}
/** One ending in X, to be written lower-case. */
function idEndingInX(birth: string): string {
  for (let n = 500; ; n++) if (idFor(n, birth).endsWith('X')) return idFor(n, birth);
}
const fullWidth = (s: string) =>
  s.replace(/[0-9X]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const HEADERS = [
  '序号',
  '户主姓名',
  '姓名',
  '与户主的关系',
  '公民身份号码',
  '出生年月日',
  '所属网格',
  '楼号',
  '单元',
  '房间号',
  '手机号码',
  '重点人群类别',
  '文化程度',
  '备注',
];

type Person = {
  head: string;
  name: string;
  relation: string;
  id: ExcelJS.CellValue;
  birth?: ExcelJS.CellValue;
  room: string;
  phone?: string;
  tags?: string;
  notes?: string;
};

const goodOf赵丽 = idFor(31, '1990-07-07');
const bad赵丽 = goodOf赵丽.slice(0, 17) + (goodOf赵丽[17] === '1' ? '2' : '1');

/**
 * A community's own register: two merged title rows, its own words and order, no 社区 column (the
 * file is one community), an unknown column (文化程度), phones and IDs as people type them, two
 * households at room 102 told apart by 户主姓名, and one faulty member (赵丽's check digit).
 */
function people(): Person[] {
  const x = idEndingInX('1944-03-05');
  return [
    {
      head: '张建国',
      name: '张建国',
      relation: '户主',
      id: idFor(1, '1944-03-05'),
      birth: '1944-3-5',
      room: '101',
      phone: '138-1007-5007',
      tags: '独居老人、高龄',
      notes: '老党员',
    },
    {
      head: '张建国',
      name: '李 秀英',
      relation: '配偶',
      id: fullWidth(idFor(2, '1946-11-20')),
      birth: '1946.11.20',
      room: '101',
      phone: '+86 139 0000 1111',
    },
    {
      head: '张建国',
      name: '张小军',
      relation: '子女',
      id: `'${idFor(3, '1975-01-09')}`,
      birth: '1975/1/9',
      room: '101',
    },
    {
      head: '李明',
      name: '李明',
      relation: '户主',
      id: x.toLowerCase(),
      birth: '1944年3月5日',
      room: '102',
      phone: '0352-2345678',
      tags: '低保；残疾',
    },
    {
      head: '李明',
      name: '李小红',
      relation: '子女',
      id: idFor(11, '1980-02-02'),
      birth: '19800202',
      room: '102',
    },
    {
      head: '王芳',
      name: '王芳',
      relation: '户主',
      id: idFor(21, '1985-06-06'),
      birth: new Date('1985-06-06T00:00:00Z'),
      room: '102',
      phone: '13800001234',
    },
    { head: '王芳', name: '王强', relation: '子女', id: idFor(22, '2010-09-01'), room: '102' },
    {
      head: '赵刚',
      name: '赵刚',
      relation: '户主',
      id: idFor(30, '1960-04-04'),
      birth: '1960-04-04',
      room: '103',
    },
    {
      head: '赵刚',
      name: '赵丽',
      relation: '子女',
      id: bad赵丽,
      birth: new Date('1990-07-07T00:00:00Z'),
      room: '103',
    },
  ];
}
const GOOD_ROWS = 8;

async function register(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('实有人口');
  ws.mergeCells(1, 1, 1, HEADERS.length);
  ws.getCell(1, 1).value = '振华东社区实有人口登记台账';
  ws.mergeCells(2, 1, 2, HEADERS.length);
  ws.getCell(2, 1).value = '填报单位：振华东社区居委会　　填报日期：2026年12月';
  ws.addRow(HEADERS);
  people().forEach((p, i) =>
    ws.addRow([
      i + 1,
      p.head,
      p.name,
      p.relation,
      p.id,
      p.birth ?? null,
      '第一网格',
      '7',
      '2',
      p.room,
      p.phone ?? null,
      p.tags ?? null,
      '高中',
      p.notes ?? null,
    ]),
  );
  ws.getColumn(6).numFmt = 'yyyy-mm-dd';
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readBack(body: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

describe.each(dialects)('a register import as a job on %s', (dialect) => {
  let t: TestApp;
  let social: Session;
  let viewer: Session;
  let communityId: string;
  let file: Buffer;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    social = await t.login('social.zhenhua');
    viewer = await t.login('viewer');
    communityId = (await unitByName(social, '振华东社区')).id;
    file = await register();
  });
  afterAll(() => t?.close());

  const { upload, until, commit } = importsAs(() => social, 'residents', '振华东台账.xlsx');
  const count = async (table: 'resident' | 'household') =>
    Number(
      (
        await t.handle.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const membersOf = (headName: string) =>
    t.handle.db
      .selectFrom('resident as r')
      .innerJoin('resident as h', 'h.household_id', 'r.household_id')
      .innerJoin('household as hh', 'hh.id', 'r.household_id')
      .select(['r.name', 'r.phone_masked', 'r.id_number_masked', 'r.birth_date'])
      .where('hh.community_id', '=', communityId)
      .where('hh.building', '=', '7')
      .where('h.name', '=', headName)
      .where('h.relation_to_head', '=', 'self')
      .orderBy('r.name')
      .execute();

  it('answers 401 without a session, 403 to a viewer, and tells an .xls file to be saved as .xlsx', async () => {
    const anon = await t.app.inject({
      method: 'POST',
      url: '/api/imports',
      payload: file,
      headers: { 'content-type': XLSX_TYPE },
    });
    expect(anon.statusCode).toBe(401);
    expect((await upload(viewer, file)).statusCode).toBe(403);
    const xls = Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]);
    const res = await upload(social, xls);
    expect(res.statusCode).toBe(400);
    expect(res.json<{ error: { message: string } }>().error.message).toContain('另存为');
    const none = await upload(social, Buffer.from('甲,乙\n1,2\n'));
    expect(none.json<{ error: { message: string } }>().error.message).toContain('找不到表头');
  });

  let first: Import;
  it('reads the header under two title rows and proposes a field for each column, naming the unknown one', async () => {
    const res = await upload(social, file);
    expect(res.statusCode).toBe(201);
    first = res.json<Import>();
    expect(first).toMatchObject({
      status: 'mapping',
      headerRow: 3,
      mappingRemembered: false,
      fileName: '振华东台账.xlsx',
    });
    const fieldOf = Object.fromEntries(first.columns.map((c) => [c.header, c.field]));
    expect(fieldOf).toEqual({
      序号: null,
      户主姓名: 'headName',
      姓名: 'name',
      与户主的关系: 'relation',
      公民身份号码: 'idNumber',
      出生年月日: 'birthDate',
      所属网格: 'grid',
      楼号: 'building',
      单元: 'unitNo',
      房间号: 'room',
      手机号码: 'phone',
      重点人群类别: 'careTags',
      文化程度: null,
      备注: 'householdNotes',
    });
    expect(first.unknownColumns).toEqual(['序号', '文化程度']);
    expect(first.fields.find((f) => f.key === 'community')).toMatchObject({
      required: true,
      fixable: true,
    });
  });

  it('asks for the community when the file has no such column, then checks every row after one confirmation', async () => {
    const columns = first.columns.map((c) => ({ index: c.index, field: c.field }));
    const missing = await social.inject({
      method: 'PUT',
      url: `/api/imports/${first.id}/mapping`,
      payload: { columns },
    });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ error: { message: string } }>().error.message).toContain('社区');
    expect(missing.json<{ error: { message: string } }>().error.message).not.toMatch(/期望|string/);

    const res = await social.inject({
      method: 'PUT',
      url: `/api/imports/${first.id}/mapping`,
      payload: { columns, fixed: { communityId } },
    });
    expect(res.statusCode).toBe(200);
    const checked = await until(first.id, 'checking');
    expect(checked.status).toBe('checked');
    expect(checked.progress).toMatchObject({
      totalRows: 9,
      validRows: GOOD_ROWS,
      problemRows: 1,
      households: 4,
    });
    expect(checked.problems).toEqual([
      expect.objectContaining({ row: 12, column: '公民身份号码', code: 'ID_CHECK_DIGIT' }),
    ]);
  });

  it('registers every good row: two households at room 102, the faulty member’s household without her', async () => {
    const before = { residents: await count('resident'), households: await count('household') };
    const done = await commit(first.id);
    expect(done.status).toBe('done');
    expect(done.progress).toMatchObject({ householdsRegistered: 4, membersAdded: 0 });
    expect(await count('resident')).toBe(before.residents + GOOD_ROWS);
    expect(await count('household')).toBe(before.households + 4);
    const zhang = await membersOf('张建国');
    expect(zhang.map((m) => m.name)).toEqual(['张小军', '张建国', '李秀英']);
    expect(zhang.find((m) => m.name === '张建国')!.phone_masked).toBe('138****5007');
    expect(zhang.find((m) => m.name === '李秀英')!.phone_masked).toBe('139****1111');
    expect(zhang.find((m) => m.name === '李秀英')!.birth_date).toBe('1946-11-20');
    expect((await membersOf('李明')).map((m) => m.name)).toEqual(['李小红', '李明']);
    expect((await membersOf('李明'))[1].id_number_masked).toMatch(/X$/);
    expect((await membersOf('王芳')).map((m) => m.name)).toEqual(['王强', '王芳']);
    expect((await membersOf('赵刚')).map((m) => m.name)).toEqual(['赵刚']);
  });

  let problemFile: Buffer;
  it('gives the problem row with every original column as it was, plus 原行号 and 问题', async () => {
    const res = await social.inject({
      method: 'GET',
      url: `/api/imports/${first.id}/problems.xlsx`,
    });
    expect(res.statusCode).toBe(200);
    problemFile = res.rawPayload;
    const ws = (await readBack(problemFile)).worksheets[0];
    const headers = (ws.getRow(1).values as string[]).slice(1);
    expect(headers).toEqual([...HEADERS, '原行号', '问题']);
    expect(ws.rowCount).toBe(2);
    const row = ws.getRow(2);
    expect(row.getCell(3).value).toBe('赵丽');
    expect(row.getCell(5).value).toBe(bad赵丽);
    expect(row.getCell(6).value).toEqual(new Date('1990-07-07T00:00:00Z'));
    expect(row.getCell(15).value).toBe(12);
    expect(cellText(row.getCell(16).value)).toContain('校验位');
  });

  it('takes the corrected problem file with no mapping step, and the row joins its household', async () => {
    const wb = await readBack(problemFile);
    wb.worksheets[0].getRow(2).getCell(5).value = goodOf赵丽;
    const fixed = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await upload(social, fixed);
    expect(res.statusCode).toBe(201);
    const job = res.json<Import>();
    expect(job).toMatchObject({ status: 'checking', mappingRemembered: true });
    const checked = await until(job.id, 'checking');
    expect(checked.progress).toMatchObject({ validRows: 1, problemRows: 0 });
    const done = await commit(job.id);
    expect(done.progress).toMatchObject({ householdsRegistered: 0, membersAdded: 1 });
    expect((await membersOf('赵刚')).map((m) => m.name)).toEqual(['赵丽', '赵刚']);
  });

  it('imports nothing twice when the same file comes again: the same layout goes straight to checking', async () => {
    const before = { residents: await count('resident'), households: await count('household') };
    const job = (await upload(social, file)).json<Import>();
    expect(job).toMatchObject({ status: 'checking', mappingRemembered: true });
    const checked = await until(job.id, 'checking');
    expect(checked.progress).toMatchObject({ validRows: 0, problemRows: 9 });
    // Everyone is registered already; 赵丽's row in this file still has the wrong check digit.
    expect(checked.problems.filter((p) => p.code === 'DUPLICATE_STORED')).toHaveLength(GOOD_ROWS);
    expect(checked.problems[0].reason).toBe('系统中已登记该身份证号的居民');
    const done = await commit(job.id);
    expect(done.status).toBe('done');
    expect(await count('resident')).toBe(before.residents);
    expect(await count('household')).toBe(before.households);
  });

  it('lists the caller’s imports, and another worker cannot see them', async () => {
    const mine = (await social.inject({ method: 'GET', url: '/api/imports' })).json<Import[]>();
    expect(mine.length).toBe(3);
    const other = await t.login('grid.yuhe');
    expect(
      (await other.inject({ method: 'GET', url: `/api/imports/${first.id}` })).statusCode,
    ).toBe(404);
  });
});
