/** Every example of every rule table, run through the table's runner as the pipeline runs it. */
import { describe, expect, it } from 'vitest';
import { RULE_TABLES } from '../pipeline/ruleRegistry.js';
import { testContext } from './helpers.js';

const belongs = (hitRule: string, id: string) => hitRule === id || hitRule.startsWith(`${id}+`);

describe.each(RULE_TABLES.map((t) => [t.name, t] as const))('rule table %s', (_name, table) => {
  it('has unique rule ids, each with at least one positive example', () => {
    const ids = table.rules.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of table.rules) expect(r.examples.length, `${r.id} has no example`).toBeGreaterThan(0);
  });

  const positives = table.rules.flatMap((r) => r.examples.map((e) => [r.id, e.text, e] as const));
  it.each(positives)('%s finds its example in “%s”', (id, text, ex) => {
    const hits = table.run(text, testContext());
    const match = ex.match ?? text;
    const hit = hits.find((h) => belongs(h.rule, id) && text.slice(h.start, h.end) === match);
    expect(hit, `${id} should find “${match}”; found ${JSON.stringify(hits.map((h) => [h.rule, text.slice(h.start, h.end)]))}`).toBeDefined();
    if (ex.value) expect(hit!.value).toMatchObject(ex.value);
  });

  const negatives = table.rules.flatMap((r) => (r.negatives ?? []).map((n) => [r.id, n.text, n] as const));
  if (negatives.length > 0) {
    it.each(negatives)('%s does not fire on “%s”', (_id, text, neg) => {
      const hits = table.run(text, testContext());
      if (neg.match === undefined) {
        expect(hits.map((h) => [h.rule, text.slice(h.start, h.end)]), neg.why).toEqual([]);
      } else {
        const at = text.indexOf(neg.match);
        const over = hits.filter((h) => h.start < at + neg.match!.length && h.end > at);
        expect(over.map((h) => [h.rule, text.slice(h.start, h.end)]), neg.why).toEqual([]);
      }
    });
  }
});
