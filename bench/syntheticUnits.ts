/**
 * A synthetic comparison of many units for measuring report.html (and units.xlsx) at scale: the corpus notices
 * (corpus/*.txt and corpus/patterns/*.txt) are processed once, compared, and their units copied n times in a
 * shuffled order, each copy with a distinct unit name, inspector, dates and figures, and its sentences and measures
 * with their digits redrawn (so that copies do not compress as repeats of one another). Deterministic (seeded).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { compareUnits } from '../analyze/compare.js';
import { openResults } from '../analyze/database.js';
import type { UnitDetail } from '../analyze/report/detail.js';
import { indexName } from '../output/runLayout.js';
import type { IndexRecord } from '../output/schema.js';
import type { UnitEntry, UnitsDocument } from '../output/unitsSchema.js';
import { serializeDocument } from '../output/writeFiles.js';
import { processBytes } from '../pipeline/process.js';
import { createSegmenter } from '../pipeline/segment/segmenter.js';
import { seededRandom } from './random.js';


/**
 * The corpus notices processed (into a temporary results folder, removed after) and compared as `compare` does:
 * the base the synthetic units are copied from.
 */
export async function corpusComparison(root: string): Promise<{ doc: UnitsDocument; details: UnitDetail[] }> {
  const results = mkdtempSync(join(tmpdir(), 'zhenggai-synthetic-'));
  try {
    const records: IndexRecord[] = [];
    for (const sub of ['corpus', join('corpus', 'patterns')]) {
      const dir = join(root, sub);
      for (const f of readdirSync(dir).filter((x) => x.endsWith('.txt')).sort()) {
        if (records.some((r) => r.path === f)) throw new Error(`${join(sub, f)}: a second corpus notice named ${f}`);
        const doc = await processBytes(readFileSync(join(dir, f)), f);
        writeFileSync(join(results, `${f}.json`), serializeDocument(doc));
        records.push({ path: f, output: `${f}.json`, status: doc.status, sha256: doc.source.sha256, error: null });
      }
    }
    writeFileSync(join(results, indexName()), records.map((r) => `${JSON.stringify(r)}\n`).join(''));
    const db = await openResults([results], { externalAccess: true, log: () => {} });
    try {
      const { doc, details } = await compareUnits(db, createSegmenter());
      return { doc, details: details.map((d, i) => d ?? failed(i)) };
    } finally {
      db.close();
    }
  } finally {
    rmSync(results, { recursive: true, force: true });
  }
}

/** A corpus notice compare could not read back: never expected, so it stops the bench. */
function failed(i: number): never {
  throw new Error(`corpus unit ${i}: its result could not be read back`);
}

const PLACES = '东西南北中青白云江河湖山海林川泉石安平宁康永新兴华明光清长乐和丰盛远泰';
const KINDS = ['巡视', '巡察', '审计'] as const;

/** n units copied from the base comparison with distinct names, inspectors, dates and figures. */
export function syntheticUnits(base: { doc: UnitsDocument; details: UnitDetail[] }, n: number, seed = 20_000): { doc: UnitsDocument; details: UnitDetail[] } {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const digits = (s: string) => s.replace(/[0-9]/gu, () => String(Math.floor(rnd() * 10)));
  const place = () => Array.from({ length: 2 + Math.floor(rnd() * 2) }, () => pick([...PLACES])).join('');
  const units: UnitEntry[] = [];
  const details: UnitDetail[] = [];
  const from: number[] = [];
  for (let k = 0; k < n; k++) {
    const b = Math.floor(rnd() * base.doc.units.length);
    from.push(b);
    const u = base.doc.units[b]!;
    const values = { ...u.values };
    const name = typeof u.values['unit'] === 'string' ? `${place()}${u.values['unit'].replace(/^中共/u, '')}` : null;
    values['unit'] = rnd() < 0.01 ? null : name; // about 1% of units cannot be identified
    values['inspectionKind'] = pick(KINDS);
    values['inspector'] = `${place()}${pick(['市委', '县委', '区委', '省委'])}第${1 + Math.floor(rnd() * 12)}${values['inspectionKind'] === '审计' ? '审计组' : `${values['inspectionKind']}组`}`;
    const year = 2018 + Math.floor(rnd() * 8);
    const day = (offset: number) => new Date(Date.UTC(year, 0, 1 + offset)).toISOString().slice(0, 10);
    const start = Math.floor(rnd() * 200);
    const feedback = start + 60 + Math.floor(rnd() * 60);
    const published = feedback + 30 + Math.floor(rnd() * 150);
    Object.assign(values, { inspectionStart: day(start), inspectionEnd: day(start + 45), feedbackDate: day(feedback), publishedDate: day(published), daysFeedbackToPublished: published - feedback });
    for (const c of ['problemsFound', 'problemsCompleted', 'peopleDisciplined', 'moneyRecoveredYuan', 'regulationsMade', 'regulationsRevised']) {
      const x = values[c];
      if (typeof x === 'number') values[c] = Math.round(x * (0.5 + rnd()));
    }
    const found = values['problemsFound'];
    const done = values['problemsCompleted'];
    if (typeof found === 'number' && typeof done === 'number') {
      values['problemsCompleted'] = Math.min(found, done);
      values['completionRateComputed'] = found > 0 ? Math.round((10_000 * Math.min(found, done)) / found) / 100 : null;
    }
    values['source'] = `batch/${String(k).padStart(5, '0')}-${String(u.values['source'])}`;
    // Digits redrawn in each sentence, its mention read at the same place again.
    const evidence = Object.fromEntries(
      Object.entries(u.evidence).map(([c, evs]) => [
        c,
        evs.map((e) => {
          const at = e.sentence.indexOf(e.text);
          const sentence = digits(e.sentence);
          return { ...e, sentence, text: at < 0 ? digits(e.text) : sentence.slice(at, at + e.text.length) };
        }),
      ]),
    );
    units.push({ values, evidence, otherNotices: [] });
    const d = base.details[b]!;
    details.push({ ...d, result: join('.synthetic', `${String(values['source'])}.json`), measures: d.measures.map((m) => ({ ...m, text: digits(m.text) })) });
  }
  // Shared measures: each base pair once per copy of its first unit, up to 2,000 pairs (as a capped compare would).
  const copies = new Map<number, number[]>();
  from.forEach((b, k) => copies.set(b, [...(copies.get(b) ?? []), k]));
  const sharedMeasures: UnitsDocument['sharedMeasures'] = [];
  for (let r = 0; sharedMeasures.length < 2000 && r < n; r++) {
    for (const p of base.doc.sharedMeasures) {
      const a = copies.get(p.a)?.[r];
      const b = copies.get(p.b)?.[r];
      if (a === undefined || b === undefined || sharedMeasures.length >= 2000) continue;
      sharedMeasures.push({ ...p, a: Math.min(a, b), b: Math.max(a, b) });
    }
  }
  const distinctiveMeasures = from.map((b, k) => ({ ...(base.doc.distinctiveMeasures.find((d) => d.unit === b) ?? { count: 0, measures: [] }), unit: k }));
  return { doc: { ...base.doc, notices: n, failed: 0, units, sharedMeasures, distinctiveMeasures }, details };
}
