/**
 * Where the matches of a rule table can begin, for runRules.ts `runRulesAt`, which tries the table's rules at those
 * positions only instead of at every character. Each scanner reads the table's own statement of where its matches
 * begin (COUNT_STARTS, SLOGAN_STARTS, ENUMERATOR_STARTS, DATE_STARTS in rules/); tests/perf-*.test.ts check that the
 * positions give exactly the hits of a scan of the whole text.
 */
import { COUNT_STARTS } from '../../rules/counts.js';
import { DATE_STARTS } from '../../rules/dates.js';
import { ENUMERATOR_STARTS } from '../../rules/measures.js';
import { SLOGAN_STARTS } from '../../rules/slogans.js';
import { CharClass } from '../../text/charClass.js';

/** A table of code units: 1 for those of `chars`. */
function unitTable(chars: string): Uint8Array {
  const t = new Uint8Array(0x10000);
  for (const c of chars) t[c.charCodeAt(0)] = 1;
  return t;
}

/** Sorted, without repeats (in place). */
function ascending(xs: number[]): number[] {
  xs.sort((a, b) => a - b);
  let k = 0;
  for (let i = 0; i < xs.length; i++) if (k === 0 || xs[i] !== xs[k - 1]) xs[k++] = xs[i]!;
  xs.length = k;
  return xs;
}

// ── counts ─────────────────────────────────────────────────────────────────────────────────────────────────────
const NUMERAL = unitTable(COUNT_STARTS.numerals);
const PREFIX_LAST = new Set(COUNT_STARTS.prefixWords.map((w) => w.charCodeAt(w.length - 1)));
const CURRENCY = COUNT_STARTS.currency;
const CURRENCY_LAST = CURRENCY.charCodeAt(CURRENCY.length - 1);

/** Push where 人民币 begins when it stands right before `p`. */
function pushCurrency(view: string, p: number, out: number[]): void {
  if (p >= CURRENCY.length && view.charCodeAt(p - 1) === CURRENCY_LAST && view.startsWith(CURRENCY, p - CURRENCY.length)) out.push(p - CURRENCY.length);
}

/** Push the positions where a count reaching its number (or 百分之) at `at` can begin: after an optional 人民币 and an
 *  optional pre word, or at `at` itself. */
function pushCountStarts(view: string, at: number, out: number[]): void {
  if (at > 0 && PREFIX_LAST.has(view.charCodeAt(at - 1))) {
    for (const w of COUNT_STARTS.prefixWords) {
      if (at >= w.length && view.startsWith(w, at - w.length)) {
        pushCurrency(view, at - w.length, out);
        out.push(at - w.length);
      }
    }
  }
  pushCurrency(view, at, out);
  out.push(at);
}

/** Where a match of COUNT_RULES can begin, ascending: at each run of numerals and at each 百分之, with their prefixes. */
export function countStarts(view: string): number[] {
  const out: number[] = [];
  let prevNumeral = false;
  for (let i = 0; i < view.length; i++) {
    const numeral = NUMERAL[view.charCodeAt(i)] === 1;
    if (numeral && !prevNumeral) pushCountStarts(view, i, out);
    prevNumeral = numeral;
  }
  const pw = COUNT_STARTS.percentWords;
  for (let at = view.indexOf(pw); at !== -1; at = view.indexOf(pw, at + 1)) pushCountStarts(view, at, out);
  // Candidates come out nearly sorted (a prefix never reaches back past the run before it); make them strictly so.
  let ordered = true;
  for (let i = 1; i < out.length && ordered; i++) if (out[i - 1]! >= out[i]!) ordered = false;
  return ordered ? out : ascending(out);
}

// ── slogans ────────────────────────────────────────────────────────────────────────────────────────────────────
const QUOTE = unitTable(SLOGAN_STARTS.quotes);
const FORMULA_NUMERAL = unitTable(SLOGAN_STARTS.numerals);
const NOT_AFTER = unitTable(SLOGAN_STARTS.notAfter);

