import { createRequire } from 'node:module';
import path from 'node:path';

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
  createPdf(doc: PdfDocument): { getBuffer(): Promise<Buffer> };
}

/** The subset of pdfmake's document definition that Linli uses; content nodes stay loosely typed. */
export interface PdfDocument {
  content: unknown[];
  info?: { title?: string; author?: string; subject?: string };
  pageSize?: 'A4';
  pageMargins?: [number, number, number, number];
  defaultStyle?: Record<string, unknown>;
  styles?: Record<string, Record<string, unknown>>;
  footer?: (page: number, pages: number) => unknown;
  header?: unknown;
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
  pdfmake = p;
  return p;
}

export async function renderPdf(doc: PdfDocument): Promise<Buffer> {
  return instance()
    .createPdf({
      pageSize: 'A4',
      pageMargins: [56, 56, 56, 64],
      ...doc,
      defaultStyle: { font: 'NotoSansSC', fontSize: 11, lineHeight: 1.35, ...doc.defaultStyle },
    })
    .getBuffer();
}
