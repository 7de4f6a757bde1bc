import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Case, CaseDetail, PublicationSummary } from '../../../common/schemas/cases';
import { maskIdNumber, maskPhone } from '../../../common/people';
import { createTestApp, type Session, type TestApp } from '../../../test/support/app';
import { addStaff } from '../../../test/support/cases';
import { dialects } from '../../../test/support/db';
import { fieldCipher } from '../../lib/crypto';

/** The text a PDF reader gets out of a PDF (pdftotext, as server/lib/pdf.test.ts), without line breaks or spaces. */
function pdfText(pdf: Buffer): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linli-doc-')), 'doc.pdf');
  fs.writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
  return text.replace(/\s+/g, '');
}

describe.each(dialects)('case documents on %s', (dialect) => {
  let t: TestApp;
  let worker: Session;
  let supervisor: Session;
  let colleague: Session;
  let qingyuan: Session;
  let wangPeng: CaseDetail;
  let xiaoYang: Case;
  /** The story households as stored, sensitive values opened: what must never be published. */
  const people = new Map<
    string,
    { name: string; idNumber: string | null; phone: string | null; birthDate: string | null }[]
  >();
  let wangAddress: string;

  const caseNamed = async (s: Session, name: string) =>
    (await s.inject({ method: 'GET', url: `/api/cases?q=${encodeURIComponent(name)}` })).json<{
      items: Case[];
    }>().items[0];
  const auditCount = async (action: string, username: string, entityId?: string) => {
    let q = t.handle.db
      .selectFrom('audit_log')
      .select('id')
      .where('action', '=', action)
      .where('username', '=', username);
    if (entityId) q = q.where('entity_id', '=', entityId);
    return (await q.execute()).length;
  };
  async function householdOf(householdId: string) {
    const rows = await t.handle.db
      .selectFrom('resident')
      .selectAll()
      .where('household_id', '=', householdId)
      .execute();
    return rows.map((r) => ({
      name: r.name,
      idNumber: r.id_number_sealed ? fieldCipher().open(r.id_number_sealed) : null,
      phone: r.phone_sealed ? fieldCipher().open(r.phone_sealed) : null,
      birthDate: r.birth_date,
    }));
  }

  beforeAll(async () => {
    t = await createTestApp(dialect);
    const admin = await t.login('admin');
    const c = await addStaff(admin, {
      username: 'social3.zhenhua',
      displayName: '吕安然',
      role: 'socialWorker',
      unit: '振华街道社工站',
    });
    [worker, supervisor, qingyuan] = await Promise.all(
      ['social.zhenhua', 'supervisor.zhenhua', 'social.qingyuan'].map((u) => t.login(u)),
    );
    colleague = await t.login(c.username, c.password);
    const wang = await caseNamed(worker, '王鹏');
    wangPeng = (
      await worker.inject({ method: 'GET', url: `/api/cases/${wang.id}` })
    ).json<CaseDetail>();
    xiaoYang = await caseNamed(qingyuan, '小阳');
    people.set('wang', await householdOf(wangPeng.householdId));
    people.set('yang', await householdOf(xiaoYang.householdId));
    wangAddress = (
      await worker.inject({ method: 'GET', url: `/api/households/${wangPeng.householdId}` })
    ).json<{ address: string }>().address;
  });
  afterAll(() => t?.close());

  const urls = (id: string) => [
    `/api/cases/${id}/case-file.pdf`,
    `/api/cases/${id}/publication-summary`,
    `/api/cases/${id}/publication-summary.pdf`,
  ];

  it('answers 401 without a session, and 404 to another station’s worker and for no case', async () => {
    for (const url of urls(wangPeng.id)) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      const res = await qingyuan.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(404);
      expect(res.json<{ error: { code: string } }>().error.code).toBe('NOT_FOUND');
    }
    for (const url of urls('019a0000-0000-7000-8000-0000000000ee'))
      expect((await worker.inject({ method: 'GET', url })).statusCode, url).toBe(404);
    expect(
      (await worker.inject({ method: 'GET', url: '/api/cases/not-an-id/case-file.pdf' }))
        .statusCode,
    ).toBe(400);
    expect(await auditCount('case.print', 'social.qingyuan')).toBe(0);
  });

  it('prints the case file in Chinese for the client’s own worker, sensitive fields whole, audited', async () => {
    const before = await auditCount(
      'resident.readSensitive',
      'social.zhenhua',
      wangPeng.residentId,
    );
    const res = await worker.inject({ method: 'GET', url: urls(wangPeng.id)[0] });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['cache-control']).toBe('no-store');
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="case-file-/);
    const text = pdfText(res.rawPayload);
    const client = people.get('wang')!.find((p) => p.name === '王鹏')!;
    for (const expected of [
      '个案档案',
      '振华街道社工站',
      '王鹏',
      '赵丽',
      client.phone!,
      client.idNumber!,
      '健康状况尿毒症，每周血液透析三次',
      '服务计划',
      '找到一份能兼顾透析的简单工作',
      '电话询问王鹏近期身体状况',
      '社区便民服务点',
      '在社区便民服务点就业，家庭收入改善',
      '打印人：赵晓雯',
      // The footer of every page, its page numbers filled in by the render worker.
      '内部资料注意保密',
      '第1页，共',
    ])
      expect(text, expected).toContain(expected);
    expect(await auditCount('case.print', 'social.zhenhua', wangPeng.id)).toBe(1);
    // The whole values it printed are reads of sensitive data, as on the household page.
    expect(await auditCount('resident.readSensitive', 'social.zhenhua', wangPeng.residentId)).toBe(
      before + 1,
    );
  });

  it('masks the client’s fields for another worker of the station, and audits no whole read', async () => {
    const res = await colleague.inject({ method: 'GET', url: urls(wangPeng.id)[0] });
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    const client = people.get('wang')!.find((p) => p.name === '王鹏')!;
    expect(text).toContain('王鹏');
    expect(text).toContain(maskPhone(client.phone!));
    expect(text).toContain(maskIdNumber(client.idNumber!));
    for (const p of people.get('wang')!) {
      if (p.phone) expect(text).not.toContain(p.phone);
      if (p.idNumber) expect(text).not.toContain(p.idNumber);
    }
    expect(text).toContain('健康状况******');
    expect(await auditCount('resident.readSensitive', 'social3.zhenhua')).toBe(0);
    expect(await auditCount('case.print', 'social3.zhenhua', wangPeng.id)).toBe(1);
  });

  /** Nothing of the household's real names, numbers, address or birth dates is in the text. */
  function expectAnonymous(text: string, household: string, address?: string) {
    for (const p of people.get(household)!) {
      expect(text, p.name).not.toContain(p.name);
      if (p.idNumber) expect(text).not.toContain(p.idNumber);
      if (p.phone) expect(text).not.toContain(p.phone);
      if (p.birthDate) expect(text).not.toContain(p.birthDate);
    }
    if (address) expect(text).not.toContain(address.replace(/\s+/g, ''));
    expect(text).not.toMatch(/1[3-9]\d{9}/);
    expect(text).not.toMatch(/\d{17}[\dX]/);
    expect(text).not.toMatch(/\d+号楼|\d+单元|\d+室/);
  }

  it('tells the case for publication under pseudonyms, without names, numbers or the address', async () => {
    const res = await worker.inject({ method: 'GET', url: urls(wangPeng.id)[1] });
    expect(res.statusCode).toBe(200);
    const { pseudonym, text } = res.json<PublicationSummary>();
    expect(pseudonym).toBe('王某');
    expect(wangPeng.defaultPseudonym).toBe('王某');
    expect(wangPeng.pseudonym).toBeNull();
    // The family by pseudonym too: his wife 赵某, their daughter 小王.
    for (const expected of ['王某（化名）', '赵某（配偶', '小王（子女', '40 岁', '社区便民服务点'])
      expect(text).toContain(expected);
    expect(text).toContain('与王某和妻子赵某商量就业意向');
    expect(text).toContain('在社区便民服务点就业，家庭收入改善');
    expectAnonymous(text, 'wang', wangAddress);
    expect(await auditCount('case.publicationSummary', 'social.zhenhua', wangPeng.id)).toBe(1);
  });

  it('renders the publication summary as a PDF with the same guarantees', async () => {
    const res = await supervisor.inject({ method: 'GET', url: urls(wangPeng.id)[2] });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const text = pdfText(res.rawPayload);
    expect(text).toContain('个案服务摘要（供发布）');
    expect(text).toContain('王某（化名）');
    expect(text).toContain('赵某');
    expect(text).toMatch(/第1页，共\d+页/);
    expectAnonymous(text, 'wang', wangAddress);
  });

  it('lets the worker set the pseudonym, never to a real name of the family', async () => {
    const patch = (pseudonym: string | null, version: number) =>
      worker.inject({
        method: 'PATCH',
        url: `/api/cases/${wangPeng.id}`,
        payload: { version, pseudonym },
      });
    for (const leaky of ['王鹏', '赵丽', '小王子涵']) {
      const res = await patch(leaky, wangPeng.version);
      expect(res.statusCode, leaky).toBe(400);
      expect(res.json<{ error: { code: string; field: string } }>().error).toMatchObject({
        code: 'PSEUDONYM_REVEALS_NAME',
        field: 'pseudonym',
      });
    }
    const set = await patch('老王', wangPeng.version);
    expect(set.statusCode).toBe(200);
    expect(set.json<CaseDetail>().pseudonym).toBe('老王');
    const summary = (
      await worker.inject({ method: 'GET', url: urls(wangPeng.id)[1] })
    ).json<PublicationSummary>();
    expect(summary.pseudonym).toBe('老王');
    expect(summary.text).toContain('老王（化名）');
    expect(summary.text).toContain('与老王和妻子赵某');
    expectAnonymous(summary.text, 'wang', wangAddress);
    const cleared = await patch(null, set.json<CaseDetail>().version);
    expect(cleared.json<CaseDetail>().pseudonym).toBeNull();
    // Another station's worker cannot rename a case they cannot see.
    const foreign = await qingyuan.inject({
      method: 'PATCH',
      url: `/api/cases/${wangPeng.id}`,
      payload: { version: cleared.json<CaseDetail>().version, pseudonym: '某某' },
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('keeps a minor’s family out of the summary too: mother and late father by pseudonym', async () => {
    const res = await qingyuan.inject({ method: 'GET', url: urls(xiaoYang.id)[2] });
    expect(res.statusCode).toBe(200);
    const text = pdfText(res.rawPayload);
    // The demo's worker chose 小宇 for him.
    expect(text).toContain('小宇（化名）');
    expect(text).toContain('李某（户主');
    expect(text).toContain('杨某（配偶');
    expect(text).toContain('已故');
    expect(text).toContain('重返学校，正常上课');
    expectAnonymous(text, 'yang');
  });
});
