/**
 * What word-extractor does not tell about a legacy .doc (MS-DOC, Word 97–2003 binary): whether it is encrypted
 * (FIB flag fEncrypted) and whether paragraphs carry Word automatic numbering whose numbers are therefore
 * missing from the extracted text. Numbering is detected from the paragraph properties in the PAPX FKPs
 * (sprmPIlfo / sprmPIlvl, MS-DOC §2.6.2) resolved through the list tables (PlfLfo → LSTF → LVL, §2.9.131,
 * §2.9.150): a paragraph counts when its list level writes a number (its xst holds a level placeholder and the
 * format is not a bullet or none). Numbering given only through a paragraph STYLE is not seen (the style sheet is
 * not parsed), so the detection can miss, but it does not fire on documents without numbers.
 *
 * The OLE2 container is read with word-extractor's own compound-document reader (deep require of its
 * CommonJS modules, pinned with word-extractor ^1.0.4).
 */
import { createRequire } from 'node:module';

interface Readable {
  on(event: string, cb: (arg: unknown) => void): unknown;
}
interface OleDoc {
  read(): Promise<OleDoc>;
  stream(name: string): Readable;
}

const require = createRequire(import.meta.url);

function loadOle(buffer: Buffer): OleDoc {
  const OleCompoundDoc = require('word-extractor/lib/ole-compound-doc.js') as new (reader: unknown) => OleDoc;
  const BufferReader = require('word-extractor/lib/buffer-reader.js') as new (b: Buffer) => unknown;
  return new OleCompoundDoc(new BufferReader(buffer));
}

function streamBytes(s: Readable): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    s.on('data', (c) => chunks.push(c as Buffer));
    s.on('error', (e) => reject(e instanceof Error ? e : new Error(String(e))));
    s.on('end', () => resolve(Buffer.concat(chunks)));
  });
}

/** What the inspection found. */
export interface DocInspection {
  /** FIB fEncrypted: the document is password-protected (its text streams are ciphertext). */
  encrypted: boolean;
  /** Paragraphs with direct automatic numbering that writes a number (lost from the extracted text). */
  numberedParagraphs: number;
}

const SPRM_P_ILFO = 0x460b;
const SPRM_P_ILVL = 0x260a;
const NFC_BULLET = 23;
const NFC_NONE = 0xff;

/** Walk a grpprl (MS-DOC §2.2.5.1 Sprm: the operand size follows from spra). */
function forEachSprm(buf: Buffer, start: number, end: number, cb: (sprm: number, at: number) => void): void {
  let o = start;
  while (o + 2 <= end) {
    const sprm = buf.readUInt16LE(o);
    o += 2;
    cb(sprm, o);
    const spra = sprm >> 13;
    let size: number;
    if (spra === 0 || spra === 1) size = 1;
    else if (spra === 2 || spra === 4 || spra === 5) size = 2;
    else if (spra === 3) size = 4;
    else if (spra === 7) size = 3;
    else {
      // Variable length: first byte is the size (sprmPChgTabs and sprmTDefTable have special forms).
      if (o >= end) return;
      if (sprm === 0xd608) size = buf.readUInt16LE(o) + 1;
      else size = (buf[o] ?? 0) + 1;
    }
    o += size;
  }
}

/** Per list (lsid): for each level, whether it writes a number. */
function readListLevels(table: Buffer, fc: number, lcb: number): Map<number, boolean[]> {
  const lists = new Map<number, boolean[]>();
  if (lcb < 2 || fc + lcb > table.length) return lists;
  const cLst = table.readInt16LE(fc);
  let o = fc + 2;
  const lstfs: Array<{ lsid: number; levels: number }> = [];
  for (let i = 0; i < cLst && o + 28 <= table.length; i++) {
    const lsid = table.readInt32LE(o);
    const flags = table[o + 26] ?? 0;
    lstfs.push({ lsid, levels: flags & 0x01 ? 1 : 9 }); // fSimpleList
    o += 28;
  }
  // The LVLs of every list follow the PlfLst, in list order (MS-DOC §2.8.24).
  for (const lst of lstfs) {
    const writes: boolean[] = [];
    for (let l = 0; l < lst.levels; l++) {
      if (o + 28 > table.length) return lists;
      const nfc = table[o + 4] ?? NFC_NONE;
      const cbGrpprlChpx = table[o + 24] ?? 0;
      const cbGrpprlPapx = table[o + 25] ?? 0;
      o += 28 + cbGrpprlPapx + cbGrpprlChpx;
      if (o + 2 > table.length) return lists;
      const cch = table.readUInt16LE(o);
      o += 2;
      let hasPlaceholder = false;
      for (let k = 0; k < cch && o + 2 * k + 2 <= table.length; k++) if (table.readUInt16LE(o + 2 * k) < 9) hasPlaceholder = true;
      o += 2 * cch;
      writes.push(hasPlaceholder && nfc !== NFC_BULLET && nfc !== NFC_NONE);
    }
    lists.set(lst.lsid, writes);
  }
  return lists;
}

