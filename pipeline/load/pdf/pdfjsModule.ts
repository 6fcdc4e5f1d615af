/**
 * The one way the pipeline loads pdf.js (pdfjs-dist's legacy build): lazily, on first use, so that text, Word and
 * web-page batches never load it, and with JSON restored afterwards. On Node 20 the legacy build's core-js
 * polyfills REPLACE the global JSON.stringify and JSON.parse with JavaScript versions (Node 20 lacks
 * JSON.rawJSON and parse-with-source, so core-js forces its own), which made writing each result several times
 * slower in any thread that had read a PDF. pdf.js uses neither feature; the native functions are put back.
 */
type PdfjsModule = typeof import('pdfjs-dist/legacy/build/pdf.mjs');

let loading: Promise<PdfjsModule> | null = null;
let current: PdfjsModule | null = null;

/** pdf.js, imported on first call (concurrent first calls share one import). */
export function pdfjs(): Promise<PdfjsModule> {
  loading ??= (async () => {
    const { stringify, parse } = JSON;
    try {
      current = await import('pdfjs-dist/legacy/build/pdf.mjs');
      return current;
    } finally {
      JSON.stringify = stringify;
      JSON.parse = parse;
    }
  })();
  return loading;
}

/** pdf.js once loaded (for synchronous code that runs after a loader awaited pdfjs()). */
export function loadedPdfjs(): PdfjsModule {
  if (!current) throw new Error('pdf.js is used before pdfjs() was awaited');
  return current;
}
