/**
 * The units comparison (units.json's content) in SQL over the stores (analyze/store.ts), never holding every
 * document: the notices are grouped by unit and the latest of each unit picked in SQL; only that notice's JSON is
 * read, one at a time, for the row's figures and the sentences behind the figures the row shows; the measures of
 * the latest notices are compared with blocking (analyze/similarity.ts), before the units are read, and the shared
 * pairs aggregated in SQL and handed over a page at a time.
 */
import type { DuckDBAppender, DuckDBConnection } from '@duckdb/node-api';
import { UNITS_SCHEMA_NAME, UNITS_SCHEMA_VERSION, UnitEntry, type UnitsDocument } from '../output/unitsSchema.js';
import type { Segmenter } from '../pipeline/segment/segmenter.js';
import { SHARED_UNITS_KEEP, SIMILARITY_KEEP, DISTINCTIVE_MEASURE_MAX, SIMILARITY_MAX_PAIRS } from '../rules/similarity.js';
import type { ResultsDatabase } from './database.js';
import { appendValue, quoteIdent, runGrowing, setMemoryBudget } from './duckdb.js';
import { DocumentError, readDocument, type ResultsProblem } from './readResults.js';
import { type UnitDetail, unitDetail } from './report/detail.js';
import { type ComparisonStats, MeasureComparison } from './similarity.js';
import { UNIT_COLUMNS, unitRow } from './units.js';

/** Pairs alike the appender holds before it hands them to DuckDB (by default it holds 204,800 rows, 11 MB of
 *  these seven columns). */
const APPEND_FLUSH = 2048;

/** Rows read from DuckDB per page. */
const PAGE = 2000;
/** Measures streamed to the comparison per query (each sorts this many rows, with their text). */
const MEASURE_PAGE = 100_000;

type Row = Record<string, unknown>;

async function rows(conn: DuckDBConnection, sql: string): Promise<Row[]> {
  return (await conn.runAndReadAll(sql)).getRowObjectsJson();
}

/** Stream the rows of `sql` chunk by chunk. */
async function* stream(conn: DuckDBConnection, sql: string): AsyncGenerator<Row[]> {
  const result = await conn.stream(sql);
  const columns = result.columnNames();
  for (;;) {
    const chunk = await result.fetchChunk();
    if (!chunk || chunk.rowCount === 0) return;
    yield chunk.getRows().map((r) => Object.fromEntries(columns.map((c, i) => [c, r[i]])));
  }
}

/** A measure as units.json writes it. */
type MeasureRef = UnitsDocument['sharedMeasures'][number]['shared'][number]['a'];

/** The fields of units.json before its units. */
export type UnitsHead = Pick<UnitsDocument, 'schema' | 'schemaVersion' | 'notices' | 'failed' | 'columns'>;

/** Where compare hands each unit over as it reads it, in the order of units.json, instead of keeping them. */
export interface UnitsSink {
  /** Before the first unit: the fields of units.json that come before its units, and how many units follow. */
  start(head: UnitsHead, units: number): Promise<void> | void;
  /** The next unit, and its detail (null when its notice could not be read). */
  unit(u: UnitEntry, d: UnitDetail | null): Promise<void> | void;
  /** After the last unit: how many pairs of units sharing measures follow (units.json's sharedMeasures). */
  sharedStart(pairs: number): Promise<void> | void;
  /** The next pair of units sharing measures, in the order of units.json. */
  shared(pair: SharedPair): Promise<void> | void;
}

/** A pair of units sharing measures, as units.json writes it. */
export type SharedPair = UnitsDocument['sharedMeasures'][number];

/** The comparison, with what was left out on the way. */
export interface Comparison {
  doc: UnitsDocument;
  /** One per unit of doc.units, in order (report.html's per-unit view, units.xlsx's measures and regulations);
   *  null for a unit whose notice could not be read. With a sink, doc.units, doc.sharedMeasures and details are
   *  empty: they went to the sink. */
  details: Array<UnitDetail | null>;
  stats: ComparisonStats;
  problems: ResultsProblem[];
}

