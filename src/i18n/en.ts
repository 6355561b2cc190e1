/**
 * UI strings, English. This file defines the keys; zh-CN.ts must have every one
 * (a type check fails on a missing or misspelled key). Prose lives in
 * src/content/, not here. `{name}` marks a value filled in by code.
 * Sections are kept apart so that work on one feature does not touch another.
 */
export const en = {
  // --- site --------------------------------------------------------------
  'site.name': 'Reply Tracker',
  'site.tagline': 'Official replies to people’s-congress proposals, number by number, with the sentence each number comes from.',
  'site.skip': 'Skip to content',
  'site.nav': 'Site',
  'site.footer.licence': 'Our data and text: CC BY 4.0. The replies are official public documents.',
  'site.footer.source': 'Every number links to the sentence of the reply it comes from.',
  'lang.switch': '中文',
  'lang.switch.label': '阅读中文版',
  'lang.name.zh-CN': '中文',
  'lang.name.en': 'English',
  'nav.home': 'Home',
  'nav.source': 'Full text',

  // --- units (one/other for English plurals) ------------------------------
  'unit.person.one': 'person',
  'unit.person.other': 'people',
  'unit.person-time.one': 'person-time',
  'unit.person-time.other': 'person-times',
  'unit.studio.one': 'studio',
  'unit.studio.other': 'studios',
  'unit.base.one': 'training base',
  'unit.base.other': 'training bases',
  'unit.school.one': 'school',
  'unit.school.other': 'schools',
  'unit.unit.one': 'home',
  'unit.unit.other': 'homes',
  'unit.project.one': 'project',
  'unit.project.other': 'projects',
  'unit.trade.one': 'trade',
  'unit.trade.other': 'trades',
  'unit.condition.one': 'condition',
  'unit.condition.other': 'conditions',
  'unit.year.one': 'year',
  'unit.year.other': 'years',
  'unit.percent.one': '%',
  'unit.percent.other': '%',

  // --- qualifiers, measures, scope, period -------------------------------
  'qualifier.exact': 'exact',
  'qualifier.more_than': 'more than (余, 多)',
  'qualifier.at_least': 'at least (不少于, 以上, 满)',
  'qualifier.approx': 'approximately (约, 近)',
  'measure.count': 'count at a date',
  'measure.flow': 'count within the period',
  'measure.change': 'change, not a total',
  'measure.share': 'share',
  'measure.cumulative': 'running total',
  'measure.annual_average': 'yearly average',
  'measure.target': 'target',
  'measure.threshold': 'eligibility rule',
  'scope.cixi': 'Cixi',
  'scope.ningbo': 'all of Ningbo',
  'period.point': '{date}',
  'period.range': '{from} to {to}',
  'period.change': '{to} over {from}',
  'period.by': 'by {date}',
  'period.from': 'from {date}',
  'period.as_of': 'as of {date}',

  // --- figures table (home) ---------------------------------------------
  'home.title': 'What the reply says, in numbers',
  'home.lede': 'Every statistic in the reply, with its qualifier, period and place, each linked to its sentence.',
  'home.replies': 'Replies covered',
  'figures.caption': 'Every statistic in the reply',
  'figures.label': 'What',
  'figures.value': 'Value',
  'figures.measure': 'Kind',
  'figures.period': 'Period',
  'figures.scope': 'Place',
  'figures.source': 'Sentence',
  'figures.part': 'Part {n}',
  'figures.open': 'Read in the reply',
  'derived.title': 'Figures we calculate from the reply',
  'derived.lede': 'Not stated in the reply: worked out from its figures. The formula and the figures used are shown.',
  'derived.caption': 'Derived figures, their formulas and inputs',
  'derived.formula': 'Formula',
  'derived.inputs': 'From',
  'derived.interval': 'the rounding of {share} allows {lo} to {hi}',
  'derived.mixed-scope': 'Mixes figures for Cixi and for all of Ningbo.',

  // --- source page ------------------------------------------------------
  'source.title': 'The full text of the reply',
  'source.lede': 'The reply as published, with every statistic highlighted. Numbers in a box are statistics; underlined passages are commitments.',
  'source.translation': 'English translation (ours)',
  'source.original': 'Original (Chinese)',
  'source.cleaning': 'Only this conversion artefact was removed from the text: {removed} ({reason}).',
  'source.key.figure': 'statistic',
  'source.key.commitment': 'commitment',
  'source.paragraph': 'Paragraph {n}',

  // --- charts ------------------------------------------------------
  'charts.title': 'Charts',

  // --- story -------------------------------------------------------
  'story.title': 'The story',

  // --- journalists: embeds, downloads, data, citation --------------
  'data.title': 'Data and downloads',

  // --- tracker: commitments and brief ------------------------------
  'tracker.title': 'Commitments',
  'brief.title': 'Brief for delegates',

  // --- about, glossary, 404 ----------------------------------------
  'about.title': 'About and method',
} as const;

export type Key = keyof typeof en;
export type Dict = Record<Key, string>;
