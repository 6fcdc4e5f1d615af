/**
 * The jieba adapter (@node-rs/jieba, HMM off, default dictionary plus rules/domainDict.ts). Tokens carry
 * half-open offsets computed as running sums of token lengths, and every call checks that the tokens join
 * back to the input — a segmenter that drops or changes characters would silently shift every span.
 * Building jieba takes ~0.1 s, so a segmenter is built once per run (pipeline/context.ts) and handed to the
 * extractors read-only; it is never built per document.
 */
import { Jieba } from '@node-rs/jieba';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { DOMAIN_WORDS, domainDictText } from '../../rules/domainDict.js';
import { FileError } from '../fileError.js';

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
  /** The words of `text` alone (checked to join back to it), for a caller that walks them itself and looks up
   *  only the tags it needs with `tagOf`: `tag(text)` is these words with running offsets and their `tagOf`. */
  words(text: string): string[];
  /** The tag `tag` gives a word: the domain dictionary's, else jieba's dictionary's, else jieba's fallback. */
  tagOf(word: string): string;
  /** `words` of many short texts in one call into jieba (the texts joined by newlines, which jieba never joins to
   *  a neighbour): the same words as segmenting each text alone. */
  wordsMany(texts: readonly string[]): string[][];
}

/** Tokens that do not join back to the input: a bug, never expected. */
const segmentationError = (message: string) => new FileError('internal/segmentation', `the word segmenter changed the text: ${message}`);

/** Attach running-sum offsets to words and check that they join back to `text`. */
export function withOffsets(text: string, words: ReadonlyArray<{ word: string; tag: string }>, base = 0): Token[] {
  const out: Token[] = new Array<Token>(words.length);
  let at = 0;
  for (let i = 0; i < words.length; i++) {
    const { word, tag } = words[i]!;
    if (text.startsWith(word, at) === false) {
      throw segmentationError(`token ${i} “${word}” does not continue the input at offset ${at}`);
    }
    out[i] = { word, start: base + at, end: base + at + word.length, tag };
    at += word.length;
  }
  if (at !== text.length) throw segmentationError(`tokens cover ${at} of ${text.length} characters`);
  return out;
}

/**
 * Part-of-speech tags of jieba's default dictionary, looked up without building a map of its 349k words, nor even
 * an index of its lines (a start-up cost in every thread): the dictionary is sorted by the UTF-8 bytes of
 * its words (tests/segment.test.ts checks the order), so a word is found by binary search over byte offsets, each
 * probe moved back to the start of its line. Lookups are cached (a notice uses a few thousand distinct words).
 */
export class DictionaryTags {
  private readonly cache = new Map<string, string | null>();

  constructor(private readonly bytes: Buffer) {}

  /** Index of the first line whose word is not in byte order after the previous one, or -1 (tests check the
   *  installed dictionary with this: the lookup relies on the order, and checking it costs ~0.1 s a thread). */
  firstUnsorted(): number {
    let prev: Buffer | null = null;
    let j = 0;
    for (let s = 0; s < this.bytes.length; j++) {
      const w = this.word(s);
      if (prev !== null && Buffer.compare(prev, w) >= 0) return j;
      prev = w;
      s = this.nextLine(s);
    }
    return -1;
  }

  /** Where the line after the one starting at `s` starts (the length of the dictionary after the last line). */
  private nextLine(s: number): number {
    const nl = this.bytes.indexOf(10, s);
    return nl === -1 ? this.bytes.length : nl + 1;
  }

  /** The word of the line starting at `s` (up to its first space). */
  private word(s: number): Buffer {
    return this.bytes.subarray(s, this.bytes.indexOf(32, s));
  }

  /** Buffer.compare(this.word(s), key), without making the subarray. */
  private compareWord(s: number, key: Buffer): number {
    const b = this.bytes;
    const sp = b.indexOf(32, s);
    const end = sp === -1 ? b.length : sp;
    if (sp === -1) return Buffer.compare(this.word(s), key); // no space: as word() reads it
    const n = Math.min(end - s, key.length);
    for (let i = 0; i < n; i++) {
      const d = b[s + i]! - key[i]!;
      if (d !== 0) return d < 0 ? -1 : 1;
    }
    const la = end - s;
    return la === key.length ? 0 : la < key.length ? -1 : 1;
  }

  /** The tag of the line starting at `s` (its third field), or null when the line has none. */
  private tagAt(s: number): string | null {
    const nl = this.bytes.indexOf(10, s);
    const e = nl === -1 ? this.bytes.length : nl;
    const sp2 = this.bytes.indexOf(32, this.bytes.indexOf(32, s) + 1);
    return sp2 === -1 || sp2 >= e ? null : this.bytes.toString('latin1', sp2 + 1, e).trim() || null;
  }

