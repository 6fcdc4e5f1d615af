/**
 * `npm run bench`: builds a batch of notices of varied size from the corpus as .txt, .docx and .pdf, runs the
 * pipeline on it (2 worker threads by default), and prints notices/s, pages/s, MB/s and peak RSS; beside it, raw
 * text extraction alone (pdf.js/mammoth) on the same files, and — when python3-jieba and poppler-utils are
 * installed (`apt-get install python3-jieba poppler-utils`) — the peer pipeline a researcher would write
 * (pdftotext + Python jieba + regexes, 2 processes). Then peak RSS at 1,000 and 10,000 notices.
 * Each run's CPU use (user + system seconds of the process and its threads, over its wall time; from /usr/bin/time)
 * is printed with it, and the whole batch is also run with --jobs 1, 2 and 4.
 * Options: --n N (batch size, default 2000), --jobs N (default 2), --no-rss (skip the 1k/10k runs), --no-peer,
 * --no-sweep (skip the --jobs 1/2/4 runs).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { RunSummary } from '../cli/run/runCommand.js';
import { REPO_ROOT } from '../tools/eval.js';
import { makeDocx } from './makeDocx.js';

const argv = process.argv.slice(2);
const opt = (name: string, dflt: number) => {
  const i = argv.indexOf(name);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const N = opt('--n', 2000);
const JOBS = opt('--jobs', 2);
const WORK = join(REPO_ROOT, '.bench');
const BIN = join(REPO_ROOT, 'bin', 'zhenggai.js');

/** Corpus notices as text (decoded through the pipeline's own decoder for the encoded ones). */
async function corpusTexts(): Promise<Array<{ name: string; text: string }>> {
  const { decodeText } = await import('../pipeline/load/text/decodeText.js');
  const dir = join(REPO_ROOT, 'corpus');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => ({ name: f.replace(/\.txt$/u, ''), text: decodeText(readFileSync(join(dir, f))).text }));
}

/** Vary a notice's size: repeat its body lines (between the first heading and the closing) k times. */
function resize(text: string, k: number): string {
  if (k <= 1) return text;
  const lines = text.split('\n');
  const first = lines.findIndex((l) => /^\s*[一二三四五六七八九十]+、|^\s*[（(]一[）)]/u.test(l));
  const closing = lines.findIndex((l) => /^\s*(?:\S{0,4})欢迎/u.test(l));
  if (first < 0 || closing <= first) return text;
  const body = lines.slice(first, closing);
  return [...lines.slice(0, first), ...Array.from({ length: k }, () => body).flat(), ...lines.slice(closing)].join('\n');
}

/** Build (once) a batch of n notices: ½ .txt, ¼ .docx, ¼ .pdf (the corpus PDF fixtures), in subfolders by format. */
async function buildBatch(n: number): Promise<string> {
  const dir = join(WORK, `batch-${n}`);
  const stamp = join(dir, '.complete');
  if (existsSync(stamp)) return dir;
  rmSync(dir, { recursive: true, force: true });
  const texts = await corpusTexts();
  const pdfDir = join(REPO_ROOT, 'corpus', 'formats');
  const pdfs = existsSync(pdfDir) ? readdirSync(pdfDir).filter((f) => f.endsWith('.pdf')).sort() : [];
  for (const sub of ['txt', 'docx', 'pdf']) mkdirSync(join(dir, sub, 'a'), { recursive: true });
  for (let i = 0; i < n; i++) {
    const kind = pdfs.length > 0 && i % 4 === 3 ? 'pdf' : i % 4 === 2 ? 'docx' : 'txt';
    const src = texts[i % texts.length]!;
    const name = `${String(i).padStart(5, '0')}-${src.name}`;
    const folder = join(dir, kind, String.fromCharCode(97 + (i % 26)));
    mkdirSync(folder, { recursive: true });
    if (kind === 'pdf') copyFileSync(join(pdfDir, pdfs[i % pdfs.length]!), join(folder, `${name}.pdf`));
    else {
      const text = resize(src.text, 1 + (i % 3));
      if (kind === 'docx') writeFileSync(join(folder, `${name}.docx`), await makeDocx(text));
      else writeFileSync(join(folder, `${name}.txt`), text);
    }
  }
  writeFileSync(stamp, '');
  return dir;
}

