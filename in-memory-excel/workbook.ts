import { contains, intersect, MAX_COLUMNS, subtract, type Rect } from "./a1";
import { typedBoolean, typedNumber, type FakeLocale } from "./locale";

export type CellValue = string | number | boolean;

export interface CellState {
  value: CellValue;
  formula?: string;
  numberFormat?: string;
  fill?: string;
  hyperlink?: { address?: string; textToDisplay?: string };
}

export interface DataValidationState {
  rect: Rect;
  rule?: unknown;
  prompt?: { showPrompt?: boolean; title?: string; message?: string };
  errorAlert?: { showAlert?: boolean; style?: string; title?: string; message?: string };
}

export interface ConditionalFormatState {
  id: string;
  /** One rule may apply to several areas: a paste over part of it splits it. */
  areas: Rect[];
  /** The cell the formula's relative references are written for (the first area's top-left). */
  anchor: { row: number; column: number };
  type: string;
  formula?: string;
  fill?: string;
  fontColor?: string;
  bold?: boolean;
  /** The dashes or lines drawn around a cell the rule holds for, by side. */
  borders?: Partial<Record<ConditionalBorderSide, { style?: string; color?: string }>>;
}

export type ConditionalBorderSide = "EdgeTop" | "EdgeBottom" | "EdgeLeft" | "EdgeRight";

export interface TableState {
  id: string;
  name: string;
  sheetId: string;
  /** Header row included, and the total row when it is shown. */
  rect: Rect;
  style?: string;
  showTotals?: boolean;
}

export class FakeError extends Error {
  constructor(
    readonly code: string,
    message: string
  ) {
    super(message);
    this.name = "RichApi.Error";
  }
}

/** One worksheet: cells are stored sparsely, whole-column and whole-sheet formats apart. */
export class SheetState {
  readonly cells = new Map<number, CellState>();
  /** Rows hidden (Range.rowHidden): they move with inserted and deleted rows. */
  hiddenRows = new Set<number>();
  readonly columnFormats = new Map<number, string>();
  sheetFormat = "General";
  readonly columnWidths = new Map<number, number>();
  readonly validations: DataValidationState[] = [];
  readonly conditionalFormats: ConditionalFormatState[] = [];
  visibility: "Visible" | "Hidden" | "VeryHidden" = "Visible";
  frozenRows = 0;

  constructor(
    readonly id: string,
    public name: string
  ) {}

  static key(row: number, column: number): number {
    return row * MAX_COLUMNS + column;
  }

  cell(row: number, column: number): CellState | undefined {
    return this.cells.get(SheetState.key(row, column));
  }

  value(row: number, column: number): CellValue {
    return this.cell(row, column)?.value ?? "";
  }

  numberFormatAt(row: number, column: number): string {
    return (
      this.cell(row, column)?.numberFormat ?? this.columnFormats.get(column) ?? this.sheetFormat
    );
  }

  /** Writes what Excel stores for an entered value: text stays text only in "@" cells. */
  enter(row: number, column: number, input: unknown, locale: FakeLocale = "en-US"): void {
    const stored = interpretInput(input, this.numberFormatAt(row, column), locale);
    const value = typeof stored === "object" ? stored.value : stored;
    const formula = typeof stored === "object" ? stored.formula : undefined;
    const existing = this.cell(row, column);
    // A cell left as it was is not stored again: a large write (keys, most of them empty)
    // should not make an object per cell.
    if (existing === undefined ? value === "" && !formula : sameContent(existing, value, formula))
      return;
    const next: CellState = existing ? { ...existing, value } : { value };
    if (formula) next.formula = formula;
    else delete next.formula;
    this.put(row, column, next);
  }

  put(row: number, column: number, state: CellState): void {
    const empty =
      state.value === "" && !state.formula && state.numberFormat === undefined && !state.fill;
    if (empty) this.cells.delete(SheetState.key(row, column));
    else this.cells.set(SheetState.key(row, column), state);
  }

