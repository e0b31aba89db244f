import { areaWidth, firstDataRow, type AreaGeometry, type AreaSpec } from "./area";
import { blockBytes, syncInGroups } from "./payload";
import type { LiveSession } from "./session";

/** A row to add: one text per profile field ("" for empty), and its status. */
export interface NewRow {
  texts: readonly string[];
  status: string;
}

/**
 * Adds rows under the last row of the area that holds anything (empty rows left in a table
 * are filled first), as text: "0123" keeps its zero and "=x" never becomes a formula. Each
 * call writes where the last one stopped; requests stay under Excel's payload limit. The
 * session does not see the rows until it reads the area again (`LiveSession.reload`): the
 * add-in's own writes start no check.
 */
export class RowAppender {
  /** The data row the next row goes to, once known. */
  private next: number | undefined;
  /** The table's data rows as this appender left them (rows past it are added first). */
  private rows = 0;

  /** How many rows this appender has written. */
  written = 0;

  constructor(private readonly session: LiveSession) {}

  async append(rows: readonly NewRow[]): Promise<void> {
    if (rows.length === 0) return;
    const live = this.session.rows;
    if (!live) throw new Error("The client area has not been read yet.");
    if (this.next === undefined) {
      let next = live.length;
      while (next > 0 && live.snapshot(next - 1) === undefined) next--;
      this.next = next;
      this.rows = live.length;
    }
    await this.session.excel(async (context, area) => {
      const geometry = area.geometry;
      if (!geometry || geometry.statusColumn === undefined)
        throw new Error("The client area has no status column.");
      await syncInGroups(context, rows, lineBytes(geometry), (group) =>
        this.queueRows(context, geometry, area.spec, group)
      );
    });
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
    // Counted once written: a refused group is split, and its halves start from the same row.
    return () => this.advance(group.length, missing);
  }

  private advance(count: number, added: number): void {
    this.next! += count;
    this.rows += Math.max(0, added);
    this.written += count;
  }
}

/** What one row costs in a request: its texts twice (values, formats) and the blanks added. */
function lineBytes(geometry: AreaGeometry): (row: NewRow) => number {
  const width = areaWidth(geometry);
  return (row) => blockBytes([[...row.texts, row.status]]) + width * 9;
}
