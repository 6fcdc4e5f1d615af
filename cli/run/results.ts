/** What a task gives back to the main thread (cli/run/task.ts), and the results made without reading a file: a module
 *  of its own, so that the main thread makes them without loading the pipeline. */
import type { DiagnosticCode } from '../../output/diagnosticCodes.js';
import type { IndexRecord } from '../../output/schema.js';

/** Item totals of one document, for the run summary. */
export interface Tallies {
  sections: number;
  measures: number;
  counts: number;
  dates: number;
  pages: number;
}

/** The fields of an index record a task decides (the main thread adds path, pathBytes and options). */
export type Outcome = Pick<IndexRecord, 'output' | 'status' | 'sha256' | 'error'>;

/** What comes back. */
export interface TaskResult {
  outcome: Outcome;
  tallies: Tallies;
  bytes: number;
  /** Formatted diagnostics for stderr: at most MAX_MESSAGES, each at most MAX_MESSAGE_CHARS. */
  messages: string[];
  /** True when an earlier output was kept (--resume). */
  reused: boolean;
  /** Set when the output could not be written for a reason that stops the run (a full disk): the file has no
   *  record, and the run ends. */
  fatal: string | null;
}

/** Messages a file sends for stderr at most (its document keeps every diagnostic), and the length of each. */
export const MAX_MESSAGES = 20;
const MAX_MESSAGE_CHARS = 1000;
/** The most bytes one file can be read into (a Buffer's limit for fs reads). */
export const MAX_READ_BYTES = 2 ** 31 - 1;

export const NO_TALLIES: Tallies = { sections: 0, measures: 0, counts: 0, dates: 0, pages: 0 };

/** `s` cut to `n` characters (with … when cut). */
export const clip = (s: string, n = MAX_MESSAGE_CHARS): string => (s.length <= n ? s : `${s.slice(0, n - 1)}…`);

/** A result with no tallies, no messages, not kept, not fatal unless `extra` says. */
export const result = (outcome: Outcome, extra: Partial<TaskResult> = {}): TaskResult => ({ outcome, tallies: NO_TALLIES, bytes: 0, messages: [], reused: false, fatal: null, ...extra });

/** The result of a file that was not read (or whose output could not be written): no document. */
export function unreadResult(task: { shownPath: string }, code: DiagnosticCode, message: string, sha256: string | null = null, bytes = 0): TaskResult {
  return result({ output: null, status: 'failed', sha256, error: { code, message: clip(message) } }, { bytes, messages: [clip(`${task.shownPath} error ${code} ${message}`)] });
}

