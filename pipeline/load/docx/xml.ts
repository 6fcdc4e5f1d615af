/**
 * A small dependency-free XML reader for the OOXML parts of a .docx (document.xml, numbering.xml, styles.xml):
 * an event scanner for the large body part and a tiny element tree for the small parts.
 *
 * Names are reduced to their local part (`w:p` → `p`): WordprocessingML producers may bind the namespace to any
 * prefix (and Strict OOXML uses another namespace URI), and the local names we look at are unambiguous once
 * drawings (DrawingML `a:p`, `a:t`) are skipped by the caller. Only the five predefined entities and numeric
 * character references are expanded; a DOCTYPE is skipped, so entity-expansion bombs cannot occur.
 */

/** Attributes by local name (`w:val` → `val`); an unprefixed or `w:`-prefixed attribute wins a name clash. */
export type XmlAttrs = Record<string, string>;

/** Callbacks of the event scanner. */
export interface XmlHandler {
  open(name: string, attrs: XmlAttrs, selfClosing: boolean): void;
  close(name: string): void;
  text(text: string): void;
}

const PREDEFINED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Expand the predefined XML entities and numeric character references. */
function decodeXmlEntities(s: string): string {
  if (s.indexOf('&') === -1) return s;
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/gu, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[ref] ?? whole;
  });
}

function localName(qname: string): string {
  const colon = qname.indexOf(':');
  return colon === -1 ? qname : qname.slice(colon + 1);
}

const isXmlSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/**
 * Parse the inside of a start tag (after the name) into attributes: `name = "value"` or `name = 'value'`, anything
 * else skipped. One pass over the characters with no regular expression over a value, so a value of any length
 * (a VML shape's base64 image data) costs linear time and no stack.
 */
function parseAttrs(src: string): XmlAttrs {
  const attrs: XmlAttrs = {};
  const n = src.length;
  let i = 0;
  while (i < n) {
    const c = src.charCodeAt(i);
    if (isXmlSpace(c) || c === 0x3d /* = */ || c === 0x2f /* / */ || c === 0x3e /* > */ || c === 0x22 || c === 0x27) {
      i++;
      continue;
    }
    const nameStart = i;
    while (i < n) {
      const d = src.charCodeAt(i);
      if (isXmlSpace(d) || d === 0x3d || d === 0x2f || d === 0x3e || d === 0x22 || d === 0x27) break;
      i++;
    }
    const qname = src.slice(nameStart, i);
    let k = i;
    while (k < n && isXmlSpace(src.charCodeAt(k))) k++;
    if (src.charCodeAt(k) !== 0x3d) continue;
    k++;
    while (k < n && isXmlSpace(src.charCodeAt(k))) k++;
    const q = src.charCodeAt(k);
    if (q !== 0x22 && q !== 0x27) {
      i = k;
      continue;
    }
    const close = src.indexOf(q === 0x22 ? '"' : "'", k + 1);
    if (close === -1) break;
    i = close + 1;
    const local = localName(qname);
    const value = decodeXmlEntities(src.slice(k + 1, close));
    const prefixed = qname.includes(':');
    if (!(local in attrs) || !prefixed || qname.startsWith('w:')) attrs[local] = value;
  }
  return attrs;
}

/** Thrown when the markup is not well-formed enough to read (an unterminated tag, comment or CDATA). */
export class XmlSyntaxError extends Error {}

