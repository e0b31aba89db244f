import { cellText, type Cell, type LiveSheet } from "../core";
import { cellAddress, sheetReference, type CellSpan } from "./address";
import { dataRowCount, firstDataRow, type AreaGeometry } from "./area";
import { CHECKS_SHEET, HIGHLIGHT, SETTINGS } from "./names";
import { queueSettingWrite } from "./settings";

/**
 * The highlighter. It never paints a cell itself: the checks sheet holds, at the address of
 * each invalid cell, "!" followed by the value judged invalid, and one conditional format on
 * the data paints a cell while its value still equals that key. So the user's own fills stay,
 * nothing is painted where no key was written (only table cells get keys), and a cell the
 * user edits loses its highlight at once, before the add-in has judged it again.
 */

/** Excel keeps at most 32,767 characters in a cell; a longer key cannot be stored. */
const MAX_KEY_LENGTH = 32_767;

/** The key of an invalid cell: what `"!"&A2` gives in Excel for that cell's value. */
export function highlightKey(cell: Cell): string {
  const text = typeof cell === "string" ? cell : cellText(cell);
  const key = `!${text}`;
  return key.length > MAX_KEY_LENGTH ? "" : key;
}

/** The conditional format's rule, written for the top-left cell of the range it covers. */
export function highlightFormula(topLeft: string): string {
  return `=EXACT("!"&${topLeft},INDEX(${sheetReference(CHECKS_SHEET)}!$A:$XFD,ROW(),COLUMN()))`;
}

/** Where the highlight rule was applied, as recorded in the workbook's settings. */
export interface HighlightRecord {
  sheet: string;
  top: number;
  left: number;
  right: number;
}

export function parseHighlightRecord(value: unknown): HighlightRecord | undefined {
  if (!value || typeof value !== "object") return undefined;
  const { sheet, top, left, right } = value as Record<string, unknown>;
  return typeof sheet === "string" &&
    typeof top === "number" &&
    typeof left === "number" &&
    typeof right === "number"
    ? { sheet, top, left, right }
    : undefined;
}

function covers(record: HighlightRecord | undefined, geometry: AreaGeometry): boolean {
  return (
    record !== undefined &&
    record.sheet === geometry.sheet &&
    record.top <= firstDataRow(geometry) &&
    record.left <= geometry.firstColumn &&
    record.right >= geometry.lastColumn
  );
}

/**
 * Makes sure the checks sheet exists and a highlight rule covers the area's columns from the
 * first data row to the bottom of the sheet. Returns the record now in force.
 */
export function queueHighlightSetup(
  context: Excel.RequestContext,
  geometry: AreaGeometry,
  checksExists: boolean,
  record: HighlightRecord | undefined
): HighlightRecord | undefined {
  if (!checksExists) {
    const checks = context.workbook.worksheets.add(CHECKS_SHEET);
    // Keys are text: "!0123" must not become a number or a formula.
    checks.getRange().numberFormat = "@" as unknown as string[][];
    checks.visibility = "VeryHidden";
  }
  if (checksExists && covers(record, geometry)) return record;
  const top = firstDataRow(geometry);
  const sheet = context.workbook.worksheets.getItem(geometry.sheet);
  const range = sheet.getRangeByIndexes(
    top,
    geometry.firstColumn,
    1_048_576 - top,
    geometry.lastColumn - geometry.firstColumn + 1
  );
  const format = range.conditionalFormats.add("Custom");
  format.custom.rule.formula = highlightFormula(cellAddress(top, geometry.firstColumn));
  format.custom.format.fill.color = HIGHLIGHT.fill;
  format.custom.format.font.color = HIGHLIGHT.font;
  const next = {
    sheet: geometry.sheet,
    top,
    left: geometry.firstColumn,
    right: geometry.lastColumn,
  };
  queueSettingWrite(context, SETTINGS.highlight, next);
  return next;
}

/** The keys of one data row, one per area column. */
export function rowKeys(live: LiveSheet, geometry: AreaGeometry, index: number): string[] {
  const width = geometry.lastColumn - geometry.firstColumn + 1;
  const keys: string[] = new Array<string>(width).fill("");
  const cells = live.cellsOf(index);
  if (!cells) return keys;
  const { columns } = geometry.mapping;
  const fields = live.profile.fields;
  for (const problem of live.problemsOf(index)) {
    const field = fields.findIndex((candidate) => candidate.key === problem.field);
    const column = columns[field];
    if (column !== undefined) keys[column] = highlightKey(cells[field]);
  }
  return keys;
}

/** Consecutive indexes as [first, last] runs. */
export function runsOf(indexes: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  for (const index of indexes) {
    const last = runs[runs.length - 1];
    if (last && index === last[1] + 1) last[1] = index;
    else runs.push([index, index]);
  }
  return runs;
}

/** One write of highlight keys: rows `first`..`first + keys.length - 1` of the data. */
export interface KeyBlock {
  span: CellSpan;
  keys: string[][];
  bytes: number;
}

/** The key blocks for the given data rows (ascending), ready to be written. */
export function keyBlocks(
  live: LiveSheet,
  geometry: AreaGeometry,
  indexes: readonly number[]
): KeyBlock[] {
  const top = firstDataRow(geometry);
  const width = geometry.lastColumn - geometry.firstColumn + 1;
  const rows = dataRowCount(geometry);
  return runsOf(indexes).map(([first, last]) => {
    const keys: string[][] = [];
    let bytes = 0;
    for (let index = first; index <= last; index++) {
      const line =
        index < rows ? rowKeys(live, geometry, index) : new Array<string>(width).fill("");
      for (const key of line) bytes += key.length + 3;
      keys.push(line);
    }
    return {
      span: {
        top: top + first,
        bottom: top + last,
        left: geometry.firstColumn,
        right: geometry.lastColumn,
      },
      keys,
      bytes,
    };
  });
}

export function queueKeyWrite(context: Excel.RequestContext, block: KeyBlock): void {
  const checks = context.workbook.worksheets.getItem(CHECKS_SHEET);
  checks.getRangeByIndexes(
    block.span.top,
    block.span.left,
    block.span.bottom - block.span.top + 1,
    block.span.right - block.span.left + 1
  ).values = block.keys;
}

/** Removes every key (the area moved or was judged again from scratch). */
export function queueKeysCleared(context: Excel.RequestContext): void {
  context.workbook.worksheets.getItem(CHECKS_SHEET).getRange().clear("Contents");
}
