import type { Locale } from '../data/model';

/** The Chinese or the English of a pair, for the locale: pick(locale, reply.meta.title_zh, reply.meta.title_en). */
export const pick = <T>(locale: Locale, zh: T, en: T): T => (locale === 'zh-CN' ? zh : en);
