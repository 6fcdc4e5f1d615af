/**
 * Word automatic numbering (ECMA-376 Part 1, §17.9): reads word/numbering.xml and the paragraph styles of
 * word/styles.xml, and renders the number text of each numbered paragraph in document order — `一、`, `（二）`,
 * `1.2` — with per-list counters, start values, level restarts (w:lvlRestart), per-instance overrides
 * (w:lvlOverride / w:startOverride), numbering inherited from paragraph styles, numbering-style links
 * (w:numStyleLink) and suppression (numId 0).
 */
import { numberSeparator, renderBullet, renderNumber } from '../../../rules/numberingFormats.js';
import { child, childrenNamed, childVal, isOn, type XmlElement } from './xml.js';

/** One level of a list definition (w:lvl). */
interface NumberingLevel {
  /** w:start; ECMA-376 §17.9.25: zero when omitted. */
  start: number;
  numFmt: string;
  lvlText: string;
  /** w:lvlRestart (1-based level after which this level restarts; 0 = never); undefined = after any higher level. */
  restart: number | undefined;
  /** w:pStyle: the paragraph style this level is linked to. */
  pStyle: string | undefined;
  /** w:suff: tab (default) | space | nothing. */
  suff: string | undefined;
  /** w:isLgl: write every level's counter in decimal. */
  isLgl: boolean;
}

interface AbstractNum {
  id: string;
  levels: Map<number, NumberingLevel>;
  numStyleLink: string | undefined;
  styleLink: string | undefined;
}

interface NumInstance {
  numId: string;
  abstractNumId: string;
  /** Per-level overrides: a new start value and/or a whole new level definition. */
  overrides: Map<number, { start: number | undefined; level: NumberingLevel | undefined }>;
}

interface ParagraphStyle {
  basedOn: string | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
}

/** The numbering a paragraph asks for (direct w:numPr), before style inheritance. */
export interface ParagraphNumbering {
  styleId: string | undefined;
  numId: string | undefined;
  ilvl: number | undefined;
}

/** The outcome of rendering one paragraph's number. */
export type RenderedNumber =
  | { kind: 'none' }
  | { kind: 'ok'; prefix: string }
  /** The number could not be written in its format; `prefix` holds a decimal stand-in. */
  | { kind: 'unrendered'; prefix: string; numFmt: string }
  /** The paragraph refers to a list or level that is not defined (Word shows no number). */
  | { kind: 'missing'; numId: string; ilvl: number };

function toInt(v: string | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number.parseInt(v, 10);
  return Number.isFinite(n) ? n : undefined;
}

function readLevel(lvl: XmlElement): NumberingLevel {
  return {
    start: toInt(childVal(lvl, 'start')) ?? 0,
    numFmt: childVal(lvl, 'numFmt') ?? 'decimal',
    lvlText: childVal(lvl, 'lvlText') ?? '',
    restart: toInt(childVal(lvl, 'lvlRestart')),
    pStyle: childVal(lvl, 'pStyle'),
    suff: childVal(lvl, 'suff'),
    isLgl: child(lvl, 'isLgl') !== undefined && isOn(childVal(lvl, 'isLgl')),
  };
}

/** Read word/numbering.xml (may be absent) and word/styles.xml (may be absent) into a numbering model. */
export class DocxNumbering {
  private readonly abstracts = new Map<string, AbstractNum>();
  private readonly nums = new Map<string, NumInstance>();
  private readonly paragraphStyles = new Map<string, ParagraphStyle>();
  private readonly numberingStyles = new Map<string, string>();
  private defaultParagraphStyle: string | undefined;
  /** Counter values per list key (an abstract list, or a num instance that restarts it); index = level. */
  private readonly counters = new Map<string, Array<number | undefined>>();

  constructor(numberingXml: XmlElement | null, stylesXml: XmlElement | null) {
    const numbering = numberingXml ? child(numberingXml, 'numbering') : undefined;
    for (const a of childrenNamed(numbering, 'abstractNum')) {
      const id = a.attrs['abstractNumId'];
      if (id === undefined) continue;
      const levels = new Map<number, NumberingLevel>();
      for (const lvl of childrenNamed(a, 'lvl')) levels.set(toInt(lvl.attrs['ilvl']) ?? 0, readLevel(lvl));
      this.abstracts.set(id, { id, levels, numStyleLink: childVal(a, 'numStyleLink'), styleLink: childVal(a, 'styleLink') });
    }
    for (const n of childrenNamed(numbering, 'num')) {
      const numId = n.attrs['numId'];
      const abstractNumId = childVal(n, 'abstractNumId');
      if (numId === undefined || abstractNumId === undefined) continue;
      const overrides = new Map<number, { start: number | undefined; level: NumberingLevel | undefined }>();
      for (const o of childrenNamed(n, 'lvlOverride')) {
        const lvl = child(o, 'lvl');
        overrides.set(toInt(o.attrs['ilvl']) ?? 0, {
          start: toInt(childVal(o, 'startOverride')),
          level: lvl ? readLevel(lvl) : undefined,
        });
      }
      this.nums.set(numId, { numId, abstractNumId, overrides });
    }
    const styles = stylesXml ? child(stylesXml, 'styles') : undefined;
    for (const s of childrenNamed(styles, 'style')) {
      const id = s.attrs['styleId'];
      if (id === undefined) continue;
      const numPr = child(child(s, 'pPr'), 'numPr');
      if (s.attrs['type'] === 'numbering') {
        const numId = childVal(numPr, 'numId');
        if (numId !== undefined) this.numberingStyles.set(id, numId);
      } else if ((s.attrs['type'] ?? 'paragraph') === 'paragraph') {
        this.paragraphStyles.set(id, { basedOn: childVal(s, 'basedOn'), numId: childVal(numPr, 'numId'), ilvl: toInt(childVal(numPr, 'ilvl')) });
        if (isOn(s.attrs['default']) && s.attrs['default'] !== undefined) this.defaultParagraphStyle = id;
      }
    }
  }