  /** The dictionary tag of `word`, or null when the word is not in the dictionary. */
  get(word: string): string | null {
    const hit = this.cache.get(word);
    if (hit !== undefined) return hit;
    const key = Buffer.from(word, 'utf8');
    // The word's line, if any, starts in [lo, hi); lo is always a line start.
    let lo = 0;
    let hi = this.bytes.length;
    let tag: string | null = null;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const s = mid === 0 ? 0 : this.bytes.lastIndexOf(10, mid - 1) + 1; // the start of mid's line (>= lo)
      const c = this.compareWord(s, key);
      if (c === 0) {
        tag = this.tagAt(s);
        break;
      }
      if (c < 0) lo = this.nextLine(s);
      else hi = s;
    }
    if (this.cache.size >= 200_000) this.cache.clear();
    this.cache.set(word, tag);
    return tag;
  }
}

const ASCII_ALNUM = /^[0-9A-Za-z]+$/u;
const ASCII_DIGITS = /^[0-9]+$/u;

/** jieba's tag for a word outside every dictionary: m for digits, eng for ASCII letters and digits, x otherwise. */
function fallbackTag(word: string): string {
  return ASCII_DIGITS.test(word) ? 'm' : ASCII_ALNUM.test(word) ? 'eng' : 'x';
}

/**
 * jieba's default dictionary (word freq tag lines), as installed. Read from the package's dict.txt rather than
 * through its dict.js, which also reads the 6 MB idf.txt (keyword weights) this project never uses.
 */
export function defaultDictionary(): Buffer {
  return readFileSync(createRequire(import.meta.url).resolve('@node-rs/jieba/dict.txt'));
}

/**
 * Build a segmenter over a fresh jieba instance (default dictionary + domain dictionary).
 *
 * Tagging is `cut` plus a dictionary lookup in JavaScript, as jieba's own `tag` does in Rust: the same words and
 * tags (tests/segment.test.ts compares the two over the corpus), at a third of the cost, because jieba's `tag`
 * spends most of its time building one JS object per word across the native boundary.
 */
export function createSegmenter(extraDict = ''): Segmenter {
  const dictBytes = defaultDictionary();
  const jieba = Jieba.withDict(dictBytes);
  jieba.loadDict(Buffer.from(domainDictText(), 'utf8'));
  if (extraDict) jieba.loadDict(Buffer.from(extraDict, 'utf8'));
  const dictionary = new DictionaryTags(dictBytes);
  // loadDict changes the frequency of a word jieba already knows but keeps its old tag (严格执行 stays nr, a
  // person's name): the domain dictionary's tag is applied over jieba's.
  const own = new Map<string, string>(DOMAIN_WORDS);
  for (const line of extraDict.split('\n')) {
    const [w, , t] = line.trim().split(/\s+/u);
    if (w && t && !own.has(w) && dictionary.get(w) === null) own.set(w, t);
  }
  // One lookup per word seen before (the answer is fixed: both dictionaries are read-only from here on).
  const tags = new Map<string, string>();
  const tagOf = (word: string): string => {
    let t = tags.get(word);
    if (t === undefined) {
      t = own.get(word) ?? dictionary.get(word) ?? fallbackTag(word);
      if (tags.size >= 200_000) tags.clear();
      tags.set(word, t);
    }
    return t;
  };
  const tag = (text: string, base = 0): Token[] =>
    text.length === 0 ? [] : withOffsets(text, jieba.cut(text, false).map((word) => ({ word, tag: tagOf(word) })), base);
  const words = (text: string): string[] => {
    if (text.length === 0) return [];
    const ws = jieba.cut(text, false);
    let at = 0;
    for (let i = 0; i < ws.length; i++) {
      const word = ws[i]!;
      if (!text.startsWith(word, at)) throw segmentationError(`token ${i} “${word}” does not continue the input at offset ${at}`);
      at += word.length;
    }
    if (at !== text.length) throw segmentationError(`tokens cover ${at} of ${text.length} characters`);
    return ws;
  };
  // The texts joined by newlines, which jieba never joins to a neighbour; should a word ever cross a separator,
  // each text is segmented alone.
  const wordsMany = (texts: readonly string[]): string[][] => {
    const alone = () => texts.map((t) => words(t));
    const out: string[][] = texts.map(() => []);
    const joined = texts.join('\n');
    if (joined.length === 0) return out;
    const starts: number[] = [];
    let pos = 0;
    for (const t of texts) {
      starts.push(pos);
      pos += t.length + 1;
    }
    let k = 0;
    let at = 0;
    for (const word of jieba.cut(joined, false)) {
      if (!joined.startsWith(word, at)) throw segmentationError(`token “${word}” does not continue the input at offset ${at}`);
      const end = at + word.length;
      while (k < texts.length && at > starts[k]! + texts[k]!.length) k++;
      const textEnd = starts[k]! + texts[k]!.length;
      if (at === textEnd) {
        if (word !== '\n') return alone(); // the separator did not stand alone
        k++;
      } else if (end > textEnd) {
        return alone(); // a word across a separator
      } else {
        out[k]!.push(word);
      }
      at = end;
    }
    if (at !== joined.length) throw segmentationError(`tokens cover ${at} of ${joined.length} characters`);
    return out;
  };
  return {
    cut(text, base = 0) {
      if (text.length === 0) return [];
      return withOffsets(text, jieba.cut(text, false).map((word) => ({ word, tag: '' })), base);
    },
    tag,
    words,
    tagOf,
    wordsMany,
  };
}
