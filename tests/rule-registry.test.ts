/** The one registry of rule tables (pipeline/ruleRegistry.ts): every table of rules/ is in it, and changing anything a
 *  registered table holds — any field of any rule, any lexicon — changes rulesVersion. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULE_TABLES, rulesVersion, rulesVersionOf } from '../pipeline/ruleRegistry.js';
import type { RuleTable } from '../rules/ruleTypes.js';
import { ROOT } from './helpers.js';

/** Keys that document a rule and are left out of the version on purpose. */
const DOCUMENTATION = new Set(['examples', 'negatives', 'description']);

/** A changed copy of a value of a table. */
function changed(v: unknown): unknown {
  if (v instanceof RegExp) return new RegExp(`${v.source}|(?:changed)`, v.flags);
  if (typeof v === 'string') return `${v}·`;
  if (typeof v === 'number') return v + 1;
  if (typeof v === 'boolean') return !v;
  if (v instanceof Set) return new Set([...(v as Set<unknown>), '·changed']);
  if (v instanceof Map) return new Map([...(v as Map<unknown, unknown>), ['·changed', 1]]);
  if (Array.isArray(v)) return v.length > 0 ? [changed(v[0]), ...(v.slice(1) as unknown[])] : ['·changed'];
  if (v !== null && typeof v === 'object') {
    const [key] = Object.keys(v);
    return key === undefined ? { changed: 1 } : { ...v, [key]: changed((v as Record<string, unknown>)[key]) };
  }
  return '·changed';
}

type AnyTable = RuleTable<unknown, never>;

/** The registry with one table replaced. */
const withTable = (i: number, t: AnyTable): AnyTable[] => RULE_TABLES.map((x, k) => (k === i ? t : (x as AnyTable)));

describe('rule registry', () => {
  const base = rulesVersion();

  it('rulesVersion is the series and a hash of the registered tables', () => {
    expect(base).toMatch(/^\d+\+[0-9a-f]{12}$/u);
    expect(rulesVersionOf(RULE_TABLES as AnyTable[])).toBe(base);
  });

  it.each(RULE_TABLES.map((t, i) => [t.name, i] as const))('changing any field of any rule or lexicon of %s changes rulesVersion', (_name, i) => {
    const table = RULE_TABLES[i] as AnyTable;
    let changes = 0;
    table.rules.forEach((rule, r) => {
      for (const [key, value] of Object.entries(rule)) {
        if (DOCUMENTATION.has(key) || typeof value === 'function') continue;
        const rules = table.rules.map((x, k) => (k === r ? { ...x, [key]: changed(value) } : x));
        expect(rulesVersionOf(withTable(i, { ...table, rules })), `${table.name}: ${rule.id}.${key}`).not.toBe(base);
        changes++;
      }
    });
    for (const [key, value] of Object.entries(table.lexicons ?? {})) {
      expect(rulesVersionOf(withTable(i, { ...table, lexicons: { ...table.lexicons, [key]: changed(value) } })), `${table.name}: ${key}`).not.toBe(base);
      changes++;
    }
    expect(changes).toBeGreaterThanOrEqual(table.rules.length);
  });

  it('changing a documentation field (an example) leaves rulesVersion as it is', () => {
    const i = RULE_TABLES.findIndex((t) => t.name === 'dates');
    const table = RULE_TABLES[i] as AnyTable;
    const rules = table.rules.map((x, k) => (k === 0 ? { ...x, examples: [] } : x));
    expect(rulesVersionOf(withTable(i, { ...table, rules }))).toBe(base);
  });

  it('registers every table of rules/ (each exported list of rules with ids and examples)', async () => {
    const registered = new Set(RULE_TABLES.flatMap((t) => t.rules.map((r) => r.id)));
    const missing: string[] = [];
    for (const file of readdirSync(join(ROOT, 'rules')).filter((f) => f.endsWith('.ts'))) {
      const mod = (await import(`../rules/${file.replace(/\.ts$/u, '.js')}`)) as Record<string, unknown>;
      for (const [name, value] of Object.entries(mod)) {
        if (!Array.isArray(value)) continue;
        for (const rule of value as unknown[]) {
          if (rule === null || typeof rule !== 'object' || !('id' in rule) || !('examples' in rule)) continue;
          const id = String(rule.id);
          if (![...registered].some((r) => r === id || r.endsWith(`/${id}`))) missing.push(`${file} ${name} ${id}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });
});