/**
 * Compare every unit of the opened results. `sources`: the folder the run read its inputs from (`compare
 * --sources`), for the details' links to the originals. `sink`: where each unit goes as it is read (else they are
 * kept in doc.units and details). `collect`: a full garbage collection, run once the measure comparison's arrays
 * (some 120 MB at 720,000 measures) are dropped and before the units are read (compare passes one).
 */
export async function compareUnits(db: ResultsDatabase, seg: Segmenter, options: { sources?: string; sink?: UnitsSink; collect?: () => void } = {}): Promise<Comparison> {
  const conn = db.connection;
  const problems: ResultsProblem[] = [];
  const counts = (await rows(conn, 'SELECT count(*) AS notices, count(*) FILTER (WHERE NOT usable) AS failed FROM zhenggai.files'))[0]!;

  // Units: notices grouped by unit (a notice naming none stands alone), in order of first appearance; the latest
  // notice (publication, else feedback, else inspection end; then path) stands for the unit, the others listed.
  await runGrowing(conn, `CREATE OR REPLACE TEMP TABLE cmp_units AS
    WITH d AS (SELECT folder, ord, path, output, coalesce(unit_key, 'path:' || folder || ':' || path) AS ukey, notice_date AS nd FROM zhenggai.files WHERE usable),
    r AS (SELECT *, row_number() OVER (PARTITION BY ukey ORDER BY nd DESC, path) AS rn, min(folder::BIGINT * 1000000000000 + ord) OVER (PARTITION BY ukey) AS first FROM d)
    SELECT row_number() OVER (ORDER BY first) - 1 AS unit_idx,
           any_value(folder) FILTER (WHERE rn = 1) AS folder, any_value(path) FILTER (WHERE rn = 1) AS path,
           any_value(output) FILTER (WHERE rn = 1) AS output,
           coalesce(list(path ORDER BY rn) FILTER (WHERE rn > 1), []) AS others
    FROM r GROUP BY ukey, first`, 'compare');

  // Measures of the latest notices, numbered in unit order (then position in the notice). The numbering sorts narrow
  // rows only, and each measure is known by its row in its store's table (rowid, stable while the store is open),
  // not by its path and id: 37 MB in DuckDB at 721,520 measures, against 65 with them. The text is joined to them a
  // page at a time (each page a scan of the measures, its own rows sorted) and streamed to the comparison, so DuckDB
  // never holds every measure's text: sorting them all with their text took some 400 MB at 722,008 measures, and a
  // table of them some 300 MB.
  const measuresOf = (columns: string) => db.stores.map((_, i) => `SELECT ${i} AS folder, ${columns} FROM s${i}.main.measures`).join(' UNION ALL ');
  await runGrowing(conn, `CREATE OR REPLACE TEMP TABLE cmp_m AS
    SELECT (row_number() OVER (ORDER BY u.unit_idx, m.span_start, m.id) - 1)::INTEGER AS mi, u.unit_idx::INTEGER AS unit_idx, u.folder::INTEGER AS folder, m.mrow, m.span_start
    FROM cmp_units u JOIN (${measuresOf('rowid AS mrow, path, id, span_start')}) m ON m.folder = u.folder AND m.path = u.path`, 'compare');
  const measureCount = Number((await rows(conn, 'SELECT count(*) AS n FROM cmp_m'))[0]!['n']);
  const { distinct, stats } = await compareMeasures(conn, seg, measuresOf, measureCount);
  // The comparison's arrays are garbage now: collected before the units are read, so that the two never add up.
  options.collect?.();
  await setMemoryBudget(conn, 'compareHeld');

  const units: UnitEntry[] = [];
  const details: Array<UnitDetail | null> = [];
  const sharedMeasures: SharedPair[] = [];
  const sink: UnitsSink = options.sink ?? {
    start: () => {},
    unit: (u, d) => {
      units.push(u);
      details.push(d);
    },
    sharedStart: () => {},
    shared: (p) => {
      sharedMeasures.push(p);
    },
  };
  const head: UnitsHead = {
    schema: UNITS_SCHEMA_NAME,
    schemaVersion: UNITS_SCHEMA_VERSION,
    notices: Number(counts['notices']),
    failed: Number(counts['failed']),
    columns: [...UNIT_COLUMNS.map((c) => ({ name: c.name, description: c.description })), { name: 'otherNotices', description: 'older notices of the same unit (paths)' }],
  };
  await sink.start(head, Number((await rows(conn, 'SELECT count(*) AS n FROM cmp_units'))[0]!['n']));
  for (let from = 0; ; from += PAGE) {
    const page = await rows(conn, `SELECT * FROM cmp_units WHERE unit_idx >= ${from} AND unit_idx < ${from + PAGE} ORDER BY unit_idx`);
    if (page.length === 0) break;
    for (const u of page) {
      const store = db.stores[Number(u['folder'])]!;
      const path = String(u['path']);
      const others = (u['others'] as string[]).map(String);
      let unit: UnitEntry;
      let detail: UnitDetail | null = null;
      try {
        const output = String(u['output']);
        const doc = readDocument(store.dir, output);
        unit = UnitEntry.parse(unitRow(doc, path, others));
        detail = unitDetail(store.dir, path, output, doc, options.sources);
      } catch (e) {
        if (!(e instanceof DocumentError)) throw e;
        // Changed since the store was brought up to date: the row keeps its place, with no figures.
        problems.push({ file: `${store.dir}/${String(u['output'])}`, line: null, message: `${e.message}; its unit's row has no figures` });
        const values = Object.fromEntries(UNIT_COLUMNS.map((c) => [c.name, c.name === 'source' ? path : null]));
        unit = { values: { ...values, otherNotices: others.join('; ') }, evidence: {}, otherNotices: others };
      }
      await sink.unit(unit, detail);
    }
  }

  // Shared: pairs of units by the number of measure pairs alike; for each unit its SHARED_UNITS_KEEP partners with
  // the most; for each pair kept its SIMILARITY_KEEP most alike measure pairs.
  await runGrowing(conn, `CREATE OR REPLACE TEMP TABLE cmp_pairs AS
    WITH p AS (SELECT ua, ub, count(*) AS n FROM cmp_sx GROUP BY ua, ub),
    e AS (SELECT ua AS u, ub AS v, n FROM p UNION ALL SELECT ub, ua, n FROM p),
    k AS (SELECT DISTINCT least(u, v) AS ua, greatest(u, v) AS ub FROM e QUALIFY row_number() OVER (PARTITION BY u ORDER BY n DESC, v) <= ${SHARED_UNITS_KEEP})
    SELECT p.* FROM p SEMI JOIN k ON k.ua = p.ua AND k.ub = p.ub`, 'compareHeld');
  // Each pair kept, numbered in the order of units.json, with its SIMILARITY_KEEP most alike measure pairs.
  await runGrowing(conn, `CREATE OR REPLACE TEMP TABLE cmp_x AS
    SELECT q.pair_no, q.ua, q.ub, q.n, x.rk, x.a, x.b, x.sim
    FROM (SELECT *, row_number() OVER (ORDER BY n DESC, ua, ub) - 1 AS pair_no FROM cmp_pairs) q
    JOIN (SELECT *, row_number() OVER (PARTITION BY ua, ub ORDER BY sim DESC, sa, sb) AS rk FROM (SELECT s.* FROM cmp_sx s SEMI JOIN cmp_pairs k ON k.ua = s.ua AND k.ub = s.ub)) x ON x.ua = q.ua AND x.ub = q.ub AND x.rk <= ${SIMILARITY_KEEP}`, 'compareHeld');

  // The measures shown (the shared pairs' and the distinctive ones), with their text read back from the store once.
  await conn.run('CREATE OR REPLACE TEMP TABLE cmp_picks (mi BIGINT)');
  const need = await conn.createAppender('cmp_picks', 'main', 'temp');
  for (const d of distinct) {
    for (const { mi } of d.picks) {
      appendValue(need, 'BIGINT', mi);
      need.endRow();
    }
  }
  need.closeSync();
  await runGrowing(conn, `CREATE OR REPLACE TEMP TABLE cmp_text AS
    SELECT c.mi, m.path, m.id, m.text, m.status, m.span_start, m.span_end
    FROM (SELECT * FROM cmp_m WHERE mi IN (SELECT a FROM cmp_x UNION SELECT b FROM cmp_x UNION SELECT mi FROM cmp_picks)) c
    JOIN (${measuresOf('rowid AS mrow, path, id, text, status, span_start, span_end')}) m ON m.folder = c.folder AND m.mrow = c.mrow`, 'compareHeld');
  const refOf = (m: Row, x = ''): MeasureRef => ({
    path: String(m[`${x}path`]),
    id: String(m[`${x}id`]),
    text: String(m[`${x}text`]),
    status: (m[`${x}status`] ?? null) as MeasureRef['status'],
    span: { start: Number(m[`${x}span_start`]), end: Number(m[`${x}span_end`]) },
  });

  // The shared pairs, a page of pairs at a time, handed to the sink in order (never all held).
  const pairTotal = Number((await rows(conn, 'SELECT count(*) AS n FROM cmp_pairs'))[0]!['n']);
  await sink.sharedStart(pairTotal);
  const side = (x: 'a' | 'b') => ['path', 'id', 'text', 'status', 'span_start', 'span_end'].map((c) => `t${x}.${c} AS ${x}_${c}`).join(', ');
  for (let from = 0; from < pairTotal; from += PAGE) {
    const page = `SELECT x.pair_no, x.ua, x.ub, x.n, x.sim, ${side('a')}, ${side('b')}
      FROM (SELECT * FROM cmp_x WHERE pair_no >= ${from} AND pair_no < ${from + PAGE}) x JOIN cmp_text ta ON ta.mi = x.a JOIN cmp_text tb ON tb.mi = x.b
      ORDER BY x.pair_no, x.rk`;
    let pair: SharedPair | null = null;
    // Read whole, so that a page that needs more than the budget can simply be read again with more.
    let found: Row[] = [];
    await runGrowing(
      conn,
      async () => {
        found = await rows(conn, page);
      },
      'compareHeld',
    );
    for (const e of found) {
      const a = Number(e['ua']);
      const b = Number(e['ub']);
      if (!pair || pair.a !== a || pair.b !== b) {
        if (pair) await sink.shared(pair);
        pair = { a, b, count: Number(e['n']), shared: [] };
      }
      pair.shared.push({ similarity: Number(e['sim']), a: refOf(e, 'a_'), b: refOf(e, 'b_') });
    }
    if (pair) await sink.shared(pair);
  }

  // The distinctive measures' text.
  const refs = new Map<number, MeasureRef>();
  for await (const chunk of stream(conn, 'SELECT t.* FROM cmp_text t SEMI JOIN cmp_picks p ON p.mi = t.mi')) {
    for (const m of chunk) refs.set(Number(m['mi']), refOf(m));
  }
  for (const t of ['cmp_text', 'cmp_picks', 'cmp_x', 'cmp_sx', 'cmp_pairs', 'cmp_m', 'cmp_units']) await conn.run(`DROP TABLE IF EXISTS temp.${quoteIdent(t)}`);

  const doc: UnitsDocument = {
    ...head,
    units,
    sharedMeasures,
    measureComparison: { ...stats, maxPairs: SIMILARITY_MAX_PAIRS, unitsKeptPerUnit: SHARED_UNITS_KEEP },
    distinctiveMeasures: distinct.map((d) => ({ unit: d.unit, count: d.count, measures: d.picks.map(({ mi, best }) => ({ ...refs.get(mi)!, best })) })),
  };
  return { doc, details, stats, problems };
}

