/**
 * Walk word/document.xml (WordprocessingML body, ECMA-376 Part 1 §17) in one streaming pass and produce the
 * canonical lines: one paragraph per line with its automatic number rendered in front, table rows as one line
 * of tab-separated cells (a row with a single non-empty cell — a layout table — keeps its paragraphs as lines),
 * deleted revisions, field instructions, hidden runs and drawings/text boxes left out.
 */
import type { DocxNumbering, RenderedNumber } from './numbering.js';
import { isOn, scanXml, type XmlAttrs } from './xml.js';

/** Subtrees whose content is not body text. */
const SKIPPED = new Set([
  'del', // deleted revision
  'moveFrom', // moved-away revision
  'delText',
  'delInstrText',
  'instrText', // field instruction (the field result follows and is kept)
  'pPrChange', // previous paragraph properties of a revision (would carry stale numPr)
  'rPrChange',
  'sectPr',
  'sectPrChange',
  'tblPr',
  'tblPrChange',
  'trPrChange',
  'tcPrChange',
  'tblGrid',
  'numberingChange',
  'drawing', // DrawingML: pictures, shapes, text boxes
  'pict', // VML: pictures, shapes, text boxes
  'object', // embedded OLE objects
  'Fallback', // mc:Fallback duplicates mc:Choice
  'footnoteReference',
  'endnoteReference',
  'commentReference',
  'fldData',
]);

/** Roots of skipped subtrees whose text (text boxes) is reported as left out. */
const DRAWING_ROOTS = new Set(['drawing', 'pict', 'object']);

/** What the walk found besides the lines. */
export interface BodyResult {
  lines: string[];
  /** Numbered paragraphs whose number used a format we cannot write, by numFmt → paragraph count. */
  unrendered: Map<string, number>;
  /** Numbered paragraphs referring to an undefined list or level. */
  missingLists: number;
  /** Characters of text inside drawings/text boxes that were left out. */
  drawingChars: number;
}

interface Paragraph {
  styleId: string | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
  parts: string[];
}

interface Cell {
  lines: string[];
}
interface Row {
  cells: Cell[];
}

/** Walk the body XML, rendering numbering through `numbering`. Throws XmlSyntaxError on broken markup. */
export function walkDocxBody(xml: string, numbering: DocxNumbering): BodyResult {
  const result: BodyResult = { lines: [], unrendered: new Map(), missingLists: 0, drawingChars: 0 };
  const stack: string[] = [];
  let skipDepth = 0; // > 0 while inside a skipped subtree (= its stack depth)
  let skipRoot = '';
  let para: Paragraph | null = null;
  let runHidden = false;
  const rows: Row[] = []; // the open table rows, innermost last
  const cellOf = (): Cell | undefined => {
    const row = rows[rows.length - 1];
    return row?.cells[row.cells.length - 1];
  };
  const emit = (line: string): void => {
    const cell = cellOf();
    if (cell) cell.lines.push(line);
    else result.lines.push(line);
  };

  const parent = (): string | undefined => stack[stack.length - 2];

  scanXml(xml, {
    open(name, attrs: XmlAttrs) {
      stack.push(name);
      if (skipDepth > 0) return;
      if (SKIPPED.has(name)) {
        skipDepth = stack.length;
        skipRoot = name;
        return;
      }
      const up = parent();
      switch (name) {
        case 'p':
          para = { styleId: undefined, numId: undefined, ilvl: undefined, parts: [] };
          break;
        case 'pStyle':
          if (para && up === 'pPr' && stack[stack.length - 3] === 'p') para.styleId = attrs['val'];
          break;
        case 'numId':
          if (para && up === 'numPr') para.numId = attrs['val'];
          break;
        case 'ilvl':
          if (para && up === 'numPr') {
            const v = Number.parseInt(attrs['val'] ?? '', 10);
            para.ilvl = Number.isFinite(v) ? v : undefined;
          }
          break;
        case 'r':
          runHidden = false;
          break;
        case 'vanish':
        case 'specVanish':
          if (up === 'rPr' && stack[stack.length - 3] === 'r' && isOn(attrs['val'])) runHidden = true;
          break;
        case 'tab':
        case 'ptab':
          if (para && up === 'r' && !runHidden) para.parts.push('\t');
          break;
        case 'br':
        case 'cr':
          // A manual line break starts a new line; page and column breaks do not break the paragraph's text.
          if (para && up === 'r' && !runHidden && (attrs['type'] === undefined || attrs['type'] === 'textWrapping')) para.parts.push('\n');
          break;
        case 'noBreakHyphen':
          if (para && up === 'r' && !runHidden) para.parts.push('-');
          break;
        case 'sym': {
          const code = Number.parseInt(attrs['char'] ?? '', 16);
          // Symbol-font characters (F000–F0FF) have no Unicode meaning without the font; others are kept.
          if (para && up === 'r' && !runHidden && Number.isFinite(code) && !(code >= 0xe000 && code <= 0xf8ff)) {
            para.parts.push(String.fromCodePoint(code));
          }
          break;
        }
        case 'tr':
          rows.push({ cells: [] });
          break;
        case 'tc':
          rows[rows.length - 1]?.cells.push({ lines: [] });
          break;
        default:
          break;
      }
    },
    close(name) {
      if (skipDepth > 0) {
        if (stack.length === skipDepth) skipDepth = 0;
        stack.pop();
        return;
      }
      stack.pop();
      if (name === 'p' && para) {
        const p: Paragraph = para;
        para = null;
        const num: RenderedNumber = numbering.next({ styleId: p.styleId, numId: p.numId, ilvl: p.ilvl });
        let prefix = '';
        if (num.kind === 'ok') prefix = num.prefix;
        else if (num.kind === 'unrendered') {
          prefix = num.prefix;
          result.unrendered.set(num.numFmt, (result.unrendered.get(num.numFmt) ?? 0) + 1);
        } else if (num.kind === 'missing') result.missingLists++;
        for (const line of (prefix + p.parts.join('')).split('\n')) emit(line);
      } else if (name === 'tr') {
        const row = rows.pop();
        if (!row) return;
        const filled = row.cells.filter((c) => c.lines.some((l) => l.trim() !== ''));
        if (filled.length <= 1) {
          for (const line of filled[0]?.lines ?? []) if (line.trim() !== '') emit(line);
        } else {
          const cells = row.cells.map((c) => c.lines.map((l) => l.trim()).filter((l) => l !== '').join(' '));
          while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
          emit(cells.join('\t'));
        }
      }
    },
    text(text) {
      if (skipDepth > 0) {
        if (DRAWING_ROOTS.has(skipRoot) && stack[stack.length - 1] === 't') result.drawingChars += text.trim().length;
        return;
      }
      if (para && stack[stack.length - 1] === 't' && !runHidden) para.parts.push(text);
    },
  });
  return result;
}
