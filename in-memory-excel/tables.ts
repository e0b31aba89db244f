import { parseRef, type Rect } from "./a1";
import { FakeError, type SheetState, type TableState } from "./workbook";
import { ClientObject, LocatedObject, type ProxyContext } from "./client-object";
import { eachCell, RangeProxy } from "./range";
import { shiftCellsInColumns } from "./cell-shifts";
import { changedArgs } from "./state";

/** Makes a worksheet proxy: passed in by the worksheet, so that tables need not import it. */
export type WorksheetMaker = (sheet: () => SheetState) => ClientObject;

export class TableCollectionProxy extends ClientObject {
  constructor(
    context: ProxyContext,
    private readonly sheet: (() => SheetState) | undefined,
    private readonly worksheetOf: WorksheetMaker
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
    return new TableProxy(this.context, this.worksheetOf, () => created ?? null);
  }
  getItemOrNullObject(name: string): TableProxy {
    return new TableProxy(
      this.context,
      this.worksheetOf,
      () => this.context.state.findTable(name) ?? null,
      true
    );
  }
  getItem(name: string): TableProxy {
    return new TableProxy(this.context, this.worksheetOf, () => {
      const table = this.context.state.findTable(name);
      if (!table) throw new FakeError("ItemNotFound", `The table ${name} doesn't exist.`);
      return table;
    });
  }
}

export class TableProxy extends LocatedObject<TableState> {
  readonly columns: { add: (index?: number, values?: unknown, name?: string) => void };
  readonly rows: {
    add: (index?: number, values?: unknown[][]) => void;
    getItemAt: (index: number) => { delete(): void };
  };
  constructor(
    context: ProxyContext,
    private readonly worksheetOf: WorksheetMaker,
    locate: () => TableState | null,
    orNull = false
  ) {
    super(context, locate, orNull);
    this.rows = {
      // Appends rows under the data (above a total row), as the add-in asks for them.
      add: (index, values) =>
        this.call([index, values], () => {
          if (!values?.length) throw new Error("the fake only adds rows with values");
          const table = this.resolve<TableState>();
          const sheet = this.context.state.sheetById(table.sheetId);
          if (index !== undefined) return this.insertDataRows(sheet, table, index, values);
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
      // A TableRow stands for a position, not for data: it deletes whatever row is there then.
      getItemAt: (index) => ({
        delete: () =>
          this.call([index], () => {
            const table = this.resolve<TableState>();
            const sheet = this.context.state.sheetById(table.sheetId);
            const at = this.dataRowAt(table, index);
            const { left, right } = table.rect;
            shiftCellsInColumns(this.context.state, sheet, table.rect, at, -1);
            const rect = { top: at, left, bottom: at, right };
            const args = changedArgs(sheet, rect, "CellDeleted", "ThisLocalAddin");
            args.changeDirectionState = { deleteShiftDirection: "Up" };
            this.context.state.noteEvent(sheet, "changed", args);
          }),
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
  /** The sheet row of data row `index`; Excel refuses one past the data. */
  private dataRowAt(table: TableState, index: number, orAfterLast = false): number {
    const rows = table.rect.bottom - table.rect.top - (table.showTotals ? 1 : 0);
    if (!Number.isInteger(index) || index < 0 || index > rows - (orAfterLast ? 0 : 1))
      throw new FakeError("InvalidArgument", "The argument is invalid or missing.");
    return table.rect.top + 1 + index;
  }
  /** Rows put in at data row `index`: the table's columns move down, the rest stays. */
  private insertDataRows(sheet: SheetState, table: TableState, index: number, values: unknown[][]) {
    const at = this.dataRowAt(table, index, true);
    const under = at > table.rect.bottom;
    shiftCellsInColumns(this.context.state, sheet, table.rect, at, values.length);
    // Under the last row, nothing of the table moved: it takes the new rows in.
    if (under) table.rect.bottom += values.length;
    const { left, right } = table.rect;
    const rect = { top: at, left, bottom: at + values.length - 1, right };
    eachCell(rect, values, "values", (r, c, v) => sheet.enter(r, c, v));
    const args = changedArgs(sheet, rect, "CellInserted", "ThisLocalAddin");
    args.changeDirectionState = { insertShiftDirection: "Down" };
    this.context.state.noteEvent(sheet, "changed", args);
    this.context.state.noteWrite(sheet, rect);
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
  get worksheet(): ClientObject {
    return this.worksheetOf(() => this.context.state.sheetById(this.resolve<TableState>().sheetId));
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
