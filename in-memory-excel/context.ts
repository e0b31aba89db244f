import {
  contains,
  formatRef,
  intersect,
  MAX_COLUMNS,
  MAX_ROWS,
  parseRef,
  quoteSheet,
  rectSize,
  subtract,
  type Rect,
} from "./a1";
import { tick } from "./a1";
import {
  FakeError,
  type CellState,
  type ConditionalFormatState,
  type SheetState,
  type TableState,
} from "./workbook";
import { evaluate } from "./formula";
import { changedArgs, localAddress, type HandlerKind, type WorkbookState } from "./state";

/** Excel on the web refuses requests and responses above 5 MB, counted in bytes. */
export const PAYLOAD_LIMIT_BYTES = 5 * 1024 * 1024;
/** Excel refuses to read or write more than five million cells at once. */
const CELL_LIMIT = 5_000_000;
/** What one queued operation costs in the request besides its arguments (ids, names). */
export const OPERATION_OVERHEAD_BYTES = 64;

/** Whether an operation changes the workbook (writes clear or join the undo stack). */
type OperationKind = "read" | "write";

interface Operation {
  run: () => number | void;
  bytes: number;
  onRange: boolean;
  kind: OperationKind;
}

/** `Excel.run`'s options (Excel.RunOptions). */
export interface FakeRunOptions {
  delayForCellEdit?: boolean;
  mergeUndoGroup?: boolean;
}

/** The request context of one `Excel.run`: operations are queued and run only on `sync()`. */
export class FakeContext {
  readonly workbook: WorkbookProxy;
  private queue: Operation[] = [];

  constructor(
    readonly state: WorkbookState,
    readonly options: FakeRunOptions = {}
  ) {
    this.workbook = new WorkbookProxy(this);
  }

  enqueue(
    run: () => number | void,
    bytes = 0,
    onRange = false,
    kind: OperationKind = "read"
  ): void {
    this.queue.push({ run, bytes: bytes + OPERATION_OVERHEAD_BYTES, onRange, kind });
    this.state.counters.operations++;
    if (onRange) this.state.counters.rangeOperations++;
    if (onRange && kind === "write") this.state.counters.rangeWrites++;
  }

  get pending(): number {
    return this.queue.length;
  }

  async sync(): Promise<void> {
    const batch = this.queue;
    this.queue = [];
    this.state.counters.syncs++;
    const requestBytes = batch.reduce((sum, op) => sum + op.bytes, 0);
    // A round trip: other work (events, user edits) may run while the request is in flight.
    await tick();
    if (this.state.isEditing) {
      // "Delay execution while cell is being edited": without the option the batch fails.
      if (!this.options.delayForCellEdit)
        throw new FakeError(
          "InvalidOperation",
          "The request cannot be processed while the user is editing a cell."
        );
      await this.state.editEnded();
    }
    this.state.duringNextSync.shift()?.();
    const failure = this.state.failures.shift();
    if (failure) throw new FakeError(failure, `The request failed (${failure}).`);
    if (requestBytes > PAYLOAD_LIMIT_BYTES) {
      this.state.counters.refusedPayloads++;
      throw new FakeError(
        "RequestPayloadSizeLimitExceeded",
        "The request payload size has exceeded the limit."
      );
    }
    let responseBytes = 0;
    this.state.beginBatch();
    if (batch.some((op) => op.kind === "write"))
      this.state.beginWritingSync(this.options.mergeUndoGroup ? this : undefined);
    try {
      for (const op of batch) responseBytes += op.run() ?? 0;
    } finally {
      this.state.endBatch();
    }
    if (responseBytes > PAYLOAD_LIMIT_BYTES) {
      this.state.counters.refusedPayloads++;
      throw new FakeError(
        "ResponsePayloadSizeLimitExceeded",
        "The response payload size has exceeded the limit."
      );
    }
    // Only what Excel accepted and answered counts towards the largest payloads seen.
    const counters = this.state.counters;
    counters.maxRequestBytes = Math.max(counters.maxRequestBytes, requestBytes);
    counters.maxResponseBytes = Math.max(counters.maxResponseBytes, responseBytes);
  }
}

function notLoaded(prop: string): FakeError {
  return new FakeError(
    "PropertyNotLoaded",
    `The property '${prop}' is not available. Before reading the property's value, call the load method on the containing object and call "context.sync()" on the associated request context.`
  );
}

/** What a value costs in a request or response: its JSON, in UTF-8 bytes. */
function sizeOf(value: unknown): number {
  return value === undefined ? 0 : utf8Length(JSON.stringify(value));
}

/** UTF-8 bytes, by the platform's own encoder (Node's Buffer, or the browser's TextEncoder). */
export function utf8Length(text: string): number {
  const buffer = (globalThis as { Buffer?: { byteLength(text: string, encoding: string): number } })
    .Buffer;
  return buffer ? buffer.byteLength(text, "utf8") : new TextEncoder().encode(text).length;
}

/**
 * A proxy as Office.js hands them out: reading a property needs `load` then `sync`; writing
 * one is queued. Subclasses declare what can be loaded (computed when the batch runs) and
 * their child objects (for paths such as "format/fill/color").
 */
abstract class ClientObject {
  private readonly loaded = new Map<string, unknown>();
  private nullState: boolean | undefined;

