// A page that hosts memviz directly (docs/js-api.md): Memviz.create(canvas, options) shows the
// page's code with its options, step listeners hear each step, bad options are refused with a
// reason, and web/page/memviz.d.ts declares exactly the calls the API has.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { openBrowser } from './browser.mjs';

let browser;
before(async () => { browser = await openBrowser(); });
after(async () => { await browser.close(); });
afterEach(async () => { await browser.closePages(); });

const kLesson = [
  '#include <stdlib.h>',
  'int main(void) {',
  '    int *i_pt = malloc(sizeof(int)); //! i_pt holds the address of memory allocated on the heap.',
  '    *i_pt = 5;',
  '    free(i_pt);',
  '    return 0;',
  '}',
  ''].join('\n');

// Opens a page of the site's own origin (served by the test, beside index.html) whose script runs
// `start` with the canvas; what it resolves or rejects with lands in window.started / window.failed.
async function hostPage(start) {
  const { page, errors } = await browser.newPage();
  const address = browser.url + 'hosted-by-a-test.html';
  await page.route(address, (route) => route.fulfill({
    contentType: 'text/html',
    body: `<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,">
<canvas id="lesson" style="width: 900px; height: 600px"></canvas>
<script src="memviz-core.js"></script>
<script src="memviz.js"></script>
<script>
  window.heard = [];
  (${start})(document.getElementById('lesson')).then(
    (app) => { window.app = app; window.started = true; },
    (error) => { window.failed = error.name + ': ' + error.message; });
</script>`,
  }));
  await page.goto(address);
  await page.waitForFunction(() => window.started || window.failed, null, { timeout: 30_000 });
  return { page, errors };
}

test('Memviz.create shows the code it is given, with its options, and tells listeners of each step', async () => {
  const { page, errors } = await hostPage(`(canvas) => Memviz.create(canvas, {
    code: ${JSON.stringify(kLesson)},
    settings: { dataModel: 'ILP32', policy: 'first-fit' },
    step: 1,
    embed: true,
    panels: ['code', 'heap', 'explain'],
    readOnly: true,
    onStep: (event) => window.heard.push(event),
  })`);
  assert.equal(await page.evaluate(() => window.failed), undefined);
  const state = await page.evaluate(() => ({
    source: app.source(), settings: app.settings(), panels: app.panels(), snapshot: app.snapshot(),
  }));
  assert.equal(state.source, kLesson);
  assert.equal(state.settings.dataModel, 'ILP32');
  assert.equal(state.settings.policy, 'first-fit');
  assert.deepEqual(state.panels, ['code', 'heap', 'explain']);
  assert.equal(state.snapshot.step, 1);
  assert.equal(state.snapshot.heap.filter((block) => block.state === 'allocated').length, 1);

  // The listener given as onStep heard the first moment shown, with the lesson's note.
  await page.waitForFunction(() => window.heard.length > 0);
  assert.deepEqual(await page.evaluate(() => window.heard[0]), {
    step: 1, line: 4, state: 'paused', annotation: 'i_pt holds the address of memory allocated on the heap.',
    narration: await page.evaluate(() => app.snapshot().narration),
  });

  // A listener added with on() hears the next steps until it stops listening.
  await page.evaluate(() => {
    window.later = [];
    window.stopListening = app.on('step', (event) => window.later.push(event.step));
    app.move('step');
  });
  await page.waitForFunction(() => window.later.length === 1);
  await page.evaluate(() => { window.stopListening(); app.move('step'); });
  await page.waitForFunction(() => window.heard.some((event) => event.step === 3));
  assert.deepEqual(await page.evaluate(() => window.later), [2]);
  assert.deepEqual(await page.evaluate(() => window.heard.map((event) => event.step)), [1, 2, 3]);

  // The page's code is not the student's: nothing of it is stored for the next visit.
  await page.waitForTimeout(1200);  // longer than the store's one-second save
  assert.equal(await page.evaluate(() => localStorage.getItem('memviz.v1')), null);

  // One visualizer per page; options are checked before anything starts.
  const refusals = await page.evaluate(async () => {
    const canvas = document.createElement('canvas');
    const reasons = [];
    for (const options of [{ code: 1 }, { source: 'int main(void) { return 0; }' }, { step: 2 },
                           { code: '', panels: 'heap' }, { code: '' }]) {
      try {
        await Memviz.create(canvas, options);
        reasons.push('created');
      } catch (error) {
        reasons.push(`${error.name}: ${error.message}`);
      }
    }
    return reasons;
  });
  assert.deepEqual(refusals, [
    'TypeError: option code must be a string',
    'TypeError: Memviz.create has no option source',
    'TypeError: option step goes with code',
    'TypeError: option panels must be an array of strings',
    'Error: memviz runs one visualizer per page: put more in <iframe>s (docs/embedding.md)',
  ]);
  assert.deepEqual(errors, []);
});

test('Memviz.create refuses options the app cannot use, saying why', async () => {
  const { page } = await hostPage(`(canvas) => Memviz.create(canvas, {
    code: 'int main(void) { return 0; }', settings: { dataModel: 'LP16' } })`);
  assert.equal(await page.evaluate(() => window.failed), 'RangeError: dataModel must be "LP64" or "ILP32"');
  const second = await hostPage(`(canvas) => Memviz.create(canvas, { code: 'int main(void) { return 0; }', panels: ['registers'] })`);
  assert.equal(await second.page.evaluate(() => window.failed), 'RangeError: panels names an unknown panel: registers');
});

test('memviz.d.ts declares every call of the API, and no call the API lacks', async () => {
  const { page } = await hostPage(`(canvas) => Memviz.create(canvas)`);
  const calls = await page.evaluate(() => Object.keys(app).sort());
  const declarations = await page.evaluate(async () => (await fetch('memviz.d.ts')).text());
  const app = declarations.match(/export interface App \{([\s\S]*?)\n\}/)[1];
  const declared = [...app.matchAll(/^\s+(\w+)\(/gm)].map((match) => match[1]).sort();
  assert.deepEqual(declared, calls);
  assert.match(declarations, /create\(canvas: HTMLCanvasElement, options\?: CreateOptions\): Promise<App>;/);
});