/** Where a match of SLOGAN_RULES can begin, ascending. */
export function sloganStarts(view: string): number[] {
  const out: number[] = [];
  let prev = 0;
  for (let i = 0; i < view.length; i++) {
    const c = view.charCodeAt(i);
    if (QUOTE[c] === 1 || (FORMULA_NUMERAL[c] === 1 && NOT_AFTER[prev] !== 1)) out.push(i);
    prev = c;
  }
  return out;
}

// ── enumerators ────────────────────────────────────────────────────────────────────────────────────────────────
const ENUM_FIRST = unitTable(ENUMERATOR_STARTS.first);
const AFTER_MARK = new CharClass(ENUMERATOR_STARTS.after);

/** Where a match of ENUMERATOR_RULES can begin in a paragraph, ascending. */
export function enumeratorStarts(paragraph: string): number[] {
  const { from, to } = ENUMERATOR_STARTS.anywhere;
  const out: number[] = [];
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph.charCodeAt(i);
    if ((c >= from && c <= to) || (ENUM_FIRST[c] === 1 && (i === 0 || AFTER_MARK.has(paragraph.charCodeAt(i - 1))))) out.push(i);
  }
  return out;
}

// ── dates ──────────────────────────────────────────────────────────────────────────────────────────────────────
const YEAR_DIGIT = unitTable(DATE_STARTS.yearDigits);
const RELATIVE_YEAR = unitTable(DATE_STARTS.relativeYears);
const isAsciiDigit = (c: number) => c >= 0x30 && c <= 0x39;

/** Where a written year can begin: a run of ASCII digits, or four Chinese year digits or a relative year word
 *  (今, 去…) before 年 (a space or tab between or not). */
function yearStarts(view: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < view.length; i++) if (isAsciiDigit(view.charCodeAt(i)) && (i === 0 || !isAsciiDigit(view.charCodeAt(i - 1)))) out.push(i);
  for (let at = view.indexOf('年'); at !== -1; at = view.indexOf('年', at + 1)) {
    const gap = at > 0 && (view[at - 1] === ' ' || view[at - 1] === '\t') ? 1 : 0;
    for (const p of gap === 1 ? [at - 5, at - 4] : [at - 4]) {
      if (p < 0) continue;
      let digits = true;
      for (let j = p; j < p + 4 && digits; j++) digits = YEAR_DIGIT[view.charCodeAt(j)] === 1;
      if (digits) out.push(p);
    }
    for (const p of gap === 1 ? [at - 2, at - 1] : [at - 1]) if (p >= 0 && RELATIVE_YEAR[view.charCodeAt(p)] === 1) out.push(p);
  }
  return ascending(out);
}

/** Where a match holding `word` can begin: each of `back` characters before an occurrence of it. */
function beforeWord(view: string, word: string, back: readonly number[]): number[] {
  const out: number[] = [];
  for (let at = view.indexOf(word); at !== -1; at = view.indexOf(word, at + 1)) for (const b of back) if (at >= b) out.push(at - b);
  return ascending(out);
}

/** The scanner of each date rule that has one. */
const DATE_SCANNERS = new Map<string, (view: string) => number[]>([
  ...DATE_STARTS.yearRules.map((id) => [id, yearStarts] as const),
  ...DATE_STARTS.beforeWord.map(({ rule, word, back }) => [rule, (view: string) => beforeWord(view, word, back)] as const),
]);

/** Where the matches of each date rule can begin: a list for the rules DATE_STARTS names (each computed once per
 *  view), null (scan the whole view) for the others. */
export function dateStarts(view: string): (rule: { id: string }) => number[] | null {
  const memo = new Map<(view: string) => number[], number[]>();
  return (rule) => {
    const find = DATE_SCANNERS.get(rule.id);
    if (!find) return null;
    let starts = memo.get(find);
    if (!starts) {
      starts = find(view);
      memo.set(find, starts);
    }
    return starts;
  };
}
