/**
 * The result of a stage (as mammoth's Result): its value and the diagnostics found on the way. Stages return one;
 * process.ts gathers their diagnostics in stage order. Only "this file cannot be processed" throws (FileError).
 */
import type { Diagnostic } from '../output/schema.js';

/** A stage's value with its diagnostics. */
export interface Result<T> {
  value: T;
  diagnostics: Diagnostic[];
}

/** A result; no diagnostics unless given. */
export function result<T>(value: T, diagnostics: Diagnostic[] = []): Result<T> {
  return { value, diagnostics };
}

/** Collects the diagnostics of several results, in the order they are taken. */
export class Diagnostics {
  readonly list: Diagnostic[] = [];

  /** The value of a result; its diagnostics are appended. */
  take<T>(r: Result<T>): T {
    for (const d of r.diagnostics) this.list.push(d);
    return r.value;
  }
}
