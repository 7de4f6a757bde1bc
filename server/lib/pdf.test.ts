import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderPdf } from './pdf';

describe('PDF documents', () => {
  it('render Chinese text that a PDF reader gets back, with the font embedded', async () => {
    const pdf = await renderPdf({
      content: [
        { text: '个案档案：王鹏（化名）', bold: true },
        '服务记录：电话回访，确认透析时间。',
      ],
    });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.toString('latin1')).toContain('NotoSansSC');
    // pdftotext (poppler-utils, installed by .ci/run) reads the text as a person's reader would.
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'linli-pdf-')), 'a.pdf');
    fs.writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
    expect(text).toContain('个案档案：王鹏（化名）');
    expect(text).toContain('服务记录：电话回访，确认透析时间。');
  });
});
