// Nothing a student typed is lost: the code in the editor comes back after the tab's renderer
// crashes, and after the tab is closed, when memviz is opened again in the same browser.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, waitForFrames } from './browser.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser.close(); });
afterEach(async () => { await browser.closePages(); });

const frames = async (page, n) => waitForFrames(page, (await page.evaluate(() => window.memviz.frameCount())) + n);

// Types `text` at the end of the editor's program, as a student would; returns the whole text.
async function typeAtEnd(page, text) {
  await page.mouse.click(120, 200);  // the Code panel's text box, open at start
  await frames(page, 2);
  await page.keyboard.press('Control+End');
  await page.keyboard.type(text);
  // Keys other than characters reach ImGui one change per key per frame (web/main.cpp): the
  // text is all in a few frames later, in the order typed.
  await page.waitForFunction((typed) => window.memviz.source().endsWith(typed), text, { timeout: 10_000 })
    .catch(async () => assert.fail(`the editor ends with ${JSON.stringify((await page.evaluate(() => window.memviz.source())).slice(-60))}`));
  return page.evaluate(() => window.memviz.source());
}

// A second tab of the same browser profile (the same storage), opened on memviz.
async function reopen(page) {
  const again = await page.context().newPage();
  await again.goto(browser.url);
  await waitForFrames(again, 3);
  return again;
}

test('the code typed in the editor survives a crash of the tab', async () => {
  const { page } = await browser.newPage();
  await page.goto(browser.url);
  await waitForFrames(page, 3);
  const source = await typeAtEnd(page, '\n// typed just before the tab crashed\n');
  await page.waitForTimeout(1300);  // the code is saved every second while it changes
  const crashed = new Promise((resolve) => page.once('crash', resolve));
  page.goto('chrome://crash').catch(() => {});  // the renderer dies: no unload, no pagehide
  await crashed;
  const again = await reopen(page);
  assert.equal(await again.evaluate(() => window.memviz.source()), source);
});

test('the code typed in the editor survives closing the tab at once', async () => {
  const { page } = await browser.newPage();
  await page.goto(browser.url);
  await waitForFrames(page, 3);
  const source = await typeAtEnd(page, '\n// typed just before the tab was closed\n');
  await page.close({ runBeforeUnload: true });  // before the next one-second save: pagehide saves
  const again = await reopen(page);
  assert.equal(await again.evaluate(() => window.memviz.source()), source);
});
