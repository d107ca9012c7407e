// The web app's benchmark: measures the four goals of docs/performance.md ("The web app") in the
// same headless Chromium the browser tests use, and prints them as Markdown tables. Figures
// only; nothing is asserted. Not part of scripts/test.sh or CI.
//
//   cmake --build --preset wasm --target memviz_site web_bench_site
//   node tests/bench/web_bench.mjs [--runs 7] [--only startup,size,frames,long] [--profile]
//   node tests/bench/web_bench.mjs --only none --profile     (the profile alone)
//
// 1. Start-up: navigation start to the end of the first frame, the app against a bare Dear
//    ImGui page (web/bench/) built with the same link flags, alternating, each load in a fresh
//    browser context (so nothing is cached). The first frame is caught by wrapping
//    requestAnimationFrame before the page's scripts run: after each callback, the page's
//    frameCount() is read, and the first time it is at least 1 the time is noted.
// 2. Transfer size: each file the app's page loads, gzip -9 (the static server sends them raw).
// 3. Frame cost: the app's own CPU time per frame (lastFrameMs) with tests/bench/programs_web/
//    deep_heap.c stopped 1,000 frames deep over 10,000 live heap blocks, idle and stepping.
// 4. Long run: tests/bench/programs_web/long_run.c under Continue; the longest gap between
//    consecutive requestAnimationFrame timestamps while it runs, and the time to its end.
//
// --profile repeats 3. on build/wasm/bench-site/profiling (target web_bench_profiling: the same
// app linked with function names) under the DevTools CPU profiler, prints where time goes and
// saves the profiles in test-results/ (MEMVIZ_TEST_RESULTS) for DevTools.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { openBrowser, resultsDir, siteDir, startPlainServer, waitForFrames } from '../browser/browser.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../..');
const benchSiteDir = process.env.MEMVIZ_BENCH_SITE_DIR ?? path.join(repo, 'build/wasm/bench-site');
const kViewport = { width: 1600, height: 900 };
const kProgramsDir = path.join(here, 'programs_web');

function option(name, fallback) {
  const at = process.argv.indexOf(name);
  return at >= 0 && at + 1 < process.argv.length ? process.argv[at + 1] : fallback;
}
const kRuns = Number(option('--runs', '7'));
const kParts = option('--only', 'startup,size,frames,long').split(',');
const kProfile = process.argv.includes('--profile');

// --- small statistics ------------------------------------------------------------------------
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const max = (values) => Math.max(...values);
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
};
const ms = (value) => value.toFixed(1);
const kib = (bytes) => (bytes / 1024).toFixed(1);

