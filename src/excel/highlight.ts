import { fieldPositions, type Cell, type LiveSheet } from "../core";
import { sheetReference, spanMinus, type CellSpan } from "./address";
import { runsOf } from "./spans";
import { areaWidth, dataRowCount, firstDataRow, type AreaGeometry } from "./area";
import { CHECKS_SHEET } from "./names";
import { blockBytes, lineBytes, PAYLOAD_BUDGET_BYTES, syncInGroups } from "./payload";

/**
 * The highlighter. It never paints a cell itself: the checks sheet holds, at the address of
 * each invalid cell, a key made of the value judged invalid, and one conditional format on the
 * data paints a cell while its value still matches that key. So the user's own fills stay,
 * nothing is painted where no key was written (only area cells get keys), and a cell the user
 * edits loses its highlight at once, before the add-in has judged it again.
 */

/** Excel keeps at most 32,767 characters in a cell; a longer key cannot be stored. */
const MAX_KEY_LENGTH = 32_767;

/** What the checks sheet holds for a cell: "" when it is fine. */
export type HighlightKey = string | number | boolean;

/**
 * The key of an invalid cell. Text (and an empty cell) is keyed as "!" and the text, compared
 * with `EXACT("!"&A2, key)`: text joined to text is the same in every locale. A number or a
 * boolean is keyed as itself and compared with `=`: turned into text, it would follow the
 * user's locale ("1,5", "VRAI", "WAAR") and Excel's 15 significant digits, which the add-in
 * cannot reproduce; compared as values, nothing depends on the locale.
 */
function highlightKey(cell: Cell): HighlightKey {
  if (typeof cell === "number" || typeof cell === "boolean") return cell;
  const key = `!${cell ?? ""}`;
  return key.length > MAX_KEY_LENGTH ? "" : key;
}

/** Bumped when the rule's formula changes: an older rule is replaced when found. */
const HIGHLIGHT_RULE_MARK = "ISLOGICAL";

/**
 * The conditional format's rule, written for the top-left cell of the range it covers: paint
 * while the cell still holds the value its key was made of (see `highlightKey`). An empty key
 * never matches (a blank equals 0 and FALSE in Excel's `=`).
 */
export function highlightFormula(topLeft: string, checksSheet = CHECKS_SHEET): string {
  return paintsWhen(topLeft, `INDEX(${sheetReference(checksSheet)}!$A:$XFD,ROW(),COLUMN())`);
}

/**
 * The same test for one cell, written in another cell: what Excel itself says of whether the
 * rule paints that cell (the self-check reads it; a rule's result cannot be read).
 */
export function highlightProbe(address: string, checksSheet = CHECKS_SHEET): string {
  return paintsWhen(address, `${sheetReference(checksSheet)}!${address}`);
}

function paintsWhen(cell: string, key: string): string {
  return `=IF(OR(ISNUMBER(${cell}),${HIGHLIGHT_RULE_MARK}(${cell})),AND(${key}<>"",${cell}=${key}),EXACT("!"&${cell},${key}))`;
}

/** Whether a rule's formula (as Excel gives it back) is one of ours, of any version. */
export function namesChecksSheet(formula: string, checksSheet = CHECKS_SHEET): boolean {
  const compact = formula.replace(/\s+/g, "").toUpperCase();
  return (
    compact.includes(`${sheetReference(checksSheet).toUpperCase()}!`) && !compact.includes("[")
  );
}

/** Whether a rule of ours is of the current version. */
export function isCurrentRule(formula: string): boolean {
  return formula.replace(/\s+/g, "").toUpperCase().includes(`${HIGHLIGHT_RULE_MARK}(`);
}

/** The keys of one data row, one per area column; `none` (shared) when it has no problem. */
function rowKeys(
  live: LiveSheet,
  geometry: AreaGeometry,
  index: number,
  none: readonly HighlightKey[],
  positions: ReadonlyMap<string, number>
): readonly HighlightKey[] {
  const cells = live.cellsOf(index);
  if (!cells || !live.hasProblems(index)) return none;
  const keys: HighlightKey[] = new Array<HighlightKey>(areaWidth(geometry)).fill("");
  const { columns } = geometry.mapping;
  for (const problem of live.problemsOf(index)) {
    const field = positions.get(problem.field);
    if (field === undefined) continue;
    const column = columns[field];
    if (column !== undefined) keys[column] = highlightKey(cells[field]);
  }
  return keys;
}

