// memviz.js: the page's JavaScript API, a thin wrapper over the wasm module (memviz-core.js).
//
//   const app = await Memviz.create(canvas);
//   app.version()                       -> "0.1.0"
//   app.frameCount()                    -> frames drawn so far
//   app.layout()                        -> { dataModel, segments: [{ name, first, last, size, read, write, execute }] }
//   app.settings() / app.setSettings({ dataModel: "ILP32", highAddressesFirst: true })
//   app.source() / app.setSource(text)  the editor's text
//   app.input() / app.setInput({ stdin, args })  the program's input, used at the next load
//   app.load()                          -> { ok, diagnostics: [{ severity, line, column, message }] }
//   app.move("step" | "next" | "finish" | "stepBack" | "nextBack" | "finishBack" |
//            "continue" | "continueBack" | "restart" | "keepGoing")  -> why it stopped ("step", "end", ...)
//   app.seek(step), app.running(), app.pause(), app.snapshot(), app.toggleBreakpoint(line)
//   app.examples() -> [{ file, title, concept }], app.openExample(file) -> its first snapshot
//   app.hostMemory() -> { program, memory, ..., total, bound: { ... }, wasmBytes }
//
// The page's conventions the canvas cannot get through GLFW are wired here: the clipboard
// (paste and copy events), debugger keys the browser would take (F5 reloads), an ARIA live
// region announcing each step, and the code and settings kept in localStorage across reloads.
//
// Everything returned is a plain object copied out of wasm memory. Documented in docs/js-api.md.
(function (global) {
  'use strict';

  // Keeps the canvas's backing store at its CSS size times the device pixel ratio, so ImGui
  // draws in device pixels and text stays sharp on high-DPI screens.
  function trackCanvasSize(module, canvas) {
    function resize() {
      const ratio = global.devicePixelRatio || 1;
      const rect = canvas.getBoundingClientRect();
      const width = Math.max(1, Math.round(rect.width * ratio));
      const height = Math.max(1, Math.round(rect.height * ratio));
      if (canvas.width !== width || canvas.height !== height) module.setCanvasSize(width, height);
    }
    new ResizeObserver(resize).observe(canvas);
    global.addEventListener('resize', resize);
    return resize;
  }

  function sizeToCss(canvas) {
    const ratio = global.devicePixelRatio || 1;
    const rect = canvas.getBoundingClientRect();
    canvas.width = Math.max(1, Math.round(rect.width * ratio));
    canvas.height = Math.max(1, Math.round(rect.height * ratio));
  }

  // A visually hidden live region after the canvas: screen readers announce each step.
  function liveRegion(canvas) {
    const region = document.createElement('div');
    region.setAttribute('aria-live', 'polite');
    region.setAttribute('role', 'status');
    region.className = 'memviz-narration';
    region.style.cssText = 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap';
    canvas.insertAdjacentElement('afterend', region);
    return region;
  }

  // GLFW in the browser has no clipboard: the browser's own paste and copy events carry it.
  function wireClipboard(module) {
    document.addEventListener('paste', (event) => {
      const text = event.clipboardData ? event.clipboardData.getData('text/plain') : '';
      if (text) module.setClipboard(text);  // ImGui reads it when it handles the Ctrl+V
    });
    document.addEventListener('copy', (event) => {
      const text = module.selectedText();
      if (!text || !event.clipboardData) return;
      event.clipboardData.setData('text/plain', text);
      event.preventDefault();
    });
  }

  // Wheel and touch scrolling. Emscripten's GLFW hands ImGui the browser's wheel deltas in
  // pixels and with the wrong sign, and turns a finger drag into a mouse drag (which moves
  // windows); both are taken before it sees them and given to ImGui as wheel notches.
  function wireScrolling(module, canvas) {
    document.addEventListener('wheel', (event) => {
      if (event.target !== canvas) return;
      event.stopPropagation();
      event.preventDefault();
      // A notch is 100 pixels or 3 lines, as browsers report one.
      const unit = event.deltaMode === 1 ? 1 / 3 : event.deltaMode === 2 ? 3 : 1 / 100;
      module.scroll(-event.deltaX * unit, -event.deltaY * unit);
    }, { capture: true, passive: false });
    let last = null;
    document.addEventListener('touchstart', (event) => {
      last = event.target === canvas && event.touches.length === 1
        ? { x: event.touches[0].clientX, y: event.touches[0].clientY } : null;
    }, { capture: true, passive: true });
    document.addEventListener('touchmove', (event) => {
      if (last === null || event.target !== canvas || event.touches.length !== 1) return;
      const touch = event.touches[0];
      // The content follows the finger: about 100 pixels a notch.
      module.scroll((touch.clientX - last.x) / 100, (touch.clientY - last.y) / 100);
      last = { x: touch.clientX, y: touch.clientY };
      event.stopPropagation();
      event.preventDefault();
    }, { capture: true, passive: false });
  }

  // Debugger keys the browser would act on itself (F5 reloads, F11 goes full screen).
  function keepDebuggerKeys(canvas) {
    canvas.addEventListener('keydown', (event) => {
      if (event.key === 'F5' || event.key === 'F10' || event.key === 'F11') event.preventDefault();
    });
  }

  const kStorageKey = 'memviz.v1';

  // The code and settings survive a reload or a crashed tab: saved every second while they
  // change and when the page is hidden; restored at start.
  function persist(module) {
    let saved = '';
    function save() {
      try {
        const state = JSON.stringify({ source: module.source(), settings: module.settings(), input: module.input() });
        if (state !== saved) {
          global.localStorage.setItem(kStorageKey, state);
          saved = state;
        }
      } catch (error) { /* storage full or denied: nothing to do but keep running */ }
    }
    try {
      const state = JSON.parse(global.localStorage.getItem(kStorageKey) || 'null');
      if (state && typeof state.source === 'string') module.setSource(state.source);
      if (state && state.settings && typeof state.settings === 'object') module.setSettings(state.settings);
      if (state && state.input && typeof state.input.stdin === 'string' && typeof state.input.args === 'string') {
        module.setInput(state.input.stdin, state.input.args);
      }
    } catch (error) { /* a damaged entry: start from the default program */ }
    setInterval(save, 1000);
    document.addEventListener('visibilitychange', save);
    global.addEventListener('pagehide', save);
  }

  // A line along the bottom of the page for what it must tell in words (a link it could not
  // open), clear of the menu bar; dismissed with its ×.
  // Text only (textContent): nothing from a link is ever read as HTML.
  function noticeBar(canvas) {
    const bar = document.createElement('div');
    bar.setAttribute('role', 'alert');
    bar.className = 'memviz-notice';
    bar.hidden = true;
    bar.style.cssText = 'position:fixed;left:0;right:0;bottom:0;padding:6px 40px 6px 12px;background:#5a2d0c;' +
                        'color:#fff;font:14px system-ui,sans-serif;z-index:1';
    const text = document.createElement('span');
    const close = document.createElement('button');
    close.textContent = '×';
    close.setAttribute('aria-label', 'Dismiss');
    close.style.cssText = 'position:absolute;right:8px;top:2px;background:none;border:0;color:#fff;font-size:18px;cursor:pointer';
    close.addEventListener('click', () => { bar.hidden = true; canvas.focus(); });
    bar.append(text, close);
    canvas.insertAdjacentElement('afterend', bar);
    return {
      show(message) { text.textContent = message; bar.hidden = false; },
      element: bar,
    };
  }

  // A permalink in the page's fragment (#code=...) opens at start and whenever the fragment
  // changes; it wins over what localStorage restored. docs/embedding.md.
  // Returns the link's state: { host }, the origin allowed to drive this page by postMessage.
  function openFragment(module, notice) {
    const state = { host: '' };
    function open() {
      const fragment = global.location.hash;
      if (fragment.length <= 1) return;
      const result = module.openPermalink(fragment);
      if (!result.ok) notice.show(result.message);
      else if (result.warnings.length > 0) notice.show('Parts of the link were left out: ' + result.warnings.join('; ') + '.');
      if (result.ok) state.host = result.host;
    }
    open();
    global.addEventListener('hashchange', open);
    return state;
  }

  // The API calls a host page may make over postMessage: the same as the JS API, by name (no
  // other name is ever looked up).
  const kHostCalls = ['move', 'seek', 'load', 'snapshot', 'source', 'setSource', 'input', 'setInput',
                      'settings', 'setSettings', 'running', 'pause', 'permalink', 'panels', 'toggleBreakpoint',
                      'examples', 'openExample', 'narration'];

  // In an <iframe>, memviz obeys its parent page's messages from the origin its link names
  // (host=...), and tells that origin of each new step (docs/embedding.md). A message from any
  // other window or origin is ignored. Returns what to call with each step's moment.
  function listenToHost(api, link) {
    if (global.parent === global) return () => {};
    global.addEventListener('message', (event) => {
      const data = event.data;
      if (event.source !== global.parent || !link.host || event.origin !== link.host) return;
      if (data === null || typeof data !== 'object' || data.memviz !== 1 || !kHostCalls.includes(data.call)) return;
      const reply = { memviz: 1, id: data.id };
      try {
        reply.result = api[data.call](...(Array.isArray(data.args) ? data.args : []));
      } catch (error) {
        reply.error = String(error && error.message);
      }
      event.source.postMessage(reply, event.origin);
    });
    return (moment) => {
      if (link.host) global.parent.postMessage({ memviz: 1, event: 'step', ...moment }, link.host);
    };
  }

  // The wasm for a page with an opaque origin (a sandboxed <iframe> without allow-same-origin):
  // its fetch of memviz-core.wasm is cross-origin, and fails unless the server sends CORS
  // headers, which a plain static server does not. A <script> is not fetched that way:
  // memviz-core.wasm.js holds the same bytes in base64, and is loaded only then.
  const kScriptUrl = document.currentScript ? document.currentScript.src : global.location.href;
  function wasmForOpaqueOrigin() {
    if (global.origin !== 'null') return Promise.resolve(undefined);
    return new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = new URL('memviz-core.wasm.js', kScriptUrl).href;
      script.onload = () => {
        const text = global.atob(global.memvizWasmBase64);
        delete global.memvizWasmBase64;
        const bytes = new Uint8Array(text.length);
        for (let i = 0; i < text.length; ++i) bytes[i] = text.charCodeAt(i);
        resolve(bytes);
      };
      script.onerror = () => reject(new Error('could not load memviz-core.wasm.js'));
      document.head.append(script);
    });
  }

  // Memviz.create's options (docs/js-api.md) and the type each must have.
  const kOptionTypes = {
    code: 'string', stdin: 'string', args: 'string', settings: 'object', steps: 'string', step: 'integer',
    embed: 'boolean', panels: 'array', readOnly: 'boolean', autoplay: 'number', link: 'boolean',
    persist: 'boolean', onStep: 'function',
  };
  function checkOptions(options) {
    if (options === null || typeof options !== 'object') throw new TypeError('Memviz.create takes an options object');
    for (const [key, value] of Object.entries(options)) {
      const type = kOptionTypes[key];
      if (type === undefined) throw new TypeError(`Memviz.create has no option ${key}`);
      const ok = type === 'integer' ? Number.isInteger(value) && value >= 0
        : type === 'array' ? Array.isArray(value) && value.every((item) => typeof item === 'string')
        : type === 'object' ? value !== null && typeof value === 'object'
        : typeof value === type;
      if (!ok) throw new TypeError(`option ${key} must be ${type === 'array' ? 'an array of strings' : 'a ' + type}`);
    }
    if (options.code === undefined) {
      for (const key of ['stdin', 'args', 'settings', 'steps', 'step', 'embed', 'panels', 'readOnly', 'autoplay']) {
        if (key in options) throw new TypeError(`option ${key} goes with code`);
      }
    }
    if (options.settings) checkSettings(options.settings);
  }

  function checkSettings(changes) {
    if (changes === null || typeof changes !== 'object') throw new TypeError('setSettings takes an object');
    if ('dataModel' in changes && typeof changes.dataModel !== 'string') throw new TypeError('dataModel must be a string');
    for (const flag of ['highAddressesFirst', 'keepGoing', 'lightTheme']) {
      if (flag in changes && typeof changes[flag] !== 'boolean') throw new TypeError(`${flag} must be a boolean`);
    }
    if ('policy' in changes && typeof changes.policy !== 'string') throw new TypeError('policy must be a string');
    for (const limit of ['stackLimit', 'heapLimit']) {
      if (limit in changes && !Number.isInteger(changes[limit])) throw new TypeError(`${limit} must be a whole number of bytes`);
    }
  }

  // The wasm module keeps one app, drawing on one canvas, and GLFW listens to the whole page's
  // keyboard: one visualizer per page (more go in <iframe>s).
  let started = false;

  async function create(canvas, options = {}) {
    if (!(canvas instanceof HTMLCanvasElement)) throw new TypeError('Memviz.create needs a <canvas> element');
    checkOptions(options);
    if (started) throw new Error('memviz runs one visualizer per page: put more in <iframe>s (docs/embedding.md)');
    started = true;
    // A page that gives the code shows that code: by default it neither restores the student's
    // last program nor opens the page's link.
    const hosted = options.code !== undefined;
    sizeToCss(canvas);  // before main() runs, so the first frame already has the right size
    const narration = liveRegion(canvas);
    const listeners = new Set();
    if (options.onStep) listeners.add(options.onStep);
    let tellHost = () => {};
    let module;
    // Each new moment, after the frame that made it (never inside it: a listener may call the API).
    function stepped() {
      queueMicrotask(() => {
        const moment = module.moment();
        if (moment === null) return;
        for (const listener of listeners) {
          try { listener({ ...moment }); } catch (error) { console.error(error); }
        }
        tellHost(moment);
      });
    }
    try {
      module = await global.createMemvizModule({
        canvas: canvas,
        wasmBinary: await wasmForOpaqueOrigin(),
        print: (text) => console.log(text),
        printErr: (text) => console.warn(text),
        onNarration: (text) => { narration.textContent = text; stepped(); },
      });
    } catch (error) {
      started = false;
      throw error;
    }
    trackCanvasSize(module, canvas);
    wireClipboard(module);
    keepDebuggerKeys(canvas);
    wireScrolling(module, canvas);
    if (options.persist ?? !hosted) persist(module);
    const notice = noticeBar(canvas);
    module.setPageUrl(global.location.href.split('#')[0]);
    const link = (options.link ?? !hosted) ? openFragment(module, notice) : { host: '' };
    if (hosted) {
      const { onStep, link: _, persist: __, ...lesson } = options;
      const problem = module.openOptions(lesson);
      if (problem) throw new RangeError(problem);
    }

    const api = Object.freeze({
      version: () => module.version(),
      frameCount: () => module.frameCount(),
      lastFrameMs: () => module.lastFrameMs(),
      layout: () => module.layout(),
      settings: () => module.settings(),
      setSettings(changes) {
        checkSettings(changes);
        const error = module.setSettings(changes);
        if (error) throw new RangeError(error);
        return module.settings();
      },
      source: () => module.source(),
      setSource(text) {
        if (typeof text !== 'string') throw new TypeError('setSource takes a string');
        module.setSource(text);
      },
      input: () => module.input(),
      setInput({ stdin = '', args = '' } = {}) {
        if (typeof stdin !== 'string' || typeof args !== 'string') throw new TypeError('setInput takes { stdin, args } strings');
        module.setInput(stdin, args);
      },
      load: () => module.load(),
      move(name) {
        const reason = module.move(String(name));
        if (reason.startsWith('unknown move')) throw new RangeError(reason);
        return reason;
      },
      seek(step) {
        if (!Number.isInteger(step) || step < 0) throw new TypeError('seek takes a step number (an integer from 0)');
        return module.seek(step);
      },
      examples: () => module.examples(),
      openExample(file) {
        if (!module.openExample(String(file))) throw new RangeError(`no example named ${file}`);
        return module.snapshot();
      },
      running: () => module.running(),
      pause: () => module.pause(),
      snapshot: () => module.snapshot(),
      toggleBreakpoint(line) {
        if (!Number.isInteger(line) || line < 1) throw new TypeError('toggleBreakpoint takes a line number');
        module.toggleBreakpoint(line);
      },
      narration: () => narration.textContent,
      hostMemory: () => module.hostMemory(),
      // Step events: `listener({ step, line, state, narration, annotation })` after each new
      // moment is drawn. Returns the function that stops them.
      on(event, listener) {
        if (event !== 'step') throw new RangeError(`no event named ${event} (there is "step")`);
        if (typeof listener !== 'function') throw new TypeError('on takes a function');
        const own = (moment) => listener(moment);  // the same function may listen twice
        listeners.add(own);
        return () => { listeners.delete(own); };
      },
      // Permalinks (docs/embedding.md): the fragment for what is on screen, and opening one.
      permalink({ step = true } = {}) { return module.permalink(Boolean(step)); },
      openPermalink(fragment) {
        if (typeof fragment !== 'string') throw new TypeError('openPermalink takes a string');
        return module.openPermalink(fragment);
      },
      panels: () => module.panels(),
      notice: () => (notice.element.hidden ? '' : notice.element.textContent.replace(/×$/, '')),
    });
    tellHost = listenToHost(api, link);
    return api;
  }

  global.Memviz = Object.freeze({ create });
})(window);
