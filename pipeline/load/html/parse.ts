/**
 * A small dependency-free HTML tokenizer and tree builder, tolerant the way browsers are for the markup of
 * government and university web pages: void elements, raw-text elements (script, style, title, textarea),
 * comments and conditional comments, unquoted attributes, implied end tags for p / li / dt / dd / tr / td / th /
 * option, and stray end tags ignored. It is not a full HTML5 parser (no adoption agency, no foster parenting):
 * we only need the text, its block structure and the attributes that name a block.
 */
import { decodeHtmlEntities } from './entities.js';

/** An element of the parsed page; text children are decoded strings. */
export interface HtmlElement {
  tag: string;
  attrs: Record<string, string>;
  children: HtmlNode[];
  parent: HtmlElement | null;
}
/** A child of an element: an element or a text string. */
type HtmlNode = HtmlElement | string;

const VOID = new Set(['area', 'base', 'br', 'col', 'embed', 'hr', 'img', 'input', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'noscript', 'template', 'iframe', 'noembed', 'noframes']);

/** Deepest element nesting kept; deeper start tags become leaves so later recursion stays bounded. */
const MAX_DEPTH = 256;

/** Start tags that close an open <p> (HTML5 §13.2.6.4.7 "in body"). */
const CLOSES_P = new Set([
  'address', 'article', 'aside', 'blockquote', 'center', 'details', 'dialog', 'dir', 'div', 'dl', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'main', 'menu', 'nav', 'ol',
  'p', 'pre', 'section', 'summary', 'table', 'ul', 'li', 'dd', 'dt',
]);
/** Elements an implied end tag does not reach through. */
const SCOPE_BOUNDARY = new Set(['html', 'body', 'table', 'td', 'th', 'caption', 'div', 'article', 'section', 'main', 'form', 'blockquote', 'ul', 'ol', 'dl']);

/** For a start tag, which open elements it implicitly closes and where that search stops. */
const IMPLIED_END: Readonly<Record<string, { closes: readonly string[]; stopAt: readonly string[] }>> = {
  li: { closes: ['li'], stopAt: ['ul', 'ol', 'menu', 'table', 'body'] },
  dt: { closes: ['dt', 'dd'], stopAt: ['dl', 'table', 'body'] },
  dd: { closes: ['dt', 'dd'], stopAt: ['dl', 'table', 'body'] },
  tr: { closes: ['tr', 'td', 'th'], stopAt: ['table', 'tbody', 'thead', 'tfoot'] },
  td: { closes: ['td', 'th'], stopAt: ['tr', 'table'] },
  th: { closes: ['td', 'th'], stopAt: ['tr', 'table'] },
  tbody: { closes: ['tbody', 'thead', 'tfoot', 'tr', 'td', 'th'], stopAt: ['table'] },
  thead: { closes: ['tbody', 'thead', 'tfoot', 'tr', 'td', 'th'], stopAt: ['table'] },
  tfoot: { closes: ['tbody', 'thead', 'tfoot', 'tr', 'td', 'th'], stopAt: ['table'] },
  option: { closes: ['option'], stopAt: ['select', 'body'] },
};

