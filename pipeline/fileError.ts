/**
 * "This file cannot be processed" (architecture.md, principle 7): the one error the pipeline throws. It is caught at
 * the file boundary (processBytes) and becomes a `failed` document with its code; the batch goes on.
 */
import type { DiagnosticCode } from '../output/diagnosticCodes.js';
import type { Format } from '../output/schema.js';

/** A file that cannot be processed, with a stable code from output/diagnosticCodes.ts and a message for people. */
export class FileError extends Error {
  override name = 'FileError';
  /** The format detected before the failure, when known. */
  format: Format | null = null;
  constructor(
    readonly code: DiagnosticCode,
    message: string,
  ) {
    super(message);
  }
}
