/** Reading the Markdown of `run --to md` back with a Markdown parser (mdast-util-from-markdown, CommonMark, with
 *  YAML front matter), as a user's tool would: the front matter, the heading tree and the text. */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';
import { toString } from 'mdast-util-to-string';
import { frontmatter } from 'micromark-extension-frontmatter';
import { parse as parseYaml } from 'yaml';
import type { Section } from '../output/schema.js';

/** A node of the parsed tree, as far as the tests look at it. */
export interface MdNode {
  type: string;
  depth?: number;
  value?: string;
  children?: MdNode[];
}

/** A heading tree: what a heading says (whitespace removed) and its level. */
export interface HeadingTree {
  text: string;
  level: number;
  children: HeadingTree[];
}

/** The tree of a Markdown file. */
export function parseMarkdown(md: string): MdNode {
  return fromMarkdown(md, { extensions: [frontmatter(['yaml'])], mdastExtensions: [frontmatterFromMarkdown(['yaml'])] });
}

/** The front matter, parsed as YAML (undefined when there is none). */
export function frontMatterOf(root: MdNode): unknown {
  const yaml = root.children?.[0];
  return yaml?.type === 'yaml' ? parseYaml(yaml.value ?? '') : undefined;
}

const squeeze = (s: string): string => s.replace(/\s+/gu, '');

/** The heading tree of the parsed Markdown: headings nest by their depth. */
export function headingTree(root: MdNode): HeadingTree[] {
  const top: HeadingTree[] = [];
  const stack: HeadingTree[] = [];
  for (const node of root.children ?? []) {
    if (node.type !== 'heading') continue;
    const h: HeadingTree = { text: squeeze(toString(node)), level: node.depth!, children: [] };
    while (stack.length > 0 && stack.at(-1)!.level >= h.level) stack.pop();
    (stack.at(-1)?.children ?? top).push(h);
    stack.push(h);
  }
  return top;
}

/** A section tree (the document's, or a gold file's) in the same shape: marker and title, and the level. */
export function sectionTree(sections: ReadonlyArray<Pick<Section, 'marker' | 'title' | 'level'> & { children?: ReadonlyArray<unknown> }>): HeadingTree[] {
  return sections.map((s) => ({
    text: squeeze(`${s.marker}${s.title}`),
    level: s.level,
    children: sectionTree((s.children ?? []) as Parameters<typeof sectionTree>[0]),
  }));
}

/** Every list item of the parsed Markdown: its status label (a leading strong) and its text without the label. */
export function listItems(root: MdNode): Array<{ label: string | null; text: string }> {
  const out: Array<{ label: string | null; text: string }> = [];
  const walk = (n: MdNode) => {
    if (n.type === 'listItem') {
      const para = n.children?.[0];
      const first = para?.children?.[0];
      const label = first?.type === 'strong' ? toString(first) : null;
      const rest = (para?.children ?? []).slice(label === null ? 0 : 1);
      out.push({ label, text: rest.map((c) => toString(c)).join('').replace(/^ /u, '') });
      return;
    }
    for (const c of n.children ?? []) walk(c);
  };
  walk(root);
  return out;
}

/** The text of everything but the front matter and the status labels, with whitespace removed: what must equal
 *  the notice's text with whitespace removed. */
export function textWithoutLabels(root: MdNode): string {
  let s = '';
  const walk = (n: MdNode, inItem: boolean) => {
    if (n.type === 'yaml') return;
    if (n.type === 'listItem') {
      const para = n.children?.[0];
      const kids = para?.children ?? [];
      const start = kids[0]?.type === 'strong' ? 1 : 0;
      for (const k of kids.slice(start)) walk(k, true);
      for (const c of (n.children ?? []).slice(1)) walk(c, true);
      return;
    }
    if (typeof n.value === 'string') s += n.value;
    for (const c of n.children ?? []) walk(c, inItem);
  };
  walk(root, false);
  return squeeze(s);
}

export { squeeze };