  /** True when the document defines any list at all (otherwise numbering work can be skipped). */
  get hasLists(): boolean {
    return this.nums.size > 0;
  }

  /** The numbering a paragraph style gives (following w:basedOn), or undefined. */
  private styleNumbering(styleId: string | undefined): { numId: string; ilvl: number | undefined; styleId: string } | undefined {
    const seen = new Set<string>();
    for (let id = styleId; id !== undefined && !seen.has(id); id = this.paragraphStyles.get(id)?.basedOn) {
      seen.add(id);
      const st = this.paragraphStyles.get(id);
      if (st?.numId !== undefined) return { numId: st.numId, ilvl: st.ilvl, styleId: id };
    }
    return undefined;
  }

  /** The abstract list a num instance uses, following w:numStyleLink through numbering styles. */
  private abstractFor(num: NumInstance): AbstractNum | undefined {
    let abs = this.abstracts.get(num.abstractNumId);
    const seen = new Set<string>();
    while (abs?.numStyleLink !== undefined && !seen.has(abs.id)) {
      seen.add(abs.id);
      const linkedNumId = this.numberingStyles.get(abs.numStyleLink);
      const linked = linkedNumId === undefined ? undefined : this.nums.get(linkedNumId);
      const next = linked ? this.abstracts.get(linked.abstractNumId) : undefined;
      if (!next) break;
      abs = next;
    }
    return abs;
  }

  /**
   * Render the number of the next paragraph in document order (call once per paragraph, in order, because it
   * advances the counters). Returns the prefix to write before the paragraph's own text.
   */
  next(p: ParagraphNumbering): RenderedNumber {
    if (!this.hasLists) return { kind: 'none' };
    const styleId = p.styleId ?? this.defaultParagraphStyle;
    const fromStyle = this.styleNumbering(styleId);
    const numId = p.numId ?? fromStyle?.numId;
    if (numId === undefined || numId === '0') return { kind: 'none' };
    const num = this.nums.get(numId);
    const abs = num ? this.abstractFor(num) : undefined;
    let ilvl = p.ilvl ?? (p.numId === undefined ? fromStyle?.ilvl : undefined);
    if (ilvl === undefined && abs && fromStyle) {
      // A style-linked level (w:lvl/w:pStyle) says which level the style's paragraphs take.
      for (const [i, l] of abs.levels) if (l.pStyle === fromStyle.styleId) ilvl = i;
    }
    ilvl ??= 0;
    if (!num || !abs) return { kind: 'missing', numId, ilvl };
    const levelDef = (i: number): NumberingLevel | undefined => num.overrides.get(i)?.level ?? abs.levels.get(i);
    const startOf = (i: number): number => num.overrides.get(i)?.start ?? levelDef(i)?.start ?? 0;
    const lvl = levelDef(ilvl);
    if (!lvl) return { kind: 'missing', numId, ilvl };

    // Word continues one sequence across every num instance of an abstract list unless the instance overrides
    // a level (then the instance has its own counters, restarting at the override).
    const key = num.overrides.size > 0 ? `num:${numId}` : `abs:${abs.id}`;
    let values = this.counters.get(key);
    if (!values) {
      values = [];
      this.counters.set(key, values);
    }
    const current = values[ilvl];
    values[ilvl] = current === undefined ? startOf(ilvl) : current + 1;
    for (let deeper = ilvl + 1; deeper < 9; deeper++) {
      const r = levelDef(deeper)?.restart;
      // ECMA-376 §17.9.10: restart when a level numbered (1-based) ≤ r is used; default r = the level itself
      // (1-based) — i.e. any higher level; 0 = never.
      const restartAfter = r === undefined ? deeper : r;
      if (restartAfter !== 0 && ilvl < restartAfter) values[deeper] = undefined;
    }

    if (lvl.numFmt === 'bullet') {
      const bullet = renderBullet(lvl.lvlText);
      return { kind: 'ok', prefix: bullet + numberSeparator(bullet, lvl.suff) };
    }
    let failedFmt: string | null = null;
    const marker = lvl.lvlText.replace(/%([1-9])/gu, (_m, d: string) => {
      const k = Number(d) - 1;
      const value = values[k] ?? startOf(k);
      const fmt = lvl.isLgl ? 'decimal' : (levelDef(k)?.numFmt ?? 'decimal');
      const out = renderNumber(fmt, value);
      if (out !== null) return out;
      failedFmt ??= fmt;
      return String(value);
    });
    const prefix = marker + numberSeparator(marker, lvl.suff);
    return failedFmt === null ? { kind: 'ok', prefix } : { kind: 'unrendered', prefix, numFmt: failedFmt };
  }
}
