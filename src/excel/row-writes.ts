import type { Cell, LiveSheet, RowSnapshot } from "../core";
import { firstDataRow, type AreaGeometry } from "./area";
import { runsOf } from "./checks";
import { LEDGER_SHEET } from "./names";
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
  /** A ledger line (idempotency key, client id or "pending"); `always`: even with no row. */
  ledger?: { line: [string, string]; always: boolean };
}

export type RowWriteOutcome =
  | { written: true; index: number; moved: boolean; edited: boolean }
  | { written: false; reason: "gone" | "ambiguous" | "noStatusColumn" };

/** A piece of a write batch and what it costs in the request. */
export interface WriteUnit {
  bytes: number;
  queue(): void;
}

/** What the ledger sheet is like before the batch appends to it. */
export type LedgerState = "missing" | "empty" | "ready";

export interface RowWritePlan {
  outcomes: RowWriteOutcome[];
  /** Data rows whose cells were changed here: their verdicts and keys follow. */
  affected: number[];
  units: WriteUnit[];
}

/**
 * Finds where each write's row is now and prepares the writes as units (values as text,
 * statuses, links, ledger lines), updating `live` with the values written. Every row is
 * located before any is changed, so two writes computed from one state never see each other.
 */
export function planRowWrites(
  context: Excel.RequestContext,
  options: { live: LiveSheet; geometry: AreaGeometry; writes: RowWrite[]; ledger: LedgerState }
): RowWritePlan {
  const { live, geometry, writes } = options;
  const sheet = context.workbook.worksheets.getItem(geometry.sheet);
  const fields = live.profile.fields;
  const top = firstDataRow(geometry);
  const where = writes.map((write) => live.locate(write.row, write.followEdits && !write.cells));
  const outcomes: RowWriteOutcome[] = [];
  const rowValues = new Map<number, Cell[]>();
  const statuses = new Map<number, { text: string; link?: string }>();
  const ledgerLines: [string, string][] = [];

  writes.forEach((write, i) => {
    const found = where[i]!;
    if (found.index === undefined) {
      outcomes.push({ written: false, reason: found.reason });
      if (write.ledger?.always) ledgerLines.push(write.ledger.line);
      return;
    }
    if (write.status && geometry.statusColumn === undefined) {
      outcomes.push({ written: false, reason: "noStatusColumn" });
      if (write.ledger?.always) ledgerLines.push(write.ledger.line);
      return;
    }
    const { index } = found;
    outcomes.push({ written: true, index, moved: found.moved, edited: found.edited });
    if (write.ledger) ledgerLines.push(write.ledger.line);
    if (write.status) statuses.set(index, write.status);
    if (write.cells) {
      const cells = rowValues.get(index) ?? [...(live.cellsOf(index) ?? [])];
      for (const { field, value } of write.cells) {
        const position = fields.findIndex((candidate) => candidate.key === field);
        if (position >= 0 && geometry.mapping.columns[position] !== undefined)
          cells[position] = value;
      }
      rowValues.set(index, cells);
    }
  });

  const units: WriteUnit[] = [];
  const affected = new Set<number>();
  const placed: { row: number; column: number; value: string }[] = [];
  for (const [index, cells] of rowValues) {
    const before = live.cellsOf(index) ?? [];
    cells.forEach((cell, position) => {
      const column = geometry.mapping.columns[position];
      if (column === undefined || (before[position] ?? "") === (cell ?? "")) return;
      placed.push({ row: top + index, column: geometry.firstColumn + column, value: String(cell) });
    });
    // Excel stores text in a text-formatted cell exactly as written.
    for (const row of live.update(index, [cells])) affected.add(row);
  }
  for (const block of columnBlocks(placed)) {
    const lines = block.values.map((value) => [value]);
    units.push({
      bytes: blockBytes(lines) * 2,
      queue: () => {
        const range = sheet.getRangeByIndexes(block.top, block.column, lines.length, 1);
        // Text first: "0123" keeps its zero and "=x" never becomes a formula.
        range.numberFormat = lines.map(() => ["@"]);
        range.values = lines;
      },
    });
  }
  if (statuses.size && geometry.statusColumn !== undefined) {
    const column = geometry.firstColumn + geometry.statusColumn;
    const indexes = [...statuses.keys()].sort((a, b) => a - b);
    for (const [first, last] of runsOf(indexes)) {
      const lines: string[][] = [];
      for (let index = first; index <= last; index++) lines.push([statuses.get(index)!.text]);
      units.push({
        bytes: blockBytes(lines) * 2,
        queue: () => {
          const range = sheet.getRangeByIndexes(top + first, column, lines.length, 1);
          range.numberFormat = lines.map(() => ["@"]);
          range.values = lines;
        },
      });
    }
    for (const index of indexes) {
      const { text, link } = statuses.get(index)!;
      if (!link) continue;
      units.push({
        bytes: cellBytes(link) + cellBytes(text) + OPERATION_BYTES,
        queue: () => {
          sheet.getRangeByIndexes(top + index, column, 1, 1).hyperlink = {
            address: link,
            textToDisplay: text,
          };
        },
      });
    }
  }
  units.push(...ledgerUnits(context, ledgerLines, options.ledger));
  return { outcomes, affected: [...affected].sort((a, b) => a - b), units };
}

/**
 * Ledger lines appended at the ledger's end as Excel finds it when the request runs (the used
 * range, then the rows below it): two panes or two co-authors appending at once never write
 * over each other's lines, as an end read in an earlier request could make them.
 */
function ledgerUnits(
  context: Excel.RequestContext,
  lines: [string, string][],
  state: LedgerState
): WriteUnit[] {
  if (lines.length === 0) return [];
  const groups = groupsWithin(lines, (line) => blockBytes([line]));
  return groups.map((group, i) => ({
    bytes: blockBytes(group),
    queue: () => {
      const sheets = context.workbook.worksheets;
      let sheet: Excel.Worksheet;
      if (i === 0 && state === "missing") {
        sheet = sheets.add(LEDGER_SHEET);
        sheet.visibility = "VeryHidden";
      } else sheet = sheets.getItem(LEDGER_SHEET);
      if (i === 0 && state !== "ready") {
        const header = sheet.getRange("A1:B1");
        header.numberFormat = [["@", "@"]];
        header.values = [["key", "client"]];
      }
      const end = sheet
        .getRange("A:B")
        .getUsedRange(true)
        .getRowsBelow(group.length)
        .getAbsoluteResizedRange(group.length, 2);
      end.numberFormat = group.map(() => ["@", "@"]);
      end.values = group;
    },
  }));
}