/**
 * The keys the checks sheet holds for the area's columns, by sheet row, as the session knows
 * them: every key is read when the area is read whole, and every key written is noted; keys
 * read again with changed rows correct what Excel changed behind our back (an undo of our
 * write from ExcelApi 1.20, a co-author). Only rows with a key are kept: the checks sheet
 * holds none outside the data (keys of rows that leave it are cleared).
 */
export class KeyMemory {
  /** By sheet row; no entry for a row without keys. An array: a Map grows slowly on a paste. */
  private readonly rows: (readonly HighlightKey[] | undefined)[] = [];
  /** The keys of a row without any (shared: most rows). */
  readonly none: readonly HighlightKey[];

  constructor(
    readonly left: number,
    readonly width: number
  ) {
    this.none = Object.freeze(new Array<HighlightKey>(width).fill(""));
  }

  get(sheetRow: number): readonly HighlightKey[] {
    return this.rows[sheetRow] ?? this.none;
  }

  set(sheetRow: number, keys: readonly HighlightKey[]): void {
    if (keys !== this.none && keys.some((key) => key !== "")) this.rows[sheetRow] = keys;
    // Most rows have no keys and were not remembered: nothing to forget.
    else if (this.rows[sheetRow] !== undefined) this.rows[sheetRow] = undefined;
  }

  /** Records keys read from the checks sheet (a block whose first row is `top`). */
  learn(top: number, block: readonly (readonly unknown[])[]): void {
    block.forEach((line, i) => this.set(top + i, line.map(asKey)));
  }
}

/**
 * A key as read back from the checks sheet; anything else (an error value) is no key. A type
 * test, not a schema: it runs on every cell of a full read (180,000 for 10,000 rows), where a
 * schema costs seven times as much for the same answer.
 */
function asKey(value: unknown): HighlightKey {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean"
    ? value
    : "";
}

function sameKeys(a: readonly HighlightKey[], b: readonly HighlightKey[]): boolean {
  return a === b || (a.length === b.length && a.every((key, i) => key === b[i]));
}

/**
 * Rows between two changed rows up to this far apart are written again with them (their keys
 * unchanged): one range operation costs more than a few rows of empty keys.
 */
const MERGE_GAP_ROWS = 64;

/** One write of highlight keys: a block of whole area rows. */
export interface KeyBlock {
  span: CellSpan;
  keys: (readonly HighlightKey[])[];
  bytes: number;
}

/**
 * The keys to write for the given data rows (ascending), leaving out every row whose keys the
 * checks sheet already holds: an edit that changes no verdict writes nothing. Rows past the
 * area's end (dropped) get empty keys. `everything`: write them all (the sheet's keys are of
 * an older kind). The memory is updated with what will be written.
 */