  constructor(
    readonly context: FakeContext,
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
          const value = copyOf(getter());
          this.loaded.set(head!, value);
          return sizeOf(value);
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

  protected read<T>(prop: string): T {
    if (!this.loaded.has(prop)) throw notLoaded(prop);
    return this.loaded.get(prop) as T;
  }

  protected write(prop: string, value: unknown, apply: () => void): void {
    this.context.enqueue(() => apply(), sizeOf(value), this.onRange, "write");
    if (this.loaded.has(prop)) this.loaded.set(prop, value);
  }

  /** A method call; `kind` "read" for those that change nothing in the document (select). */
  protected call(args: unknown, apply: () => void, kind: OperationKind = "write"): void {
    this.context.enqueue(() => apply(), sizeOf(args), this.onRange, kind);
  }
}

class EventHandlers extends ClientObject {
  constructor(
    context: FakeContext,
    private readonly sheet: () => SheetState,
    private readonly kind: HandlerKind
  ) {
    super(context);
  }
  protected resolveOrNull() {
    return this.sheet();
  }
  add(handler: (args: unknown) => Promise<unknown>) {
    let registered: SheetState | undefined;
    this.call(
      null,
      () => {
        registered = this.sheet();
        this.context.state.addHandler(registered.id, this.kind, handler);
      },
      "read"
    );
    return {
      context: this.context,
      remove: () => {
        this.context.enqueue(() => {
          if (registered) this.context.state.removeHandler(registered.id, this.kind, handler);
        });
      },
    };
  }
}

export class WorkbookProxy extends ClientObject {
  readonly worksheets: WorksheetCollectionProxy;
  readonly tables: TableCollectionProxy;
  readonly settings: SettingCollectionProxy;
  constructor(context: FakeContext) {
    super(context);
    this.worksheets = new WorksheetCollectionProxy(context);
    this.tables = new TableCollectionProxy(context, undefined);
    this.settings = new SettingCollectionProxy(context);
  }
  protected resolveOrNull() {
    return this.context.state;
  }
  getSelectedRange(): RangeProxy {
    const state = this.context.state;
    return new RangeProxy(this.context, () => {
      const { sheetId, rect } = state.selection;
      return { sheet: state.sheetById(sheetId), rect };
    });
  }
}

export class WorksheetCollectionProxy extends ClientObject {
  private itemsLoaded: WorksheetProxy[] | undefined;
  protected resolveOrNull() {
    return this.context.state.sheets;
  }
  get items(): WorksheetProxy[] {
    if (!this.itemsLoaded) throw notLoaded("items");
    return this.itemsLoaded;
  }
  override load(spec?: string | string[]): this {
    const names = (typeof spec === "string" ? spec.split(",") : (spec ?? [])).map((s) =>
      s.trim().replace(/^items\//, "")
    );
    this.context.enqueue(() => {
      this.itemsLoaded = this.context.state.sheets.map((sheet) => {
        const proxy = new WorksheetProxy(this.context, () => sheet);
        return proxy;
      });
    });
    // The items exist only once the first operation has run: load their properties after it.
    this.context.enqueue(() => {
      let bytes = 0;
      for (const item of this.itemsLoaded ?? []) bytes += item.loadNow(names);
      return bytes;
    });
    return this;
  }
  getItem(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.state.sheetNamed(name));
  }
  getItemOrNullObject(name: string): WorksheetProxy {
    return new WorksheetProxy(this.context, () => this.context.state.findSheet(name) ?? null, true);
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () =>
      this.context.state.sheetById(this.context.state.activeSheetId)
    );
  }
  add(name?: string): WorksheetProxy {
    let created: SheetState | undefined;
    this.call(name, () => {
      created = this.context.state.addSheet(name);
    });
    return new WorksheetProxy(this.context, () => {
      if (!created) throw new FakeError("InvalidOperation", "The sheet was not created.");
      return created;
    });
  }
}

export class WorksheetProxy extends ClientObject {
  private pinned: SheetState | null | undefined;
  readonly freezePanes: { freezeRows: (count?: number) => void };
  readonly onChanged: EventHandlers;
  readonly onSelectionChanged: EventHandlers;
  readonly onRowSorted: EventHandlers;
  readonly onColumnSorted: EventHandlers;
  readonly tables: TableCollectionProxy;

  constructor(
    context: FakeContext,
    private readonly locate: () => SheetState | null,
    orNull = false
  ) {
    super(context, orNull);
    const sheet = () => this.resolve<SheetState>();
    this.freezePanes = {
      freezeRows: (count = 1) => this.call(count, () => (sheet().frozenRows = count)),
    };
    this.onChanged = new EventHandlers(context, sheet, "changed");
    this.onSelectionChanged = new EventHandlers(context, sheet, "selectionChanged");
    this.onRowSorted = new EventHandlers(context, sheet, "rowSorted");
    this.onColumnSorted = new EventHandlers(context, sheet, "columnSorted");
    this.tables = new TableCollectionProxy(context, sheet);
  }
  protected resolveOrNull(): SheetState | null {
    if (this.pinned === undefined) this.pinned = this.locate();
    return this.pinned;
  }
  protected override scalars() {
    const sheet = () => this.resolve<SheetState>();
    return {
      name: () => sheet().name,
      id: () => sheet().id,
      visibility: () => sheet().visibility,
      position: () => this.context.state.sheets.indexOf(sheet()),
    };
  }
  /** Loads properties at once (for items created while a batch runs); returns their size. */
  loadNow(names: string[]): number {
    const scalars = this.scalars() as Record<string, () => unknown>;
    let bytes = 0;
    for (const name of names) {
      const getter = scalars[name];
      if (!getter) throw new Error(`the fake cannot load ${name}`);
      const value = getter();
      bytes += sizeOf(value);
      this.store(name, value);
    }
    return bytes;
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.write("name", value, () => this.context.state.renameSheet(this.resolve(), value));
  }
  get id(): string {
    return this.read("id");
  }
  get visibility(): string {
    return this.read("visibility");
  }
  set visibility(value: "Visible" | "Hidden" | "VeryHidden") {
    this.write("visibility", value, () => {
      // Sheet visibility is among the APIs Excel cannot undo ("Undo capabilities").
      this.context.state.undoUnsupported(!!this.context.options.mergeUndoGroup);
      const sheet = this.resolve<SheetState>();
      if (
        value !== "Visible" &&
        this.context.state.visibleSheets().filter((s) => s !== sheet).length === 0
      )
        throw new FakeError("InvalidOperation", "A workbook must keep one visible sheet.");
      sheet.visibility = value;
    });
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this.context, () => {
      const sheet = this.resolve<SheetState>();
      if (address === undefined || address === "")
        return { sheet, rect: { top: 0, left: 0, bottom: MAX_ROWS - 1, right: MAX_COLUMNS - 1 } };
      const ref = parseRef(address);
      if (ref.sheet !== undefined && ref.sheet !== sheet.name)
        throw new FakeError("InvalidArgument", "The address names another sheet.");
      return { sheet, rect: ref.rect };
    });
  }
  getRangeByIndexes(
    row: number,
    column: number,
    rowCount: number,
    columnCount: number
  ): RangeProxy {
    return new RangeProxy(this.context, () => {
      if (rowCount < 1 || columnCount < 1 || row < 0 || column < 0)
        throw new FakeError("InvalidArgument", "The argument is invalid or missing.");
      return {
        sheet: this.resolve<SheetState>(),
        rect: {
          top: row,
          left: column,
          bottom: row + rowCount - 1,
          right: column + columnCount - 1,
        },
      };
    });
  }
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const sheet = this.resolve<SheetState>();
        const rect = valuesOnly ? sheet.usedRect() : sheet.usedRect();
        return rect ? { sheet, rect } : null;
      },
      true
    );
  }
  /** Deletes the sheet (its tables go with it); a workbook keeps one visible sheet. */
  delete(): void {
    this.call(null, () => {
      const state = this.context.state;
      const sheet = this.resolve<SheetState>();
      if (
        sheet.visibility === "Visible" &&
        state.visibleSheets().filter((other) => other !== sheet).length === 0
      )
        throw new FakeError("InvalidOperation", "A workbook must keep one visible sheet.");
      state.sheets.splice(state.sheets.indexOf(sheet), 1);
      for (let i = state.tables.length - 1; i >= 0; i--)
        if (state.tables[i]!.sheetId === sheet.id) state.tables.splice(i, 1);
      if (state.activeSheetId === sheet.id) {
        const next = state.visibleSheets()[0]!;
        state.activeSheetId = next.id;
        state.selection = { sheetId: next.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
      }
    });
  }
  activate(): void {
    this.call(
      null,
      () => {
        this.context.state.activeSheetId = this.resolve<SheetState>().id;
      },
      "read"
    );
  }
}

