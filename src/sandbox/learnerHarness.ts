import type {
  JudgeToLearner,
  LearnerEntry,
  LearnerToJudge,
  LearnerTrace,
  RunStop,
  ThrownValue,
  TraceClock,
  TraceRun,
} from './learnerProtocol';

/** How the harness talks to the judge; made by the caller before any learner code exists. */
export interface HarnessEndpoint {
  send(message: LearnerToJudge): void;
  listen(handler: (data: unknown) => void): void;
}

export interface HarnessLimits {
  readonly maxLines: number;
  readonly maxLineChars: number;
  readonly maxTotalChars: number;
}

/**
 * The learner side of grading: loads the learner's code once, then runs the traces the judge sends
 * and reports raw outputs. It decides nothing.
 *
 * This function is self-contained (no imports at run time): the browser worker calls it, and Node
 * runs its source text in a worker thread (challenge/nodeLearner.ts).
 *
 * Learner code runs in this realm and may replace any built-in (Array.prototype.push, Reflect,
 * JSON.stringify, …). So every built-in the harness uses is copied here, before learner code loads,
 * and called through those copies; arrays are filled with defineProperty (a setter learner code put
 * on Array.prototype is never called); a thrown value is read field by field, each read guarded.
 */
export function startLearnerHarness(endpoint: HarnessEndpoint, limits: HarnessLimits): void {
  const apply = Reflect.apply;
  const construct = Reflect.construct;
  const defineProperty = Reflect.defineProperty;
  const createObject = Object.create;
  const freeze = Object.freeze;
  const cloneValue = structuredClone;
  const toText = String;
  const stringify = JSON.stringify;
  const sliceText = String.prototype.slice;
  const isPrototypeOf = Object.prototype.isPrototypeOf;
  const errorPrototype = Error.prototype;
  const FunctionConstructor = Function;
  const DateConstructor = Date;
  const ErrorConstructor = Error;
  const mapSize = Object.getOwnPropertyDescriptor(Map.prototype, 'size')?.get;
  const setSize = Object.getOwnPropertyDescriptor(Set.prototype, 'size')?.get;
  const ArrayConstructor = Array;
  const fillArray = Array.prototype.fill;
  const send = endpoint.send;

  /**
   * An array of `length` own slots: writing an own data slot never reaches Array.prototype, so a
   * setter learner code put there is never called. (`append` is the slower form for unknown sizes.)
   */
  function slots<T>(length: number): T[] {
    return apply(fillArray, new ArrayConstructor(length), [null]) as T[];
  }

  /** Appends without touching Array.prototype (no push, no inherited index setter). */
  function append<T>(list: T[], value: T): void {
    const descriptor = createObject(null) as PropertyDescriptor;
    descriptor.value = value;
    descriptor.writable = true;
    descriptor.enumerable = true;
    descriptor.configurable = true;
    defineProperty(list, list.length, descriptor);
  }

  function clip(text: string, maxChars: number): string {
    return text.length > maxChars
      ? (apply(sliceText, text, [0, maxChars]) as string) + ` … (${text.length} characters, cut)`
      : text;
  }

  function readString(value: object, key: string): string | null {
    try {
      const field: unknown = (value as Record<string, unknown>)[key];
      return typeof field === 'string' ? clip(field, 4000) : null;
    } catch {
      return null;
    }
  }

  function readThrown(value: unknown): ThrownValue {
    let isError: boolean;
    try {
      // isPrototypeOf, not instanceof: Error[Symbol.hasInstance] is learner-writable.
      isError =
        typeof value === 'object' &&
        value !== null &&
        (apply(isPrototypeOf, errorPrototype, [value]) as boolean);
    } catch {
      isError = false; // a Proxy whose getPrototypeOf trap throws
    }
    let text: string | null = null;
    if (!isError) {
      try {
        text = clip(toText(value), 1000);
      } catch {
        text = null;
      }
    }
    const isObject = (typeof value === 'object' && value !== null) || typeof value === 'function';
    return {
      isError,
      name: isObject ? readString(value, 'name') : null,
      message: isObject ? readString(value, 'message') : null,
      stack: isObject ? readString(value, 'stack') : null,
      text,
    };
  }

  // Console capture, capped by lines and by characters so a huge log cannot flood the page.
  let pendingLogs: string[] = [];
  let keptLines = 0;
  let keptChars = 0;
  let droppedLines = 0;

  function formatLogValue(value: unknown): string {
    if (typeof value === 'string') return value;
    if (typeof value !== 'object' || value === null) return toText(value);
    try {
      if (mapSize !== undefined) return `Map(${apply(mapSize, value, []) as number})`;
    } catch {
      // not a Map
    }
    try {
      if (setSize !== undefined) return `Set(${apply(setSize, value, []) as number})`;
    } catch {
      // not a Set
    }
    const json = stringify(value) as string | undefined;
    return json === undefined ? toText(value) : json;
  }

  function writeLog(level: string, args: readonly unknown[]): void {
    if (keptLines >= limits.maxLines || keptChars >= limits.maxTotalChars) {
      droppedLines++;
      return;
    }
    let line = level === 'log' ? '' : `[${level}] `;
    for (let i = 0; i < args.length; i++) {
      let part: string;
      try {
        part = formatLogValue(args[i]);
      } catch {
        part = '[value that could not be printed]';
      }
      line += (i === 0 ? '' : ' ') + part;
      if (line.length > limits.maxLineChars) break;
    }
    line = clip(line, limits.maxLineChars);
    keptLines++;
    keptChars += line.length;
    append(pendingLogs, line);
  }

  function takeLogs(): string[] {
    const lines = pendingLogs;
    pendingLogs = [];
    return lines;
  }

  const learnerConsole = freeze({
    log: (...args: unknown[]) => writeLog('log', args),
    info: (...args: unknown[]) => writeLog('info', args),
    debug: (...args: unknown[]) => writeLog('debug', args),
    warn: (...args: unknown[]) => writeLog('warn', args),
    error: (...args: unknown[]) => writeLog('error', args),
  });

  // The wall clock learner code sees: stopped unless a trace sets a clock of its own (the judge's
  // clock test runs a case under two clocks; answers that change with it read the clock).
  const STOPPED_CLOCK_MS = 1_700_000_000_000;
  let clockStartMs = STOPPED_CLOCK_MS;
  let clockNowMs = STOPPED_CLOCK_MS;
  class FakeDate extends DateConstructor {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(clockNowMs);
      else super(...(args as [string]));
    }
    static override now(): number {
      return clockNowMs;
    }
  }
  const fakePerformance = freeze({ now: () => clockNowMs - clockStartMs });

  /** Sets the clock for call `callIndex` of a trace (-1: its constructor). */
  function setClock(clock: TraceClock | undefined, callIndex: number): void {
    if (clock === undefined) {
      clockStartMs = STOPPED_CLOCK_MS;
      clockNowMs = STOPPED_CLOCK_MS;
      return;
    }
    clockStartMs = clock.startMs;
    clockNowMs = clock.startMs + (callIndex < 0 ? 0 : callIndex) * clock.stepMs;
  }

  // Hidden by parameters of the same name: hygiene, not a wall (`Function('return this')()` still
  // reaches the global). The wall is that nothing here decides.
  const hiddenGlobals = [
    'self',
    'globalThis',
    'window',
    'document',
    'postMessage',
    'close',
    'importScripts',
    'addEventListener',
    'removeEventListener',
    'onmessage',
    'fetch',
    'XMLHttpRequest',
    'WebSocket',
    'EventSource',
    'BroadcastChannel',
    'Worker',
    'indexedDB',
    'caches',
    'localStorage',
    'sessionStorage',
    'location',
    'navigator',
    'setTimeout',
    'setInterval',
    'queueMicrotask',
    'process',
    'require',
  ];
  const parameterNames = ['exports', 'console', 'Date', 'performance'];
  for (let i = 0; i < hiddenGlobals.length; i++) append(parameterNames, hiddenGlobals[i] as string);
  const noImports = (name: unknown) => {
    throw new ErrorConstructor(
      `imports are not available here (tried "${toText(name)}"): write everything in this file`,
    );
  };

  let entry: LearnerEntry | null = null;
  let entryValue: unknown;

  function load(id: number, body: string, loadedEntry: LearnerEntry): LearnerToJudge {
    entry = loadedEntry;
    const factoryParameters: string[] = [];
    for (let i = 0; i < parameterNames.length; i++)
      append(factoryParameters, parameterNames[i] as string);
    append(factoryParameters, body);
    const exportsObject: Record<string, unknown> = {};
    const argumentsList: unknown[] = [];
    append(argumentsList, exportsObject);
    append(argumentsList, learnerConsole);
    append(argumentsList, FakeDate);
    append(argumentsList, fakePerformance);
    for (let i = 0; i < hiddenGlobals.length; i++) {
      append(argumentsList, hiddenGlobals[i] === 'require' ? noImports : undefined);
    }
    try {
      const factory = construct(FunctionConstructor, factoryParameters) as (
        ...args: unknown[]
      ) => unknown;
      const declared = apply(factory, undefined, argumentsList);
      entryValue =
        declared !== undefined
          ? declared
          : (exportsObject[loadedEntry.name] ?? exportsObject['default']);
    } catch (error) {
      return {
        type: 'load-failed',
        id,
        thrown: readThrown(error),
        logs: takeLogs(),
        droppedLogs: droppedLines,
      };
    }
    return {
      type: 'loaded',
      id,
      entryType: typeof entryValue,
      logs: takeLogs(),
      droppedLogs: droppedLines,
    };
  }

  /** A fresh frozen copy of an object argument, so one call cannot change the next call's input. */
  function argumentCopy(value: unknown): unknown {
    if (typeof value !== 'object' || value === null) return value;
    return freeze(cloneValue(value));
  }

  function accepts(output: unknown): boolean {
    if (entry?.output === 'boolean') return typeof output === 'boolean';
    return typeof output === 'string' || output === null || output === undefined;
  }

  function badOutput(output: unknown): RunStop {
    const type = output === null ? 'null' : typeof output;
    const shown =
      typeof output === 'string' || typeof output === 'number' || typeof output === 'boolean'
        ? { value: typeof output === 'string' ? clip(output, 200) : output }
        : {};
    return { at: 'bad-output', type, ...shown };
  }

  function runTrace(trace: LearnerTrace): TraceRun {
    const outputs = slots<string | boolean | null>(trace.calls.length);
    let answered = 0;
    // Only the answered calls are reported.
    const upToNow = () => {
      outputs.length = answered;
      return outputs;
    };
    const current = entry;
    const clock = trace.clock;
    setClock(clock, -1);
    if (current === null) return { outputs: upToNow(), stop: { at: 'no-method' } };
    let target: unknown = undefined;
    let callable: unknown = entryValue;
    if (current.kind === 'class') {
      const constructorArguments = slots<unknown>(trace.construct.length);
      for (let i = 0; i < trace.construct.length; i++) {
        constructorArguments[i] = argumentCopy(trace.construct[i]);
      }
      try {
        target = construct(entryValue as new (...args: unknown[]) => unknown, constructorArguments);
        callable = (target as Record<string, unknown>)[current.method];
      } catch (error) {
        return { outputs: upToNow(), stop: { at: 'construct', thrown: readThrown(error) } };
      }
    }
    if (typeof callable !== 'function') return { outputs: upToNow(), stop: { at: 'no-method' } };
    for (let c = 0; c < trace.calls.length; c++) {
      const call = trace.calls[c] as readonly unknown[];
      const callArguments = slots<unknown>(call.length);
      for (let i = 0; i < call.length; i++) callArguments[i] = argumentCopy(call[i]);
      if (clock !== undefined) setClock(clock, c);
      let output: unknown;
      try {
        output = apply(callable as (...args: unknown[]) => unknown, target, callArguments);
      } catch (error) {
        return { outputs: upToNow(), stop: { at: 'call', thrown: readThrown(error) } };
      }
      if (!accepts(output)) return { outputs: upToNow(), stop: badOutput(output) };
      outputs[answered++] = (output ?? null) as string | boolean | null;
    }
    return { outputs: upToNow(), stop: null };
  }

  function handle(message: JudgeToLearner): LearnerToJudge | null {
    if (message.type === 'load') return load(message.id, message.body, message.entry);
    if (message.type === 'run') {
      const runs = slots<TraceRun>(message.traces.length);
      for (let i = 0; i < message.traces.length; i++) {
        runs[i] = runTrace(message.traces[i] as LearnerTrace);
      }
      setClock(undefined, -1);
      return { type: 'ran', id: message.id, runs, logs: takeLogs(), droppedLogs: droppedLines };
    }
    return null;
  }

  endpoint.listen((data) => {
    // Only the judge posts to this endpoint, so the data is well formed; the judge still checks
    // every reply, since learner code can post too.
    const reply = handle(data as JudgeToLearner);
    if (reply !== null) send(reply);
  });
  send({ type: 'ready' });
}
