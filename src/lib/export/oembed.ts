/**
 * oEmbed (https://oembed.com/) response of a chart, type "rich": a static
 * JSON file per chart and locale, discovered through a <link rel="alternate">
 * on the chart page.
 */
import type { ChartSpec } from '../charts/types';
import { embedCode, initialHeight } from '../embed';

export interface OEmbedInput {
  spec: ChartSpec;
  providerName: string;
  providerUrl: string;
  authorName: string;
  authorUrl: string;
  embedUrl: string;
  scriptUrl: string;
  frameTitle: string;
  thumbnail?: { url: string; width: number; height: number };
  /** The iframe's starting height (initialHeight with the page's source line); computed from the spec alone if absent. */
  height?: number;
}

export const OEMBED_WIDTH = 680;

export function oembed(o: OEmbedInput) {
  const height = o.height ?? initialHeight(o.spec);
  return {
    type: 'rich' as const,
    version: '1.0' as const,
    title: o.spec.title,
    author_name: o.authorName,
    author_url: o.authorUrl,
    provider_name: o.providerName,
    provider_url: o.providerUrl,
    cache_age: 86400,
    html: embedCode({ url: o.embedUrl, script: o.scriptUrl, title: o.frameTitle, height, id: `${o.spec.replyId}/${o.spec.id}` }),
    width: OEMBED_WIDTH,
    height,
    ...(o.thumbnail ? { thumbnail_url: o.thumbnail.url, thumbnail_width: o.thumbnail.width, thumbnail_height: o.thumbnail.height } : {}),
  };
}
