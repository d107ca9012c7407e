// memviz.js: the page's JavaScript API, a thin wrapper over the wasm module (memviz-core.js).
//
//   const app = await Memviz.create(canvas);
//   app.version()                       -> "0.1.0"
//   app.frameCount()                    -> frames drawn so far
//   app.layout()                        -> { dataModel, segments: [{ name, first, last, size, read, write, execute }] }
//   app.settings() / app.setSettings({ dataModel: "ILP32", highAddressesFirst: true })
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

  async function create(canvas) {
    if (!(canvas instanceof HTMLCanvasElement)) throw new TypeError('Memviz.create needs a <canvas> element');
    sizeToCss(canvas);  // before main() runs, so the first frame already has the right size
    const module = await global.createMemvizModule({
      canvas: canvas,
      print: (text) => console.log(text),
      printErr: (text) => console.warn(text),
    });
    trackCanvasSize(module, canvas);

    return Object.freeze({
      version: () => module.version(),
      frameCount: () => module.frameCount(),
      lastFrameMs: () => module.lastFrameMs(),
      layout: () => module.layout(),
      settings: () => module.settings(),
      setSettings(changes) {
        if (changes === null || typeof changes !== 'object') throw new TypeError('setSettings takes an object');
        if ('dataModel' in changes && typeof changes.dataModel !== 'string') throw new TypeError('dataModel must be a string');
        if ('highAddressesFirst' in changes && typeof changes.highAddressesFirst !== 'boolean') {
          throw new TypeError('highAddressesFirst must be a boolean');
        }
        const error = module.setSettings(changes);
        if (error) throw new RangeError(error);
        return module.settings();
      },
    });
  }

  global.Memviz = Object.freeze({ create });
})(window);
