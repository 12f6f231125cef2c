import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PdfWriter } from './pdf-writer';

describe('the PDF writer', () => {
  it('writes names outside the standard fonts without their accent, the way the rest of the app folds them', async () => {
    const pdf = await PdfWriter.create({ title: 'Namen' });
    pdf.section('');
    // Yılmaz (dotless i), Łukasz, Đorđe and Wiśniewski need letters the standard fonts lack;
    // ë, ß, ø and Ç are in them and stay as they are.
    pdf.text('Hendrika Yılmaz · Łukasz Wiśniewski · Đorđe · Zoë Straße Søren Çelik');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pdf-writer-'));
    const file = path.join(dir, 'namen.pdf');
    fs.writeFileSync(file, await pdf.save());
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    expect(text).toContain('Hendrika Yilmaz · Lukasz Wisniewski · Dorde · Zoë Straße Søren Çelik');
    expect(text).not.toContain('?');
  });
});
