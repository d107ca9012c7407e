// The visualizer driven as a student drives it: load the program on the page, step forward and
// back, a compile error, a program that never ends, the keyboard, the clipboard, and the code
// surviving a reload. State is checked through the JS API's snapshots.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, waitForFrames } from './browser.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser.close(); });
afterEach(async () => { await browser.closePages(); });

async function openApp(viewport) {
  const { page, errors } = await browser.newPage(viewport);
  await page.goto(browser.url);
  await waitForFrames(page, 3);
  return { page, errors };
}

test('the first program steps forward into malloc and square, and back again', async () => {
  const { page, errors } = await openApp();
  const result = await page.evaluate(() => {
    const app = window.memviz;
    const loaded = app.load();
    const start = app.snapshot();
    const moves = [];
    for (let i = 0; i < 2; i++) moves.push(app.move('next'));  // int x = 3; malloc
    const afterMalloc = app.snapshot();
    moves.push(app.move('step'));  // into square
    const inSquare = app.snapshot();
    moves.push(app.move('stepBack'));
    const back = app.snapshot();
    moves.push(app.move('continue'));
    return { loaded, start, afterMalloc, inSquare, back, moves };
  });
  assert.equal(result.loaded.ok, true);
  assert.deepEqual(result.loaded.diagnostics, []);
  assert.equal(result.start.state, 'paused');
  assert.equal(result.start.step, 0);
  assert.equal(result.start.frames[0].function, 'main');

  const main = result.afterMalloc.frames[0];
  assert.equal(result.afterMalloc.line, 12);
  assert.equal(main.variables.find((v) => v.name === 'x').value, '3');
  const pointer = main.variables.find((v) => v.name === 'i_pt');
  assert.equal(pointer.target.kind, 'heap block');
  assert.equal(result.afterMalloc.heap.length, 1);
  assert.equal(result.afterMalloc.heap[0].state, 'allocated');
  assert.equal(result.afterMalloc.heap[0].requested, 4);
  assert.equal(result.afterMalloc.heap[0].payload, pointer.value);

  assert.deepEqual(result.inSquare.frames.map((f) => f.function), ['square', 'main']);
  assert.equal(result.inSquare.frames[0].variables.find((v) => v.name === 'n').value, '3');
  // One step back is exactly where the step began (only the count of recorded steps has grown).
  assert.deepEqual({ ...result.back, stepCount: 0 }, { ...result.afterMalloc, stepCount: 0 });
  assert.deepEqual(result.moves, ['step', 'step', 'step', 'step', 'running']);

  await page.waitForFunction(() => !window.memviz.running());
  const end = await page.evaluate(() => window.memviz.snapshot());
  assert.equal(end.state, 'exited');
  assert.equal(end.stdout, '3 squared is 9\n');
  assert.equal(end.heap[0].state, 'freed');
  assert.match(await page.evaluate(() => window.memviz.narration()), /^Line \d+\./);
  assert.deepEqual(errors, []);
});

test('a compile error is reported with its line and column, and nothing runs', async () => {
  const { page, errors } = await openApp();
  const result = await page.evaluate(() => {
    window.memviz.setSource('int main(void) {\n    int x = ;\n}\n');
    return { load: window.memviz.load(), snapshot: window.memviz.snapshot(), move: window.memviz.move('step') };
  });
  assert.equal(result.load.ok, false);
  assert.equal(result.load.diagnostics[0].severity, 'error');
  assert.equal(result.load.diagnostics[0].line, 2);
  assert.equal(result.load.diagnostics[0].column, 13);
  assert.equal(result.snapshot, null);
  assert.equal(result.move, 'not loaded');
  assert.deepEqual(errors, []);
});

test('an endless loop runs in slices: frames keep coming, pause stops it, and it can go on', async () => {
  const { page, errors } = await openApp();
  await page.evaluate(() => {
    window.memviz.setSource('int main(void) {\n    long n = 0;\n    for (;;)\n        n++;\n}\n');
    window.memviz.load();
    window.memviz.move('continue');
  });
  const framesAtStart = await page.evaluate(() => window.memviz.frameCount());
  await page.waitForFunction((n) => window.memviz.frameCount() > n + 20, framesAtStart, { timeout: 20_000 });
  assert.equal(await page.evaluate(() => window.memviz.running()), true, 'still running while frames are drawn');
  const paused = await page.evaluate(() => { window.memviz.pause(); return window.memviz.snapshot(); });
  assert.equal(await page.evaluate(() => window.memviz.running()), false);
  assert.equal(paused.state, 'paused');
  assert.ok(paused.step > 1000, `paused at step ${paused.step}`);
  const n = paused.frames[0].variables.find((v) => v.name === 'n');
  assert.ok(Number(n.value) > 1000, `n is ${n.value}`);
  const next = await page.evaluate(() => { window.memviz.move('next'); return window.memviz.snapshot(); });
  assert.ok(next.step > paused.step);
  assert.deepEqual(errors, []);
});

