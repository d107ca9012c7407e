// From an error to the concept behind it: a program stops at a use after free, the snapshot
// names the section of docs/errors.md that explains it (error.concept), the site has that page,
// rendered, beside the app, and the What happened panel's "Learn more" button, clicked with the mouse,
// opens the Concept window, whose "Open in the docs" opens docs/errors.html#use-after-free.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { analysePixels, openBrowser, waitForFrames, resultsDir } from './browser.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser.close(); });
afterEach(async () => { await browser.closePages(); });

const frames = async (page, n) => waitForFrames(page, (await page.evaluate(() => window.memviz.frameCount())) + n);

const kUseAfterFree = `#include <stdlib.h>

int main(void) {
    int *i_pt = malloc(sizeof(int));
    *i_pt = 5;
    free(i_pt);
    return *i_pt;
}
`;

// The centre of the first button found in `clip` (page pixels): ImGui draws buttons in the
// dark theme's blue, which no text or frame of a panel's content uses. Looked for row by row
// from the top, so the first button wins; null when there is none.
async function findButton(page, clip) {
  const box = await analysePixels(page, await page.screenshot({ clip }), (data, width, height) => {
    const blue = (x, y) => {
      const i = (y * width + x) * 4;
      return data[i + 2] >= 100 && data[i + 2] - data[i] >= 60;
    };
    // The first row with a run of blue at least 20 pixels long, then the rows below it that
    // still have blue over that run: the button's box.
    for (let y = 0; y < height; y++) {
      let start = -1;
      for (let x = 0; x <= width; x++) {
        if (x < width && blue(x, y)) { if (start < 0) start = x; continue; }
        if (start >= 0 && x - start >= 20) {
          let bottom = y;
          while (bottom + 1 < height && blue(Math.floor((start + x) / 2), bottom + 1)) bottom++;
          return { left: start, right: x - 1, top: y, bottom };
        }
        start = -1;
      }
    }
    return null;
  });
  if (!box) return null;
  return { x: clip.x + (box.left + box.right) / 2, y: clip.y + (box.top + box.bottom) / 2, width: box.right - box.left + 1 };
}

test('Learn more under an error opens its concept, and Open in the docs opens docs/errors.html at it', async () => {
  const viewport = { width: 1280, height: 800 };
  const { page, errors } = await browser.newPage(viewport);
  await page.goto(browser.url);
  await waitForFrames(page, 3);
  // window.open is where "Open in the docs" ends (web/main.cpp): record it instead of a new tab.
  await page.evaluate(() => {
    window.openedUrls = [];
    window.open = (url, target, features) => { window.openedUrls.push({ url, target, features }); return null; };
  });

  await page.evaluate((source) => {
    window.memviz.setSource(source);
    window.memviz.load();
    window.memviz.move('continue');
  }, kUseAfterFree);
  await page.waitForFunction(() => !window.memviz.running());
  const end = await page.evaluate(() => window.memviz.snapshot());
  assert.equal(end.state, 'faulted');
  assert.equal(end.error.kind, 'use after free');
  assert.equal(end.error.line, 7);
  assert.equal(end.error.concept, 'use-after-free');

  // The page beside the app has that section, rendered, at that anchor.
  const doc = await page.evaluate(async () => {
    const response = await fetch('docs/errors.html');
    return { ok: response.ok, type: response.headers.get('content-type'), text: await response.text() };
  });
  assert.equal(doc.ok, true);
  assert.match(doc.type, /^text\/html/);
  assert.match(doc.text, /<h2 id="use-after-free">Use after free<\/h2>/);

  // The What happened panel: {0.3, 0.7, 0.52, 0.15} of the display below the menu bar; its
  // Learn more button is under the error's headline.
  await frames(page, 3);
  const menu = 22;
  const usable = viewport.height - menu;
  const explain = { x: 0.3 * viewport.width, y: menu + 0.7 * usable + 24, width: 0.52 * viewport.width - 16, height: 0.15 * usable - 30 };
  await page.screenshot({ path: path.join(resultsDir, 'concept-before.png') });
  const learnMore = await findButton(page, explain);
  assert.ok(learnMore, 'a Learn more button in the What happened panel');
  await page.mouse.click(learnMore.x, learnMore.y);
  await frames(page, 3);
  await page.mouse.move(5, viewport.height - 5);  // no tooltip over the window in the screenshot
  await frames(page, 3);
  await page.screenshot({ path: path.join(resultsDir, 'concept-window.png') });

  // The Concept window, {0.3, 0.1, 0.52, 0.6}: "Open in the docs" is its first button.
  const conceptWindow = { x: 0.3 * viewport.width + 2, y: menu + 0.1 * usable + 24, width: 0.52 * viewport.width - 16, height: 60 };
  const open = await findButton(page, conceptWindow);
  assert.ok(open, 'an Open in the docs button in the Concept window');
  await page.mouse.click(open.x, open.y);
  await frames(page, 3);
  const opened = await page.evaluate(() => window.openedUrls);
  assert.deepEqual(opened, [{ url: 'docs/errors.html#use-after-free', target: '_blank', features: 'noopener' }]);
  assert.deepEqual(errors, []);
});
