/**
 * Main-content extraction from a parsed web page: render blocks to lines (block elements and <br> break lines,
 * table rows become tab-separated lines), drop furniture elements, choose the block that holds the notice by
 * text density (descend while one child holds nearly all of the Chinese text that is not links or furniture
 * lines; then prefer a block with a usual content class/id such as #zoom or .TRS_Editor when it holds about the
 * same text), put the notice title back in front when it sits above that block, and recover a signature set
 * apart just below it.
 */
import {
  boilerplateRule,
  DROPPED_TAGS,
  isContentName,
  isFurnitureName,
  SECTIONING_KEEPS_HEADER,
  SIGNATURE_DATE,
  TITLE_NAMES,
  TITLE_WORDS,
} from '../../../rules/htmlBoilerplate.js';
import { descendants, findTag, type HtmlElement, textOf } from './parse.js';

/** A rendered line with its count of Han characters, and how many of them are link text. */
export interface HtmlLine {
  text: string;
  han: number;
  linkHan: number;
}

const BLOCK_TAGS = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'caption', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl',
  'dt', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr',
  'html', 'legend', 'li', 'main', 'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'thead', 'tfoot',
  'ul', 'td', 'th', 'title',
]);
const HEADING_TAGS = new Set(['h1', 'h2', 'h3']);

const HAN = /\p{Script=Han}/gu;
/** Count Han characters. */
export function hanCount(s: string): number {
  return s.match(HAN)?.length ?? 0;
}

const CJK_CHAR = /[\p{Script=Han}\u3000-\u303f\uff00-\uffef]/u;

/**
 * Collapse HTML whitespace in one line: a run containing a line break between two CJK characters disappears
 * (CSS Text 3 segment-break transformation: source line wraps inside Chinese text), other runs become one
 * space; &nbsp; becomes a space; zero-width characters go; the line is trimmed of spaces (not of U+3000).
 */
export function collapseWhitespace(raw: string): string {
  const s = raw.replace(/\u200b|\u200c|\u200d|\u2060|\ufeff/gu, '').replace(/[ \t\n\r\f]+/gu, (ws: string, off: number, all: string) => {
    if (/[\n\r]/u.test(ws) && CJK_CHAR.test(all.charAt(off - 1)) && CJK_CHAR.test(all.charAt(off + ws.length))) return '';
    return ' ';
  });
  return s.replace(/\u00a0/gu, ' ').replace(/^ +| +$/gu, '');
}

/** Accumulates inline text into lines. */
class LineBuilder {
  readonly lines: HtmlLine[] = [];
  private cur = '';
  private han = 0;
  private linkHan = 0;

  text(s: string, inLink: boolean, pre: boolean): void {
    if (pre && s.includes('\n')) {
      const parts = s.split('\n');
      parts.forEach((p, i) => {
        if (i > 0) this.block();
        this.text(p, inLink, false);
      });
      return;
    }
    this.cur += s;
    const h = hanCount(s);
    this.han += h;
    if (inLink) this.linkHan += h;
  }

  /** End the current line (a block boundary or <br>). */
  block(): void {
    const text = collapseWhitespace(this.cur);
    if (text !== '') this.lines.push({ text, han: this.han, linkHan: this.linkHan });
    this.cur = '';
    this.han = 0;
    this.linkHan = 0;
  }

  push(line: HtmlLine): void {
    this.block();
    this.lines.push(line);
  }
}

/** Which elements are furniture and left out of every rendering. */
export class DropSet {
  private readonly dropped = new Set<HtmlElement>();

  constructor(root: HtmlElement) {
    const totalHan = hanCount(textOfVisible(root));
    const visit = (el: HtmlElement, keepHeader: boolean): void => {
      for (const c of el.children) {
        if (typeof c === 'string') continue;
        if (this.isFurniture(c, keepHeader, totalHan)) {
          this.dropped.add(c);
          continue;
        }
        visit(c, keepHeader || SECTIONING_KEEPS_HEADER.has(c.tag));
      }
    };
    visit(root, false);
  }

  private isFurniture(el: HtmlElement, keepHeader: boolean, totalHan: number): boolean {
    if (DROPPED_TAGS.has(el.tag) || el.tag === 'title') return true;
    if ((el.tag === 'header' || el.tag === 'footer') && !keepHeader) return true;
    if ('hidden' in el.attrs) return true;
    const style = (el.attrs['style'] ?? '').toLowerCase().replace(/\s+/gu, '');
    if (style.includes('display:none') || style.includes('visibility:hidden')) return true;
    const names = [...(el.attrs['class'] ?? '').split(/\s+/u), el.attrs['id'] ?? ''].filter((n) => n !== '');
    if (names.some(isFurnitureName) && !names.some(isContentName)) {
      // A furniture-named block holding most of a page's substantial text is the page's text (a mis-named wrapper).
      const han = hanCount(textOfVisible(el));
      return han < totalHan * 0.5 || han < 200;
    }
    return false;
  }

