import {
  contains,
  formatRef,
  intersect,
  MAX_COLUMNS,
  MAX_ROWS,
  parseRef,
  rectSize,
  subtract,
  type Rect,
} from "./a1";
import { FakeError, type CellState, type SheetState } from "./workbook";
import { evaluate } from "./formula";
import { changedArgs, localAddress } from "./state";
import { shiftCellsInColumns } from "./cell-shifts";
import { CELL_LIMIT, LocatedObject, type ProxyContext } from "./client-object";
import {
  ConditionalFormatCollectionProxy,
  DataValidationProxy,
  RangeFormatProxy,
  type RangeTarget,
} from "./range-parts";

export class RangeProxy extends LocatedObject<RangeTarget> {
  readonly format: RangeFormatProxy;
  readonly dataValidation: DataValidationProxy;
  readonly conditionalFormats: ConditionalFormatCollectionProxy;

  constructor(context: ProxyContext, locate: () => RangeTarget | null, orNull = false) {
    super(context, locate, orNull);
    const target = () => this.resolve<RangeTarget>();
    this.format = new RangeFormatProxy(context, target);
    this.dataValidation = new DataValidationProxy(context, target);
    this.conditionalFormats = new ConditionalFormatCollectionProxy(
      context,
      target,
      (locate, orNull) => new RangeProxy(context, locate, orNull)
    );
  }
  protected override get onRange() {
    return true;
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
    // The target is resolved once per grid, not once per cell (a 10,000-row read).
    const grid = <T>(cell: (sheet: RangeTarget["sheet"], row: number, column: number) => T) => {
      cells();
      const { sheet, rect } = t();
      const { rows, columns } = rectSize(rect);
      const out = new Array<T[]>(rows);
      for (let r = 0; r < rows; r++) {
        const line = new Array<T>(columns);
        for (let c = 0; c < columns; c++) line[c] = cell(sheet, rect.top + r, rect.left + c);
        out[r] = line;
      }
      return out;
    };
    return {
      values: () => grid((sheet, r, c) => sheet.value(r, c)),
      numberFormat: () => grid((sheet, r, c) => sheet.numberFormatAt(r, c)),
      formulas: () =>
        grid((sheet, r, c) => {
          const cell = sheet.cell(r, c);
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
        // "null in a 2-D array leaves that cell unchanged" (undefined is sent as null).
        if (Array.isArray(value) && (v === null || v === undefined)) return;
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
    } else if (shift === "Up" || shift === "Down") {
      shiftCellsInColumns(state, sheet, rect, rect.top, sign * rows);
      const args = changedArgs(
        sheet,
        rect,
        sign > 0 ? "CellInserted" : "CellDeleted",
        "ThisLocalAddin"
      );
      args.changeDirectionState =
        sign > 0 ? { insertShiftDirection: shift } : { deleteShiftDirection: shift };
      state.noteEvent(sheet, "changed", args);
      return;
    } else {
      throw new Error(`the fake shifts cells up or down, or whole rows or columns, not ${shift}`);
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
      eachCell(rect, value, "numberFormat", (r, c, v) => {
        if (v === null || v === undefined) return;
        sheet.put(r, c, { ...(sheet.cell(r, c) ?? { value: "" }), numberFormat: String(v) });
      });
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
export function eachCell(
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
