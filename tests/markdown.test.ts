/**
 * Markdown of a notice (issue 15 item 10; output/markdown.ts): read back with a Markdown parser, it has the gold
 * heading tree with its levels, YAML front matter with the metadata, the measures as list items with their status,
 * and the notice's whole text, figures as written. Seed and real notices come from ../shared (skipped with a note
 * when it is absent); the corpus notices are checked against their gold sections.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { renderMarkdown, STATUS_LABEL } from '../output/markdown.js';
import type { NoticeDocument, Section } from '../output/schema.js';
import { hasShared, noteSkipped, noticeBytes, ROOT, SHARED } from './helpers.js';
import { frontMatterOf, headingTree, listItems, type MdNode, parseMarkdown, sectionTree, squeeze, textWithoutLabels } from './markdown-helpers.js';

/** The measures a Markdown file lists: those outside every heading line, in text order. */
function listedMeasures(doc: NoticeDocument): NoticeDocument['measures'] {
  const headings: Array<[number, number]> = [];
  const walk = (ss: readonly Section[]) => {
    for (const s of ss) {
      headings.push([s.span.start, Math.max(s.titleSpan.end, s.span.start)]);
      walk(s.children);
    }
  };
  walk(doc.sections);
  return doc.measures.filter((m) => !headings.some(([a, b]) => m.span.start < b && m.span.end > a));
}

