/**
 * The site layer's props: the one module that reads the store (src/lib/data/index.ts).
 * Every route's getStaticPaths comes from here, and so does each reply's story,
 * resolved once per reply and locale per build; pages pass what they got on to
 * their components, which never load data themselves.
 */
import { getDataset, getReply } from './data';
import { orderKeep } from './data/words';
import type { Dataset, GlossaryTerm, Locale, Reply } from './data/model';
import { chartsFor, type ChartSpec } from './charts';
import { localeParams } from './paths';
import { loadProse, loadStory, type Story } from './story';
import { contactLink } from './site';

/** The validated dataset (loaded once per process). */
export const siteDataset = (): Dataset => getDataset();

/** A reply by id (the chart specs carry only the id). */
export const replyById = (id: string): Reply => getReply(id);

/**
 * The Chinese words no line breaks inside, for every page's headings (the
 * middleware): each reply's `keep` (glossary terms, places, units, named
 * items, declared words; src/lib/data/words.ts), once per build.
 */
let keepAll: string[] | undefined;
export function siteKeepWords(): string[] {
  return (keepAll ??= orderKeep(getDataset().replies.flatMap((r) => r.keep ?? [])));
}

/** getStaticPaths entries for a page per locale: params {lang}, props {locale}. */
export { localeParams };

/** getStaticPaths entries for a page per reply and locale: params {lang, reply}, props {locale, reply}. */
export function replyLocalePaths() {
  return getDataset().replies.flatMap((reply) =>
    localeParams().map(({ params, props }) => ({ params: { ...params, reply: reply.id }, props: { ...props, reply } })),
  );
}

/** getStaticPaths entries for a page per reply, locale and chart: params {lang, reply, chart}, props {locale, spec, reply}. */
export function chartLocalePaths(): { params: { lang: string | undefined; reply: string; chart: string }; props: { locale: Locale; spec: ChartSpec; reply: Reply } }[] {
  return getDataset().replies.flatMap((reply) =>
    localeParams().flatMap(({ params, props }) =>
      chartsFor(reply, props.locale).map((spec) => ({ params: { ...params, reply: reply.id, chart: spec.id }, props: { ...props, spec, reply } })),
    ),
  );
}

const stories = new Map<string, Story>();
const memo = (key: string, make: () => Story): Story => {
  let s = stories.get(key);
  if (!s) stories.set(key, (s = make()));
  return s;
};
const glossary = (): GlossaryTerm[] => getDataset().glossary;

/** A reply's story in a locale (written or generated), resolved once per build. */
export function storyOf(reply: Reply, locale: Locale, base: string): Story {
  return memo(`story|${base}|${locale}|${reply.id}`, () =>
    loadStory(process.cwd(), { reply, glossary: glossary(), locale, base, chartIds: chartsFor(reply, locale).map((c) => c.id), contact: contactLink() }),
  );
}

/** A prose page (src/content/pages/<locale>/<name>.md) resolved against a reply, once per build. */
export function proseOf(name: string, reply: Reply, locale: Locale, base: string): Story {
  return memo(`prose|${base}|${locale}|${reply.id}|${name}`, () => loadProse(process.cwd(), name, { reply, glossary: glossary(), locale, base, contact: contactLink() }));
}
