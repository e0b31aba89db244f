import type { LiveSheet, RowSnapshot } from "./live";
import type { ProblemGroup } from "./problem-groups";
import { fieldPositions, type Profile } from "./profile";
import { isRegistryFill } from "./registry";

/**
 * A value for one cell, computed from its row as it was: written only where that row still
 * is what it was (docs/glossary.md: compare-and-set write).
 */
export interface CellWrite {
  row: RowSnapshot;
  field: string;
  value: string;
}

/** What the fixes read of the rows. */
export type FixableRows = Pick<LiveSheet, "snapshot" | "problemsOf" | "warningsOf">;

/** A cell of the sheet by data row and field; no field sorts before every column. */
export interface CellPlace {
  index: number;
  field?: string;
}

/**
 * Every row's problem that matches a group and has a certain fix: what "fix all" writes. Each
 * row is read once, so a row with fixes in several columns is one write.
 */
export function certainFixes(
  rows: FixableRows | undefined,
  groups: readonly Pick<ProblemGroup, "field" | "code" | "rows">[]
): CellWrite[] {
  if (!rows) return [];
  const wanted = new Map<number, Set<string>>();
  for (const group of groups)
    for (const index of group.rows) {
      const keys = wanted.get(index) ?? new Set<string>();
      keys.add(`${group.field}\u0000${group.code}`);
      wanted.set(index, keys);
    }
  return [...wanted].flatMap(([index, keys]) => {
    const row = rows.snapshot(index);
    if (!row) return [];
    // Warnings too: a value understood but not written as the list writes it has a fix.
    return [...rows.problemsOf(index), ...rows.warningsOf(index)]
      .filter((p) => keys.has(`${p.field}\u0000${p.code}`) && p.fix !== null)
      .map((p) => ({ row, field: p.field, value: p.fix! }));
  });
}

/**
 * The registry's values for the empty cells of the rows given (docs/rules.md, "The
 * registries"), each with the row it was computed from.
 */
export function registryFills(
  rows: FixableRows | undefined,
  indexes: readonly number[]
): CellWrite[] {
  if (!rows) return [];
  return indexes.flatMap((index) => {
    const row = rows.snapshot(index);
    if (!row) return [];
    return rows
      .warningsOf(index)
      .filter(isRegistryFill)
      .map((fill) => ({ row, field: fill.field, value: String(fill.params!.suggestion) }));
  });
}

/** Sheet order of cells: by row, then the profile's column order. */
export function sheetOrder(profile: Profile): (a: CellPlace, b: CellPlace) => number {
  const order = fieldPositions(profile);
  const column = (cell: CellPlace) =>
    cell.field === undefined ? -1 : (order.get(cell.field) ?? 0);
  return (a, b) => a.index - b.index || column(a) - column(b);
}

/** Every cell with a problem, once, in sheet order. */
export function problemCells(
  groups: readonly Pick<ProblemGroup, "field" | "rows">[],
  profile: Profile
): { index: number; field: string }[] {
  const cells = new Map<string, { index: number; field: string }>();
  for (const group of groups)
    for (const index of group.rows)
      cells.set(`${index}:${group.field}`, { index, field: group.field });
  return [...cells.values()].sort(sheetOrder(profile));
}
