// A page's use of every call in web/page/memviz.d.ts, compiled with `tsc --strict` (tests/CMakeLists.txt):
// the declarations must accept what docs/js-api.md shows, and the `@ts-expect-error` lines must
// stay errors (tsc fails when one of them compiles), so the types cannot quietly become `any`.
import type { App, Snapshot, StepEvent, Settings, Panel } from '../../web/page/memviz';

async function course(canvas: HTMLCanvasElement): Promise<void> {
  const heard: StepEvent[] = [];
  const app: App = await Memviz.create(canvas, {
    code: 'int main(void) {\n    int x = 1; //! x lives in main\'s frame\n    return x;\n}\n',
    stdin: '',
    args: 'one two',
    settings: { dataModel: 'ILP32', policy: 'first-fit', stackLimit: 65536 },
    steps: 'line',
    step: 1,
    embed: true,
    panels: ['code', 'stack', 'heap'],
    readOnly: true,
    autoplay: 2,
    persist: false,
    onStep: (event) => heard.push(event),
  });
  await window.Memviz.create(canvas);  // the global is also on window

  const version: string = app.version();
  const frames: number = app.frameCount() + app.lastFrameMs();
  const memory = app.hostMemory();
  const headroom: number = memory.bound.total - memory.total + memory.wasmBytes;
  const firstSegment: string = app.layout().segments[0].first;
  const settings: Settings = app.setSettings({ highAddressesFirst: true, lightTheme: false });
  app.setSource(app.source() + '\n');
  app.setInput({ stdin: 'x' });
  const { stdin, args } = app.input();
  const loaded = app.load();
  const firstError = loaded.ok ? '' : `${loaded.diagnostics[0].line}:${loaded.diagnostics[0].message}`;
  const reason = app.move('next');
  app.move('keepGoing');
  app.seek(3);
  if (app.running()) app.pause();
  app.toggleBreakpoint(2);
  const snapshot: Snapshot | null = app.snapshot();
  if (snapshot !== null) {
    const local = snapshot.frames[0]?.variables.find((v) => v.name === 'x');
    const target = local?.target?.description ?? '';
    const freed = snapshot.heap.filter((block) => block.state === 'freed').length;
    const concept = snapshot.error?.concept ?? '';
    console.log(local?.value, target, freed, concept, snapshot.annotation, snapshot.stepCount);
  }
  const stop = app.on('step', (event) => console.log(event.step, event.line, event.state, event.annotation));
  stop();
  const examples = app.examples().map((example) => example.file);
  app.openExample(examples[0])?.frames.length;
  const fragment: string = app.permalink({ step: false });
  const opened = app.openPermalink('#' + fragment);
  const panels: Panel[] = app.panels();
  console.log(version, frames, headroom, firstSegment, settings.dataModel, stdin, args, firstError, reason, heard.length,
              opened.ok, opened.warnings.join(), panels, app.narration(), app.notice());

  // Wrong uses the declarations must reject.
  // @ts-expect-error: an unknown option
  await Memviz.create(canvas, { source: 'int main(void) { return 0; }' });
  // @ts-expect-error: an unknown data model
  app.setSettings({ dataModel: 'LP16' });
  // @ts-expect-error: not a move
  app.move('jump');
  // @ts-expect-error: source is text
  app.setSource(42);
  // @ts-expect-error: the only event is "step"
  app.on('frame', () => {});
  // @ts-expect-error: a snapshot may be null
  app.snapshot().step;
  // @ts-expect-error: panels are named
  await Memviz.create(canvas, { code: '', panels: ['stack', 'registers'] });
}

export { course };
