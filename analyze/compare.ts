/** Build the units comparison (units.json's content) from the results of one or more runs. */
import { UNITS_SCHEMA_NAME, UNITS_SCHEMA_VERSION, UnitsDocument } from '../output/unitsSchema.js';
import type { Segmenter } from '../pipeline/segment/segmenter.js';
import type { ResultEntry } from './readResults.js';
import { compareMeasures, type UnitMeasure } from './similarity.js';
import { CSV_COLUMNS, groupUnits, UNIT_COLUMNS, unitRow, type UnitRow } from './units.js';

/** A measure as units.json writes it. */
function measureRef(m: UnitMeasure) {
  return { path: m.path, id: m.measure.id, text: m.measure.text, status: m.measure.status, span: m.measure.span };
}

/** The comparison of every unit in the results, validated. */
export function buildUnits(entries: readonly ResultEntry[], segmenter: Segmenter): { doc: UnitsDocument; rows: UnitRow[] } {
  const groups = groupUnits(entries);
  const rows = groups.map(unitRow);
  const measures: UnitMeasure[] = groups.flatMap((g, unit) => g.latest.doc.measures.map((measure) => ({ unit, path: g.latest.record.path, measure })));
  const { pairs, distinctive } = compareMeasures(measures, segmenter);
  const doc = UnitsDocument.parse({
    schema: UNITS_SCHEMA_NAME,
    schemaVersion: UNITS_SCHEMA_VERSION,
    notices: entries.length,
    failed: entries.filter((e) => !e.doc || e.doc.status === 'failed').length,
    columns: [...UNIT_COLUMNS.map((c) => ({ name: c.name, description: c.description })), { name: 'otherNotices', description: 'older notices of the same unit (paths)' }],
    units: rows.map((r) => ({ values: r.values, evidence: r.evidence, otherNotices: r.otherNotices })),
    sharedMeasures: pairs.map((p) => ({
      a: p.a,
      b: p.b,
      count: p.count,
      shared: p.shared.map((s) => ({ similarity: s.similarity, a: measureRef(s.a), b: measureRef(s.b) })),
    })),
    distinctiveMeasures: distinctive.map((d) => ({ unit: d.unit, count: d.count, measures: d.measures.map((x) => ({ ...measureRef(x.m), best: x.best })) })),
  });
  if (doc.columns.length !== CSV_COLUMNS.length) throw new Error('units.json columns and units.csv columns disagree');
  return { doc, rows };
}
