import { renderWorkbookInWorker } from './render-pool';
import type { SheetValue } from './workbook';
import type { PrintOptions } from './xlsx-print';

/**
 * A plain sheet of the given columns and rows, header bold and frozen, ready to print (dates as date
 * cells, IDs and phones as text, A4 landscape). The unit printed at the top of each page is the
 * rows' one community when they share it, unless given. Every register's export is one of these.
 */
export async function tableWorkbook(
  name: string,
  columns: { header: string; key: string; width: number }[],
  rows: Record<string, SheetValue>[],
  print: Pick<PrintOptions, 'unit' | 'locale'> = {},
): Promise<Buffer> {
  const communities = new Set(rows.map((r) => r.community));
  const unit =
    print.unit ?? (communities.size === 1 ? String([...communities][0] ?? '') : undefined);
  return renderWorkbookInWorker({
    sheets: [
      {
        name,
        columns,
        rows,
        frozenHeader: true,
        print: { title: name, unit: unit || undefined, locale: print.locale },
      },
    ],
  });
}
