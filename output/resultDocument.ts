/**
 * Recognising a result of `zhenggai run` (a per-file document) when it is given back, as `zhenggai inspect x.json`
 * does: by its `schema` name, then validated against the contract. A result written by an earlier minor version of
 * the same major schema is read when it satisfies the current contract apart from its version (minor versions only
 * add codes, values or optional meanings); one from another major version, from a newer zhenggai, or one that does
 * not satisfy the contract is refused with a message that says what to do.
 */
import { NoticeDocument, SCHEMA_NAME, SCHEMA_VERSION } from './schema.js';

/** A result read back, or why it cannot be. */
export type ResultRead = { ok: true; doc: NoticeDocument; note: string | null } | { ok: false; message: string };

/** True when a parsed JSON value claims to be a zhenggai result (its `schema` is the contract's name). */
export function claimsToBeResult(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && (value as Record<string, unknown>)['schema'] === SCHEMA_NAME;
}

/** [major, minor, patch] of a version string, or null. */
function versionParts(v: unknown): [number, number, number] | null {
  const m = typeof v === 'string' ? /^(\d+)\.(\d+)\.(\d+)$/u.exec(v) : null;
  return m ? [Number(m[1]), Number(m[2]), Number(m[3])] : null;
}

/** Validate a value that claims to be a result (claimsToBeResult). */
export function readResultDocument(value: Record<string, unknown>): ResultRead {
  const written = value['schemaVersion'];
  const have = versionParts(written);
  const want = versionParts(SCHEMA_VERSION)!;
  if (!have) return { ok: false, message: `its schemaVersion ${JSON.stringify(written)} is not a version (expected ${SCHEMA_VERSION})` };
  const newer = have[0] !== want[0] ? have[0] > want[0] : have[1] !== want[1] ? have[1] > want[1] : have[2] > want[2];
  if (newer) return { ok: false, message: `it was written with schema ${String(written)}, newer than the ${SCHEMA_VERSION} this zhenggai reads; update zhenggai` };
  if (have[0] !== want[0]) {
    return { ok: false, message: `it was written with schema ${String(written)}, which this zhenggai (schema ${SCHEMA_VERSION}) does not read; run \`zhenggai run\` on its notice again` };
  }
  const parsed = NoticeDocument.safeParse(written === SCHEMA_VERSION ? value : { ...value, schemaVersion: SCHEMA_VERSION });
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue && issue.path.length > 0 ? `/${issue.path.join('/')}` : '';
    const detail = `${where}${where ? ': ' : ''}${issue?.message ?? 'invalid'}`;
    return {
      ok: false,
      message:
        written === SCHEMA_VERSION
          ? `it does not satisfy the output contract (${detail}); was it edited by hand? Run \`zhenggai run\` on its notice again`
          : `it was written with schema ${String(written)} and does not satisfy the current contract ${SCHEMA_VERSION} (${detail}); run \`zhenggai run\` on its notice again`,
    };
  }
  // The document as written: its own version stays on it.
  const doc = written === SCHEMA_VERSION ? parsed.data : ({ ...parsed.data, schemaVersion: written } as unknown as NoticeDocument);
  return { ok: true, doc, note: written === SCHEMA_VERSION ? null : `written with schema ${String(written)}; read as ${SCHEMA_VERSION}` };
}