/** A unit's distinctive measures: how many it has, and the SIMILARITY_KEEP least alike (measure number, best similarity). */
interface Distinct {
  unit: number;
  count: number;
  picks: Array<{ mi: number; best: number }>;
}

/**
 * Compare the measures of cmp_m (`measureCount` of them; `measuresOf(columns)` selects the stores' measures): their
 * text is read a page at a time into the comparison, the pairs alike go to cmp_sx, and each unit's distinctive
 * measures are picked. The comparison's arrays (some 120 MB at 720,000 measures) live only in this function: what
 * comes after holds the picks alone.
 */
async function compareMeasures(conn: DuckDBConnection, seg: Segmenter, measuresOf: (columns: string) => string, measureCount: number): Promise<{ distinct: Distinct[]; stats: ComparisonStats }> {
  const comparison = new MeasureComparison(seg);
  comparison.expect(measureCount);
  // Each measure's place in its notice (what a shared pair's measures are ordered by).
  const startOf = new Int32Array(measureCount);
  for (let from = 0; from < measureCount; from += MEASURE_PAGE) {
    const page = `SELECT c.mi, c.unit_idx, c.span_start, m.text FROM (SELECT * FROM cmp_m WHERE mi >= ${from} AND mi < ${from + MEASURE_PAGE}) c
      JOIN (${measuresOf('rowid AS mrow, text')}) m ON m.folder = c.folder AND m.mrow = c.mrow ORDER BY c.mi`;
    for await (const chunk of stream(conn, page)) {
      for (const m of chunk) {
        const mi = comparison.add(Number(m['unit_idx']), String(m['text']));
        if (mi !== Number(m['mi'])) throw new Error(`compare: measure ${String(m['mi'])} came as the ${mi}th`);
        startOf[mi] = Number(m['span_start']);
      }
    }
  }
  // The pairs alike, each with its measures' units and places (no join of the measures to them in SQL), spilled to
  // DuckDB's temporary files while the comparison's arrays are at their largest.
  await setMemoryBudget(conn, 'compareSpill');
  await conn.run('CREATE OR REPLACE TEMP TABLE cmp_sx (a BIGINT, b BIGINT, sim DOUBLE, ua BIGINT, ub BIGINT, sa BIGINT, sb BIGINT)');
  const appender: DuckDBAppender = await conn.createAppender('cmp_sx', 'main', 'temp');
  let appended = 0;
  const { best, comparable, unitOf, stats } = comparison.compare((a, b, sim, ua, ub) => {
    appendValue(appender, 'BIGINT', a);
    appendValue(appender, 'BIGINT', b);
    appendValue(appender, 'DOUBLE', sim);
    appendValue(appender, 'BIGINT', ua);
    appendValue(appender, 'BIGINT', ub);
    appendValue(appender, 'BIGINT', startOf[a]);
    appendValue(appender, 'BIGINT', startOf[b]);
    appender.endRow();
    if (++appended % APPEND_FLUSH === 0) appender.flushSync();
  });
  appender.closeSync();

  // Distinctive: each unit's measures below DISTINCTIVE_MEASURE_MAX with every other unit compared, the least alike first.
  const distinct: Distinct[] = [];
  for (let i = 0; i < unitOf.length; ) {
    const unit = unitOf[i]!;
    const mine: number[] = [];
    let j = i;
    for (; j < unitOf.length && unitOf[j] === unit; j++) if (comparable[j] && best[j]! < DISTINCTIVE_MEASURE_MAX) mine.push(j);
    const picks = mine.sort((x, y) => best[x]! - best[y]! || x - y).slice(0, SIMILARITY_KEEP);
    distinct.push({ unit, count: mine.length, picks: picks.map((mi) => ({ mi, best: best[mi]! })) });
    i = j;
  }
  return { distinct, stats };
}
