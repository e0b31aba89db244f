import { columnName, intersect, MAX_ROWS, type Rect } from "./a1";
import { tick } from "./a1";
import { FakeError, SheetState, type TableState } from "./workbook";

type Handler = (args: unknown) => Promise<unknown>;
type HandlerKind = "changed" | "selectionChanged";

export interface Counters {
  syncs: number;
  operations: number;
  rangeOperations: number;
  maxRequestBytes: number;
  maxResponseBytes: number;
  /** Syncs Excel refused for their size. */
  refusedPayloads: number;
}

export function zeroCounters(): Counters {
  return {
    syncs: 0,
    operations: 0,
    rangeOperations: 0,
    maxRequestBytes: 0,
    maxResponseBytes: 0,
    refusedPayloads: 0,
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
  private nextId = 1;
  private readonly handlers = new Map<string, Set<Handler>>();
  private writes: { sheet: SheetState; rect: Rect }[] | undefined;
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

  beginBatch(): void {
    this.writes = [];
  }

  noteWrite(sheet: SheetState, rect: Rect): void {
    this.writes?.push({ sheet, rect });
  }

  /** An add-in's own writes raise change events too, marked as coming from this add-in. */
  endBatch(): void {
    const writes = this.writes ?? [];
    this.writes = undefined;
    for (const { sheet, rect } of writes) {
      if (this.handlerCount(sheet.id, "changed") === 0) continue;
      const args = changedArgs(sheet, rect, "RangeEdited", "ThisLocalAddin");
      const later = tick().then(() => this.dispatch(sheet, "changed", args));
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
    for (const list of [sheet.validations, sheet.conditionalFormats]) {
      for (const item of list) {
        if (item.rect.bottom === MAX_ROWS - 1 || first > item.rect.bottom) continue;
        item.rect.bottom = Math.max(item.rect.top, item.rect.bottom - count);
      }
    }
    sheet.deleteRows(first, count);
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
