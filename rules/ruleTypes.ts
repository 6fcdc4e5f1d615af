/**
 * The shape of a rule table (architecture.md, principle 4): every rule has an id, a one-line description, a
 * RegExp with named groups (flag `u`), an `extract` that returns null to reject a match, and runnable examples
 * that tests/rules.test.ts runs for every rule of every table.
 */

/** A positive example: running the table on `text` yields an item of this rule whose text is `match`
 *  (default: the whole `text`) and whose value includes every field of `value`. */
export interface PositiveExample<V> {
  text: string;
  match?: string;
  value?: Partial<V>;
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
  examples: PositiveExample<V>[];
  negatives?: NegativeExample[];
}

/** An item found by a table run: where, by which rule, with what value. */
export interface Hit<V> {
  start: number;
  end: number;
  rule: string;
  value: V;
}

/** A table bundled with the function that runs it on a bare text, so one test can run every example. */
export interface RuleTable<V, C = unknown> {
  name: string;
  rules: readonly Rule<V, C>[];
  /** Run the table (engine and refiners) on a text, as the pipeline does. */
  run(text: string): Hit<V>[];
}
