/**
 * Single-number cards: one card per figure, for a lone figure or figures in
 * different units or measures. A change reads "+4,161" with "change, not a
 * total" under it (never boxes for totals the reply does not give); a lower
 * bound reads "2,000+"; a promise has a dashed outline.
 */
import type { Kind } from '../declare';
import { NARROW, Scene, WIDE, toPlot, type Frame } from '../scene';
import { build, cardKeys, cardsPanel, describe } from './shared';

export const number: Kind = (input) => {
  const { c, figs } = input;
  if (figs.length === 0) return null;
  const draw = (fr: Frame) => {
    const s = new Scene(fr, c.keep);
    const y = cardsPanel(c, figs, fr, s, 2);
    return toPlot(s, y + 4);
  };
  return build(input, {
    views: [{ id: 'number', label: c.t('charts.view.count'), wide: draw(WIDE), narrow: draw(NARROW) }],
    figs,
    key: cardKeys(c, figs),
    description: describe(c, [...figs, ...input.cards]),
  });
};
