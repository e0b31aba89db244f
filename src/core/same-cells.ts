import type { Cell } from "./text";

/** Two cells hold the same (an empty cell and a missing one are the same). */
export const sameCell = (a: Cell, b: Cell) => (a ?? "") === (b ?? "");

/** Two rows hold the same cells. */
export function sameCells(a: readonly Cell[] | undefined, b: readonly Cell[]): boolean {
  if (!a) return false;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) if (!sameCell(a[i], b[i])) return false;
  return true;
}