function table(header, rows) {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map((_, i) => (i === 0 ? '---' : '--:')).join('|')}|`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  console.log(lines.join('\n') + '\n');
}

// --- 1. start-up -----------------------------------------------------------------------------

// Runs in each page before its own scripts. `window.memviz` (the app) and `window.bareImgui`
// (the baseline) both have frameCount(); both exist before the first frame is drawn, since the
// wasm module's promise settles in the task that runs main(), and frames run in later animation
// frames. `firstFrameCount` says which frame was caught (1 unless that ever changes).
function firstFrameProbe() {
  const bench = { firstFrame: null, firstFrameCount: 0, wasmReady: null };
  window.__bench = bench;
  const requestFrame = window.requestAnimationFrame.bind(window);
  window.requestAnimationFrame = (callback) => requestFrame((time) => {
    callback(time);
    if (bench.firstFrame !== null) return;
    const api = window.memviz || window.bareImgui;
    const count = api ? api.frameCount() : 0;
    if (count >= 1) {
      bench.firstFrame = performance.now();
      bench.firstFrameCount = count;
    }
  });
  // When the wasm module is compiled and instantiated: splits the start-up into download and
  // compile, then main() and the first frame.
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const original = WebAssembly[name];
    WebAssembly[name] = function (...args) {
      return original.apply(this, args).then((result) => {
        if (bench.wasmReady === null) bench.wasmReady = performance.now();
        return result;
      });
    };
  }
}

// Runs in each page before its own scripts: times every WebGL call, so a frame's CPU time can
// be split into the app's own work and the time spent inside WebGL. getParameter is kept apart
// (by parameter): a query the GPU process must answer blocks until it has drawn what came before.
// It also counts what is drawn: draw calls, indices, and bytes uploaded to buffers.
function webglTimer() {
  const timing = { total: 0, getParameter: 0, byParameter: {}, draws: 0, indices: 0, uploaded: 0 };
  window.__webgl = timing;
  const prototype = WebGL2RenderingContext.prototype;
  for (const name of Object.getOwnPropertyNames(prototype)) {
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name);
    if (name === 'constructor' || typeof descriptor.value !== 'function') continue;
    const original = descriptor.value;
    prototype[name] = function (...args) {
      const started = performance.now();
      try {
        return original.apply(this, args);
      } finally {
        const spent = performance.now() - started;
        timing.total += spent;
        if (name === 'getParameter') {
          timing.getParameter += spent;
          timing.byParameter[args[0]] = (timing.byParameter[args[0]] ?? 0) + spent;
        } else if (name === 'drawElements') {
          timing.draws++;
          timing.indices += args[1];
        } else if (name === 'bufferData' && typeof args[1] !== 'number') {
          // Emscripten passes (target, HEAPU8, usage, offset, length).
          timing.uploaded += args.length >= 5 ? args[4] : args[1].byteLength;
        } else if (name === 'bufferSubData') {
          timing.uploaded += args.length >= 5 ? args[4] : args[2].byteLength;
        }
      }
    };
  }
}

async function loadOnce(browser, url) {
  const { page, errors } = await browser.newPage(kViewport);  // a new browser context: empty cache
  await page.addInitScript(firstFrameProbe);
  await page.goto(url);
  try {
    await page.waitForFunction(() => window.__bench.firstFrame !== null, null, { timeout: 60_000, polling: 50 });
  } catch (error) {
    throw new Error(`${url}: no first frame within 60 s (${errors.join('; ') || error.message})`);
  }
  const result = await page.evaluate(() => {
    const wasm = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('.wasm'));
    return {
      firstFrame: window.__bench.firstFrame,
      firstFrameCount: window.__bench.firstFrameCount,
      wasmReady: window.__bench.wasmReady,
      wasmFetched: wasm ? wasm.responseEnd : null,
    };
  });
  await page.context().close();
  if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
  return result;
}

async function startup(browser) {
  const bareDir = path.join(benchSiteDir, 'bare');
  if (!fs.existsSync(path.join(bareDir, 'bare-imgui.wasm'))) {
    throw new Error(`no bare page in ${bareDir}: build the target web_bench_site first`);
  }
  const bare = await startPlainServer(bareDir);
  const pages = { app: browser.url, bare: bare.url };
  // One load of each first, not counted: the browser's own first-use costs land there.
  await loadOnce(browser, pages.app);
  await loadOnce(browser, pages.bare);
  const runs = { app: [], bare: [] };
  for (let i = 0; i < kRuns; i++) {
    for (const name of ['app', 'bare']) runs[name].push(await loadOnce(browser, pages[name]));
  }
  await bare.close();

  console.log(`### Start-up: navigation start to the end of the first frame (${kRuns} loads each, alternating, fresh context each)\n`);
  const row = (name) => {
    const r = runs[name];
    const field = (key) => median(r.map((x) => x[key]));
    return [
      name === 'app' ? 'memviz' : 'bare Dear ImGui page',
      ms(field('firstFrame')),
      `${ms(Math.min(...r.map((x) => x.firstFrame)))}–${ms(max(r.map((x) => x.firstFrame)))}`,
      ms(field('wasmFetched')),
      ms(field('wasmReady')),
      ms(median(r.map((x) => x.firstFrame - x.wasmReady))),
      String(max(r.map((x) => x.firstFrameCount))),
    ];
  };
  table(['page', 'first frame, median (ms)', 'range (ms)', 'wasm fetched (ms)', 'wasm compiled (ms)',
    'main() + first frame (ms)', 'frame caught'], [row('app'), row('bare')]);
  const ratio = median(runs.app.map((x) => x.firstFrame)) / median(runs.bare.map((x) => x.firstFrame));
  console.log(`Ratio app / bare (medians): **${ratio.toFixed(2)}x** (goal: at most 1.3x)\n`);
}

// --- 2. transfer size ------------------------------------------------------------------------

