import { Cancelled, type Client, type ClientPage, type PartnerApiClient } from "../api";
import { fieldDifferences, rowPrint, sheetTextOf } from "../core";
import {
  ensureStatusColumn,
  formatStatus,
  readSheetSendState,
  RowAppender,
  type Ledger,
  type RowStatus,
  type RowWrite,
} from "../excel";
import { bothChangedStatus, conflictOf, type Conflict } from "./conflicts";
import { banqupValuesOf, syncedLine, type BanqupWork } from "./synced-rows";

/** The contract's largest page: the fewer pages, the fewer round trips. */
const PAGE_SIZE = 200;

export interface LoadProgress {
  /** Clients received from Banqup so far. */
  received: number;
  /** Rows added for clients the sheet did not have. */
  added: number;
  /** Rows that took Banqup's newer values (not edited in the sheet). */
  refreshed: number;
  /** Rows already holding what Banqup has. */
  inStep: number;
  /** Rows edited in the sheet only: "Update in Banqup" sends them. */
  editedInSheet: number;
  /** Rows changed in the sheet and in Banqup: the user chooses. */
  conflicts: number;
  /** Clients that could not be read (refreshing selected rows). */
  failed: number;
}

export interface LoadReport extends LoadProgress {
  cancelled: boolean;
  /** The rows changed in both places, for the user to choose field by field. */
  conflictRows: Conflict[];
  /** Why the first client that could not be read failed. */
  failure?: string;
}

export interface LoadOptions extends BanqupWork {
  onProgress?: (progress: LoadProgress) => void;
  pageSize?: number;
}

/**
 * Loads the partner's clients into the area, page by page: a client whose row is already
 * there (its status names the client) is compared with it, not added again; the others are
 * added under the last row, each with a status naming the client and its version. What was
 * added before a Cancel or a failure stays, with its ledger lines.
 */
export function loadClients(options: LoadOptions): Promise<LoadReport> {
  return syncWithPages(options, true);
}

/** Compares every row that has a client with Banqup, through the list (no row is added). */
export function refreshAllRows(options: LoadOptions): Promise<LoadReport> {
  return syncWithPages(options, false);
}

/**
 * Compares the given data rows that have a client with Banqup, one request each (a client
 * still at the version the ledger knows costs a 304 and nothing else).
 */
export async function refreshRows(
  options: LoadOptions & { rows: readonly number[] }
): Promise<LoadReport> {
  const { session, client, signal } = options;
  await ensureStatusColumn(session, options.lang);
  const state = await readSheetSendState(session);
  const report = emptyReport();
  const matches: Match[] = [];
  await Promise.all(
    options.rows.map(async (index) => {
      const id = state.statuses[index]?.clientId;
      if (!id || state.statuses[index]?.kind !== "created") return;
      const known = state.ledger.versions.get(id);
      const sent = state.ledger.prints.get(id);
      try {
        const current =
          known === undefined
            ? await client.getClient(id, signal)
            : await client.getClientIfChanged(id, known, signal);
        report.received++;
        if (current) matches.push({ index, client: current });
        else if (editedSince(rowPrint(session.rows?.normalized(index) ?? []), sent))
          report.editedInSheet++;
        else report.inStep++;
      } catch (error) {
        if (error instanceof Cancelled || signal?.aborted) report.cancelled = true;
        else {
          report.failed++;
          report.failure ??= error instanceof Error ? error.message : String(error);
        }
      }
      options.onProgress?.(progressOf(report));
    })
  );
  await compareRows(options, matches, state.ledger, report);
  return report;
}

interface Match {
  index: number;
  client: Client;
}

