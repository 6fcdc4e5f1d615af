/**
 * The one registry of rule tables. Every table that shapes a document — the loaders' (PDF furniture, web-page
 * furniture, Word numbering), the text layer's numerals, the segmenter's domain words and the extractors' — is listed
 * here once. tests/rules.test.ts runs every example of every table through it, and `rulesVersion` hashes every
 * table's rules and lexicons: a document made with other rules is recognisably different, and `run --resume`
 * recomputes it.
 */
import { createHash } from 'node:crypto';
import { DOMAIN_WORD_FREQUENCY, DOMAIN_WORDS } from '../rules/domainDict.js';
import { HTML_CONTENT_NAMES_TABLE, HTML_FURNITURE_NAMES_TABLE, HTML_LINES_TABLE, HTML_PAGE_DATE_TABLE } from '../rules/htmlBoilerplate.js';
import { NUMBERING_TABLE } from '../rules/numberingFormats.js';
import { PDF_FURNITURE_TABLE } from '../rules/pdfFurniture.js';
import type { Hit, RuleTable } from '../rules/ruleTypes.js';
import { normalizeText } from '../text/charMap.js';
import { BIG_UNITS, DIGITS, NUMBER_EXAMPLES, POINTS, SMALL_UNITS } from '../text/numerals.js';
import { TRAD_FOLD, TRAD_FOLD_LEFT_OUT } from '../text/tradFold.generated.js';
import { parseChineseNumber } from '../text/parseChineseNumber.js';
import type { PipelineContext } from './context.js';
import { COUNTS_TABLE, SLOGANS_TABLE } from './extract/extractCounts.js';
import { GENRE_TABLE } from './extract/checkGenre.js';
import { DATES_TABLE, NOTICE_DATE_TABLE } from './extract/extractDates.js';
import { INDICATOR_SCOPE_TABLE, INDICATORS_TABLE } from './extract/extractIndicators.js';
import { MEASURE_LEADS_TABLE, MEASURES_TABLE, NOT_MEASURE_TABLE, STATUS_CUES_TABLE, STATUS_LABELS_TABLE, STATUS_TABLE } from './extract/extractMeasures.js';
import { META_TABLE } from './extract/extractMeta.js';
import { REGULATIONS_TABLE } from './extract/extractRegulations.js';
import { MARKERS_TABLE } from './structure/buildSections.js';
import { CLOSING_TABLE } from './structure/findClosing.js';

/** Chinese numerals (text/numerals.ts): the text is a written number, the hit its value. */
const NUMBERS_TABLE: RuleTable<{ value: number | null }> = {
  name: 'numbers',
  rules: [
    {
      id: 'number/written',
      examples: NUMBER_EXAMPLES.filter(([, v]) => v !== null).map(([text, value]) => ({ text, value: { value } })),
      negatives: NUMBER_EXAMPLES.filter(([, v]) => v === null && v !== undefined).map(([text]) => ({ text, why: 'not a number' })),
    },
  ],
  lexicons: { DIGITS, SMALL_UNITS, BIG_UNITS, POINTS },
  run(text) {
    const value = parseChineseNumber(text);
    return value === null ? [] : [{ start: 0, end: text.length, rule: 'number/written', value: { value } }];
  },
};

/** The characters the traditional fold changes. */
const TRAD_FOLD_SOURCES: ReadonlySet<string> = new Set([...TRAD_FOLD].filter((_, i) => i % 2 === 0));

/** The traditional → simplified fold of the rule view (text/tradFold.generated.ts, generated from OpenCC's
 *  TSCharacters by tools/makeTradFold.ts): each run of folded characters is a hit whose value is its view. */
