import { columnName, contains, intersect, MAX_COLUMNS, rectSize, shiftRect, type Rect } from "./a1";
import { tick } from "./a1";
import type { FakeLocale } from "./locale";
import { FakeError, SheetState, type CellState, type TableState } from "./workbook";

type Handler = (args: unknown) => Promise<unknown>;
export type HandlerKind = "changed" | "selectionChanged" | "rowSorted" | "columnSorted";

/**
 * How Excel treats the user's undo stack when an add-in writes: before ExcelApi 1.20 most API
 * writes clear it; from 1.20 each sync (or each merged `Excel.run`) is an undo record of its own.
 */
export type UndoModel = "clearedByApi" | "recordPerSync";

/** One step of the user's undo stack: the cells as they were before it. */
export interface UndoRecord {
  label: string;
  /** Snapshots in the order they were taken; restored in reverse. */
  snapshots: { sheet: SheetState; rect: Rect; cells: Map<number, CellState> }[];
  /** Structural changes (rows, columns, sorts) the fake records but cannot undo. */
  restorable: boolean;
  /** The Excel.run whose syncs are merged into this record, if any. */
  mergeKey?: object;
}

export interface Counters {
  syncs: number;
  operations: number;
  rangeOperations: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Syncs Excel refused for their size. */
  refusedPayloads: number;
  /** Operations that change a range (values, formats, validation, rules), not reads. */
  rangeWrites: number;
  /**
   * Milliseconds spent doing Excel's part of the syncs (running their operations, copying
   * their answers): native work in Excel, left out when the bench times the add-in's own.
   */
  excelMillis: number;
}

export function zeroCounters(): Counters {
  return {
    syncs: 0,
    operations: 0,
    rangeOperations: 0,
    rangeWrites: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    refusedPayloads: 0,
    excelMillis: 0,
  };
}

/** Everything a workbook holds, plus the event handlers that add-ins registered on it. */
export class WorkbookState {
  readonly sheets: SheetState[] = [];
  readonly tables: TableState[] = [];
  readonly settings = new Map<string, unknown>();
  activeSheetId: string;
  selection: { sheetId: string; rect: Rect };
  counters: Counters = zeroCounters();
  /** How the cells turn typed text into values and formulas turn values into text. */
  locale: FakeLocale = "en-US";
  /** The highest ExcelApi set this Excel supports (an Excel before 1.20 by default). */
  apiVersion = "1.19";
  undoModel: UndoModel = "clearedByApi";
  readonly undoStack: UndoRecord[] = [];
  /** AutoCorrect's "Include new rows and columns in table" (on by default). */
  autoExpandTables = true;
  /** What the user does while the next request is on its way (run before it reaches Excel). */
  readonly duringNextSync: (() => void)[] = [];
  /** Error codes the next syncs fail with (Excel busy, a lost connection): for tests. */
  readonly failures: string[] = [];
  /** The user is typing in a cell: batches fail, or wait when they asked to. */
  private editing: { done: Promise<void>; end: () => void } | undefined;
  private nextId = 1;
  private readonly handlers = new Map<string, Set<Handler>>();
  private writes: { sheet: SheetState; rect: Rect }[] | undefined;
  /** Events the running batch raises besides its cell writes (sorts, inserted columns). */
  private events: { sheet: SheetState; kind: HandlerKind; args: unknown }[] = [];
  /** The undo record the running sync adds to (recordPerSync), if it writes cells. */
  private recording: UndoRecord | undefined;
  /** Handler runs not yet finished: tests wait for them before looking. */
  readonly inflight = new Set<Promise<unknown>>();

