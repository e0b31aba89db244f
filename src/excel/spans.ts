import type { CellSpan } from "./address";

/** Row spans merged where they overlap or touch, ascending. */
export function mergeRows(spans: CellSpan[]): CellSpan[] {
  const sorted = [...spans].sort((a, b) => a.top - b.top);
  const merged: CellSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.top <= last.bottom + 1) last.bottom = Math.max(last.bottom, span.bottom);
    else merged.push({ top: span.top, bottom: span.bottom, left: 0, right: 16_383 });
  }
  return merged;
}

export function mergeIndexRuns(runs: [number, number][]): [number, number][] {
  const sorted = [...runs].sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of sorted) {
    const last = merged[merged.length - 1];
    if (last && a <= last[1] + 1) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return merged;
}
