import { sameCells, type Cell, type LiveSheet, type RowSnapshot } from "../core";
import { areaWidth, fieldCells, firstDataRow, type AreaGeometry } from "./area";
import { runsOf } from "./spans";
import { LEDGER_SHEET } from "./names";
import { LEDGER_COLUMNS, LEDGER_HEADER, LEDGER_WIDTH, type LedgerLine } from "./status";
import { blockBytes, cellBytes, groupsWithin, OPERATION_BYTES } from "./payload";
import { columnBlocks } from "./text-writes";

/**
 * A write that depends on a row: fix or template values, a send's status and link, a ledger
 * line. It carries the row as it was when the write was computed, and lands only where that
 * row is now; a row that is gone or was changed gets nothing, and the caller says so.
 */
export interface RowWrite {
  row: RowSnapshot;
  /** Values for the row's fields: written only where the row still holds the snapshot. */
  cells?: { field: string; value: string }[];
  /** Text for the status column, and a link to put on it. */
  status?: { text: string; link?: string };
  /**
   * A row edited since the snapshot is still found by its identifiers (a client was created
   * for it: its result must reach it).
   */
  followEdits?: boolean;
  /** A ledger line (key, client id or "pending", print); `always`: even with no row. */
  ledger?: { line: LedgerLine; always: boolean };
}

/** Cell writes gathered per row snapshot: one compare-and-set write per row. */
export function cellsByRow(
  cells: readonly { row: RowSnapshot; field: string; value: string }[]
): { row: RowSnapshot; cells: { field: string; value: string }[] }[] {
  const byRow = new Map<RowSnapshot, { field: string; value: string }[]>();
  for (const { row, field, value } of cells) {
    const list = byRow.get(row) ?? [];
    list.push({ field, value });
    byRow.set(row, list);
  }
  return [...byRow].map(([row, values]) => ({ row, cells: values }));
}

export type RowWriteOutcome =
  | { written: true; index: number; moved: boolean; edited: boolean }
  | { written: false; reason: "gone" | "ambiguous" | "noStatusColumn" | "moving" };

/** A piece of a write batch and what it costs in the request. */
interface WriteUnit {
  bytes: number;
  /** Queues the piece; returns what to check once its sync answered. */
  queue(): (() => Misplaced[]) | void;
}

/** A write that reached a row other than its own (rows moved while it was on its way). */
export interface Misplaced {
  /** Positions in the plan's `writes`. */
  writes: number[];
  /** Puts back what the row there held before. */
  restore(): void;
}

/** What the ledger sheet is like before the batch appends to it (it exists by then). */
export type LedgerState = "empty" | "ready";

export interface RowWritePlan {
  /** Per write: where it went, or why nowhere. */
  outcomes: RowWriteOutcome[];
  /** Data rows whose cells were changed here: their verdicts and keys follow. */
  affected: number[];
  units: WriteUnit[];
}

interface Placement {
  writes: number[];
  /** The row's cells as the session knows them: what the row must hold when written. */
  before: readonly Cell[];
  cells?: Cell[];
  status?: { text: string; link?: string };
}

/**
 * Finds where each write's row is now and prepares the writes in units of consecutive rows.
 * Each unit reads its rows in the same request, right before writing them (Excel runs a
 * request's operations in order, and nothing of the user's comes between them), so a row that
 * moved while the request was on its way is found out and what was written there is put back.
 * Every row is located before any is changed, so writes computed from one state never see each
 * other; `live` is updated with the values written.
 */
