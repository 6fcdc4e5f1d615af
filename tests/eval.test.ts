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
  it('expected diagnostics (ordinal gaps, repeats) are all reported', () => expect(f.diagnosticsAccuracy).toBe(1));
});