  has(el: HtmlElement): boolean {
    return this.dropped.has(el);
  }
}

/** Text of an element without script/style bodies (for sizing before the drop set exists). */
function textOfVisible(el: HtmlElement): string {
  let out = '';
  for (const c of el.children) {
    if (typeof c === 'string') out += c;
    else if (c.tag !== 'script' && c.tag !== 'style' && c.tag !== 'head' && c.tag !== 'title') out += textOfVisible(c);
  }
  return out;
}

/** Render an element's content to lines, skipping dropped elements (pass null to skip only non-text elements). */
export function renderLines(el: HtmlElement, drop: DropSet | null): HtmlLine[] {
  const b = new LineBuilder();
  renderInto(el, b, drop, false, false);
  b.block();
  return b.lines;
}

const NON_TEXT = new Set(['head', 'script', 'style', 'noscript', 'template', 'iframe', 'svg', 'math', 'select', 'option', 'textarea', 'title']);

function renderInto(el: HtmlElement, b: LineBuilder, drop: DropSet | null, inLink: boolean, pre: boolean): void {
  for (const c of el.children) {
    if (typeof c === 'string') {
      b.text(c, inLink, pre);
      continue;
    }
    if (drop ? drop.has(c) : NON_TEXT.has(c.tag)) continue;
    switch (c.tag) {
      case 'br':
        b.block();
        break;
      case 'hr':
        b.block();
        break;
      case 'tr':
        renderRow(c, b, drop, inLink);
        break;
      case 'a':
        renderInto(c, b, drop, true, pre);
        break;
      case 'pre':
        b.block();
        renderInto(c, b, drop, inLink, true);
        b.block();
        break;
      default:
        if (BLOCK_TAGS.has(c.tag)) {
          b.block();
          renderInto(c, b, drop, inLink, pre);
          b.block();
        } else renderInto(c, b, drop, inLink, pre);
    }
  }
}

/**
 * A table row: one line of tab-separated cells; a row with a single non-empty cell (layout tables, which old
 * CMS pages wrap whole notices in) keeps that cell's lines.
 */
function renderRow(tr: HtmlElement, b: LineBuilder, drop: DropSet | null, inLink: boolean): void {
  const cells: HtmlLine[][] = [];
  for (const c of tr.children) {
    if (typeof c === 'string' || (drop ? drop.has(c) : NON_TEXT.has(c.tag))) continue;
    const cb = new LineBuilder();
    if (c.tag === 'td' || c.tag === 'th') renderInto(c, cb, drop, inLink, false);
    else renderInto({ tag: '#cell', attrs: {}, children: [c], parent: null }, cb, drop, inLink, false);
    cb.block();
    cells.push(cb.lines);
  }
  const filled = cells.filter((lines) => lines.length > 0);
  b.block();
  if (filled.length <= 1) {
    for (const line of filled[0] ?? []) b.push(line);
    return;
  }
  const texts = cells.map((lines) => lines.map((l) => l.text).join(' '));
  while (texts.length > 0 && texts[texts.length - 1] === '') texts.pop();
  b.push({
    text: texts.join('\t'),
    han: filled.reduce((n, lines) => n + lines.reduce((m, l) => m + l.han, 0), 0),
    linkHan: filled.reduce((n, lines) => n + lines.reduce((m, l) => m + l.linkHan, 0), 0),
  });
}

/** A line that counts as notice text: not furniture and not mostly link text. */
function isContentLine(line: HtmlLine): boolean {
  return boilerplateRule(line.text) === null && !(line.han > 0 && line.linkHan * 2 > line.han);
}

/** The result of choosing the notice's block. */
export interface MainContent {
  lines: string[];
  /** The element chosen (for tests and diagnostics). */
  block: HtmlElement;
  /** The title line put back in front, when it sat outside the block. */
  title: string | null;
}

function namesOf(el: HtmlElement): string[] {
  return [...(el.attrs['class'] ?? '').split(/\s+/u), el.attrs['id'] ?? ''].filter((n) => n !== '');
}

function isAncestor(a: HtmlElement, el: HtmlElement): boolean {
  for (let p = el.parent; p; p = p.parent) if (p === a) return true;
  return false;
}

