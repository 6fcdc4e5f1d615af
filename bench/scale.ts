/**
 * `npm run bench:scale`: the analysis side at 10,000 and 100,000 notices (issue 14). For each size it writes a
 * results folder directly (running the pipeline 100,000 times is not the point): the outputs of the project corpus
 * (`zhenggai run corpus`, 41 notices in every format) as templates, each copy given
 * - its own unit (a unit has five notices on average, of different years: 10,000 notices → 2,000 units,
 *   100,000 → 20,000), publication year and path;
 * - its own words: six content characters of the template are swapped, all through the document (text, items,
 *   titles, evidence), for other Chinese characters chosen by the notice's number, so measures are not 41 texts
 *   repeated but a varied vocabulary with rare and common words, and spans still address the text;
 * then times, each step in its own process under /usr/bin/time (elapsed seconds, peak RSS):
 * - the store build (the first `query`, which builds it);
 * - each README example query, cold (first run after the build) and warm (median of three more runs);
 * - an incremental update after 1% of the outputs are rewritten;
 * - `compare`, and `export --parquet` (plain and partitioned by kind and year).
 * Options: --sizes 10000,100000, --dir <folder> (default <tmp>/zhenggai-scale), --keep (leave the folders).
 * Prints a Markdown table and writes <dir>/scale-results.json.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { REPO_ROOT } from '../tools/eval.js';
import { seededRandom } from './random.js';

const argv = process.argv.slice(2);
const arg = (name: string): string | undefined => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
};
const SIZES = (arg('--sizes') ?? '10000,100000').split(',').map(Number);
const WORK = arg('--dir') ?? join(tmpdir(), 'zhenggai-scale');
const KEEP = argv.includes('--keep');
const BIN = join(REPO_ROOT, 'bin', 'zhenggai.js');
const NOTICES_PER_UNIT = 5;

/** Characters a template's text may have swapped (content characters; never those of an enum such as 巡视/审计). */
const SWAPPABLE = [...'制度管理资金项目建设教育医疗服务干部人员规范经费采购工程合同档案培训安全环境农业水利交通住房土地财务票据考核'];


