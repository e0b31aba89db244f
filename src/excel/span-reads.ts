import { LAST_ROW, type CellSpan } from "./address";
import { areaWidth, firstDataRow, type AreaGeometry, type AreaLoad, type AreaSpec } from "./area";
import { queueKeyRead } from "./highlight";
import { PAYLOAD_BUDGET_BYTES, type CellCost } from "./payload";
import { mergeRows } from "./spans";
import { queueBelow } from "./strays";

/**
 * Keys are read again with the changed rows up to this many rows (a check on what the session
 * remembers); a larger paste trusts the memory, to keep one response.
 */
const KEY_READ_ROWS = 2_000;

/** What queuing a change's reads needs to know of the area (the area state has it). */
export interface SpanReadScope {
  spec: AreaSpec;
  cost: CellCost;
  checksExists: boolean;
  checksSheet: string;
}

interface SpanRead {
  values: Excel.Range;
  /** The highlight keys at the same rows, for the previous layout. */
  keys?: { range: Excel.Range; top: number };
}

export interface SpanReads {
  ranges: SpanRead[];
  /** Spans too large to read with the layout: read in pieces once it is known. */
  deferred: CellSpan[];
  /** The used rows right under a table: rows typed there that it did not take in. */
  below?: Excel.Range;
}

/** Queues reads of the changed rows (and their keys), unless they would be too big. */
export function queueSpanReads(
  context: Excel.RequestContext,
  state: SpanReadScope,
  area: AreaLoad,
  previous: AreaGeometry,
  spans: CellSpan[]
): SpanReads {
  const width = areaWidth(previous);
  const merged = mergeRows(spans);
  const first = firstDataRow(previous);
  let cells = 0;
  for (const span of merged) {
    const bottom = span.bottom === LAST_ROW ? previous.lastRow + 1 : span.bottom;
    cells += Math.max(0, bottom - span.top + 1) * width;
  }
  const reads: SpanReads = { ranges: [], deferred: [] };
  // Rows typed under a table are looked at only when a change reached below it.
  if (state.spec.kind === "table" && merged.some((span) => span.bottom > previous.lastRow))
    reads.below = queueBelow(context, state.spec.table);
  // Too big for the first response: read the layout now, the rows after.
  if (cells * state.cost.perCell > PAYLOAD_BUDGET_BYTES) {
    reads.deferred = merged;
    return reads;
  }
  reads.ranges = merged.map((span) => {
    const rows = area.sheet.getRange(`${span.top + 1}:${span.bottom + 1}`);
    const values = area.bounds.getIntersectionOrNullObject(rows);
    values.load("values, rowIndex");
    // The checks sheet does not move with the data: its keys are where they were written.
    const top = Math.max(span.top, first);
    const bottom = span.bottom === LAST_ROW ? previous.lastRow : span.bottom;
    const read: SpanRead = { values };
    if (state.checksExists && top <= bottom && bottom - top < KEY_READ_ROWS)
      read.keys = {
        range: queueKeyRead(
          context,
          {
            top,
            bottom,
            left: previous.firstColumn,
            right: previous.lastColumn,
          },
          state.checksSheet
        ),
        top,
      };
    return read;
  });
  return reads;
}
