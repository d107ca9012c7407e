// TypeScript declarations for memviz.js, the page's JavaScript API (docs/js-api.md).
// Written by hand to match memviz.js; tests/types/ compiles a use of every call against it
// (CI runs `tsc --strict` on it), and a browser test checks that it names every call the API has.
//
//   <script src="memviz-core.js"></script>
//   <script src="memviz.js"></script>        then Memviz.create(canvas, options)

/** A C address, as a hex string ("0x7ffc0010"): JS numbers cannot hold every 64-bit address. */
export type Address = string;

export type DataModel = "LP64" | "ILP32";
export type Policy =
  | "first-fit" | "next-fit" | "best-fit" | "explicit-lifo" | "explicit-address" | "segregated" | "textbook";
export type Granularity = "line" | "statement" | "expression";
export type Panel =
  | "code" | "run" | "stack" | "heap" | "memory" | "allocator" | "address-space" | "segments" | "explain"
  | "output" | "concept";
export type Move =
  | "step" | "next" | "finish" | "stepBack" | "nextBack" | "finishBack" | "continue" | "continueBack" | "restart"
  | "keepGoing";
/** Why a move stopped, "running" while a continue goes on, or "not loaded". */
export type StopReason = "step" | "breakpoint" | "watchpoint" | "start" | "end" | "budget" | "running" | "not loaded";
export type State = "paused" | "exited" | "faulted" | "budget";

export interface Settings {
  dataModel: DataModel;
  /** true: high addresses at the top of the pictures (CS:APP); false: low at the top (the course notes). */
  highAddressesFirst: boolean;
  policy: Policy;
  /** Run on past errors a real program survives (a leak, a stray read). */
  keepGoing: boolean;
  lightTheme: boolean;
  /** Bytes, 4096 to 64 MiB. */
  stackLimit: number;
  /** Bytes, 1 MiB to 256 MiB. */
  heapLimit: number;
}

export interface Segment {
  name: string;
  first: Address;
  last: Address;
  /** Human-readable ("8 MiB"). */
  size: string;
  read: boolean;
  write: boolean;
  execute: boolean;
}

export interface Layout {
  dataModel: DataModel;
  segments: Segment[];
}

export interface Diagnostic {
  severity: "error" | "warning" | "note";
  line: number;
  column: number;
  message: string;
}

export interface LoadResult {
  ok: boolean;
  diagnostics: Diagnostic[];
}

export interface PointerTarget {
  kind: string;
  address: Address;
  description: string;
}

export interface Variable {
  name: string;
  type: string;
  address: Address;
  size: number;
  value: string;
  initialized: boolean;
  changed: boolean;
  target?: PointerTarget;
  children?: Variable[];
}

export interface Frame {
  function: string;
  line: number;
  returnAddress: Address;
  savedFramePointer: Address;
  low: Address;
  high: Address;
  variables: Variable[];
}

export interface HeapBlock {
  header: Address;
  payload: Address;
  size: number;
  requested: number;
  padding: number;
  state: "allocated" | "free" | "freed" | "leaked";
  referenced: boolean;
  allocatedAt: number;
  freedAt: number;
  /** What the block holds, typed as the program uses it (when known). */
  contents?: Variable;
}

export interface ProgramError {
  kind: string;
  line: number;
  column: number;
  message: string;
  /** The anchor of its section in docs/errors.md ("use-after-free"). */
  concept: string;
}

export interface Snapshot {
  state: State;
  step: number;
  stepCount: number;
  finished: boolean;
  line: number;
  column: number;
  frames: Frame[];
  framesOmitted: number;
  /** Heap blocks left out between the first 10,000 and the last 2,000 listed. */
  heapOmitted: number;
  /** Variables, elements and members not described: a snapshot describes at most 200,000 values, one variable or block at most 4,096. */
  valuesOmitted: number;
  globals: Variable[];
  heap: HeapBlock[];
  stdout: string;
  stderr: string;
  narration: string;
  /** The lesson's `//!` note for the line the last step ran, or "". */
  annotation: string;
  returned?: string;
  error?: ProgramError;
  exitStatus: number;
  leakedBlocks: number;
}

/** What a step listener hears after each new moment is drawn. */
export interface StepEvent {
  step: number;
  line: number;
  state: State;
  narration: string;
  annotation: string;
}

export interface Example {
  file: string;
  title: string;
  concept: string;
}

export interface PermalinkResult {
  ok: boolean;
  /** Why the link could not be opened ("" when it was). */
  message: string;
  /** Parts left out, each said plainly. */
  warnings: string[];
  /** The origin the link allows to drive this page over postMessage ("" for none). */
  host?: string;
}

export interface CreateOptions {
  /** The program to show; without it, the student's last program or the page's link opens. */
  code?: string;
  stdin?: string;
  /** argv[1]... as typed, separated by spaces. */
  args?: string;
  settings?: Partial<Settings>;
  /** Step granularity (default "statement"). */
  steps?: Granularity;
  /** The step to show (default: the start of main). */
  step?: number;
  /** Compact chrome: no menu bar, the panels fixed. */
  embed?: boolean;
  panels?: Panel[];
  readOnly?: boolean;
  /** Play from the step at this many steps per second (up to 1000). */
  autoplay?: number;
  /** Open the page's URL fragment as a link (default: true without code, false with it). */
  link?: boolean;
  /** Keep the code and settings in localStorage (default: true without code, false with it). */
  persist?: boolean;
  onStep?: (event: StepEvent) => void;
}

/** Bytes of host memory by part (docs/reliability.md#host-resource-limits). */
export interface HostMemoryParts {
  program: number;
  memory: number;
  machine: number;
  output: number;
  history: number;
  snapshot: number;
  total: number;
}

export interface HostMemory extends HostMemoryParts {
  /** The most each part may reach under the loaded program's settings. */
  bound: HostMemoryParts;
  /** The wasm memory's size in bytes: it only grows, so it is the most ever needed. */
  wasmBytes: number;
}

export interface App {
  version(): string;
  frameCount(): number;
  lastFrameMs(): number;
  layout(): Layout;
  settings(): Settings;
  setSettings(changes: Partial<Settings>): Settings;
  source(): string;
  setSource(text: string): void;
  input(): { stdin: string; args: string };
  setInput(input?: { stdin?: string; args?: string }): void;
  load(): LoadResult;
  move(name: Move): StopReason;
  seek(step: number): StopReason;
  examples(): Example[];
  openExample(file: string): Snapshot | null;
  running(): boolean;
  pause(): void;
  /** null when nothing is loaded. */
  snapshot(): Snapshot | null;
  toggleBreakpoint(line: number): void;
  narration(): string;
  /** What the loaded program keeps of the host memory, by part, against its bound. */
  hostMemory(): HostMemory;
  /** Calls `listener` after each new step; returns the function that stops it. */
  on(event: "step", listener: (event: StepEvent) => void): () => void;
  /** The fragment (without '#') of a link to what is on screen. */
  permalink(options?: { step?: boolean }): string;
  openPermalink(fragment: string): PermalinkResult;
  panels(): Panel[];
  /** The line shown at the bottom of the page, or "". */
  notice(): string;
}

export interface MemvizGlobal {
  /** Starts memviz on `canvas`; one per page. Rejects with a TypeError or RangeError for bad options. */
  create(canvas: HTMLCanvasElement, options?: CreateOptions): Promise<App>;
}

declare global {
  const Memviz: MemvizGlobal;
  interface Window {
    Memviz: MemvizGlobal;
  }
}