function folderBytes(dir: string): number {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .reduce((n, e) => n + statSync(join(e.parentPath, e.name)).size, 0);
}

const TIME = '/usr/bin/time';

/** A run's summary, and its CPU seconds (user + system, every thread) when /usr/bin/time is installed. */
type Measured = RunSummary & { cpuSeconds: number | null; wallSeconds: number | null };

/** Run zhenggai on a folder; the summary it writes (seconds, pages, peak RSS of the process and its threads). */
function runPipeline(input: string, label: string, jobs = JOBS): Measured {
  const out = join(WORK, `out-${label}`);
  rmSync(out, { recursive: true, force: true });
  const summary = join(WORK, `summary-${label}.json`);
  const args = [BIN, 'run', input, '--out', out, '--quiet', '--jobs', String(jobs), '--summary-json', summary];
  const timed = existsSync(TIME);
  // /usr/bin/time writes its line last on stderr: user and system CPU seconds of the process, its threads included.
  const r = timed
    ? spawnSync(TIME, ['-f', 'cpu %e %U %S', process.execPath, ...args], { encoding: 'utf8' })
    : spawnSync(process.execPath, args, { encoding: 'utf8' });
  if (r.status !== 0 && r.status !== 1) throw new Error(`zhenggai run failed: ${r.stderr}`);
  const s = JSON.parse(readFileSync(summary, 'utf8')) as RunSummary;
  const cpu = timed ? /cpu ([\d.]+) ([\d.]+) ([\d.]+)\s*$/u.exec(r.stderr) : null;
  rmSync(out, { recursive: true, force: true });
  return { ...s, cpuSeconds: cpu ? Number(cpu[2]) + Number(cpu[3]) : null, wallSeconds: cpu ? Number(cpu[1]) : null };
}

/** CPU use of a run: its CPU seconds over the process's wall time (start-up included), in % of one core and of the cores it had. */
function cpuUse(s: Measured, jobs = JOBS): string {
  if (s.cpuSeconds === null || s.wallSeconds === null) return 'CPU use not measured (no /usr/bin/time)';
  const pct = (100 * s.cpuSeconds) / s.wallSeconds;
  return `CPU ${s.cpuSeconds.toFixed(2)} s = ${pct.toFixed(0)}% of one core, ${(pct / Math.max(1, jobs)).toFixed(0)}% of ${jobs}`;
}

function rawExtraction(input: string, pdfEngine: 'pdfjs' | 'pdfium' = 'pdfjs'): number {
  const r = execFileSync(process.execPath, [join(REPO_ROOT, 'dist', 'bench', 'rawExtract.js'), input, String(JOBS), pdfEngine], { encoding: 'utf8' });
  return (JSON.parse(r) as { seconds: number }).seconds;
}

function peerAvailable(): string | null {
  const py = '/usr/bin/python3';
  if (!existsSync(py)) return 'no /usr/bin/python3';
  if (spawnSync(py, ['-c', 'import jieba'], { encoding: 'utf8' }).status !== 0) return 'python3-jieba is not installed (apt-get install python3-jieba)';
  if (spawnSync('pdftotext', ['-v'], { encoding: 'utf8' }).error) return 'pdftotext is not installed (apt-get install poppler-utils)';
  return null;
}

function peerSeconds(input: string): number {
  const out = join(WORK, 'out-peer');
  rmSync(out, { recursive: true, force: true });
  const started = performance.now();
  execFileSync('/usr/bin/python3', [join(REPO_ROOT, 'bench', 'peer', 'peer.py'), input, out, String(JOBS)], { encoding: 'utf8' });
  const s = (performance.now() - started) / 1000;
  rmSync(out, { recursive: true, force: true });
  return s;
}

const f1 = (x: number) => x.toFixed(1);
/** The rate once the workers are up: the files after the first, over the time after the first was done. */
const afterStart = (s: RunSummary) =>
  `first result after ${s.firstResultSeconds.toFixed(2)} s of worker start-up, ${f1((s.files - 1) / (s.seconds - s.firstResultSeconds))} notices/s from there`;
const line = (s: string) => process.stdout.write(`${s}\n`);