test('F10 steps over and Alt+F10 steps back, without the browser taking the keys', async () => {
  const { page, errors } = await openApp();
  await page.evaluate(() => window.memviz.load());
  await page.locator('canvas').focus();
  await page.keyboard.press('F10');
  await page.keyboard.press('F10');
  // Key changes reach ImGui one per key per frame (web/main.cpp): two taps take four frames.
  const settledStep = async () => {
    await waitForFrames(page, (await page.evaluate(() => window.memviz.frameCount())) + 6);
    return page.evaluate(() => window.memviz.snapshot().step);
  };
  assert.equal(await settledStep(), 2);
  await page.keyboard.press('Alt+F10');
  assert.equal(await settledStep(), 1);
  await page.keyboard.press('F5');  // continue, not reload: the page keeps its state
  await page.waitForFunction(() => !window.memviz.running() && window.memviz.snapshot().state === 'exited');
  assert.deepEqual(errors, []);
});

test('text pasted from the system clipboard lands in the editor, and the code survives a reload', async () => {
  const { page, errors } = await openApp({ width: 1280, height: 800 });
  // The editor is the Code panel's text box (open at start); click into it, go to the end.
  await page.mouse.click(120, 200);
  await waitForFrames(page, (await page.evaluate(() => window.memviz.frameCount())) + 2);
  await page.keyboard.press('Control+End');
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '\n// pasted from the clipboard\n');
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data }));
  });
  await page.keyboard.press('Control+V');
  await waitForFrames(page, (await page.evaluate(() => window.memviz.frameCount())) + 3);
  const source = await page.evaluate(() => window.memviz.source());
  assert.ok(source.endsWith('// pasted from the clipboard\n'), `source ends: ${JSON.stringify(source.slice(-60))}`);

  await page.waitForTimeout(1300);  // the code is saved every second
  await page.reload();
  await waitForFrames(page, 3);
  assert.equal(await page.evaluate(() => window.memviz.source()), source);
  assert.deepEqual(errors, []);
});

test('setSource replaces the text even while the editor is being typed in', async () => {
  const { page, errors } = await openApp({ width: 1280, height: 800 });
  const frames = async (n) => waitForFrames(page, (await page.evaluate(() => window.memviz.frameCount())) + n);
  const click = async (x, y) => {
    await page.mouse.move(x, y);
    await frames(2);
    await page.mouse.down();
    await frames(2);
    await page.mouse.up();
    await frames(2);
  };
  await click(120, 200);  // the editor has the keyboard
  const text = 'int main(void) {\n\treturn 7;\n}\n';
  await page.evaluate((t) => window.memviz.setSource(t), text);
  await frames(4);
  // ImGui's input keeps its own copy of the text while active: it must not write the old one back.
  assert.equal(await page.evaluate(() => window.memviz.source()), text);
  await click(120, 200);
  await page.keyboard.press('Control+End');
  await frames(3);
  await page.keyboard.type('// typed');
  await frames(12);
  assert.equal(await page.evaluate(() => window.memviz.source()), `${text}// typed`);
  assert.deepEqual(errors, []);
});

test('stdin and argv given in the page reach the program', async () => {
  const { page, errors } = await openApp();
  await page.evaluate(() => {
    window.memviz.setSource('#include <stdio.h>\nint main(int argc, char **argv) {\n    int n = 0;\n' +
      '    scanf("%d", &n);\n    printf("%d %d %s\\n", n * 2, argc, argv[2]);\n    return 0;\n}\n');
    window.memviz.setInput({ stdin: '21\n', args: 'first second' });
    window.memviz.load();
    window.memviz.move('continue');
  });
  await page.waitForFunction(() => !window.memviz.running());
  const end = await page.evaluate(() => window.memviz.snapshot());
  assert.equal(end.state, 'exited');
  assert.equal(end.stdout, '42 3 second\n');
  assert.deepEqual(await page.evaluate(() => window.memviz.input()), { stdin: '21\n', args: 'first second' });
  assert.deepEqual(errors, []);
});

test('the mouse wheel scrolls the panel under the pointer, and back', async () => {
  const { page, errors } = await openApp({ width: 1280, height: 800 });
  await page.evaluate(() => window.memviz.openExample('07-linked-list.c'));
  const code = { x: 10, y: 60, width: 360, height: 400 };
  const frames = async (n) => waitForFrames(page, (await page.evaluate(() => window.memviz.frameCount())) + n);
  await frames(3);
  await page.mouse.move(150, 250);
  const before = await page.screenshot({ clip: code });
  await page.mouse.wheel(0, 200);
  await frames(4);
  const scrolled = await page.screenshot({ clip: code });
  await page.mouse.wheel(0, -200);
  await frames(4);
  const back = await page.screenshot({ clip: code });
  assert.notDeepEqual(scrolled, before, 'the wheel moved the code');
  assert.deepEqual(back, before, 'the same amount the other way brings it back');
  assert.deepEqual(errors, []);
});
