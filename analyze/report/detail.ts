/**
 * What report.html's per-unit view and units.xlsx's measures and regulations sheets show of a unit beyond its row of
 * units.json: the tree of its notice, its measures and regulations, where its result file (and, when known, its
 * original file) is, and why it could not be identified when the notice names no unit.
 *
 * `compare` (analyze/compare.ts) gives one UnitDetail per unit of its UnitsDocument, in the same order, made from
 * the latest notice of each unit as it reads that notice for the unit's row (unitDetail).
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Measure, NoticeDocument, Regulation, Section, Span } from '../../output/schema.js';

/** A heading of the notice, its sections flattened in document order. */
export interface DetailSection {
  id: string;
  level: number;
  marker: string;
  title: string;
  span: Span;
}

/** A measure of the notice. */
interface DetailMeasure {
  id: string;
  /** Id of the innermost section holding it, null in the preamble or closing. */
  section: string | null;
  status: Measure['status'];
  text: string;
}

/** A 《》 title of the notice. */
interface DetailRegulation {
  title: string;
  action: Regulation['action'];
  rule: string;
  section: string | null;
  /** The mention as written (《…》 with the words the rule read). */
  text: string;
}

/** Everything the per-unit view and the measures/regulations sheets need of one unit. */
export interface UnitDetail {
  /** The result JSON the unit's row is read from (its path as compare read it). */
  result: string;
  /** The original notice, when compare was told where the inputs of the run are (--sources) and it is there. */
  source: string | null;
  sections: DetailSection[];
  measures: DetailMeasure[];
  regulations: DetailRegulation[];
  /** Why the notice's unit could not be identified (it names none); null when it names one. */
  unidentified: string | null;
}

/** The sections of a tree in document order. */
function flatten(sections: readonly Section[], out: DetailSection[] = []): DetailSection[] {
  for (const s of sections) {
    out.push({ id: s.id, level: s.level, marker: s.marker, title: s.title, span: s.span });
    flatten(s.children, out);
  }
  return out;
}

/** Why a notice that names no unit could not be identified: what was looked for, and what the document says of itself. */
function unidentifiedReason(doc: NoticeDocument): string | null {
  if (doc.meta.unit) return null;
  const parts = ['通报中没有找到被巡视、巡察或审计的单位名称（标题“…关于…整改进展情况的通报”或正文“…对…进行了巡视/巡察”中）'];
  if (!doc.meta.title) parts.push('也没有找到通报标题');
  if (doc.sections.length === 0) parts.push('没有编号的章节标题');
  const warnings = doc.diagnostics.filter((d) => d.severity !== 'info');
  if (warnings.length > 0) parts.push(`处理时的提示：${[...new Set(warnings.map((d) => `${d.code}（${d.message}）`))].join('；')}`);
  parts.push('因此按文件单列为一个单位');
  return `${parts.join('；')}。`;
}

/**
 * The detail of one processed notice: `doc`, read from `output` in the results folder `dir`, for the input `path`.
 * `sources`: the folder the run read its inputs from (`compare --sources`), where the original is found by its path.
 */
export function unitDetail(dir: string, path: string, output: string, doc: NoticeDocument, sources?: string): UnitDetail {
  const original = sources === undefined ? null : join(sources, path);
  return {
    result: join(dir, output),
    source: original !== null && existsSync(original) ? original : null,
    sections: flatten(doc.sections),
    measures: doc.measures.map((m) => ({ id: m.id, section: m.section, status: m.status, text: m.text })),
    regulations: doc.regulations.map((r) => ({ title: r.title, action: r.action, rule: r.rule, section: r.section, text: r.text })),
    unidentified: unidentifiedReason(doc),
  };
}