async function syncWithPages(options: LoadOptions, add: boolean): Promise<LoadReport> {
  const { session, lang } = options;
  // The first page is on its way while the sheet is read.
  const pages = pagesOf(options.client, options.pageSize ?? PAGE_SIZE, options.signal);
  const first = pages.next();
  first.catch(() => undefined);
  await ensureStatusColumn(session, lang);
  const state = await readSheetSendState(session);
  const rowOf = new Map<string, number>();
  state.statuses.forEach((status, index) => {
    if (status?.kind === "created" && status.clientId) rowOf.set(status.clientId, index);
  });
  const report = emptyReport();
  const appender = new RowAppender(session);
  const matches: Match[] = [];
  // A client met twice (it moved in the list while the pages were read) is taken once.
  const seen = new Set<string>();
  // Each page is written while the next one is on its way; the writes keep their order.
  let writing: Promise<void> = Promise.resolve();
  let failure: unknown;
  try {
    for (let page = await first; !page.done; page = await pages.next()) {
      const clients = page.value;
      report.received += clients.length;
      const fresh: Client[] = [];
      for (const client of clients) {
        if (seen.has(client.id)) continue;
        seen.add(client.id);
        const index = rowOf.get(client.id);
        if (index !== undefined) matches.push({ index, client });
        else if (add) fresh.push(client);
      }
      writing = writing.then(async () => {
        if (failure) return;
        try {
          report.added += await addClients(options, appender, fresh);
          options.onProgress?.(progressOf(report));
        } catch (error) {
          failure = error;
        }
      });
      options.onProgress?.(progressOf(report));
    }
  } catch (error) {
    await writing;
    if (!(error instanceof Cancelled) && !options.signal?.aborted) throw error;
    report.cancelled = true;
  }
  await writing;
  if (failure) throw failure;
  await compareRows(options, matches, state.ledger, report);
  return report;
}

/** Pages of the partner's clients; the next page is asked for while this one is written. */
function pagesOf(
  client: PartnerApiClient,
  limit: number,
  signal?: AbortSignal
): AsyncGenerator<Client[], void> {
  // Asked at once, not when the generator first runs.
  const firstPage = client.listClients({ limit }, signal);
  firstPage.catch(() => undefined);
  return pagesFrom(client, limit, firstPage, signal);
}

async function* pagesFrom(
  client: PartnerApiClient,
  limit: number,
  firstPage: Promise<ClientPage>,
  signal?: AbortSignal
): AsyncGenerator<Client[], void> {
  let next = firstPage;
  for (;;) {
    const page = await next;
    const cursor = page.nextCursor;
    if (cursor) {
      next = client.listClients({ limit, cursor }, signal);
      // Awaited on the next turn; not left unhandled if the loop stops before it.
      next.catch(() => undefined);
    }
    yield page.items;
    if (!cursor) return;
  }
}

/**
 * Adds rows for clients the sheet does not have, each in one request with what records it:
 * its values as text, a status naming the client and its version (linked to its page), and
 * its ledger line (the version it was loaded at and the print of its values). Once the
 * session has judged the rows, a row whose values the sheet reads otherwise than Banqup gave
 * them (Banqup kept a form the rules write another way) gets its line again, from the sheet's
 * reading: the row reads as in step. Returns how many rows were added.
 */
async function addClients(
  options: LoadOptions,
  appender: RowAppender,
  clients: readonly Client[]
): Promise<number> {
  if (clients.length === 0) return 0;
  const { session, lang, say } = options;
  const headerLang = session.geometry?.mapping.headerLang ?? "fr";
  const rows = await Promise.all(
    clients.map(async (client) => {
      const values = banqupValuesOf(options, client);
      const status = loadedStatus(client, say("statusLoaded", { version: client.version }));
      return {
        texts: values.map((value) => sheetTextOf(value, headerLang)),
        status: formatStatus(status, lang),
        link: options.client.trustedLink(client.url),
        ledger: await syncedLine(options, client.id, values, client.version),
      };
    })
  );
  const first = await appender.append(rows);
  await session.readAdded(
    first,
    clients.length,
    rows.map((row) => row.ledger)
  );
  const live = session.rows!;
  const fixes: RowWrite[] = [];
  for (const [i, client] of clients.entries()) {
    const row = live.snapshot(first + i);
    const values = live.normalized(first + i) ?? [];
    if (!row || rowPrint(values) === rows[i]!.ledger[2]) continue;
    const line = await syncedLine(options, client.id, values, client.version);
    fixes.push({ row, ledger: { line, always: false } });
  }
  await session.writeRows(fixes);
  return clients.length;
}

