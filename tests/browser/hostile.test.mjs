// Hostile programs in the page: whatever a student pastes, the tab stays responsive (frames keep
// coming while the program runs) and the program ends or pauses with memviz's own outcome.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser, waitForFrames } from './browser.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser.close(); });
afterEach(async () => { await browser.closePages(); });

// Loads `source` and continues until the run stops, sampling animation frames meanwhile: returns
// the snapshot it stopped at (its lists' lengths), the frames memviz drew and the longest gap between two frames.
async function runToTheEnd(page, source) {
  return page.evaluate(async (text) => {
    window.memviz.setSource(text);
    const loaded = window.memviz.load();
    if (!loaded.ok) return { loaded };
    const drawnBefore = window.memviz.frameCount();
    let last = performance.now();
    let longestGap = 0;
    window.memviz.move('continue');
    while (window.memviz.running()) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }
    // Without its lists, which may be hundreds of thousands of values: only their lengths
    // cross over to the test.
    const { frames, globals, heap, ...snapshot } = window.memviz.snapshot();
    snapshot.listed = { frames: frames.length, globals: globals.length, heap: heap.length };
    return { loaded, snapshot, drawn: window.memviz.frameCount() - drawnBefore, longestGap };
  }, source);
}

const kHostile = [
  {
    name: 'unbounded recursion',
    source: 'int down(int n) {\n    return down(n + 1) + 1;\n}\nint main(void) {\n    return down(0);\n}\n',
    check: (s) => { assert.equal(s.state, 'faulted'); assert.equal(s.error.kind, 'stack overflow'); assert.equal(s.error.line, 2); },
  },
  {
    name: 'malloc in an endless loop',
    source: '#include <stdlib.h>\nint main(void) {\n    for (;;) {\n        char *p = malloc(1 << 16);\n' +
            '        if (p == NULL)\n            return 12;\n        p[0] = 1;\n    }\n}\n',
    check: (s) => { assert.equal(s.state, 'exited'); assert.equal(s.exitStatus, 12); },  // ENOMEM at the heap limit
  },
  {
    name: 'endless output',
    source: '#include <stdio.h>\nint main(void) {\n    for (;;)\n        printf("all work and no play\\n");\n}\n',
    check: (s) => { assert.equal(s.state, 'faulted'); assert.equal(s.error.kind, 'output limit exceeded'); },
  },
  {
    name: 'a giant array on the stack',
    source: 'int main(void) {\n    char big[100000000];\n    big[0] = 1;\n    return big[0];\n}\n',
    check: (s) => { assert.equal(s.state, 'faulted'); assert.equal(s.error.kind, 'stack overflow'); },
  },
];

for (const hostile of kHostile) {
  test(`${hostile.name}: the tab keeps drawing, and the run ends as memviz says`, async () => {
    const { page, errors } = await browser.newPage();
    await page.goto(browser.url);
    await waitForFrames(page, 3);
    const run = await runToTheEnd(page, hostile.source);
    assert.equal(run.loaded.ok, true, JSON.stringify(run.loaded.diagnostics));
    hostile.check(run.snapshot);
    assert.ok(run.longestGap < 1000, `a gap of ${run.longestGap.toFixed(0)} ms between frames`);
    assert.deepEqual(errors, []);
  });
}

test('an endless loop pauses at the step budget; Keep going runs it on, and every step can be gone back to', async () => {
  const { page, errors } = await browser.newPage();
  await page.goto(browser.url);
  await waitForFrames(page, 3);
  const source = 'int main(void) {\n    unsigned long n = 0;\n    for (;;)\n        n++;\n}\n';
  const first = await runToTheEnd(page, source);
  assert.equal(first.loaded.ok, true);
  assert.equal(first.snapshot.state, 'budget');
  assert.ok(first.longestGap < 1000, `a gap of ${first.longestGap.toFixed(0)} ms between frames`);
  const more = await page.evaluate(async () => {
    let last = performance.now();
    let longestGap = 0;
    const reason = window.memviz.move('keepGoing');
    while (window.memviz.running()) {
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const now = performance.now();
      longestGap = Math.max(longestGap, now - last);
      last = now;
    }
    const { state, stepCount } = window.memviz.snapshot();
    const back = window.memviz.move('stepBack');
    return { reason, state, stepCount, longestGap, back, after: window.memviz.snapshot().state };
  });
  assert.equal(more.reason, 'running');
  assert.equal(more.state, 'budget');
  assert.ok(more.stepCount > first.snapshot.stepCount * 1.5, `${more.stepCount} steps after, ${first.snapshot.stepCount} before`);
  assert.ok(more.longestGap < 1000, `a gap of ${more.longestGap.toFixed(0)} ms between frames`);
  assert.equal(more.back, 'step');
  assert.equal(more.after, 'paused');
  assert.deepEqual(errors, []);
});

