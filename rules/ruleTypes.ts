/**
 * The shape of a rule table (architecture.md, principle 4): every rule has an id, a one-line description, a
 * RegExp with named groups (flag `u`), an `extract` that returns null to reject a match, and runnable examples
 * that tests/rules.test.ts runs for every rule of every table.
 */

/** A positive example: running the table (engine and refiners) on `text` yields an item of this rule whose
 *  text is `match` (default: the whole `text`) and whose output fields include every field of `value`. */
export interface PositiveExample {
  text: string;
  match?: string;
  value?: Record<string, unknown>;
}

/** A negative example: running the table on `text` yields no item overlapping `match` (default: anything). */
export interface NegativeExample {
  text: string;
  match?: string;
  why: string;
}

/** One rule of a table. `C` is the context the engine passes; `V` the value the rule produces. */
export interface Rule<V, C = unknown> {
  id: string;
  description: string;
  pattern: RegExp;
  /** Build the value from a match (indices are into the matched view); null rejects the match. */
  extract(match: RegExpExecArray, ctx: C): V | null;
  examples: PositiveExample[];
  negatives?: NegativeExample[];
}

/** An item found by a rule: where (offsets into the text), by which rule, with what value. */
export interface Hit<V> {
  start: number;
  end: number;
  rule: string;
  value: V;
}

/**
 * A rule table as registered (pipeline/ruleRegistry.ts): its rules, the data besides them that shapes the output
 * (lexicons, settings: hashed into the rules version with the rules), and the function that runs it on a bare text as
 * the pipeline does (engine and refiners), so that one test (tests/rules.test.ts) runs every example of every table.
 * `V` is the type of the items found; a refiner may append a suffix to the rule id (`date/ymd+range`). `C` is the
 * context the runner needs (the pipeline's, for tables that segment words).
 */
export interface RuleTable<V = unknown, C = unknown> {
  name: string;
  rules: ReadonlyArray<{ id: string; examples: readonly PositiveExample[]; negatives?: readonly NegativeExample[] }>;
  lexicons?: Readonly<Record<string, unknown>>;
  run(text: string, ctx: C): Hit<V>[];
}
