/**
 * The log of a run on stderr, as text for people (the default) or as JSON Lines for batch logs
 * (`--log-format json`): one JSON object a line, each with `time` (ISO 8601, UTC) and `event`, then its fields.
 *
 * Events (the README lists their fields):
 * - `start`: the run begins — files, jobs, out, index, formats.
 * - `file`: a file is finished — path, pathBytes?, status, output, outputs?, sha256, error, kept, seconds, bytes,
 *   sections, measures, counts, dates, done, total. One per input file, in the order files finish.
 * - `diagnostic`: a diagnostic of a file — path, severity, code, message, line, col (null for the whole file);
 *   at most 20 per file, then one `more` event (path, count, output) for the rest.
 * - `skipped`: a folder or link the walk did not enter — path, reason, error.
 * - `note`, `warning`, `error`: a message about the run — message.
 * - `interrupted`, `stopped`: the run was stopped by a signal or a write error — message.
 * - `summary`: the run's totals (the fields of --summary-json) and its exit code; always the last line.
 *
 * In text, `-v` adds a line for each finished file; without it a file shows only through its diagnostics.
 */
import type { RunSummary } from './runCommand.js';
import type { FileMessage } from './results.js';
import { diagnosticLine } from '../formatDiagnostic.js';

/** How the log is written. */
export type LogFormat = 'text' | 'json';

/** A finished file, for the log. */
export interface FileEvent {
  path: string;
  pathBytes?: string;
  status: 'ok' | 'partial' | 'failed';
  output: string | null;
  outputs?: Record<string, string>;
  sha256: string | null;
  error: { code: string; message: string } | null;
  kept: boolean;
  seconds: number | null;
  bytes: number;
  sections: number;
  measures: number;
  counts: number;
  dates: number;
  done: number;
  total: number;
}

/** Run-level messages as the text log prints them: `zhenggai: <kind>: <message>`. */
const KINDS = ['note', 'warning', 'error', 'interrupted', 'stopped'] as const;
const KIND_LINE = new RegExp(`^zhenggai: (${KINDS.join('|')}): ([\\s\\S]*)$`, 'u');

/** Writes the run's log lines to a sink (stderr, or a test's collector). */
export class RunLog {
  constructor(
    private readonly sink: (line: string) => void,
    readonly format: LogFormat = 'text',
    private readonly verbose = false,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private json(event: string, fields: Record<string, unknown>): void {
    this.sink(JSON.stringify({ time: this.clock().toISOString(), event, ...fields }));
  }

  /** A run-level message, written as the text log has it (`zhenggai: note: …`); in JSON its kind is the event. */
  line(text: string): void {
    if (this.format === 'text') return this.sink(text);
    const m = KIND_LINE.exec(text);
    if (m) this.json(m[1]!, { message: m[2] });
    else this.json('note', { message: text.replace(/^zhenggai: /u, '') });
  }

  start(fields: { files: number; jobs: number; out: string; index: string; formats: readonly string[] }): void {
    if (this.format === 'json') this.json('start', fields);
    else if (this.verbose) this.sink(`zhenggai: ${fields.files} file(s) → ${fields.out} (${fields.formats.join(', ')}; ${fields.jobs === 0 ? 'in this thread' : `${fields.jobs} worker thread(s)`})`);
  }

  skipped(s: { path: string; reason: string; error: boolean }): void {
    if (this.format === 'json') this.json('skipped', { ...s });
    else this.sink(`zhenggai: ${s.error ? 'error' : 'note'}: skipped ${s.path}: ${s.reason}`);
  }

  diagnostic(path: string, m: FileMessage): void {
    if (this.format === 'json') this.json('diagnostic', { path, ...m });
    else this.sink(diagnosticLine(path, m.line === null ? null : { line: m.line, col: m.col ?? 1 }, m));
  }

  more(path: string, count: number, output: string | null): void {
    if (this.format === 'json') this.json('more', { path, count, output });
    else this.sink(`${path}: … and ${count} more${output ? ` (all are in ${output})` : ''}`);
  }

  file(e: FileEvent): void {
    if (this.format === 'json') return this.json('file', { ...e });
    if (!this.verbose) return;
    const where = [e.output, ...Object.entries(e.outputs ?? {}).filter(([f]) => f !== 'json').map(([, p]) => p)].filter((p) => p !== null).join(', ');
    const what = e.kept
      ? 'kept from an earlier run'
      : e.status === 'failed'
        ? `${e.error?.code ?? 'failed'}`
        : `${e.sections} sections, ${e.measures} measures, ${e.counts} counts, ${e.dates} dates`;
    const time = e.seconds === null ? '' : ` · ${e.seconds.toFixed(2)} s`;
    this.sink(`zhenggai: [${e.done}/${e.total}] ${e.status} ${e.path}${where ? ` → ${where}` : ''} · ${what}${time}`);
  }

  summary(s: RunSummary, exitCode: number, text: string): void {
    if (this.format === 'json') this.json('summary', { ...s, exitCode });
    else this.sink(text);
  }
}