test('deeply nested code, a 1 MB line, binary garbage and an empty file get diagnostics, not a stuck page', async () => {
  const { page, errors } = await browser.newPage();
  await page.goto(browser.url);
  await waitForFrames(page, 3);
  const results = await page.evaluate(() => {
    const garbage = Array.from({ length: 4096 }, (_, i) => String.fromCharCode((i * 7919) % 256)).join('');
    const cases = {
      nested: 'int main(void) { return ' + '('.repeat(100000) + '1' + ')'.repeat(100000) + '; }\n',
      longLine: 'int main(void) { int x = 0; ' + 'x = x + 1; '.repeat(100000) + 'return x; }\n',
      garbage,
      empty: '',
      noMain: 'int helper(void) { return 1; }\n',
    };
    const out = {};
    for (const [name, source] of Object.entries(cases)) {
      window.memviz.setSource(source);
      const started = performance.now();
      const loaded = window.memviz.load();
      out[name] = { ok: loaded.ok, first: loaded.diagnostics[0] ?? null, ms: performance.now() - started };
    }
    return out;
  });
  assert.match(results.nested.first.message, /nesting too deep/);
  assert.equal(results.nested.first.line, 1);
  assert.equal(results.longLine.ok, true, 'a long line of code is still code');
  for (const name of ['nested', 'garbage', 'empty', 'noMain']) {
    assert.equal(results[name].ok, false, name);
    assert.ok(results[name].first.line >= 1 && results[name].first.column >= 0, `${name}: ${JSON.stringify(results[name].first)}`);
  }
  for (const [name, result] of Object.entries(results)) assert.ok(result.ms < 5000, `${name} took ${result.ms} ms to load`);
  await waitForFrames(page, (await page.evaluate(() => window.memviz.frameCount())) + 3);
  assert.deepEqual(errors, []);
});

// docs/reliability.md#host-resource-limits: what a session keeps stays under the bound stated for
// its settings, part by part, and so does the whole wasm memory (which only grows, so it is the
// most the page ever needed, the app's own fonts and ImGui included).
test('hostile programs keep the host memory under its stated bound, and the page alive', async (t) => {
  const { page, errors } = await browser.newPage();
  await page.goto(browser.url);
  await waitForFrames(page, 3);
  {
    const inner = 'struct inner { int a[64]; };\nstruct outer { struct inner s[64]; };\nstruct outer ' +
      Array.from({ length: 60 }, (_, i) => `g${i}`).join(', ') + ';\nint main(void) {\n    g0.s[0].a[0] = 1;\n    return 0;\n}\n';
    const programs = {
      nestedValues: inner,
      // The heap full at its 64 MiB limit within the first million steps, then NULL after NULL
      // to the step budget while the history records the run.
      mallocLoop: '#include <stdlib.h>\nint main(void) {\n    for (;;) {\n        char *p = malloc(1000);\n        (void)p;\n    }\n}\n',
      // 8 MiB of heap in 32-byte blocks, all leaked: a quarter of a million blocks.
      tinyBlocks: '#include <stdlib.h>\nint main(void) {\n    while (malloc(1) != NULL)\n        ;\n    return 0;\n}\n',
    };
    for (const [name, source] of Object.entries(programs)) {
      // (last: changing a limit runs the loaded program again)
      if (name === 'tinyBlocks') await page.evaluate(() => window.memviz.setSettings({ heapLimit: 8 * 1024 * 1024 }));
      const run = await runToTheEnd(page, source);
      assert.equal(run.loaded.ok, true, `${name}: ${JSON.stringify(run.loaded.diagnostics)}`);
      const memory = await page.evaluate(() => window.memviz.hostMemory());
      for (const part of ['program', 'memory', 'machine', 'output', 'history', 'snapshot', 'total']) {
        assert.ok(memory[part] <= memory.bound[part], `${name}: ${part} ${memory[part]} over its bound ${memory.bound[part]}`);
      }
      assert.ok(memory.wasmBytes <= memory.bound.total + 64 * 2 ** 20,
        `${name}: wasm memory ${memory.wasmBytes} over the bound ${memory.bound.total}`);
      const mib = (bytes) => (bytes / 2 ** 20).toFixed(1);
      t.diagnostic(`${name}: ${run.snapshot.state}, history ${mib(memory.history)} MiB, total ${mib(memory.total)} MiB, ` +
        `bound ${mib(memory.bound.total)} MiB, wasm memory ${mib(memory.wasmBytes)} MiB`);
      const s = run.snapshot;
      if (name === 'tinyBlocks') {
        assert.equal(s.state, 'exited');
        assert.ok(s.listed.heap <= 12000 && s.heapOmitted > 200000, `${s.listed.heap} blocks listed, ${s.heapOmitted} not`);
      }
      if (name === 'nestedValues') assert.ok(s.valuesOmitted > 0 && s.listed.globals < 60);
      if (name === 'mallocLoop') {
        assert.equal(s.state, 'budget');
        assert.ok(memory.history > 64 * 2 ** 20, `${name}: history ${memory.history}`);
      }
      assert.ok(run.longestGap < 1000, `${name}: a gap of ${run.longestGap.toFixed(0)} ms between frames`);
    }
  }
  assert.deepEqual(errors, []);
});
