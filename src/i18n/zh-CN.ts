import type { Dict } from './en';

/** 中文界面文字。键由 en.ts 定义，这里必须一个不少。 */
export const zh: Dict = {
  // --- site --------------------------------------------------------------
  'site.name': '答复追踪',
  'site.tagline': '把人大代表建议的官方答复逐个数字拆开，每个数字都能回到原文的那句话。',
  'site.skip': '跳到正文',
  'site.nav': '网站导航',
  'site.footer.licence': '本站数据与文字采用 CC BY 4.0 许可；答复原文为官方公开文件。',
  'site.footer.source': '每个数字都链接到答复原文中的出处。',
  'lang.switch': 'English',
  'lang.switch.label': 'Read in English',
  'lang.name.zh-CN': '中文',
  'lang.name.en': 'English',
  'nav.home': '首页',
  'nav.source': '答复全文',

  // --- units -------------------------------------------------------------
  'unit.person.one': '人',
  'unit.person.other': '人',
  'unit.person-time.one': '人次',
  'unit.person-time.other': '人次',
  'unit.studio.one': '家',
  'unit.studio.other': '家',
  'unit.base.one': '家',
  'unit.base.other': '家',
  'unit.school.one': '所',
  'unit.school.other': '所',
  'unit.unit.one': '套（间）',
  'unit.unit.other': '套（间）',
  'unit.project.one': '个',
  'unit.project.other': '个',
  'unit.trade.one': '个工种',
  'unit.trade.other': '个工种',
  'unit.condition.one': '个条件',
  'unit.condition.other': '个条件',
  'unit.year.one': '年',
  'unit.year.other': '年',
  'unit.percent.one': '%',
  'unit.percent.other': '%',

  // --- qualifiers, measures, scope, period -------------------------------
  'qualifier.exact': '确数',
  'qualifier.more_than': '多于（余、多）',
  'qualifier.at_least': '不少于（不少于、以上、满）',
  'qualifier.approx': '约数（约、近）',
  'measure.count': '某一时点的数量',
  'measure.flow': '期内数量',
  'measure.change': '增量，不是总数',
  'measure.share': '占比',
  'measure.cumulative': '累计数',
  'measure.annual_average': '年均数',
  'measure.target': '目标',
  'measure.threshold': '条件门槛',
  'scope.cixi': '慈溪',
  'scope.ningbo': '宁波全市',
  'period.point': '{date}',
  'period.range': '{from}至{to}',
  'period.change': '{to}比{from}',
  'period.by': '{date}前',
  'period.from': '{date}起',
  'period.as_of': '截至{date}',

  // --- figures table (home) ---------------------------------------------
  'home.title': '答复里的数字',
  'home.lede': '答复中的每一个统计数字，连同限定词、时期和范围，都链接到原文出处。',
  'home.replies': '收录的答复',
  'figures.caption': '答复中的全部统计数字',
  'figures.label': '指标',
  'figures.value': '数值',
  'figures.measure': '类型',
  'figures.period': '时期',
  'figures.scope': '范围',
  'figures.source': '出处',
  'figures.part': '第{n}部分',
  'figures.open': '查看原文',
  'derived.title': '由答复数字推算的指标',
  'derived.lede': '答复没有直接给出，由其中的数字计算得到；列出公式和所用数字。',
  'derived.caption': '推算指标、公式与来源',
  'derived.formula': '公式',
  'derived.inputs': '来源',
  'derived.interval': '{share}经过四舍五入，总数可能在{lo}至{hi}之间',
  'derived.mixed-scope': '同时用到慈溪和宁波全市的数字。',

  // --- source page ------------------------------------------------------
  'source.title': '答复全文',
  'source.lede': '答复原文，统计数字加框标出，承诺事项加下划线。',
  'source.translation': '英文译文（本站译）',
  'source.original': '原文',
  'source.cleaning': '仅删除了文本转换留下的痕迹：{removed}（{reason}）。',
  'source.key.figure': '统计数字',
  'source.key.commitment': '承诺事项',
  'source.paragraph': '第{n}段',

  // --- charts ------------------------------------------------------
  'charts.title': '图表',

  // --- story -------------------------------------------------------
  'story.title': '报道',

  // --- journalists: embeds, downloads, data, citation --------------
  'data.title': '数据与下载',

  // --- tracker: commitments and brief ------------------------------
  'tracker.title': '承诺事项',
  'brief.title': '代表简报',

  // --- about, glossary, 404 ----------------------------------------
  'about.title': '关于与方法',
};
