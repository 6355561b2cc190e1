import { pick } from '../format/pick';
/** File sizes for download links: 953 bytes, 3.2 KB, 1.4 MB (1 KB = 1024 bytes). */
export function formatBytes(n: number, locale: 'zh-CN' | 'en'): string {
  const fmt = (x: number) => new Intl.NumberFormat(pick(locale, 'zh-CN', 'en-GB'), { maximumFractionDigits: 1 }).format(x);
  if (n < 1024) return pick(locale, `${n} 字节`, `${n} bytes`);
  if (n < 1024 * 1024) return `${fmt(n / 1024)} KB`;
  return `${fmt(n / 1024 / 1024)} MB`;
}