/** Scan an XML string and report start tags, end tags and text (entities expanded) in document order. */
export function scanXml(xml: string, handler: XmlHandler): void {
  const n = xml.length;
  let i = 0;
  let depth = 0;
  while (i < n) {
    const lt = xml.indexOf('<', i);
    const textEnd = lt === -1 ? n : lt;
    if (textEnd > i) handler.text(decodeXmlEntities(xml.slice(i, textEnd)));
    if (lt === -1) break;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 0x3f /* ? */) {
      const end = xml.indexOf('?>', lt + 2);
      if (end === -1) throw new XmlSyntaxError('unterminated processing instruction');
      i = end + 2;
    } else if (c1 === 0x21 /* ! */) {
      if (xml.startsWith('<!--', lt)) {
        const end = xml.indexOf('-->', lt + 4);
        if (end === -1) throw new XmlSyntaxError('unterminated comment');
        i = end + 3;
      } else if (xml.startsWith('<![CDATA[', lt)) {
        const end = xml.indexOf(']]>', lt + 9);
        if (end === -1) throw new XmlSyntaxError('unterminated CDATA section');
        handler.text(xml.slice(lt + 9, end));
        i = end + 3;
      } else {
        // <!DOCTYPE …> possibly with an internal subset [ … ]: skipped, never expanded.
        let j = lt + 2;
        let depth = 0;
        while (j < n) {
          const c = xml[j];
          if (c === '[') depth++;
          else if (c === ']') depth--;
          else if (c === '>' && depth <= 0) break;
          j++;
        }
        if (j >= n) throw new XmlSyntaxError('unterminated declaration');
        i = j + 1;
      }
    } else {
      // A start or end tag; '>' may occur inside quoted attribute values.
      let j = lt + 1;
      let quote = '';
      while (j < n) {
        const c = xml[j];
        if (quote) {
          if (c === quote) quote = '';
        } else if (c === '"' || c === "'") quote = c;
        else if (c === '>') break;
        j++;
      }
      if (j >= n) throw new XmlSyntaxError('unterminated tag');
      const inner = xml.slice(lt + 1, j);
      i = j + 1;
      if (inner.startsWith('/')) {
        handler.close(localName(inner.slice(1).trim()));
        depth--;
      } else {
        const selfClosing = inner.endsWith('/');
        const body = selfClosing ? inner.slice(0, -1) : inner;
        const m = /^[^\s/>]+/u.exec(body);
        if (!m) throw new XmlSyntaxError('a tag without a name');
        const name = localName(m[0]);
        handler.open(name, parseAttrs(body.slice(m[0].length)), selfClosing);
        if (selfClosing) handler.close(name);
        else depth++;
      }
    }
  }
  if (depth > 0) throw new XmlSyntaxError('the part ends inside an open element (truncated)');
}

/** An element of the small tree built for numbering.xml and styles.xml (text content is not kept). */
export interface XmlElement {
  name: string;
  attrs: XmlAttrs;
  children: XmlElement[];
}

/** Parse a (small) XML part into an element tree of local names; text is dropped. */
export function parseXmlTree(xml: string): XmlElement {
  const root: XmlElement = { name: '#document', attrs: {}, children: [] };
  const stack: XmlElement[] = [root];
  scanXml(xml, {
    open(name, attrs) {
      const el: XmlElement = { name, attrs, children: [] };
      stack[stack.length - 1]?.children.push(el);
      stack.push(el);
    },
    close() {
      if (stack.length > 1) stack.pop();
    },
    text() {},
  });
  return root;
}

/** The first child element with this local name, or undefined. */
export function child(el: XmlElement | undefined, name: string): XmlElement | undefined {
  return el?.children.find((c) => c.name === name);
}

/** All child elements with this local name. */
export function childrenNamed(el: XmlElement | undefined, name: string): XmlElement[] {
  return el ? el.children.filter((c) => c.name === name) : [];
}

/** The `val` attribute of the named child (`<w:numFmt w:val="decimal"/>` → "decimal"), or undefined. */
export function childVal(el: XmlElement | undefined, name: string): string | undefined {
  return child(el, name)?.attrs['val'];
}

/** OOXML on/off properties (ST_OnOff): present without val, or val true/1/on, means on. */
export function isOn(val: string | undefined): boolean {
  return val === undefined || val === 'true' || val === '1' || val === 'on';
}

/** Decode an XML part's bytes: UTF-8 unless a UTF-16 byte-order mark says otherwise. */
export function decodeXmlBytes(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes.subarray(2));
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes.subarray(2));
  return new TextDecoder('utf-8').decode(bytes);
}
