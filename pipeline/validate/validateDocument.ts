/**
 * The checks every document passes before it is written: the contract (the zod schema in output/schema.ts, as
 * the validator ajv compiles from its JSON Schema: output/noticeValidator.generated.ts, three times faster than
 * zod's parse and without loading zod in the workers) and the span invariants — every span slices to its text,
 * sections nest within their parents, and the preamble, top-level sections and closing partition the text.
 */
import { validate as compiledValidator } from '../../output/noticeValidator.generated.js';
import type { NoticeDocument, Section, Span } from '../../output/schema.js';
import { FileError } from '../fileError.js';

/** The compiled validator: true when the value matches the schema, else its first problem is in `errors`. */
const matchesSchema = compiledValidator as unknown as {
  (value: unknown): boolean;
  errors?: Array<{ instancePath: string; message?: string }> | null;
};

/** A violated invariant, with where it is. */
export interface Violation {
  path: string;
  message: string;
}

function inside(inner: Span, outer: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

/** Check the span invariants of a document (the schema itself is checked by `validateDocument`). */
export function spanViolations(doc: NoticeDocument): Violation[] {
  const out: Violation[] = [];
  const n = doc.text.length;
  const okSpan = (s: Span) => s.start >= 0 && s.start <= s.end && s.end <= n;
  const items: Array<[string, { span: Span; text: string }[]]> = [
    ['measures', doc.measures],
    ['counts', doc.counts],
    ['dates', doc.dates],
    ['regulations', doc.regulations],
  ];
  for (const [name, list] of items) {
    list.forEach((it, i) => {
      if (!okSpan(it.span)) out.push({ path: `${name}[${i}].span`, message: 'span outside the text' });
      else if (doc.text.slice(it.span.start, it.span.end) !== it.text) out.push({ path: `${name}[${i}].text`, message: 'text is not text.slice(span)' });
    });
  }
  for (const [field, ev] of Object.entries(doc.meta.evidence)) {
    if (!okSpan(ev.span) || doc.text.slice(ev.span.start, ev.span.end) !== ev.text) out.push({ path: `meta.evidence.${field}`, message: 'evidence span does not slice to its text' });
  }
  const walk = (ss: readonly Section[], parent: Span | null, path: string) => {
    let prevEnd = parent ? parent.start : -1;
    ss.forEach((s, i) => {
      const p = `${path}[${i}]`;
      if (!okSpan(s.span) || !okSpan(s.titleSpan)) out.push({ path: p, message: 'span outside the text' });
      if (parent && !inside(s.span, parent)) out.push({ path: p, message: 'section not inside its parent' });
      if (s.span.start < prevEnd) out.push({ path: p, message: 'section overlaps its previous sibling' });
      if (!inside(s.titleSpan, s.span)) out.push({ path: p, message: 'title outside the section' });
      if (doc.text.slice(s.titleSpan.start, s.titleSpan.end) !== s.title) out.push({ path: `${p}.title`, message: 'title is not text.slice(titleSpan)' });
      prevEnd = s.span.end;
      walk(s.children, s.span, `${p}.children`);
    });
  };
  walk(doc.sections, null, 'sections');
  // Partition: preamble, then top-level sections back to back, then the closing, cover [0, n) exactly once.
  const pieces: Span[] = [];
  if (doc.parts.preamble) pieces.push(doc.parts.preamble);
  for (const s of doc.sections) pieces.push(s.span);
  if (doc.parts.closing) pieces.push(doc.parts.closing);
  let at = 0;
  for (const p of pieces) {
    if (p.start !== at) out.push({ path: 'parts', message: `characters ${at}..${p.start} belong to no part` });
    at = p.end;
  }
  if (n > 0 && at !== n) out.push({ path: 'parts', message: `characters ${at}..${n} belong to no part` });
  return out;
}

/** What a failed record says after an internal error: the document was ours, not the input's fault. */
const BUG = '(a bug: please report it with the file)';

/** Check a document against the schema and its spans; a document that breaks them (a bug, never the input's fault)
 *  throws a FileError saying what is wrong. */
export function validateDocument(value: unknown): NoticeDocument {
  if (!matchesSchema(value)) {
    const issues = (matchesSchema.errors ?? []).map((i) => `${i.instancePath || '/'}: ${i.message ?? 'does not match'}`);
    throw new FileError('internal/schema', `the document made for this file does not match the schema: ${issues.join('; ')} ${BUG}`);
  }
  const doc = value as NoticeDocument;
  const v = spanViolations(doc);
  if (v.length > 0) {
    throw new FileError('internal/span-invariant', `the document made for this file violates span invariants: ${v.slice(0, 10).map((x) => `${x.path}: ${x.message}`).join('; ')} ${BUG}`);
  }
  return doc;
}
