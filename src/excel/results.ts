import type { RowSnapshot, UiLang } from "../core";
import { firstDataRow, dataRowCount, type AreaGeometry } from "./area";
import { readInChunks, rowChunks } from "./payload";
import type { RowWrite, RowWriteOutcome } from "./row-writes";
import type { LiveSession } from "./session";
import {
  formatStatus,
  parseStatus,
  queueLedgerSheet,
  readLedger,
  STATUS_HEADER,
  type Ledger,
  type LedgerLine,
  type RowStatus,
} from "./status";

/** What the sheet says about earlier sends: each data row's status, and the ledger. */
export interface SheetSendState {
  statuses: (RowStatus | undefined)[];
  ledger: Ledger;
}

/** Status cells read per request (each response under Excel's 5 MB; a refused one is halved). */
const STATUS_ROWS_PER_READ = 20_000;

function placed(geometry: AreaGeometry | undefined): AreaGeometry {
  if (!geometry) throw new Error("The client area has not been read yet.");
  return geometry;
}

/** Reads the status column and the ledger, in chunks under Excel's payload limit. */
export function readSheetSendState(session: LiveSession): Promise<SheetSendState> {
  return session.excel(async (context, area) => {
    // Found with the statuses' first read: one sync fewer before a send.
    let ledgerSheet: Excel.Worksheet | undefined;
    const statuses = await readStatusColumn(context, placed(area.geometry), () => {
      ledgerSheet = queueLedgerSheet(context);
    });
    return { statuses, ledger: await readLedger(context, ledgerSheet) };
  });
}

/**
 * Reads the status column alone (what the pane counts after each change: the ledger is not
 * needed there).
 */
export function readStatuses(
  session: LiveSession,
  quiet = false
): Promise<(RowStatus | undefined)[]> {
  return session.excel((context, area) => readStatusColumn(context, placed(area.geometry)), quiet);
}

/**
 * Data row `index`'s status alone (the selected row's: one cell, one request), read quietly:
 * the pane is not shown working for it.
 */
export function readStatusAt(session: LiveSession, index: number): Promise<RowStatus | undefined> {
  return session.excel(async (context, area) => {
    const geometry = placed(area.geometry);
    const column = geometry.statusColumn;
    if (column === undefined || index >= dataRowCount(geometry)) return undefined;
    const cell = context.workbook.worksheets
      .getItem(geometry.sheet)
      .getRangeByIndexes(firstDataRow(geometry) + index, geometry.firstColumn + column, 1, 1)
      .load("values");
    await context.sync();
    return parseStatus(cell.values[0]?.[0]);
  }, true);
}

/** Each data row's status, read in chunks; `withFirst` queues more into the first request. */
async function readStatusColumn(
  context: Excel.RequestContext,
  geometry: AreaGeometry,
  withFirst?: () => void
): Promise<(RowStatus | undefined)[]> {
  const count = dataRowCount(geometry);
  const statuses: (RowStatus | undefined)[] = [];
  const column = geometry.statusColumn;
  if (column === undefined || count === 0) return statuses;
  withFirst?.();
  const sheet = context.workbook.worksheets.getItem(geometry.sheet);
  const chunks = rowChunks(0, count, STATUS_ROWS_PER_READ);
  await readInChunks(context, chunks, ([start, size]) => {
    const range = sheet.getRangeByIndexes(
      firstDataRow(geometry) + start,
      geometry.firstColumn + column,
      size,
      1
    );
    range.load("values");
    return () =>
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- read once the chunk's sync answered
      (range.values as unknown[][]).forEach(
        (line, i) => (statuses[start + i] = parseStatus(line[0]))
      );
  });
  return statuses;
}

/** Adds the status column to the area when it has none (a sheet the user brought, an old table). */
export async function ensureStatusColumn(session: LiveSession, lang: UiLang): Promise<void> {
  const added = await session.excel(async (context, area) => {
    const geometry = placed(area.geometry);
    if (geometry.statusColumn !== undefined) return false;
    if (area.spec.kind === "table") {
      context.workbook.tables
        .getItem(area.spec.table)
        .columns.add(undefined, undefined, STATUS_HEADER[lang]);
    } else {
      const header = context.workbook.worksheets
        .getItem(geometry.sheet)
        .getRangeByIndexes(geometry.headerRow, geometry.lastColumn + 1, 1, 1);
      header.values = [[STATUS_HEADER[lang]]];
    }
    await context.sync();
    return true;
  });
  if (added) await session.reload();
}

/** What a send writes for a row: its status (and link), and the ledger line of its client. */
export interface RowResult {
  /** The row as it was planned: the status goes where it is now. */
  row: RowSnapshot;
  status?: RowStatus;
  /** The client in the partner space's web app, for created rows. */
  url?: string;
  /** Idempotency key, client id (or "pending"), and the print of the row as sent. */
  ledger?: LedgerLine;
  /**
   * A client was created for this row: its status reaches the row even if it was edited
   * since (found by its identifiers), and its ledger line is kept even if the row is gone.
   */
  created?: boolean;
}

/**
 * Writes rows' statuses and ledger lines, each status where its row is now (see
 * `LiveSession.writeRows`). Status cells are text: what is written is never read as a number
 * or a formula.
 */
export async function writeResults(
  session: LiveSession,
  results: RowResult[],
  lang: UiLang
): Promise<RowWriteOutcome[]> {
  const writes = results.map((result): RowWrite => {
    const text = result.status ? formatStatus(result.status, lang) : undefined;
    return {
      row: result.row,
      status: text === undefined ? undefined : { text, link: result.url },
      followEdits: result.created,
      ledger: result.ledger ? { line: result.ledger, always: !!result.created } : undefined,
    };
  });
  return session.writeRows(writes);
}
