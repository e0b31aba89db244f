import type { UiLang } from "../core";
import { runsOf } from "./checks";
import { firstDataRow, dataRowCount } from "./area";
import type { LiveSession } from "./session";
import {
  formatStatus,
  parseStatus,
  queueLedgerAppend,
  readLedger,
  STATUS_HEADER,
  type Ledger,
  type RowStatus,
} from "./status";
import { TABLE_NAME } from "./names";

/** What the sheet says about earlier sends: each data row's status, and the ledger. */
export interface SendState {
  statuses: (RowStatus | undefined)[];
  ledger: Ledger;
}

function geometryOf(session: LiveSession) {
  const geometry = session.geometry;
  if (!geometry) throw new Error("The client area has not been read yet.");
  return geometry;
}

/** Reads the status column and the ledger (two or three syncs, once per send). */
export async function readSendState(session: LiveSession): Promise<SendState> {
  await session.idle();
  const geometry = geometryOf(session);
  const count = dataRowCount(geometry);
  return session.excelRun(async (context) => {
    let column: Excel.Range | undefined;
    if (geometry.statusColumn !== undefined && count > 0) {
      column = context.workbook.worksheets
        .getItem(geometry.sheet)
        .getRangeByIndexes(
          firstDataRow(geometry),
          geometry.firstColumn + geometry.statusColumn,
          count,
          1
        );
      column.load("values");
    }
    const ledger = await readLedger(context);
    const statuses = column
      ? (column.values as unknown[][]).map((line) => parseStatus(line[0]))
      : [];
    return { statuses, ledger };
  });
}

/** Adds the status column to the area when it has none (a sheet the user brought, an old table). */
export async function ensureStatusColumn(session: LiveSession, lang: UiLang): Promise<void> {
  const geometry = geometryOf(session);
  if (geometry.statusColumn !== undefined) return;
  await session.excelRun(async (context) => {
    if (session.areaSpec.kind === "table") {
      context.workbook.tables
        .getItem(TABLE_NAME)
        .columns.add(undefined, undefined, STATUS_HEADER[lang]);
    } else {
      const header = context.workbook.worksheets
        .getItem(geometry.sheet)
        .getRangeByIndexes(geometry.headerRow, geometry.lastColumn + 1, 1, 1);
      header.values = [[STATUS_HEADER[lang]]];
    }
    await context.sync();
  });
  await session.reload();
}

export interface RowResult {
  index: number;
  status: RowStatus;
  /** The client in the partner space's web app, for created rows. */
  url?: string;
}

/**
 * Writes rows' statuses (and the ledger lines of clients just created) in one sync. Status
 * cells are text-formatted first: what is written is never read as a number or a formula.
 */
export async function writeResults(
  session: LiveSession,
  results: RowResult[],
  lang: UiLang,
  ledger: Ledger,
  ledgerLines: [string, string][]
): Promise<void> {
  if (results.length === 0 && ledgerLines.length === 0) return;
  const geometry = geometryOf(session);
  const statusColumn = geometry.statusColumn;
  if (statusColumn === undefined) throw new Error("The client area has no status column.");
  const byIndex = new Map(results.map((result) => [result.index, result]));
  const indexes = [...byIndex.keys()].sort((a, b) => a - b);
  await session.excelRun(async (context) => {
    const sheet = context.workbook.worksheets.getItem(geometry.sheet);
    const column = geometry.firstColumn + statusColumn;
    for (const [first, last] of runsOf(indexes)) {
      const range = sheet.getRangeByIndexes(
        firstDataRow(geometry) + first,
        column,
        last - first + 1,
        1
      );
      const lines: string[][] = [];
      for (let index = first; index <= last; index++)
        lines.push([formatStatus(byIndex.get(index)!.status, lang)]);
      range.numberFormat = lines.map(() => ["@"]);
      range.values = lines;
    }
    for (const result of results) {
      if (!result.url) continue;
      sheet.getRangeByIndexes(firstDataRow(geometry) + result.index, column, 1, 1).hyperlink = {
        address: result.url,
        textToDisplay: formatStatus(result.status, lang),
      };
    }
    queueLedgerAppend(context, ledger, ledgerLines);
    await context.sync();
  });
}
