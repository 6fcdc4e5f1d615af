/**
 * Regenerate the PDF fixtures under corpus/formats/ (and the bad-file ones under tests/fixtures/pdf/) from
 * the project's own corpus notices (never from ../shared). Each notice is written as a flat ODT (.fodt) laid
 * out like a printed notice and converted to PDF by LibreOffice. Also: a scan (one page rasterized at 150 dpi,
 * 8-bit gray, wrapped as an image-only PDF) and a tiny password-protected PDF. Needs `soffice` (Debian
 * libreoffice-writer-nogui), fonts-noto-cjk, poppler-utils (pdftoppm) and qpdf. Tests do NOT need this
 * script: they read the committed PDFs.
 *
 *   npx tsx tools/make-fixtures-pdf.ts
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeText } from '../pipeline/load/text/decodeText.js';

const ROOT = resolve(fileURLToPath(import.meta.url), '../..');

/** How one fixture is laid out. */
interface Variant {
  notice: string;
  /** Footer content: GB/T 9704 dashes, "第 N 页 共 M 页", a bare number, or none. */
  footer: 'dashes' | 'di-ye' | 'bare' | 'none';
  /** A running header line (the issuing unit), repeated on every page. */
  header: boolean;
  /** Put a space between Chinese and digits/Latin, as Word's PDF export does (`2023 年`). */
  cjkSpaces: boolean;
  /** First-line indent of 2 em (GB/T 9704) or flush-left paragraphs separated by space. */
  indent: boolean;
  fontSize: number;
}

/** The fixtures: at least one multi-page with `— N —` footers. */
const VARIANTS: Variant[] = [
  { notice: '016-shiling-agriculture', footer: 'dashes', header: false, cjkSpaces: false, indent: true, fontSize: 16 },
  { notice: '015-bichuan-minghu-street', footer: 'di-ye', header: true, cjkSpaces: true, indent: true, fontSize: 15 },
  { notice: '012-liuan-community', footer: 'bare', header: false, cjkSpaces: false, indent: false, fontSize: 14 },
];

const FONT = 'Noto Serif CJK SC';

function esc(s: string): string {
  return s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

/** Word-style spacing: a space between a Chinese character and an adjacent digit/Latin run. */
function cjkSpaced(s: string): string {
  return s.replace(/(?<=\p{Script=Han})(?=[A-Za-z0-9])|(?<=[A-Za-z0-9])(?=\p{Script=Han})/gu, ' ');
}

function footerXml(v: Variant): string {
  switch (v.footer) {
    case 'dashes':
      return '<text:p text:style-name="Footer">— <text:page-number text:select-page="current">1</text:page-number> —</text:p>';
    case 'di-ye':
      return '<text:p text:style-name="Footer">第 <text:page-number text:select-page="current">1</text:page-number> 页 共 <text:page-count>1</text:page-count> 页</text:p>';
    case 'bare':
      return '<text:p text:style-name="Footer"><text:page-number text:select-page="current">1</text:page-number></text:p>';
    case 'none':
      return '';
  }
}

/** A flat ODT document for one notice. */
function fodt(lines: string[], title: string | null, v: Variant): string {
  const size = `${v.fontSize}pt`;
  const signStart = lines.length >= 2 && /^\d{4}年\d{1,2}月\d{1,2}日$/u.test(lines[lines.length - 1]!) ? lines.length - 2 : lines.length;
  const unit = signStart < lines.length ? lines[signStart]! : '';
  const body = lines
    .map((line, i) => {
      const style = i === 0 && line === title ? 'Title' : i >= signStart ? 'Sign' : 'Body';
      const text = v.cjkSpaces && style === 'Body' ? cjkSpaced(line) : line;
      return `<text:p text:style-name="${style}">${esc(text)}</text:p>`;
    })
    .join('\n');
  const header = v.header ? `<style:header><text:p text:style-name="Header">${esc(unit)}</text:p></style:header>` : '';
  const footer = v.footer === 'none' ? '' : `<style:footer>${footerXml(v)}</style:footer>`;
  const fontProps = `style:font-name="${FONT}" style:font-name-asian="${FONT}" style:font-name-complex="${FONT}"`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="${FONT}" svg:font-family="'${FONT}'"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:text-properties ${fontProps} fo:font-size="${size}" style:font-size-asian="${size}" fo:language="zh" fo:country="CN" style:language-asian="zh" style:country-asian="CN"/></style:default-style>
<style:style style:name="Body" style:family="paragraph"><style:paragraph-properties fo:text-align="justify" fo:line-height="${Math.round(v.fontSize * 1.75)}pt" fo:text-indent="${v.indent ? 2 * v.fontSize : 0}pt" fo:margin-top="0pt" fo:margin-bottom="${v.indent ? 0 : Math.round(v.fontSize * 0.6)}pt"/></style:style>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:text-align="center" fo:margin-bottom="${v.fontSize}pt" fo:line-height="${Math.round(v.fontSize * 2)}pt"/><style:text-properties fo:font-size="${v.fontSize + 6}pt" style:font-size-asian="${v.fontSize + 6}pt" fo:font-weight="bold" style:font-weight-asian="bold"/></style:style>
<style:style style:name="Sign" style:family="paragraph"><style:paragraph-properties fo:text-align="end" fo:margin-right="${2 * v.fontSize}pt" fo:line-height="${Math.round(v.fontSize * 1.75)}pt"/></style:style>
<style:style style:name="Header" style:family="paragraph"><style:paragraph-properties fo:text-align="end"/><style:text-properties fo:font-size="10pt" style:font-size-asian="10pt"/></style:style>
<style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="14pt" style:font-size-asian="14pt"/></style:style>
</office:styles>
<office:automatic-styles><style:page-layout style:name="A4"><style:page-layout-properties fo:page-width="210mm" fo:page-height="297mm" fo:margin-top="25mm" fo:margin-bottom="20mm" fo:margin-left="28mm" fo:margin-right="26mm"/><style:header-style><style:header-footer-properties fo:min-height="0mm" fo:margin-bottom="6mm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0mm" fo:margin-top="8mm"/></style:footer-style></style:page-layout></office:automatic-styles>
<office:master-styles><style:master-page style:name="Standard" style:page-layout-name="A4">${header}${footer}</style:master-page></office:master-styles>
<office:body><office:text>
${body}
</office:text></office:body>
</office:document>
`;
}

/** Serialize numbered PDF objects (1..n, object 1 the catalog) with a correct cross-reference table. */
function pdfFromObjects(objects: Array<string | Buffer>): Buffer {
  const parts: Buffer[] = [Buffer.from('%PDF-1.4\n%\xE2\xE3\xCF\xD3\n', 'latin1')];
  let length = parts[0]!.length;
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(length);
    const chunk = Buffer.concat([Buffer.from(`${i + 1} 0 obj\n`, 'latin1'), typeof body === 'string' ? Buffer.from(body, 'latin1') : body, Buffer.from('\nendobj\n', 'latin1')]);
    parts.push(chunk);
    length += chunk.length;
  });
  const xref = [`xref\n0 ${objects.length + 1}\n`, '0000000000 65535 f \n', ...offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`)].join('');
  parts.push(Buffer.from(`${xref}trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${length}\n%%EOF\n`, 'latin1'));
  return Buffer.concat(parts);
}

