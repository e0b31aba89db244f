import { contains, formatRef, intersect, parseRef, rectSize, type Rect } from "./a1";
import { tick } from "./a1";
import { FakeContext } from "./context";
import { evaluate } from "./formula";
import { changedArgs, localAddress, WorkbookState, zeroCounters, type Counters } from "./state";
import type { CellValue, DataValidationState, SheetState } from "./workbook";

export { PAYLOAD_LIMIT_BYTES } from "./context";
export { FakeError } from "./workbook";

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

  /** `Excel.run`: a fresh context; what is still queued when the batch returns is synced. */
  run = async <T>(
    first: FakeContext | ((context: never) => Promise<T>),
    second?: (context: never) => Promise<T>
  ): Promise<T> => {
    const context = first instanceof FakeContext ? first : new FakeContext(this.state);
    const batch = (first instanceof FakeContext ? second : first) as (context: never) => Promise<T>;
    const result = await batch(context as never);
    if (context.pending) await context.sync();
    return result;
  };

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
      if (!contains(format.rect, row, column) || !format.formula) continue;
      const result = evaluate(format.formula, {
        sheet,
        row,
        column,
        anchorRow: format.rect.top,
        anchorColumn: format.rect.left,
        sheetNamed: (name) => this.state.sheetNamed(name),
      });
      if (result === true || (typeof result === "number" && result !== 0)) return format.fill;
    }
    return undefined;
  }

  /** Every highlighted cell of the sheet, as local addresses ("B3"), row by row. */
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

  /** Types or pastes values (a 2-D block from `address`'s top-left); tables grow under it. */
  async type(sheetName: string, address: string, values: unknown[][]): Promise<void> {
    const sheet = this.state.sheetNamed(sheetName);
    const { rect: at } = parseRef(address);
    const rect: Rect = {
      top: at.top,
      left: at.left,
      bottom: at.top + values.length - 1,
      right: at.left + Math.max(...values.map((line) => line.length)) - 1,
    };
    values.forEach((line, r) =>
      line.forEach((value, c) => sheet.enter(rect.top + r, rect.left + c, value))
    );
    this.growTables(sheet, rect);
    await this.state.dispatch(sheet, "changed", changedArgs(sheet, rect, "RangeEdited", "Unknown"));
  }

  /** Presses Delete on a range: its values go, its formatting stays. */
  async clear(sheetName: string, address: string): Promise<void> {
    const sheet = this.state.sheetNamed(sheetName);
    const { rect } = parseRef(address);
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
    this.state.shiftForDeletedRows(sheet, first - 1, count);
    const rect = { top: first - 1, left: 0, bottom: last - 1, right: 16_383 };
    await this.state.dispatch(
      sheet,
      "changed",
      changedArgs(sheet, rect, "RowDeleted", "Unknown", `${first}:${last}`)
    );
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

  /** Excel extends a table over rows typed directly below it. */
  private growTables(sheet: SheetState, rect: Rect): void {
    for (const table of this.state.tables) {
      if (table.sheetId !== sheet.id) continue;
      const t = table.rect;
      const columnsOverlap = intersect({ ...t, top: 0, bottom: 0 }, { ...rect, top: 0, bottom: 0 });
      if (columnsOverlap && rect.top <= t.bottom + 1 && rect.bottom > t.bottom && rect.top > t.top)
        t.bottom = rect.bottom;
    }
  }
}

export function sizeOf(address: string) {
  return rectSize(parseRef(address).rect);
}