export function keyChanges(
  live: LiveSheet,
  geometry: AreaGeometry,
  indexes: readonly number[],
  memory: KeyMemory,
  everything = false
): KeyBlock[] {
  const top = firstDataRow(geometry);
  const width = areaWidth(geometry);
  const rows = dataRowCount(geometry);
  const positions = fieldPositions(live.profile);
  // The memory is made for the area's layout; a row without keys is its shared empty row.
  const none = memory.width === width ? memory.none : new Array<HighlightKey>(width).fill("");
  const changed: number[] = [];
  // Indexed loops here: once a round, over up to every row (see blockBytes).
  for (let k = 0; k < indexes.length; k++) {
    const index = indexes[k]!;
    const line = index < rows ? rowKeys(live, geometry, index, none, positions) : none;
    if (!everything && sameKeys(memory.get(top + index), line)) continue;
    // Noted at once: rows between changed ones are written with what the memory holds.
    memory.set(top + index, line);
    changed.push(index);
  }
  const runs: [number, number][] = [];
  for (const [first, last] of runsOf(changed)) {
    const previous = runs[runs.length - 1];
    if (previous && first - previous[1] <= MERGE_GAP_ROWS) previous[1] = last;
    else runs.push([first, last]);
  }
  // Most lines of a block are the shared empty one: its size is counted once.
  const noneBytes = lineBytes(none);
  // A line is never changed once made (the memory replaces lines, never edits them): a
  // block may hold the memory's own lines.
  return runs.map(([first, last]) => {
    const keys: (readonly HighlightKey[])[] = [];
    let bytes = 2;
    for (let index = first; index <= last; index++) {
      const held = memory.get(top + index);
      const line = held.length === width ? held : none;
      keys.push(line);
      bytes += line === none ? noneBytes : lineBytes(line);
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

function queueKeyWrite(
  context: Excel.RequestContext,
  block: KeyBlock,
  checksSheet = CHECKS_SHEET
): void {
  const checks = context.workbook.worksheets.getItem(checksSheet);
  checks.getRangeByIndexes(
    block.span.top,
    block.span.left,
    block.span.bottom - block.span.top + 1,
    block.span.right - block.span.left + 1
  ).values = block.keys as HighlightKey[][];
}

/** Queues a read of the keys at the same cells as `span` (rows and area columns). */
export function queueKeyRead(
  context: Excel.RequestContext,
  span: CellSpan,
  checksSheet = CHECKS_SHEET
): Excel.Range {
  const range = context.workbook.worksheets
    .getItem(checksSheet)
    .getRangeByIndexes(span.top, span.left, span.bottom - span.top + 1, span.right - span.left + 1);
  range.load("values");
  return range;
}

/** A key block cut into slices of rows, each under `budget` bytes. */
function sliceKeyBlock(block: KeyBlock, budget: number): KeyBlock[] {
  if (block.bytes <= budget || block.keys.length < 2) return [block];
  const rowsPerSlice = Math.max(1, Math.floor((block.keys.length * budget) / block.bytes));
  const slices: KeyBlock[] = [];
  for (let i = 0; i < block.keys.length; i += rowsPerSlice) {
    const keys = block.keys.slice(i, i + rowsPerSlice);
    slices.push({
      span: {
        ...block.span,
        top: block.span.top + i,
        bottom: block.span.top + i + keys.length - 1,
      },
      keys,
      bytes: blockBytes(keys),
    });
  }
  return slices;
}

/** Clears keys left outside the area's data (the table shrank, columns moved). */
export function queueKeysOutside(
  context: Excel.RequestContext,
  checksSheet: string,
  used: Excel.Range,
  geometry: AreaGeometry
): boolean {
  const checks = context.workbook.worksheets.getItem(checksSheet);
  const data: CellSpan = {
    top: firstDataRow(geometry),
    bottom: geometry.lastRow,
    left: geometry.firstColumn,
    right: geometry.lastColumn,
  };
  const box: CellSpan = {
    top: used.rowIndex,
    bottom: used.rowIndex + used.rowCount - 1,
    left: used.columnIndex,
    right: used.columnIndex + used.columnCount - 1,
  };
  const pieces = spanMinus(box, data);
  for (const piece of pieces) {
    checks
      .getRangeByIndexes(
        piece.top,
        piece.left,
        piece.bottom - piece.top + 1,
        piece.right - piece.left + 1
      )
      .clear("Contents");
  }
  return pieces.length > 0;
}

/**
 * Writes key blocks in requests under the budget; a block refused for its size is halved.
 * `alongside` queues what must ride with the first request (sent alone when nothing is written).
 */
export async function writeKeyBlocks(
  context: Excel.RequestContext,
  blocks: KeyBlock[],
  queued: boolean,
  checksSheet: string,
  alongside?: () => void
): Promise<void> {
  const slices = blocks.flatMap((block) => sliceKeyBlock(block, PAYLOAD_BUDGET_BYTES / 4));
  if (slices.length === 0) {
    alongside?.();
    if (queued || alongside) await context.sync();
    return;
  }
  // A request refused for its size is dropped whole: what rides along is queued again with
  // each try until one request has carried it.
  let carried = !alongside;
  await syncInGroups(
    context,
    slices,
    (block) => block.bytes,
    (group) => {
      if (!carried) alongside!();
      group.forEach((block) => queueKeyWrite(context, block, checksSheet));
      return () => (carried = true);
    }
  );
}