  setNumberFormat(rect: Rect, format: string): void {
    const wholeColumns = rect.top === 0 && rect.bottom === 1_048_575;
    if (wholeColumns && rect.left === 0 && rect.right === MAX_COLUMNS - 1) {
      this.sheetFormat = format;
      this.columnFormats.clear();
      for (const [key, state] of this.cells)
        if (state.numberFormat !== undefined) this.cells.set(key, withoutFormat(state));
      return;
    }
    if (wholeColumns || rect.bottom - rect.top > 100_000) {
      // Tall ranges (a column from row 2 down) are kept per column, as Excel keeps column styles.
      for (let c = rect.left; c <= rect.right; c++) this.columnFormats.set(c, format);
      for (const [key, state] of this.cells) {
        const row = Math.floor(key / MAX_COLUMNS);
        const column = key % MAX_COLUMNS;
        if (contains(rect, row, column) && state.numberFormat !== undefined)
          this.cells.set(key, withoutFormat(state));
      }
      return;
    }
    for (let r = rect.top; r <= rect.bottom; r++) {
      for (let c = rect.left; c <= rect.right; c++) {
        this.put(r, c, { ...(this.cell(r, c) ?? { value: "" }), numberFormat: format });
      }
    }
  }

  /** The bounding box of non-empty values (Excel's used range with valuesOnly). */
  usedRect(): Rect | undefined {
    // Bounds as numbers, cells by forEach: asked for on every read of a large sheet, where a
    // box or an entry made per cell was most of what the fake allocated.
    let top = Infinity;
    let left = Infinity;
    let bottom = -1;
    let right = -1;
    this.cells.forEach((state, key) => {
      if (state.value === "" && !state.formula) return;
      const row = Math.floor(key / MAX_COLUMNS);
      const column = key - row * MAX_COLUMNS;
      if (row < top) top = row;
      if (row > bottom) bottom = row;
      if (column < left) left = column;
      if (column > right) right = column;
    });
    return bottom < 0 ? undefined : { top, left, bottom, right };
  }

  /** Deletes whole rows: cells below move up, as in Excel. */
  deleteRows(first: number, count: number): void {
    const moved = new Map<number, CellState>();
    for (const [key, state] of this.cells) {
      const row = Math.floor(key / MAX_COLUMNS);
      const column = key % MAX_COLUMNS;
      if (row < first) moved.set(key, state);
      else if (row >= first + count) moved.set(SheetState.key(row - count, column), state);
    }
    this.cells.clear();
    for (const [key, state] of moved) this.cells.set(key, state);
    this.hiddenRows = new Set(
      [...this.hiddenRows].flatMap((row) =>
        row < first ? [row] : row >= first + count ? [row - count] : []
      )
    );
  }

  /** Inserts whole rows: cells at and below `first` move down (rows added under a table: none). */
  insertRows(first: number, count: number): void {
    const below = SheetState.key(first, 0);
    const moving = [...this.cells].filter(([key]) => key >= below);
    for (const [key] of moving) this.cells.delete(key);
    for (const [key, state] of moving) this.cells.set(key + count * MAX_COLUMNS, state);
    this.hiddenRows = new Set([...this.hiddenRows].map((row) => (row < first ? row : row + count)));
  }

  /** Inserts whole columns: cells at and right of `first` move right, with column formats. */
  insertColumns(first: number, count: number): void {
    this.remap((row, column) => (column < first ? [row, column] : [row, column + count]));
    this.shiftColumnMaps(first, count);
  }

  /** Deletes whole columns: cells right of them move left. */
  deleteColumns(first: number, count: number): void {
    this.remap((row, column) =>
      column < first ? [row, column] : column < first + count ? undefined : [row, column - count]
    );
    this.shiftColumnMaps(first, -count);
  }

