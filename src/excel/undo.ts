import { cellText, type Cell, type RowSnapshot } from "../core";
import { cellsByRow, type RowWriteOutcome } from "./row-writes";
import type { LiveSession } from "./session";

/** A cell the add-in changed: what it held before, and the text written over it. */
interface ReplacedCell {
  field: string;
  column: number;
  before: Cell;
  written: string;
}

/** What one bulk write replaced, row by row, to be put back on request ("Undo"). */
export interface WriteUndo {
  rows: { after: RowSnapshot; cells: ReplacedCell[] }[];
}

export interface UndoOutcome {
  restored: number;
  /** Cells left as they are: edited since, or their row is gone. */
  kept: number;
}

/**
 * Writes values as `LiveSession.write` does (each only where its row still holds what the
 * value was computed from) and keeps what each written cell held before.
 */
export async function writeUndoably(
  session: LiveSession,
  cells: readonly { row: RowSnapshot; field: string; value: string }[]
): Promise<{ outcomes: RowWriteOutcome[]; undo: WriteUndo }> {
  const groups = cellsByRow(cells);
  const outcomes = await session.writeRows(groups);
  const columnOf = (field: string) => session.profile.fields.findIndex((f) => f.key === field);
  const rows: WriteUndo["rows"] = [];
  outcomes.forEach((outcome, i) => {
    const after = outcome.written ? session.rows?.snapshot(outcome.index) : undefined;
    if (!after) return;
    const { row: before, cells: values } = groups[i]!;
    rows.push({
      after,
      cells: values.map(({ field, value }) => {
        const column = columnOf(field);
        return { field, column, before: before.cells[column] ?? "", written: value };
      }),
    });
  });
  return { outcomes, undo: { rows } };
}

/**
 * Puts back what a write replaced, in each cell that still holds what the add-in wrote there,
 * wherever its row is now (found again by its identifiers if the user edited other cells of
 * it). A cell the user changed since keeps the user's value. What was a number before comes
 * back as its text, the way the add-in writes every value (identifier columns are text).
 */
export async function undoWrite(session: LiveSession, undo: WriteUndo): Promise<UndoOutcome> {
  const live = session.rows;
  if (!live) return { restored: 0, kept: undo.rows.reduce((n, row) => n + row.cells.length, 0) };
  let kept = 0;
  const writes: { row: RowSnapshot; cells: { field: string; value: string }[] }[] = [];
  for (const { after, cells } of undo.rows) {
    const where = live.locate(after, true);
    const now = where.index === undefined ? undefined : live.snapshot(where.index);
    const back = now
      ? cells.filter((cell) => cellText(now.cells[cell.column] ?? "") === cell.written)
      : [];
    kept += cells.length - back.length;
    if (now && back.length)
      writes.push({
        row: now,
        cells: back.map((cell) => ({ field: cell.field, value: cellText(cell.before) })),
      });
  }
  const outcomes = await session.writeRows(writes);
  let restored = 0;
  outcomes.forEach((outcome, i) => {
    const count = writes[i]!.cells.length;
    if (outcome.written) restored += count;
    else kept += count;
  });
  return { restored, kept };
}
