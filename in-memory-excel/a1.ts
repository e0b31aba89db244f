/**
 * A1 references as Excel reads them, written independently of src/excel so that the fake is
 * an oracle and not a copy of the code it checks.
 */

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

/** A rectangle of cells, 0-based and inclusive. */
export interface Rect {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetRef {
  sheet?: string;
  rect: Rect;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

export function columnName(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

const CELL = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/;
const COLUMN = /^\$?([A-Za-z]{1,3})$/;
const ROW = /^\$?(\d{1,7})$/;

/** One end of a reference: a cell, a whole column or a whole row. */
function corner(text: string): { row?: number; column?: number } {
  let match = CELL.exec(text);
  if (match) return { column: columnNumber(match[1]!), row: Number(match[2]) - 1 };
  match = COLUMN.exec(text);
  if (match) return { column: columnNumber(match[1]!) };
  match = ROW.exec(text);
  if (match) return { row: Number(match[1]) - 1 };
  throw new Error(`not an A1 reference: ${text}`);
}

/** Parses "A1", "B2:C9", "A:C", "3:7", "'My sheet'!A1:B2"; throws on anything else. */
export function parseRef(address: string): SheetRef {
  let sheet: string | undefined;
  let rest = address.trim();
  const bang = rest.lastIndexOf("!");
  if (bang >= 0) {
    sheet = rest.slice(0, bang);
    if (sheet.startsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
    rest = rest.slice(bang + 1);
  }
  const [first, second = first] = rest.split(":");
  const a = corner(first!);
  const b = corner(second!);
  const rect: Rect = {
    top: Math.min(a.row ?? 0, b.row ?? 0),
    left: Math.min(a.column ?? 0, b.column ?? 0),
    bottom: a.row === undefined ? MAX_ROWS - 1 : Math.max(a.row, b.row ?? a.row),
    right: a.column === undefined ? MAX_COLUMNS - 1 : Math.max(a.column, b.column ?? a.column),
  };
  if (rect.bottom >= MAX_ROWS || rect.right >= MAX_COLUMNS)
    throw new Error(`out of the grid: ${address}`);
  return { sheet, rect };
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** The address Excel reports: "Sheet1!A1:C3", "Sheet1!B2" for one cell. */
export function formatRef(sheet: string, rect: Rect): string {
  const start = `${columnName(rect.left)}${rect.top + 1}`;
  const end = `${columnName(rect.right)}${rect.bottom + 1}`;
  return `${quoteSheet(sheet)}!${start === end ? start : `${start}:${end}`}`;
}

export function rectSize(rect: Rect): { rows: number; columns: number } {
  return { rows: rect.bottom - rect.top + 1, columns: rect.right - rect.left + 1 };
}

export function intersect(a: Rect, b: Rect): Rect | undefined {
  const rect = {
    top: Math.max(a.top, b.top),
    left: Math.max(a.left, b.left),
    bottom: Math.min(a.bottom, b.bottom),
    right: Math.min(a.right, b.right),
  };
  return rect.top <= rect.bottom && rect.left <= rect.right ? rect : undefined;
}

export function contains(rect: Rect, row: number, column: number): boolean {
  return row >= rect.top && row <= rect.bottom && column >= rect.left && column <= rect.right;
}

/** One turn of the event loop (setTimeout: jsdom has no setImmediate). */
export function tick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** What is left of `rect` once `hole` is cut out of it: up to four rectangles. */
export function subtract(rect: Rect, hole: Rect): Rect[] {
  const cut = intersect(rect, hole);
  if (!cut) return [rect];
  const pieces: Rect[] = [];
  if (rect.top < cut.top) pieces.push({ ...rect, bottom: cut.top - 1 });
  if (cut.bottom < rect.bottom) pieces.push({ ...rect, top: cut.bottom + 1 });
  if (rect.left < cut.left)
    pieces.push({ top: cut.top, bottom: cut.bottom, left: rect.left, right: cut.left - 1 });
  if (cut.right < rect.right)
    pieces.push({ top: cut.top, bottom: cut.bottom, left: cut.right + 1, right: rect.right });
  return pieces;
}

/** The rectangle once `count` rows (or columns) were inserted at `at` (negative: deleted). */
export function shiftRect(
  rect: Rect,
  axis: "rows" | "columns",
  at: number,
  count: number
): Rect | undefined {
  const [low, high, limit] =
    axis === "rows"
      ? (["top", "bottom", MAX_ROWS] as const)
      : (["left", "right", MAX_COLUMNS] as const);
  const next = { ...rect };
  if (count > 0) {
    // Inserting inside (or at the start of) a range moves what is below; a range that reaches
    // the sheet's end stays there, as Excel pushes the last rows off the sheet.
    if (at <= next[low]) next[low] += count;
    if (at <= next[high]) next[high] = Math.min(limit - 1, next[high] + count);
    return next;
  }
  const removed = -count;
  const last = at + removed - 1;
  if (last < next[low]) {
    next[low] -= removed;
    next[high] = next[high] === limit - 1 ? limit - 1 : next[high] - removed;
    return next;
  }
  if (at > next[high]) return next;
  const inside = Math.min(last, next[high]) - Math.max(at, next[low]) + 1;
  if (inside >= next[high] - next[low] + 1) return undefined;
  next[low] = Math.min(next[low], at);
  next[high] = next[high] === limit - 1 ? limit - 1 : next[high] - inside;
  return next;
}
