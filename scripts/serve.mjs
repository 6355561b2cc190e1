#!/usr/bin/env node
/**
 * A tiny static server for dist/ on loopback (used by `npm start` and the
 * browser tests). Honours BASE_PATH, serves index.html for directories and
 * 404.html for what is not there. No dependencies.
 */
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png', '.csv': 'text/csv; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8', '.xml': 'application/xml; charset=utf-8', '.zip': 'application/zip', '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json', '.bib': 'text/plain; charset=utf-8', '.md': 'text/markdown; charset=utf-8',
};

/** Start serving `dir`; resolves to the server once it listens. Port 0 picks a free one. */
export function serve(dir, { port = 0, host = '127.0.0.1', base = '/', headers = {} } = {}) {
  const root = path.resolve(dir);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://x');
    let p = decodeURIComponent(url.pathname);
    if (!p.startsWith(base)) return send(res, 404, path.join(root, '404.html'), headers);
    p = p.slice(base.length - 1);
    let file = path.join(root, path.normalize(p));
    if (!file.startsWith(root)) return send(res, 403, null, headers);
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) {
      if (!p.endsWith('/')) {
        res.writeHead(301, { Location: url.pathname + '/' + url.search });
        return res.end();
      }
      file = path.join(file, 'index.html');
    }
    if (!fs.existsSync(file)) {
      const en = p.startsWith('/en/') ? path.join(root, 'en', '404.html') : path.join(root, '404.html');
      return send(res, 404, fs.existsSync(en) ? en : null, headers);
    }
    send(res, 200, file, headers);
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}

function send(res, status, file, headers) {
  if (!file || !fs.existsSync(file)) {
    res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', ...headers });
    return res.end(String(status));
  }
  res.writeHead(status, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', ...headers });
  fs.createReadStream(file).pipe(res);
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
