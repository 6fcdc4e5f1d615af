/** Defaults of the run command that its --help shows (a module of its own, so that --help loads nothing else). */

/** Default per-file time limit: generous for text, longer with OCR. */
export const DEFAULT_TIMEOUT_SECONDS = 60;
export const DEFAULT_OCR_TIMEOUT_SECONDS = 600;
