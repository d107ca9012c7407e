// Permalinks (docs/embedding.md): a link made from one page opens the same view in a fresh one,
// wins over what the browser stored, follows a changed fragment, and a damaged or oversized
// fragment is said in the page while the app starts as usual.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openBrowser, resultsDir, waitForFrames } from './browser.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser.close(); });
afterEach(async () => { await browser.closePages(); });

async function openApp(fragment = '') {
  const { page, errors } = await browser.newPage();
  await page.goto(browser.url + fragment);
  await waitForFrames(page, 3);
  return { page, errors };
}

const kProgram = `#include <stdlib.h>
int main(void) {
    int *values = malloc(3 * sizeof *values);
    values[0] = 7;
    values[1] = 8;
    free(values);
    return 0;
}
`;

test('a permalink opens the same code, input, settings and step in a new page', async () => {
  const made = await openApp();
  const { fragment, step, line } = await made.page.evaluate((program) => {
    const app = window.memviz;
    app.setSource(program);
    app.setInput({ stdin: '5\n', args: 'a b' });
    app.setSettings({ dataModel: 'ILP32', highAddressesFirst: true, policy: 'best-fit' });
    app.load();
    for (let i = 0; i < 3; i++) app.move('next');
    const now = app.snapshot();
    return { fragment: app.permalink(), step: now.step, line: now.line };
  }, kProgram);
  assert.match(fragment, /^code=[A-Za-z0-9_-]+&/);
  assert.equal(step, 3);

  const opened = await openApp('#' + fragment);
  const state = await opened.page.evaluate(() => {
    const app = window.memviz;
    return { source: app.source(), input: app.input(), settings: app.settings(), snapshot: app.snapshot(), notice: app.notice() };
  });
  assert.equal(state.source, kProgram);
  assert.deepEqual(state.input, { stdin: '5\n', args: 'a b' });
  assert.equal(state.settings.dataModel, 'ILP32');
  assert.equal(state.settings.highAddressesFirst, true);
  assert.equal(state.settings.policy, 'best-fit');
  assert.equal(state.snapshot.step, step);
  assert.equal(state.snapshot.line, line);
  assert.equal(state.notice, '');
  assert.deepEqual(made.errors, []);
  assert.deepEqual(opened.errors, []);
});

test('a permalink wins over the stored code, and a new fragment opens in the same page', async () => {
  const { page, errors } = await openApp();
  const first = await page.evaluate((program) => {
    window.memviz.setSource(program);
    window.memviz.load();
    return window.memviz.permalink({ step: false });
  }, kProgram);
  // The page stores what is in the editor; a link must still show its own code after a reload.
  await page.evaluate(() => window.memviz.setSource('int main(void) { return 1; }\n'));
  await page.waitForTimeout(1500);  // past the once-a-second save
  await page.goto(browser.url + '#' + first);
  await waitForFrames(page, 3);
  assert.equal(await page.evaluate(() => window.memviz.source()), kProgram);

  const second = await page.evaluate(() => {
    window.memviz.setSource('int main(void) {\n    return 2;\n}\n');
    window.memviz.load();
    return window.memviz.permalink();
  });
  await page.evaluate(() => window.memviz.setSource(''));
  await page.evaluate((fragment) => { window.location.hash = fragment; }, second);
  await page.waitForFunction(() => window.memviz.source().includes('return 2;'));
  assert.deepEqual(errors, []);
});

test('a damaged, empty-handed or oversized link says why and the app starts as usual', async () => {
  const cases = [
    ['#code=AAAA_damaged', /^The code in the link is damaged/],
    ['#step=4&embed=1', /^The link holds no code/],
    ['#code=' + 'A'.repeat(300 * 1024), /^The link is 300 KiB long/],
  ];
  for (const [fragment, message] of cases) {
    const { page, errors } = await openApp(fragment);
    const state = await page.evaluate(() => ({ notice: window.memviz.notice(), source: window.memviz.source() }));
    assert.match(state.notice, message);
    assert.ok(state.source.includes('int main'), 'the editor still holds a program');
    // The app runs: a program loads and steps.
    const loaded = await page.evaluate(() => window.memviz.load());
    assert.equal(loaded.ok, true);
    assert.deepEqual(errors, []);
    await page.close();  // an open page goes on drawing
  }
});

