/**
 * Is this a rectification-progress notice at all? A text that lacks the genre's vocabulary (整改 with 巡视/巡察/审计),
 * or that has neither numbered headings nor a sentence saying who inspected whom (or fed back), gets the warning
 * `notice/not-a-notice`, which makes its status `partial`: a crawled error page, a site's list of links, or a data
 * file given by mistake is processed (nothing is lost) but a batch can filter it out. Rules: rules/genre.ts.
 */
import { diagnostic } from '../../output/diagnosticCodes.js';
import type { Section } from '../../output/schema.js';
import { GENRE_RULES, type GenreRule } from '../../rules/genre.js';
import type { Hit, RuleTable } from '../../rules/ruleTypes.js';
import { normalizeText } from '../../text/charMap.js';
import type { DocumentContext } from '../context.js';
import { result, type Result } from '../result.js';

/** The signs of the genre found in a view. */
export interface GenreSigns {
  rectificationWord: boolean;
  inspectionWord: boolean;
  inspectionSentence: boolean;
}

/** Every hit of the genre rules in a view. */
function genreHits(view: string): Array<Hit<{ sign: GenreRule['sign'] }>> {
  const hits: Array<Hit<{ sign: GenreRule['sign'] }>> = [];
  for (const r of GENRE_RULES) {
    r.pattern.lastIndex = 0;
    for (const m of view.matchAll(r.pattern)) hits.push({ start: m.index, end: m.index + m[0].length, rule: r.id, value: { sign: r.sign } });
  }
  return hits.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Which signs of the genre a view holds (each sign needs one hit). */
export function genreSigns(view: string): GenreSigns {
  const signs = new Set<GenreRule['sign']>();
  for (const r of GENRE_RULES) {
    if (signs.has(r.sign)) continue;
    r.pattern.lastIndex = 0;
    if (r.pattern.test(view)) signs.add(r.sign);
    r.pattern.lastIndex = 0;
  }
  return { rectificationWord: signs.has('rectification-word'), inspectionWord: signs.has('inspection-word'), inspectionSentence: signs.has('inspection-sentence') };
}

/** What is missing for a notice, in words for the message; empty when the text looks like a notice. */
export function missingSigns(signs: GenreSigns, headings: number): string[] {
  const vocabulary = signs.rectificationWord && signs.inspectionWord;
  if (vocabulary && (headings > 0 || signs.inspectionSentence)) return [];
  const missing: string[] = [];
  if (!signs.rectificationWord) missing.push('no 整改');
  if (!signs.inspectionWord) missing.push('no 巡视/巡察/审计');
  if (headings === 0) missing.push('no numbered headings');
  if (!signs.inspectionSentence) missing.push('no sentence saying who inspected whom or fed back');
  return missing;
}

/** The genre check of one document: a warning when the text does not look like a rectification notice. */
export function checkGenre(doc: DocumentContext, sections: readonly Section[]): Result<null> {
  const missing = missingSigns(genreSigns(doc.view), sections.length);
  if (missing.length === 0) return result(null);
  return result(null, [
    diagnostic(
      'notice/not-a-notice',
      `this does not look like a rectification notice (${missing.join(', ')}); check that the file is the notice itself and not an error page, a list of links or another document`,
    ),
  ]);
}

/** The genre table as registered: every sign found in a text. */
export const GENRE_TABLE: RuleTable<{ sign: GenreRule['sign'] }> = {
  name: 'genre',
  rules: GENRE_RULES,
  run(text) {
    return genreHits(normalizeText(text));
  },
};
