/**
 * Signs that a text is a rectification-progress notice (genre.md) at all: the genre's vocabulary (整改 together with
 * 巡视/巡察/审计) and a sentence saying who inspected or audited whom, or fed back its findings. The engine
 * (pipeline/extract/checkGenre.ts) adds the third sign, numbered headings, from the section tree, and warns
 * `notice/not-a-notice` when the vocabulary is missing, or when a text has neither headings nor such a sentence: a
 * crawled error page, a site's list of links, a data file given by mistake. Patterns run on the normalized view.
 */
import type { NegativeExample, PositiveExample } from './ruleTypes.js';

/** One sign of the genre. */
export interface GenreRule {
  id: string;
  description: string;
  /** genre words: what a notice is about; inspection sentence: the opening's who-inspected-whom (or fed back). */
  sign: 'rectification-word' | 'inspection-word' | 'inspection-sentence';
  pattern: RegExp;
  examples: PositiveExample[];
  negatives?: NegativeExample[];
}

/** A stretch of one sentence (no sentence end in it). */
const IN_SENTENCE = (max: number) => `[^。！？!?\\n]{0,${max}}?`;

/** The signs, each a global pattern so that every mention is a hit. */
export const GENRE_RULES: readonly GenreRule[] = [
  {
    id: 'genre/rectification',
    description: 'the word the genre is about: 整改 (整改进展情况, 整改落实, 立行立改 counts as well)',
    sign: 'rectification-word',
    pattern: /整改|立行立改|边巡边改|即知即改/gu,
    examples: [{ text: '关于区委第四巡察组巡察反馈意见整改进展情况的通报', match: '整改' }, { text: '坚持立行立改', match: '立行立改' }],
    negatives: [{ text: '页面不存在或已被删除，请返回首页。', why: 'an error page says nothing about rectification' }],
  },
  {
    id: 'genre/inspection',
    description: 'the kind of inspection the notice answers: 巡视, 巡察, 审计 (also 巡视组, 巡察“回头看”, 审计查出问题)',
    sign: 'inspection-word',
    pattern: /巡视|巡察|审计/gu,
    examples: [{ text: '中央第十巡视组', match: '巡视' }, { text: '区委巡察“回头看”', match: '巡察' }, { text: '审计查出问题整改情况', match: '审计' }],
    negatives: [{ text: '404 Not Found: 您访问的页面不存在', why: 'no inspection named' }],
  },
  {
    id: 'genre/inspection-sentence',
    description: 'who inspected or audited whom: …巡视组/巡察组/审计局…对…进行了巡视/巡察/审计, …开展了…巡察',
    sign: 'inspection-sentence',
    pattern: new RegExp(`(?:巡视|巡察|审计)${IN_SENTENCE(30)}(?:对|向)${IN_SENTENCE(60)}(?:进行|开展|实施)了?${IN_SENTENCE(20)}(?:巡视|巡察|审计|回头看)`, 'gu'),
    examples: [
      { text: '2023年6月7日至7月28日,区委第四巡察组对区档案馆进行了巡察。', match: '巡察组对区档案馆进行了巡察' },
      { text: '中央第十巡视组对南开大学开展了常规巡视', match: '巡视组对南开大学开展了常规巡视' },
      { text: '2023年4月至7月，县审计局对县本级预算执行情况进行了审计。', match: '审计局对县本级预算执行情况进行了审计' },
    ],
    negatives: [
      { text: '区委巡察组召开工作动员会，对全体干部进行了培训。', match: '对全体干部进行了培训', why: 'a meeting of the team, not an inspection of a unit' },
    ],
  },
  {
    id: 'genre/feedback-sentence',
    description: 'the feedback the notice answers: 反馈了巡察意见, 巡视反馈意见, 巡察反馈会, 审计查出的问题, 审计发现问题',
    sign: 'inspection-sentence',
    pattern: new RegExp(`反馈了?${IN_SENTENCE(12)}(?:意见|问题)|(?:巡视|巡察)${IN_SENTENCE(6)}反馈(?:意见|会|问题)|审计${IN_SENTENCE(12)}(?:查出|发现|指出)${IN_SENTENCE(8)}问题`, 'gu'),
    examples: [
      { text: '9月11日,巡察组反馈了巡察意见。', match: '反馈了巡察意见' },
      { text: '关于巡视反馈意见整改进展情况的通报', match: '巡视反馈意见' },
      { text: '关于2023年度县本级预算执行和其他财政收支审计查出问题整改情况的报告', match: '审计查出问题' },
    ],
    negatives: [{ text: '欢迎广大群众反馈。', why: 'feedback by the public, not findings' }],
  },
];
