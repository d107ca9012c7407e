// Shared set-up for the browser tests: Debian's Chromium driven by playwright-core, the static
// build folder (dist/) served as any static host would serve it, by a plain static server
// (Python's http.server: no CORS headers, nothing memviz-specific), console errors collected for
// every page.
import path from 'node:path';
import fs from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import https from 'node:https';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const siteDir = process.env.MEMVIZ_SITE_DIR ?? path.join(repo, 'dist');
export const resultsDir = process.env.MEMVIZ_TEST_RESULTS ?? path.join(repo, 'test-results');

// Serves `dir` on a free port of 127.0.0.1 with `python3 -m http.server`; resolves to
// { url, close() } once it listens.
export function startPlainServer(dir) {
  const server = spawn('python3', ['-u', '-m', 'http.server', '0', '--bind', '127.0.0.1', '--directory', dir],
                       { stdio: ['ignore', 'pipe', 'pipe'] });
  server.stderr.resume();  // one line per request: not needed
  return new Promise((resolve, reject) => {
    let heard = '';
    server.once('error', reject);
    server.once('exit', (code) => reject(new Error(`python3 -m http.server exited (${code}): ${heard}`)));
    server.stdout.on('data', (chunk) => {
      heard += chunk;
      const port = heard.match(/port (\d+)/);
      if (!port) return;
      server.stdout.removeAllListeners('data');
      server.stdout.resume();
      resolve({
        url: `http://127.0.0.1:${port[1]}/`,
        close: () => new Promise((done) => { server.once('exit', done); server.kill(); }),
      });
    });
  });
}

// Flags from docs/building.md: no sandbox as root, software WebGL, and no background traffic
// (the machine has no network beyond the package registries).
const kChromiumFlags = [
  '--headless=new', '--no-sandbox', '--use-angle=swiftshader', '--enable-unsafe-swiftshader',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--no-first-run', '--disable-quic',
];

export async function openBrowser() {
  if (!fs.existsSync(path.join(siteDir, 'memviz-core.wasm'))) {
    throw new Error(`no built site in ${siteDir}: build the wasm preset first (scripts/test.sh does)`);
  }
  const site = await startPlainServer(siteDir);
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: kChromiumFlags,
  });
  fs.mkdirSync(resultsDir, { recursive: true });
  const contexts = new Set();
  return {
    url: site.url,
    // A new page, in a browser profile of its own (its own storage; `page.context().newPage()`
    // opens another tab of it), whose console errors and uncaught exceptions land in `errors`.
    // `options`: more of Playwright's context options (ignoreHTTPSErrors for a test's own certificate).
    async newPage(viewport = { width: 1280, height: 800 }, options = {}) {
      const context = await browser.newContext({ viewport, ...options });
      contexts.add(context);
      const page = await context.newPage();
      const errors = [];
      page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
      page.on('pageerror', (error) => errors.push(String(error)));
      return { page, errors };
    },
    // Closes the pages opened so far. Every open page keeps drawing frames (in software, on
    // the same two cores), so each test closes its own: the test files call it after each test.
    async closePages() {
      await Promise.all([...contexts].map((context) => context.close().catch(() => {})));
      contexts.clear();
    },
    async close() {
      await browser.close();
      await site.close();
    },
  };
}

// Serves `dir` over https on a free port of 127.0.0.1, with a certificate made for the test by
// openssl: what a course server does, which http://127.0.0.1 cannot show (a page there is already
// a secure context, but not an https one). GET only; resolves to { url, close() }.
export async function startHttpsServer(dir) {
  const keys = fs.mkdtempSync(path.join(os.tmpdir(), 'memviz-tls-'));
  const key = path.join(keys, 'key.pem');
  const cert = path.join(keys, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=127.0.0.1',
                           '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm', '.ts': 'text/plain' };
  const root = path.resolve(dir);
  const server = https.createServer({ key: fs.readFileSync(key), cert: fs.readFileSync(cert) }, (request, response) => {
    let file = path.join(root, decodeURIComponent(new URL(request.url, 'https://x').pathname));
    if (file.endsWith(path.sep)) file = path.join(file, 'index.html');
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end();
      return;
    }
    response.writeHead(200, { 'Content-Type': types[path.extname(file)] ?? 'application/octet-stream' });
    fs.createReadStream(file).pipe(response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  fs.rmSync(keys, { recursive: true, force: true });
  return {
    url: `https://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((done) => server.close(done)),
  };
}

// Waits until memviz has drawn `frames` frames.
export async function waitForFrames(page, frames = 3) {
  await page.waitForFunction((n) => window.memviz && window.memviz.frameCount() >= n, frames, { timeout: 30_000 });
}

// Runs `analyse(data, width, height)` in the page on the RGBA pixels of `png`, a real
// screenshot, and returns what it returns. `analyse` must stand alone: it is sent as its source.
export async function analysePixels(page, png, analyse) {
  return page.evaluate(async ([base64, source]) => {
    const image = new Image();
    image.src = `data:image/png;base64,${base64}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = image.width;
    canvas.height = image.height;
    const context = canvas.getContext('2d');
    context.drawImage(image, 0, 0);
    const { data } = context.getImageData(0, 0, image.width, image.height);
    return (0, eval)(`(${source})`)(data, image.width, image.height);
  }, [png.toString('base64'), analyse.toString()]);
}

// Statistics of the canvas as the user sees it: a real screenshot, decoded in the page.
export async function canvasPixels(page) {
  return analysePixels(page, await page.locator('canvas').screenshot(), (data, width, height) => {
    const colours = new Map();
    for (let i = 0; i < data.length; i += 4) {
      const key = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2];
      colours.set(key, (colours.get(key) ?? 0) + 1);
    }
    const pixels = data.length / 4;
    const commonest = Math.max(...colours.values());
    return { width, height, distinctColours: colours.size, commonestShare: commonest / pixels };
  });
}