export function planRowWrites(
  context: Excel.RequestContext,
  options: {
    live: LiveSheet;
    geometry: AreaGeometry;
    writes: readonly RowWrite[];
    ledger: LedgerState;
    /** Ledger lines are appended once, on the first attempt. */
    withLedger: boolean;
  }
): RowWritePlan {
  const { live, geometry, writes } = options;
  const fields = live.profile.fields;
  const where = writes.map((write) => live.locate(write.row, write.followEdits && !write.cells));
  const outcomes: RowWriteOutcome[] = [];
  const placements = new Map<number, Placement>();
  const ledgerLines: LedgerLine[] = [];

  writes.forEach((write, i) => {
    const found = where[i]!;
    if (found.index === undefined || (write.status && geometry.statusColumn === undefined)) {
      const reason = found.index === undefined ? found.reason : "noStatusColumn";
      outcomes.push({ written: false, reason });
      if (write.ledger?.always) ledgerLines.push(write.ledger.line);
      return;
    }
    const { index } = found;
    outcomes.push({ written: true, index, moved: found.moved, edited: found.edited });
    if (write.ledger) ledgerLines.push(write.ledger.line);
    const placement = placements.get(index) ?? {
      writes: [],
      before: live.cellsOf(index) ?? [],
    };
    placement.writes.push(i);
    if (write.status) placement.status = write.status;
    if (write.cells) {
      const cells = placement.cells ?? [...placement.before];
      for (const { field, value } of write.cells) {
        const position = fields.findIndex((candidate) => candidate.key === field);
        if (position >= 0 && geometry.mapping.columns[position] !== undefined)
          cells[position] = value;
      }
      placement.cells = cells;
    }
    placements.set(index, placement);
  });

  const affected = new Set<number>();
  for (const [index, placement] of placements) {
    // Excel stores text in a text-formatted cell exactly as written.
    if (placement.cells) for (const row of live.update(index, [placement.cells])) affected.add(row);
  }
  const units = runsOf([...placements.keys()].sort((a, b) => a - b)).map(([first, last]) =>
    rowsUnit(context, geometry, first, last, placements)
  );
  if (options.withLedger) units.push(...ledgerUnits(context, ledgerLines, options.ledger));
  return { outcomes, affected: [...affected].sort((a, b) => a - b), units };
}

/** Rows first..last (data indexes): read, then written, in one request. */
function rowsUnit(
  context: Excel.RequestContext,
  geometry: AreaGeometry,
  first: number,
  last: number,
  placements: ReadonlyMap<number, Placement>
): WriteUnit {
  const sheet = context.workbook.worksheets.getItem(geometry.sheet);
  const top = firstDataRow(geometry);
  const width = areaWidth(geometry);
  const count = last - first + 1;
  const placed: { row: number; column: number; value: string }[] = [];
  const statusLines: (string | undefined)[] = [];
  let bytes = count * width * 8;
  for (let index = first; index <= last; index++) {
    const placement = placements.get(index)!;
    statusLines.push(placement.status?.text);
    placement.cells?.forEach((cell, position) => {
      const column = geometry.mapping.columns[position];
      if (column === undefined || (placement.before[position] ?? "") === (cell ?? "")) return;
      placed.push({ row: top + index, column: geometry.firstColumn + column, value: String(cell) });
      bytes += cellBytes(cell) * 2;
    });
    if (placement.status)
      bytes += cellBytes(placement.status.text) * 2 + cellBytes(placement.status.link ?? "");
  }
  return {
    bytes: bytes + OPERATION_BYTES * (3 + placed.length),
    queue: () => {
      // Read first: this request sees the rows as they are when the writes land.
      const rows = sheet.getRangeByIndexes(top + first, geometry.firstColumn, count, width);
      rows.load("values");
      for (const block of columnBlocks(placed)) {
        const lines = block.values.map((value) => [value]);
        const range = sheet.getRangeByIndexes(block.top, block.column, lines.length, 1);
        // Text first: "0123" keeps its zero and "=x" never becomes a formula.
        range.numberFormat = lines.map(() => ["@"]);
        range.values = lines;
      }
      const statusColumn = geometry.statusColumn;
      if (statusColumn !== undefined)
        queueStatuses(sheet, geometry, top + first, statusLines, placements, first);
      return () => misplacedRows(sheet, geometry, rows, first, placements, placed);
    },
  };
}

