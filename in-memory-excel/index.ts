import {
  columnName,
  contains,
  formatRef,
  intersect,
  MAX_COLUMNS,
  parseRef,
  rectSize,
  subtract,
  type Rect,
} from "./a1";
import { tick } from "./a1";
import { FakeContext, showTableTotals, type FakeRunOptions } from "./context";
import { evaluate } from "./formula";
import { openXlsx, type OpenedWorkbook } from "./xlsx";
import {
  changedArgs,
  localAddress,
  WorkbookState,
  zeroCounters,
  type Counters,
  type UndoRecord,
} from "./state";
import type {
  CellValue,
  ConditionalFormatState,
  DataValidationState,
  SheetState,
} from "./workbook";

export { PAYLOAD_LIMIT_BYTES, OPERATION_OVERHEAD_BYTES, utf8Length } from "./context";
export { FakeError } from "./workbook";
export type { OpenedWorkbook } from "./xlsx";
export type { FakeLocale } from "./locale";

/**
 * An in-memory Excel with the subset of the Office.js API the add-in uses and its semantics:
 * queued operations, `load` + `sync` before reads (reading an unloaded property throws),
 * *OrNullObject, 2-D shape checks, the 5 MB payload limit, tables that grow when a user
 * types below them, data validation, conditional formats that are evaluated, settings, and
 * worksheet events with their arguments. It counts syncs and queued operations.
 */
export class FakeExcel {
  readonly state: WorkbookState;
  readonly user: FakeUser;

  constructor(firstSheet = "Sheet1") {
    this.state = new WorkbookState(firstSheet);
    this.user = new FakeUser(this.state);
  }

  /**
   * `Excel.run`: `(batch)`, `(options, batch)` or `(context, batch)`; a fresh context unless
   * one is given; what is still queued when the batch returns is synced.
   */
  run = async <T>(
    first: FakeContext | FakeRunOptions | ((context: never) => Promise<T>),
    second?: (context: never) => Promise<T>
  ): Promise<T> => {
    let context: FakeContext;
    let batch: (context: never) => Promise<T>;
    if (first instanceof FakeContext) {
      context = first;
      batch = second!;
    } else if (typeof first === "function") {
      context = new FakeContext(this.state);
      batch = first;
    } else {
      context = new FakeContext(this.state, first);
      batch = second!;
    }
    const result = await batch(context as never);
    if (context.pending) await context.sync();
    return result;
  };

  /**
   * Office.context.requirements of this Excel: ExcelApi up to `state.apiVersion`. Excel before
   * 1.20 clears the undo stack on API writes; from 1.20 it records them (see `useApiVersion`).
   */
  readonly requirements = {
    isSetSupported: (name: string, version = "1.1"): boolean =>
      name === "ExcelApi" ? compareVersions(version, this.state.apiVersion) <= 0 : true,
  };

  /** The workbooks `Excel.createWorkbook` opened, in order. */
  readonly openedWorkbooks: OpenedWorkbook[] = [];

  /**
   * `Excel.createWorkbook(base64)` (ExcelApi 1.8): opens the .xlsx as a new workbook, beside
   * this one (which stays the add-in's). A file that is no .xlsx is refused.
   */
  createWorkbook = async (base64?: string): Promise<void> => {
    await tick();
    this.openedWorkbooks.push(base64 ? openXlsx(base64) : { sheets: [] });
  };

  /** Plays an Excel that supports ExcelApi up to `version`, with that version's undo. */
  useApiVersion(version: string): void {
    this.state.apiVersion = version;
    this.state.undoModel = compareVersions(version, "1.20") >= 0 ? "recordPerSync" : "clearedByApi";
  }

  /**
   * Something the user does while the next request is on its way, after the add-in sent it and
   * before Excel runs it (what makes a write computed from what was read land elsewhere).
   */
  whileNextSyncTravels(action: () => void): void {
    this.state.duringNextSync.push(action);
  }

  /** The next syncs fail with these error codes (Excel busy, a connection lost). */
  failNextSyncs(...codes: string[]): void {
    this.state.failures.push(...codes);
  }