async function main(): Promise<void> {
  mkdirSync(WORK, { recursive: true });
  line(`zhenggai bench · node ${process.version} · ${JOBS} worker thread(s) · batch of ${N} notices (½ txt, ¼ docx, ¼ pdf) · load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
  const batch = await buildBatch(N);
  const mb = folderBytes(batch) / 1e6;

  const all = runPipeline(batch, 'all');
  line(`pipeline, whole batch: ${all.files} notices, ${f1(mb)} MB in ${all.seconds.toFixed(2)} s → ${f1(all.noticesPerSecond)} notices/s, ${f1(all.pages / all.seconds)} pages/s, ${f1(mb / all.seconds)} MB/s; peak RSS ${f1(all.peakRssMb)} MB; ${all.failed} failed; ${cpuUse(all)}`);
  if (!argv.includes('--no-sweep')) {
    for (const jobs of [1, 2, 4]) {
      const s = runPipeline(batch, `jobs-${jobs}`, jobs);
      line(`  --jobs ${jobs}: ${s.seconds.toFixed(2)} s → ${f1(s.noticesPerSecond)} notices/s; peak RSS ${f1(s.peakRssMb)} MB; ${cpuUse(s, jobs)}`);
    }
  }

  const txt = runPipeline(join(batch, 'txt'), 'txt');
  line(`pipeline, .txt only: ${txt.files} notices in ${txt.seconds.toFixed(2)} s → ${f1(txt.noticesPerSecond)} notices/s (${afterStart(txt)}); ${cpuUse(txt)}`);

  const pdf = runPipeline(join(batch, 'pdf'), 'pdf');
  const rawPdf = rawExtraction(join(batch, 'pdf'));
  const rawPdfium = rawExtraction(join(batch, 'pdf'), 'pdfium');
  const overhead = (raw: number) => `×${(pdf.seconds / raw).toFixed(2)} (${f1(100 * (pdf.seconds / raw - 1))}%)`;
  line(`pipeline, .pdf only: ${pdf.files} notices, ${pdf.pages} pages in ${pdf.seconds.toFixed(2)} s → ${f1(pdf.pages / pdf.seconds)} pages/s; ${cpuUse(pdf)}`);
  line(`  raw pdf.js text extraction alone ${rawPdf.toFixed(2)} s → pipeline overhead ${overhead(rawPdf)}`);
  line(`  raw PDFium plain text alone (the pipeline's engine, without positions) ${rawPdfium.toFixed(2)} s → pipeline overhead ${overhead(rawPdfium)}`);

  const docx = runPipeline(join(batch, 'docx'), 'docx');
  const rawDocx = rawExtraction(join(batch, 'docx'));
  line(`pipeline, .docx only: ${docx.files} notices in ${docx.seconds.toFixed(2)} s; raw mammoth extraction alone ${rawDocx.toFixed(2)} s → ×${(docx.seconds / rawDocx).toFixed(2)}; ${cpuUse(docx)}`);

  const rawAll = rawExtraction(batch);
  line(`raw extraction alone, whole batch: ${rawAll.toFixed(2)} s → pipeline/raw ×${(all.seconds / rawAll).toFixed(2)}`);

  if (!argv.includes('--no-peer')) {
    const why = peerAvailable();
    if (why) line(`peer pipeline (pdftotext + Python jieba + regexes): skipped — ${why}`);
    else {
      const peer = peerSeconds(batch);
      line(`peer pipeline (pdftotext + Python jieba + regexes, ${JOBS} processes): ${peer.toFixed(2)} s → zhenggai is ×${(peer / all.seconds).toFixed(2)} faster end to end`);
    }
  }

  if (!argv.includes('--no-rss')) {
    const r1k = runPipeline(await buildBatch(1000), 'rss-1k');
    const r10k = runPipeline(await buildBatch(10000), 'rss-10k');
    line(`peak RSS: ${f1(r1k.peakRssMb)} MB at 1,000 notices, ${f1(r10k.peakRssMb)} MB at 10,000 notices (${f1(100 * (r10k.peakRssMb / r1k.peakRssMb - 1))}%); ${f1(r10k.noticesPerSecond)} notices/s at 10,000`);
    const txt10k = runPipeline(join(await buildBatch(10000), 'txt'), 'txt-10k');
    line(`pipeline, .txt only, the 10,000 batch's: ${txt10k.files} notices in ${txt10k.seconds.toFixed(2)} s → ${f1(txt10k.noticesPerSecond)} notices/s (${afterStart(txt10k)})`);
  }
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : String(e)}\n`);
  process.exitCode = 1;
});