/** Status texts (runs of consecutive rows) and their links. */
function queueStatuses(
  sheet: Excel.Worksheet,
  geometry: AreaGeometry,
  topRow: number,
  lines: (string | undefined)[],
  placements: ReadonlyMap<number, Placement>,
  first: number
): void {
  const column = geometry.firstColumn + geometry.statusColumn!;
  const written = lines.flatMap((text, i) => (text === undefined ? [] : [i]));
  for (const [a, b] of runsOf(written)) {
    const texts = lines.slice(a, b + 1).map((text) => [text!]);
    const range = sheet.getRangeByIndexes(topRow + a, column, texts.length, 1);
    range.numberFormat = texts.map(() => ["@"]);
    range.values = texts;
  }
  for (const i of written) {
    const status = placements.get(first + i)!.status!;
    if (status.link)
      sheet.getRangeByIndexes(topRow + i, column, 1, 1).hyperlink = {
        address: status.link,
        textToDisplay: status.text,
      };
  }
}

/**
 * Once the unit's request answered: the rows that were not what the writes were computed from
 * when they landed, each with how to put back what it held.
 */
function misplacedRows(
  sheet: Excel.Worksheet,
  geometry: AreaGeometry,
  rows: Excel.Range,
  first: number,
  placements: ReadonlyMap<number, Placement>,
  placed: readonly { row: number; column: number; value: string }[]
): Misplaced[] {
  const top = firstDataRow(geometry);
  const misplaced: Misplaced[] = [];
  (rows.values as Cell[][]).forEach((line, i) => {
    const index = first + i;
    const placement = placements.get(index)!;
    if (sameCells(fieldCells(geometry, line), placement.before)) return;
    const sheetRow = top + index;
    misplaced.push({
      writes: placement.writes,
      restore: () => {
        for (const cell of placed) {
          if (cell.row !== sheetRow) continue;
          const held = line[cell.column - geometry.firstColumn];
          sheet.getRangeByIndexes(cell.row, cell.column, 1, 1).values = [[held ?? ""]];
        }
        if (placement.status && geometry.statusColumn !== undefined) {
          const held = line[geometry.statusColumn];
          const cell = sheet.getRangeByIndexes(
            sheetRow,
            geometry.firstColumn + geometry.statusColumn,
            1,
            1
          );
          // The link that went with the wrong status goes too (a link the row had is lost).
          if (placement.status.link) cell.clear("Hyperlinks");
          cell.values = [[held ?? ""]];
        }
      },
    });
  });
  return misplaced;
}

/**
 * Ledger lines appended at the ledger's end as Excel finds it when the request runs (the used
 * range, then the rows below it): two panes or two co-authors appending at once never write
 * over each other's lines, as an end read in an earlier request could make them.
 */
export function ledgerUnits(
  context: Excel.RequestContext,
  lines: readonly LedgerLine[],
  state: LedgerState
): WriteUnit[] {
  if (lines.length === 0) return [];
  const cells = lines.map(([key, client, print, version]) => [
    key,
    client,
    print ?? "",
    version === undefined ? "" : String(version),
  ]);
  const groups = groupsWithin(cells, (line) => blockBytes([line]));
  const text = () => Array.from({ length: LEDGER_WIDTH }, () => "@");
  return groups.map((group, i) => ({
    bytes: blockBytes(group) * 2,
    queue: () => {
      const sheet = context.workbook.worksheets.getItem(LEDGER_SHEET);
      if (i === 0 && state === "empty") {
        const header = sheet.getRangeByIndexes(0, 0, 1, LEDGER_WIDTH);
        header.numberFormat = [text()];
        header.values = [[...LEDGER_HEADER]];
      }
      const end = sheet
        .getRange(LEDGER_COLUMNS)
        .getUsedRange(true)
        .getRowsBelow(group.length)
        .getAbsoluteResizedRange(group.length, LEDGER_WIDTH);
      end.numberFormat = group.map(text);
      end.values = group;
    },
  }));
}
