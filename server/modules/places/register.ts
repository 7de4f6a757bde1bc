import { zhCN } from '../../../common/i18n/zh-CN';
import { placeColumns } from '../../../common/place-register';
import type { PlaceQuery } from '../../../common/schemas/places';
import { renderWorkbookInWorker } from '../../lib/render-pool';
import { actorOf, recordAudit } from '../audit/service';
import { hasRole, type Caller } from '../../lib/caller';
import { describeGrids } from '../org/service';
import { tableWorkbook } from '../../lib/table-workbook';
import { PLACE_WRITERS } from './scope';
import { placesForExport, type Ctx } from './service';

/**
 * The places register (场所台账) in and out of Excel: the template to fill in and the export. An
 * import is a job of the imports module (POST /api/imports?kind=places), which reads the file with
 * placeColumns' words, checks each row (register-parse, register-import) and commits through
 * registerImportedPlaces.
 */
const f = zhCN.places.fields;
const SHEET_NAME = '场所台账';
export const PLACE_EXPORT_LIMIT = 50_000;

/** Where an entry about the caller's whole area belongs in the audit log: the deepest unit above all of it. */
function areaPath(caller: Caller): string | null {
  const paths = caller.assignments.flatMap((a) => (a.area ? [a.area.path] : [a.path]));
  if (paths.length === 0) return null;
  const parts = paths.map((p) => p.split('/').filter(Boolean));
  const common = parts[0].filter((id, i) => parts.every((q) => q[i] === id));
  return common.length ? `/${common.join('/')}/` : null;
}

/** The empty register to fill in, with the categories to choose from. */
export async function placeTemplate(): Promise<Buffer> {
  const lines = [
    '名称、类别、社区、网格、地址为必填；每行一个场所。',
    `类别可选：${Object.values(zhCN.places.categories).join('、')}。`,
    '同一营业执照号，或同一网格中名称和地址都相同的场所，只登记一次。',
    '列的顺序和叫法可以与本模板不同，上传后逐列确认；文件只有一个社区时可不填社区列，上传后选定。',
    '导入先检查每一行并列出问题，不写入任何数据；确认后只导入没有问题的行，有问题的行可下载后改正再导入。',
  ];
  return renderWorkbookInWorker({
    sheets: [
      {
        name: SHEET_NAME,
        columns: placeColumns.map((c) => ({
          header: c.header,
          key: c.key,
          width: Math.max(10, c.header.length * 2 + 6),
          type: 'text' as const,
          choices: c.key === 'category' ? Object.values(zhCN.places.categories) : undefined,
        })),
        rows: [],
        frozenHeader: true,
      },
      {
        name: '填写说明',
        columns: [{ header: '说明', key: 'text', width: 100 }],
        rows: lines.map((text) => ({ text })),
      },
    ],
  });
}

/**
 * The places a search finds, as an .xlsx register. The phone is a business contact: staff who
 * register places get it; other readers (viewers, departments) get the register without it.
 */
export async function exportPlaces(
  opts: Ctx & { query: PlaceQuery },
): Promise<{ file: Buffer; exported: number; total: number }> {
  const { db, caller } = opts;
  const { rows, total } = await placesForExport({ ...opts, cap: PLACE_EXPORT_LIMIT });
  const withPhone = hasRole(caller, PLACE_WRITERS);
  const names = await describeGrids(
    db,
    rows.map((r) => r.grid_id),
  );
  const m = zhCN.places;
  const columns = [
    { header: f.community, key: 'community', width: 16 },
    { header: f.grid, key: 'grid', width: 10 },
    { header: f.name, key: 'name', width: 24 },
    { header: f.category, key: 'category', width: 12 },
    { header: f.address, key: 'address', width: 30 },
    { header: f.licenceNo, key: 'licenceNo', width: 22 },
    { header: f.personInCharge, key: 'personInCharge', width: 10 },
    ...(withPhone ? [{ header: f.phone, key: 'phone', width: 14 }] : []),
    { header: f.lat, key: 'lat', width: 10 },
    { header: f.lng, key: 'lng', width: 10 },
    { header: f.status, key: 'status', width: 8 },
  ];
  const file = await tableWorkbook(
    SHEET_NAME,
    columns,
    rows.map((p) => ({
      community: names.get(p.grid_id)?.communityName ?? '',
      grid: names.get(p.grid_id)?.gridName ?? '',
      name: p.name,
      category: m.categories[p.category as keyof typeof m.categories] ?? p.category,
      address: p.address,
      licenceNo: p.licence_no ?? '',
      personInCharge: p.person_in_charge ?? '',
      phone: withPhone ? (p.phone ?? '') : '',
      lat: p.lat,
      lng: p.lng,
      status: m.statuses[p.status],
    })),
  );
  const { q, category, communityId, gridId, status } = opts.query;
  await recordAudit(db, {
    actor: actorOf(caller),
    action: 'place.export',
    entity: 'place',
    detail: JSON.stringify({ q, category, communityId, gridId, status, rows: rows.length, total }),
    orgPath: areaPath(caller),
  });
  return { file, exported: rows.length, total };
}
