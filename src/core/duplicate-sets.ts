import type { LiveSheet } from "./live";
import { cellText } from "./text";

/** Rows that are one company by some identifier, as the pane offers to settle them. */
export interface DuplicateSet {
  /** Data row indexes, ascending. */
  rows: number[];
  /** Fields (profile keys) whose text differs between the rows; none when they are copies. */
  differing: string[];
}

/**
 * The sheet's duplicates as sets of rows to settle: groups that share a row are one set (in a
 * profile with two kinds of identifier compared apart, A and B may share one, B and C the
 * other), since keeping one of them must settle them all. An enterprise number and a VAT
 * number are one kind: they are already one group. Each set says which fields differ: rows
 * identical in every field are copies, and deleting all but one loses nothing.
 */
export function duplicateSets(
  live: Pick<LiveSheet, "duplicateGroups" | "cellsOf" | "profile">
): DuplicateSet[] {
  const parent = new Map<number, number>();
  const root = (row: number): number => {
    let top = row;
    while (parent.get(top) !== top) top = parent.get(top)!;
    parent.set(row, top);
    return top;
  };
  for (const group of live.duplicateGroups()) {
    let first: number | undefined;
    for (const row of group) {
      if (!parent.has(row)) parent.set(row, row);
      if (first === undefined) first = root(row);
      else {
        const other = root(row);
        // The smaller row leads: a set's root is its first row.
        if (other !== first) parent.set(Math.max(other, first), Math.min(other, first));
        first = Math.min(other, first);
      }
    }
  }
  const sets = new Map<number, number[]>();
  for (const row of [...parent.keys()].sort((a, b) => a - b)) {
    const top = root(row);
    const rows = sets.get(top) ?? [];
    rows.push(row);
    sets.set(top, rows);
  }
  const fields = live.profile.fields;
  return [...sets.values()].map((rows) => {
    const texts = rows.map((row) => live.cellsOf(row) ?? []);
    const differing = fields
      .filter((_, i) => texts.some((cells) => cellText(cells[i]) !== cellText(texts[0]![i])))
      .map((field) => field.key);
    return { rows, differing };
  });
}
