/**
 * Places in words: the caveat a figure gets when it covers a place wider than
 * the reply's own (the first of reply.json `places`). The reply's own words
 * (copy.json `places`, src/lib/data/copy-schema.ts) where it has them, else
 * the site's, naming both places from the data.
 */
import type { Locale, Reply } from '../data/model';
import { ownPlace, placeText } from '../data/vocabulary';
import { useT } from '../../i18n';
import { pick } from './pick';

export interface WiderPlace {
  /** The place key (a `scope` of figures.csv). */
  key: string;
  /** The sentence a reader gets before the figures that cover it. */
  caveat: string;
  /** The figures that cover it, in file order. */
  ids: string[];
}

/** Every place other than the reply's own that some figure covers, in the order of `places`, with its caveat. */
export function widerPlaces(reply: Reply, locale: Locale): WiderPlace[] {
  const places = reply.meta.places;
  const own = ownPlace(places);
  const t = useT(locale);
  return Object.keys(places)
    .filter((key) => key !== own)
    .map((key) => {
      const words = reply.copy?.places[key];
      const caveat =
        pick(locale, words?.caveat_zh, words?.caveat_en) ??
        t('data.caveat.wider', { wider: placeText(places, key, locale), own: own ? placeText(places, own, locale) : '' });
      return { key, caveat, ids: reply.figures.filter((f) => f.scope === key).map((f) => f.id) };
    })
    .filter((p) => p.ids.length > 0);
}

/** The reply's own place in words (the first of its `places`). */
export const ownPlaceText = (reply: Reply, locale: Locale): string => {
  const own = ownPlace(reply.meta.places);
  return own ? placeText(reply.meta.places, own, locale) : '';
};
