/**
 * The contract of `zhenggai compare`'s units.json (zod, the single source of its types): one row per unit with
 * the figures of units.csv, the evidence behind each figure, and the measures units share or alone have.
 * Validated before it is written.
 */
import { z } from 'zod';
import { MeasureStatus, Span } from './schema.js';

export const UNITS_SCHEMA_NAME = 'zhenggai.units';
/** 1.1.0: measureComparison (how many measure pairs were compared, and whether the cap stopped it). */
export const UNITS_SCHEMA_VERSION = '1.1.0';

const Cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/** A mention behind a figure: its text, the sentence around it, its span in the notice's text, the rule. */
const UnitEvidence = z.object({ text: z.string(), sentence: z.string(), span: Span, rule: z.string() });

/** One unit: the values of units.csv (by column name), the evidence of each read value, older notices. */
export const UnitEntry = z.object({
  values: z.record(z.string(), Cell),
  evidence: z.record(z.string(), z.array(UnitEvidence)),
  otherNotices: z.array(z.string()),
});
export type UnitEntry = z.infer<typeof UnitEntry>;

/** A measure as units.json shows it. */
const MeasureRef = z.object({
  path: z.string(),
  id: z.string(),
  text: z.string(),
  status: MeasureStatus.nullable(),
  span: Span,
});

export const UnitsDocument = z
  .object({
    schema: z.literal(UNITS_SCHEMA_NAME),
    schemaVersion: z.literal(UNITS_SCHEMA_VERSION),
    notices: z.number().int().nonnegative().meta({ description: 'notices read (failed ones included)' }),
    failed: z.number().int().nonnegative(),
    columns: z.array(z.object({ name: z.string(), description: z.string() })),
    units: z.array(UnitEntry),
    sharedMeasures: z.array(
      z.object({
        a: z.number().int().meta({ description: 'index into units' }),
        b: z.number().int(),
        count: z.number().int().positive(),
        shared: z.array(z.object({ similarity: z.number(), a: MeasureRef, b: MeasureRef })),
      }),
    ),
    measureComparison: z
      .object({
        measures: z.number().int().nonnegative().meta({ description: 'measures of the units compared (each unit’s latest notice)' }),
        comparable: z.number().int().nonnegative().meta({ description: 'measures with enough words to compare' }),
        pairsCompared: z.number().int().nonnegative().meta({ description: 'measure pairs whose similarity was computed (candidates sharing words, blocked)' }),
        capped: z.boolean().meta({ description: 'true when the cap on pairs stopped the comparison early' }),
        maxPairs: z.number().int().positive(),
        window: z.number().int().positive().meta({ description: 'measures compared around each one through a common word (narrowed to fit maxPairs)' }),
        unitsKeptPerUnit: z.number().int().positive().meta({ description: 'sharedMeasures lists, for each unit, at most this many units it shares most with' }),
      })
      .meta({ description: 'how the measures were compared: blocked by shared words (rules/similarity.ts), not all pairs' }),
    distinctiveMeasures: z.array(
      z.object({
        unit: z.number().int(),
        count: z.number().int().nonnegative(),
        measures: z.array(MeasureRef.extend({ best: z.number() })),
      }),
    ),
  })
  .meta({ id: 'UnitsDocument', title: 'zhenggai units', description: 'Units compared side by side' });
export type UnitsDocument = z.infer<typeof UnitsDocument>;
