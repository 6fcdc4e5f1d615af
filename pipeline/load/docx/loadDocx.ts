/**
 * Loader for Word .docx files (Office Open XML, ECMA-376).
 *
 * Why not mammoth here: mammoth's document model keeps only `{isOrdered, level}` for a numbered paragraph — it
 * drops the numId, the level overrides and the numbering a paragraph inherits from its style in styles.xml —
 * so per-list counters, restarts and the lvlText (`%1、`, `（%2）`) cannot be rendered from it, and matching its
 * paragraphs against a second walk of document.xml would mean two readers to keep in step. Automatic numbering
 * is the reason the .docx loader exists (Chinese notices number their headings with it), so we read the three
 * parts ourselves with jszip and a small XML walk: word/document.xml (body), word/numbering.xml and
 * word/styles.xml. Headers, footers, footnotes and comments are not body text and are not read.
 */
import { diagnostic } from '../../../output/diagnosticCodes.js';
import type { Diagnostic } from '../../../output/schema.js';
import { walkDocxBody } from './body.js';
import { DocxNumbering } from './numbering.js';
import { decodeXmlBytes, parseXmlTree, XmlSyntaxError, type XmlElement, childrenNamed, child } from './xml.js';
import { checkDeclaredSizes, type DocxPackage, openDocxPackage, readPart } from './zip.js';
import { type Loaded, type LoadOptions } from '../loaded.js';
import type { Result } from '../../result.js';
import { FileError } from '../../fileError.js';

const REL_OFFICE_DOCUMENT = /\/officeDocument$/u;
const REL_NUMBERING = /\/numbering$/u;
const REL_STYLES = /\/styles$/u;

/** Resolve a relationship target against the folder of the part that holds the relationship. */
function resolveTarget(baseDir: string, target: string): string {
  const parts = (target.startsWith('/') ? target.slice(1) : baseDir + target).split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/** The relationships of a .rels part as {type, target}. */
function relationships(tree: XmlElement | null): Array<{ type: string; target: string }> {
  const root = tree ? child(tree, 'Relationships') : undefined;
  return childrenNamed(root, 'Relationship').map((r) => ({ type: r.attrs['Type'] ?? '', target: r.attrs['Target'] ?? '' }));
}

async function readTree(pkg: DocxPackage, name: string): Promise<XmlElement | null> {
  const bytes = await readPart(pkg, name);
  if (!bytes) return null;
  try {
    return parseXmlTree(decodeXmlBytes(bytes));
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw new FileError('docx/corrupt', `${name} in the .docx package is not well-formed XML (${err.message})`);
    throw err;
  }
}

/** Load a .docx: body paragraphs and tables in reading order with Word automatic numbering rendered. */
export async function loadDocx(bytes: Uint8Array, options: LoadOptions): Promise<Result<Loaded>> {
  if (bytes.length === 0) throw new FileError('input/empty', 'the file is empty (0 bytes)');
  const pkg = await openDocxPackage(bytes, options.limits.maxUnzippedBytes);
  checkDeclaredSizes(pkg, ['_rels/.rels', 'word/_rels/document.xml.rels']);

  const rootRels = relationships(await readTree(pkg, '_rels/.rels'));
  const documentPart = resolveTarget('', rootRels.find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target ?? 'word/document.xml');
  const slash = documentPart.lastIndexOf('/');
  const documentDir = slash === -1 ? '' : documentPart.slice(0, slash + 1);
  const relsPart = `${documentDir}_rels/${documentPart.slice(slash + 1)}.rels`;
  const docRels = relationships(await readTree(pkg, relsPart));
  const partFor = (re: RegExp, fallback: string): string => {
    const rel = docRels.find((r) => re.test(r.type));
    return rel ? resolveTarget(documentDir, rel.target) : fallback;
  };
  const numberingPart = partFor(REL_NUMBERING, `${documentDir}numbering.xml`);
  const stylesPart = partFor(REL_STYLES, `${documentDir}styles.xml`);

  // Every part we are about to inflate, checked against the limit before any of them is inflated.
  checkDeclaredSizes(pkg, [documentPart, numberingPart, stylesPart]);
  options.signal?.throwIfAborted();

  const numberingTree = await readTree(pkg, numberingPart);
  const stylesTree = await readTree(pkg, stylesPart);
  const documentBytes = await readPart(pkg, documentPart);
  if (!documentBytes) {
    throw new FileError('docx/corrupt', `the zip package has no ${documentPart}: it is not a Word document or it is damaged`);
  }
  options.signal?.throwIfAborted();

  let body;
  try {
    body = walkDocxBody(decodeXmlBytes(documentBytes), new DocxNumbering(numberingTree, stylesTree));
  } catch (err) {
    if (err instanceof XmlSyntaxError) throw new FileError('docx/corrupt', `${documentPart} is not well-formed XML (${err.message}); the file may be damaged`);
    throw err;
  }

  const lines = body.lines.map((l) => l.replace(/\r/gu, ''));
  while (lines.length > 0 && (lines[0] ?? '').trim() === '') lines.shift();
  while (lines.length > 0 && (lines[lines.length - 1] ?? '').trim() === '') lines.pop();
  if (lines.length === 0) {
    throw new FileError('input/empty', 'the Word document has no text in its body (it may hold only images or text boxes)');
  }

  const diagnostics: Diagnostic[] = [];
  for (const [numFmt, count] of body.unrendered) {
    diagnostics.push(diagnostic('docx/numbering-unrendered', `${count} automatically numbered paragraph(s) use the numbering format "${numFmt}", which cannot be rendered; their numbers were written as decimal digits, so heading markers may be wrong`));
  }
  if (body.missingLists > 0) {
    diagnostics.push(diagnostic('docx/numbering-missing', `${body.missingLists} paragraph(s) refer to an automatic-numbering list or level that the document does not define; Word shows no number for them and none was written`));
  }
  if (body.drawingChars > 0) {
    diagnostics.push(diagnostic('docx/textbox-skipped', `${body.drawingChars} characters inside text boxes or drawings were left out of the text`));
  }
  return { value: { format: 'docx', text: lines.join('\n'), encoding: null, pages: null, pageStarts: null, pageDate: null }, diagnostics };
}
