/** Chinese headlines break between phrases, never inside a word (src/lib/linebreak.ts). */
import { describe, expect, it } from 'vitest';
import { headlinePhrases, phraseHeadings } from '../../src/lib/linebreak';

describe('headline phrases', () => {
  it('keeps words, names and their particles whole, and punctuation with its phrase', () => {
    const p = headlinePhrases('想留住外地工人，慈溪的答复里有多少是慈溪自己的数字');
    expect(p.join('')).toBe('想留住外地工人，慈溪的答复里有多少是慈溪自己的数字');
    expect(p).toContain('工人，');
    expect(p).toContain('答复');
    expect(p.some((x) => x.includes('慈溪'))).toBe(true);
    for (const x of p) expect(x).not.toMatch(/^[，。：]/);
    expect(headlinePhrases('《关于加快》的答复')[0]).toMatch(/^《/);
    // a number stays with its unit
    for (const t of ['2021年比2020年多接纳4161人', '慈溪3个保租房试点', '2000余名新市民']) for (const x of headlinePhrases(t)) expect(x, t).not.toMatch(/^[年个余名人]/);
  });
  it('joins back to the text whatever its punctuation (an opening mark right before a closing one)', async () => {
    const fc = (await import('fast-check')).default;
    const piece = fc.constantFrom('的', '答复', '（', '）', '：', '《', '》', '“', '”', '，', '2022', '年', '慈溪', 'A');
    fc.assert(fc.property(fc.array(piece, { maxLength: 12 }), (xs) => headlinePhrases(xs.join('')).join('') === xs.join('')), { numRuns: 300 });
    expect(headlinePhrases('的（：').join('')).toBe('的（：');
  });
  it('wraps the phrases of a heading in no-break spans and leaves its tags and Latin alone', () => {
    const html = phraseHeadings('<h1 class="x">答复全文 <a href="/a">Full text</a></h1><p>答复全文</p>');
    expect(html).toBe('<h1 class="x"><span class="nb">答复</span><span class="nb">全文</span> <a href="/a">Full text</a></h1><p>答复全文</p>');
  });
});
