import { describe, expect, it } from 'vitest';
import { wrap } from '../../src/lib/charts/scene';
import { CLOSING, OPENING, holdNumbersInHtml, segments } from '../../src/lib/linebreak';

describe('Chinese line breaking (one set of rules for HTML and SVG)', () => {
  it('never splits a number from its unit or 万/余', () => {
    for (const s of ['2022年', '13万套', '32家', '500余套', '62%', '10,652人']) {
      expect(segments(`共有${s}的`).some((seg) => seg.includes(s)), s).toBe(true);
    }
  });
  it('wraps chart text without ending a line on an opening mark or starting one with a closing mark', () => {
    const texts = ['慈溪试点房源500余套（间），只相当于全宁波目标不少于13万套（间）的约0.4%', '答复只给出增量（2021年比2020年增加4161人），没有给出任何一年的总数；方框不按比例。', '“技能之星”大赛10652名报名者中，6479人通过比赛直接获得高级工证书'];
    for (const t of texts)
      for (const max of [60, 90, 120, 160, 220]) {
        const lines = wrap(t, max, 14);
        expect(lines.join('')).toBe(t);
        for (const [i, l] of lines.entries()) {
          expect(OPENING.includes(l.slice(-1)), `${max}: ${l}`).toBe(false);
          if (i > 0) expect(CLOSING.includes(l[0]!), `${max}: ${l}`).toBe(false);
          if (i > 0) expect(/[0-9]$/.test(lines[i - 1]!) && /^[0-9\u4e00-\u9fff%]/.test(l), `${max}: ${lines[i - 1]} | ${l}`).toBe(false);
        }
      }
  });
  it('keeps "≈1,244" and English words whole', () => {
    for (const w of [120, 160, 200, 260]) expect(wrap('All new Party members citywide: ≈1,244 (implied)', w, 14).some((l) => l.endsWith('≈') || l.startsWith('244'))).toBe(false);
  });
  it('holds numbers and units together in HTML text, never inside tags, scripts or SVG', () => {
    const html = '<p title="2022年">共2022年<a href="/x2022年">13万套</a></p><svg><text>32家</text></svg><script>"5所"</script>';
    expect(holdNumbersInHtml(html)).toBe('<p title="2022年">共<span class="nb">2022年</span><a href="/x2022年"><span class="nb">13万套</span></a></p><svg><text>32家</text></svg><script>"5所"</script>');
  });
});