  /**
   * Sorts the rows of `rect` by one of its columns, as Data → Sort does: each row's cells
   * (values and their formats) move together; empty keys go last; the sort is stable.
   */
  sortRows(rect: Rect, keyColumn: number, ascending: boolean): void {
    const rows: { key: CellValue; cells: (CellState | undefined)[] }[] = [];
    for (let r = rect.top; r <= rect.bottom; r++) {
      const cells: (CellState | undefined)[] = [];
      for (let c = rect.left; c <= rect.right; c++) cells.push(this.cell(r, c));
      rows.push({ key: this.value(r, keyColumn), cells });
    }
    const rank = (value: CellValue) => (value === "" ? 3 : typeof value === "number" ? 0 : 1);
    rows.sort((a, b) => {
      if (a.key === "" || b.key === "") return rank(a.key) - rank(b.key);
      const order =
        rank(a.key) - rank(b.key) ||
        (typeof a.key === "number" && typeof b.key === "number"
          ? a.key - b.key
          : String(a.key).localeCompare(String(b.key), "en", { sensitivity: "base" }));
      return ascending ? order : -order;
    });
    rows.forEach(({ cells }, i) =>
      cells.forEach((state, c) => {
        const key = SheetState.key(rect.top + i, rect.left + c);
        if (state) this.cells.set(key, state);
        else this.cells.delete(key);
      })
    );
  }

  /** Moves every cell where `to` says; undefined drops it. */
  remap(to: (row: number, column: number) => [number, number] | undefined): void {
    const moved = new Map<number, CellState>();
    for (const [key, state] of this.cells) {
      const target = to(Math.floor(key / MAX_COLUMNS), key % MAX_COLUMNS);
      if (target) moved.set(SheetState.key(target[0], target[1]), state);
    }
    this.cells.clear();
    for (const [key, state] of moved) this.cells.set(key, state);
  }

  private shiftColumnMaps(first: number, count: number): void {
    for (const map of [this.columnFormats, this.columnWidths] as Map<number, unknown>[]) {
      const entries = [...map.entries()];
      map.clear();
      for (const [column, value] of entries) {
        if (column < first) map.set(column, value);
        else if (count > 0) map.set(column + count, value);
        else if (column >= first - count) map.set(column + count, value);
      }
    }
  }

  validationAt(row: number, column: number): DataValidationState | undefined {
    for (let i = this.validations.length - 1; i >= 0; i--) {
      if (contains(this.validations[i]!.rect, row, column)) return this.validations[i];
    }
    return undefined;
  }

  /** Removes validation from the cells of `rect` only: a rule around them keeps the rest. */
  clearValidation(rect: Rect): void {
    for (let i = this.validations.length - 1; i >= 0; i--) {
      const existing = this.validations[i]!;
      if (!intersect(existing.rect, rect)) continue;
      this.validations.splice(
        i,
        1,
        ...subtract(existing.rect, rect).map((piece) => ({ ...existing, rect: piece }))
      );
    }
  }
}

/**
 * A cell's state without its own number format. Stored states are never changed in place (a
 * change stores a new object): an undo snapshot may hold the very objects it saw.
 */
function withoutFormat(state: CellState): CellState {
  const rest = { ...state };
  delete rest.numberFormat;
  return rest;
}

function sameContent(state: CellState, value: CellValue, formula: string | undefined): boolean {
  return state.value === value && state.formula === formula;
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** A formula entered, with the value the fake gives it until it is calculated. */
interface EnteredFormula {
  value: CellValue;
  formula: string;
}

/**
 * What Excel makes of a value written through `range.values` or typed by a user: in a cell
 * formatted as text it stays as it is; elsewhere "=…" (and "+…", "-…", "@…" that are not
 * numbers) become formulas, number-like text becomes a number (losing leading zeros) and
 * TRUE/FALSE become booleans. A plain value is returned as itself (no object per cell).
 */
function interpretInput(
  input: unknown,
  numberFormat: string,
  locale: FakeLocale = "en-US"
): CellValue | EnteredFormula {
  if (input === null || input === undefined) return "";
  if (typeof input === "number" || typeof input === "boolean") return input;
  if (typeof input !== "string") throw new FakeError("InvalidArgument", "Unsupported cell value.");
  if (numberFormat === "@" || input === "") return input;
  if (input.startsWith("'")) return input.slice(1);
  if (locale === "en-US") {
    if (NUMBER.test(input.trim())) return Number(input.trim());
    if (/^(true|false)$/i.test(input)) return input.toUpperCase() === "TRUE";
  } else {
    const number = typedNumber(input, locale);
    if (number !== undefined) return number;
    const boolean = typedBoolean(input, locale);
    if (boolean !== undefined) return boolean;
  }
  if (/^[=+\-@]/.test(input))
    return { value: "#NAME?", formula: input.startsWith("=") ? input : `=${input}` };
  return input;
}