const TRADITIONAL_TABLE: RuleTable<{ view: string }> = {
  name: 'traditional script',
  rules: [
    {
      id: 'fold/traditional',
      examples: [
        { text: '縣委第二巡察組', match: '縣', value: { view: '县' } },
        { text: '縣委第二巡察組', match: '組', value: { view: '组' } },
        { text: '機關黨組', match: '機關黨組', value: { view: '机关党组' } },
        { text: '反饋問題', match: '饋問題', value: { view: '馈问题' } },
        { text: '挽回損失86萬元', match: '損', value: { view: '损' } },
        { text: '挽回損失86萬元', match: '萬', value: { view: '万' } },
        { text: '關於整改進展情況的通報', match: '關於', value: { view: '关于' } },
        { text: '聯繫電話：0871-5550123', match: '聯繫電話', value: { view: '联系电话' } },
      ],
      negatives: [
        { text: '巡察组反馈问题整改进展情况的通报', why: 'simplified text is left as it is' },
        ...[...TRAD_FOLD_LEFT_OUT].map((c) => ({ text: `${c}坤`, match: c, why: `${c} is a common simplified character too (GB 2312 first level)` })),
      ],
    },
  ],
  lexicons: { TRAD_FOLD },
  run(text) {
    const view = normalizeText(text);
    const folded = (i: number) => i < text.length && TRAD_FOLD_SOURCES.has(text[i]!) && view[i] !== text[i];
    const hits: Array<Hit<{ view: string }>> = [];
    for (let i = 0; i < text.length; i++) {
      if (!folded(i)) continue;
      const start = i;
      while (folded(i + 1)) i++;
      hits.push({ start, end: i + 1, rule: 'fold/traditional', value: { view: view.slice(start, i + 1) } });
    }
    return hits;
  },
};

/** The domain dictionary of the segmenter (rules/domainDict.ts): each domain word is one word of jieba's. */
const WORDS_TABLE: RuleTable<{ tag: string }, PipelineContext> = {
  name: 'domain words',
  rules: [
    {
      id: 'words/domain',
      examples: [
        { text: '新建和修订了10项规章制度', match: '规章制度', value: { tag: 'n' } },
        { text: '严格执行请示报告制度', match: '严格执行', value: { tag: 'v' } },
      ],
    },
  ],
  lexicons: { DOMAIN_WORDS, DOMAIN_WORD_FREQUENCY },
  run(text, ctx) {
    const domain = new Set(DOMAIN_WORDS.map(([w]) => w));
    return ctx.segmenter
      .tag(text)
      .filter((t) => domain.has(t.word))
      .map((t): Hit<{ tag: string }> => ({ start: t.start, end: t.end, rule: 'words/domain', value: { tag: t.tag } }));
  },
};

/** Every rule table, in the order of the pipeline's stages. */
export const RULE_TABLES: ReadonlyArray<RuleTable<unknown, PipelineContext>> = [
  PDF_FURNITURE_TABLE,
  HTML_LINES_TABLE,
  HTML_FURNITURE_NAMES_TABLE,
  HTML_CONTENT_NAMES_TABLE,
  HTML_PAGE_DATE_TABLE,
  NUMBERING_TABLE,
  TRADITIONAL_TABLE,
  NUMBERS_TABLE,
  WORDS_TABLE,
  MARKERS_TABLE,
  CLOSING_TABLE,
  GENRE_TABLE,
  NOTICE_DATE_TABLE,
  DATES_TABLE,
  META_TABLE,
  COUNTS_TABLE,
  SLOGANS_TABLE,
  MEASURES_TABLE,
  MEASURE_LEADS_TABLE,
  NOT_MEASURE_TABLE,
  STATUS_TABLE,
  STATUS_CUES_TABLE,
  STATUS_LABELS_TABLE,
  REGULATIONS_TABLE,
  INDICATORS_TABLE,
  INDICATOR_SCOPE_TABLE,
] as ReadonlyArray<RuleTable<unknown, PipelineContext>>;

/** Rules series: bumped by hand whenever extraction code (not only a table) changes what is produced. */
const RULES_SERIES = '4';

/** Keys that document a rule without shaping the output: left out of the hash. */
const UNHASHED = new Set(['examples', 'negatives', 'description']);

/** JSON of what shapes the output: patterns as /source/flags, sets as sorted arrays, functions and examples left out. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (UNHASHED.has(key) || typeof v === 'function') return undefined;
    if (v instanceof RegExp) return `/${v.source}/${v.flags}`;
    if (v instanceof Set) return [...(v as Set<unknown>)].map((x) => JSON.stringify(x)).sort();
    if (v instanceof Map) return [...(v as Map<unknown, unknown>).entries()];
    return v;
  });
}

/** The rules version of a list of tables: the series and a hash of every table's name, rules and lexicons. */
export function rulesVersionOf(tables: ReadonlyArray<RuleTable<unknown, never>>): string {
  const hash = createHash('sha256');
  for (const t of tables) hash.update(canonical([t.name, t.rules, t.lexicons ?? null])).update('\n');
  return `${RULES_SERIES}+${hash.digest('hex').slice(0, 12)}`;
}

let version: string | null = null;

/** The rules version written into every document. */
export function rulesVersion(): string {
  version ??= rulesVersionOf(RULE_TABLES);
  return version;
}