interface RangeTarget {
  sheet: SheetState;
  rect: Rect;
}

export class RangeProxy extends ClientObject {
  private pinned: RangeTarget | null | undefined;
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;

  constructor(
    context: FakeContext,
    private readonly locate: () => RangeTarget | null,
    orNull = false
  ) {
    super(context, orNull);
    const target = () => this.resolve<RangeTarget>();
    this.format = new RangeFormatProxy(context, target);
    this.dataValidation = new DataValidationProxy(context, target);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(context, target);
  }
  protected override get onRange() {
    return true;
  }
  protected resolveOrNull(): RangeTarget | null {
    if (this.pinned === undefined) this.pinned = this.locate();
    return this.pinned;
  }
  protected override children() {
    return { format: this.format };
  }
  protected override scalars() {
    const t = () => this.resolve<RangeTarget>();
    const cells = () => {
      const { rows, columns } = rectSize(t().rect);
      if (rows * columns > CELL_LIMIT)
        throw new FakeError("RangeExceedsLimit", "The range has more cells than Excel allows.");
    };
    const grid = <T>(cell: (row: number, column: number) => T): T[][] => {
      cells();
      const { sheet, rect } = t();
      const out: T[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const line: T[] = [];
        for (let c = rect.left; c <= rect.right; c++) line.push(cell.call(sheet, r, c));
        out.push(line);
      }
      return out;
    };
    return {
      values: () => grid((r, c) => t().sheet.value(r, c)),
      numberFormat: () => grid((r, c) => t().sheet.numberFormatAt(r, c)),
      formulas: () =>
        grid((r, c) => {
          const cell = t().sheet.cell(r, c);
          return cell?.formula ?? cell?.value ?? "";
        }),
      address: () => formatRef(t().sheet.name, t().rect),
      rowIndex: () => t().rect.top,
      columnIndex: () => t().rect.left,
      rowCount: () => rectSize(t().rect).rows,
      columnCount: () => rectSize(t().rect).columns,
      // As Excel answers: true when every row is hidden, false when none is, null when some are.
      rowHidden: () => {
        const { sheet, rect } = t();
        let hidden = 0;
        for (let r = rect.top; r <= rect.bottom; r++) if (sheet.hiddenRows.has(r)) hidden++;
        return hidden === 0 ? false : hidden === rectSize(rect).rows ? true : null;
      },
    };
  }
  get rowHidden(): boolean {
    return this.read("rowHidden");
  }
  set rowHidden(hidden: boolean) {
    this.write("rowHidden", hidden, () => {
      const { sheet, rect } = this.resolve<RangeTarget>();
      for (let r = rect.top; r <= rect.bottom; r++) {
        if (hidden) sheet.hiddenRows.add(r);
        else sheet.hiddenRows.delete(r);
      }
    });
  }
  get values(): unknown[][] {
    return this.read("values");
  }
  set values(value: unknown[][]) {
    this.write("values", value, () => {
      const { sheet, rect } = this.resolve<RangeTarget>();
      this.context.state.beforeWrite(sheet, rect);
      eachCell(rect, value, "values", (r, c, v) => {
        sheet.enter(r, c, v);
        this.calculate(sheet, r, c);
      });
      this.context.state.noteWrite(sheet, rect);
    });
  }
  set formulas(value: unknown[][]) {
    this.values = value;
  }
  /** A formula written is calculated at once (with the functions the fake knows). */
  private calculate(sheet: SheetState, row: number, column: number): void {
    const cell = sheet.cell(row, column);
    if (!cell?.formula) return;
    let value: string | number | boolean;
    try {
      value = evaluate(cell.formula, {
        sheet,
        row,
        column,
        anchorRow: row,
        anchorColumn: column,
        sheetNamed: (name) => this.context.state.sheetNamed(name),
        locale: this.context.state.locale,
      });
    } catch {
      value = "#NAME?";
    }
    sheet.put(row, column, { ...cell, value });
  }
  /** Copies cells here (Paste, or Paste Special with copyType), as a paste from the user would. */
  copyFrom(source: RangeProxy | string, copyType: "All" | "Values" | "Formats" = "All"): void {
    this.call([typeof source === "string" ? source : null, copyType], () => {
      const { sheet, rect: at } = this.resolve<RangeTarget>();
      const from =
        typeof source === "string"
          ? (() => {
              const ref = parseRef(source);
              return {
                sheet: ref.sheet ? this.context.state.sheetNamed(ref.sheet) : sheet,
                rect: ref.rect,
              };
            })()
          : source.resolve<RangeTarget>();
      const { rows, columns } = rectSize(from.rect);
      const rect = {
        top: at.top,
        left: at.left,
        bottom: at.top + rows - 1,
        right: at.left + columns - 1,
      };
      this.context.state.beforeWrite(sheet, rect);
      const copies: [number, number, CellState][] = [];
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < columns; c++)
          copies.push([
            r,
            c,
            from.sheet.cell(from.rect.top + r, from.rect.left + c) ?? { value: "" },
          ]);
      for (const [r, c, cell] of copies) {
        const target = sheet.cell(rect.top + r, rect.left + c) ?? { value: "" };
        const next = { ...target };
        if (copyType !== "Formats") {
          next.value = cell.value;
          if (cell.formula) next.formula = cell.formula;
          else delete next.formula;
        }
        if (copyType !== "Values")
          next.numberFormat = from.sheet.numberFormatAt(from.rect.top + r, from.rect.left + c);
        sheet.put(rect.top + r, rect.left + c, next);
      }
      if (copyType !== "Values") {
        // The source's formats come with the cells: our drop-downs and rules leave them.
        sheet.clearValidation(rect);
        for (let i = sheet.conditionalFormats.length - 1; i >= 0; i--) {
          const format = sheet.conditionalFormats[i]!;
          format.areas = format.areas.flatMap((area) => subtract(area, rect));
          if (format.areas.length === 0) sheet.conditionalFormats.splice(i, 1);
        }
      }
      this.context.state.noteWrite(sheet, rect);
    });
  }
  /** Data → Sort on this range by one of its columns: Excel raises onRowSorted for it. */
  get sort() {
    return {
      apply: (fields: { key: number; ascending?: boolean }[]) =>
        this.call(fields, () => {
          const { sheet, rect } = this.resolve<RangeTarget>();
          const [field] = fields;
          if (!field) throw new FakeError("InvalidArgument", "A sort needs a field.");
          sheet.sortRows(rect, rect.left + field.key, field.ascending !== false);
          this.context.state.noteEvent(sheet, "rowSorted", {
            address: localAddress(rect),
            source: "Local",
            type: "WorksheetRowSorted",
            worksheetId: sheet.id,
          });
        }),
    };
  }
  /** Inserts cells the size of this range; whole rows or columns as Excel does for them. */
  insert(shift: "Down" | "Right"): void {
    this.call(shift, () => this.shiftCells(shift, 1));
  }
  delete(shift: "Up" | "Left"): void {
    this.call(shift, () => this.shiftCells(shift, -1));
  }
  private shiftCells(shift: string, sign: 1 | -1): void {
    const { sheet, rect } = this.resolve<RangeTarget>();
    const state = this.context.state;
    const { rows, columns } = rectSize(rect);
    const wholeRows = rect.left === 0 && rect.right === MAX_COLUMNS - 1;
    const wholeColumns = rect.top === 0 && rect.bottom === MAX_ROWS - 1;
    let changeType: string;
    let address = localAddress(rect);
    if (wholeColumns) {
      state.shiftForColumns(sheet, rect.left, sign * columns);
      changeType = sign > 0 ? "ColumnInserted" : "ColumnDeleted";
      address = address.replace(/\d+/g, "");
    } else if (wholeRows) {
      if (sign > 0) state.shiftForInsertedRows(sheet, rect.top, rows);
      else state.shiftForDeletedRows(sheet, rect.top, rows);
      changeType = sign > 0 ? "RowInserted" : "RowDeleted";
      address = `${rect.top + 1}:${rect.bottom + 1}`;
    } else {
      throw new Error(`the fake inserts and deletes whole rows or columns only, not ${shift}`);
    }
    state.noteEvent(
      sheet,
      "changed",
      changedArgs(sheet, rect, changeType, "ThisLocalAddin", address)
    );
  }
  get numberFormat(): unknown[][] {
    return this.read("numberFormat");
  }
  set numberFormat(value: unknown[][]) {
    this.write("numberFormat", value, () => {
      const { sheet, rect } = this.resolve<RangeTarget>();
      if (rectSize(rect).rows <= 100_000) this.context.state.beforeWrite(sheet, rect);
      if (!Array.isArray(value)) {
        sheet.setNumberFormat(rect, String(value));
        return;
      }
      eachCell(rect, value, "numberFormat", (r, c, v) =>
        sheet.put(r, c, { ...(sheet.cell(r, c) ?? { value: "" }), numberFormat: String(v) })
      );
    });
  }
  set hyperlink(link: { address?: string; textToDisplay?: string }) {
    this.write("hyperlink", link, () => {
      const { sheet, rect } = this.resolve<RangeTarget>();
      if (rect.top !== rect.bottom || rect.left !== rect.right)
        throw new FakeError("InvalidArgument", "A hyperlink goes on a single cell.");
      this.context.state.beforeWrite(sheet, rect);
      const cell = sheet.cell(rect.top, rect.left) ?? { value: "" };
      const value = link.textToDisplay ?? cell.value;
      sheet.put(rect.top, rect.left, { ...cell, value, hyperlink: link });
    });
  }
  get formulas(): unknown[][] {
    return this.read("formulas");
  }
  get address(): string {
    return this.read("address");
  }
  get rowIndex(): number {
    return this.read("rowIndex");
  }
  get columnIndex(): number {
    return this.read("columnIndex");
  }
  get rowCount(): number {
    return this.read("rowCount");
  }
  get columnCount(): number {
    return this.read("columnCount");
  }
  getCell(row: number, column: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, rect } = this.resolve<RangeTarget>();
      const r = rect.top + row;
      const c = rect.left + column;
      return { sheet, rect: { top: r, left: c, bottom: r, right: c } };
    });
  }
  getResizedRange(deltaRows: number, deltaColumns: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, rect } = this.resolve<RangeTarget>();
      const next = { ...rect, bottom: rect.bottom + deltaRows, right: rect.right + deltaColumns };
      if (next.bottom < next.top || next.right < next.left)
        throw new FakeError("InvalidArgument", "The argument is invalid or missing.");
      return { sheet, rect: next };
    });
  }
  /** The `count` rows right below this range, as wide as it (resolved when the batch runs). */
  getRowsBelow(count = 1): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, rect } = this.resolve<RangeTarget>();
      if (count < 1 || rect.bottom + count >= MAX_ROWS)
        throw new FakeError("InvalidArgument", "The argument is invalid or missing.");
      return { sheet, rect: { ...rect, top: rect.bottom + 1, bottom: rect.bottom + count } };
    });
  }
  /** The used part of this range; ItemNotFound when it has none. */
  getUsedRange(valuesOnly = false): RangeProxy {
    const used = this.getUsedRangeOrNullObject(valuesOnly);
    return new RangeProxy(this.context, () => {
      const target = used.resolveOrNullPublic();
      if (!target) throw new FakeError("ItemNotFound", "The range has no used cells.");
      return target;
    });
  }
  /** The range with its top-left cell kept and its size set (ExcelApi 1.7). */
  getAbsoluteResizedRange(rows: number, columns: number): RangeProxy {
    return new RangeProxy(this.context, () => {
      const { sheet, rect } = this.resolve<RangeTarget>();
      if (rows < 1 || columns < 1)
        throw new FakeError("InvalidArgument", "The argument is invalid or missing.");
      return {
        sheet,
        rect: { ...rect, bottom: rect.top + rows - 1, right: rect.left + columns - 1 },
      };
    });
  }
  /** The resolved target, or null (for ranges built on this one). */
  resolveOrNullPublic(): RangeTarget | null {
    return this.resolveOrNull();
  }
  /** The used part of this range (its non-empty values); a null object when it has none. */
  getUsedRangeOrNullObject(valuesOnly = false): RangeProxy {
    void valuesOnly;
    return new RangeProxy(
      this.context,
      () => {
        const { sheet, rect } = this.resolve<RangeTarget>();
        const used = sheet.usedRect();
        const common = used && intersect(used, rect);
        if (!common) return null;
        // The used cells inside this range: shrink to the non-empty ones it holds.
        let box: Rect | undefined;
        for (const [key, state] of sheet.cells) {
          if (state.value === "" && !state.formula) continue;
          const row = Math.floor(key / MAX_COLUMNS);
          const column = key % MAX_COLUMNS;
          if (!contains(common, row, column)) continue;
          box = box
            ? {
                top: Math.min(box.top, row),
                left: Math.min(box.left, column),
                bottom: Math.max(box.bottom, row),
                right: Math.max(box.right, column),
              }
            : { top: row, left: column, bottom: row, right: column };
        }
        return box ? { sheet, rect: box } : null;
      },
      true
    );
  }
  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const { sheet, rect } = this.resolve<RangeTarget>();
        const otherRect =
          typeof other === "string" ? parseRef(other).rect : other.resolve<RangeTarget>().rect;
        if (typeof other !== "string" && other.resolve<RangeTarget>().sheet !== sheet)
          throw new FakeError("InvalidArgument", "The ranges are on different sheets.");
        const common = intersect(rect, otherRect);
        return common ? { sheet, rect: common } : null;
      },
      true
    );
  }
  clear(applyTo: "All" | "Formats" | "Contents" | "Hyperlinks" = "All"): void {
    this.call(applyTo, () => {
      const { sheet, rect } = this.resolve<RangeTarget>();
      this.context.state.beforeWrite(sheet, rect);
      for (const [key, state] of [...sheet.cells]) {
        const row = Math.floor(key / MAX_COLUMNS);
        const column = key % MAX_COLUMNS;
        if (row < rect.top || row > rect.bottom || column < rect.left || column > rect.right)
          continue;
        const next = { ...state };
        if (applyTo === "Hyperlinks") {
          delete next.hyperlink;
          sheet.put(row, column, next);
          continue;
        }
        if (applyTo !== "Formats") {
          next.value = "";
          delete next.formula;
        }
        if (applyTo !== "Contents") {
          delete next.numberFormat;
          delete next.fill;
        }
        sheet.put(row, column, next);
      }
      this.context.state.noteWrite(sheet, rect);
    });
  }
  select(): void {
    this.call(
      null,
      () => {
        const { sheet, rect } = this.resolve<RangeTarget>();
        if (sheet.visibility !== "Visible")
          throw new FakeError("InvalidOperation", "A hidden sheet cannot be selected.");
        this.context.state.activeSheetId = sheet.id;
        this.context.state.selection = { sheetId: sheet.id, rect };
      },
      "read"
    );
  }
}