function parseAttrs(src: string): Record<string, string> {
  const attrs: Record<string, string> = {};
  const re = /([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/gu;
  let m: RegExpExecArray | null;
  while ((m = re.exec(src)) !== null) {
    const name = (m[1] ?? '').toLowerCase();
    if (!(name in attrs)) attrs[name] = decodeHtmlEntities(m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

/** Parse an HTML page into a tree under a synthetic `#root` element. */
export function parseHtml(html: string): HtmlElement {
  const root: HtmlElement = { tag: '#root', attrs: {}, children: [], parent: null };
  const stack: HtmlElement[] = [root];
  const top = (): HtmlElement => stack[stack.length - 1] ?? root;
  const appendText = (t: string): void => {
    if (t === '') return;
    const el = top();
    const last = el.children[el.children.length - 1];
    if (typeof last === 'string') el.children[el.children.length - 1] = last + t;
    else el.children.push(t);
  };
  /** Pop up to and including the nearest open element in `names`, not crossing `stopAt`; false if none. */
  const closeNearest = (names: readonly string[], stopAt: readonly string[]): boolean => {
    for (let i = stack.length - 1; i > 0; i--) {
      const tag = stack[i]?.tag ?? '';
      if (names.includes(tag)) {
        stack.length = i;
        return true;
      }
      if (stopAt.includes(tag)) return false;
    }
    return false;
  };

  const n = html.length;
  let i = 0;
  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt === -1) {
      appendText(decodeHtmlEntities(html.slice(i)));
      break;
    }
    if (lt > i) appendText(decodeHtmlEntities(html.slice(i, lt)));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end === -1 ? n : end + 3;
      continue;
    }
    const next = html.charAt(lt + 1);
    if (next === '!' || next === '?') {
      const end = html.indexOf('>', lt + 2);
      i = end === -1 ? n : end + 1;
      continue;
    }
    const isEnd = next === '/';
    const nameMatch = /^[a-zA-Z][a-zA-Z0-9:-]*/u.exec(html.slice(lt + (isEnd ? 2 : 1), lt + (isEnd ? 2 : 1) + 64));
    if (!nameMatch) {
      appendText('<');
      i = lt + 1;
      continue;
    }
    // Find the end of the tag, honouring quoted attribute values.
    let j = lt + 1;
    let quote = '';
    while (j < n) {
      const c = html[j];
      if (quote) {
        if (c === quote) quote = '';
      } else if (c === '"' || c === "'") {
        // A quote only opens a value right after '='.
        if (/=\s*$/u.test(html.slice(Math.max(lt, j - 8), j))) quote = c;
      } else if (c === '>') break;
      j++;
    }
    const tag = nameMatch[0].toLowerCase();
    const inner = html.slice(lt + 1, Math.min(j, n));
    i = j + 1;
    if (isEnd) {
      if (tag === 'br') {
        top().children.push({ tag: 'br', attrs: {}, children: [], parent: top() });
        continue;
      }
      closeNearest([tag], tag === 'p' ? [...SCOPE_BOUNDARY] : ['html']);
      continue;
    }
    const attrs = parseAttrs(inner.slice(nameMatch[0].length));
    if (CLOSES_P.has(tag)) closeNearest(['p'], [...SCOPE_BOUNDARY]);
    const implied = IMPLIED_END[tag];
    if (implied) closeNearest(implied.closes, implied.stopAt);
    const el: HtmlElement = { tag, attrs, children: [], parent: top() };
    top().children.push(el);
    if (VOID.has(tag) || inner.endsWith('/')) continue;
    if (RAW_TEXT.has(tag)) {
      const closeRe = new RegExp(`</${tag}`, 'giu');
      closeRe.lastIndex = i;
      const close = closeRe.exec(html)?.index ?? -1;
      const end = close === -1 ? n : close;
      const raw = html.slice(i, end);
      if (raw !== '') el.children.push(tag === 'title' || tag === 'textarea' ? decodeHtmlEntities(raw) : raw);
      const gt = close === -1 ? -1 : html.indexOf('>', close);
      i = gt === -1 ? n : gt + 1;
      continue;
    }
    // Nesting deeper than MAX_DEPTH (broken or hostile markup) is flattened, keeping recursion bounded.
    if (stack.length < MAX_DEPTH) stack.push(el);
  }
  return root;
}

/** Every element below `el` in document order (depth-first, pre-order). */
export function* descendants(el: HtmlElement): Generator<HtmlElement> {
  // An explicit stack: nested generators would cost O(depth) per element on deep pages.
  const stack: HtmlNode[] = [...el.children].reverse();
  while (stack.length > 0) {
    const c = stack.pop();
    if (c === undefined || typeof c === 'string') continue;
    yield c;
    for (let i = c.children.length - 1; i >= 0; i--) {
      const k = c.children[i];
      if (k !== undefined) stack.push(k);
    }
  }
}

/** The first descendant with this tag, or undefined. */
export function findTag(el: HtmlElement, tag: string): HtmlElement | undefined {
  for (const d of descendants(el)) if (d.tag === tag) return d;
  return undefined;
}

/** The concatenated raw text of an element (no block handling). */
export function textOf(el: HtmlElement): string {
  let out = '';
  for (const c of el.children) out += typeof c === 'string' ? c : textOf(c);
  return out;
}