/** A one-page image-only PDF (a "scan") from a binary PGM (P5, 8-bit gray) raster at `dpi`. */
function scanPdf(pgm: Buffer, dpi: number): Buffer {
  const header = /^P5\s+(?:#[^\n]*\n\s*)*(\d+)\s+(\d+)\s+(\d+)\s/u.exec(pgm.toString('latin1', 0, 200));
  if (!header) throw new Error('not a binary PGM');
  const [w, h] = [Number(header[1]), Number(header[2])];
  const pixels = deflateSync(pgm.subarray(header[0].length), { level: 9 });
  const [pw, ph] = [(w * 72) / dpi, (h * 72) / dpi];
  const content = `q ${pw.toFixed(2)} 0 0 ${ph.toFixed(2)} 0 0 cm /Im1 Do Q`;
  const image = Buffer.concat([
    Buffer.from(`<< /Type /XObject /Subtype /Image /Width ${w} /Height ${h} /ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode /Length ${pixels.length} >>\nstream\n`, 'latin1'),
    pixels,
    Buffer.from('\nendstream', 'latin1'),
  ]);
  return pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${pw.toFixed(2)} ${ph.toFixed(2)}] /Resources << /XObject << /Im1 4 0 R >> >> /Contents 5 0 R >>`,
    image,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ]);
}

/** A tiny one-page PDF with a line of Latin text (content for the encrypted fixture). */
function tinyPdf(line: string): Buffer {
  const content = `BT /F1 14 Tf 72 720 Td (${line}) Tj ET`;
  return pdfFromObjects([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ]);
}

/** Build every fixture into corpus/formats/. */
function main(): void {
  const outDir = join(ROOT, 'corpus', 'formats');
  // Files that must FAIL without options (a scan without --ocr, an encrypted PDF) stay out of corpus/, which
  // `zhenggai run corpus` processes as a batch of good notices.
  const badDir = join(ROOT, 'tests', 'fixtures', 'pdf');
  mkdirSync(badDir, { recursive: true });
  const work = mkdtempSync(join(tmpdir(), 'zg-pdf-'));
  try {
    for (const v of VARIANTS) {
      const { text } = decodeText(new Uint8Array(readFileSync(join(ROOT, 'corpus', `${v.notice}.txt`))));
      const gold = JSON.parse(readFileSync(join(ROOT, 'corpus', `${v.notice}.gold.json`), 'utf8')) as { meta?: { title?: string | null } };
      const lines = text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
      const src = join(work, `${v.notice}.fodt`);
      writeFileSync(src, fodt(lines, gold.meta?.title ?? null, v));
      execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${work}/profile`, '--convert-to', 'pdf', '--outdir', work, src], { stdio: 'inherit' });
      renameSync(join(work, `${basename(src, '.fodt')}.pdf`), join(outDir, `${v.notice}.pdf`));
      console.log(`corpus/formats/${v.notice}.pdf`);
    }
    // A scan of the first page of the 012 fixture: 150 dpi, 8-bit gray, no text layer.
    execFileSync('pdftoppm', ['-r', '150', '-gray', '-f', '1', '-l', '1', join(outDir, '012-liuan-community.pdf'), join(work, 'scan')]);
    const pgm = readFileSync(join(work, 'scan-1.pgm'));
    writeFileSync(join(badDir, '012-liuan-community-scan.pdf'), scanPdf(pgm, 150));
    console.log('tests/fixtures/pdf/012-liuan-community-scan.pdf');
    // A password-protected PDF (user password "zhenggai").
    writeFileSync(join(work, 'plain.pdf'), tinyPdf('encrypted fixture'));
    execFileSync('qpdf', ['--encrypt', 'zhenggai', 'owner-zhenggai', '256', '--', join(work, 'plain.pdf'), join(badDir, 'encrypted.pdf')]);
    console.log('tests/fixtures/pdf/encrypted.pdf');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

main();