function transferSize() {
  const files = ['index.html', 'memviz.js', 'memviz-core.js', 'memviz-core.wasm'];
  const rows = [];
  let raw = 0;
  let gzipped = 0;
  for (const file of files) {
    const bytes = fs.readFileSync(path.join(siteDir, file));
    const compressed = zlib.gzipSync(bytes, { level: 9 }).length;
    raw += bytes.length;
    gzipped += compressed;
    rows.push([file, kib(bytes.length), kib(compressed)]);
  }
  rows.push(['**total**', `**${kib(raw)}**`, `**${kib(gzipped)}**`]);
  console.log('### Transfer size: the app page\'s files, gzip -9\n');
  table(['file', 'raw (KiB)', 'gzip -9 (KiB)'], rows);
  console.log(`Total gzip -9: **${gzipped} bytes = ${(gzipped / 1e6).toFixed(2)} MB (${(gzipped / 1048576).toFixed(2)} MiB)** (goal: at most 1.5 MB)\n`);
}

// --- 3. frame cost ---------------------------------------------------------------------------

function program(file) {
  return fs.readFileSync(path.join(kProgramsDir, file), 'utf8');
}

// The line of `source` holding `marker` (1-based).
function lineOf(source, marker) {
  const index = source.split('\n').findIndex((line) => line.includes(marker));
  if (index < 0) throw new Error(`no line with ${marker}`);
  return index + 1;
}

async function openApp(browser, url) {
  const { page, errors } = await browser.newPage(kViewport);
  await page.addInitScript(webglTimer);
  await page.goto(url);
  await waitForFrames(page, 3);
  return { page, errors };
}

// In the page: the CPU time of `count` consecutive frames as the page measures it (lastFrameMs),
// and the part of it spent inside WebGL calls; with `step`, a step is made before each, so each
// is the first frame drawn after a step. Frames are matched to readings by frameCount(), so a
// reading is never taken twice nor from a frame that followed another unread.
async function sampleFrames(page, count, step) {
  return page.evaluate(async ({ count, step }) => {
    const app = window.memviz || window.bareImgui;
    const webgl = window.__webgl;
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const frames = [];
    const inWebgl = [];
    const inGetParameter = [];
    const stepCalls = [];
    const draws = [];
    const byParameter = {};
    let missed = 0;
    while (frames.length < count) {
      await nextFrame();
      if (step) {
        const started = performance.now();
        app.move('step');
        stepCalls.push(performance.now() - started);
      }
      const before = app.frameCount();
      webgl.total = 0;
      webgl.getParameter = 0;
      webgl.byParameter = {};
      webgl.draws = 0;
      webgl.indices = 0;
      webgl.uploaded = 0;
      while (app.frameCount() === before) await nextFrame();
      if (app.frameCount() !== before + 1) {
        missed++;
        continue;
      }
      frames.push(app.lastFrameMs());
      inWebgl.push(webgl.total);
      inGetParameter.push(webgl.getParameter);
      draws.push({ calls: webgl.draws, indices: webgl.indices, uploaded: webgl.uploaded });
      for (const [parameter, spent] of Object.entries(webgl.byParameter)) {
        byParameter[parameter] = (byParameter[parameter] ?? 0) + spent;
      }
    }
    // Parameter numbers by their WebGL names, the costliest first.
    const names = {};
    for (const key in WebGL2RenderingContext) {
      if (/^[A-Z0-9_]+$/.test(key)) names[WebGL2RenderingContext[key]] ??= key;
    }
    const parameters = Object.entries(byParameter).sort((a, b) => b[1] - a[1])
      .map(([parameter, spent]) => ({ name: names[parameter] ?? parameter, ms: spent / frames.length }));
    return { frames, inWebgl, inGetParameter, stepCalls, missed, parameters, draws };
  }, { count, step });
}

