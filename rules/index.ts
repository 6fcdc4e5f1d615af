/**
 * Every rule table of the project, for the one test that runs all examples and for `rulesVersion`, a hash of
 * the tables' ids, patterns and lexicons: outputs made with other rules are recognisably
 * different. A new table is added to VERSIONED here.
 */
import { createHash } from 'node:crypto';
import { CLOSING_RULES } from './closing.js';
import { DATE_RULES } from './dates.js';
import { MARKER_RULES, NESTING_FAMILY } from './markers.js';
import { META_PATTERNS, TITLE_LINE } from './meta.js';
import { NUMBER_EXAMPLES, DIGITS, SMALL_UNITS, BIG_UNITS } from './numerals.js';

/** Data that determines the pipeline's output, in a stable order. */
const VERSIONED: unknown[] = [
  MARKER_RULES.map((r) => [r.id, r.pattern.source, r.pattern.flags]),
  NESTING_FAMILY,
  CLOSING_RULES.map((r) => [r.id, r.strength, r.pattern.source, r.pattern.flags]),
  DATE_RULES.map((r) => [r.id, r.pattern.source, r.pattern.flags]),
  Object.values(META_PATTERNS).map((p) => [p.id, p.pattern.source, p.pattern.flags]),
  TITLE_LINE.source,
  [DIGITS, SMALL_UNITS, BIG_UNITS, NUMBER_EXAMPLES.length],
];

/** Rules series: bumped by hand whenever extraction code (not only a table) changes what is produced. */
export const RULES_SERIES = '1';

/** The rules version written into every document: series + a hash of every table. */
export function rulesVersion(): string {
  const h = createHash('sha256').update(JSON.stringify(VERSIONED)).digest('hex').slice(0, 12);
  return `${RULES_SERIES}+${h}`;
}
