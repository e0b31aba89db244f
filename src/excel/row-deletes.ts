import { sameCells, type Cell, type RowSnapshot } from "../core";
import { areaWidth, fieldCells, firstDataRow, type AreaGeometry, type AreaSpec } from "./area";
import { SessionProblem } from "./session-problem";
import type { LiveSession } from "./session";
import { parseStatus } from "./status";

/** A data row the add-in deleted, as it was: enough to put it back ("Undo"). */
export interface DeletedRow {
  /** The data row it was at, counted with the rows deleted with it still in place. */
  index: number;
  /** The area's cells: formulas (a formula comes back as a formula), number formats. */
  formulas: unknown[];
  formats: unknown[];
}

export interface DeleteOutcome {
  deleted: DeletedRow[];
  /** Rows left in place: changed or moved since, or holding a client created in Banqup. */
  kept: number;
}

/** A row read in the request that deletes it, and what it had to hold. */
interface Deletion {
  index: number;
  cells: readonly Cell[];
  range: Excel.Range;
}

/**
 * Deletes data rows (a duplicate's copies), each only if it still holds what the pane showed:
 * the row is read in the request that deletes it, right before (Excel runs a request's
 * operations in order and nothing of the user's comes between), and a row that is not what it
 * was, or that holds a client created in Banqup, is put back as it was at once. A table loses
 * table rows, a sheet area the area's cells (shifted up): what lies beside the area stays.
 */
export async function deleteRows(
  session: LiveSession,
  rows: readonly RowSnapshot[]
): Promise<DeleteOutcome> {
  const live = session.rows;
  if (!live) throw new SessionProblem("areaMissing");
  const targets = new Map<number, readonly Cell[]>();
  for (const row of rows) {
    const where = live.locate(row);
    if (where.index !== undefined) targets.set(where.index, row.cells);
  }
  let kept = rows.length - targets.size;
  if (targets.size === 0) return { deleted: [], kept };
  const deleted = await session.excel(async (context, { geometry, spec }) => {
    if (!geometry) throw new SessionProblem("areaMissing");
    // From the bottom up: a deletion never moves the rows still to be deleted.
    const order = [...targets].sort(([a], [b]) => b - a);
    const deletions: Deletion[] = order.map(([index, cells]) => {
      const range = areaRow(context, geometry, index);
      range.load(["values", "formulas", "numberFormat"]);
      removeRow(context, spec, index, range);
      return { index, cells, range };
    });
    await context.sync();
    const removed: DeletedRow[] = [];
    const wrong: DeletedRow[] = [];
    for (const { index, cells, range } of deletions) {
      const values = range.values[0] ?? [];
      const row = {
        index,
        formulas: range.formulas[0] ?? [],
        formats: range.numberFormat[0] ?? [],
      };
      const status =
        geometry.statusColumn === undefined ? undefined : values[geometry.statusColumn];
      const holdsClient = parseStatus(status)?.clientId !== undefined;
      if (holdsClient || !sameCells(fieldCells(geometry, values as Cell[]), cells)) wrong.push(row);
      else removed.push(row);
    }
    if (wrong.length > 0) {
      putBack(context, geometry, spec, wrong, removed);
      await context.sync();
    }
    kept += wrong.length;
    return removed;
  });
  // Every row below moved up: the area is read again (highlights and duplicates follow).
  await session.reload();
  return { deleted: deleted.sort((a, b) => a.index - b.index), kept };
}

/**
 * Puts deleted rows back where they were, as far as the rows around them have not moved since
 * (past the end, at the end). Returns how many came back.
 */
export async function restoreRows(
  session: LiveSession,
  rows: readonly DeletedRow[]
): Promise<number> {
  if (rows.length === 0) return 0;
  await session.excel(async (context, { geometry, spec }) => {
    if (!geometry) throw new SessionProblem("areaMissing");
    putBack(context, geometry, spec, rows, [], session.rows?.length ?? 0);
    await context.sync();
  });
  await session.reload();
  return rows.length;
}

function areaRow(context: Excel.RequestContext, geometry: AreaGeometry, index: number) {
  return context.workbook.worksheets
    .getItem(geometry.sheet)
    .getRangeByIndexes(
      firstDataRow(geometry) + index,
      geometry.firstColumn,
      1,
      areaWidth(geometry)
    );
}

function removeRow(
  context: Excel.RequestContext,
  spec: AreaSpec,
  index: number,
  range: Excel.Range
): void {
  // TableRow.delete (ExcelApi 1.1): the table shrinks; a plain range shifts its own cells.
  if (spec.kind === "table")
    context.workbook.tables.getItem(spec.table).rows.getItemAt(index).delete();
  else range.delete("Up");
}

/**
 * Inserts `rows` back, top first. A row's place counts the rows above it that stay deleted
 * (`gone`), which are no longer there; `length`: the data rows there are now, if known.
 */
function putBack(
  context: Excel.RequestContext,
  geometry: AreaGeometry,
  spec: AreaSpec,
  rows: readonly DeletedRow[],
  gone: readonly DeletedRow[],
  length = Infinity
): void {
  let inserted = 0;
  for (const row of [...rows].sort((a, b) => a.index - b.index)) {
    const above = gone.filter((other) => other.index < row.index).length;
    const at = Math.min(row.index - above, length + inserted);
    const blank = row.formulas.map(() => "");
    if (spec.kind === "table") context.workbook.tables.getItem(spec.table).rows.add(at, [blank]);
    else areaRow(context, geometry, at).insert("Down");
    // Formats first: a text cell keeps "0123" as typed.
    const range = areaRow(context, geometry, at);
    range.numberFormat = [row.formats];
    range.formulas = [row.formulas];
    inserted++;
  }
}
