/**
 * `npm run bench:external`: how the project's number parser and date extraction do on the Chinese cases of
 * Microsoft Recognizers-Text (../shared/external/recognizers-text, MIT) that fall in this project's scope, with
 * chrono-node's zh.hans parser on the same date cases beside it. Runs from the compiled dist
 * (`npm run bench:external` builds first; tsconfig.build.json includes bench/) or directly with
 * `npx tsx bench/external.ts`. `--verbose` lists every failing case.
 *
 * SCOPE (what a rectification notice writes; everything else is counted as out of scope, not as a failure):
 *
 * Numbers — Specs/Number/Chinese/NumberModel.json, cases upstream's JavaScript harness runs (NotSupported does
 * not name javascript):
 *   - the case has exactly one expected result, of type number, and that result is the whole input (the
 *     input is one written number, not a sentence with numbers in it);
 *   - the number is an integer or a decimal written with digits (also full-width and with thousands
 *     separators), Chinese numerals (ordinary, financial 壹贰叁, traditional 萬億兩), or both (1.25亿, 5万4千);
 *   - out of scope: fractions (分之, /), negatives (负, -), exponents (e, ^), dozens and pairs (打, 双, 对),
 *     兆 (10^6 or 10^12 depending on the locale), k/M suffixes, 半 (half), and rough numbers (几, 多, 余: the
 *     count rules read those as approximation words outside the number).
 *   Pass: parseChineseNumber(text) equals the expected value.
 *
 * Dates — Specs/DateTime/Chinese/{DateExtractor,DateParser,DatePeriodExtractor,DatePeriodParser,DateTimeModel}
 * .json, JS-runnable cases; each expected result of type date or daterange is in scope when:
 *   - it has a year, marked as one by 年 or standing in a numeric year-month-day date (a bare 2018 or 2016-2018 is
 *     a number in this genre, not a date), within 1949–2100, written as four digits, Arabic or Chinese digit by digit
 *     (2016, 二〇一六, 二零一六), as two digits (18年10月1日, 08年: 00–49 → 20xx, 50–99 → 19xx), or relative to the
 *     notice's own date (今年, 去年, 明年: the case's ReferenceDateTime stands for the notice's date, and is handed
 *     to extractDates as one — as the page date of a web page);
 *   - it is written year-month-day (年/月/日 or - . / separators); day-first or month-first numeric forms
 *     (13.5.2015, 1/2/2020, 3-7-2017) and space-separated digits are out;
 *   - it has no other relative or calendar words (今天, 本月, 上/下, 周, 星期, 世纪, 年代, seasons 春夏秋冬, 农历,
 *     初一, 正月, era names) and no open end but 以来 (以前, 以后, 之前, 之后, 开始, 起: upstream's before/after;
 *     以来 is upstream's since, our kind since), written in the result or right after it in the input;
 *   - it is not a date-time (no time of day).
 *   Pass: one of our date mentions of the input has the expected text (a leading 从/自/在 dropped) and, where the
 *   file gives a resolution, the same inclusive interval — for a since result, which upstream leaves open, the same
 *   start and kind since. Upstream's end is exclusive: for one period (2008年
 *   → 2008-01-01..2009-01-01) one day is taken off; for a range between two written points (A至B, A到B,
 *   A—B: (2016-01-01,2018-01-01,P2Y)) upstream's end is where B starts, and the inclusive end is the last
 *   day of B (its unit read from the duration: Y, M or D). chrono-node passes on the same terms, its interval read from the components it knows (a
 *   year alone → the whole year, a month → the whole month).
 * Targets (issue 4): numbers ≥ 98%, dates ≥ 95%.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as chrono from 'chrono-node';
import { createPipelineContext, documentContext } from '../pipeline/context.js';
import { extractDates } from '../pipeline/extract/extractDates.js';
import { parseChineseNumber } from '../text/parseChineseNumber.js';
import { normalizeText } from '../text/charMap.js';

/** Repository root (works from bench/ under tsx and from dist/bench/ compiled). */
const REPO_ROOT = (() => {
  let d = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(d, 'package.json'))) d = dirname(d);
  return d;
})();
const SPECS = resolve(REPO_ROOT, '../shared/external/recognizers-text/Specs');

