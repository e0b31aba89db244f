import { MAX_COLUMNS, MAX_ROWS, parseRef } from "./a1";
import { FakeError, type SheetState } from "./workbook";
import { type HandlerKind } from "./state";
import { ClientObject, LocatedObject, notLoaded, type ProxyContext } from "./client-object";
import { RangeProxy } from "./range";
import { TableCollectionProxy } from "./tables";

class EventHandlers extends ClientObject {
  constructor(
    context: ProxyContext,
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

export class WorksheetProxy extends LocatedObject<SheetState> {
  readonly freezePanes: { freezeRows: (count?: number) => void };
  readonly onChanged: EventHandlers;
  readonly onSelectionChanged: EventHandlers;
  readonly onRowSorted: EventHandlers;
  readonly onColumnSorted: EventHandlers;
  readonly tables: TableCollectionProxy;

  constructor(context: ProxyContext, locate: () => SheetState | null, orNull = false) {
    super(context, locate, orNull);
    const sheet = () => this.resolve<SheetState>();
    this.freezePanes = {
      freezeRows: (count = 1) => this.call(count, () => (sheet().frozenRows = count)),
    };
    this.onChanged = new EventHandlers(context, sheet, "changed");
    this.onSelectionChanged = new EventHandlers(context, sheet, "selectionChanged");
    this.onRowSorted = new EventHandlers(context, sheet, "rowSorted");
    this.onColumnSorted = new EventHandlers(context, sheet, "columnSorted");
    this.tables = new TableCollectionProxy(
      context,
      sheet,
      (locate) => new WorksheetProxy(context, locate)
    );
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
