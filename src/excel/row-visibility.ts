import { dataRowCount, firstDataRow } from "./area";
import type { LiveSession } from "./session";
import { runsOf } from "./spans";

/**
 * Shows only the data rows that have problems (hides the others, empty rows included), or
 * every data row again. Rows are hidden as Excel's own "Hide" does (Range.rowHidden, ExcelApi
 * 1.2): the user can unhide them in Excel too, and a sort or a filter is not disturbed. The
 * rows hidden are the ones valid now: a row fixed afterwards stays shown until asked again.
 * Returns how many rows are shown.
 */
export function showOnlyRowsWithProblems(session: LiveSession, only: boolean): Promise<number> {
  return session.excel(async (context, { geometry }) => {
    const rows = session.rows;
    if (!geometry || !rows) return 0;
    const count = dataRowCount(geometry);
    const top = firstDataRow(geometry);
    const hidden: number[] = [];
    if (only)
      for (let index = 0; index < count; index++)
        if (rows.problemsOf(index).length === 0) hidden.push(index);
    const sheet = context.workbook.worksheets.getItem(geometry.sheet);
    // Hiding any cell's row hides the whole row: one column of the area is enough.
    const range = (first: number, size: number) =>
      sheet.getRangeByIndexes(top + first, geometry.firstColumn, size, 1);
    if (count > 0) range(0, count).rowHidden = false;
    // One range per run of rows to hide: a few operations, however many rows.
    for (const [first, last] of runsOf(hidden)) range(first, last - first + 1).rowHidden = true;
    await context.sync();
    return count - hidden.length;
  });
}