  get counters(): Counters {
    return { ...this.state.counters };
  }

  resetCounters(): void {
    this.state.counters = zeroCounters();
  }

  /** Waits until every event handler, and whatever they triggered, has finished. */
  async settle(): Promise<void> {
    for (let round = 0; round < 1000; round++) {
      await tick();
      if (this.state.inflight.size === 0) {
        await tick();
        if (this.state.inflight.size === 0) return;
      }
      await Promise.allSettled([...this.state.inflight]);
    }
    throw new Error("the workbook never settled");
  }

  sheet(name: string): SheetState {
    return this.state.sheetNamed(name);
  }

  hasSheet(name: string): boolean {
    return this.state.findSheet(name) !== undefined;
  }

  values(sheetName: string, address: string): CellValue[][] {
    const sheet = this.sheet(sheetName);
    const { rect } = parseRef(address);
    const rows: CellValue[][] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const line: CellValue[] = [];
      for (let c = rect.left; c <= rect.right; c++) line.push(sheet.value(r, c));
      rows.push(line);
    }
    return rows;
  }

  cell(sheetName: string, address: string) {
    const sheet = this.sheet(sheetName);
    const { rect } = parseRef(address);
    const state = sheet.cell(rect.top, rect.left);
    return {
      value: state?.value ?? "",
      formula: state?.formula,
      numberFormat: sheet.numberFormatAt(rect.top, rect.left),
      fill: state?.fill,
      hyperlink: state?.hyperlink,
    };
  }

  table(name: string) {
    const table = this.state.findTable(name);
    if (!table) return undefined;
    const sheet = this.state.sheetById(table.sheetId);
    return { ...table, sheet: sheet.name, address: formatRef(sheet.name, table.rect) };
  }

  dataValidationAt(sheetName: string, address: string): DataValidationState | undefined {
    const { rect } = parseRef(address);
    return this.sheet(sheetName).validationAt(rect.top, rect.left);
  }

  /** The fill a conditional format paints on the cell now, if any rule holds there. */
  highlightAt(sheetName: string, address: string): string | undefined {
    const sheet = this.sheet(sheetName);
    const { rect } = parseRef(address);
    return this.highlightOf(sheet, rect.top, rect.left);
  }

  private highlightOf(sheet: SheetState, row: number, column: number): string | undefined {
    for (const format of sheet.conditionalFormats) {
      if (!format.areas.some((area) => contains(area, row, column)) || !format.formula) continue;
      const result = evaluate(format.formula, {
        sheet,
        row,
        column,
        anchorRow: format.anchor.row,
        anchorColumn: format.anchor.column,
        sheetNamed: (name) => this.state.sheetNamed(name),
        locale: this.state.locale,
      });
      if (result === true || (typeof result === "number" && result !== 0)) return format.fill;
    }
    return undefined;
  }

  /** Every highlighted cell of the sheet, as local addresses ("B3"), row by row. */
  /** The sheet's hidden rows, as row numbers (1-based), in order. */
  hiddenRows(sheetName: string): number[] {
    return [...this.sheet(sheetName).hiddenRows].map((row) => row + 1).sort((a, b) => a - b);
  }

  highlightedCells(sheetName: string, within?: string): string[] {
    const sheet = this.sheet(sheetName);
    const used = sheet.usedRect();
    const bounds = within ? parseRef(within).rect : used;
    if (!bounds) return [];
    // Only cells that hold something or that a rule covers near the data can be painted.
    const scan: Rect = {
      ...bounds,
      bottom: Math.min(bounds.bottom, (used?.bottom ?? 0) + 50),
    };
    const cells: string[] = [];
    for (let r = scan.top; r <= scan.bottom; r++)
      for (let c = scan.left; c <= scan.right; c++)
        if (this.highlightOf(sheet, r, c))
          cells.push(localAddress({ top: r, left: c, bottom: r, right: c }));
    return cells;
  }

  settings(): Record<string, unknown> {
    return Object.fromEntries(this.state.settings);
  }

  selection(): string {
    const { sheetId, rect } = this.state.selection;
    return formatRef(this.state.sheetById(sheetId).name, rect);
  }
}

