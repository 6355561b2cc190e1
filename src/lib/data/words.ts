/**
 * The Chinese words no line may break inside (headlines, chart labels,
 * exported SVGs), taken from the data, never typed into code:
 *  - the glossary's Chinese terms (保租房, 流动人口, 技能大师工作室; a term
 *    listing two, 双向进入、交叉任职, gives each);
 *  - the names of the reply's places (慈溪, 宁波全市) and of the units its
 *    figures count in (套（间）, 人次, 个工种);
 *  - the items a declared chart names (the contest's trades: 工具钳工,
 *    电子商务（农村电商）);
 *  - the qualifier words the checker reads quotes with (不少于, 超过);
 *  - the words the reply itself declares in reply.json `words_zh` (报名者).
 * Only words of two or more characters with Chinese in them; longest first.
 */
import type { GlossaryTerm, Reply } from './model';
import { namedItems } from './charts-schema';
import { QUALIFIER_WORDS } from './numbers';
import { unitName } from './vocabulary';

const CJK = /[\u3400-\u9fff]/;

/** The protected words of one reply, with the glossary's terms (none when the glossary is not given). */
export function keepWords(reply: Pick<Reply, 'meta' | 'figures' | 'charts'>, glossary: readonly Pick<GlossaryTerm, 'term_zh'>[] = []): string[] {
  const units = [...new Set(reply.figures.map((f) => f.unit))].map((u) => unitName(u)?.zh ?? '');
  const named = (reply.charts ?? []).flatMap((c) => {
    const fig = c.named && reply.figures.find((f) => f.id === c.named!.figure);
    return fig ? namedItems(fig.quote) : [];
  });
  const words = [
    ...glossary.flatMap((g) => g.term_zh.split('、')),
    ...Object.values(reply.meta.places).map((p) => p.zh),
    ...units,
    ...named,
    ...QUALIFIER_WORDS,
    ...(reply.meta.words_zh ?? []),
  ]
    .map((w) => w.trim())
    .filter((w) => [...w].length > 1 && CJK.test(w));
  return orderKeep(words);
}

/** Protected words once each, longest first (the order keepRanges matches them in), ties in code-point order. */
export const orderKeep = (words: Iterable<string>): string[] => [...new Set(words)].sort((a, b) => b.length - a.length || (a < b ? -1 : a > b ? 1 : 0));
