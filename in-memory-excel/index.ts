import { contains, formatRef, parseRef, type Rect } from "./a1";
import { tick } from "./a1";
import { FakeContext, type FakeRunOptions } from "./context";
import { evaluate } from "./formula";
import { openXlsx, type OpenedWorkbook } from "./xlsx";
import { FakeUser } from "./user";
import { localAddress, WorkbookState, zeroCounters, type Counters } from "./state";
import type {
  CellValue,
  ConditionalFormatState,
  DataValidationState,
  SheetState,
} from "./workbook";

export { PAYLOAD_LIMIT_BYTES } from "./client-object";
export type { OpenedWorkbook } from "./xlsx";
export { FakeUser } from "./user";

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
    return this.highlightFormatAt(sheetName, address)?.fill;
  }

  /** The whole format a conditional format gives the cell now (fill, font, borders), if any. */
  highlightFormatAt(sheetName: string, address: string): ConditionalFormatState | undefined {
    const sheet = this.sheet(sheetName);
    const { rect } = parseRef(address);
    return this.ruleHolding(sheet, rect.top, rect.left);
  }

  private highlightOf(sheet: SheetState, row: number, column: number): string | undefined {
    return this.ruleHolding(sheet, row, column)?.fill;
  }

  private ruleHolding(
    sheet: SheetState,
    row: number,
    column: number
  ): ConditionalFormatState | undefined {
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
      if (result === true || (typeof result === "number" && result !== 0)) return format;
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

function compareVersions(a: string, b: string): number {
  const [a1 = 0, a2 = 0] = a.split(".").map(Number);
  const [b1 = 0, b2 = 0] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}
