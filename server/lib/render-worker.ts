import { renderPdf, type PdfDocument } from './pdf';
import { renderWorkbook, type WorkbookDescription } from './workbook';

/** What the render pool asks of a worker: a file from its plain description. */
export type RenderTask =
  { kind: 'xlsx'; workbook: WorkbookDescription } | { kind: 'pdf'; document: PdfDocument };

/**
 * A worker of the render pool (lib/render-pool.ts), loaded by piscina: the same builders the main
 * thread would run, so the workbook's safety and print rules and the PDF's fonts stay in one place.
 * The bytes go back as a copy; a few megabytes cost the main thread less than a millisecond.
 */
export default function render(task: RenderTask): Promise<Buffer> {
  return task.kind === 'xlsx' ? renderWorkbook(task.workbook) : renderPdf(task.document);
}
