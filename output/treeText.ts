/** A document's section tree as indented text, for people (`zhenggai inspect`) and for golden fixtures. */
import type { NoticeDocument, Section } from './schema.js';

interface Tally {
  m: number;
  c: number;
  d: number;
  r: number;
}

/** Render the tree: one line per section with marker, title and the items under it (m measures, c counts,
 *  d dates, r regulations), framed by the preamble and closing. */
export function treeText(doc: NoticeDocument): string {
  const own = new Map<string | null, Tally>();
  const bump = (id: string | null, k: keyof Tally) => {
    const t = own.get(id) ?? { m: 0, c: 0, d: 0, r: 0 };
    t[k]++;
    own.set(id, t);
  };
  doc.measures.forEach((x) => bump(x.section, 'm'));
  doc.counts.forEach((x) => bump(x.section, 'c'));
  doc.dates.forEach((x) => bump(x.section, 'd'));
  doc.regulations.forEach((x) => bump(x.section, 'r'));
  const total = (s: Section): Tally => {
    const t = { ...(own.get(s.id) ?? { m: 0, c: 0, d: 0, r: 0 }) };
    for (const c of s.children) {
      const ct = total(c);
      t.m += ct.m;
      t.c += ct.c;
      t.d += ct.d;
      t.r += ct.r;
    }
    return t;
  };
  const fmt = (t: Tally | undefined) => {
    const x = t ?? { m: 0, c: 0, d: 0, r: 0 };
    return `[${x.m}m ${x.c}c ${x.d}d ${x.r}r]`;
  };
  const lines: string[] = [];
  const m = doc.meta;
  lines.push(`${doc.source.path} · ${doc.source.format ?? '?'}${doc.source.encoding ? ` ${doc.source.encoding}` : ''} · status ${doc.status}`);
  if (m.title) lines.push(`title: ${m.title}`);
  lines.push(`unit: ${m.unit ?? '—'} · inspector: ${m.inspector ?? '—'} (${m.inspectionKind ?? '—'})${m.round ? ` · round: ${m.round}` : ''}`);
  lines.push(
    `inspection: ${m.inspectionPeriod ? `${m.inspectionPeriod.start}…${m.inspectionPeriod.end}` : '—'} · feedback: ${m.feedbackDate ?? '—'} · published: ${m.publishedDate ?? '—'}`,
  );
  lines.push(`outside sections (preamble, closing) ${fmt(own.get(null))}`);
  const walk = (ss: readonly Section[], indent: string) => {
    for (const s of ss) {
      lines.push(`${indent}${s.marker} ${s.title}  ${fmt(total(s))}${s.page !== null ? ` p.${s.page}` : ''}`);
      walk(s.children, `${indent}  `);
    }
  };
  walk(doc.sections, '  ');
  lines.push(doc.parts.closing ? `closing: ${doc.text.slice(doc.parts.closing.start, doc.parts.closing.end).split('\n').filter((l) => l.trim()).length} line(s)` : 'closing: (none)');
  return `${lines.join('\n')}\n`;
}