async function frameCost(browser, url, profile) {
  const { page, errors } = await openApp(browser, url);
  let profiler = null;
  const profiles = {};
  const profileStart = async () => {
    if (!profiler) return;
    await profiler.send('Profiler.start');
  };
  const profileStop = async (name) => {
    if (profiler) profiles[name] = (await profiler.send('Profiler.stop')).profile;
  };
  if (profile) {
    profiler = await page.context().newCDPSession(page);
    await profiler.send('Profiler.enable');
    await profiler.send('Profiler.setSamplingInterval', { interval: 200 });
  }

  const source = program('deep_heap.c');
  const breakpoint = lineOf(source, 'deepest: the benchmark\'s breakpoint');
  await profileStart();
  const stop = await page.evaluate(async ({ source, breakpoint }) => {
    const app = window.memviz;
    const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    app.setSource(source);
    const loaded = app.load();
    if (!loaded.ok) return { error: JSON.stringify(loaded.diagnostics) };
    app.toggleBreakpoint(breakpoint);
    const started = performance.now();
    const framesBefore = app.frameCount();
    app.move('continue');
    let longestFrame = 0;
    while (app.running()) {
      await nextFrame();
      longestFrame = Math.max(longestFrame, app.lastFrameMs());
    }
    const ran = performance.now() - started;
    const framesWhileRunning = app.frameCount() - framesBefore;
    // The first frame drawn at the stop builds the views' tables from the new snapshot.
    const before = app.frameCount();
    while (app.frameCount() === before) await nextFrame();
    return { ran, framesWhileRunning, longestFrame, firstFrameMs: app.lastFrameMs() };
  }, { source, breakpoint });
  await profileStop('continue');
  if (stop.error) throw new Error(`deep_heap.c did not compile: ${stop.error}`);
  // What is on screen, read from the JS snapshot (slow to build for this program: not profiled).
  Object.assign(stop, await page.evaluate(() => {
    const s = window.memviz.snapshot();
    return {
      line: s.line, state: s.state, frames: s.frames.length + s.framesOmitted, framesListed: s.frames.length,
      liveBlocks: s.heap.filter((block) => block.state === 'allocated').length,
    };
  }));
  if (stop.line !== breakpoint) throw new Error(`deep_heap.c stopped at line ${stop.line} (${stop.state}), not ${breakpoint}`);
  // Let the snapshot's frame go by, then sample.
  await waitForFrames(page, (await page.evaluate(() => window.memviz.frameCount())) + 5);

  await profileStart();
  const idle = await sampleFrames(page, 60, false);
  await profileStop('idle');
  await profileStart();
  const stepping = await sampleFrames(page, 60, true);
  await profileStop('stepping');
  await page.context().close();
  if (errors.length) throw new Error(`frame cost: ${errors.join('; ')}`);
  return { stop, idle, stepping, profiles };
}

// The platform's floor: the bare Dear ImGui page's idle frames at the same viewport.
async function bareFrameCost(browser) {
  const bare = await startPlainServer(path.join(benchSiteDir, 'bare'));
  const { page, errors } = await browser.newPage(kViewport);
  await page.addInitScript(webglTimer);
  await page.goto(bare.url);
  await page.waitForFunction(() => window.bareImgui && window.bareImgui.frameCount() >= 10, null, { timeout: 60_000 });
  const idle = await sampleFrames(page, 60, false);
  await page.context().close();
  await bare.close();
  if (errors.length) throw new Error(`bare page: ${errors.join('; ')}`);
  return idle;
}

function reportFrameCost({ stop, idle, stepping }, bareIdle) {
  console.log(`### Frame cost: ${stop.liveBlocks} live heap blocks, ${stop.frames} stack frames (${stop.framesListed} listed in the snapshot), viewport ${kViewport.width}x${kViewport.height}\n`);
  console.log(`Continue from main to the breakpoint: ${ms(stop.ran)} ms over ${stop.framesWhileRunning} frames (longest ${ms(stop.longestFrame)} ms); first frame at the stop: ${ms(stop.firstFrameMs)} ms.\n`);
  const withoutWebgl = (r) => r.frames.map((frame, i) => frame - r.inWebgl[i]);
  const count = (r) => String(r.frames.length) + (r.missed ? ` (${r.missed} missed)` : '');
  const row = (name, r) => [name, count(r), ms(median(r.frames)), ms(percentile(r.frames, 90)), ms(max(r.frames)),
    ms(median(r.inGetParameter)), ms(median(r.inWebgl)), ms(median(withoutWebgl(r))), ms(max(withoutWebgl(r))),
    r.stepCalls.length ? `${ms(median(r.stepCalls))} / ${ms(max(r.stepCalls))}` : '–'];
  const rows = [row('idle', idle), row('first frame after each step', stepping)];
  if (bareIdle) rows.push(row('bare Dear ImGui page, idle', bareIdle));
  table(['frames', 'count', 'lastFrameMs median', 'p90', 'max', 'in WebGL getParameter, median', 'in all WebGL calls, median',
    'outside WebGL, median', 'outside WebGL, max', 'move("step") call, median / max'], rows);
  const top = idle.parameters.slice(0, 3).map((p) => `${p.name} ${ms(p.ms)} ms`).join(', ');
  console.log(`All times in ms. Idle frames' getParameter time by parameter (per frame): ${top}.\n`);
  const drawn = (name, r) => [name, String(median(r.draws.map((d) => d.calls))), String(median(r.draws.map((d) => d.indices))),
    kib(median(r.draws.map((d) => d.uploaded)))];
  const drawRows = [drawn('app, idle', idle), drawn('app, first frame after each step', stepping)];
  if (bareIdle) drawRows.push(drawn('bare Dear ImGui page, idle', bareIdle));
  table(['what a frame draws (medians)', 'draw calls', 'indices', 'uploaded (KiB)'], drawRows);
  console.log(`Goal: at most 8 ms of wasm CPU time per frame. lastFrameMs medians: idle ${ms(median(idle.frames))} ms, stepping ${ms(median(stepping.frames))} ms; ` +
    `outside WebGL: idle ${ms(median(withoutWebgl(idle)))} ms, stepping ${ms(median(withoutWebgl(stepping)))} ms.\n`);
}

