/** A1 addresses: the little the add-in needs, 0-based indexes throughout. */

export const LAST_ROW = 1_048_575;

export function columnLetters(index: number): string {
  let name = "";
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  }
  return name;
}

export function cellAddress(row: number, column: number): string {
  return `${columnLetters(column)}${row + 1}`;
}

/** A sheet name as a formula reference needs it. */
export function sheetReference(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export interface CellSpan {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const PART = /^\$?([A-Z]{0,3})\$?(\d*)$/i;

function lettersToIndex(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + ch.charCodeAt(0) - 64;
  return n - 1;
}

/**
 * The cells an event's address covers ("B3", "A2:Q10001", "5:7", "C:C", "Sheet!A1", several
 * areas separated by commas): one span per area; undefined parts span the whole sheet.
 */
export function parseSpans(address: string): CellSpan[] {
  return address
    .split(",")
    .map((area) => area.trim())
    .filter(Boolean)
    .map((area) => {
      const local = area.slice(area.lastIndexOf("!") + 1);
      const [first = "", second = first] = local.split(":");
      const a = PART.exec(first);
      const b = PART.exec(second);
      if (!a || !b) throw new Error(`Unexpected address from Excel: ${address}`);
      const rowOf = (digits: string, fallback: number) => (digits ? Number(digits) - 1 : fallback);
      const columnOf = (letters: string, fallback: number) =>
        letters ? lettersToIndex(letters) : fallback;
      return {
        top: Math.min(rowOf(a[2]!, 0), rowOf(b[2]!, 0)),
        bottom: Math.max(rowOf(a[2]!, LAST_ROW), rowOf(b[2]!, LAST_ROW)),
        left: Math.min(columnOf(a[1]!, 0), columnOf(b[1]!, 0)),
        right: Math.max(columnOf(a[1]!, 16_383), columnOf(b[1]!, 16_383)),
      };
    });
}

/** The parts of `box` outside `inner` (up to four). */
export function spanMinus(box: CellSpan, inner: CellSpan): CellSpan[] {
  const common = {
    top: Math.max(box.top, inner.top),
    bottom: Math.min(box.bottom, inner.bottom),
    left: Math.max(box.left, inner.left),
    right: Math.min(box.right, inner.right),
  };
  if (common.top > common.bottom || common.left > common.right) return [box];
  const pieces: CellSpan[] = [];
  if (box.top < common.top) pieces.push({ ...box, bottom: common.top - 1 });
  if (common.bottom < box.bottom) pieces.push({ ...box, top: common.bottom + 1 });
  if (box.left < common.left)
    pieces.push({ top: common.top, bottom: common.bottom, left: box.left, right: common.left - 1 });
  if (common.right < box.right)
    pieces.push({
      top: common.top,
      bottom: common.bottom,
      left: common.right + 1,
      right: box.right,
    });
  return pieces;
}