/** The templates: the corpus run's outputs, serialized. */
function templates(): Array<{ json: string; unit: string | null }> {
  const dir = join(WORK, 'templates');
  if (!existsSync(join(dir, 'index.jsonl'))) {
    rmSync(dir, { recursive: true, force: true });
    const r = spawnSync(process.execPath, [BIN, 'run', join(REPO_ROOT, 'corpus'), '--out', dir, '-q'], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`zhenggai run corpus failed: ${r.stderr}`);
  }
  return readFileSync(join(dir, 'index.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { output: string | null })
    .filter((r) => r.output !== null)
    .map((r) => {
      const json = readFileSync(join(dir, r.output!), 'utf8');
      return { json, unit: (JSON.parse(json) as { meta: { unit: string | null } }).meta.unit };
    });
}

/** Write a results folder of n notices (once; a stamp marks it complete). */
function generate(n: number): { dir: string; seconds: number; bytes: number } {
  const dir = join(WORK, `results-${n}`);
  const stamp = join(dir, '.generated');
  if (existsSync(stamp)) return { dir, ...(JSON.parse(readFileSync(stamp, 'utf8')) as { seconds: number; bytes: number }) };
  rmSync(dir, { recursive: true, force: true });
  const started = process.hrtime.bigint();
  const ts = templates();
  const units = Math.max(1, Math.round(n / NOTICES_PER_UNIT));
  const index: string[] = [];
  let bytes = 0;
  for (let k = 0; k < n; k++) {
    const t = ts[k % ts.length]!;
    const rnd = seededRandom(k + 1);
    let json = t.json;
    // Swap six content characters for others, everywhere in the document (same UTF-16 length: spans hold).
    for (let s = 0; s < 6; s++) {
      const from = SWAPPABLE[Math.floor(rnd() * SWAPPABLE.length)]!;
      const to = String.fromCharCode(0x4e00 + Math.floor(rnd() * (0x9fa5 - 0x4e00)));
      json = json.split(from).join(to);
    }
    const doc = JSON.parse(json) as {
      source: { path: string; sha256: string };
      meta: { unit: string | null; publishedDate: string | null };
      status: string;
    };
    const u = k % units;
    const year = 2018 + Math.floor(k / units);
    const path = `g${String(Math.floor(k / 1000)).padStart(3, '0')}/n${String(k).padStart(6, '0')}.txt`;
    const sha256 = createHash('sha256').update(`notice ${k}`).digest('hex');
    doc.source.path = path;
    doc.source.sha256 = sha256;
    doc.meta.unit = `第${u}单位${ts[u % ts.length]!.unit ?? ''}`;
    if (doc.meta.publishedDate) doc.meta.publishedDate = `${year}${doc.meta.publishedDate.slice(4)}`.replace(/-02-29$/u, '-02-28');
    const out = `${path}.json`;
    mkdirSync(join(dir, out, '..'), { recursive: true });
    const text = `${JSON.stringify(doc)}\n`;
    writeFileSync(join(dir, out), text);
    bytes += Buffer.byteLength(text);
    index.push(JSON.stringify({ path, output: out, status: doc.status, sha256, error: null }));
  }
  writeFileSync(join(dir, 'index.jsonl'), `${index.join('\n')}\n`);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  writeFileSync(stamp, JSON.stringify({ seconds, bytes }));
  return { dir, seconds, bytes };
}

/** One step: a zhenggai command in its own process under /usr/bin/time. */
interface Step {
  seconds: number;
  /** CPU seconds (user + system): on a shared machine, what the step itself cost. */
  cpu: number;
  rssMB: number;
}

function timed(args: string[]): Step {
  const r = spawnSync('/usr/bin/time', ['-f', '%e %M %U %S', process.execPath, BIN, ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (r.status !== 0) throw new Error(`zhenggai ${args.join(' ')} failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const last = r.stderr.trim().split('\n').at(-1)!;
  const [seconds, kb, user, sys] = last.split(' ').map(Number) as [number, number, number, number];
  return { seconds, cpu: Math.round((user + sys) * 100) / 100, rssMB: Math.round(kb / 1024) };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The README's example queries. */
const QUERIES = [...readFileSync(join(REPO_ROOT, 'README.md'), 'utf8').matchAll(/```sql\n([\s\S]*?)```/gu)].map((m) => m[1]!.trim());

interface SizeResult {
  load: string;
  notices: number;
  generate: { seconds: number; gigabytes: number };
  storeBuild: Step;
  storeMB: number;
  queries: Array<{ query: number; cold: Step; warm: Step }>;
  incremental: Step & { rewritten: number };
  compare: Step;
  exportPlain: Step;
  exportPartitioned: Step;
}

function runSize(n: number): SizeResult {
  const g = generate(n);
  console.error(`bench:scale: ${n} notices in ${g.dir} (${(g.bytes / 1e9).toFixed(2)} GB)`);
  rmSync(join(g.dir, 'zhenggai-store.duckdb'), { force: true });
  const storeBuild = timed(['query', g.dir, 'SELECT count(*) FROM documents', '--format', 'csv']);
  console.error(`  store build ${storeBuild.seconds} s (cpu ${storeBuild.cpu} s), ${storeBuild.rssMB} MB`);
  const queries = QUERIES.map((sql, i) => {
    const cold = timed(['query', g.dir, sql, '--format', 'csv']);
    const warms = [0, 1, 2].map(() => timed(['query', g.dir, sql, '--format', 'csv']));
    const warm = { seconds: median(warms.map((w) => w.seconds)), cpu: median(warms.map((w) => w.cpu)), rssMB: Math.max(...warms.map((w) => w.rssMB)) };
    console.error(`  query ${i + 1}: cold ${cold.seconds} s, warm ${warm.seconds} s, ${warm.rssMB} MB`);
    return { query: i + 1, cold, warm };
  });
  // Rewrite 1% of the outputs (as a rules change that reprocesses them would: new files renamed into place).
  const rewritten = Math.ceil(n / 100);
  const index = readFileSync(join(g.dir, 'index.jsonl'), 'utf8').trim().split('\n');
  for (let k = 0; k < rewritten; k++) {
    const out = join(g.dir, (JSON.parse(index[k * 100]!) as { output: string }).output);
    const text = readFileSync(out, 'utf8');
    rmSync(out);
    writeFileSync(out, text);
  }
  const incremental = { ...timed(['query', g.dir, 'SELECT count(*) FROM documents', '--format', 'csv']), rewritten };
  console.error(`  incremental update of ${rewritten}: ${incremental.seconds} s, ${incremental.rssMB} MB`);
  const cmp = join(WORK, `compare-${n}`);
  const compare = timed(['compare', g.dir, '--out', cmp]);
  console.error(`  compare ${compare.seconds} s (cpu ${compare.cpu} s), ${compare.rssMB} MB`);
  const pq = join(WORK, `parquet-${n}`);
  rmSync(pq, { recursive: true, force: true });
  const exportPlain = timed(['export', g.dir, '--parquet', pq]);
  const exportPartitioned = timed(['export', g.dir, '--parquet', `${pq}-partitioned`, '--partition-by', 'kind,year']);
  console.error(`  export ${exportPlain.seconds} s, ${exportPlain.rssMB} MB; partitioned ${exportPartitioned.seconds} s, ${exportPartitioned.rssMB} MB`);
  const storeMB = Math.round(statSync(join(g.dir, 'zhenggai-store.duckdb')).size / 2 ** 20);
  if (!KEEP) for (const p of [cmp, pq, `${pq}-partitioned`]) rmSync(p, { recursive: true, force: true });
  return { load: loadavg()[0]!.toFixed(1), notices: n, generate: { seconds: Math.round(g.seconds), gigabytes: Number((g.bytes / 1e9).toFixed(2)) }, storeBuild, storeMB, queries, incremental, compare, exportPlain, exportPartitioned };
}

mkdirSync(WORK, { recursive: true });
const results = SIZES.map(runSize);
const cell = (s: Step) => `${s.seconds} s (cpu ${s.cpu} s), ${s.rssMB} MB`;
const rows: string[][] = [
  ['notices', ...results.map((r) => String(r.notices))],
  ['results folder (JSON)', ...results.map((r) => `${r.generate.gigabytes} GB`)],
  ['store build (first query)', ...results.map((r) => cell(r.storeBuild))],
  ['store size', ...results.map((r) => `${r.storeMB} MB`)],
  ...QUERIES.flatMap((_, i) => [
    [`README query ${i + 1}, cold`, ...results.map((r) => cell(r.queries[i]!.cold))],
    [`README query ${i + 1}, warm (median of 3)`, ...results.map((r) => cell(r.queries[i]!.warm))],
  ]),
  ['update after 1% rewritten', ...results.map((r) => `${cell(r.incremental)} (${r.incremental.rewritten} docs)`)],
  ['compare', ...results.map((r) => cell(r.compare))],
  ['export --parquet', ...results.map((r) => cell(r.exportPlain))],
  ['export --parquet --partition-by kind,year', ...results.map((r) => cell(r.exportPartitioned))],
];
const peak = results.map((r) => Math.max(r.storeBuild.rssMB, r.incremental.rssMB, r.compare.rssMB, r.exportPlain.rssMB, r.exportPartitioned.rssMB, ...r.queries.flatMap((q) => [q.cold.rssMB, q.warm.rssMB])));
rows.push(['peak RSS of any step', ...peak.map((p) => `${p} MB`)]);
rows.push(['load average during the run (1 min, at the end)', ...results.map((r) => String(r.load))]);
console.log(`| step | ${results.map((r) => `${r.notices} notices`).join(' | ')} |`);
console.log(`|---|${results.map(() => '---|').join('')}`);
for (const r of rows.slice(1)) console.log(`| ${r.join(' | ')} |`);
writeFileSync(join(WORK, 'scale-results.json'), `${JSON.stringify(results, null, 2)}\n`);
if (!KEEP) for (const n of SIZES) rmSync(join(WORK, `results-${n}`), { recursive: true, force: true });
