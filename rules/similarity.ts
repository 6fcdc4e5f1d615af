/**
 * Measure similarity (analyze/similarity.ts): which words count when two units' measures are compared, and how
 * alike two measures must be to say the same thing. TF-IDF over jieba words, cosine similarity.
 *
 * Decisions:
 * - Only words of two or more characters with a Chinese character count: single characters (的, 和, 对) and
 *   numbers say nothing about what was done.
 * - The words below are in nearly every measure of every notice (推进, 整改, 工作…); IDF would weight them down
 *   anyway, but with a few hundred measures it cannot weight them to nothing, and they make unrelated measures
 *   look alike.
 * - A measure with fewer than MIN_MEASURE_WORDS such words (涉及金额97.3万元。) is too short to compare: any one
 *   shared word makes it look like anything.
 * - Thresholds were read off the project corpus: at ≥ 0.5 most pairs say the same thing (修订《…意识形态工作
 *   责任制实施细则》 in a university and in a hospital), a few only share a phrase; below 0.2 the words shared
 *   are generic.
 */

/** Generic words left out of measure vectors. */
export const SIMILARITY_STOP_WORDS: readonly string[] = [
  '整改', '工作', '推进', '进一步', '加强', '开展', '落实', '问题', '情况', '全面', '深入', '持续', '严格', '切实',
  '有效', '进行', '建立', '完善', '相关', '有关', '各项', '各类', '一批', '不断', '确保', '推动', '强化', '提高',
  '提升', '做好', '抓好', '认真', '组织', '实施', '要求', '方面', '措施', '机制', '制度', '单位', '部门', '全部',
  '已经', '目前', '通过', '按照', '根据', '围绕', '结合', '同时', '以及', '其中', '截至', '期间', '以来',
  '涉及', '金额', '万元', '亿元', '共计', '累计', '合计',
];

/** Content words a measure needs to be compared at all. */
export const MIN_MEASURE_WORDS = 3;

/** Two measures of different units whose cosine is at least this say the same thing. */
export const SHARED_MEASURE_MIN = 0.5;

/** A measure whose best match in every other unit is below this is distinctive of its unit. */
export const DISTINCTIVE_MEASURE_MAX = 0.2;

/** How many shared pairs per pair of units, and distinctive measures per unit, are kept (3: at 20,000 units each
 *  example kept is megabytes of units.json). */
export const SIMILARITY_KEEP = 3;

/**
 * Blocking, so that measures are compared at any number of units (analyze/similarity.ts): a word in at most
 * SIMILARITY_BLOCK_WINDOW measures is rare and every two measures sharing it are compared; through a common word, a
 * measure is compared only with the SIMILARITY_BLOCK_WINDOW measures nearest it in that word's list, and only for its
 * SIMILARITY_BLOCK_PREFIX rarest words. On the project corpus every word is rare (all pairs sharing a word are
 * compared, as before blocking); at 20,000 units a boilerplate measure found in thousands of notices is compared with
 * its neighbours instead of with all of them.
 */
export const SIMILARITY_BLOCK_WINDOW = 64;
export const SIMILARITY_BLOCK_PREFIX = 3;

/** At most this many measure pairs are compared: the window is narrowed to fit, and the comparison stops there if it
 *  is still reached (units.json says so). */
export const SIMILARITY_MAX_PAIRS = 20_000_000;

/** Of the alike pairs a measure starts, this many (the most alike) are counted as shared: a boilerplate measure found
 *  in thousands of notices does not fill units.json with all of them. */
export const SHARED_PAIRS_PER_MEASURE = 5;

/** units.json lists, for each unit, the units it shares most measures with, at most this many. */
export const SHARED_UNITS_KEEP = 3;
