import { areaWidth, type AreaGeometry } from "./area";
import type { HostRequirements } from "./run";

/** Rows under a table looked at for rows typed there that the table did not take in. */
const STRAY_SCAN_ROWS = 500;

/**
 * Rows typed right under the table that the table did not take in (sheet rows, 0-based):
 * AutoCorrect's table expansion was off, or a total row stood in the way.
 */
export interface StrayRows {
  top: number;
  count: number;
}

/** Queues a read of the used rows right under a table. */
export function queueBelow(context: Excel.RequestContext, table: string): Excel.Range {
  const below = context.workbook.tables
    .getItem(table)
    .getRange()
    .getRowsBelow(STRAY_SCAN_ROWS)
    .getUsedRangeOrNullObject(true);
  below.load("rowIndex, rowCount");
  return below;
}

/** The rows right under the table that hold something, if they start right under it. */
export function straysFrom(below: Excel.Range, geometry: AreaGeometry): StrayRows | undefined {
  if (below.isNullObject) return undefined;
  const first = geometry.lastRow + 1 + (geometry.totalRow ? 1 : 0);
  return below.rowIndex === first ? { top: below.rowIndex, count: below.rowCount } : undefined;
}

/**
 * Resizes the table over the stray rows under it. Table.resize is ExcelApi 1.13: without it,
 * nothing is done (false), and the pane says how to do it by hand.
 */
export async function takeStraysIn(
  context: Excel.RequestContext,
  requirements: HostRequirements,
  geometry: AreaGeometry,
  table: string,
  strays: StrayRows
): Promise<boolean> {
  if (requirements.isSetSupported("ExcelApi", "1.13")) {
    const range = context.workbook.worksheets
      .getItem(geometry.sheet)
      .getRangeByIndexes(
        geometry.headerRow,
        geometry.firstColumn,
        strays.top + strays.count - geometry.headerRow,
        areaWidth(geometry)
      );
    context.workbook.tables.getItem(table).resize(range);
    await context.sync();
    return true;
  }
  return false;
}
