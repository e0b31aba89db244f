import { shiftRect, type Rect } from "./a1";
import type { WorkbookState } from "./state";
import { FakeError, type SheetState } from "./workbook";

/** Whether two column spans share a column. */
const overlaps = (a: Rect, left: number, right: number) => a.left <= right && a.right >= left;

/**
 * Cells shifted within some columns only, from sheet row `at` (0-based) down: `count` rows
 * inserted there (cells move down) or, negative, deleted (cells below move up). This is
 * Insert → Shift cells down, Delete → Shift cells up, and inserting or deleting a table row,
 * which moves the table's columns and leaves the rest of the sheet where it is.
 *
 * A table whose columns are exactly these grows or shrinks as with whole rows; a table the
 * shift would cut through is refused, as Excel refuses it. Drop-down and conditional-format
 * ranges inside the columns follow; the fake refuses to split one that straddles them (Excel
 * would: the add-in's rules never do).
 */
export function shiftCellsInColumns(
  state: WorkbookState,
  sheet: SheetState,
  span: { left: number; right: number },
  at: number,
  count: number
): void {
  const { left, right } = span;
  const lastAffected = count < 0 ? at - count - 1 : at;
  const reaches = (rect: Rect) => rect.bottom >= at && overlaps(rect, left, right);
  for (const table of state.tables) {
    if (table.sheetId !== sheet.id || !reaches(table.rect)) continue;
    const exact = table.rect.left === left && table.rect.right === right;
    // A header row deleted, or cells shifted through part of a table: Excel says no.
    const throughHeader = count < 0 && at <= table.rect.top && lastAffected >= table.rect.top;
    if (!exact || throughHeader)
      throw new FakeError(
        "InvalidOperation",
        "This operation is not allowed because it tries to shift cells in a table on your worksheet."
      );
  }
  const rules = [
    ...sheet.validations.map((v) => v.rect),
    ...sheet.conditionalFormats.flatMap((f) => f.areas),
  ];
  if (rules.some((rect) => reaches(rect) && (rect.left < left || rect.right > right)))
    throw new Error("the fake shifts cells only where the sheet's rules lie inside the columns");

  for (const table of state.tables)
    if (table.sheetId === sheet.id && reaches(table.rect))
      table.rect = shiftRect(table.rect, "rows", at, count) ?? table.rect;
  for (let i = sheet.validations.length - 1; i >= 0; i--) {
    const rect = sheet.validations[i]!.rect;
    if (!reaches(rect)) continue;
    const next = shiftRect(rect, "rows", at, count);
    if (next) sheet.validations[i]!.rect = next;
    else sheet.validations.splice(i, 1);
  }
  for (let i = sheet.conditionalFormats.length - 1; i >= 0; i--) {
    const format = sheet.conditionalFormats[i]!;
    format.areas = format.areas.flatMap((area) =>
      reaches(area) ? (shiftRect(area, "rows", at, count) ?? []) : [area]
    );
    if (format.areas.length === 0) sheet.conditionalFormats.splice(i, 1);
  }
  sheet.remap((row, column) => {
    if (column < left || column > right || row < at) return [row, column];
    if (count > 0) return [row + count, column];
    return row <= lastAffected ? undefined : [row + count, column];
  });
}
