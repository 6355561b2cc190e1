/**
 * The syntax of the site's prose (src/content/**.md) and of the copy in a
 * reply folder (charts.json titles and notes): Markdown with generic
 * directives, read by unified + remark-parse + remark-directive, and YAML
 * front matter (remark-frontmatter + yaml).
 *
 *   :fig{#pilot-units}                 a directive: its name, the id after #
 *   :fig{#pilot-units bare}            ... with an option (a bare word)
 *   :term[other words]{#居住证}         ... with text of its own in [ ] (term, link)
 *   ::chart[takeaway]{#skills-contest} a block (a line of its own)
 *   :::steps{#housing} … :::           a block holding blocks
 *
 * Only the Markdown the story uses is read as Markdown: paragraphs, ATX
 * headings, `-` lists, `>` quotes and directives. Emphasis, links, code,
 * HTML, entities and the rest are switched off, so `*`, `_`, `[`, `&` and `<`
 * in Chinese text stay as written (remark never curls quotes). This module
 * only reads the syntax; src/lib/story.ts gives it meaning.
 */
import type { RootContent, PhrasingContent, Yaml } from 'mdast';
import type { TextDirective, LeafDirective, ContainerDirective } from 'mdast-util-directive';
import remarkDirective from 'remark-directive';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified, type Processor } from 'unified';
import { location } from 'vfile-location';
import { parseDocument } from 'yaml';

/** Markdown constructs the prose does not use: read as plain text (micromark's construct names). */
const OFF = [
  'attention', 'autolink', 'characterReference', 'codeFenced', 'codeIndented', 'codeText', 'definition',
  'hardBreakEscape', 'htmlFlow', 'htmlText', 'labelStartImage', 'labelStartLink', 'setextUnderline', 'thematicBreak',
];

function plainConstructs(this: Processor) {
  (this.data().micromarkExtensions ??= []).push({ disable: { null: OFF } });
}

const processor = unified().use(remarkParse).use(remarkFrontmatter).use(remarkDirective).use(plainConstructs).freeze();

export type Directive = TextDirective | LeafDirective | ContainerDirective;
export type { PhrasingContent, RootContent };

/** Where in its file a node starts: 1-based line and column. */
export interface At {
  line: number;
  col: number;
}
export const at = (n: { position?: { start: { line: number; column: number } } }): At => ({ line: n.position?.start.line ?? 1, col: n.position?.start.column ?? 1 });

/** A directive as written: name, #id, options (bare words), other attributes, its [text] if any. */
export interface DirectiveUse extends At {
  name: string;
  id: string;
  options: string[];
  /** key=value attributes and .classes, which no directive takes. */
  other: string[];
  label: string | null;
  /** The directive, written out again (for messages). */
  source: string;
}

const plain = (xs: PhrasingContent[]): string => xs.map((x) => ('value' in x ? x.value : 'children' in x ? plain(x.children as PhrasingContent[]) : '')).join('');

export function directiveUse(d: Directive): DirectiveUse {
  const attrs = d.attributes ?? {};
  const options: string[] = [];
  const other: string[] = [];
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'id') continue;
    if (k === 'class' || v) other.push(k === 'class' ? `.${v}` : `${k}=${v}`);
    else options.push(k);
  }
  const id = attrs.id ?? '';
  // a container's [label] is its first child, a paragraph marked directiveLabel
  const head = d.type === 'containerDirective' ? d.children[0] : undefined;
  const labelNodes = d.type !== 'containerDirective' ? d.children : head?.type === 'paragraph' && head.data?.directiveLabel ? head.children : [];
  const label = labelNodes.length ? plain(labelNodes) : null;
  const colons = d.type === 'textDirective' ? ':' : d.type === 'leafDirective' ? '::' : ':::';
  const source = `${colons}${d.name}${label === null ? '' : `[${label}]`}{${[...(id ? [`#${id}`] : []), ...options, ...other].join(' ')}}`;
  return { name: d.name, id, options, other, label, source, ...at(d) };
}

/** Moves every position in a tree by a file offset (for text parsed out of its file, such as a front-matter value). */
function shift(node: { position?: { start: Pt; end: Pt }; children?: unknown[] }, offset: number, toPoint: (o: number) => Pt | undefined): void {
  if (node.position) {
    for (const p of [node.position.start, node.position.end]) {
      const q = toPoint((p.offset ?? 0) + offset);
      if (q) Object.assign(p, { line: q.line, column: q.column, offset: (p.offset ?? 0) + offset });
    }
  }
  for (const c of node.children ?? []) shift(c as typeof node, offset, toPoint);
}
interface Pt {
  line: number;
  column: number;
  offset?: number;
}

