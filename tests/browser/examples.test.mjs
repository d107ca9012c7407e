// Every example of the Examples menu, opened as a student opens it: a few steps in, a screenshot
// of the page there (saved to the test output folder), then on to the end, where the program
// must have printed what its header says and stopped at the error it teaches, at its line.
// Also the menu and the Run panel's buttons driven by the mouse.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { openBrowser, waitForFrames, resultsDir } from './browser.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser.close(); });
afterEach(async () => { await browser.closePages(); });

// What an example's header comments promise (the corpus directives of tests/c).
function expectations(source) {
  const lines = source.split('\n');
  const values = (key) => lines.filter((l) => l.startsWith(`// ${key}: `)).map((l) => l.slice(key.length + 5));
  const error = values('expect-error')[0];
  const match = error && /^(.*) (\d+)$/.exec(error);
  return {
    stdout: values('expect-stdout').map((l) => `${l}\n`).join(''),
    error: match ? { kind: match[1], line: Number(match[2]) } : null,
  };
}

const frames = async (page, n) => waitForFrames(page, (await page.evaluate(() => window.memviz.frameCount())) + n);

test('every example runs from the menu to the outcome its header promises, with a screenshot mid-way', async () => {
  const { page, errors } = await browser.newPage({ width: 1600, height: 900 });
  await page.goto(browser.url);
  await waitForFrames(page, 3);
  const examples = await page.evaluate(() => window.memviz.examples());
  assert.ok(examples.length >= 20, `${examples.length} examples`);
  const shots = path.join(resultsDir, 'examples');
  fs.mkdirSync(shots, { recursive: true });
  for (const example of examples) {
    assert.ok(example.title.length > 0 && example.concept.length > 0, `${example.file} has a title and a concept`);
    const start = await page.evaluate((file) => window.memviz.openExample(file), example.file);
    assert.equal(start.state, 'paused', `${example.file} compiles and stops at main`);
    assert.equal(start.frames[0].function, 'main');
    // A chosen step: six statements in (or the end, for the shortest).
    const midway = await page.evaluate(() => {
      for (let i = 0; i < 6; i++) if (window.memviz.move('next') !== 'step') break;
      return window.memviz.snapshot();
    });
    assert.ok(midway.step > 0, `${example.file} moved`);
    await frames(page, 3);
    await page.screenshot({ path: path.join(shots, example.file.replace(/\.c$/, '.png')) });

    await page.evaluate(() => window.memviz.move('continue'));
    await page.waitForFunction(() => !window.memviz.running(), null, { timeout: 60_000 });
    const end = await page.evaluate(() => window.memviz.snapshot());
    const expected = expectations(await page.evaluate(() => window.memviz.source()));
    assert.equal(end.stdout, expected.stdout, `${example.file}'s output`);
    if (expected.error) {
      assert.equal(end.state, 'faulted', `${example.file} stops at its error`);
      assert.equal(end.error.kind, expected.error.kind, `${example.file}'s error`);
      assert.equal(end.error.line, expected.error.line, `${example.file}'s error line`);
    } else {
      assert.equal(end.state, 'exited', `${example.file} runs to its end`);
    }
  }
  assert.deepEqual(errors, []);
});

test('the mouse picks an example from the menu and steps with the Run panel\'s buttons', async () => {
  const { page, errors } = await browser.newPage({ width: 1280, height: 800 });
  await page.goto(browser.url);
  await waitForFrames(page, 3);
  // Examples is the second item of the menu bar; its fourth entry is "malloc of an int".
  await page.mouse.click(78, 10);
  await frames(page, 3);
  await page.mouse.click(100, 38 + 3 * 20);  // entries are 20 pixels apart from y = 38
  await frames(page, 3);
  const opened = await page.evaluate(() => ({ source: window.memviz.source(), snapshot: window.memviz.snapshot() }));
  const examples = await page.evaluate(() => window.memviz.examples());
  assert.ok(opened.source.startsWith(`// title: ${examples[3].title}`), `opened: ${opened.source.slice(0, 60)}`);
  assert.equal(opened.snapshot.step, 0);

  // The Run panel's "over>" and "<over" buttons (bottom left).
  await page.screenshot({ path: path.join(resultsDir, 'run-panel.png') });
  const over = { x: 268, y: 607 };
  const back = { x: 130, y: 607 };
  for (let i = 0; i < 3; i++) { await page.mouse.click(over.x, over.y); await frames(page, 2); }
  assert.equal(await page.evaluate(() => window.memviz.snapshot().step), 3);
  await page.mouse.click(back.x, back.y);
  await frames(page, 2);
  const snapshot = await page.evaluate(() => window.memviz.snapshot());
  assert.equal(snapshot.step, 2);
  assert.ok(snapshot.frames[0].variables.some((v) => v.name === 'i_pt'));
  assert.deepEqual(errors, []);
});
