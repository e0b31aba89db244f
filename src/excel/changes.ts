import { LAST_ROW, parseSpans, type CellSpan } from "./address";
import type { HostRequirements } from "./run";

/** What a round of checking must do for a change Excel reported. */
export interface ChangeWork {
  /** Read the whole area again: its layout or row order changed in a way we cannot follow. */
  full: boolean;
  /** Sheet rows to read again. */
  spans: CellSpan[];
  /** Check the highlight rule, formats and drop-downs: the change may have brought formats. */
  heal: boolean;
  /** Whole rows inserted (count > 0) or deleted at a sheet row: a sheet area's header follows. */
  rowShift?: { at: number; count: number };
  /** Cells moved up or down in some columns only: a header row among them would break. */
  cellsMoved?: boolean;
}

const EVERYTHING: ChangeWork = { full: true, spans: [], heal: true };

/**
 * How a worksheet's onChanged event becomes work. Rows move only for row inserts and deletes,
 * and for cells shifted down or up (ExcelApi 1.14 says which way); columns inserted or deleted,
 * cells shifted sideways, or anything the session cannot explain, mean reading it all again.
 * Our own writes (ExcelApi 1.14 tells them apart) are judged by the code that made them.
 */
export function workForChange(
  args: Excel.WorksheetChangedEventArgs,
  requirements: HostRequirements,
  ownWritesAreUsers = false
): ChangeWork | undefined {
  let direction: string | undefined;
  if (requirements.isSetSupported("ExcelApi", "1.14")) {
    if (args.triggerSource === "ThisLocalAddin" && !ownWritesAreUsers) return undefined;
    direction =
      args.changeDirectionState?.insertShiftDirection ??
      args.changeDirectionState?.deleteShiftDirection;
  }
  let spans: CellSpan[];
  try {
    spans = parseSpans(args.address);
  } catch {
    return EVERYTHING;
  }
  const first = spans[0];
  if (!first) return EVERYTHING;
  switch (args.changeType) {
    case "RangeEdited": {
      const cells = spans.some(
        (span) => span.bottom > span.top || span.right > span.left || spans.length > 1
      );
      // Typing one cell brings no formats; a paste or a fill may.
      return { full: false, spans, heal: cells };
    }
    case "RowInserted":
    case "RowDeleted": {
      // A whole-row change reports rows ("5:7"); anything else is not what it claims.
      if (first.left !== 0 || first.right !== 16_383) return EVERYTHING;
      const count = first.bottom - first.top + 1;
      return {
        full: false,
        spans: [{ ...first, bottom: LAST_ROW }],
        heal: true,
        rowShift: { at: first.top, count: args.changeType === "RowInserted" ? count : -count },
      };
    }
    case "CellInserted":
    case "CellDeleted":
      // Cells shifted down or up move rows from there down; sideways, the columns move.
      if (direction === "Down" || direction === "Up")
        return {
          full: false,
          spans: [{ ...first, left: 0, right: 16_383, bottom: LAST_ROW }],
          heal: true,
          cellsMoved: true,
        };
      return EVERYTHING;
    default:
      return EVERYTHING;
  }
}