interface Case {
  Input: string;
  Context?: { ReferenceDateTime?: string };
  NotSupported?: string;
  NotSupportedByDesign?: string;
  Results: Array<{
    Text: string;
    TypeName?: string;
    Type?: string;
    Resolution?: { value?: string; values?: Array<Record<string, string>> } | null;
    Value?: { Timex?: string; FutureResolution?: Record<string, string> } | null;
  }>;
}

function load(file: string): Case[] {
  return JSON.parse(readFileSync(join(SPECS, file), 'utf8').replace(/^\uFEFF/u, '')) as Case[];
}

const jsRunnable = (c: Case) => !`${c.NotSupported ?? ''} ${c.NotSupportedByDesign ?? ''}`.toLowerCase().includes('javascript');

/** Out-of-scope number forms (see SCOPE). */
const NUMBER_OUT = /分\s*之|又|\/|负|負|-|[eE^]|打|双|雙|对|對|兆|[kKmM]|半|几|幾|多|余/u;

export interface Tally {
  pass: number;
  total: number;
  failures: string[];
}

/** Run the in-scope NumberModel cases through parseChineseNumber. */
export function benchNumbers(): Tally & { outOfScope: number } {
  const t = { pass: 0, total: 0, failures: [] as string[], outOfScope: 0 };
  for (const c of load('Number/Chinese/NumberModel.json').filter(jsRunnable)) {
    const r = c.Results;
    const inScope = r.length === 1 && r[0]!.TypeName === 'number' && r[0]!.Text === c.Input.trim() && !NUMBER_OUT.test(r[0]!.Text);
    if (!inScope) {
      t.outOfScope++;
      continue;
    }
    const want = Number(r[0]!.Resolution?.value);
    const got = parseChineseNumber(r[0]!.Text);
    t.total++;
    if (got !== null && Math.abs(got - want) <= 1e-9 * Math.max(1, Math.abs(want))) t.pass++;
    else t.failures.push(`${r[0]!.Text} → ${got} (want ${want})`);
  }
  return t;
}

/** A written year: four digits, four Chinese digits, two digits before 年, or a year relative to the notice's date. */
const YEAR = /(?<y4>(?:19|20)\d{2})|(?<cn>二(?:〇|○|零)[〇○零一二三四五六七八九]{2}|一九[〇○零一二三四五六七八九]{2})|(?<!\d)(?<y2>\d{2})(?=\s*年)|(?<rel>[今去明])(?=年)/u;
/** A year marked as one: followed by 年, or the first part of a numeric Y-M-D date. */
const MARKED_YEAR = /(?:(?<!\d)(?:(?:19|20)\d{2}|\d{2})|[〇○零一二三四五六七八九]{4}|[今去明])\s*年|(?:19|20)\d{2}[-./]\d{1,2}[-./]\d{1,2}/u;
/** The offset of a relative year. */
const RELATIVE: Record<string, number> = { 今: 0, 去: -1, 明: 1 };
/** A range between two written points. */
const CONNECTOR = /至|到|-|—|~|～/u;
const DATE_OUT = /今(?!年)|明(?!年)|前年|后年|上|下|本|周|週|星期|礼拜|禮拜|世纪|年代|春|夏|秋|冬|农历|農曆|初[一二三四五六七八九十]|正月|腊月|以前|以后|之前|之后|开始|起|点|時|时|早|晚|上午|下午|康熙|雍正|神龙|民国/u;

/** An open end written right after a result (他07年以前…: upstream leaves 以前 out of the result, we read it as
 *  part of the mention): out of scope like an open end inside it. */
const OPEN_AFTER = /^\s*(?:以前|以后|之前|之后|开始|起)/u;

/** The year a case's text names (its first), resolved like ours: two digits into 1950–2049, a relative year from
 *  the reference date. */
function yearOfCase(text: string, ref: Date): number | null {
  const g = YEAR.exec(text)?.groups;
  if (!g) return null;
  if (g['y4']) return Number(g['y4']);
  if (g['cn']) return parseChineseNumber(g['cn'].replace(/零|○/gu, '〇'));
  if (g['y2']) return Number(g['y2']) < 50 ? 2000 + Number(g['y2']) : 1900 + Number(g['y2']);
  return ref.getFullYear() + (RELATIVE[g['rel']!] ?? 0);
}
/** Numeric dates that are not year-first (13.5.2015, 1/2/2020, 3-7-2017) or are space-separated digits. */
const NOT_YMD = /(?<!\d)\d{1,2}[-./]\d{1,2}[-./]\d{2,4}(?!\d)|\d\s+\d/u;