/** Applies a 2-D array (which must match the range) or one value to every cell. */
function eachCell(
  rect: Rect,
  value: unknown,
  what: string,
  apply: (row: number, column: number, cell: unknown) => void
): void {
  const { rows, columns } = rectSize(rect);
  if (rows * columns > CELL_LIMIT)
    throw new FakeError("RangeExceedsLimit", "The range has more cells than Excel allows.");
  if (!Array.isArray(value)) {
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < columns; c++) apply(rect.top + r, rect.left + c, value);
    return;
  }
  if (
    value.length !== rows ||
    value.some((line) => !Array.isArray(line) || line.length !== columns)
  )
    throw new FakeError(
      "InvalidArgument",
      `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${what}).`
    );
  for (let r = 0; r < rows; r++)
    for (let c = 0; c < columns; c++)
      apply(rect.top + r, rect.left + c, (value[r] as unknown[])[c]);
}

/** A part of a range (its format, validation, conditional formats): resolves through it. */
abstract class RangePartProxy extends ClientObject {
  constructor(
    context: FakeContext,
    protected readonly target: () => RangeTarget
  ) {
    super(context);
  }
  protected override get onRange() {
    return true;
  }
  protected resolveOrNull() {
    return this.target();
  }
}

class RangeFormatProxy extends RangePartProxy {
  protected override scalars() {
    return {
      columnWidth: () => {
        const { sheet, rect } = this.target();
        return sheet.columnWidths.get(rect.left) ?? 48;
      },
    };
  }
  get columnWidth(): number {
    return this.read("columnWidth");
  }
  set columnWidth(points: number) {
    this.write("columnWidth", points, () => {
      const { sheet, rect } = this.target();
      for (let c = rect.left; c <= rect.right; c++) sheet.columnWidths.set(c, points);
    });
  }
}

