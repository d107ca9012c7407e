// A course page that embeds memviz in an <iframe> (sandboxed, from another origin) drives it over
// postMessage: commands from the origin the link names are obeyed and answered, step events come
// back, and a page on any other origin is ignored.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openBrowser, startPlainServer, waitForFrames } from './browser.mjs';

let browser;
let hostDir;
let hostSite;
before(async () => {
  browser = await openBrowser();
  hostDir = fs.mkdtempSync(path.join(os.tmpdir(), 'memviz-host-'));
  hostSite = await startPlainServer(hostDir);  // another port: another origin
});
after(async () => {
  await hostSite.close();
  await browser.close();
  fs.rmSync(hostDir, { recursive: true, force: true });
});
afterEach(async () => { await browser.closePages(); });

const kProgram = 'int main(void) {\n    int a = 1;\n    int b = a + 1;\n    return b - 2;\n}\n';

// Writes a course page embedding `src` and returns its address.
function hostPage(name, src) {
  fs.writeFileSync(path.join(hostDir, name), `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<iframe id="lesson" src="${src}" width="800" height="500" sandbox="allow-scripts"></iframe>
<script>
  window.events = [];
  window.replies = {};
  window.addEventListener('message', (event) => {
    if (event.data && event.data.event) window.events.push(event.data);
    else if (event.data && event.data.id) window.replies[event.data.id] = event.data;
  });
  window.send = (id, call, args) =>
    document.getElementById('lesson').contentWindow.postMessage({ memviz: 1, id, call, args }, '*');
</script>`);
  return hostSite.url.replace(/\/?$/, '/') + name;
}

async function linkFor(host) {
  const { page } = await browser.newPage();
  await page.goto(browser.url);
  await waitForFrames(page, 3);
  const fragment = await page.evaluate((program) => {
    window.memviz.setSource(program);
    return window.memviz.permalink({ step: false });
  }, kProgram);
  await page.close();
  return browser.url.replace(/\/?$/, '/') + '#' + fragment + '&embed=1&host=' + host;
}

async function lessonReady(page) {
  const frame = page.frames().find((f) => f !== page.mainFrame());
  await frame.waitForFunction(() => window.memviz && window.memviz.frameCount() >= 3, null, { timeout: 30_000 });
  return frame;
}

test('the host page drives a sandboxed embed over postMessage and hears each step', async () => {
  const hostOrigin = new URL(hostSite.url).origin;
  const url = hostPage('course.html', await linkFor(hostOrigin));
  const { page, errors } = await browser.newPage();
  await page.goto(url);
  await lessonReady(page);
  await page.evaluate(() => window.send('a', 'move', ['next']));
  await page.waitForFunction(() => window.replies.a);
  const reply = await page.evaluate(() => window.replies.a);
  assert.equal(reply.result, 'step');
  await page.evaluate(() => window.send('b', 'snapshot', []));
  await page.waitForFunction(() => window.replies.b);
  const snapshot = await page.evaluate(() => window.replies.b.result);
  assert.equal(snapshot.step, 1);
  assert.equal(snapshot.frames[0].variables.find((v) => v.name === 'a').value, '1');
  await page.waitForFunction(() => window.events.some((e) => e.event === 'step' && e.step === 1));
  // A call that is not part of the API is not looked up.
  await page.evaluate(() => window.send('c', 'constructor', []));
  await page.evaluate(() => window.send('d', 'seek', [-1]));
  await page.waitForFunction(() => window.replies.d);
  assert.match(await page.evaluate(() => window.replies.d.error), /seek takes a step number/);
  assert.equal(await page.evaluate(() => window.replies.c), undefined);
  assert.deepEqual(errors, []);
});

test('an embed ignores a page whose origin its link does not name', async () => {
  const url = hostPage('elsewhere.html', await linkFor('https://course.example.edu'));
  const { page, errors } = await browser.newPage();
  await page.goto(url);
  const frame = await lessonReady(page);
  await page.evaluate(() => window.send('x', 'move', ['next']));
  await page.waitForTimeout(1000);
  assert.equal(await page.evaluate(() => window.replies.x), undefined);
  assert.equal(await frame.evaluate(() => window.memviz.snapshot().step), 0);
  assert.deepEqual(errors, []);
});
