import { areaWidth, firstDataRow, type AreaGeometry, type AreaSpec } from "./area";
import { blockBytes, OPERATION_BYTES, syncInGroups } from "./payload";
import { findLedger } from "./place-writes";
import { ledgerUnits, type LedgerState } from "./row-writes";
import type { LedgerLine } from "./status";
import type { LiveSession } from "./session";

/**
 * A row to add: one text per profile field ("" for empty), its status and the status's link,
 * and the ledger line that records its client (appended in the same request as the row).
 */
export interface NewRow {
  texts: readonly string[];
  status: string;
  link?: string;
  ledger?: LedgerLine;
}

/**
 * Adds rows under the last row of the area that holds anything (empty rows left in a table
 * are filled first), as text: "0123" keeps its zero and "=x" never becomes a formula. Each
 * call writes where the last one stopped; requests stay under Excel's payload limit. The
 * session does not see the rows until it is told to read them (`LiveSession.readAdded`):
 * the add-in's own writes start no check.
 */
export class RowAppender {
  /** The data row the next row goes to, once known. */
  private next: number | undefined;
  /** The table's data rows as this appender left them (rows past it are added first). */
  private rows = 0;
  /** Whether the ledger sheet has its header, once looked at (the first row with a line). */
  private ledger: LedgerState | undefined;

  /** How many rows this appender has written. */
  written = 0;

  constructor(private readonly session: LiveSession) {}

  /** Writes the rows; returns the data row of the first (the others follow it). */
  async append(rows: readonly NewRow[]): Promise<number> {
    if (this.next !== undefined && rows.length === 0) return this.next;
    const live = this.session.rows;
    if (!live) throw new Error("The client area has not been read yet.");
    if (this.next === undefined) {
      let next = live.length;
      while (next > 0 && live.snapshot(next - 1) === undefined) next--;
      this.next = next;
      this.rows = live.length;
    }
    const first = this.next;
    if (rows.length === 0) return first;
    await this.session.excel(async (context, area) => {
      const geometry = area.geometry;
      if (!geometry || geometry.statusColumn === undefined)
        throw new Error("The client area has no status column.");
      if (rows.some((row) => row.ledger)) this.ledger ??= await findLedger(context);
      await syncInGroups(context, rows, lineBytes(geometry), (group) =>
        this.queueRows(context, geometry, area.spec, group)
      );
    });
    return first;
  }

  private queueRows(
    context: Excel.RequestContext,
    geometry: AreaGeometry,
    spec: AreaSpec,
    group: readonly NewRow[]
  ): () => void {
    const at = this.next!;
    const width = areaWidth(geometry);
    const missing = at + group.length - this.rows;
    if (spec.kind === "table" && missing > 0) {
      // Empty rows first, then text: the rows a table adds take its columns' formats, which
      // may read "0123" as a number.
      const blank = Array.from({ length: missing }, () => Array<string>(width).fill(""));
      context.workbook.tables.getItem(spec.table).rows.add(undefined, blank);
    }
    const lines = group.map((row) => {
      const line = Array<string>(width).fill("");
      geometry.mapping.columns.forEach((column, position) => {
        if (column !== undefined) line[column] = row.texts[position] ?? "";
      });
      line[geometry.statusColumn!] = row.status;
      return line;
    });
    const range = context.workbook.worksheets
      .getItem(geometry.sheet)
      .getRangeByIndexes(firstDataRow(geometry) + at, geometry.firstColumn, lines.length, width);
    range.numberFormat = lines.map((line) => line.map(() => "@"));
    range.values = lines;
    group.forEach((row, i) => {
      if (row.link)
        range.getCell(i, geometry.statusColumn!).hyperlink = {
          address: row.link,
          textToDisplay: row.status,
        };
    });
    const ledger = group.flatMap((row) => (row.ledger ? [row.ledger] : []));
    for (const unit of ledgerUnits(context, ledger, this.ledger ?? "ready")) unit.queue();
    // Counted once written: a refused group is split, and its halves start from the same row.
    return () => {
      this.advance(group.length, missing);
      if (ledger.length > 0) this.ledger = "ready";
    };
  }

  private advance(count: number, added: number): void {
    this.next! += count;
    this.rows += Math.max(0, added);
    this.written += count;
  }
}

/**
 * What one row costs in a request: its texts twice (values, formats), the blanks added, and
 * its status's link.
 */
function lineBytes(geometry: AreaGeometry): (row: NewRow) => number {
  const width = areaWidth(geometry);
  return (row) =>
    blockBytes([[...row.texts, row.status]]) +
    width * 9 +
    (row.link ? blockBytes([[row.link, row.status]]) + OPERATION_BYTES : 0) +
    (row.ledger ? blockBytes([row.ledger.map(String)]) * 2 : 0);
}