const PROMPT_TITLE_MAX = 32;
const PROMPT_MESSAGE_MAX = 255;

class DataValidationProxy extends RangePartProxy {
  protected override scalars() {
    return {
      // "None", the rule's kind when every cell has the same rule, else "Inconsistent".
      type: () => {
        const { sheet, rect } = this.target();
        const { rows, columns } = rectSize(rect);
        let covered = 0;
        const rules = new Set<string>();
        for (const entry of sheet.validations) {
          const common = intersect(entry.rect, rect);
          if (!common) continue;
          const size = rectSize(common);
          covered += size.rows * size.columns;
          rules.add(JSON.stringify(entry.rule ?? null));
        }
        if (covered === 0) return "None";
        if (covered < rows * columns || rules.size > 1) return "Inconsistent";
        const rule = JSON.parse([...rules][0]!) as Record<string, unknown> | null;
        if (!rule) return "None";
        return rule.list ? "List" : rule.custom ? "Custom" : "Inconsistent";
      },
    };
  }
  get type(): string {
    return this.read("type");
  }
  private entry(): { sheet: SheetState; entry: import("./workbook").DataValidationState } {
    const { sheet, rect } = this.target();
    let entry = sheet.validations.find(
      (v) =>
        v.rect.top === rect.top &&
        v.rect.left === rect.left &&
        v.rect.bottom === rect.bottom &&
        v.rect.right === rect.right
    );
    if (!entry) {
      sheet.clearValidation(rect);
      entry = { rect };
      sheet.validations.push(entry);
    }
    return { sheet, entry };
  }
  clear(): void {
    this.call(null, () => {
      const { sheet, rect } = this.target();
      sheet.clearValidation(rect);
    });
  }
  set rule(rule: Record<string, unknown>) {
    this.write("rule", rule, () => {
      const list = rule.list as { source?: string } | undefined;
      if (list && typeof list.source === "string" && list.source.startsWith("=")) {
        // A reference must point at cells that exist.
        const ref = parseRef(list.source.slice(1));
        if (ref.sheet) this.context.state.sheetNamed(ref.sheet);
      }
      this.entry().entry.rule = rule;
    });
  }
  set prompt(prompt: { showPrompt?: boolean; title?: string; message?: string }) {
    this.write("prompt", prompt, () => {
      if (
        (prompt.title?.length ?? 0) > PROMPT_TITLE_MAX ||
        (prompt.message?.length ?? 0) > PROMPT_MESSAGE_MAX
      )
        throw new FakeError("InvalidArgument", "The prompt's title or message is too long.");
      this.entry().entry.prompt = prompt;
    });
  }
  set errorAlert(alert: { showAlert?: boolean; style?: string; title?: string; message?: string }) {
    this.write("errorAlert", alert, () => {
      this.entry().entry.errorAlert = alert;
    });
  }
}

