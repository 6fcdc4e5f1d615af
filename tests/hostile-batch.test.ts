/**
 * A batch of bad and hostile files beside good ones, through the CLI: each bad file gives exactly one failed
 * record with a clear code and message, the good ones are processed, nothing crashes, and peak memory stays
 * under 1.5 GB.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { IndexRecord } from '../output/schema.js';
import { ROOT } from './helpers.js';
import { zip } from './hostile-run-helpers.js';

const BIN = join(ROOT, 'bin', 'zhenggai.js');
const FORMATS = join(ROOT, 'corpus', 'formats');

/** A .docx whose document.xml inflates to `mb` megabytes of paragraphs. */
function bomb(mb: number, declared?: number): Buffer {
  const para = Buffer.from('<w:p><w:r><w:t>整改整改整改整改整改整改整改整改整改整改</w:t></w:r></w:p>', 'utf8');
  const body = Buffer.alloc(mb * 1024 * 1024, para);
  return zip([
    { name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>') },
    { name: 'word/document.xml', data: body, ...(declared !== undefined ? { declared } : {}) },
  ]);
}

describe('a batch of hostile files', () => {
  it('gives each bad file one failed record with a clear code, processes the good ones, stays under 1.5 GB', () => {
    const dir = mkdtempSync(join(tmpdir(), 'zhenggai-hostile-'));
    const inp = join(dir, 'in');
    mkdirSync(inp);
    const pdf = readFileSync(join(FORMATS, '016-shiling-agriculture.pdf'));
    const docx = readFileSync(join(FORMATS, '011-lanjiang-normal-audit.docx'));
    copyFileSync(join(FORMATS, '016-shiling-agriculture.pdf'), join(inp, 'good.pdf'));
    copyFileSync(join(FORMATS, '011-lanjiang-normal-audit.docx'), join(inp, 'good.docx'));
    copyFileSync(join(ROOT, 'corpus', '001-luchuan-natural-resources.txt'), join(inp, 'good.txt'));
    writeFileSync(join(inp, 'pdf-empty.pdf'), '');
    writeFileSync(join(inp, 'pdf-corrupt.pdf'), Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 20_000 }, (_, i) => (i * 7919) % 256)), Buffer.from('\n%%EOF\n')]));
    writeFileSync(join(inp, 'pdf-truncated.pdf'), pdf.subarray(0, Math.floor(pdf.length / 2)));
    copyFileSync(join(ROOT, 'tests', 'fixtures', 'pdf', 'encrypted.pdf'), join(inp, 'pdf-encrypted.pdf'));
    writeFileSync(join(inp, 'page-saved-as.pdf'), readFileSync(join(FORMATS, '012-liuan-community.html')));
    writeFileSync(join(inp, 'docx-empty.docx'), '');
    writeFileSync(join(inp, 'docx-truncated.docx'), docx.subarray(0, Math.floor(docx.length / 2)));
    writeFileSync(join(inp, 'docx-bomb-declared.docx'), bomb(200));
    writeFileSync(join(inp, 'docx-bomb-lying.docx'), bomb(200, 4096));
    writeFileSync(join(inp, 'binary.txt'), Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 7919) % 256)));

    const out = join(dir, 'out');
    const summary = join(dir, 'summary.json');
    const r = spawnSync(process.execPath, [BIN, 'run', inp, '--out', out, '--jobs', '2', '--summary-json', summary], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(1);
    const index = readFileSync(join(out, 'index.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => IndexRecord.parse(JSON.parse(l)));
    const got = Object.fromEntries(index.map((x) => [x.path, x.error?.code ?? x.status]));
    expect(got).toEqual({
      'binary.txt': 'input/binary',
      'docx-bomb-declared.docx': 'limit/zip-bomb',
      'docx-bomb-lying.docx': 'limit/zip-bomb',
      'docx-empty.docx': 'input/empty',
      'docx-truncated.docx': 'docx/corrupt',
      'good.docx': 'ok',
      'good.pdf': 'ok',
      'good.txt': 'ok',
      'page-saved-as.pdf': 'partial', // read as the web page it is, with a format/mismatch warning
      'pdf-corrupt.pdf': 'pdf/corrupt',
      'pdf-empty.pdf': 'input/empty',
      'pdf-encrypted.pdf': 'pdf/encrypted',
      'pdf-truncated.pdf': 'pdf/corrupt',
    });
    for (const x of index.filter((i) => i.status === 'failed')) {
      expect(x.error!.message.length, x.path).toBeGreaterThan(15);
      expect(r.stderr, x.path).toContain(`${x.path} error ${x.error!.code}`);
    }
    expect(r.stderr).not.toMatch(/internal\/|Error:|at .*\.js:\d+/u);
    const s = JSON.parse(readFileSync(summary, 'utf8')) as { failed: number; ok: number; peakRssMb: number };
    expect(s.ok).toBe(3);
    expect(s.failed).toBe(9);
    console.info(`[hostile-batch] peak RSS ${s.peakRssMb.toFixed(0)} MB`);
    expect(s.peakRssMb).toBeLessThan(1536);
  }, 120_000);
});
