// The example course page (docs/example-course.html, served from dist/docs/ by a plain static
// server): two lessons side by side, each a sandboxed <iframe> of the app in embed mode, driven by
// the page's own buttons over postMessage, with captions from the lessons' step events.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBrowser, resultsDir, siteDir, startHttpsServer } from './browser.mjs';

const lessonsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/lessons');

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser.close(); });
afterEach(async () => { await browser.closePages(); });

async function lesson(page, id) {
  const handle = await page.$(`iframe#${id}`);
  const frame = await handle.contentFrame();
  await frame.waitForFunction(() => window.memviz && window.memviz.frameCount() >= 3, null, { timeout: 30_000 });
  return frame;
}

async function clickAndWait(page, frame, id, move, step) {
  await page.click(`button[data-lesson="${id}"][data-move="${move}"]`);
  await frame.waitForFunction((n) => window.memviz.snapshot().step === n, step);
  await page.waitForFunction(
    ([caption, line]) => document.getElementById(caption).textContent.startsWith(`Line ${line}:`),
    [`${id}-caption`, await frame.evaluate(() => window.memviz.snapshot().line)]);
  return page.$eval(`#${id}-caption`, (caption) => caption.textContent);
}

test('the example course page shows two lessons side by side and drives them from its buttons', async () => {
  const { page, errors } = await browser.newPage({ width: 1400, height: 900 });
  await page.goto(browser.url + 'docs/example-course.html');
  await checkCoursePage(page, errors);
});

test('the course page and its lessons work over https', async () => {
  const server = await startHttpsServer(siteDir);
  try {
    const { page, errors } = await browser.newPage({ width: 1400, height: 900 }, { ignoreHTTPSErrors: true });
    await page.goto(server.url + 'docs/example-course.html');
    assert.equal(await page.evaluate(() => location.protocol), 'https:');
    await checkCoursePage(page, errors);
  } finally {
    await server.close();
  }
});

async function checkCoursePage(page, errors) {
  const stack = await lesson(page, 'stack-frames');
  const heap = await lesson(page, 'heap-blocks');

  // Side by side, each at least 600x400.
  const boxes = await Promise.all(['stack-frames', 'heap-blocks'].map((id) => page.locator(`#${id}`).boundingBox()));
  assert.ok(boxes[0].x + boxes[0].width <= boxes[1].x, 'the second lesson is right of the first');
  assert.equal(Math.round(boxes[0].y), Math.round(boxes[1].y));
  for (const box of boxes) assert.ok(box.width >= 600 && box.height >= 400, `a lesson is ${box.width}x${box.height}`);

  // Each lesson is the program in docs/lessons/, in embed mode with its panels.
  for (const [frame, file, panels] of [[stack, 'stack-frames.c', ['code', 'stack', 'explain']],
                                        [heap, 'heap-blocks.c', ['code', 'heap', 'explain']]]) {
    const state = await frame.evaluate(() => ({ source: window.memviz.source(), panels: window.memviz.panels() }));
    assert.equal(state.source, fs.readFileSync(path.join(lessonsDir, file), 'utf8'),
                 `the link for ${file} is out of date: make it again with the Share menu`);
    assert.deepEqual(state.panels, panels);
  }

  // The page's buttons step the lessons; the captions show each line's note.
  let caption = await clickAndWait(page, stack, 'stack-frames', 'step', 1);
  assert.match(caption, /^Line 10: x is a local variable: it is allocated on the stack, in main's stack frame\.$/);
  caption = await clickAndWait(page, stack, 'stack-frames', 'step', 2);
  assert.match(caption, /^Line 5: add_one\(&x\) passes the address of x/);
  const frames = await stack.evaluate(() => window.memviz.snapshot().frames.map((f) => f.function));
  assert.deepEqual(frames.sort(), ['add_one', 'main']);

  caption = await clickAndWait(page, heap, 'heap-blocks', 'step', 1);
  assert.match(caption, /malloc allocated 4 bytes on the heap/);
  const blocks = await heap.evaluate(() => window.memviz.snapshot().heap.filter((b) => b.state === 'allocated'));
  assert.equal(blocks.length, 1);
  caption = await clickAndWait(page, heap, 'heap-blocks', 'stepBack', 0);
  assert.match(caption, /^Line 5: /);
  // The other lesson did not move.
  assert.equal(await stack.evaluate(() => window.memviz.snapshot().step), 2);

  await page.screenshot({ path: path.join(resultsDir, 'example-course.png') });
  assert.deepEqual(errors, []);
}
