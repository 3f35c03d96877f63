import { spawnSync } from 'node:child_process';
import { createReadStream, existsSync, mkdtempSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve } from 'node:path';
import { chromium, type Browser } from 'playwright-core';

export const ROOT = resolve(import.meta.dirname, '../..');

/** Builds a plans folder into a fresh temporary folder with the real build command, once per suite. */
export function buildSite(plansDir: string, env: Record<string, string> = {}): { dir: string; stdout: string; stderr: string } {
  const dir = join(mkdtempSync(join(tmpdir(), 'site-e2e-')), 'dist');
  const result = spawnSync(process.execPath, ['scripts/build.ts', '--plans', plansDir, '--out', dir], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  if (result.status !== 0) throw new Error(`The build of ${plansDir} failed (exit ${result.status}):\n${result.stdout}\n${result.stderr}`);
  return { dir, stdout: result.stdout, stderr: result.stderr };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.wasm': 'application/wasm',
};

/** A static file server on 127.0.0.1 and a random port, serving `dir` under `base` ("/" or "/sub/"). */
export async function serve(dir: string, base = '/'): Promise<{ url: string; close: () => Promise<void> }> {
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    if (!path.startsWith(base)) return notFound(res, dir);
    let file = normalize(join(dir, path.slice(base.length)));
    if (!file.startsWith(dir)) return notFound(res, dir);
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) return notFound(res, dir);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${base}`, close: () => new Promise((done) => server.close(() => done())) };
}

function notFound(res: import('node:http').ServerResponse, dir: string): void {
  res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
  const page = join(dir, '404.html');
  if (existsSync(page)) createReadStream(page).pipe(res);
  else res.end('not found');
}

/** Debian's Chromium, headless, with nothing reaching out to the network. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}
