/** `npm run schema:write`: export the zod contract to output/notice.schema.json (tests fail when it is stale). */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { noticeJsonSchema } from '../output/schema.js';
import { REPO_ROOT } from './eval.js';

/** The committed JSON Schema's path. */
export const SCHEMA_FILE = join(REPO_ROOT, 'output', 'notice.schema.json');

/** The exact text the schema file must hold. */
export function schemaFileText(): string {
  return `${JSON.stringify(noticeJsonSchema(), null, 2)}\n`;
}

if (process.argv[1]?.endsWith('writeSchema.js') || process.argv[1]?.endsWith('writeSchema.ts')) {
  writeFileSync(SCHEMA_FILE, schemaFileText());
  process.stdout.write(`wrote ${SCHEMA_FILE}\n`);
}