/** What a person does in Excel: each action raises the events Excel raises. */
export class FakeUser {
  constructor(private readonly state: WorkbookState) {}

  /**
   * Types or pastes values (a 2-D block from `address`'s top-left), read as Excel reads typed
   * text in the workbook's locale; tables grow under it.
   */
  async type(sheetName: string, address: string, values: unknown[][]): Promise<void> {
    const sheet = this.state.sheetNamed(sheetName);
    const rect = this.blockAt(address, values);
    this.remember("type", sheet, rect);
    values.forEach((line, r) =>
      line.forEach((value, c) => sheet.enter(rect.top + r, rect.left + c, value, this.state.locale))
    );
    this.growTables(sheet, rect);
    await this.state.dispatch(sheet, "changed", changedArgs(sheet, rect, "RangeEdited", "Unknown"));
  }

  /**
   * Pastes cells copied in another workbook (a plain Ctrl+V): their values as they were stored
   * there, and their formats. The pasted cells take the source's number format, lose our
   * drop-downs, and our conditional formats are split around them; `rules` are the source's
   * own conditional formats, pasted with the cells.
   */
  async paste(
    sheetName: string,
    address: string,
    values: CellValue[][],
    source: { numberFormat?: string; rules?: { formula: string; fill: string }[] } = {}
  ): Promise<void> {
    const sheet = this.state.sheetNamed(sheetName);
    const rect = this.blockAt(address, values);
    this.remember("paste", sheet, rect);
    values.forEach((line, r) =>
      line.forEach((value, c) =>
        sheet.put(rect.top + r, rect.left + c, {
          ...(sheet.cell(rect.top + r, rect.left + c) ?? {}),
          value,
          formula: undefined,
          numberFormat: source.numberFormat ?? "General",
        })
      )
    );
    sheet.clearValidation(rect);
    for (let i = sheet.conditionalFormats.length - 1; i >= 0; i--) {
      const format = sheet.conditionalFormats[i]!;
      format.areas = format.areas.flatMap((area) => subtract(area, rect));
      if (format.areas.length === 0) sheet.conditionalFormats.splice(i, 1);
    }
    for (const rule of source.rules ?? []) {
      const pasted: ConditionalFormatState = {
        id: `{cf-${this.state.newId()}}`,
        areas: [rect],
        anchor: { row: rect.top, column: rect.left },
        type: "Custom",
        formula: rule.formula,
        fill: rule.fill,
      };
      sheet.conditionalFormats.unshift(pasted);
    }
    this.growTables(sheet, rect);
    await this.state.dispatch(sheet, "changed", changedArgs(sheet, rect, "RangeEdited", "Unknown"));
  }

