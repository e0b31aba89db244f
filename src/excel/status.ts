import * as z from "zod/mini";
import { foldForLookup, type UiLang } from "../core";
import { LEDGER_SHEET } from "./names";
import { readInChunks, rowChunks } from "./payload";

/** A ledger line as read back: an idempotency key and what it created (the header is not one). */
const ledgerLineSchema = z.tuple([z.string().check(z.startsWith("cix_")), z.string()]);

/**
 * The status column: what happened to each row when it was sent, in words the user reads, in
 * a form the add-in reads back. A status starts with a symbol that does not depend on the
 * language, then a label in the user's language, then " · " and the detail (the client id for
 * a created row, the API's message for a failed one).
 */
export type StatusKind = "created" | "failed" | "skipped";

const SYMBOLS: Readonly<Record<StatusKind, string>> = { created: "✓", failed: "✗", skipped: "–" };

export const STATUS_HEADER: Readonly<Record<UiLang, string>> = {
  fr: "Statut Banqup",
  nl: "Banqup-status",
  en: "Banqup status",
};

const STATUS_LABELS: Readonly<Record<UiLang, Record<StatusKind, string>>> = {
  fr: { created: "Créé", failed: "Échec", skipped: "Non envoyé" },
  nl: { created: "Aangemaakt", failed: "Mislukt", skipped: "Niet verzonden" },
  en: { created: "Created", failed: "Failed", skipped: "Not sent" },
};

const STATUS_KEYS = new Set(Object.values(STATUS_HEADER).map(foldForLookup));

export function isStatusHeader(text: string): boolean {
  return STATUS_KEYS.has(foldForLookup(text));
}

export interface RowStatus {
  kind: StatusKind;
  /** The client's id for a created row. */
  clientId?: string;
  detail: string;
}

/** Excel keeps at most 32,767 characters in a cell. */
const MAX_STATUS = 32_000;

export function formatStatus(status: RowStatus, lang: UiLang): string {
  const text = `${SYMBOLS[status.kind]} ${STATUS_LABELS[lang][status.kind]} · ${status.detail}`;
  return text.length > MAX_STATUS ? `${text.slice(0, MAX_STATUS - 1)}…` : text;
}

/** What a status cell says; undefined for an empty cell or text the add-in did not write. */
export function parseStatus(text: unknown): RowStatus | undefined {
  if (typeof text !== "string") return undefined;
  const kind = (Object.keys(SYMBOLS) as StatusKind[]).find((k) =>
    text.startsWith(`${SYMBOLS[k]} `)
  );
  if (!kind) return undefined;
  const separator = text.indexOf(" · ");
  const detail = separator < 0 ? "" : text.slice(separator + 3);
  const status: RowStatus = { kind, detail };
  if (kind === "created") {
    const id = /^\S+/.exec(detail)?.[0];
    if (id) status.clientId = id;
  }
  return status;
}

/**
 * The ledger: for each client the add-in created, the idempotency key it was created with.
 * The key is derived from the row's content, so a row whose key is in the ledger was created
 * as it is now; a created row whose key is not there was edited since. Very hidden sheet,
 * append-only: a header, then two columns, key and client id.
 */
/**
 * Written for a row before its client is requested, replaced by the client's id once created:
 * a send cut short (pane closed, crash) leaves these, and the next send resumes those rows
 * with the same idempotency key, so the API answers with the client it may already have made.
 */
export const LEDGER_PENDING = "pending";

export interface Ledger {
  exists: boolean;
  /** Idempotency key → client id (the last line written for a key wins). */
  entries: Map<string, string>;
}

/** Lines read per request: about 100 bytes each, well under Excel's 5 MB. */
const LEDGER_LINES_PER_READ = 20_000;

/**
 * Reads the ledger: two syncs to find it, then one per 20,000 lines (each response under
 * Excel's 5 MB; a refused one is halved).
 */
export async function readLedger(context: Excel.RequestContext): Promise<Ledger> {
  const sheet = context.workbook.worksheets.getItemOrNullObject(LEDGER_SHEET);
  await context.sync();
  const ledger: Ledger = { exists: !sheet.isNullObject, entries: new Map() };
  if (!ledger.exists) return ledger;
  const used = sheet.getRange("A:B").getUsedRangeOrNullObject(true);
  used.load("rowIndex, rowCount");
  await context.sync();
  if (used.isNullObject) return ledger;
  const chunks = rowChunks(used.rowIndex, used.rowCount, LEDGER_LINES_PER_READ);
  await readInChunks(context, chunks, ([top, count]) => {
    const range = sheet.getRangeByIndexes(top, 0, count, 2);
    range.load("values");
    return () => {
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- read once the chunk's sync answered
      for (const line of range.values as unknown[][]) {
        const entry = ledgerLineSchema.safeParse(line);
        if (entry.success) ledger.entries.set(entry.data[0], entry.data[1]);
      }
    };
  });
  return ledger;
}
