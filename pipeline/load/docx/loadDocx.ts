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
import { checkDeclaredSizes, type DocxPackage, entriesNamed, openDocxPackage, readPart } from './zip.js';
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

/** Content types of a Word main document part (document, template, each also macro-enabled). */
const WORD_MAIN = /wordprocessingml\.(?:document|template)\.main\+xml|ms-word\.(?:document|template)/iu;

/** What kind of Office file a main part's content type names, for messages. */
function officeKind(contentType: string): string {
  if (/presentationml|ms-powerpoint/iu.test(contentType)) return 'a PowerPoint presentation';
  if (/spreadsheetml|ms-excel/iu.test(contentType)) return 'an Excel workbook';
  return `a package of type ${contentType}`;
}

/** The content type [Content_Types].xml gives a part (its Override, else the Default of its extension), or null. */
function contentTypeOf(types: XmlElement | null, part: string): string | null {
  const root = types ? child(types, 'Types') : undefined;
  const name = `/${part}`.toLowerCase();
  const override = childrenNamed(root, 'Override').find((o) => (o.attrs['PartName'] ?? '').toLowerCase() === name);
  if (override) return override.attrs['ContentType'] ?? null;
  const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
  return childrenNamed(root, 'Default').find((d) => (d.attrs['Extension'] ?? '').toLowerCase() === ext)?.attrs['ContentType'] ?? null;
}

/** True when [Content_Types].xml declares a Word main document anywhere. */
function declaresWord(types: XmlElement | null): boolean {
  const root = types ? child(types, 'Types') : undefined;
  return [...childrenNamed(root, 'Override'), ...childrenNamed(root, 'Default')].some((e) => WORD_MAIN.test(e.attrs['ContentType'] ?? ''));
}

/** The local name of an XML document's root element (after the prolog and comments), or null. */
function rootElementName(xml: string): string | null {
  const m = /^\s*(?:(?:<\?[\s\S]*?\?>|<!--[\s\S]*?-->|<!DOCTYPE[^>]*>)\s*)*<(?:[\w.-]+:)?([\w.-]+)/u.exec(xml.slice(0, 4096));
  return m?.[1] ?? null;
}

/** A warning for each part read that the zip holds more than once (jszip reads the last of the same name). */
function duplicateParts(pkg: DocxPackage, parts: readonly string[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const part of new Set(parts)) {
    const copies = entriesNamed(pkg, part);
    if (copies < 2) continue;
    const positions = pkg.entries.flatMap((e, i) => (e.replace(/^\//u, '').toLowerCase() === part.toLowerCase() ? [i + 1] : []));
    const exact = pkg.entries.flatMap((e, i) => (e === part ? [i + 1] : []));
    const read = exact.length > 0 ? exact[exact.length - 1]! : positions[positions.length - 1]!;
    out.push(
      diagnostic(
        'docx/duplicate-part',
        `${part} is in the zip package ${copies} times (entries ${positions.join(', ')} of its ${pkg.entries.length}); entry ${read}, the last ${exact.length > 0 ? 'of that exact name' : 'of them'}, was read and the other${copies > 2 ? 's were' : ' was'} ignored: check the text against the document`,
      ),
    );
  }
  return out;
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
  checkDeclaredSizes(pkg, ['[Content_Types].xml', '_rels/.rels', 'word/_rels/document.xml.rels']);

  const types = await readTree(pkg, '[Content_Types].xml');
  const rootRels = relationships(await readTree(pkg, '_rels/.rels'));
  const documentPart = resolveTarget('', rootRels.find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.target ?? 'word/document.xml');
  // A zip is a Word document when its main part is one: another Office file (a .pptx that holds a word/ folder)
  // or any other zip is format/unsupported, not a damaged Word file.
  const mainType = contentTypeOf(types, documentPart);
  if (mainType !== null && !WORD_MAIN.test(mainType) && /officedocument|ms-/iu.test(mainType)) {
    throw new FileError('format/unsupported', `the zip package is ${officeKind(mainType)} (its main part ${documentPart} is ${mainType}), not a Word document; if it holds the notice, save it as PDF or .docx`);
  }
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
    if (declaresWord(types) || (mainType !== null && WORD_MAIN.test(mainType))) {
      throw new FileError('docx/corrupt', `the zip package declares a Word document but has no ${documentPart}: the file is damaged`);
    }
    throw new FileError('format/unsupported', `a zip archive that is not a Word document: it has no ${documentPart} and declares no Word content`);
  }
  options.signal?.throwIfAborted();
  const documentXml = decodeXmlBytes(documentBytes);
  const root = rootElementName(documentXml);
  if (!(mainType !== null && WORD_MAIN.test(mainType)) && root !== null && root !== 'document') {
    throw new FileError('format/unsupported', `a zip archive that is not a Word document: its ${documentPart} is a <${root}>, not a Word <document>`);
  }

  let body;
  try {
    body = walkDocxBody(documentXml, new DocxNumbering(numberingTree, stylesTree));
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

  const diagnostics: Diagnostic[] = duplicateParts(pkg, [documentPart, numberingPart, stylesPart, '[Content_Types].xml', '_rels/.rels', relsPart]);
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