function loadedStatus(client: Client, words: string): RowStatus {
  return { kind: "created", clientId: client.id, detail: `${client.id} · ${words}` };
}

/**
 * Whether a row changed in the sheet since it was last sent, loaded or refreshed (`sent`: the
 * print the ledger keeps). Unknown history counts as a change: the user decides.
 */
function editedSince(print: string, sent: string | undefined): boolean {
  return sent === undefined || print !== sent;
}

/**
 * Rows whose client Banqup sent, compared with it: the same values are recorded as in step
 * at Banqup's version; a row not edited in the sheet takes Banqup's newer values; a row
 * edited in the sheet while Banqup kept its version waits for "Update in Banqup"; a row
 * changed in both places becomes a conflict, and nothing is overwritten.
 */
async function compareRows(
  options: LoadOptions,
  matches: readonly Match[],
  ledger: Ledger,
  report: LoadReport
): Promise<void> {
  const { session, lang, say } = options;
  const live = session.rows;
  if (!live || matches.length === 0) return;
  const headerLang = session.geometry?.mapping.headerLang ?? "fr";
  const writes: RowWrite[] = [];
  for (const { index, client } of matches) {
    const row = live.snapshot(index);
    if (!row) continue;
    const values = live.normalized(index) ?? [];
    const theirs = banqupValuesOf(options, client);
    const print = rowPrint(values);
    const known = ledger.versions.get(client.id);
    const sent = ledger.prints.get(client.id);
    const refreshed = {
      text: formatStatus(
        loadedStatus(client, say("statusRefreshed", { version: client.version })),
        lang
      ),
      link: options.client.trustedLink(client.url),
    };
    const differences = fieldDifferences(session.profile, values, theirs);
    if (differences.length === 0) {
      report.inStep++;
      if (known === client.version && sent === print) continue;
      const line = await syncedLine(options, client.id, values, client.version);
      writes.push({ row, status: refreshed, ledger: { line, always: false } });
      continue;
    }
    const changedInBanqup =
      known === undefined
        ? sent === undefined || rowPrint(theirs) !== sent
        : client.version !== known;
    if (!changedInBanqup) {
      report.editedInSheet++;
    } else if (!editedSince(print, sent)) {
      report.refreshed++;
      const line = await syncedLine(options, client.id, theirs, client.version);
      writes.push({
        row,
        cells: differences.map((difference) => ({
          field: difference.field,
          value: sheetTextOf(difference.banqup, headerLang),
        })),
        status: refreshed,
        ledger: { line, always: false },
      });
    } else {
      report.conflictRows.push(conflictOf(row, client, differences)!);
      report.conflicts++;
      writes.push({
        row,
        status: { text: formatStatus(bothChangedStatus(say, client.id, client.version), lang) },
      });
    }
  }
  await session.writeRows(writes);
  options.onProgress?.(progressOf(report));
}

/** Nothing received or done yet. */
export const NO_LOAD_PROGRESS: Readonly<LoadProgress> = {
  received: 0,
  added: 0,
  refreshed: 0,
  inStep: 0,
  editedInSheet: 0,
  conflicts: 0,
  failed: 0,
};

function emptyReport(): LoadReport {
  return { ...NO_LOAD_PROGRESS, cancelled: false, conflictRows: [] };
}

function progressOf(report: LoadReport): LoadProgress {
  const { received, added, refreshed, inStep, editedInSheet, conflicts, failed } = report;
  return { received, added, refreshed, inStep, editedInSheet, conflicts, failed };
}
