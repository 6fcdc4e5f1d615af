/**
 * The contract of a chunk line (`<name>.chunks.jsonl`, output/chunks.ts), schema 1.3.0: what each field means. Kept
 * apart from output/chunks.ts so that the worker threads that write chunks do not load zod.
 */
import { z } from 'zod';
import { CHUNK_SCHEMA_NAME } from './chunks.js';
import { Count, Measure, Meta, Regulation, SCHEMA_VERSION, Span } from './schema.js';

export const Chunk = z
  .object({
    schema: z.literal(CHUNK_SCHEMA_NAME).meta({ description: 'what the line is' }),
    schemaVersion: z.literal(SCHEMA_VERSION).meta({ description: 'the output contract’s version (chunks exist since 1.3.0)' }),
    rulesVersion: z.string().meta({ description: 'the rules that made the document, as its rulesVersion' }),
    path: z.string().meta({ description: 'the input’s path, as source.path of the document' }),
    sha256: z.string().regex(/^[0-9a-f]{64}$/u).meta({ description: 'SHA-256 of the input bytes' }),
    n: z.number().int().nonnegative().meta({ description: 'the chunk’s position in the document: 0, 1, …' }),
    kind: z.enum(['preamble', 'section', 'closing']).meta({ description: 'preamble: before the first heading; section: a section’s text; closing: 欢迎…监督, contacts, signature' }),
    section: z.string().nullable().meta({ description: 'id of the section (as in the document’s sections); null for preamble and closing' }),
    headings: z
      .array(
        z.object({
          level: z.number().int().positive().meta({ description: 'the heading’s level (1 = top)' }),
          marker: z.string().meta({ description: 'its number as written' }),
          title: z.string().meta({ description: 'its title' }),
        }),
      )
      .meta({ description: 'the heading path, from the top-level section down to this one; [] for preamble and closing' }),
    text: z.string().meta({ description: 'exactly text.slice(span.start, span.end) of the document: the heading line and the section’s own text' }),
    span: Span.meta({ description: 'where the chunk is in the document’s text' }),
    meta: Meta.omit({ evidence: true }).meta({ description: 'the document’s metadata (its meta without evidence), the same on every chunk' }),
    measures: z
      .array(Measure.pick({ id: true, text: true, status: true, span: true }))
      .meta({ description: 'the measures that start in the chunk, with their status' }),
    figures: z
      .array(Count.pick({ text: true, value: true, unit: true, object: true, approx: true, span: true }))
      .meta({ description: 'the figures (counts) that start in the chunk, with the text they were written with' }),
    dates: z
      .array(
        z.object({
          text: z.string().meta({ description: 'the mention as written' }),
          start: z.string().meta({ description: 'first day, YYYY-MM-DD' }),
          end: z.string().nullable().meta({ description: 'last day, YYYY-MM-DD (a since mention: the notice’s own date, or null)' }),
          kind: z.enum(['date', 'range', 'deadline', 'since']).meta({ description: 'as the document’s date mentions' }),
          span: Span.meta({ description: 'where it is in the text' }),
        }),
      )
      .meta({ description: 'the date mentions that start in the chunk, resolved' }),
    regulations: z.array(Regulation.pick({ title: true, action: true, span: true })).meta({ description: 'the 《》 titles that start in the chunk, with their action' }),
  })
  .strict()
  .meta({ title: 'zhenggai chunk', description: 'one line of <name>.chunks.jsonl: a section of a notice with its heading path, metadata and items' });
export type Chunk = z.infer<typeof Chunk>;
