// The built page in a real headless Chromium: it starts, draws the address-space window, answers
// through its JS API and logs no errors.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { openBrowser, waitForFrames, canvasPixels, resultsDir } from './browser.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser?.close(); });
afterEach(async () => { await browser?.closePages(); });

test('the page renders its first frames and the canvas is not blank', async () => {
  const { page, errors } = await browser.newPage();
  await page.goto(browser.url);
  await waitForFrames(page);
  const pixels = await canvasPixels(page);
  assert.equal(pixels.width, 1280);
  assert.equal(pixels.height, 800);
  // A blank or single-colour canvas has one colour covering everything; the layout window has
  // text, seven coloured segments and hatching.
  assert.ok(pixels.distinctColours > 50, `only ${pixels.distinctColours} colours on the canvas`);
  assert.ok(pixels.commonestShare < 0.9, `one colour covers ${(pixels.commonestShare * 100).toFixed(1)}% of the canvas`);
  await page.screenshot({ path: path.join(resultsDir, 'address-space-lp64.png') });
  assert.deepEqual(errors, []);
});

test('the JS API answers with the layout the page shows, and settings change it', async () => {
  const { page, errors } = await browser.newPage();
  await page.goto(browser.url);
  await waitForFrames(page);

  const first = await page.evaluate(() => ({ version: memviz.version(), layout: memviz.layout(), settings: memviz.settings() }));
  assert.match(first.version, /^\d+\.\d+\.\d+$/);
  assert.deepEqual(first.settings,
    { dataModel: 'LP64', highAddressesFirst: false, policy: 'segregated', keepGoing: false, lightTheme: false,
      stackLimit: 8 * 1024 * 1024, heapLimit: 64 * 1024 * 1024 });
  assert.equal(first.layout.dataModel, 'LP64');
  assert.deepEqual(first.layout.segments.map((s) => s.name),
    ['reserved', 'code', 'global data', 'heap', 'gap', 'stack', 'OS reserved']);
  assert.equal(first.layout.segments[1].first, '0x400000');
  assert.equal(first.layout.segments[6].last, '0xffffffffffffffff');
  assert.equal(first.layout.segments[0].read, false);
  assert.equal(first.layout.segments[1].write, false);

  const before = await canvasPixels(page);
  const ilp32 = await page.evaluate(() => {
    memviz.setSettings({ dataModel: 'ILP32', highAddressesFirst: true });
    return memviz.layout();
  });
  assert.equal(ilp32.dataModel, 'ILP32');
  assert.equal(ilp32.segments[1].first, '0x8048000');
  assert.equal(ilp32.segments[6].first, '0xc0000000');

  // The next frames draw the new layout, high addresses on top.
  const drawn = await page.evaluate(() => memviz.frameCount());
  await waitForFrames(page, drawn + 2);
  const after = await canvasPixels(page);
  assert.notDeepEqual(after, before);
  await page.screenshot({ path: path.join(resultsDir, 'address-space-ilp32-high-first.png') });

  const rejected = await page.evaluate(() => {
    try { memviz.setSettings({ dataModel: 'LP16' }); return 'accepted'; } catch (e) { return `${e.name}: ${e.message}`; }
  });
  assert.equal(rejected, 'RangeError: dataModel must be "LP64" or "ILP32"');
  assert.deepEqual(errors, []);
});

test('the canvas follows the window size in device pixels', async () => {
  const { page, errors } = await browser.newPage({ width: 900, height: 600 });
  await page.goto(browser.url);
  await waitForFrames(page);
  await page.setViewportSize({ width: 1000, height: 700 });
  await page.waitForFunction(() => document.getElementById('canvas').width === 1000 * devicePixelRatio);
  const drawn = await page.evaluate(() => memviz.frameCount());
  await waitForFrames(page, drawn + 2);
  const pixels = await canvasPixels(page);
  assert.equal(pixels.width, 1000);
  assert.equal(pixels.height, 700);
  assert.deepEqual(errors, []);
});