// --- the CPU profile, by wasm function ----------------------------------------------------------

function demangle(names) {
  const mangled = names.filter((name) => name.startsWith('_Z'));
  if (!mangled.length) return new Map();
  const out = execFileSync('c++filt', { input: mangled.join('\n') }).toString().split('\n');
  return new Map(mangled.map((name, i) => [name, out[i]]));
}

// Self and inclusive time per function over the whole profile; inclusive counts a function once
// per sample however deep it recurses.
function summarizeProfile(profile, title) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  // V8's own entries are named in parentheses: (program), (idle), (garbage collector).
  const nameOf = (node) => node.callFrame.functionName || '(anonymous)';
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = (profile.timeDeltas[i] ?? 0) / 1000;
    total += dt;
    const leaf = nameOf(byId.get(id));
    self.set(leaf, (self.get(leaf) ?? 0) + dt);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) {
      const name = nameOf(byId.get(at));
      if (seen.has(name)) continue;
      seen.add(name);
      inclusive.set(name, (inclusive.get(name) ?? 0) + dt);
    }
  });
  const names = demangle([...inclusive.keys()]);
  const pretty = (name) => {
    const text = names.get(name) ?? name;
    return (text.length > 110 ? text.slice(0, 107) + '...' : text).replace(/\|/g, '\\|');
  };
  const busy = total - (self.get('(idle)') ?? 0);
  const top = (map) => [...map.entries()].filter(([name]) => !name.startsWith('(')).sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.log(`#### ${title}: ${ms(busy)} ms busy of ${ms(total)} ms profiled\n`);
  table(['function (inclusive)', 'ms', '% of busy'], top(inclusive).map(([name, t]) => [pretty(name), ms(t), (100 * t / busy).toFixed(1)]));
  table(['function (self)', 'ms', '% of busy'], top(self).map(([name, t]) => [pretty(name), ms(t), (100 * t / busy).toFixed(1)]));
}

// --- 4. long run -----------------------------------------------------------------------------

