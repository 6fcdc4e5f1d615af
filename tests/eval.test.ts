/** Accuracy on the project's own corpus (the figures `npm run eval` prints), held as regression bounds. */
import { beforeAll, describe, expect, it } from 'vitest';
import { evaluate, figures, findCases } from '../tools/eval.js';

describe('accuracy on the corpus gold', () => {
  let f: ReturnType<typeof figures>;
  beforeAll(async () => {
    const { totals } = await evaluate(findCases().filter((c) => c.group === 'corpus'));
    f = figures(totals.corpus);
  });

  it('scores at least 12 notices, none failed', () => {
    expect(f.notices).toBeGreaterThanOrEqual(12);
    expect(f.failed).toBe(0);
  });

  it('section F1 ≥ 0.98', () => expect(f.sectionF1).toBeGreaterThanOrEqual(0.98));
  it('metadata accuracy ≥ 0.95', () => expect(f.metaAccuracy).toBeGreaterThanOrEqual(0.95));
  it('dates F1 ≥ 0.95', () => expect(f.datesF1).toBeGreaterThanOrEqual(0.95));
  it('counts F1 ≥ 0.93', () => expect(f.countsF1).toBeGreaterThanOrEqual(0.93));
  it('measure anchors recall ≥ 0.95 with status accuracy ≥ 0.9', () => {
    expect(f.measureRecall).toBeGreaterThanOrEqual(0.95);
    expect(f.measureStatusAccuracy).toBeGreaterThanOrEqual(0.9);
  });
  it('regulations recall ≥ 0.95', () => expect(f.regulationRecall).toBeGreaterThanOrEqual(0.95));
  it('every indicator figure the gold states is given with its exact value', () => {
    expect(f.indicatorFigures).toBeGreaterThanOrEqual(100);
    expect(f.indicatorAccuracy).toBe(1);
  });
  it('expected diagnostics (ordinal gaps, repeats) are all reported', () => expect(f.diagnosticsAccuracy).toBe(1));
});

/**
 * The notices that reproduce the phrasing of real published notices in new words (corpus/patterns/, issue 12), held
 * to the targets: indicators ≥ 0.95, measure status ≥ 0.90, count objects ≥ 0.90, metadata ≥ 0.95.
 */
describe('accuracy on the real-phrasing notices (corpus/patterns)', () => {
  let f: ReturnType<typeof figures>;
  beforeAll(async () => {
    const { totals } = await evaluate(findCases().filter((c) => c.group === 'patterns'));
    f = figures(totals.patterns);
  });

  it('scores at least 12 notices, none failed', () => {
    expect(f.notices).toBeGreaterThanOrEqual(12);
    expect(f.failed).toBe(0);
  });
  it('indicators exact ≥ 0.95 over every stated gold figure', () => {
    expect(f.indicatorFigures).toBeGreaterThanOrEqual(150);
    expect(f.indicatorAccuracy).toBeGreaterThanOrEqual(0.95);
  });
  it('measure status accuracy ≥ 0.90, anchors recall ≥ 0.95, no measure that is none', () => {
    expect(f.measureStatusAccuracy).toBeGreaterThanOrEqual(0.9);
    expect(f.measureRecall).toBeGreaterThanOrEqual(0.95);
    expect(f.measuresThatAreNot).toBe(0);
  });
  it('count objects ≥ 0.90', () => {
    expect(f.countObjectFigures).toBeGreaterThanOrEqual(500);
    expect(f.countObjectAccuracy).toBeGreaterThanOrEqual(0.9);
  });
  it('metadata ≥ 0.95, dates F1 ≥ 0.95, sections F1 ≥ 0.98', () => {
    expect(f.metaAccuracy).toBeGreaterThanOrEqual(0.95);
    expect(f.datesF1).toBeGreaterThanOrEqual(0.95);
    expect(f.sectionF1).toBeGreaterThanOrEqual(0.98);
  });
  it('counts F1 ≥ 0.93, regulations recall ≥ 0.95', () => {
    expect(f.countsF1).toBeGreaterThanOrEqual(0.93);
    expect(f.regulationRecall).toBeGreaterThanOrEqual(0.95);
  });
});