/** Every check of one notice's Markdown against the document it was made from and a heading tree. */
function checkMarkdown(doc: NoticeDocument, md: string, gold: ReturnType<typeof sectionTree>): void {
  const root = parseMarkdown(md);
  // The heading tree, levels included: `#` for level 1, `##` for level 2, …
  expect(headingTree(root)).toEqual(gold);
  // The front matter: versions, source, status and every metadata field (evidence aside), as the document has them.
  const fm = frontMatterOf(root) as Record<string, unknown>;
  expect(fm['schemaVersion']).toBe(doc.schemaVersion);
  expect(fm['source']).toEqual({ path: doc.source.path, sha256: doc.source.sha256, format: doc.source.format, bytes: doc.source.bytes, encoding: doc.source.encoding, pages: doc.source.pages });
  expect(fm['status']).toBe(doc.status);
  const { evidence: _evidence, ...meta } = doc.meta;
  for (const [k, v] of Object.entries(meta)) expect(fm[k], k).toEqual(v);
  // The measures, each a list item with its status, in order.
  const want = listedMeasures(doc).map((m) => ({ label: m.status ? STATUS_LABEL[m.status] : null, text: squeeze(m.text) }));
  expect(listItems(root).map((i) => ({ label: i.label, text: squeeze(i.text) }))).toEqual(want);
  // The whole text, and nothing else: every figure keeps the words it was written with.
  expect(textWithoutLabels(root)).toBe(squeeze(doc.text));
  for (const c of doc.counts) expect(md).toContain(c.text.replace(/[\\`*_[\]<>&~#|]/gu, '\\$&'));
}

describe('Markdown of the seed and a real notice (../shared)', () => {
  noteSkipped('Markdown of seed.txt and real-001.txt');
  it.skipIf(!hasShared)('seed.txt: the gold heading tree with its levels, front matter, measures with status, the whole text', async () => {
    const doc = await noticeBytes(readFileSync(join(SHARED, 'seeds', 'seed.txt')), 'seed.txt');
    const gold = JSON.parse(readFileSync(join(SHARED, 'seeds', 'seed.gold.json'), 'utf8')) as { sections: Parameters<typeof sectionTree>[0] };
    const md = renderMarkdown(doc);
    checkMarkdown(doc, md, sectionTree(gold.sections));
    expect(md).toContain('\n# 一、区档案馆及馆长、党总支书记组织落实情况\n');
    expect(md).toContain('\n## (一)深化思想认识,提高政治站位\n');
    expect(md).toContain('\n### 1.学深悟透“为党管档、为国守史、为民服务”\n');
    expect(md).toContain('\n- **已完成** 及时召开馆领导班子会议,深入学习习近平总书记关于巡视工作重要论述。\n');
    expect(md).toMatch(/\n\*\*\*\n\n欢迎广大干部群众/u);
  });

  it.skipIf(!hasShared)('real-001.txt: the pipeline’s own tree with its levels, front matter, measures, the whole text', async () => {
    const doc = await noticeBytes(readFileSync(join(SHARED, 'corpus', 'real', 'real-001.txt')), 'real-001.txt');
    expect(doc.sections.length).toBeGreaterThan(0);
    checkMarkdown(doc, renderMarkdown(doc), sectionTree(doc.sections));
  });
});

describe('Markdown of every corpus notice against its gold sections', () => {
  const dirs = [join(ROOT, 'corpus'), join(ROOT, 'corpus', 'patterns')];
  const notices = dirs.flatMap((dir) =>
    readdirSync(dir)
      .filter((f) => f.endsWith('.gold.json'))
      .sort()
      .map((g) => {
        const gold = JSON.parse(readFileSync(join(dir, g), 'utf8')) as { file?: string; sections: Parameters<typeof sectionTree>[0] };
        return { dir, name: gold.file ?? g.replace(/\.gold\.json$/u, '.txt'), gold };
      }),
  );
  it('covers the 16 corpus notices and the 14 pattern notices', () => {
    expect(notices.filter((n) => n.name.endsWith('.txt')).length).toBe(30);
  });
  for (const n of notices) {
    it(n.name, async () => {
      const doc = await noticeBytes(readFileSync(join(n.dir, n.name)), n.name);
      const md = renderMarkdown(doc);
      checkMarkdown(doc, md, sectionTree(n.gold.sections));
      expect(renderMarkdown(doc)).toBe(md); // deterministic
    });
  }
});

describe('Markdown of unusual text', () => {
  const nodeTypes = (root: MdNode): Set<string> => {
    const types = new Set<string>();
    const walk = (n: MdNode) => {
      types.add(n.type);
      for (const c of n.children ?? []) walk(c);
    };
    walk(root);
    return types;
  };

  it('escapes what Markdown would read as syntax: the text comes back as written, with no stray list, code, HTML or link', async () => {
    const lines = [
      '某单位关于巡察整改进展情况的通报',
      '根据区委统一部署,区委第一巡察组对某单位进行了巡察。',
      '一、整改工作总体情况',
      '1. 这一行像有序列表 2) 也像',
      '- 这一行像无序列表 + 也像 * 也像',
      '# 井号开头 ## 两个',
      '> 引用开头 <b>粗体</b> &amp; 实体 &#169;',
      '    四个空格开头的行,*强调* _下划线_ `代码` [链接](http://x) ~~删除~~ | 表格 | 列 |',
      '===',
      '---',
      '二、下一步工作计划',
      '将持续推进整改,建立长效机制3项。',
    ];
    const doc = await noticeBytes(Buffer.from(lines.join('\n')), 'odd.txt');
    const md = renderMarkdown(doc);
    const root = parseMarkdown(md);
    expect(textWithoutLabels(root)).toBe(squeeze(doc.text));
    expect(headingTree(root)).toEqual(sectionTree(doc.sections));
    const allowed = ['root', 'yaml', 'heading', 'paragraph', 'text', 'list', 'listItem', 'strong', 'thematicBreak'];
    for (const t of nodeTypes(root)) expect(allowed, `a ${t} node`).toContain(t);
  });

  it('a heading deeper than level 6 is a bold paragraph (Markdown has six levels)', async () => {
    const doc = await noticeBytes(Buffer.from('一、整改情况\n(一)组织领导\n召开会议3次。'), 'deep.txt');
    const deep = structuredClone(doc);
    deep.sections[0]!.children[0]!.level = 7;
    const md = renderMarkdown(deep);
    expect(md).toContain('\n**(一)组织领导**\n');
    expect(headingTree(parseMarkdown(md))).toEqual([{ text: '一、整改情况', level: 1, children: [] }]);
  });

  it('a failed file is front matter with its status and error, and no body', async () => {
    const doc = await noticeBytes(Buffer.alloc(0), 'empty.txt');
    const md = renderMarkdown(doc);
    const root = parseMarkdown(md);
    expect(root.children?.map((c) => c.type)).toEqual(['yaml']);
    expect(frontMatterOf(root)).toMatchObject({ status: 'failed', diagnostics: [{ severity: 'error', code: 'input/empty', message: 'the file is empty (0 bytes)' }] });
    expect(md.endsWith('---\n')).toBe(true);
  });

  it('front matter strings are double-quoted, so that YAML 1.1 readers keep dates as text', async () => {
    const doc = await noticeBytes(Buffer.from('根据统一部署,2023年6月7日至7月28日,区委第四巡察组对区档案馆进行了巡察。\n一、整改情况\n已建立制度3项。'), 'q.txt');
    const md = renderMarkdown(doc);
    expect(md).toContain('\ninspectionPeriod:\n  start: "2023-06-07"\n  end: "2023-07-28"\n');
    expect(md).toContain('\ninspectionKind: "巡察"\n');
  });
});
