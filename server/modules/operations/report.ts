import { interpolate, resources, type Locale } from '../../../common/i18n';
import { zhCN } from '../../../common/i18n/zh-CN';
import type { OperationDetail, OperationQuery } from '../../../common/schemas/operations';
import type { PdfDocument } from '../../lib/pdf';
import { renderPdfInWorker, renderWorkbookInWorker } from '../../lib/render-pool';
import { formatShanghai, nowIso } from '../../lib/time';
import { actorOf, recordAudit } from '../audit/service';
import { getOperation, listOperations, type Ctx } from './service';

/** The operations register (保障任务台账) as an .xlsx file: what the list shows, in the caller's scope. */
export async function exportOperations(
  opts: Ctx & { query: OperationQuery; locale: Locale },
): Promise<Buffer> {
  const { items } = await listOperations({
    ...opts,
    query: { ...opts.query, page: 1, pageSize: 10_000 },
  });
  const m = resources[opts.locale].operations;
  const f = m.fields;
  const columns = [
    { header: f.title, key: 'title', width: 36 },
    { header: f.ownerUnit, key: 'owner', width: 16 },
    { header: f.startDate, key: 'start', width: 12 },
    { header: f.endDate, key: 'end', width: 12 },
    { header: f.status, key: 'status', width: 9 },
    { header: f.batchCount, key: 'batches', width: 8 },
    { header: f.departedCount, key: 'departed', width: 10 },
    { header: f.headCount, key: 'heads', width: 8 },
    { header: f.description, key: 'description', width: 40 },
  ];
  const rows = items.map((o) => ({
    title: o.title,
    owner: o.ownerUnit.name,
    start: o.startDate,
    end: o.endDate,
    status: m.statuses[o.status],
    batches: o.batchCount,
    departed: o.departedCount,
    heads: o.headCount,
    description: o.description ?? '',
  }));
  await recordAudit(opts.db, {
    actor: actorOf(opts.caller),
    action: 'operation.export',
    entity: 'operation',
    detail: `${items.length}`,
  });
  return renderWorkbookInWorker({
    sheets: [
      {
        name: m.sheetName,
        columns,
        rows,
        frozenHeader: true,
        print: { title: m.sheetName, locale: opts.locale },
      },
    ],
  });
}

/** 2027-03-01 as an official document writes it: 2027年3月1日. */
function chineseDate(day: string): string {
  const [y, m, d] = day.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

const hours = (minutes: number) => Math.round((minutes / 60) * 100) / 100;
const time = (iso: string | null) => (iso ? formatShanghai(iso).slice(5) : '—');

/** The completion report's layout, in Chinese; pure, from the operation as the API shows it. */
export function reportDocument(op: OperationDetail): PdfDocument {
  const m = zhCN.operations;
  const f = m.fields;
  const r = m.report;
  const served = op.batches
    .filter((b) => b.status === 'served' || b.status === 'departed')
    .reduce((n, b) => n + b.headCount, 0);
  const table = (widths: (string | number)[], header: string[], rows: (string | number)[][]) => ({
    table: {
      headerRows: 1,
      widths,
      body: [
        header.map((h) => ({ text: h, bold: true, fillColor: '#f0f0f0' })),
        ...rows.map((row) => row.map((c) => String(c))),
      ],
    },
    fontSize: 9,
    margin: [0, 4, 0, 8],
  });
  const gapLines = op.roster.days
    .filter((d) => d.gaps.length > 0)
    .map(
      (d) =>
        `${d.day}\u3000${m.roster.unattended}：${d.gaps.map((g) => `${g.from}–${g.to}`).join('、')}`,
    );
  return {
    info: { title: `${r.heading} ${op.title}`, author: op.ownerUnit.name },
    content: [
      { text: op.ownerUnit.name, alignment: 'center', fontSize: 13 },
      { text: r.heading, style: 'title' },
      { text: op.title, alignment: 'center', fontSize: 14, bold: true, margin: [0, 0, 0, 12] },
      { text: r.overview, style: 'h2' },
      {
        text: [
          `${f.period}：${chineseDate(op.startDate)} 至 ${chineseDate(op.endDate)}\u3000`,
          `${f.status}：${m.statuses[op.status]}`,
        ].join(''),
      },
      ...(op.description ? [{ text: op.description, margin: [0, 2, 0, 0] }] : []),
      ...(op.completionNote
        ? [{ text: `${f.completionNote}：${op.completionNote}`, margin: [0, 2, 0, 0] }]
        : []),
      { text: r.batches, style: 'h2' },
      {
        text: interpolate(r.totals, {
          batches: op.batchCount,
          heads: op.headCount,
          departed: op.departedCount,
          served,
        }),
      },
      op.batches.length === 0
        ? { text: r.none }
        : table(
            ['auto', 'auto', '*', 'auto', 'auto', 'auto', 'auto', 'auto'],
            [
              f.trainNo,
              f.plannedAt,
              f.route,
              f.headCount,
              f.status,
              f.arrivedAt,
              f.servedAt,
              f.departedAt,
            ],
            op.batches.map((b) => [
              b.trainNo,
              time(b.plannedAt),
              `${b.from} → ${b.to}`,
              b.headCount,
              m.batchStatuses[b.status],
              time(b.arrivedAt),
              time(b.servedAt),
              time(b.departedAt),
            ]),
          ),
      { text: r.supplies, style: 'h2' },
      op.supplies.length === 0
        ? { text: r.none }
        : table(
            ['*', 'auto', 'auto', 'auto', 'auto'],
            [f.item, f.unit, f.prepared, f.issued, f.left],
            op.supplies.map((s) => [s.item, s.unit, s.prepared, s.issued, s.left]),
          ),
      { text: r.roster, style: 'h2' },
      {
        text: interpolate(r.rosterTotals, {
          shifts: op.shifts.length,
          hours: op.roster.staffHours,
          uncovered: hours(op.roster.uncoveredMinutes),
        }),
      },
      gapLines.length === 0
        ? { text: r.noGaps }
        : { ul: gapLines, color: '#a8071a', margin: [0, 2, 0, 6] },
      { text: r.log, style: 'h2' },
      op.log.length === 0
        ? { text: r.none }
        : table(
            ['auto', '*', 'auto'],
            [f.at, f.text, f.author],
            op.log.map((l) => [formatShanghai(l.at), l.text, l.authorName]),
          ),
      {
        text: interpolate(r.generatedAt, { at: formatShanghai(nowIso()) }),
        alignment: 'right',
        fontSize: 9,
        color: '#555555',
        margin: [0, 16, 0, 0],
      },
    ],
    styles: {
      title: { fontSize: 20, bold: true, alignment: 'center', margin: [0, 6, 0, 6] },
      h2: { fontSize: 13, bold: true, margin: [0, 12, 0, 4] },
    },
  };
}

/** The completion report (PDF) of an operation the caller may read. */
export async function operationReport(
  opts: Ctx & { id: string },
): Promise<{ pdf: Buffer; title: string }> {
  const op = await getOperation(opts);
  const pdf = await renderPdfInWorker(reportDocument(op));
  return { pdf, title: op.title };
}
