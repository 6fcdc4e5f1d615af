/** Every rule table bundled with a runner, for tests/rules.test.ts, which runs every example of every table. */
import { CLOSING_RULES } from '../rules/closing.js';
import { COUNT_RULES } from '../rules/counts.js';
import { DATE_RULES } from '../rules/dates.js';
import { MARKER_RULES } from '../rules/markers.js';
import { ACTION_SENTENCE, ENUMERATOR_RULES, LEAD_SENTENCE, STATUS_RULES } from '../rules/measures.js';
import { META_PATTERNS, type MetaPattern } from '../rules/meta.js';
import { INDICATOR_RULES } from '../rules/indicators.js';
import { PDF_FURNITURE_TABLE } from '../rules/pdfFurniture.js';
import { REGULATION_ACTION_RULES } from '../rules/regulations.js';
import type { Hit, RuleTable } from '../rules/ruleTypes.js';
import { SLOGAN_RULES } from '../rules/slogans.js';
import { extractCounts } from './extract/extractCounts.js';
import { extractDates } from './extract/extractDates.js';
import { indicatorHits } from './extract/extractIndicators.js';
import { extractMeasures, statusOf } from './extract/extractMeasures.js';
import { extractRegulations } from './extract/extractRegulations.js';
import { runRules } from './extract/runRules.js';
import { normalizeText } from './normalize/charMap.js';
import { splitLines } from './structure/lines.js';
import { buildSections, matchMarker } from './structure/buildSections.js';

/** Markers: each line's marker (the match is the marker itself, without leading spaces). */
const markerTable: RuleTable = {
  name: 'markers',
  rules: MARKER_RULES,
  run(text) {
    const view = normalizeText(text);
    return splitLines(view).flatMap((line): Hit<unknown>[] => {
      const hit = matchMarker(view, line);
      if (!hit) return [];
      const { markerStart, markerEnd, ...fields } = hit.value;
      return [{ start: line.start + markerStart, end: line.start + markerEnd, rule: hit.rule, value: fields }];
    });
  },
};

/** Dates: the full extraction (ranges, deadlines, implied years). */
const dateTable: RuleTable = {
  name: 'dates',
  rules: DATE_RULES,
  run(text) {
    return extractDates(normalizeText(text), text).dates.map((d) => ({ start: d.span.start, end: d.span.end, rule: d.rule, value: d }));
  },
};

/** Closing lines: each line classified on its own. */
const closingTable: RuleTable = {
  name: 'closing',
  rules: CLOSING_RULES,
  run(text) {
    const view = normalizeText(text);
    return splitLines(view).flatMap((line): Hit<unknown>[] => {
      const s = view.slice(line.start, line.end);
      const r = CLOSING_RULES.find((x) => x.pattern.test(s));
      return r ? [{ start: line.start, end: line.end, rule: r.id, value: { strength: r.strength } }] : [];
    });
  },
};

const META: MetaPattern[] = Object.values(META_PATTERNS);

/** Metadata patterns: every pattern's first match, the match being the captured value. */
const metaTable: RuleTable = {
  name: 'meta',
  rules: META.map((p) => ({ id: p.id, examples: p.examples.map((e) => ({ text: e.text, match: e.value })), ...(p.negatives ? { negatives: p.negatives } : {}) })),
  run(text) {
    const view = normalizeText(text);
    return META.flatMap((p): Hit<unknown>[] => {
      const m = p.pattern.exec(view);
      const v = m?.groups?.[p.group];
      if (!m || v === undefined) return [];
      const start = m.index + m[0].indexOf(v);
      return [{ start, end: start + v.length, rule: p.id, value: { value: v } }];
    });
  },
};

/** Counts: the full extraction (dates blocked, slogans dropped, objects from POS tags). */
const countTable: RuleTable = {
  name: 'counts',
  rules: COUNT_RULES,
  run(text) {
    const view = normalizeText(text);
    const blocked = extractDates(view, text).dates.map((d) => d.span);
    return extractCounts(view, text, { blocked }).map((c) => ({ start: c.span.start, end: c.span.end, rule: c.rule, value: c }));
  },
};

/** Slogan shapes: every span the generic slogan rules find. */
const sloganTable: RuleTable = {
  name: 'slogans',
  rules: SLOGAN_RULES,
  run(text) {
    return runRules(SLOGAN_RULES, normalizeText(text), undefined);
  },
};

/** Measures: the text is a small notice; its sections are built, then measures extracted with their status. */
const measureTable: RuleTable = {
  name: 'measures',
  rules: [...ENUMERATOR_RULES, LEAD_SENTENCE, ACTION_SENTENCE],
  run(text) {
    const view = normalizeText(text);
    const { sections } = buildSections(view, null, text);
    return extractMeasures(view, text, sections).map((m) => ({ start: m.span.start, end: m.span.end, rule: m.rule, value: m }));
  },
};

/** Measure status: the text is one section title; the hit is where the deciding rule matched. */
const statusTable: RuleTable = {
  name: 'measure status',
  rules: STATUS_RULES,
  run(text) {
    const { rule } = statusOf([text]);
    const r = STATUS_RULES.find((x) => x.id === rule);
    const m = r?.pattern.exec(text);
    return r && m ? [{ start: m.index, end: m.index + m[0].length, rule: r.id, value: { status: statusOf([text]).status } }] : [];
  },
};

/** Regulations: every title with its action; the hit is the title inside 《》. */
const regulationTable: RuleTable = {
  name: 'regulations',
  rules: REGULATION_ACTION_RULES,
  run(text) {
    return extractRegulations(normalizeText(text), text).map((r) => ({ start: r.span.start, end: r.span.end, rule: r.rule, value: r }));
  },
};

/** Indicators: every count a rule maps to an indicator; the hit is the count, the value {indicator, value}. */
const indicatorTable: RuleTable = {
  name: 'indicators',
  rules: INDICATOR_RULES,
  run(text) {
    const view = normalizeText(text);
    const blocked = extractDates(view, text).dates.map((d) => d.span);
    const counts = extractCounts(view, text, { blocked }).map((c) => ({ ...c, section: null }));
    return indicatorHits(view, counts).map((h) => ({ start: h.count.span.start, end: h.count.span.end, rule: h.rule, value: { indicator: h.indicator, value: h.count.value } }));
  },
};

/** All tables. A new table is added here (and its data to rules/index.ts for rulesVersion). */
export const RULE_TABLES: readonly RuleTable[] = [
  markerTable,
  dateTable,
  closingTable,
  metaTable,
  PDF_FURNITURE_TABLE as RuleTable,
  countTable,
  sloganTable,
  measureTable,
  statusTable,
  regulationTable,
  indicatorTable,
];