class ConditionalFormatCollectionProxy extends RangePartProxy {
  private itemsLoaded: ConditionalFormatProxy[] | undefined;
  /** The rules that apply to any cell of the range, in priority order. */
  private formats(): ConditionalFormatState[] {
    const { sheet, rect } = this.target();
    return sheet.conditionalFormats.filter((format) =>
      format.areas.some((area) => intersect(area, rect))
    );
  }
  get items(): ConditionalFormatProxy[] {
    if (!this.itemsLoaded) throw notLoaded("items");
    return this.itemsLoaded;
  }
  override load(spec?: string | string[]): this {
    const names = (typeof spec === "string" ? spec.split(",") : (spec ?? [])).map((s) =>
      s.trim().replace(/^items\//, "")
    );
    this.context.enqueue(
      () => {
        const { sheet } = this.target();
        this.itemsLoaded = this.formats().map(
          (format) => new ConditionalFormatProxy(this.context, sheet, format)
        );
        let bytes = 0;
        for (const item of this.itemsLoaded) bytes += item.loadNow(names);
        return bytes;
      },
      0,
      true
    );
    return this;
  }
  add(type: string) {
    const state: ConditionalFormatState = {
      id: "",
      areas: [],
      anchor: { row: 0, column: 0 },
      type,
    };
    this.call(type, () => {
      const { sheet, rect } = this.target();
      state.id = `{cf-${this.context.state.newId()}}`;
      state.areas = [rect];
      state.anchor = { row: rect.top, column: rect.left };
      // A new rule goes first, as Excel gives it the highest priority.
      sheet.conditionalFormats.unshift(state);
    });
    const enqueue = (apply: () => void, value: unknown) =>
      this.context.enqueue(apply, sizeOf(value), true, "write");
    if (type !== "Custom")
      throw new Error(`the fake only knows custom conditional formats, not ${type}`);
    return {
      custom: {
        rule: {
          set formula(formula: string) {
            enqueue(() => (state.formula = formula), formula);
          },
        },
        format: {
          fill: {
            set color(color: string) {
              enqueue(() => (state.fill = color), color);
            },
          },
          font: {
            set color(color: string) {
              enqueue(() => (state.fontColor = color), color);
            },
          },
        },
      },
    };
  }
}

/**
 * One conditional format of a collection. As in Excel, `custom` can only be loaded on a custom
 * rule (loading it across a collection that holds other kinds fails, office-js #2180), and a
 * rule split over several areas has no single range.
 */
class ConditionalFormatProxy extends ClientObject {
  readonly custom: { rule: { formula: string; load: (what: string) => void } };
  private formula: string | undefined;
  private formulaLoaded = false;
  constructor(
    context: FakeContext,
    private readonly sheet: SheetState,
    private readonly state: ConditionalFormatState
  ) {
    super(context);
    const self = this;
    this.custom = {
      rule: {
        get formula(): string {
          if (!self.formulaLoaded) throw notLoaded("formula");
          return self.formula ?? "";
        },
        set formula(_value: string) {
          throw new Error("the fake does not change a rule's formula");
        },
        load: () => {
          self.context.enqueue(() => self.loadFormula());
        },
      },
    };
  }
  protected resolveOrNull() {
    return this.sheet.conditionalFormats.includes(this.state) ? this.state : null;
  }
  protected override scalars() {
    return {
      id: () => this.resolve<ConditionalFormatState>().id,
      type: () => this.resolve<ConditionalFormatState>().type,
      priority: () => this.sheet.conditionalFormats.indexOf(this.resolve()),
    };
  }
  private loadFormula(): number {
    const state = this.resolve<ConditionalFormatState>();
    if (state.type !== "Custom")
      throw new FakeError(
        "InvalidOperation",
        "This operation is not permitted for the current object."
      );
    this.formula = state.formula;
    this.formulaLoaded = true;
    return sizeOf(state.formula);
  }
  /** Loads at once (items created while a batch runs); returns the bytes of the answer. */
  loadNow(names: string[]): number {
    let bytes = 0;
    for (const name of names) {
      if (name === "custom/rule/formula") {
        bytes += this.loadFormula();
        continue;
      }
      const getter = (this.scalars() as Record<string, () => unknown>)[name];
      if (!getter) throw new Error(`the fake cannot load ${name} on a conditional format`);
      const value = getter();
      bytes += sizeOf(value);
      this.store(name, value);
    }
    return bytes;
  }
  get id(): string {
    return this.read("id");
  }
  get type(): string {
    return this.read("type");
  }
  get priority(): number {
    return this.read("priority");
  }
  getRangeOrNullObject(): RangeProxy {
    return new RangeProxy(
      this.context,
      () => {
        const state = this.resolve<ConditionalFormatState>();
        return state.areas.length === 1 ? { sheet: this.sheet, rect: state.areas[0]! } : null;
      },
      true
    );
  }
  delete(): void {
    this.call(null, () => {
      const list = this.sheet.conditionalFormats;
      const at = list.indexOf(this.resolve());
      if (at >= 0) list.splice(at, 1);
    });
  }
}

/** The cells of a rule once `hole` no longer belongs to it. */
export function withoutArea(format: ConditionalFormatState, hole: Rect): Rect[] {
  return format.areas.flatMap((area) => subtract(area, hole));
}

export class TableCollectionProxy extends ClientObject {
  constructor(
    context: FakeContext,
    private readonly sheet: (() => SheetState) | undefined
  ) {
    super(context);
  }
  protected resolveOrNull() {
    return this.context.state.tables;
  }
  add(address: string, hasHeaders: boolean): TableProxy {
    let created: TableState | undefined;
    this.call([address, hasHeaders], () => {
      const ref = parseRef(address);
      const sheet = ref.sheet ? this.context.state.sheetNamed(ref.sheet) : this.sheet?.();
      if (!sheet) throw new FakeError("InvalidArgument", "The table's address needs a sheet.");
      if (!hasHeaders) throw new Error("the fake only makes tables with headers");
      created = this.context.state.addTable(sheet, ref.rect);
    });
    return new TableProxy(this.context, () => created ?? null);
  }
  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(this.context, () => this.context.state.findTable(name) ?? null, true);
  }
  getItem(name: string): TableProxy {
    return new TableProxy(this.context, () => {
      const table = this.context.state.findTable(name);
      if (!table) throw new FakeError("ItemNotFound", `The table ${name} doesn't exist.`);
      return table;
    });
  }
}

