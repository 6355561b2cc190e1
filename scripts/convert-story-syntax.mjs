#!/usr/bin/env node
/**
 * Rewrites prose and copy from the old directive syntax to the standard one
 * that src/lib/data/prose.ts reads (remark-directive):
 *
 *   {fig:pilot-units}             -> :fig{#pilot-units}
 *   {fig:pilot-units|bare}        -> :fig{#pilot-units bare}
 *   {term:人大代表|deputy}          -> :term[deputy]{#人大代表}      (term and link: the text after | is the label)
 *   {link:commitments|承诺追踪}     -> :link[承诺追踪]{#commitments}
 *   {quote:fig:x}                 -> :quote{#fig:x}
 *   ::headline fig:a der:b        -> ::headline[:fig{#a} :der{#b}]
 *   ::chart id | takeaway         -> ::chart[takeaway]{#id}
 *   ::steps name / ::step key / ::end -> :::steps{#name} / ::step{#key} / :::
 *   front-matter values that YAML would misread (": ", " #", a leading quote …) -> "double-quoted"
 *
 * Usage:  node scripts/convert-story-syntax.mjs [file-or-folder …]
 * With no arguments: src/content/**.md and data/replies/** /*.json. Markdown
 * files get the block and front-matter rules too; any other file (JSON, TS)
 * only the inline rule, applied to its raw text. Text already converted is
 * left as it is, so it can be run again on text another branch adds.
 * Prints each file it changed.
 */
import fs from 'node:fs';
import path from 'node:path';

const LABELLED = new Set(['term', 'link']);
const OLD = /\{([a-z]+):([^{}]*)\}/g;

/** An attribute id: the #shorthand when the id allows it, else id="…". */
const idAttr = (id) => (/^[^\s"'<=>`{}.#]+$/.test(id) ? `#${id}` : `id="${id.replace(/"/g, '&quot;')}"`);
const escLabel = (s) => s.replace(/[[\]\\]/g, (c) => `\\${c}`);

export function convertInline(text) {
  return text.replace(OLD, (_, name, arg) => {
    const bar = arg.indexOf('|');
    const id = (bar < 0 ? arg : arg.slice(0, bar)).trim();
    const opt = bar < 0 ? '' : arg.slice(bar + 1).trim();
    if (!opt) return `:${name}{${idAttr(id)}}`;
    if (LABELLED.has(name)) return `:${name}[${escLabel(opt)}]{${idAttr(id)}}`;
    return `:${name}{${idAttr(id)} ${opt}}`;
  });
}

/** Headline items (fig:a, der:b, or a bare figure id) as text directives. */
const headline = (args) =>
  args.map((a) => {
    const [kind, id] = a.includes(':') ? a.split(':') : ['fig', a];
    return `:${kind}{${idAttr(id)}}`;
  });

function convertBlockLine(raw) {
  const line = raw.trim();
  const m = /^::([a-z]+)(?:\s+(.*))?$/.exec(line);
  if (!m) return null;
  const [, name, rest = ''] = m;
  const args = rest.trim() ? rest.trim().split(/\s+/) : [];
  switch (name) {
    case 'headline':
      return `::headline[${headline(args).join(' ')}]`;
    case 'chart': {
      const bar = rest.indexOf('|');
      const id = (bar < 0 ? rest : rest.slice(0, bar)).trim();
      const take = bar < 0 ? '' : rest.slice(bar + 1).trim();
      return take ? `::chart[${convertInline(take)}]{${idAttr(id)}}` : `::chart{${idAttr(id)}}`;
    }
    case 'steps':
      return `:::steps{${idAttr(args[0] ?? '')}}`;
    case 'step':
      return `::step{${idAttr(args[0] ?? '')}}`;
    case 'end':
      return ':::';
    case 'promises':
      return args.length ? null : '::promises';
    default:
      return null;
  }
}

/** A front-matter value YAML would read as something else than the string: double-quote it. */
function yamlValue(v) {
  const risky = /: |\s#|^[\s'"[\]{}&*!|>%@`,?-]|^[0-9.+-]+$|^(true|false|null|yes|no|on|off|~)$/i.test(v) || /:$/.test(v);
  return risky ? JSON.stringify(v) : v;
}

export function convertMarkdown(text) {
  const lines = text.split('\n');
  let front = lines[0]?.trim() === '---';
  return lines
    .map((raw, i) => {
      if (front && i > 0) {
        if (raw.trim() === '---') {
          front = false;
          return raw;
        }
        const m = /^([A-Za-z_-]+):[ \t]*(.*)$/.exec(raw);
        if (!m) return raw;
        const v = m[2].trim();
        if (/^".*"$|^'.*'$/.test(v)) return `${m[1]}: ${convertInline(v)}`;
        const c = yamlValue(convertInline(v));
        return c === v ? raw : `${m[1]}: ${c}`;
      }
      if (i === 0 && front) return raw;
      if (raw.trim().startsWith('::') && !/^:{2,}[a-z]+[[{]/.test(raw.trim())) {
        const b = convertBlockLine(raw);
        if (b !== null) return raw.slice(0, raw.length - raw.trimStart().length) + b;
      }
      return convertInline(raw);
    })
    .join('\n');
}

function* walk(p) {
  if (!fs.existsSync(p)) return;
  if (fs.statSync(p).isDirectory()) {
    for (const f of fs.readdirSync(p).sort()) if (f !== 'node_modules' && !f.startsWith('.')) yield* walk(path.join(p, f));
  } else yield p;
}

const isMain = process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  const args = process.argv.slice(2);
  const files = args.length
    ? args.flatMap((a) => [...walk(a)])
    : [...[...walk('src/content')].filter((f) => f.endsWith('.md')), ...[...walk('data/replies')].filter((f) => f.endsWith('.json'))];
  for (const f of files) {
    const text = fs.readFileSync(f, 'utf8');
    const out = f.endsWith('.md') ? convertMarkdown(text) : convertInline(text);
    if (out !== text) {
      fs.writeFileSync(f, out);
      console.log(`converted ${f}`);
    }
  }
}