interface DateCase {
  input: string;
  text: string;
  ref: Date;
  /** Inclusive interval, when the file resolves it. */
  start: string | null;
  end: string | null;
  /** Upstream's since (…以来): the start is given and the end left open. */
  since: boolean;
}

const dayBefore = (iso: string) => {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
};

/** The last day of the year, month or day that starts at `iso`. */
function lastDayOf(iso: string, unit: 'Y' | 'M' | 'D'): string {
  const d = new Date(`${iso}T00:00:00Z`);
  if (unit === 'Y') d.setUTCFullYear(d.getUTCFullYear() + 1);
  else if (unit === 'M') d.setUTCMonth(d.getUTCMonth() + 1);
  else return iso;
  return dayBefore(d.toISOString().slice(0, 10));
}

/** In-scope date results of the DateTime files. */
export function dateCases(): { cases: DateCase[]; outOfScope: number } {
  const files = ['DateExtractor.json', 'DateParser.json', 'DatePeriodExtractor.json', 'DatePeriodParser.json', 'DateTimeModel.json'];
  const cases: DateCase[] = [];
  let outOfScope = 0;
  for (const f of files) {
    for (const c of load(`DateTime/Chinese/${f}`).filter(jsRunnable)) {
      const ref = new Date(c.Context?.ReferenceDateTime ?? '2017-03-22T00:00:00');
      for (const r of c.Results) {
        const type = (r.Type ?? r.TypeName ?? '').replace(/^datetimeV2\./u, '');
        const y = yearOfCase(r.Text, ref);
        const inScope =
          (type === 'date' || type === 'daterange') &&
          y !== null &&
          y >= 1949 &&
          y <= 2100 &&
          MARKED_YEAR.test(r.Text) &&
          !DATE_OUT.test(r.Text) &&
          !OPEN_AFTER.test(c.Input.slice(c.Input.indexOf(r.Text) + r.Text.length)) &&
          !NOT_YMD.test(r.Text);
        if (!inScope) {
          outOfScope++;
          continue;
        }
        let start: string | null = null;
        let end: string | null = null;
        const v = r.Resolution?.values?.[0];
        const since = v?.['Mod'] === 'since';
        const fut = r.Value?.FutureResolution;
        const timex = v?.['timex'] ?? r.Value?.Timex ?? '';
        const inclusiveEnd = (exclusive: string) => {
          const between = /^\(.*,(?<b>\d{4}-\d{2}-\d{2}),P\d+(?<unit>[YMD])\)$/u.exec(timex);
          return between && CONNECTOR.test(r.Text) ? lastDayOf(between.groups!['b']!, between.groups!['unit'] as 'Y' | 'M' | 'D') : dayBefore(exclusive);
        };
        if (since) start = v['start'] ?? null;
        else if (v?.['type'] === 'date' && v['value']) start = end = v['value'];
        else if (v?.['type'] === 'daterange' && v['start'] && v['end']) [start, end] = [v['start'], inclusiveEnd(v['end'])];
        else if (fut?.['date']) start = end = fut['date'];
        else if (fut?.['startDate'] && fut['endDate']) [start, end] = [fut['startDate'], inclusiveEnd(fut['endDate'])];
        if (start === '0001-01-01' || v?.['value'] === 'not resolved') start = end = 'invalid';
        cases.push({ input: c.Input, text: r.Text.replace(/^[从自在]/u, ''), ref, start, end, since });
      }
    }
  }
  return { cases, outOfScope };
}

const same = (a: string, b: string) => normalizeText(a).replace(/\s+/gu, '') === normalizeText(b).replace(/\s+/gu, '');

/** A date found by one extractor: its text, inclusive interval and whether it is open-ended (since). */
interface FoundDate {
  text: string;
  start: string | null;
  end: string | null;
  since?: boolean;
}

