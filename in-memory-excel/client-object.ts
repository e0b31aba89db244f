import { FakeError } from "./workbook";
import { type WorkbookState } from "./state";

/** Excel on the web refuses requests and responses above 5 MB, counted in bytes. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Excel refuses to read or write more than five million cells at once. */
export const CELL_LIMIT = 5_000_000;
/** What one queued operation costs in the request besides its arguments (ids, names). */
export const OPERATION_OVERHEAD_BYTES = 64;

/** Whether an operation changes the workbook (writes clear or join the undo stack). */
export type OperationKind = "read" | "write";

/** `Excel.run`'s options (Excel.RunOptions). */
export interface FakeRunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

/** What a proxy needs of its request context: the workbook, and a queue to put work in. */
export interface ProxyContext {
  readonly state: WorkbookState;
  readonly options: FakeRunOptions;
  enqueue(
    run: () => number | void,
    bytes?: RequestPart,
    onRange?: boolean,
    kind?: OperationKind
  ): void;
}

export function notLoaded(prop: string): FakeError {
  return new FakeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
  );
}

/** What a value costs in a request or response: its JSON, in UTF-8 bytes. */
export function sizeOf(value: unknown): number {
  return requestBytes(requestPart(value));
}

/**
 * What an operation adds to a request: a size in bytes, or the JSON of its arguments. The JSON
 * is made as the operation is queued, in the add-in, as Office.js makes it; its bytes are
 * counted when the request is sent, on Excel's side (Office.js never counts them).
 */
export type RequestPart = number | string;

export function requestPart(value: unknown): RequestPart {
  return value === undefined ? 0 : JSON.stringify(value);
}

export function requestBytes(part: RequestPart): number {
  return typeof part === "number" ? part : utf8Length(part);
}

/**
 * UTF-8 bytes, counted: a platform encoder (Node's Buffer.byteLength) made a copy of each
 * 2 MB answer on the add-in's heap, which Excel's own count never touches.
 */
function utf8Length(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code < 0x80) continue;
    if (code < 0x800) bytes += 1;
    else if (code >= 0xd800 && code < 0xdc00 && isLowSurrogate(text.charCodeAt(i + 1))) {
      // A surrogate pair: 4 bytes for its two units.
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code < 0xe000;

/**
 * A loaded value as the response carries it: JSON, never a live reference into the workbook.
 * Excel writes it during the sync; Office.js reads it in the add-in, so it is parsed when
 * the add-in first reads the property (and the bench counts that on the add-in's side).
 */
class Answer {
  constructor(readonly json: string) {}
}

/**
 * A proxy as Office.js hands them out: reading a property needs `load` then `sync`; writing
 * one is queued. Subclasses declare what can be loaded (computed when the batch runs) and
 * their child objects (for paths such as "format/fill/color").
 */
export abstract class ClientObject {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    readonly context: ProxyContext,
    private readonly orNull = false
  ) {
    if (orNull)
      context.enqueue(() => {
        this.nullState = this.resolveOrNull() === null;
      });
  }

  /** The object in the workbook this proxy stands for; null for a missing *OrNullObject. */
  protected abstract resolveOrNull(): unknown;
  protected scalars(): Record<string, () => unknown> {
    return {};
  }
  protected children(): Record<string, ClientObject> {
    return {};
  }
  protected get onRange(): boolean {
    return false;
  }

  get isNullObject(): boolean {
    if (!this.orNull) return false;
    if (this.nullState === undefined) throw notLoaded("isNullObject");
    return this.nullState;
  }

  protected resolve<T>(): T {
    const target = this.resolveOrNull();
    if (target === null)
      throw new FakeError("ItemNotFound", "The requested resource doesn't exist.");
    return target as T;
  }

  load(spec?: string | string[] | Record<string, unknown>): this {
    const names =
      spec === undefined
        ? Object.keys(this.scalars())
        : typeof spec === "string"
          ? spec.split(",").map((s) => s.trim())
          : Array.isArray(spec)
            ? spec
            : Object.keys(spec);
    for (const name of names) {
      const [head, ...rest] = name.split("/");
      if (rest.length) {
        const child = this.children()[head!];
        if (!child) throw new Error(`the fake cannot load ${name}`);
        child.load(rest.join("/"));
        continue;
      }
      const getter = this.scalars()[head!];
      if (!getter) {
        const child = this.children()[head!];
        if (child) {
          child.load();
          continue;
        }
        throw new Error(`the fake cannot load ${name} on ${this.constructor.name}`);
      }
      this.context.enqueue(
        () => {
          if (this.orNull && this.resolveOrNull() === null) {
            this.loaded.set(head!, null);
            return 0;
          }
          const value = getter();
          if (value === undefined) {
            this.loaded.set(head!, undefined);
            return 0;
          }
          // One serialisation for the copy and its size (a 10,000-row read).
          const json = JSON.stringify(value);
          this.loaded.set(head!, new Answer(json));
          return utf8Length(json);
        },
        0,
        this.onRange
      );
    }
    return this;
  }

  /** Records a property read while the batch runs (items of a collection being loaded). */
  protected store(prop: string, value: unknown): void {
    this.loaded.set(prop, value);
  }

  /** Loads properties at once (items created while a batch runs); returns their size. */
  loadNow(names: string[]): number {
    let bytes = 0;
    for (const name of names) bytes += this.loadOneNow(name);
    return bytes;
  }

  /** One property loaded at once (see loadNow): a scalar, unless a subclass knows the path. */
  protected loadOneNow(name: string): number {
    const getter = this.scalars()[name];
    if (!getter) throw new Error(`the fake cannot load ${name} on ${this.constructor.name}`);
    const value = getter();
    this.store(name, value);
    return sizeOf(value);
  }

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    const value = this.loaded.get(prop);
    if (!(value instanceof Answer)) return value as T;
    const parsed = JSON.parse(value.json) as T;
    this.loaded.set(prop, parsed);
    return parsed;
  }

  protected write(prop: string, value: unknown, apply: () => void): void {
    this.context.enqueue(() => apply(), requestPart(value), this.onRange, "write");
    if (this.loaded.has(prop)) this.loaded.set(prop, value);
  }

  /** A method call; `kind` "read" for those that change nothing in the document (select). */
  protected call(args: unknown, apply: () => void, kind: OperationKind = "write"): void {
    this.context.enqueue(() => apply(), requestPart(args), this.onRange, kind);
  }
}

/**
 * A proxy for one object of the workbook (a sheet, a range, a table), found by `locate` the
 * first time a batch needs it, then kept for the proxy's life.
 */
export abstract class LocatedObject<T> extends ClientObject {
  private pinned: T | null | undefined;

  constructor(
    context: ProxyContext,
    private readonly locate: () => T | null,
    orNull = false
  ) {
    super(context, orNull);
  }

  protected resolveOrNull(): T | null {
    if (this.pinned === undefined) this.pinned = this.locate();
    return this.pinned;
  }
}
