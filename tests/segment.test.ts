/** The jieba adapter: offsets as running sums, tokens joining back to the input, one instance per process. */
import { describe, expect, it } from 'vitest';
import { DOMAIN_WORDS, domainDictText } from '../rules/domainDict.js';
import { DictionaryTags, defaultDictionary, SegmentationError, segmenter, withOffsets } from '../pipeline/segment/segmenter.js';
import { CLAUSE_MARK } from '../pipeline/extract/extractMeasures.js';
import { corpusParagraphs as paragraphs } from './helpers.js';

const corpusParagraphs = () => paragraphs({ seed: true });


const joinsBack = (text: string, tokens: ReadonlyArray<{ word: string; start: number; end: number }>, base = 0) => {
  expect(tokens.map((t) => t.word).join('')).toBe(text);
  for (const t of tokens) expect(text.slice(t.start - base, t.end - base)).toBe(t.word);
  for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.start).toBe(tokens[i - 1]!.end);
};

describe('segmenter', () => {
  it('is built once and shared: two calls return the same instance', () => {
    expect(segmenter()).toBe(segmenter());
  });

  it('cut tokens join back to the input and carry running-sum offsets', () => {
    const text = '2023年6月7日至7月28日，区委第四巡察组对区档案馆进行了巡察。';
    joinsBack(text, segmenter().cut(text));
  });

  it('tag tokens join back too, offsets shifted by the base offset', () => {
    const text = '新建和修订了10项规章制度';
    const tokens = segmenter().tag(text, 100);
    expect(tokens.map((t) => t.word).join('')).toBe(text);
    expect(tokens[0]!.start).toBe(100);
    expect(tokens.at(-1)!.end).toBe(100 + text.length);
  });

  it('keeps spaces, tabs, line breaks, full-width and astral characters (UTF-16 offsets)', () => {
    const text = 'a b\t中文 😀測試\n2023 年 6 月\r\n组对区委　全角ＡＢ';
    joinsBack(text, segmenter().cut(text));
    joinsBack(text, segmenter().tag(text));
  });

  it('runs with HMM off: an out-of-vocabulary stretch does not glue to its neighbours (7/月, not 日至/7)', () => {
    const words = segmenter().cut('6月7日至7月28日').map((t) => t.word);
    expect(words).not.toContain('日至');
    expect(words).toEqual(expect.arrayContaining(['至']));
  });

  it('knows the domain dictionary: 工作专班, 问题线索, 整改措施 are one word each, tagged as nouns', () => {
    const tags = segmenter().tag('下设2个工作专班，移交问题线索3件，细化整改措施87条');
    for (const w of ['工作专班', '问题线索', '整改措施']) expect(tags.find((t) => t.word === w)?.tag).toBe('n');
  });

  it('tags POS: 修订 is a verb, 规章制度 a noun, 10 a numeral', () => {
    const tags = Object.fromEntries(segmenter().tag('修订了10项规章制度').map((t) => [t.word, t.tag]));
    expect(tags['修订']).toBe('v');
    expect(tags['规章制度']).toBe('n');
    expect(tags['10']).toBe('m');
  });

  it('gives no tokens for an empty string', () => {
    expect(segmenter().cut('')).toEqual([]);
    expect(segmenter().tag('')).toEqual([]);
  });

  it('withOffsets throws when the words do not rebuild the input', () => {
    expect(() => withOffsets('巡察整改', [{ word: '巡察', tag: 'v' }, { word: '改', tag: 'v' }])).toThrow(SegmentationError);
    expect(() => withOffsets('巡察整改', [{ word: '巡察', tag: 'v' }])).toThrow(SegmentationError);
  });

  it('jieba’s default dictionary is sorted by the bytes of its words (the tag lookup’s binary search relies on it)', () => {
    expect(new DictionaryTags(defaultDictionary()).firstUnsorted()).toBe(-1);
  });

  it('tag gives exactly jieba’s own words and tags on every paragraph of the corpus', () => {
    const seg = segmenter();
    const paragraphs = corpusParagraphs();
    expect(paragraphs.length).toBeGreaterThan(300);
    for (const p of paragraphs) expect(seg.tag(p).map((t) => [t.word, t.tag])).toEqual(seg.jiebaTag(p).map((t) => [t.word, t.tag]));
  });

  it('tagMany gives the same tokens as tagging each text alone, offsets shifted by each base', () => {
    const seg = segmenter();
    const paragraphs = corpusParagraphs();
    // Windows of the sizes the count extractor tags (clauses of up to 16 characters), empty ones included.
    const texts = paragraphs.flatMap((p) => [p.slice(0, 16), '', p.slice(5, 9), p.slice(-12)]);
    const bases = texts.map((_, i) => i * 100);
    expect(seg.tagMany(texts, bases)).toEqual(texts.map((t, i) => seg.tag(t, bases[i])));
    expect(seg.tagMany([], [])).toEqual([]);
    expect(seg.tagMany(['', ''], [0, 0])).toEqual([[], []]);
  });

  it('words and tagOf give the words and tags of tag on every paragraph of the corpus', () => {
    const seg = segmenter();
    for (const p of corpusParagraphs()) {
      const words = seg.words(p);
      expect(words.map((w) => [w, seg.tagOf(w)])).toEqual(seg.tag(p).map((t) => [t.word, t.tag]));
    }
    expect(seg.words('')).toEqual([]);
  });

  it('a paragraph’s words are the words of its clauses and marks (the measures’ verb check segments clause by clause)', () => {
    const seg = segmenter();
    let marks = 0;
    for (const p of corpusParagraphs()) {
      const pieces: string[] = [];
      let from = 0;
      for (let i = 0; i <= p.length; i++) {
        if (i === p.length || CLAUSE_MARK.has(p.charCodeAt(i))) {
          if (i > from) pieces.push(...seg.words(p.slice(from, i)));
          if (i < p.length) {
            pieces.push(p[i]!);
            marks++;
          }
          from = i + 1;
        }
      }
      expect(pieces).toEqual(seg.words(p));
    }
    expect(marks).toBeGreaterThan(2000);
  });

  it('wordsMany gives the words of tagMany, text by text', () => {
    const seg = segmenter();
    const texts = corpusParagraphs().flatMap((p) => [p.slice(0, 16), '', p.slice(5, 9), p.slice(-12)]);
    const bases = texts.map((_, i) => i * 100);
    expect(seg.wordsMany(texts)).toEqual(seg.tagMany(texts, bases).map((ts) => ts.map((t) => t.word)));
    expect(seg.wordsMany(texts)).toEqual(texts.map((t) => seg.words(t)));
    expect(seg.wordsMany([])).toEqual([]);
    expect(seg.wordsMany(['', ''])).toEqual([[], []]);
  });

  it('the domain dictionary has one line per word, each “word freq tag”', () => {
    const lines = domainDictText().split('\n');
    expect(lines).toHaveLength(DOMAIN_WORDS.length);
    for (const l of lines) expect(l).toMatch(/^\S+ \d+ [a-z]+$/u);
  });
});
