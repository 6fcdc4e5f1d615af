/**
 * The jieba adapter (@node-rs/jieba, HMM off, default dictionary plus rules/domainDict.ts). Tokens carry
 * half-open offsets computed as running sums of token lengths, and every call checks that the tokens join
 * back to the input — a segmenter that drops or changes characters would silently shift every span.
 * Building jieba takes ~0.1 s, so it is built once per process (a lazy module-level singleton) and handed to
 * the extractors read-only; it is never built per document.
 */
import { Jieba } from '@node-rs/jieba';
import { dict } from '@node-rs/jieba/dict.js';
import { DOMAIN_WORDS, domainDictText } from '../../rules/domainDict.js';

/** One token: the word, its offsets into the segmented string (plus the caller's base offset) and its tag. */
export interface Token {
  word: string;
  start: number;
  end: number;
  /** jieba's part-of-speech tag (ICTCLAS set: n noun, v verb, vn verbal noun, m numeral, q classifier, x other). */
  tag: string;
}

/** What the extractors need from a segmenter. */
export interface Segmenter {
  /** Words of `text` with offsets shifted by `base`; tags are empty strings. */
  cut(text: string, base?: number): Token[];
  /** Words of `text` with part-of-speech tags and offsets shifted by `base`. */
  tag(text: string, base?: number): Token[];
}

/** Thrown when tokens do not join back to the input: an internal error, never expected. */
export class SegmentationError extends Error {
  override name = 'SegmentationError';
}

/** Attach running-sum offsets to words and check that they join back to `text`. */
export function withOffsets(text: string, words: ReadonlyArray<{ word: string; tag: string }>, base = 0): Token[] {
  const out: Token[] = new Array<Token>(words.length);
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    const { word, tag } = words[i]!;
    if (text.startsWith(word, at) === false) {
      throw new SegmentationError(`token ${i} “${word}” does not continue the input at offset ${at}`);
    }
    out[i] = { word, start: base + at, end: base + at + word.length, tag };
    at += word.length;
  }
  if (at !== text.length) throw new SegmentationError(`tokens cover ${at} of ${text.length} characters`);
  return out;
}

/** Build a segmenter over a fresh jieba instance (default dictionary + domain dictionary). */
export function createSegmenter(extraDict = ''): Segmenter {
  const jieba = Jieba.withDict(dict);
  jieba.loadDict(Buffer.from(domainDictText(), 'utf8'));
  if (extraDict) jieba.loadDict(Buffer.from(extraDict, 'utf8'));
  // loadDict changes the frequency of a word jieba already knows but keeps its old tag (严格执行 stays nr, a
  // person's name): the domain dictionary's tag is applied after tagging.
  const tagOf = new Map<string, string>(DOMAIN_WORDS);
  return {
    cut(text, base = 0) {
      if (text.length === 0) return [];
      return withOffsets(text, jieba.cut(text, false).map((word) => ({ word, tag: '' })), base);
    },
    tag(text, base = 0) {
      if (text.length === 0) return [];
      const tagged = jieba.tag(text, false);
      for (const t of tagged) {
        const own = tagOf.get(t.word);
        if (own !== undefined) t.tag = own;
      }
      return withOffsets(text, tagged, base);
    },
  };
}

let shared: Segmenter | null = null;

/** The process-wide segmenter, built on first use. */
export function segmenter(): Segmenter {
  shared ??= createSegmenter();
  return shared;
}
