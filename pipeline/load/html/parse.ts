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

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c || c === 0x0d;

/** A start or end tag's attributes and the index just past its closing '>' (the input's length when it has none). */
interface TagBody {
  attrs: Record<string, string>;
  end: number;
  /** The character before the closing '>' is '/' (`<br/>`). */
  selfClosing: boolean;
}

/**
 * Read a tag's attributes from `from` (just after the tag name) to its closing '>', one pass over the characters
 * (HTML5 §13.2.5.32–39, simplified): a quote opens a value only after '=', a quoted value runs to its closing quote
 * whatever it holds ('>' included), an unquoted value to whitespace or '>'. No regular expression runs over a value,
 * so a value of any length (a base64 `data:` image of many megabytes) costs linear time and no stack.
 * The first of repeated names wins, as in browsers.
 */
function readTagBody(html: string, from: number): TagBody {
  const attrs: Record<string, string> = {};
  const n = html.length;
  let i = from;
  const set = (name: string, value: string): void => {
    const key = name.toLowerCase();
    if (!(key in attrs)) attrs[key] = decodeHtmlEntities(value);
  };
  while (i < n) {
    const c = html.charCodeAt(i);
    if (c === 0x3e /* > */) return { attrs, end: i + 1, selfClosing: i > from && html.charCodeAt(i - 1) === 0x2f };
    // Whitespace, '/', stray quotes and '=' before a name separate attributes.
    if (isSpace(c) || c === 0x2f || c === 0x22 || c === 0x27 || c === 0x3d) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < n) {
      const d = html.charCodeAt(i);
      if (isSpace(d) || d === 0x2f || d === 0x3e || d === 0x3d || d === 0x22 || d === 0x27) break;
      i++;
    }
    const name = html.slice(nameStart, i);
    let k = i;
    while (k < n && isSpace(html.charCodeAt(k))) k++;
    if (html.charCodeAt(k) !== 0x3d /* = */) {
      set(name, '');
      continue;
    }
    k++;
    while (k < n && isSpace(html.charCodeAt(k))) k++;
    const q = html.charCodeAt(k);
    if (q === 0x22 || q === 0x27) {
      const close = html.indexOf(q === 0x22 ? '"' : "'", k + 1);
      const valueEnd = close === -1 ? n : close;
      set(name, html.slice(k + 1, valueEnd));
      i = close === -1 ? n : close + 1;
      continue;
    }
    let v = k;
    while (v < n) {
      const d = html.charCodeAt(v);
      if (isSpace(d) || d === 0x3e) break;
      v++;
    }
    set(name, html.slice(k, v));
    i = v;
  }
  return { attrs, end: n, selfClosing: false };
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
    const tag = nameMatch[0].toLowerCase();
    const body = readTagBody(html, lt + (isEnd ? 2 : 1) + nameMatch[0].length);
    i = body.end;
    if (isEnd) {
      if (tag === 'br') {
        top().children.push({ tag: 'br', attrs: {}, children: [], parent: top() });
        continue;
      }
      closeNearest([tag], tag === 'p' ? [...SCOPE_BOUNDARY] : ['html']);
      continue;
    }
    const attrs = body.attrs;
    if (CLOSES_P.has(tag)) closeNearest(['p'], [...SCOPE_BOUNDARY]);
    const implied = IMPLIED_END[tag];
    if (implied) closeNearest(implied.closes, implied.stopAt);
    const el: HtmlElement = { tag, attrs, children: [], parent: top() };
    top().children.push(el);
    if (VOID.has(tag) || body.selfClosing) continue;
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
