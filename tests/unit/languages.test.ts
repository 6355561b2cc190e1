/**
 * The language of parts (src/lib/languages.ts): runs of English in Chinese
 * text and of Chinese in English text marked, and nothing else changed.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { chineseRuns, languageRuns, latinRuns, markLanguages, unmarkLanguages } from '../../src/lib/languages';
import { holdNumbersInHtml, phraseHeadings, stackTables } from '../../src/lib/linebreak';

const marks = (runs: { text: string; mark: boolean }[]) => runs.filter((r) => r.mark).map((r) => r.text);

describe('runs', () => {
  it('Latin runs in Chinese text: words joined by spaces, URLs and file names whole, brackets and quotes of the Chinese outside', () => {
    expect(marks(latinRuns('本站数据采用 CC BY 4.0 许可；'))).toEqual(['CC BY 4.0']);
    expect(marks(latinRuns('CSL-JSON（Zotero、Pandoc）'))).toEqual(['CSL-JSON', 'Zotero', 'Pandoc']);
    expect(marks(latinRuns('选项即网址参数：theme=light、theme=dark 或 theme=auto；title='))).toEqual(['theme=light', 'theme=dark', 'theme=auto', 'title']);
    expect(marks(latinRuns('见 https://creativecommons.org/licenses/by/4.0/。'))).toEqual(['https://creativecommons.org/licenses/by/4.0/']);
    expect(marks(latinRuns('建议的答复[EB/OL]. (2022-06-20)'))).toEqual(['[EB/OL]. (2022-06-20)']);
    expect(marks(latinRuns('（如 "Excel"）'))).toEqual(['Excel']);
    expect(marks(latinRuns('写作 &quot;CSV&quot; 文件'))).toEqual(['CSV']);
    expect(marks(latinRuns('Q&amp;A 与 &amp; 号'))).toEqual(['Q&amp;A']);
    // numbers alone are not English
    expect(marks(latinRuns('2022年6月，约0.4%（2026-12-02）'))).toEqual([]);
  });
  it('Chinese runs in English text: with the digits written before a character, quotation marks of the English outside', () => {
    expect(marks(chineseRuns('Short for 保障性租赁住房, often'))).toEqual(['保障性租赁住房']);
    expect(marks(chineseRuns('the reply says “more than” (余) or'))).toEqual(['余']);
    expect(marks(chineseRuns('早在2011年就制定出台《慈溪市三年规划》'))).toEqual(['早在2011年就制定出台《慈溪市三年规划》']);
    expect(marks(chineseRuns('4,161 people (4161人)'))).toEqual(['4161人']);
    expect(marks(chineseRuns('the credit “答复追踪” and a link'))).toEqual(['答复追踪']);
    expect(marks(chineseRuns('at least (不少于, 以上, 满)'))).toEqual(['不少于', '以上', '满']);
    expect(marks(chineseRuns('No Chinese at all, 2022.'))).toEqual([]);
  });
  it('languageRuns marks by the language the text is written in', () => {
    expect(languageRuns('许可：CC BY 4.0。', 'zh-CN')).toEqual([{ text: '许可：' }, { text: 'CC BY 4.0', lang: 'en' }, { text: '。' }]);
    expect(languageRuns('a term (居住证)', 'en')).toEqual([{ text: 'a term (' }, { text: '居住证', lang: 'zh-CN' }, { text: ')' }]);
    expect(languageRuns('a text', 'fr')).toEqual([{ text: 'a text' }]);
  });
});

describe('markLanguages', () => {
  it('marks English on a Chinese page and Chinese on an English page, in HTML and in SVG text', () => {
    expect(markLanguages('<html lang="zh-CN"><body><p>下载 CSV 文件</p></body></html>')).toBe(
      '<html lang="zh-CN"><body><p>下载 <span lang="en">CSV</span> 文件</p></body></html>',
    );
    expect(markLanguages('<html lang="en"><body><td>早在2011年就</td></body></html>')).toBe('<html lang="en"><body><td><span lang="zh-CN">早在2011年就</span></td></body></html>');
    expect(markLanguages('<svg><title>图 SVG</title><text x="1">单位 KB</text><g><text><tspan>约 MB</tspan></text></g></svg>', 'zh-CN')).toBe(
      '<svg><title>图 SVG</title><text x="1">单位 <tspan lang="en">KB</tspan></text><g><text><tspan>约 <tspan lang="en">MB</tspan></tspan></text></g></svg>',
    );
  });
  it('leaves alone text already in the right language, attributes, head, scripts, styles, code and text-only elements', () => {
    const zh = '<html lang="zh-CN"><head><title>答复 Tracker</title><style>p{font:x}</style></head><body>';
    const rest = '<p lang="en">Source: Cixi</p><p title="CSV file" data-x="a b">中文</p><script>var a = "JSON";</script><code>data.csv</code><select><option>CSV</option></select><textarea>BibTeX</textarea></body></html>';
    expect(markLanguages(zh + rest)).toBe(zh + rest);
  });
  it('marks Chinese inside an English element of a Chinese page, and English inside a Chinese element of an English page', () => {
    expect(markLanguages('<html lang="zh-CN"><p lang="en">Cixi (慈溪)</p></html>')).toBe('<html lang="zh-CN"><p lang="en">Cixi (<span lang="zh-CN">慈溪</span>)</p></html>');
    expect(markLanguages('<html lang="en"><blockquote lang="zh-CN">采用 Excel 表</blockquote><p>居住证</p></html>')).toBe(
      '<html lang="en"><blockquote lang="zh-CN">采用 <span lang="en">Excel</span> 表</blockquote><p><span lang="zh-CN">居住证</span></p></html>',
    );
  });
  it('keeps void elements and self-closing SVG elements out of the nesting', () => {
    expect(markLanguages('<html lang="en"><p>a<br>b<img alt="图"></p><svg><path d="M0"/><text>图</text></svg><p>图</p></html>')).toBe(
      '<html lang="en"><p>a<br>b<img alt="图"></p><svg><path d="M0"/><text><tspan lang="zh-CN">图</tspan></text></svg><p><span lang="zh-CN">图</span></p></html>',
    );
  });
  it('the passes after it still work: numbers held inside a mark, headings phrased, tables stacked', () => {
    const html = markLanguages('<html lang="en"><h2>A 2022年 note</h2><table><thead><tr><th>Quote 原文</th></tr></thead><tbody><tr><td>截至2022年6月</td></tr></tbody></table></html>');
    const out = holdNumbersInHtml(phraseHeadings(stackTables(html)));
    expect(out).toContain('<td data-label="Quote 原文"><span lang="zh-CN">截至<span class="nb">2022年</span><span class="nb">6月</span></span></td>');
    expect(out).toContain('<span lang="zh-CN"><span class="nb">2022年</span></span>');
    // a marked run ending in a digit stays with the unit after it
    expect(holdNumbersInHtml(markLanguages('<p lang="zh-CN">文件不是UTF-8编码</p>'))).toBe('<p lang="zh-CN">文件不是<span class="nb"><span lang="en">UTF-8</span>编</span>码</p>');
  });
  it('round trip: taking the marks out gives the input back', () => {
    const pieces = ['慈溪', '答复', 'CSV', 'CC BY 4.0', ' ', '，', '（', '）', '2022年', 'https://a.org/x', '&amp;', '&quot;', 'the reply', '“', '”', '(', ')', '[EB/OL]', '<b>', '</b>', '<br>', '<code>', '</code>', '<p lang="en">', '</p>', '<svg>', '</svg>', '<text>', '</text>'];
    const html = fc.array(fc.constantFrom(...pieces), { maxLength: 30 }).map((a) => a.join(''));
    fc.assert(
      fc.property(html, fc.constantFrom('zh-CN', 'en'), (h, lang) => {
        const page = `<html lang="${lang}"><body>${h}</body></html>`;
        const marked = markLanguages(page);
        expect(unmarkLanguages(marked)).toBe(page);
        // idempotent: marked text is in the right language already
        expect(markLanguages(marked)).toBe(marked);
      }),
      { numRuns: 500 },
    );
  });
});