  constructor(firstSheet = "Sheet1") {
    const sheet = this.addSheet(firstSheet);
    this.activeSheetId = sheet.id;
    this.selection = { sheetId: sheet.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
  }

  findSheet(name: string): SheetState | undefined {
    const lower = name.toLowerCase();
    return this.sheets.find((sheet) => sheet.name.toLowerCase() === lower);
  }

  sheetNamed(name: string): SheetState {
    const sheet = this.findSheet(name);
    if (!sheet) throw new FakeError("ItemNotFound", `The sheet ${name} doesn't exist.`);
    return sheet;
  }

  sheetById(id: string): SheetState {
    const sheet = this.sheets.find((candidate) => candidate.id === id);
    if (!sheet) throw new FakeError("ItemNotFound", "The sheet doesn't exist.");
    return sheet;
  }

  visibleSheets(): SheetState[] {
    return this.sheets.filter((sheet) => sheet.visibility === "Visible");
  }

  addSheet(name?: string): SheetState {
    let chosen = name;
    if (chosen === undefined) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`)) n++;
      chosen = `Sheet${n}`;
    }
    checkSheetName(chosen);
    if (this.findSheet(chosen))
      throw new FakeError("ItemAlreadyExists", `A sheet named ${chosen} already exists.`);
    const sheet = new SheetState(`{sheet-${this.nextId++}}`, chosen);
    this.sheets.push(sheet);
    return sheet;
  }

  renameSheet(sheet: SheetState, name: string): void {
    checkSheetName(name);
    const other = this.findSheet(name);
    if (other && other !== sheet)
      throw new FakeError("ItemAlreadyExists", `A sheet named ${name} already exists.`);
    sheet.name = name;
  }

  findTable(name: string): TableState | undefined {
    const lower = name.toLowerCase();
    return this.tables.find((table) => table.name.toLowerCase() === lower);
  }

  addTable(sheet: SheetState, rect: Rect): TableState {
    if (rect.bottom - rect.top < 1)
      throw new FakeError("InvalidArgument", "A table needs a header row and at least one row.");
    for (const table of this.tables) {
      if (table.sheetId === sheet.id && intersect(table.rect, rect))
        throw new FakeError("InvalidOperation", "A table can't overlap another table.");
    }
    for (let c = rect.left; c <= rect.right; c++) {
      if (sheet.value(rect.top, c) === "")
        sheet.put(rect.top, c, { value: `Column${c - rect.left + 1}` });
    }
    let n = this.tables.length + 1;
    while (this.findTable(`Table${n}`)) n++;
    const table: TableState = {
      id: String(this.nextId++),
      name: `Table${n}`,
      sheetId: sheet.id,
      rect,
    };
    this.tables.push(table);
    return table;
  }

  renameTable(table: TableState, name: string): void {
    if (!/^[A-Za-z_\\][A-Za-z0-9_.]{0,254}$/.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name))
      throw new FakeError("InvalidArgument", `${name} is not a valid table name.`);
    const other = this.findTable(name);
    if (other && other !== table)
      throw new FakeError("ItemAlreadyExists", `A table named ${name} already exists.`);
    table.name = name;
  }

  addHandler(sheetId: string, kind: HandlerKind, handler: Handler): void {
    const key = `${sheetId}:${kind}`;
    this.handlers.set(key, (this.handlers.get(key) ?? new Set()).add(handler));
  }

  removeHandler(sheetId: string, kind: HandlerKind, handler: Handler): void {
    this.handlers.get(`${sheetId}:${kind}`)?.delete(handler);
  }

  handlerCount(sheetId: string, kind: HandlerKind): number {
    return this.handlers.get(`${sheetId}:${kind}`)?.size ?? 0;
  }

  /** Runs every handler of the sheet for one event; the promise settles when all did. */
  dispatch(sheet: SheetState, kind: HandlerKind, args: unknown): Promise<void> {
    const handlers = [...(this.handlers.get(`${sheet.id}:${kind}`) ?? [])];
    const run = Promise.all(
      handlers.map((handler) => Promise.resolve().then(() => handler(args)))
    ).then(() => undefined);
    this.inflight.add(run);
    void run.finally(() => this.inflight.delete(run)).catch(() => undefined);
    return run;
  }

  get isEditing(): boolean {
    return this.editing !== undefined;
  }

  /** Resolves when the user leaves cell-edit mode. */
  editEnded(): Promise<void> {
    return this.editing?.done ?? Promise.resolve();
  }

  startEditing(): void {
    if (this.editing) return;
    let end!: () => void;
    const done = new Promise<void>((resolve) => (end = resolve));
    this.editing = { done, end };
  }

  stopEditing(): void {
    const editing = this.editing;
    this.editing = undefined;
    editing?.end();
  }

  newId(): string {
    return String(this.nextId++);
  }

  /**
   * Takes a snapshot of the cells of `rect` into `record` (before they change). Stored cell
   * states are never changed in place, so the snapshot holds them as they are; it walks the
   * rectangle or the sheet's cells, whichever is smaller.
   */
  snapshot(record: UndoRecord, sheet: SheetState, rect: Rect): void {
    const cells = new Map<number, CellState>();
    const { rows, columns } = rectSize(rect);
    if (rows * columns < sheet.cells.size) {
      for (let row = rect.top; row <= rect.bottom; row++)
        for (let column = rect.left; column <= rect.right; column++) {
          const state = sheet.cell(row, column);
          if (state) cells.set(SheetState.key(row, column), state);
        }
    } else {
      for (const [key, state] of sheet.cells) {
        if (contains(rect, Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS)) cells.set(key, state);
      }
    }
    record.snapshots.push({ sheet, rect, cells });
  }

  /** A user action becomes the newest undo step. */
  pushUndo(record: UndoRecord): void {
    this.undoStack.push(record);
  }

  /**
   * Starts a sync that writes: before 1.20 the user's undo stack is gone; from 1.20 the sync
   * gets a record of its own, or joins its run's record when the run merges its syncs.
   */
  beginWritingSync(mergeKey: object | undefined): void {
    if (this.undoModel === "clearedByApi") {
      this.undoStack.length = 0;
      return;
    }
    const top = this.undoStack[this.undoStack.length - 1];
    if (mergeKey && top?.mergeKey === mergeKey) {
      this.recording = top;
      return;
    }
    this.recording = { label: "add-in", snapshots: [], restorable: true, mergeKey };
    this.undoStack.push(this.recording);
  }

  /**
   * An API write that Excel cannot undo: inside a merged group it fails, outside one it clears
   * the stack ("Undo capabilities").
   */
  undoUnsupported(merged: boolean): void {
    if (this.undoModel === "clearedByApi") return;
    if (merged)
      throw new FakeError("UndoNotSupported", "This operation cannot be undone in an undo group.");
    this.undoStack.length = 0;
    this.recording = undefined;
  }

  beginBatch(): void {
    this.writes = [];
  }

  /** Called by a write before it changes cells: the undo record keeps what was there. */
  beforeWrite(sheet: SheetState, rect: Rect): void {
    if (this.recording) this.snapshot(this.recording, sheet, rect);
  }

  noteWrite(sheet: SheetState, rect: Rect): void {
    this.writes?.push({ sheet, rect });
  }

  /** An event the running batch raises (an API sort, an API column insert). */
  noteEvent(sheet: SheetState, kind: HandlerKind, args: unknown): void {
    this.events.push({ sheet, kind, args });
  }

  /** An add-in's own writes raise change events too, marked as coming from this add-in. */
  endBatch(): void {
    this.recording = undefined;
    const writes = this.writes ?? [];
    this.writes = undefined;
    const events = [
      ...writes.map(({ sheet, rect }) => ({
        sheet,
        kind: "changed" as HandlerKind,
        args: changedArgs(sheet, rect, "RangeEdited", "ThisLocalAddin") as unknown,
      })),
      ...this.events,
    ];
    this.events = [];
    for (const { sheet, kind, args } of events) {
      if (this.handlerCount(sheet.id, kind) === 0) continue;
      const later = tick().then(() => this.dispatch(sheet, kind, args));
      this.inflight.add(later);
      void later.finally(() => this.inflight.delete(later)).catch(() => undefined);
    }
  }

  /** Table rows follow a deletion of sheet rows. */
  shiftForDeletedRows(sheet: SheetState, first: number, count: number): void {
    const last = first + count - 1;
    for (const table of this.tables.filter((t) => t.sheetId === sheet.id)) {
      const { rect } = table;
      if (first > rect.bottom) continue;
      if (last < rect.top) {
        rect.top -= count;
        rect.bottom -= count;
        continue;
      }
      const removedInside = Math.min(last, rect.bottom) - Math.max(first, rect.top + 1) + 1;
      rect.bottom -= Math.max(0, removedInside);
      if (first < rect.top) rect.top = first;
    }
    this.shiftRules(sheet, "rows", first, -count);
    sheet.deleteRows(first, count);
  }

  /** Whole rows inserted: tables they fall inside grow, tables below move down. */
  shiftForInsertedRows(sheet: SheetState, first: number, count: number): void {
    for (const table of this.tables.filter((t) => t.sheetId === sheet.id)) {
      const { rect } = table;
      if (first <= rect.top) {
        rect.top += count;
        rect.bottom += count;
      } else if (first <= rect.bottom) rect.bottom += count;
    }
    this.shiftRules(sheet, "rows", first, count);
    sheet.insertRows(first, count);
  }

  /**
   * Whole columns inserted (count > 0) or deleted: tables, validation and conditional formats
   * follow, as in Excel. A table gains the inserted columns (named Column1…).
   */
  shiftForColumns(sheet: SheetState, first: number, count: number): void {
    const named: { row: number; left: number }[] = [];
    for (const table of this.tables.filter((t) => t.sheetId === sheet.id)) {
      const next = shiftRect(table.rect, "columns", first, count);
      if (!next) {
        this.tables.splice(this.tables.indexOf(table), 1);
        continue;
      }
      if (count > 0 && first > table.rect.left && first <= table.rect.right)
        named.push({ row: next.top, left: next.left });
      table.rect = next;
    }
    this.shiftRules(sheet, "columns", first, count);
    if (count > 0) sheet.insertColumns(first, count);
    else sheet.deleteColumns(first, -count);
    for (const { row, left } of named)
      for (let c = first; c < first + count; c++)
        sheet.put(row, c, { value: `Column${c - left + 1}` });
  }

  private shiftRules(sheet: SheetState, axis: "rows" | "columns", at: number, count: number): void {
    for (let i = sheet.validations.length - 1; i >= 0; i--) {
      const next = shiftRect(sheet.validations[i]!.rect, axis, at, count);
      if (next) sheet.validations[i]!.rect = next;
      else sheet.validations.splice(i, 1);
    }
    for (let i = sheet.conditionalFormats.length - 1; i >= 0; i--) {
      const format = sheet.conditionalFormats[i]!;
      format.areas = format.areas.flatMap((area) => shiftRect(area, axis, at, count) ?? []);
      if (format.areas.length === 0) sheet.conditionalFormats.splice(i, 1);
      // The anchor stays: Excel rewrites the formula's references as the cells move, which
      // is the same as evaluating the formula as written from where it was written, as long
      // as its same-sheet references point at the formatted cell itself (ours do).
    }
  }
}

function checkSheetName(name: string): void {
  if (!name || name.length > 31 || /[\\/?*[\]:]/.test(name) || /^'|'$/.test(name))
    throw new FakeError("InvalidArgument", `${name} is not a valid sheet name.`);
}

export function localAddress(rect: Rect): string {
  const start = `${columnName(rect.left)}${rect.top + 1}`;
  const end = `${columnName(rect.right)}${rect.bottom + 1}`;
  return start === end ? start : `${start}:${end}`;
}

/** WorksheetChangedEventArgs as Excel builds them; `details` only for a single cell. */
export function changedArgs(
  sheet: SheetState,
  rect: Rect,
  changeType: string,
  triggerSource: "ThisLocalAddin" | "Unknown",
  address = localAddress(rect)
): Record<string, unknown> {
  const args: Record<string, unknown> = {
    address,
    changeType,
    source: "Local",
    triggerSource,
    type: "WorksheetChanged",
    worksheetId: sheet.id,
  };
  if (rect.top === rect.bottom && rect.left === rect.right && changeType === "RangeEdited") {
    const value = sheet.value(rect.top, rect.left);
    args.details = {
      valueAfter: value,
      valueTypeAfter: typeof value === "number" ? "Double" : "String",
    };
  }
  return args;
}