export class TableProxy extends ClientObject {
  private pinned: TableState | null | undefined;
  readonly columns: { add: (index?: number, values?: unknown, name?: string) => void };
  readonly rows: { add: (index?: number, values?: unknown[][]) => void };
  constructor(
    context: FakeContext,
    private readonly locate: () => TableState | null,
    orNull = false
  ) {
    super(context, orNull);
    this.rows = {
      // Appends rows under the data (above a total row), as the add-in asks for them.
      add: (index, values) =>
        this.call([index, values], () => {
          if (index !== undefined || !values?.length)
            throw new Error("the fake only appends rows with values");
          const table = this.resolve<TableState>();
          const sheet = this.context.state.sheetById(table.sheetId);
          const at = table.rect.bottom + 1 - (table.showTotals ? 1 : 0);
          this.context.state.shiftForInsertedRows(sheet, at, values.length);
          // Rows inserted above a total row grow the table already; under the data, they join it.
          if (!table.showTotals) table.rect.bottom += values.length;
          const rect = {
            top: at,
            left: table.rect.left,
            bottom: at + values.length - 1,
            right: table.rect.right,
          };
          eachCell(rect, values, "values", (r, c, v) => sheet.enter(r, c, v));
          this.context.state.noteWrite(sheet, rect);
        }),
    };
    this.columns = {
      // Adds a column at the table's right edge, named `name` (what the add-in needs).
      add: (index, values, name) =>
        this.call([index, values, name], () => {
          if (index !== undefined || values !== undefined)
            throw new Error("the fake only adds a named column at the end");
          const table = this.resolve<TableState>();
          const sheet = this.context.state.sheetById(table.sheetId);
          const column = table.rect.right + 1;
          for (let r = table.rect.top; r <= table.rect.bottom; r++)
            if (sheet.value(r, column) !== "")
              throw new FakeError(
                "InvalidOperation",
                "The cells right of the table are not empty."
              );
          table.rect.right = column;
          sheet.put(table.rect.top, column, {
            value: name ?? `Column${column - table.rect.left + 1}`,
          });
        }),
    };
  }
  protected resolveOrNull(): TableState | null {
    if (this.pinned === undefined) this.pinned = this.locate();
    return this.pinned;
  }
  protected override scalars() {
    const table = () => this.resolve<TableState>();
    return {
      name: () => table().name,
      id: () => table().id,
      style: () => table().style,
      showTotals: () => table().showTotals ?? false,
    };
  }
  get showTotals(): boolean {
    return this.read("showTotals");
  }
  /** Shows the total row under the data ("Total" in the first column), or hides it. */
  set showTotals(value: boolean) {
    this.write("showTotals", value, () => {
      const table = this.resolve<TableState>();
      const sheet = this.context.state.sheetById(table.sheetId);
      const row = value ? table.rect.bottom + 1 : table.rect.bottom;
      showTableTotals(sheet, table, value);
      this.context.state.noteWrite(sheet, { ...table.rect, top: row, bottom: row });
    });
  }
  /** Makes the table cover `address` (same header row), as Table Design → Resize does. */
  resize(target: RangeProxy | string): void {
    this.call(typeof target === "string" ? target : null, () => {
      const table = this.resolve<TableState>();
      const rect =
        typeof target === "string" ? parseRef(target).rect : target.resolveOrNullPublic()?.rect;
      if (!rect) throw new FakeError("InvalidArgument", "The range does not exist.");
      if (rect.top !== table.rect.top || rect.bottom <= rect.top)
        throw new FakeError("InvalidArgument", "The new range must keep the header row.");
      table.rect = rect;
    });
  }
  get name(): string {
    return this.read("name");
  }
  set name(value: string) {
    this.write("name", value, () => this.context.state.renameTable(this.resolve(), value));
  }
  set style(value: string) {
    this.write("style", value, () => (this.resolve<TableState>().style = value));
  }
  get worksheet(): WorksheetProxy {
    return new WorksheetProxy(this.context, () =>
      this.context.state.sheetById(this.resolve<TableState>().sheetId)
    );
  }
  private part(pick: (rect: Rect) => Rect | null): RangeProxy {
    return new RangeProxy(this.context, () => {
      const table = this.resolve<TableState>();
      const rect = pick(table.rect);
      if (!rect) throw new FakeError("ItemNotFound", "The table has no data rows.");
      return { sheet: this.context.state.sheetById(table.sheetId), rect };
    });
  }
  getRange(): RangeProxy {
    return this.part((rect) => rect);
  }
  getHeaderRowRange(): RangeProxy {
    return this.part((rect) => ({ ...rect, bottom: rect.top }));
  }
  getDataBodyRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const table = this.resolve<TableState>();
      const bottom = table.rect.bottom - (table.showTotals ? 1 : 0);
      return {
        sheet: this.context.state.sheetById(table.sheetId),
        rect: { ...table.rect, top: table.rect.top + 1, bottom },
      };
    });
  }
  getTotalRowRange(): RangeProxy {
    return new RangeProxy(this.context, () => {
      const table = this.resolve<TableState>();
      if (!table.showTotals) throw new FakeError("ItemNotFound", "The table has no total row.");
      return {
        sheet: this.context.state.sheetById(table.sheetId),
        rect: { ...table.rect, top: table.rect.bottom },
      };
    });
  }
}