/** Score an extractor on the date cases: a case passes when a found date has its text (and interval, if given). */
function scoreDates(cases: readonly DateCase[], find: (c: DateCase) => FoundDate[]): Tally {
  const t: Tally = { pass: 0, total: 0, failures: [] };
  for (const c of cases) {
    t.total++;
    const found = find(c);
    const ok =
      c.start === 'invalid'
        ? !found.some((d) => same(d.text, c.text))
        : c.since
          ? found.some((d) => same(d.text, c.text) && d.since === true && (c.start === null || d.start === c.start))
          : found.some((d) => same(d.text, c.text) && (c.start === null || (d.start === c.start && d.end === c.end)));
    if (ok) t.pass++;
    else t.failures.push(`${c.input} → ${JSON.stringify(found.map((d) => [d.text, d.start, d.end]))} (want ${c.text} ${c.start ?? ''}…${c.end ?? ''})`);
  }
  return t;
}

const pad = (n: number) => String(n).padStart(2, '0');
const isoDay = (d: Date) => `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;

/** Our extraction on the date cases, each case's reference date standing for the notice's own date. */
export function benchDates(cases: readonly DateCase[]): Tally {
  const ctx = createPipelineContext();
  return scoreDates(cases, (c) =>
    extractDates(documentContext(ctx, c.input), { signatureLine: null, pageDate: isoDay(c.ref) }).value.map((d) => ({ ...d, since: d.kind === 'since' })),
  );
}


/** chrono-node's zh.hans on the same cases; a result's interval from the components it knows. */
export function benchChrono(cases: readonly DateCase[]): Tally {
  const interval = (c: chrono.ParsedComponents): [string, string] | null => {
    if (!c.isCertain('year')) return null;
    const y = c.get('year')!;
    if (!c.isCertain('month')) return [`${y}-01-01`, `${y}-12-31`];
    const m = c.get('month')!;
    if (!c.isCertain('day')) return [`${y}-${pad(m)}-01`, `${y}-${pad(m)}-${pad(new Date(Date.UTC(y, m, 0)).getUTCDate())}`];
    const d = `${y}-${pad(m)}-${pad(c.get('day')!)}`;
    return [d, d];
  };
  return scoreDates(cases, (c) =>
    chrono.zh.hans.parse(c.input, c.ref).map((r) => {
      const a = interval(r.start);
      const b = r.end ? interval(r.end) : a;
      return { text: r.text, start: a?.[0] ?? null, end: b?.[1] ?? null };
    }),
  );
}

const pct = (t: Tally) => (t.total === 0 ? 'n/a' : `${((100 * t.pass) / t.total).toFixed(1)}%`);

function main(argv: string[]): number {
  if (!existsSync(SPECS)) {
    process.stderr.write(`bench:external: ${SPECS} is absent; nothing to run\n`);
    return 2;
  }
  const verbose = argv.includes('--verbose') || argv.includes('-v');
  const nums = benchNumbers();
  const { cases, outOfScope } = dateCases();
  const ours = benchDates(cases);
  const theirs = benchChrono(cases);
  const line = (name: string, t: Tally, extra: string) => `${name.padEnd(34)} ${`${t.pass}/${t.total}`.padStart(9)}  ${pct(t).padStart(6)}  ${extra}\n`;
  process.stdout.write(`Recognizers-Text Chinese specs, in-scope cases (scope: bench/external.ts)\n`);
  process.stdout.write(line('numbers: parseChineseNumber', nums, `target ≥ 98%; ${nums.outOfScope} cases out of scope`));
  process.stdout.write(line('dates: zhenggai extractDates', ours, `target ≥ 95%; ${outOfScope} results out of scope`));
  process.stdout.write(line('dates: chrono-node zh.hans', theirs, 'same cases, for comparison'));
  if (verbose) {
    for (const [name, t] of [['numbers', nums], ['dates (zhenggai)', ours], ['dates (chrono)', theirs]] as const) {
      for (const f of t.failures) process.stdout.write(`  ${name}: ${f}\n`);
    }
  }
  const ok = nums.total > 0 && nums.pass / nums.total >= 0.98 && ours.total > 0 && ours.pass / ours.total >= 0.95;
  return ok ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = main(process.argv.slice(2));
}