/** A front-matter value: its text, where it starts, and its directives and text as phrasing nodes. */
export interface FrontValue extends At {
  /** The value as YAML reads it, and as text. */
  data: unknown;
  value: string;
  nodes: PhrasingContent[];
}

/**
 * A line of copy (a chart title, a front-matter value) as phrasing nodes,
 * positions in `file` where the line starts at `offset` (by default the line
 * is its own file). Read as a paragraph whatever it starts with ("- ", "# ").
 */
export function parseLine(value: string, file: string = value, offset = 0): PhrasingContent[] {
  // a letter in front keeps the line one paragraph; taken off again below
  const tree = processor.parse(`x${value}`);
  const first = tree.children[0];
  const nodes = first && first.type === 'paragraph' ? first.children : [];
  const lead = nodes[0];
  if (lead?.type === 'text') {
    lead.value = lead.value.slice(1);
    if (lead.position) lead.position.start.offset = (lead.position.start.offset ?? 0) + 1;
    if (!lead.value) nodes.shift();
  }
  const loc = location(file);
  for (const n of nodes) shift(n, offset - 1, (o) => loc.toPoint(o) as Pt | undefined);
  return nodes;
}

/** A problem in the syntax itself (not in what it names), at line:col. */
export interface SyntaxProblem extends At {
  message: string;
  found?: string;
  fix?: string;
}

/** The front matter (YAML between --- lines): each key's value with its position; YAML errors as problems. */
function frontMatter(y: Yaml | undefined, text: string, problems: SyntaxProblem[]): Record<string, FrontValue> {
  const out: Record<string, FrontValue> = {};
  if (!y?.position) return out;
  const loc = location(text);
  const start = (y.position.start.offset ?? 0) + text.slice(y.position.start.offset).indexOf('\n') + 1;
  const doc = parseDocument(y.value);
  for (const e of doc.errors) {
    const p = loc.toPoint(start + e.pos[0]);
    problems.push({ line: p?.line ?? 1, col: p?.column ?? 1, message: `the front matter is not YAML: ${e.message.split('\n')[0]}`, fix: 'write "key: value" lines; put a value holding ": " or " #" in double quotes' });
  }
  if (doc.errors.length) return out;
  const items = (doc.contents as { items?: { key: { value: unknown }; value: { value: unknown; range?: number[]; type?: string } | null }[] } | null)?.items ?? [];
  for (const { key, value } of items) {
    if (!value || typeof value.value !== 'string' || !value.range) {
      const p = loc.toPoint(start + (value?.range?.[0] ?? 0));
      out[String(key.value)] = { data: value?.value, value: value ? String(value.value) : '', nodes: [], line: p?.line ?? 1, col: p?.column ?? 1 };
      continue;
    }
    const quoted = value.type === 'QUOTE_DOUBLE' || value.type === 'QUOTE_SINGLE' ? 1 : 0;
    const offset = start + value.range[0]! + quoted;
    const p = loc.toPoint(offset);
    out[String(key.value)] = { data: value.value, value: value.value, nodes: parseLine(value.value, text, offset), line: p?.line ?? 1, col: p?.column ?? 1 };
  }
  return out;
}

/** A prose file: its front matter and its blocks (mdast), with any syntax problems. */
export function parseProse(text: string): { front: Record<string, FrontValue>; blocks: RootContent[]; problems: SyntaxProblem[] } {
  const tree = processor.parse(text);
  const problems: SyntaxProblem[] = [];
  const y = tree.children.find((c): c is Yaml => c.type === 'yaml');
  const front = frontMatter(y, text, problems);
  return { front, blocks: tree.children.filter((c) => c.type !== 'yaml'), problems };
}

/** A line of copy as text and directives: what chart titles and notes are made of. */
export type Piece = { t: 'text'; text: string } | ({ t: 'directive' } & DirectiveUse);
export function pieces(value: string): Piece[] {
  return parseLine(value).map((n): Piece =>
    n.type === 'textDirective'
      ? { t: 'directive', ...directiveUse(n), source: value.slice(n.position?.start.offset, n.position?.end.offset) }
      : { t: 'text', text: n.position ? value.slice(n.position.start.offset, n.position.end.offset) : plain([n]) },
  );
}

/** Line and column of a file offset. */
export const pointAt = (text: string, offset: number): At => {
  const p = location(text).toPoint(offset);
  return { line: p?.line ?? 1, col: p?.column ?? 1 };
};
