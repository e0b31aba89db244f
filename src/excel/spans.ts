import type { CellSpan } from "./address";
import { firstDataRow, type AreaGeometry } from "./area";

/** Runs [first, last] merged where they overlap or touch, ascending. */
export function mergeRuns(runs: readonly (readonly [number, number])[]): [number, number][] {
  const sorted = [...runs].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [first, last] of sorted) {
    const previous = merged[merged.length - 1];
    if (previous && first <= previous[1] + 1) previous[1] = Math.max(previous[1], last);
    else merged.push([first, last]);
  }
  return merged;
}

/** Indexes as runs of consecutive ones, ascending. */
export function runsOf(indexes: readonly number[]): [number, number][] {
  return mergeRuns(indexes.map((index) => [index, index]));
}

/** Whole-row spans covering the rows of `spans`, merged where they overlap or touch. */
export function mergeRows(spans: readonly CellSpan[]): CellSpan[] {
  return mergeRuns(spans.map((span) => [span.top, span.bottom])).map(([top, bottom]) => ({
    top,
    bottom,
    left: 0,
    right: 16_383,
  }));
}

/** The spans of whole area rows covering data rows (0-based), one per run of neighbours. */
export function dataRowSpans(geometry: AreaGeometry, rows: readonly number[]): CellSpan[] {
  const top = firstDataRow(geometry);
  return runsOf(rows).map(([a, b]) => ({
    top: top + a,
    bottom: top + b,
    left: geometry.firstColumn,
    right: geometry.lastColumn,
  }));
}
