/**
 * Every rule table of the project, for the one test that runs all examples and for `rulesVersion`, a hash of
 * the tables' ids, patterns and lexicons: outputs made with other rules are recognisably
 * different. A new table is added to VERSIONED here.
 */
import { createHash } from 'node:crypto';
import { CLASSIFIERS } from './classifiers.js';
import { CLOSING_RULES } from './closing.js';
import { OBJECT_RULES } from './countObjects.js';
import { APPROX_WORDS, COUNT_RULES } from './counts.js';
import { DATE_RULES } from './dates.js';
import { DOMAIN_WORD_FREQUENCY, DOMAIN_WORDS } from './domainDict.js';
import { CLAUSE_BREAK, INDICATOR_CHOICE, INDICATOR_RULES, PLANNED, SENTENCE_BREAK, TOTAL_WORDS } from './indicators.js';
import { MARKER_RULES, NESTING_FAMILY } from './markers.js';
import { ACTION_SENTENCE, ENUMERATOR_RULES, LEAD_SENTENCE, STATUS_RULES } from './measures.js';
import { META_PATTERNS, TITLE_LINE } from './meta.js';
import { NUMBER_EXAMPLES, DIGITS, SMALL_UNITS, BIG_UNITS } from './numerals.js';
import { CONTENT_FOLLOWERS, MODIFIED_NOUN_TAGS, REGULATION_ACTION_RULES, TITLE_JOINERS } from './regulations.js';
import { SLOGAN_RULES, SLOGANS } from './slogans.js';

const patterns = (rules: ReadonlyArray<{ id: string; pattern: RegExp }>) => rules.map((r) => [r.id, r.pattern.source, r.pattern.flags]);
/** Sets as sorted arrays (JSON.stringify writes a Set as {}). */
const sets = (o: object): unknown =>
  JSON.parse(JSON.stringify(o, (_k, v: unknown) => (v instanceof Set ? [...(v as Set<unknown>)].sort() : v instanceof RegExp ? v.source : v)));

/** Data that determines the pipeline's output, in a stable order. */
const VERSIONED: unknown[] = [
  MARKER_RULES.map((r) => [r.id, r.pattern.source, r.pattern.flags]),
  NESTING_FAMILY,
  CLOSING_RULES.map((r) => [r.id, r.strength, r.pattern.source, r.pattern.flags]),
  DATE_RULES.map((r) => [r.id, r.pattern.source, r.pattern.flags]),
  Object.values(META_PATTERNS).map((p) => [p.id, p.pattern.source, p.pattern.flags]),
  TITLE_LINE.source,
  [DIGITS, SMALL_UNITS, BIG_UNITS, NUMBER_EXAMPLES.length],
  patterns(COUNT_RULES),
  APPROX_WORDS,
  CLASSIFIERS,
  sets(OBJECT_RULES),
  SLOGANS,
  patterns(SLOGAN_RULES),
  [DOMAIN_WORDS, DOMAIN_WORD_FREQUENCY],
  patterns(ENUMERATOR_RULES),
  sets({ LEAD_SENTENCE, ACTION_SENTENCE }),
  patterns(STATUS_RULES),
  patterns(REGULATION_ACTION_RULES),
  sets({ CONTENT_FOLLOWERS, MODIFIED_NOUN_TAGS, TITLE_JOINERS }),
  sets({ INDICATOR_RULES, INDICATOR_CHOICE, CLAUSE_BREAK, PLANNED, SENTENCE_BREAK, TOTAL_WORDS }),
];

/** Rules series: bumped by hand whenever extraction code (not only a table) changes what is produced. */
export const RULES_SERIES = '3';

/** The rules version written into every document: series + a hash of every table. */
export function rulesVersion(): string {
  const h = createHash('sha256').update(JSON.stringify(VERSIONED)).digest('hex').slice(0, 12);
  return `${RULES_SERIES}+${h}`;
}
