import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ledgerColumns } from '../../../common/ledger';
import { idCheckDigit } from '../../../common/people';
import type { Import } from '../../../common/schemas/imports';
import { createTestApp, unitByName, type Session, type TestApp } from '../../../test/support/app';
import { dialects } from '../../../test/support/db';
import { buildHousehold, fakeIdNumber } from '../../../test/support/people';
import { XLSX_TYPE } from '../../http';
import { cellText } from '../../lib/xlsx';

type Cells = Partial<Record<string, ExcelJS.CellValue>>;

/** A valid ID number of a fictional resident of 大同 (region 140202), unique by `n` below 1000. */
function idFor(n: number, birth: string): string {
  const first17 = `140202${birth.replaceAll('-', '')}${String(n).padStart(3, '0')}`;
  return first17 + idCheckDigit(first17);
}

async function workbook(rows: Cells[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('居民台账');
  ws.columns = ledgerColumns.map((c) => ({ header: c.header, key: c.header }));
  ws.getColumn('身份证号').numFmt = '@';
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function readSheet(body: Buffer): Promise<{ headers: string[]; rows: string[][] }> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  const all: string[][] = [];
  ws.eachRow((row) => {
    all.push(Array.from({ length: ws.columnCount }, (_, i) => cellText(row.getCell(i + 1).value)));
  });
  return { headers: all[0], rows: all.slice(1) };
}

const COMMUNITIES = [
  { name: '振华东社区', grids: ['第一网格', '第二网格', '第三网格', '第四网格'] },
  { name: '振华西社区', grids: ['第一网格', '第二网格'] },
];
const RELATIONS = ['户主', '配偶', '子女', '父母'];

/**
 * 980 clean rows in households of 1 to 4 residents, then 20 faulty rows of different kinds, each in a
 * household of its own (the two heads of one address are one household of two faulty rows).
 */
function register(storedId: string): { rows: Cells[]; faulty: Map<number, string> } {
  const rows: Cells[] = [];
  let n = 0;
  const ids: string[] = [];
  for (let h = 0; rows.length < 980; h++) {
    const c = COMMUNITIES[h % 2];
    const size = (h % 4) + 1;
    for (let m = 0; m < size; m++) {
      const year = m === 0 || m === 1 ? 1945 + (h % 40) : m === 2 ? 1990 + (h % 25) : 1930;
      const birth = `${year}-${String((h % 12) + 1).padStart(2, '0')}-${String((m % 28) + 1).padStart(2, '0')}`;
      const id = idFor(n++, birth);
      ids.push(id);
      rows.push({
        社区: c.name,
        网格: c.grids[h % c.grids.length],
        楼栋: String(60 + (h % 30)),
        单元: String((h % 3) + 1),
        '门牌/室': String(1000 + h),
        与户主关系: RELATIONS[m],
        姓名: `居民${h}之${m}`,
        出生日期: h % 5 === 0 ? new Date(`${birth}T00:00:00Z`) : m === 0 ? birth : undefined,
        民族: '汉族',
        身份证号: id,
        联系电话: m === 0 ? `139${String(h).padStart(8, '0')}` : undefined,
        重点人群标签: year < 1946 ? '独居老人、高龄' : h % 7 === 0 ? '低保' : undefined,
        健康状况: h % 9 === 0 ? '高血压，按时服药' : undefined,
        自理能力: m === 3 ? '部分自理' : undefined,
        住房: m === 0 ? '自有住房' : undefined,
        收入来源: m === 0 ? '养老金,工资' : undefined,
        经济状况: m === 0 && h % 7 === 0 ? '低保' : undefined,
      });
    }
  }
  const faulty = new Map<number, string>();
  let room = 5000;
  const bad = (code: string, cells: Cells) => {
    const birth = '1970-06-15';
    rows.push({
      社区: '振华东社区',
      网格: '第一网格',
      楼栋: '99',
      '门牌/室': String(room++),
      与户主关系: '户主',
      姓名: `问题${code}`,
      身份证号: idFor(n++, birth),
      ...cells,
    });
    // Excel row: one header row above the data.
    faulty.set(rows.length + 1, code);
  };
  const good = idFor(900, '1970-06-15');
  bad('ID_CHECK_DIGIT', { 身份证号: good.slice(0, 17) + (good[17] === '1' ? '2' : '1') });
  bad('ID_FORMAT', { 身份证号: good.slice(0, 17) });
  bad('ID_AS_NUMBER', { 身份证号: 140202197006159000 });
  bad('REQUIRED', { 姓名: undefined });
  bad('REQUIRED', { 身份证号: undefined });
  bad('UNKNOWN_COMMUNITY', { 社区: '振华南社区' });
  bad('UNKNOWN_COMMUNITY', { 社区: '清远东社区' });
  bad('UNKNOWN_GRID', { 网格: '第九网格' });
  bad('UNKNOWN_GRID', { 社区: '振华西社区', 网格: '第三网格' });
  bad('DUPLICATE_STORED', { 身份证号: storedId });
  bad('DUPLICATE_IN_FILE', { 身份证号: ids[17] });
  bad('BAD_DATE', { 出生日期: '1970-02-30' });
  bad('ID_MISMATCH', { 出生日期: '1971-06-15' });
  bad('UNKNOWN_LABEL', { 性别: '未知' });
  bad('UNKNOWN_LABEL', { 重点人群标签: '独居老人，贫困户' });
  bad('BAD_PHONE', { 联系电话: '12345' });
  bad('NO_HEAD', { 与户主关系: '子女' });
  bad('UNKNOWN_LABEL', { 与户主关系: '租客' });
  bad('MANY_HEADS', { '门牌/室': '4999' });
  bad('MANY_HEADS', { '门牌/室': '4999' });
  return { rows, faulty };
}

describe.each(dialects)('the register (台账) import and export on %s', (dialect) => {
  let t: TestApp;
  let social: Session;
  let viewer: Session;
  let yuhe: Session;
  let file: Buffer;
  let faulty: Map<number, string>;
  let stored: Awaited<ReturnType<typeof buildHousehold>>;

  beforeAll(async () => {
    t = await createTestApp(dialect);
    social = await t.login('social.zhenhua');
    viewer = await t.login('viewer');
    yuhe = await t.login('grid.yuhe');
    const storedId = fakeIdNumber('1962-04-04');
    stored = await buildHousehold(social, {
      community: '振华西社区',
      head: { name: '韩德胜', idNumber: storedId, phone: '13611112222' },
    });
    const built = register(storedId);
    faulty = built.faulty;
    file = await workbook(built.rows);
  });
  afterAll(() => t?.close());

  /** Polls the import until it leaves `status`. */
  const until = async (id: string, leave: Import['status']): Promise<Import> => {
    for (;;) {
      const job = (
        await social.inject({ method: 'GET', url: `/api/imports/${id}` })
      ).json<Import>();
      if (job.status !== leave) return job;
      await new Promise((resolve) => setImmediate(resolve));
    }
  };
  const counts = async () => {
    const db = t.handle.db;
    const n = async (table: 'resident' | 'household' | 'record_history' | 'audit_log') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    return {
      residents: await n('resident'),
      households: await n('household'),
      history: await n('record_history'),
      audit: await n('audit_log'),
    };
  };

  it('answers 401 without a session', async () => {
    for (const url of ['/api/households/import-template.xlsx', '/api/residents/export.xlsx']) {
      const res = await t.app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(401);
    }
  });

  it('hands out a template with the Chinese headers, choice lists and instructions', async () => {
    const res = await social.inject({ method: 'GET', url: '/api/households/import-template.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe(XLSX_TYPE);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['居民台账', '填写说明']);
    const headers = (wb.worksheets[0].getRow(1).values as string[]).slice(1);
    expect(headers).toEqual(ledgerColumns.map((c) => c.header));
    expect(wb.worksheets[0].getCell('F2').dataValidation.formulae[0]).toContain('户主');
  });

  it('imports the template-shaped 1,000 rows as a job: the 980 clean ones, and names the 20 faulty ones', async () => {
    const before = await counts();
    const up = await social.inject({
      method: 'POST',
      url: '/api/imports?kind=residents',
      payload: file,
      headers: { 'content-type': XLSX_TYPE },
    });
    expect(up.statusCode).toBe(201);
    const job = up.json<Import>();
    expect(job.unknownColumns).toEqual([]);
    const columns = job.columns.map((c) => ({ index: c.index, field: c.field }));
    await social.inject({
      method: 'PUT',
      url: `/api/imports/${job.id}/mapping`,
      payload: { columns },
    });
    const checked = await until(job.id, 'checking');
    expect(checked.progress).toMatchObject({
      totalRows: 1000,
      validRows: 980,
      households: 392,
      problemRows: 20,
    });
    expect(await counts()).toEqual(before);
    // The first 200 problems are on the job; these are the 20 rows.
    const byRow = new Map<number, string[]>();
    for (const p of checked.problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p.code]);
    expect([...byRow.keys()].sort((a, b) => a - b)).toEqual([...faulty.keys()]);
    for (const [row, code] of faulty) expect(byRow.get(row), `row ${row}`).toContain(code);
    expect(checked.problems.find((p) => p.code === 'UNKNOWN_GRID')!.reason).toContain('第九网格');

    await social.inject({ method: 'POST', url: `/api/imports/${job.id}/commit` });
    const done = await until(job.id, 'committing');
    expect(done).toMatchObject({ status: 'done', progress: { householdsRegistered: 392 } });
    const after = await counts();
    expect(after.residents - before.residents).toBe(980);
    expect(after.households - before.households).toBe(392);
    const history = await t.handle.db
      .selectFrom('record_history')
      .select(['source_type'])
      .where('source_id', '=', job.id)
      .execute();
    expect(history).toHaveLength(980);
    const audit = await t.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'household.import')
      .executeTakeFirstOrThrow();
    expect(JSON.parse(audit.detail!)).toMatchObject({
      totalRows: 1000,
      importedRows: 980,
      households: 392,
    });
    const head = await t.handle.db
      .selectFrom('resident')
      .select('household_id')
      .where('name', '=', '居民7之0')
      .executeTakeFirstOrThrow();
    const h = (
      await social.inject({ method: 'GET', url: `/api/households/${head.household_id}` })
    ).json<{
      economicStatus: string;
      housing: string;
      incomeSources: string[];
      members: unknown[];
    }>();
    expect(h).toMatchObject({
      economicStatus: 'minimumIncome',
      housing: 'owned',
      incomeSources: ['pension', 'wages'],
    });
    expect(h.members).toHaveLength(4);
  });

  it('exports a filtered list with Chinese headers, masked ID numbers and phones, no health notes, nothing outside scope', async () => {
    await buildHousehold(yuhe, {
      community: '御河九号社区',
      head: { name: '马秀芳', idNumber: fakeIdNumber('1948-08-08', true) },
    });
    const res = await social.inject({ method: 'GET', url: '/api/residents/export.xlsx' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('filename*=UTF-8');
    const { headers, rows } = await readSheet(res.rawPayload);
    expect(headers).toEqual([
      '社区',
      '网格',
      '楼栋',
      '单元',
      '门牌/室',
      '与户主关系',
      '姓名',
      '性别',
      '出生日期',
      '年龄',
      '民族',
      '身份证号',
      '联系电话',
      '户籍状态',
      '重点人群标签',
      '自理能力',
      '居住状态',
    ]);
    const zhenhua = await unitByName(social, '振华街道');
    const inStreet = await t.handle.db
      .selectFrom('resident')
      .select('id')
      .where('street_id', '=', zhenhua.id)
      .execute();
    expect(inStreet.length).toBeGreaterThanOrEqual(981);
    expect(rows).toHaveLength(inStreet.length);
    const col = (name: string) => headers.indexOf(name);
    const text = JSON.stringify(rows);
    expect(text).not.toContain('马秀芳');
    expect(text).not.toContain('高血压');
    expect(rows.filter((r) => !/^\d{6}\*{8}[\dX]{4}$/.test(r[col('身份证号')]))).toEqual([]);
    const han = rows.find((r) => r[col('姓名')] === '韩德胜')!;
    expect(han[col('联系电话')]).toBe('136****2222');
    expect(han[col('社区')]).toBe('振华西社区');
    const head = rows.find((r) => r[col('姓名')] === '居民7之0')!;
    expect(head[col('与户主关系')]).toBe('户主');
    expect(head[col('重点人群标签')]).toBe('低保');

    const west = await unitByName(social, '振华西社区');
    const filtered = await readSheet(
      (
        await social.inject({
          method: 'GET',
          url: `/api/residents/export.xlsx?communityId=${west.id}`,
        })
      ).rawPayload,
    );
    expect(filtered.rows.length).toBeGreaterThan(0);
    expect(filtered.rows.every((r) => r[col('社区')] === '振华西社区')).toBe(true);
    expect(filtered.rows.map((r) => r[col('姓名')])).toContain(stored.members[0].name);

    const wide = await readSheet(
      (await viewer.inject({ method: 'GET', url: '/api/residents/export.xlsx' })).rawPayload,
    );
    expect(JSON.stringify(wide.rows)).toContain('马秀芳');
    const audits = await t.handle.db
      .selectFrom('audit_log')
      .selectAll()
      .where('action', '=', 'resident.export')
      .orderBy('id')
      .execute();
    expect(audits.map((a) => a.username)).toEqual(['social.zhenhua', 'social.zhenhua', 'viewer']);
    expect(JSON.parse(audits[0].detail!)).toMatchObject({
      rows: inStreet.length,
      total: inStreet.length,
    });
  });
});
