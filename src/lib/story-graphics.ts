/**
 * The housing step sequence as static SVG, pure: Cixi's pilot homes (a short
 * row on top) and Ningbo's target (the block below) drawn to the same scale,
 * one square per `per` homes, apart because one is not known to be part of
 * the other, and a separate grid for the rent-subsidy
 * recipients (people, a different unit). Every state is the same SVG with a
 * `data-state`; CSS shows the layers a state needs, so the sticky graphic and
 * the plain no-JavaScript series are one drawing.
 */
import type { Figure, Locale, Reply } from './data/model';
import { derivedFigures } from './derived';
import { formatDerivedValue } from './format/derived';
import { formatValue, figureLabel } from './format/figure';
import { formatNumber } from './format/number';
import { figureQuotes, formatPeriod } from './format/date';
import { isLowerBound } from './format/number';
import { useT } from '../i18n';
import { chartDecls } from './charts';
import { plusMark } from './charts/parts';
import { escapeXml } from './format/escape';
import { chartText } from './charts/text';

export type HousingState = 'target' | 'pilot' | 'compare' | 'subsidy';
export const HOUSING_STATES: readonly HousingState[] = ['target', 'pilot', 'compare', 'subsidy'];

export interface LegendItem {
  /** 'plus': the lower-bound mark, the charts' "+" (src/lib/charts/parts.ts plusMark). */
  swatch: 'context' | 'accent' | 'plus' | 'people';
  text: string;
}
export interface HousingGraphic {
  /** The sequence's heading: the chart's own words (charts.json `text`), else the site's. */
  title: string;
  /** The SVG for a state; ids are prefixed so several copies can sit on one page. */
  svg: (state: HousingState, idPrefix: string) => string;
  legend: Record<HousingState, LegendItem[]>;
  alt: Record<HousingState, string>;
  per: number;
  perPeople: number;
}

const COLS = 50;
const CELL = 12;
const SIZE = 10;

/** A round number of units per square: the pilot fills at least a few squares and the target at most a few thousand. */
export function unitsPerSquare(small: number, large: number): number {
  let per = 10 ** Math.max(0, Math.floor(Math.log10(Math.max(1, small))));
  while (large / per > 3000) per *= 10;
  return per;
}


/**
 * The figures of the step sequence, from the reply's charts (no figure id
 * here): the first unit chart drawn inside a whole gives the target (the
 * whole), the pilot (its first figure) and the ratio (its derived share); the
 * people are the first count of people in the same part, drawn on a grid of
 * their own (never on the grid of homes).
 */
export function housingFigures(reply: Reply) {
  const decl = chartDecls(reply).find((d) => d.kind === 'units' && d.whole && d.figures.length > 0);
  if (!decl) return null;
  const get = (id: string | undefined) => reply.figures.find((f) => f.id === id);
  const target = get(decl.whole);
  const pilot = get(decl.figures[0]);
  if (!target || !pilot) return null;
  const subsidy = reply.figures.find((f) => f.section === pilot.section && (f.unit === 'person' || f.unit === 'person-time') && f.measure !== 'change');
  const ratio = derivedFigures(reply).find((d) => decl.derived.includes(d.id) && d.fn === 'share');
  return subsidy ? { decl, target, pilot, subsidy, ratio } : null;
}