test('hand-edited options that make no sense are reported, and the rest of the link is used', async () => {
  const made = await openApp();
  const fragment = await made.page.evaluate((program) => {
    window.memviz.setSource(program);
    return window.memviz.permalink({ step: false });
  }, kProgram);
  const { page, errors } = await openApp('#' + fragment + '&model=pdp11&step=2');
  const state = await page.evaluate(() => ({ notice: window.memviz.notice(), source: window.memviz.source(), step: window.memviz.snapshot().step }));
  assert.equal(state.source, kProgram);
  assert.equal(state.step, 2);
  assert.match(state.notice, /model is not a data model/);
  assert.deepEqual(errors, []);
});

test('Share in the menu bar copies the link to this step, and an <iframe> snippet, by mouse', async () => {
  const { page, errors } = await browser.newPage({ width: 1280, height: 800 });
  // The system clipboard, as the page hands text to it.
  await page.addInitScript(() => {
    window.copied = [];
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async (text) => { window.copied.push(text); }, readText: async () => '' },
    });
  });
  await page.goto(browser.url);
  await waitForFrames(page, 3);
  const expected = await page.evaluate((program) => {
    window.memviz.setSource(program);
    window.memviz.load();
    window.memviz.move('next');
    window.memviz.move('next');
    return window.memviz.permalink();
  }, kProgram);
  const frames = async (n) => waitForFrames(page, (await page.evaluate(() => window.memviz.frameCount())) + n);
  await frames(2);
  await page.mouse.click(210, 10);  // Share, after memviz, Examples and Settings
  await frames(3);
  await page.mouse.click(230, 68);  // Copy link
  await frames(3);
  await page.mouse.click(210, 10);
  await frames(3);
  await page.mouse.click(260, 88);  // Copy <iframe> for a course page
  await page.waitForFunction(() => window.copied.length === 2);
  const [link, snippet] = await page.evaluate(() => window.copied);
  assert.equal(link, browser.url.replace(/\/?$/, '/') + '#' + expected);
  assert.match(snippet, /^<iframe src="[^"<>]+#code=[A-Za-z0-9_-]+&amp;step=2&amp;embed=1" width="1000" height="650" style="border:0" sandbox="allow-scripts" /);
  assert.deepEqual(errors, []);
});

test('an embed link shows only its panels, fixed, read-only, and plays from its step', async () => {
  const made = await openApp();
  const fragment = await made.page.evaluate((program) => {
    window.memviz.setSource(program);
    window.memviz.load();
    return window.memviz.permalink({ step: false });
  }, kProgram);
  const { page, errors } = await browser.newPage({ width: 600, height: 400 });
  await page.goto(browser.url + '#' + fragment + '&embed=1&panels=code,stack,heap&readonly=1');
  await waitForFrames(page, 5);
  assert.deepEqual(await page.evaluate(() => window.memviz.panels()), ['code', 'stack', 'heap']);
  await page.screenshot({ path: path.join(resultsDir, 'embed-600x400.png') });

  // Autoplay: the steps go by on their own.
  await page.goto(browser.url + '#' + fragment + '&embed=1&autoplay=20&step=1');
  await waitForFrames(page, 3);
  assert.deepEqual(await page.evaluate(() => window.memviz.panels()), ['code', 'run', 'stack', 'heap', 'explain']);
  await page.waitForFunction(() => window.memviz.snapshot().step >= 4, null, { timeout: 10_000 });
  assert.deepEqual(errors, []);
});
