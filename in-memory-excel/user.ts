import {
  columnName,
  contains,
  intersect,
  MAX_COLUMNS,
  parseRef,
  rectSize,
  subtract,
  type Rect,
} from "./a1";
import { changedArgs, localAddress, type WorkbookState, type UndoRecord } from "./state";
import { type CellValue, type ConditionalFormatState, type SheetState } from "./workbook";
import { showTableTotals } from "./tables";

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