/** lsid of each list instance (ilfo is 1-based). */
function readLfos(table: Buffer, fc: number, lcb: number): number[] {
  if (lcb < 4 || fc + lcb > table.length) return [];
  const n = table.readInt32LE(fc);
  const out: number[] = [];
  for (let i = 0; i < n && fc + 4 + 16 * (i + 1) <= table.length; i++) out.push(table.readInt32LE(fc + 4 + 16 * i));
  return out;
}

/** Inspect a .doc; returns null when its structures cannot be read (the caller then says nothing). */
export async function inspectDoc(buffer: Buffer): Promise<DocInspection | null> {
  try {
    const ole = await loadOle(buffer).read();
    const wd = await streamBytes(ole.stream('WordDocument'));
    if (wd.length < 0x2f2 || wd.readUInt16LE(0) !== 0xa5ec) return null;
    const flags = wd.readUInt16LE(0x0a);
    const encrypted = (flags & 0x0100) !== 0;
    if (encrypted) return { encrypted, numberedParagraphs: 0 };
    const table = await streamBytes(ole.stream(flags & 0x0200 ? '1Table' : '0Table'));
    const fcPlcfBtePapx = wd.readUInt32LE(0x102);
    const lcbPlcfBtePapx = wd.readUInt32LE(0x106);
    const lists = readListLevels(table, wd.readUInt32LE(0x2e2), wd.readUInt32LE(0x2e6));
    const lfos = readLfos(table, wd.readUInt32LE(0x2ea), wd.readUInt32LE(0x2ee));
    if (lists.size === 0 || lfos.length === 0 || lcbPlcfBtePapx < 4) return { encrypted, numberedParagraphs: 0 };

    let numbered = 0;
    const n = (lcbPlcfBtePapx - 4) / 8;
    for (let i = 0; i < n; i++) {
      const pn = table.readUInt32LE(fcPlcfBtePapx + (n + 1) * 4 + i * 4) & 0x3fffff;
      const page = wd.subarray(pn * 512, pn * 512 + 512);
      if (page.length < 512) continue;
      const crun = page[511] ?? 0;
      for (let j = 0; j < crun; j++) {
        const bOffset = (page[(crun + 1) * 4 + j * 13] ?? 0) * 2;
        if (bOffset === 0) continue;
        let cb = page[bOffset] ?? 0;
        let start = bOffset + 1;
        let len: number;
        if (cb !== 0) len = 2 * cb - 1;
        else {
          cb = page[bOffset + 1] ?? 0;
          start = bOffset + 2;
          len = 2 * cb;
        }
        const end = Math.min(start + len, 511);
        let ilfo = 0;
        let ilvl = 0;
        forEachSprm(page, start + 2, end, (sprm, at) => {
          if (sprm === SPRM_P_ILFO && at + 2 <= end) ilfo = page.readInt16LE(at);
          else if (sprm === SPRM_P_ILVL && at < end) ilvl = page[at] ?? 0;
        });
        if (ilfo < 1 || ilfo > 0x7fe) continue;
        const lsid = lfos[ilfo - 1];
        if (lsid !== undefined && lists.get(lsid)?.[ilvl]) numbered++;
      }
    }
    return { encrypted, numberedParagraphs: numbered };
  } catch {
    return null;
  }
}
