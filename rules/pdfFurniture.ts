/**
 * PDF page furniture: page-number lines and running header/footer lines that a printed page carries and the
 * notice's text does not. A rule matches a WHOLE line after whitespace is removed and full-width forms are
 * folded (normalizeText), and is applied only to lines at a page's top or bottom edge (pipeline/load/
 * pdfFurniture.ts decides which lines those are). Repeated running headers/footers without a fixed pattern
 * are found by repetition, not by this table.
 */
import type { Rule, RuleTable, Hit } from './ruleTypes.js';
import { normalizeText } from '../text/charMap.js';

/** What a furniture rule yields: the kind of furniture and, for page numbers, the numbers it states. */
export interface FurnitureValue {
  kind: 'page-number' | 'running';
  page: number | null;
  total: number | null;
}

/** A furniture rule: `centeredOnly` rules fire only on a line centred on the page (a bare number). */
interface FurnitureRule extends Rule<FurnitureValue> {
  centeredOnly?: boolean;
}

const DASH = '[-—–―─‒⁃]';

function pageNumber(m: RegExpExecArray): FurnitureValue | null {
  const g = m.groups ?? {};
  const page = g['page'] === undefined ? null : Number(g['page']);
  const totalText = g['total'] ?? g['total0'];
  const total = totalText === undefined ? null : Number(totalText);
  if (page !== null && (page < 0 || page > 99999)) return null;
  if (page !== null && total !== null && page > total) return null;
  return { kind: 'page-number', page, total };
}

function running(): FurnitureValue {
  return { kind: 'running', page: null, total: null };
}

/** Page-number and running-line patterns, tried in order on an edge line's compact text. */
const PDF_FURNITURE_RULES: readonly FurnitureRule[] = [
  {
    id: 'furniture/pagenum-dashes',
    description: 'a page number between dashes, the GB/T 9704-2012 §7.5 style: — 3 —, - 3 -, –3–',
    pattern: new RegExp(`^${DASH}{1,3}(?<page>\\d{1,5})${DASH}{1,3}$`, 'u'),
    extract: pageNumber,
    examples: [
      { text: '— 3 —', value: { kind: 'page-number', page: 3 } },
      { text: '- 12 -', value: { page: 12 } },
      { text: '–7–', value: { page: 7 } },
    ],
    negatives: [{ text: '— 3 — 4', why: 'more than a page number' }],
  },
  {
    id: 'furniture/pagenum-di-ye',
    description: '第3页, 第 3 页 共 7 页, 第3页/共7页, 共7页 第3页',
    pattern: /^(?:共(?<total0>\d{1,5})页[,，/]?)?第(?<page>\d{1,5})页(?:[,，/]?共(?<total>\d{1,5})页)?$/u,
    extract: pageNumber,
    examples: [
      { text: '第3页', value: { page: 3, total: null } },
      { text: '第 3 页 共 7 页', value: { page: 3, total: 7 } },
      { text: '第3页/共7页', value: { page: 3, total: 7 } },
      { text: '共7页 第3页', value: { page: 3 } },
    ],
    negatives: [{ text: '第3页显示的问题已整改', why: 'a sentence mentioning a page' }],
  },
  {
    id: 'furniture/pagenum-fraction',
    description: 'page / pages: 3/7, 3 / 7',
    pattern: /^(?<page>\d{1,5})\/(?<total>\d{1,5})$/u,
    extract: pageNumber,
    examples: [
      { text: '3/7', value: { page: 3, total: 7 } },
      { text: '3 / 7', value: { page: 3, total: 7 } },
    ],
    negatives: [{ text: '8/7', why: 'a page number cannot exceed the page count' }],
  },
  {
    id: 'furniture/pagenum-page-of',
    description: 'Page 3, Page 3 of 7, p. 3',
    pattern: /^(?:page|p\.)(?<page>\d{1,5})(?:of(?<total>\d{1,5}))?$/iu,
    extract: pageNumber,
    examples: [
      { text: 'Page 3 of 7', value: { page: 3, total: 7 } },
      { text: 'page 2', value: { page: 2 } },
    ],
  },
  {
    id: 'furniture/pagenum-bare',
    description: 'a lone number centred at the top or bottom of the page',
    pattern: /^(?<page>\d{1,4})$/u,
    extract: pageNumber,
    centeredOnly: true,
    examples: [{ text: '3', value: { page: 3 } }],
    negatives: [{ text: '2024年', why: 'not a lone number' }],
  },
  {
    id: 'furniture/print-url',
    description: 'a browser print footer: the page URL, optionally followed by n/m',
    pattern: /^(?:https?:\/\/|www\.)\S+?(?:(?<page>\d{1,4})\/(?<total>\d{1,4}))?$/iu,
    extract: (m) => ({ ...(pageNumber(m) ?? running()), kind: 'running' }),
    examples: [{ text: 'http://www.example.gov.cn/art/2024/3/25/art_1.html 1/3', value: { kind: 'running' } }],
  },
  {
    id: 'furniture/print-datetime',
    description: 'a browser print header: date and time first (2024/3/25 10:15 …)',
    pattern: /^\d{4}\/\d{1,2}\/\d{1,2}(?:上午|下午)?\d{1,2}:\d{2}/u,
    extract: running,
    examples: [{ text: '2024/3/25 10:15 关于巡察整改进展情况的通报', value: { kind: 'running' } }],
    negatives: [{ text: '2024年3月25日', why: 'a signature date, not a print stamp' }],
  },
];

/** The compact form furniture rules are matched on: full-width folded, all whitespace removed. */
export function compactLine(line: string): string {
  return normalizeText(line).replace(/\s+/gu, '');
}

/** The first furniture rule matching a whole line (compact form), honouring `centeredOnly`; or null. */
export function matchFurniture(line: string, centered: boolean): { rule: string; value: FurnitureValue } | null {
  const compact = compactLine(line);
  if (compact === '') return null;
  for (const rule of PDF_FURNITURE_RULES) {
    if (rule.centeredOnly && !centered) continue;
    const m = rule.pattern.exec(compact);
    if (!m) continue;
    const value = rule.extract(m, undefined);
    if (value) return { rule: rule.id, value };
  }
  return null;
}

/** The table bundled for the shared rule-example test; `run` treats the text as one centred edge line. */
export const PDF_FURNITURE_TABLE: RuleTable<FurnitureValue> = {
  name: 'pdfFurniture',
  rules: PDF_FURNITURE_RULES,
  run(text: string): Hit<FurnitureValue>[] {
    const hit = matchFurniture(text, true);
    return hit ? [{ start: 0, end: text.length, rule: hit.rule, value: hit.value }] : [];
  },
};
