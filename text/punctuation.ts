/**
 * Named punctuation sets, as they stand in the normalized view (full-width ，；：！？（） are folded to ASCII there,
 * so both forms are listed for texts that are not normalized). Every extractor that cuts a text into sentences or
 * clauses takes its marks from here.
 */
import { CharClass } from './charClass.js';

/** Marks that end a sentence (a line end does too). */
export const SENTENCE_END = new CharClass(/[。；;！!？?\n]/u);

/** Marks that end a statement: the full stops (a ； joins the sentences of one statement: 整改中，共…；清退…). */
export const FULL_STOP = new CharClass(/[。！!？?\n]/u);

/** Marks that end a clause: the sentence ends plus commas and colons (、 does not: it joins the items of a list). */
export const CLAUSE_END = new CharClass(/[，,；;。：:！!？?\n]/u);

/** Clause ends around a counted object: clause ends plus 、 and title marks (a short quotation or parenthesis may be
 *  part of an object: 9家“僵尸”企业, 村(社区)党组织36个). */
export const OBJECT_CLAUSE_END = new CharClass(/[,，。;；:：、!！?？《》\n]/u);

/** Clause ends before a 《title》, where the verb acting on it is looked for: clause ends plus 》 and quotation marks. */
export const TITLE_CLAUSE_END = new CharClass(/[,，。;；:：!！?？\n》“”]/u);

/**
 * Punctuation that jieba never puts inside a word nor lets join its neighbours (it segments the runs between such
 * marks one by one): a sentence's words are the words of the runs between these marks.
 */
export const WORD_BOUNDARY = new CharClass(/[，、；：。！？“”‘’（）《》〈〉【】「」…—,;:!?()\n]/u);

/** Start of the stretch ending at `at` that holds no mark of `stop` (the character after the previous mark). */
export function stretchStart(text: string, at: number, stop: CharClass, limit = 0): number {
  let i = at - 1;
  while (i >= limit && !stop.has(text.charCodeAt(i))) i--;
  return i + 1;
}

/** End of the stretch starting at `at` that holds no mark of `stop` (the next mark, or `limit`). */
export function stretchEnd(text: string, at: number, stop: CharClass, limit = text.length): number {
  let i = at;
  while (i < limit && !stop.has(text.charCodeAt(i))) i++;
  return i;
}
