/**
 * Loader for web pages (.html / .htm / .shtml): charset from the BOM, <meta charset> / http-equiv or the XML
 * declaration, else detection (decodeText); a small dependency-free parser (htmlParse.ts); only the notice's
 * main content (htmlContent.ts, rules/htmlBoilerplate.ts); the page's own publication date (meta PubDate or a
 * 发布时间 line) returned as Loaded.pageDate.
 */
import { diagnostic } from '../../../output/diagnosticCodes.js';
import type { Diagnostic } from '../../../output/schema.js';
import { META_DATE_VALUE, PAGE_DATE_LINES, PAGE_DATE_META, boilerplateRule } from '../../../rules/htmlBoilerplate.js';
import { decodeText } from '../text/decodeText.js';
import { DropSet, extractMainContent, hanCount, renderLines } from './content.js';
import { descendants, type HtmlElement, parseHtml } from './parse.js';
import { type Loaded, type LoadOptions } from '../loaded.js';
import type { Result } from '../../result.js';
import { isoDateOf } from '../../../text/isoDate.js';
import { FileError } from '../../fileError.js';

/** The charset a page declares in its first 4 KB (<meta charset>, http-equiv Content-Type, <?xml encoding>). */
export function declaredCharset(bytes: Uint8Array): string | null {
  let head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.length, 4096)).toString('latin1');
  if (head.includes('\0')) head = head.replace(/\0/gu, ''); // UTF-16 pages: the BOM decides, this is a fallback
  const meta = /<meta\b[^>]*?\bcharset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/iu.exec(head);
  if (meta?.[1]) return meta[1].toLowerCase();
  const xml = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([A-Za-z0-9_.:-]+)["']/iu.exec(head);
  return xml?.[1]?.toLowerCase() ?? null;
}

/** The page's publication date: a date meta tag first, else the first dated furniture line (发布时间：…). */
export function findPageDate(root: HtmlElement): string | null {
  for (const el of descendants(root)) {
    if (el.tag !== 'meta') continue;
    const name = (el.attrs['name'] ?? el.attrs['property'] ?? el.attrs['itemprop'] ?? el.attrs['http-equiv'] ?? '').toLowerCase();
    if (!PAGE_DATE_META.includes(name)) continue;
    const m = META_DATE_VALUE.exec(el.attrs['content'] ?? '');
    const iso = m ? isoDateOf(m.groups?.['y'], m.groups?.['m'], m.groups?.['d']) : null;
    if (iso) return iso;
  }
  for (const line of renderLines(root, null)) {
    if (boilerplateRule(line.text) === null) continue;
    for (const rule of PAGE_DATE_LINES) {
      const m = rule.pattern.exec(line.text);
      const iso = m ? isoDateOf(m.groups?.['y'], m.groups?.['m'], m.groups?.['d']) : null;
      if (iso) return iso;
    }
  }
  return null;
}

/** Load a web page: the notice's main content as canonical lines, the encoding and the page's date. */
export async function loadHtml(bytes: Uint8Array, options: LoadOptions): Promise<Result<Loaded>> {
  if (bytes.length === 0) throw new FileError('input/empty', 'the file is empty (0 bytes)');
  const { text: html, encoding, diagnostics: decoding } = decodeText(bytes, declaredCharset(bytes));
  const root = parseHtml(html);
  options.signal?.throwIfAborted();
  const drop = new DropSet(root);
  const main = extractMainContent(root, drop);
  const text = main.lines.join('\n');
  if (text.trim() === '') throw new FileError('input/empty', 'the web page has no text outside navigation and page furniture');
  const diagnostics: Diagnostic[] = [...decoding];
  const han = hanCount(text);
  if (han < 100) {
    diagnostics.push(diagnostic('html/little-text', `the web page's main content holds only ${han} Chinese characters; the notice may be in an attachment or loaded by script`));
  }
  return { value: { format: 'html', text, encoding, pages: null, pageStarts: null, pageDate: findPageDate(root) }, diagnostics };
}