export function housingGraphic(reply: Reply, locale: Locale): HousingGraphic | null {
  const found = housingFigures(reply);
  if (!found) return null;
  const { decl, target, pilot, subsidy, ratio } = found;
  const t = useT(locale);
  const per = unitsPerSquare(pilot.value, target.value);
  const perPeople = unitsPerSquare(subsidy.value / 10, subsidy.value);
  const nTarget = Math.ceil(target.value / per);
  const nPilot = Math.floor(pilot.value / per);
  const nSub = Math.floor(subsidy.value / perPeople);
  const rows = Math.ceil(nTarget / COLS);
  const subRows = Math.ceil(nSub / COLS);
  const gap = 2 * CELL;
  const pilotRows = Math.ceil((nPilot + 1) / COLS);
  const yTarget = pilotRows * CELL + gap;
  const ySub = yTarget + rows * CELL + gap;
  const height = ySub + subRows * CELL;
  const v = (f: Figure) => formatValue(f, locale);
  const perText = formatValue({ value: per, qualifier: 'exact', unit: target.unit }, locale);
  const perPeopleText = formatValue({ value: perPeople, qualifier: 'exact', unit: subsidy.unit }, locale);

  /** squares [from, to) of a grid starting at y0, as rects filled with a pattern, one rect per row run. */
  const runs = (from: number, to: number, y0: number, cls: string, fill: string) => {
    let out = '';
    for (let i = from; i < to; ) {
      const row = Math.floor(i / COLS);
      const col = i % COLS;
      const n = Math.min(COLS - col, to - i);
      out += `<rect class="${cls}" x="${col * CELL}" y="${y0 + row * CELL}" width="${n * CELL}" height="${SIZE}" fill="${fill}"/>`;
      i += n;
    }
    return out;
  };
  // a lower bound (余, 不少于): the charts' mark, a "+" just after the last of `n` squares (in the next cell when the row is full)
  const open = (n: number, y0: number, cls: string) => {
    const last = Math.max(0, n - 1);
    const full = (last % COLS) === COLS - 1;
    const x = full ? -2 : (last % COLS) * CELL + SIZE;
    const y = y0 + (Math.floor(last / COLS) + (full ? 1 : 0)) * CELL;
    // as large as the text of a chart drawn this small: two cells (about 12 px on a phone)
    const m = plusMark(x, y, SIZE, 2 * CELL - 2);
    return `<text class="${cls}" x="${m.x}" y="${m.y}" font-size="${m.size}" font-weight="bold" dominant-baseline="central" fill="currentColor">${m.text}</text>`;
  };

  const svg = (state: HousingState, p: string) => {
    const pat = `${p}-sq`;
    return (
      `<svg class="hs" data-state="${state}" viewBox="-1 -1 ${COLS * CELL + 2} ${height + 2}" role="img" aria-labelledby="${p}-t" focusable="false">` +
      `<title id="${p}-t">${escapeXml(alt[state])}</title>` +
      `<defs>${['ctx', 'acc', 'ppl'].map((c) => `<pattern id="${pat}-${c}" class="hs-${c}" width="${CELL}" height="${CELL}" patternUnits="userSpaceOnUse"><rect width="${SIZE}" height="${SIZE}" fill="currentColor"/></pattern>`).join('')}</defs>` +
      `<g class="hs-target">${runs(0, nTarget, yTarget, 'hs-ctx', `url(#${pat}-ctx)`)}${isLowerBound(target.qualifier) ? open(nTarget, yTarget, 'hs-ctx') : ''}</g>` +
      `<g class="hs-pilot">${runs(0, nPilot, 0, 'hs-acc', `url(#${pat}-acc)`)}${isLowerBound(pilot.qualifier) ? open(nPilot, 0, 'hs-acc') : ''}</g>` +
      `<g class="hs-subsidy">${runs(0, nSub, ySub, 'hs-ppl', `url(#${pat}-ppl)`)}${isLowerBound(subsidy.qualifier) ? open(nSub, ySub, 'hs-ppl') : ''}</g>` +
      `</svg>`
    );
  };
  const ratioText = ratio ? formatDerivedValue(ratio, locale) : '';
  const names = { pilot: figureLabel(pilot, locale), target: figureLabel(target, locale) };
  const targetItem: LegendItem = { swatch: 'context', text: t('story.steps.legend.target', { v: v(target), what: figureLabel(target, locale) }) };
  const pilotItem: LegendItem = { swatch: 'accent', text: t('story.steps.legend.pilot', { v: v(pilot), what: figureLabel(pilot, locale) }) };
  const openItem: LegendItem = { swatch: 'plus', text: t('story.steps.legend.open') };
  const scale: LegendItem = { swatch: 'context', text: t('story.steps.legend.per', { per: perText }) };
  const legend: Record<HousingState, LegendItem[]> = {
    target: [targetItem, scale, openItem],
    pilot: [targetItem, pilotItem, openItem],
    compare: [pilotItem, { swatch: 'accent', text: chartText(decl, 'steps-ratio', locale, { r: ratioText, ...names }) }, targetItem],
    subsidy: [
      { swatch: 'people', text: t('story.steps.legend.subsidy', { v: v(subsidy), what: figureLabel(subsidy, locale), period: formatPeriod(subsidy.period, locale, subsidy.measure, figureQuotes(reply, subsidy)) }) },
      { swatch: 'people', text: t('story.steps.legend.per', { per: perPeopleText }) },
      openItem,
    ],
  };
  const alt: Record<HousingState, string> = {
    target: chartText(decl, 'steps-alt-target', locale, { n: formatNumber(nTarget, locale, { wan: false }), per: perText, v: v(target), what: names.target }),
    pilot: chartText(decl, 'steps-alt-pilot', locale, { n: formatNumber(nPilot, locale), v: v(pilot), all: formatNumber(nTarget, locale, { wan: false }), what: names.pilot }),
    compare: chartText(decl, 'steps-alt-compare', locale, { r: ratioText, ...names }),
    subsidy: chartText(decl, 'steps-alt-subsidy', locale, { n: formatNumber(nSub, locale), per: perPeopleText, v: v(subsidy), what: figureLabel(subsidy, locale) }),
  };
  return { title: chartText(decl, 'steps-title', locale, {}), svg, legend, alt, per, perPeople };
}
