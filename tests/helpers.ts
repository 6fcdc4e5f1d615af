/** Shared test helpers: where the repository and ../shared are, and a visible note when ../shared is absent. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import { decodeText } from '../pipeline/load/text/decodeText.js';
import { normalizeText } from '../text/charMap.js';
import { runRules, runRulesAt } from '../pipeline/extract/runRules.js';
import type { Diagnostic } from '../output/schema.js';
import { createPipelineContext, type DocumentContext, documentContext, type PipelineContext } from '../pipeline/context.js';
import { processBytes, type ProcessOptions, processText } from '../pipeline/process.js';
import type { Rule } from '../rules/ruleTypes.js';
import { seededRandom } from '../bench/random.js';

/** The repository root. */
export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** ../shared (seeds, real notices, external data); absent on a fresh clone elsewhere. */
export const SHARED = resolve(ROOT, '../shared');
/** True when ../shared is present. */
export const hasShared = existsSync(join(SHARED, 'seeds', 'seed.txt'));

/** Print a visible note that a test group is skipped because ../shared is absent. */
export function noteSkipped(what: string): void {
  if (!hasShared) console.warn(`[skipped] ${what}: ${SHARED} is absent (tests that read ../shared run only where it exists)`);
}

/** The project's corpus notices: [file name, absolute path, gold]. */
export function corpusNotices(): Array<{ name: string; path: string; gold: Record<string, unknown> }> {
  const dir = join(ROOT, 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.gold.json'))
    .sort()
    .map((g) => {
      const gold = JSON.parse(readFileSync(join(dir, g), 'utf8')) as Record<string, unknown>;
      const name = typeof gold['file'] === 'string' ? gold['file'] : g.replace(/\.gold\.json$/u, '.txt');
      return { name, path: join(dir, name), gold };
    });
}

/** The corpus notices (and the seed, when ../shared is present), decoded and normalized as the extractors see them. */
export function corpusViews(options: { seed?: boolean } = {}): string[] {
  const dir = join(ROOT, 'corpus');
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => join(dir, f));
  const seed = join(SHARED, 'seeds', 'seed.txt');
  if (options.seed && existsSync(seed)) files.push(seed);
  return files.map((f) => normalizeText(decodeText(readFileSync(f)).text));
}

/** The non-blank paragraphs of corpusViews(). */
export function corpusParagraphs(options: { seed?: boolean } = {}): string[] {
  return corpusViews(options).flatMap((v) => v.split('\n')).filter((p) => p.trim() !== '');
}


/** n texts of 1..maxPieces pieces drawn from `pieces` (deterministic for a seed). */
export function generatedTexts(pieces: readonly string[], n: number, seed: number, maxPieces: number): string[] {
  const rnd = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const k = 1 + Math.floor(rnd() * maxPieces);
    let s = '';
    for (let i = 0; i < k; i++) s += pieces[Math.floor(rnd() * pieces.length)]!;
    return s;
  });
}

/**
 * Check an extractor's shortcut: `rules` tried only at `starts(text)` give exactly the hits of a scan of the whole
 * text, on every text. Returns the number of hits per rule id, for the caller to require that the texts exercised
 * the rules.
 */
export function expectSameHitsAtStarts<V, C>(
  rules: readonly Rule<V, C>[],
  starts: (text: string) => Parameters<typeof runRulesAt<V, C>>[3],
  texts: readonly string[],
): Map<string, number> {
  const byRule = new Map<string, number>();
  for (const text of texts) {
    const whole = runRules(rules, text, undefined as C);
    for (const h of whole) byRule.set(h.rule, (byRule.get(h.rule) ?? 0) + 1);
    expect(runRulesAt(rules, text, undefined as C, starts(text)), text).toEqual(whole);
  }
  return byRule;
}

/** All the hits counted by expectSameHitsAtStarts. */
export const totalHits = (byRule: ReadonlyMap<string, number>) => [...byRule.values()].reduce((a, b) => a + b, 0);

/** A loader's result as one object (its value's fields and its diagnostics), as the load tests read it. */
export function flat<T extends object>(r: { value: T; diagnostics: Diagnostic[] }): T & { diagnostics: Diagnostic[] } {
  return { ...r.value, diagnostics: r.diagnostics };
}

let context: PipelineContext | null = null;

/** One pipeline context per test file: building jieba takes ~0.1 s, and the tests make thousands of documents. */
export function testContext(): PipelineContext {
  context ??= createPipelineContext();
  return context;
}

/** processText with the test file's context. */
export const notice = (text: string, options: ProcessOptions & { path?: string } = {}) => processText(text, { context: testContext(), ...options });

/** processBytes with the test file's context. */
export const noticeBytes = (bytes: Uint8Array, path: string, options: ProcessOptions = {}) => processBytes(bytes, path, { context: testContext(), ...options });

/** A bare text as the extractors see it (its view and sentences), with a reference date if given. */
export const docOf = (text: string, referenceDate: string | null = null): DocumentContext =>
  documentContext({ ...testContext(), referenceDate }, text);