async function longRun(browser) {
  const { page, errors } = await openApp(browser, browser.url);
  const result = await page.evaluate(async (source) => {
    const app = window.memviz;
    const webgl = window.__webgl;
    app.setSource(source);
    const loaded = app.load();
    if (!loaded.ok) return { error: JSON.stringify(loaded.diagnostics) };
    const stamps = [];
    const frameMs = [];
    const webglMs = [];
    const frameAt = [];
    let lastCount = app.frameCount();
    const started = performance.now();
    app.move('continue');
    webgl.total = 0;
    await new Promise((resolve) => {
      const tick = (time) => {
        stamps.push(time);
        const count = app.frameCount();
        if (count === lastCount + 1) {
          frameMs.push(app.lastFrameMs());
          webglMs.push(webgl.total);
          frameAt.push(performance.now() - started);
        }
        webgl.total = 0;
        lastCount = count;
        if (app.running()) requestAnimationFrame(tick);
        else resolve();
      };
      requestAnimationFrame(tick);
    });
    const total = performance.now() - started;
    const gaps = stamps.slice(1).map((t, i) => t - stamps[i]);
    const longest = gaps.indexOf(Math.max(...gaps));
    const s = app.snapshot();
    return {
      total, gaps, frameMs, webglMs, frameAt, frames: stamps.length,
      state: s.state, steps: s.stepCount, exitStatus: s.exitStatus,
      longestGapAt: stamps[longest + 1] - started, longestGapIsLast: longest === gaps.length - 1,
    };
  }, program('long_run.c'));
  await page.context().close();
  if (result.error) throw new Error(`long_run.c did not compile: ${result.error}`);
  if (errors.length) throw new Error(`long run: ${errors.join('; ')}`);
  const outside = result.frameMs.map((frame, i) => frame - result.webglMs[i]);
  console.log('### Long run: long_run.c under Continue\n');
  table(['statement steps', 'ended', 'time to the end (s)', 'frames drawn', 'longest gap between frames (ms)',
    'median gap (ms)', 'gaps over 50 ms', 'frame CPU median / max (ms)', 'outside WebGL median / max (ms)'],
  [[result.steps.toLocaleString('en-US'), `${result.state} (${result.exitStatus})`, (result.total / 1000).toFixed(2), String(result.frames),
    ms(max(result.gaps)), ms(median(result.gaps)), String(result.gaps.filter((g) => g > 50).length),
    `${ms(median(result.frameMs))} / ${ms(max(result.frameMs))}`, `${ms(median(outside))} / ${ms(max(outside))}`]]);
  const longestOutside = outside.indexOf(max(outside));
  console.log(`The longest gap ended ${(result.longestGapAt / 1000).toFixed(2)} s into the run${result.longestGapIsLast ? ', at the last frame (the one that stopped the run)' : ''}; ` +
    `the frame with the most CPU time outside WebGL (${ms(max(outside))} ms) ended by ${(result.frameAt[longestOutside] / 1000).toFixed(2)} s into it.\n`);
}

// --- main ------------------------------------------------------------------------------------

const browser = await openBrowser();
try {
  const { page } = await browser.newPage(kViewport);
  await page.goto(browser.url);
  await waitForFrames(page, 1);
  const gl = await page.evaluate(() => {
    const context = document.createElement('canvas').getContext('webgl2');
    const info = context.getExtension('WEBGL_debug_renderer_info');
    return info ? context.getParameter(info.UNMASKED_RENDERER_WEBGL) : context.getParameter(context.RENDERER);
  });
  console.log(`## memviz web app benchmark\n\nChromium ${page.context().browser().version()} headless, WebGL: ${gl}, ${os.cpus().length} cores, viewport ${kViewport.width}x${kViewport.height}\n`);
  await page.context().close();

  if (kParts.includes('startup')) await startup(browser);
  if (kParts.includes('size')) transferSize();
  if (kParts.includes('frames')) reportFrameCost(await frameCost(browser, browser.url, false), await bareFrameCost(browser));
  if (kParts.includes('long')) await longRun(browser);
  if (kProfile) {
    const profilingDir = path.join(benchSiteDir, 'profiling');
    if (!fs.existsSync(path.join(profilingDir, 'memviz-core.wasm'))) {
      throw new Error(`no profiling build in ${profilingDir}: build the target web_bench_profiling first`);
    }
    const site = await startPlainServer(profilingDir);
    const measured = await frameCost(browser, site.url, true);
    await site.close();
    console.log('### Where frame time goes (app linked with function names, DevTools CPU profiler)\n');
    reportFrameCost(measured, null);
    for (const [name, profile] of Object.entries(measured.profiles)) {
      fs.writeFileSync(path.join(resultsDir, `web-bench-${name}.cpuprofile`), JSON.stringify(profile));
    }
    console.log(`The profiles are in ${resultsDir}/web-bench-{continue,idle,stepping}.cpuprofile (DevTools, Performance tab, opens them).\n`);
    summarizeProfile(measured.profiles.continue, 'Continue from main to the breakpoint, and the first frame there');
    summarizeProfile(measured.profiles.idle, 'Idle frames');
    summarizeProfile(measured.profiles.stepping, 'Stepping (the step calls and the frames after them)');
  }
} finally {
  await browser.close();
}
