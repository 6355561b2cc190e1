#!/usr/bin/env node
/**
 * A tiny static server for dist/ on loopback (used by `npm start`, the
 * browser tests and the bench). Honours BASE_PATH, serves index.html for
 * directories and 404.html for what is not there. No dependencies.
 *
 * `{ host: true }` (the bench, for Lighthouse) serves as a real static host
 * would: brotli or gzip by Accept-Encoding for text types, and cache headers
 * (hashed assets under _astro/ immutable for a year, pages revalidated).
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml; charset=utf-8', '.zip': 'application/zip', '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json', '.bib': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8',
};

/** Start serving `dir`; resolves to the server once it listens. Port 0 picks a free one. */
export function serve(dir, { port = 0, host = '127.0.0.1', base = '/', headers = {}, realHost = false } = {}) {
  const root = path.resolve(dir);
  const send = realHost ? sendAsHost : sendPlain;
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let p = decodeURIComponent(url.pathname);
    if (!p.startsWith(base)) return send(res, 404, path.join(root, '404.html'), headers, req);
    p = p.slice(base.length - 1);
    let file = path.join(root, path.normalize(p));
    if (!file.startsWith(root)) return send(res, 403, null, headers, req);
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!p.endsWith('/')) {
        res.writeHead(301, { Location: url.pathname + '/' + url.search });
        return res.end();
      }
      file = path.join(file, 'index.html');
    }
    if (!fs.existsSync(file)) {
      const en = p.startsWith('/en/') ? path.join(root, 'en', '404.html') : path.join(root, '404.html');
      return send(res, 404, fs.existsSync(en) ? en : null, headers, req);
    }
    send(res, 200, file, headers, req);
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

function sendPlain(res, status, file, headers) {
  if (!file || !fs.existsSync(file)) {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
    return res.end(String(status));
  }
  res.writeHead(status, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...headers });
  fs.createReadStream(file).pipe(res);
}

const COMPRESSIBLE = /^(text\/|application\/(json|xml|javascript|manifest\+json)|image\/svg\+xml)/;
/** Compressed bodies by file and encoding, made once (brotli at 11 and gzip at 9, as a host precompresses). */
const compressed = new Map();

/** What a static host sends: compression by Accept-Encoding, Cache-Control, Vary. */
function sendAsHost(res, status, file, headers, req) {
  if (!file || !fs.existsSync(file)) return sendPlain(res, status, file, headers);
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  const rel = file.split(path.sep).join('/');
  const cache = /\/_astro\//.test(rel) ? 'public, max-age=31536000, immutable' : type.startsWith('text/html') ? 'public, max-age=0, must-revalidate' : 'public, max-age=3600';
  const h = { 'Content-Type': type, 'Cache-Control': cache, ...headers };
  const accept = String(req?.headers['accept-encoding'] ?? '');
  const enc = COMPRESSIBLE.test(type) ? (/\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null) : null;
  if (!enc) {
    res.writeHead(status, h);
    return fs.createReadStream(file).pipe(res);
  }
  const key = `${enc}:${file}`;
  if (!compressed.has(key)) {
    const raw = fs.readFileSync(file);
    compressed.set(key, enc === 'br' ? zlib.brotliCompressSync(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }) : zlib.gzipSync(raw, { level: 9 }));
  }
  const body = compressed.get(key);
  res.writeHead(status, { ...h, 'Content-Encoding': enc, Vary: 'Accept-Encoding', 'Content-Length': body.length });
  res.end(body);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = process.argv[2] || 'dist';
  const port = Number(process.env.PORT || 4321);
  const base = process.env.BASE_PATH || '/';
  serve(dir, { port, base }).then((s) => {
    const a = s.address();
    console.log(`serving ${dir}/ at http://127.0.0.1:${a.port}${base}  (Ctrl+C to stop)`);
  });
}
