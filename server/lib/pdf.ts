import { createRequire } from 'node:module';
import path from 'node:path';
import { interpolate } from '../../common/i18n';

/**
 * Printable documents (case files, rectification notices, reports) in Chinese. pdfmake lays them
 * out and pdfkit embeds the subset of Noto Sans SC (OFL, shipped by an npm package) that the text
 * uses, so they render on a fresh machine without system fonts.
 */
const require = createRequire(import.meta.url);

interface PdfMake {
  setFonts(fonts: Record<string, Record<string, string>>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  addTableLayouts(layouts: Record<string, Record<string, unknown>>): void;
  createPdf(doc: Record<string, unknown>): { getBuffer(): Promise<Buffer> };
}

/**
 * The subset of pdfmake's document definition that Linli uses; content nodes stay loosely typed.
 * It is plain data (no functions), so it can be rendered in a worker (lib/render-pool.ts): a table
 * names its layout (one of pdfmake's or TABLE_LAYOUTS), and the footer is a content node whose
 * texts may hold {{page}} and {{pages}}, filled in on each page.
 */
export interface PdfDocument {
  content: unknown[];
  info?: { title?: string; author?: string; subject?: string };
  pageSize?: 'A4';
  pageMargins?: [number, number, number, number];
  defaultStyle?: Record<string, unknown>;
  styles?: Record<string, Record<string, unknown>>;
  footer?: unknown;
  header?: unknown;
}

/** Table layouts a document names by key; pdfmake's own (lightHorizontalLines …) remain. */
const TABLE_LAYOUTS = {
  /** Thin rules between rows, no column lines. */
  ruled: {
    hLineWidth: (i: number, node: { table: { body: unknown[] } }) =>
      i === 0 || i === node.table.body.length ? 0 : 0.5,
    vLineWidth: () => 0,
    hLineColor: () => '#cccccc',
    paddingTop: () => 3,
    paddingBottom: () => 3,
  },
};

/** A node with every text's {{page}} and {{pages}} filled in. */
function onPage(node: unknown, pages: { page: number; pages: number }): unknown {
  if (typeof node === 'string') return interpolate(node, pages);
  if (Array.isArray(node)) return node.map((n) => onPage(n, pages));
  if (node === null || typeof node !== 'object') return node;
  return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, onPage(v, pages)]));
}

const fontDir = path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'));
const regular = path.join(fontDir, '400Regular', 'NotoSansSC_400Regular.ttf');
const bold = path.join(fontDir, '700Bold', 'NotoSansSC_700Bold.ttf');

let pdfmake: PdfMake | undefined;
function instance(): PdfMake {
  if (pdfmake) return pdfmake;
  const p = require('pdfmake') as PdfMake;
  p.setFonts({ NotoSansSC: { normal: regular, bold, italics: regular, bolditalics: bold } });
  // Documents are built from our own data: no remote fetches, and only the font files from disk.
  p.setUrlAccessPolicy(() => false);
  p.setLocalAccessPolicy((file) => file === regular || file === bold);
  p.addTableLayouts(TABLE_LAYOUTS);
  pdfmake = p;
  return p;
}

/** Lays the document out in this thread; the server calls it through the render pool. */
export async function renderPdf(doc: PdfDocument): Promise<Buffer> {
  const { footer } = doc;
  return instance()
    .createPdf({
      pageSize: 'A4',
      pageMargins: [56, 56, 56, 64],
      ...doc,
      ...(footer === undefined
        ? {}
        : { footer: (page: number, pages: number) => onPage(footer, { page, pages }) }),
      defaultStyle: { font: 'NotoSansSC', fontSize: 11, lineHeight: 1.35, ...doc.defaultStyle },
    })
    .getBuffer();
}