  /** Presses Delete on a range: its values go, its formatting stays. */
  async clear(sheetName: string, address: string): Promise<void> {
    const sheet = this.state.sheetNamed(sheetName);
    const { rect } = parseRef(address);
    this.remember("clear", sheet, rect);
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++) {
        const cell = sheet.cell(r, c);
        if (cell) sheet.put(r, c, { ...cell, value: "", formula: undefined });
      }
    await this.state.dispatch(sheet, "changed", changedArgs(sheet, rect, "RangeEdited", "Unknown"));
  }

  /** Deletes whole sheet rows (1-based, inclusive), as "Delete sheet rows" does. */
  async deleteRows(sheetName: string, first: number, last = first): Promise<void> {
    const sheet = this.state.sheetNamed(sheetName);
    const count = last - first + 1;
    this.structural("delete rows");
    this.state.shiftForDeletedRows(sheet, first - 1, count);
    const rect = { top: first - 1, left: 0, bottom: last - 1, right: 16_383 };
    await this.state.dispatch(
      sheet,
      "changed",
      changedArgs(sheet, rect, "RowDeleted", "Unknown", `${first}:${last}`)
    );
  }

  /** Inserts whole sheet rows (1-based, inclusive) above row `first`. */
  async insertRows(sheetName: string, first: number, last = first): Promise<void> {
    const sheet = this.state.sheetNamed(sheetName);
    this.structural("insert rows");
    this.state.shiftForInsertedRows(sheet, first - 1, last - first + 1);
    const rect = { top: first - 1, left: 0, bottom: last - 1, right: 16_383 };
    await this.state.dispatch(
      sheet,
      "changed",
      changedArgs(sheet, rect, "RowInserted", "Unknown", `${first}:${last}`)
    );
  }

  /** Inserts whole columns ("C:D") left of the first: Excel reports the columns inserted. */
  async insertColumns(sheetName: string, columns: string): Promise<void> {
    await this.shiftColumns(sheetName, columns, 1);
  }

  async deleteColumns(sheetName: string, columns: string): Promise<void> {
    await this.shiftColumns(sheetName, columns, -1);
  }

  /**
   * Inserts cells (Insert → Shift cells down or right): the cells of the block's columns (or
   * rows) move, the rest of the sheet stays. Excel reports CellInserted with the direction
   * (changeDirectionState, ExcelApi 1.14).
   */
  async insertCells(sheetName: string, address: string, shift: "Down" | "Right"): Promise<void> {
    const sheet = this.state.sheetNamed(sheetName);
    const { rect } = parseRef(address);
    const { rows, columns } = rectSize(rect);
    this.structural("insert cells");
    sheet.remap((row, column) => {
      if (shift === "Down" && column >= rect.left && column <= rect.right && row >= rect.top)
        return [row + rows, column];
      if (shift === "Right" && row >= rect.top && row <= rect.bottom && column >= rect.left)
        return [row, column + columns];
      return [row, column];
    });
    const args = changedArgs(sheet, rect, "CellInserted", "Unknown");
    args.changeDirectionState = { insertShiftDirection: shift };
    await this.state.dispatch(sheet, "changed", args);
  }

  /**
   * Sorts rows of a range (Data → Sort, or a table's header drop-down) by one of its columns
   * (0-based within the range). Excel raises onRowSorted for it, and no onChanged.
   */
  async sort(sheetName: string, address: string, column: number, ascending = true): Promise<void> {
    const sheet = this.state.sheetNamed(sheetName);
    const { rect } = parseRef(address);
    this.structural("sort");
    sheet.sortRows(rect, rect.left + column, ascending);
    await this.state.dispatch(sheet, "rowSorted", {
      address: localAddress(rect),
      source: "Local",
      type: "WorksheetRowSorted",
      worksheetId: sheet.id,
    });
  }

  /** Starts typing in a cell (F2): until `stopEditing`, Excel holds or refuses batches. */
  startEditing(): void {
    this.state.startEditing();
  }

  stopEditing(): void {
    this.state.stopEditing();
  }

  /** Table Design → Total Row: Excel reports the row it filled (or emptied). */
  async showTotals(tableName: string, show = true): Promise<void> {
    const table = this.state.findTable(tableName);
    if (!table) throw new Error(`no table ${tableName}`);
    const sheet = this.state.sheetById(table.sheetId);
    this.structural("total row");
    const row = show ? table.rect.bottom + 1 : table.rect.bottom;
    showTableTotals(sheet, table, show);
    const rect = { ...table.rect, top: row, bottom: row };
    await this.state.dispatch(sheet, "changed", changedArgs(sheet, rect, "RangeEdited", "Unknown"));
  }

  /**
   * Ctrl+Z: undoes the newest step of the undo stack and raises the change Excel raises for
   * it. Returns what was undone, or undefined when the stack is empty.
   */
  async undo(): Promise<string | undefined> {
    const record = this.state.undoStack.pop();
    if (!record) return undefined;
    if (!record.restorable) throw new Error(`the fake cannot undo ${record.label}`);
    for (const { sheet, rect, cells } of [...record.snapshots].reverse()) {
      for (const [key] of [...sheet.cells]) {
        if (contains(rect, Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS))
          sheet.cells.delete(key);
      }
      for (const [key, state] of cells) sheet.cells.set(key, { ...state });
    }
    const seen = new Set<string>();
    for (const { sheet, rect } of record.snapshots) {
      const id = `${sheet.id}:${localAddress(rect)}`;
      if (seen.has(id)) continue;
      seen.add(id);
      await this.state.dispatch(
        sheet,
        "changed",
        changedArgs(sheet, rect, "RangeEdited", "Unknown")
      );
    }
    return record.label;
  }

  private async shiftColumns(sheetName: string, columns: string, sign: 1 | -1): Promise<void> {
    const sheet = this.state.sheetNamed(sheetName);
    const { rect } = parseRef(columns);
    const count = rect.right - rect.left + 1;
    this.structural(sign > 0 ? "insert columns" : "delete columns");
    this.state.shiftForColumns(sheet, rect.left, sign * count);
    const address = `${columnName(rect.left)}:${columnName(rect.right)}`;
    const whole = { top: 0, left: rect.left, bottom: 1_048_575, right: rect.right };
    await this.state.dispatch(
      sheet,
      "changed",
      changedArgs(sheet, whole, sign > 0 ? "ColumnInserted" : "ColumnDeleted", "Unknown", address)
    );
  }

  private blockAt(address: string, values: unknown[][]): Rect {
    const { rect: at } = parseRef(address);
    return {
      top: at.top,
      left: at.left,
      bottom: at.top + values.length - 1,
      right: at.left + Math.max(...values.map((line) => line.length)) - 1,
    };
  }

  /** A cell edit becomes an undo step holding the cells as they were. */
  private remember(label: string, sheet: SheetState, rect: Rect): void {
    const record: UndoRecord = { label, snapshots: [], restorable: true };
    this.state.snapshot(record, sheet, rect);
    this.state.pushUndo(record);
  }

  private structural(label: string): void {
    this.state.pushUndo({ label, snapshots: [], restorable: false });
  }

  /** Paints the user's own fill on cells. */
  fill(sheetName: string, address: string, color: string): void {
    const sheet = this.state.sheetNamed(sheetName);
    const { rect } = parseRef(address);
    for (let r = rect.top; r <= rect.bottom; r++)
      for (let c = rect.left; c <= rect.right; c++)
        sheet.put(r, c, { ...(sheet.cell(r, c) ?? { value: "" }), fill: color });
  }

  async select(sheetName: string, address: string): Promise<void> {
    const sheet = this.state.sheetNamed(sheetName);
    const { rect } = parseRef(address);
    this.state.activeSheetId = sheet.id;
    this.state.selection = { sheetId: sheet.id, rect };
    await this.state.dispatch(sheet, "selectionChanged", {
      address: localAddress(rect),
      type: "WorksheetSelectionChanged",
      worksheetId: sheet.id,
    });
  }

  activate(sheetName: string): void {
    const sheet = this.state.sheetNamed(sheetName);
    this.state.activeSheetId = sheet.id;
    this.state.selection = { sheetId: sheet.id, rect: { top: 0, left: 0, bottom: 0, right: 0 } };
  }

  /**
   * Excel extends a table over rows typed directly below it, unless AutoCorrect's "Include new
   * rows and columns in table" is off or the table shows its total row.
   */
  private growTables(sheet: SheetState, rect: Rect): void {
    if (!this.state.autoExpandTables) return;
    for (const table of this.state.tables) {
      if (table.sheetId !== sheet.id || table.showTotals) continue;
      const t = table.rect;
      const columnsOverlap = intersect({ ...t, top: 0, bottom: 0 }, { ...rect, top: 0, bottom: 0 });
      if (columnsOverlap && rect.top <= t.bottom + 1 && rect.bottom > t.bottom && rect.top > t.top)
        t.bottom = rect.bottom;
    }
  }
}

function compareVersions(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split(".").map(Number);
  const [b1 = 0, b2 = 0] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}

export function sizeOf(address: string) {
  return rectSize(parseRef(address).rect);
}
