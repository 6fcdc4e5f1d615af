/**
 * What the stages share (architecture.md, principle 3): a read-only context built once per run — the segmenter
 * (jieba with the domain dictionary, ~0.1 s to build) and the reference date — and, per document, the canonical
 * text, its normalized view and its sentences, computed once and handed to every extractor.
 */
import { normalizeText } from '../text/charMap.js';
import { Sentences } from '../text/sentences.js';
import { createSegmenter, type Segmenter } from './segment/segmenter.js';

/** Built once per run (by processBytes, or by each worker when it starts), read-only afterwards. */
export interface PipelineContext {
  readonly segmenter: Segmenter;
  /** ISO date anchoring years the notice itself does not give (CLI --reference-date); never the clock. */
  readonly referenceDate: string | null;
}

/** Build a pipeline context: this is where jieba and its dictionaries are loaded. */
export function createPipelineContext(options: { referenceDate?: string | null } = {}): PipelineContext {
  return { segmenter: createSegmenter(), referenceDate: options.referenceDate ?? null };
}

/** One document as every extractor sees it. */
export interface DocumentContext extends PipelineContext {
  /** The canonical text: every span addresses it. */
  readonly text: string;
  /** The same-length normalized view the rules run on. */
  readonly view: string;
  /** The view's sentences. */
  readonly sentences: Sentences;
}

/** The context of one document: its canonical text, normalized view and sentences. */
export function documentContext(ctx: PipelineContext, text: string): DocumentContext {
  const view = normalizeText(text);
  return { segmenter: ctx.segmenter, referenceDate: ctx.referenceDate, text, view, sentences: new Sentences(view) };
}