export class SettingCollectionProxy extends ClientObject {
  protected resolveOrNull() {
    return this.context.state.settings;
  }
  add(key: string, value: unknown): SettingProxy {
    this.call([key, value], () => {
      // Settings are stored as JSON: what cannot round-trip is refused.
      this.context.state.settings.set(key, JSON.parse(JSON.stringify(value)));
    });
    return new SettingProxy(this.context, key, false);
  }
  getItemOrNullObject(key: string): SettingProxy {
    return new SettingProxy(this.context, key, true);
  }
}

export class SettingProxy extends ClientObject {
  constructor(
    context: FakeContext,
    private readonly key: string,
    orNull: boolean
  ) {
    super(context, orNull);
  }
  protected resolveOrNull() {
    return this.context.state.settings.has(this.key) ? { key: this.key } : null;
  }
  protected override scalars() {
    return {
      key: () => this.key,
      value: () => this.context.state.settings.get(this.key),
    };
  }
  get value(): unknown {
    return this.read("value");
  }
  delete(): void {
    this.call(this.key, () => this.context.state.settings.delete(this.key));
  }
}

export { quoteSheet };

/** The total row: added under the data (the row there must be free) or removed. */
export function showTableTotals(sheet: SheetState, table: TableState, show: boolean): void {
  if (!!table.showTotals === show) return;
  const { rect } = table;
  if (show) {
    const row = rect.bottom + 1;
    for (let c = rect.left; c <= rect.right; c++)
      if (sheet.value(row, c) !== "")
        throw new FakeError("InvalidOperation", "The row under the table is not empty.");
    rect.bottom = row;
    sheet.put(row, rect.left, { value: "Total" });
    sheet.put(row, rect.right, { value: rect.bottom - rect.top - 1, formula: "=SUBTOTAL(103,…)" });
  } else {
    for (let c = rect.left; c <= rect.right; c++) sheet.put(rect.bottom, c, { value: "" });
    rect.bottom -= 1;
  }
  table.showTotals = show;
}

/** What a response carries: a JSON copy, never a live reference into the workbook. */
function copyOf<T>(value: T): T {
  return value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T);
}
