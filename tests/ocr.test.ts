import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { flat } from './helpers.js';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../pipeline/load/text/decodeText.js';
import { DEFAULT_LIMITS, type LoadOptions } from '../pipeline/load/loaded.js';
import { loadPdf } from '../pipeline/load/pdf/loadPdf.js';
import { normalizeText } from '../text/charMap.js';

const repoRoot = path.resolve(fileURLToPath(import.meta.url), '../..');
const sharedDir = path.resolve(repoRoot, '../shared');
const seeds = path.join(sharedDir, 'seeds');
const hasShared = existsSync(path.join(seeds, 'seed-scan.pdf'));
if (!hasShared) console.warn(`[ocr] ${sharedDir} is absent: the seed-scan.pdf OCR test is skipped`);

/** Both text engines decide which pages are scans (PDFium: image page objects; pdf.js: image operators). */
const ENGINES = ['pdfium', 'pdfjs'] as const;

/** The comparison view: full-width folded to ASCII (OCR reads ，as ,), whitespace removed. */
function chars(text: string): string[] {
  return [...normalizeText(text).replace(/\s+/gu, '')];
}

/**
 * Character accuracy of an OCR reading against a reference of which it covers a PREFIX (a scan of the first
 * page): 1 − (edit distance to the best-matching reference prefix) / (that prefix's length).
 */
function prefixAccuracy(ocr: string, reference: string): { accuracy: number; distance: number; length: number } {
  const a = chars(ocr);
  const b = chars(reference);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = new Array<number>(b.length + 1);
    cur[0] = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  // The reference prefix the reading matches best: the smallest distance (reference characters past it are free).
  let best = 1;
  for (let j = 1; j <= b.length; j++) if (prev[j]! <= prev[best]!) best = j;
  return { accuracy: 1 - prev[best]! / best, distance: prev[best]!, length: best };
}

describe.each(ENGINES)('OCR of scanned PDFs (tesseract.js, chi_sim from node_modules; %s engine)', (engine) => {
  const OCR: LoadOptions = { limits: DEFAULT_LIMITS, ocr: true, pdfEngine: engine };

  it('the scanned fixture (page 1 of 012 at 150 dpi) is read with ≥ 98% of its characters and its headings as lines', async () => {
    const loaded = flat(await loadPdf(new Uint8Array(readFileSync(path.join(repoRoot, 'tests/fixtures/pdf/012-liuan-community-scan.pdf'))), OCR));
    const reference = decodeText(new Uint8Array(readFileSync(path.join(repoRoot, 'corpus/012-liuan-community.txt')))).text;
    const { accuracy, distance, length } = prefixAccuracy(loaded.text, reference);
    console.info(`[ocr] ${engine}: 012-liuan-community-scan.pdf: ${(accuracy * 100).toFixed(2)}% (${distance} edits over ${length} characters)`);
    expect(accuracy).toBeGreaterThanOrEqual(0.98);
    expect(loaded.diagnostics).toEqual([
      { severity: 'info', code: 'pdf/ocr', message: 'text read by OCR; check figures against the scan (page 1)', span: null },
    ]);
    const lines = loaded.text.split('\n').map((l) => normalizeText(l));
    expect(lines).toContain('一、整改工作开展情况');
    expect(lines).toContain('(一)认真研究部署');
    expect(loaded.pages).toBe(1);
    expect(loaded.pageStarts).toEqual([0]);
  });

  describe.skipIf(!hasShared)('seed-scan.pdf from ../shared/seeds', () => {
    it('is read with ≥ 98% of the characters of the matching part of seed.txt, paragraphs rebuilt', async () => {
      const t0 = performance.now();
      const loaded = flat(await loadPdf(new Uint8Array(readFileSync(path.join(seeds, 'seed-scan.pdf'))), OCR));
      const ms = performance.now() - t0;
      const reference = readFileSync(path.join(seeds, 'seed.txt'), 'utf8');
      const { accuracy, distance, length } = prefixAccuracy(loaded.text, reference);
      console.info(`[ocr] ${engine}: seed-scan.pdf: ${(accuracy * 100).toFixed(2)}% (${distance} edits over ${length} characters), ${ms.toFixed(0)} ms`);
      expect(accuracy).toBeGreaterThanOrEqual(0.98);
      expect(loaded.diagnostics.map((d) => d.code)).toEqual(['pdf/ocr']);
      const lines = loaded.text.split('\n');
      expect(lines[1]).toBe('一、区档案馆及馆长、党总支书记组织落实情况');
      expect(lines[2]).toBe('(一)深化思想认识,提高政治站位');
    });
  });
});