/** Choose the notice's block and render it to its canonical lines (furniture lines removed). */
export function extractMainContent(root: HtmlElement, drop: DropSet): MainContent {
  const score = new Map<HtmlElement, number>();
  const contentHan = (el: HtmlElement): number => {
    let s = score.get(el);
    if (s === undefined) {
      s = renderLines(el, drop).filter(isContentLine).reduce((n, l) => n + l.han, 0);
      score.set(el, s);
    }
    return s;
  };

  // 1. Density descent from <body>: go into the child holding nearly all of the notice-like text.
  let block = findTag(root, 'body') ?? root;
  for (;;) {
    // A wrapper whose only content is one element holds the same text: step in without rendering (this keeps
    // deeply nested pages linear).
    const kids = block.children.filter((c) => (typeof c === 'string' ? c.trim() !== '' : !drop.has(c)));
    const only = kids[0];
    if (kids.length === 1 && typeof only !== 'string' && only !== undefined && only.tag !== 'tr') {
      block = only;
      continue;
    }
    const total = contentHan(block);
    let best: HtmlElement | null = null;
    let bestHan = 0;
    for (const c of block.children) {
      if (typeof c === 'string' || drop.has(c)) continue;
      const h = contentHan(c);
      if (h > bestHan) {
        best = c;
        bestHan = h;
      }
    }
    if (!best || bestHan === 0) break;
    const remainder = total - bestHan;
    if (remainder > Math.max(8, bestHan * 0.03)) break;
    block = best;
  }

  // 2. Prefer a usual content block (#zoom, .TRS_Editor, …) holding about the same text.
  const total = contentHan(block);
  if (total > 0) {
    let hinted: HtmlElement | null = null;
    for (let p: HtmlElement | null = block; p; p = p.parent) {
      if (drop.has(p)) break;
      if (namesOf(p).some(isContentName) && contentHan(p) <= total * 1.1) hinted = p;
    }
    if (!hinted) {
      for (const d of descendants(block)) {
        if (drop.has(d) || !namesOf(d).some(isContentName)) continue;
        if (contentHan(d) >= total * 0.9) {
          hinted = d;
          break;
        }
      }
    }
    if (hinted) block = hinted;
  }

  const lines = renderLines(block, drop)
    .filter((l) => boilerplateRule(l.text) === null)
    .map((l) => l.text);

  // 3. The notice title above the block (an <h1>-<h3> or a title-named block), when it is the notice's title.
  const pageTitle = collapseWhitespace(textOf(findTag(root, 'title') ?? { tag: '', attrs: {}, children: [], parent: null }));
  let title: string | null = null;
  for (const el of descendants(root)) {
    if (el === block) break;
    if (!HEADING_TAGS.has(el.tag) && !namesOf(el).some((n) => TITLE_NAMES.test(n))) continue;
    if (drop.has(el) || isAncestor(el, block) || hasDroppedAncestor(el, drop) || hasLinkAncestor(el)) continue;
    const text = renderLines(el, drop).map((l) => l.text).join('');
    const han = hanCount(text);
    if (han < 4 || text.length > 120 || boilerplateRule(text) !== null) continue;
    // The notice's title names its genre (…整改进展情况的通报) or opens the page's <title> (site names end it).
    if (TITLE_WORDS.test(text) || (han >= 8 && pageTitle.startsWith(text))) title = text;
  }
  if (title !== null && lines[0] !== title && !lines.slice(0, 3).includes(title)) lines.unshift(title);
  else title = null;

  // 4. A signature set apart just below the block (unit name and date, or the date alone).
  if (lines.length > 0 && !SIGNATURE_DATE.test(lines[lines.length - 1] ?? '')) {
    const after = followingLines(block, drop, 3);
    const dateAt = after.findIndex((l) => SIGNATURE_DATE.test(l));
    if (dateAt !== -1 && after.slice(0, dateAt + 1).every((l) => l.length <= 40 && boilerplateRule(l) === null)) {
      lines.push(...after.slice(0, dateAt + 1));
    }
  }
  return { lines, block, title };
}

function hasDroppedAncestor(el: HtmlElement, drop: DropSet): boolean {
  for (let p = el.parent; p; p = p.parent) if (drop.has(p)) return true;
  return false;
}

function hasLinkAncestor(el: HtmlElement): boolean {
  for (let p: HtmlElement | null = el; p; p = p.parent) if (p.tag === 'a') return true;
  return false;
}

/** The first rendered lines of the elements that follow `block` among its parent's children (up to `max`). */
function followingLines(block: HtmlElement, drop: DropSet, max: number): string[] {
  const parent = block.parent;
  if (!parent) return [];
  const out: string[] = [];
  let seen = false;
  for (const c of parent.children) {
    if (c === block) {
      seen = true;
      continue;
    }
    if (!seen || typeof c === 'string' || drop.has(c)) continue;
    for (const l of renderLines(c, drop)) {
      out.push(l.text);
      if (out.length >= max) return out;
    }
  }
  return out;
}
