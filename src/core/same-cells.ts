import type { Cell } from "./text";

/** Two rows hold the same cells (an empty cell and a missing one are the same). */
export function sameCells(a: readonly Cell[] | undefined, b: readonly Cell[]): boolean {
  if (!a) return false;
  const length = Math.max(a.length, b.length);
  for (let i = 0; i < length; i++) {
    const x = a[i] ?? "";
    const y = b[i] ?? "";
    if (x !== y) return false;
  }
  return true;
}
