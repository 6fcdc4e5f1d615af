/** The jieba adapter: offsets as running sums, tokens joining back to the input, one instance per process. */
import { describe, expect, it } from 'vitest';
import { DOMAIN_WORDS, domainDictText } from '../rules/domainDict.js';
import { Jieba } from '@node-rs/jieba';
import { FileError } from '../pipeline/fileError.js';
import { createSegmenter, DictionaryTags, defaultDictionary, withOffsets } from '../pipeline/segment/segmenter.js';
import { WORD_BOUNDARY } from '../text/punctuation.js';
import { corpusParagraphs as paragraphs, testContext } from './helpers.js';

const segmenter = () => testContext().segmenter;

/** jieba's own tagging (slower than the adapter's), with the domain dictionary's tags over jieba's. */
function jiebaTag(text: string): Array<[string, string]> {
  const jieba = Jieba.withDict(defaultDictionary());
  jieba.loadDict(Buffer.from(domainDictText(), 'utf8'));
  const own = new Map<string, string>(DOMAIN_WORDS);
  return jieba.tag(text, false).map((t) => [t.word, own.get(t.word) ?? t.tag]);
}

const corpusParagraphs = () => paragraphs({ seed: true });


const joinsBack = (text: string, tokens: ReadonlyArray<{ word: string; start: number; end: number }>, base = 0) => {
  expect(tokens.map((t) => t.word).join('')).toBe(text);
  for (const t of tokens) expect(text.slice(t.start - base, t.end - base)).toBe(t.word);
  for (let i = 1; i < tokens.length; i++) expect(tokens[i]!.start).toBe(tokens[i - 1]!.end);
};

describe('segmenter', () => {
  it('is built once per run and handed to the extractors: two segmenters built alike cut alike', () => {
    const text = '2023年6月7日至7月28日，区委第四巡察组对区档案馆进行了巡察。';
    expect(createSegmenter().tag(text)).toEqual(segmenter().tag(text));
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
    expect(() => withOffsets('巡察整改', [{ word: '巡察', tag: 'v' }, { word: '改', tag: 'v' }])).toThrow(FileError);
    expect(() => withOffsets('巡察整改', [{ word: '巡察', tag: 'v' }])).toThrow(/internal|changed the text/u);
  });

  it('jieba’s default dictionary is sorted by the bytes of its words (the tag lookup’s binary search relies on it)', () => {
    expect(new DictionaryTags(defaultDictionary()).firstUnsorted()).toBe(-1);
  });

  it('tag gives exactly jieba’s own words and tags on every paragraph of the corpus', () => {
    const seg = segmenter();
    const paragraphs = corpusParagraphs();
    expect(paragraphs.length).toBeGreaterThan(300);
    const own = jiebaTag(paragraphs.join('\n')).filter(([w]) => w !== '\n');
    expect(paragraphs.flatMap((p) => seg.tag(p).map((t) => [t.word, t.tag]))).toEqual(own);
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
        if (i === p.length || WORD_BOUNDARY.has(p.charCodeAt(i))) {
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

  it('wordsMany gives the words of each text alone', () => {
    const seg = segmenter();
    // Windows of the sizes the count extractor segments (clauses of up to 16 characters), empty ones included.
    const texts = corpusParagraphs().flatMap((p) => [p.slice(0, 16), '', p.slice(5, 9), p.slice(-12)]);
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
