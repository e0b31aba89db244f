import * as z from "zod/mini";
import { foldForLookup, formatMessage, type UiLang } from "../core";
import { LEDGER_SHEET } from "./names";
import { readInChunks, rowChunks } from "./payload";

/**
 * A ledger line as read back: an idempotency key, what it created, the print of the row as
 * sent and the client's version it made (lines of older add-ins have no print, or no
 * version). The header is not one.
 */
const ledgerLineSchema = z.tuple([
  z.string().check(z.startsWith("cix_")),
  z.string(),
  z.optional(z.unknown()),
  z.optional(z.unknown()),
]);

/**
 * What a send writes to the ledger: key, client id (or pending), the row's print, and the
 * version of the client in Banqup once the row was written there (what an update of the row
 * is made from).
 */
export type LedgerLine = readonly [key: string, client: string, print?: string, version?: number];

/**
 * The status column: what happened to each row when it was sent, in words the user reads, in
 * a form the add-in reads back. A status starts with a symbol that does not depend on the
 * language, then a label in the user's language, then " · " and the detail (the client id for
 * a created row, the API's message for a failed one).
 */
type StatusKind = "created" | "failed" | "skipped";

const SYMBOLS: Readonly<Record<StatusKind, string>> = { created: "✓", failed: "✗", skipped: "–" };

/** A created row edited since it was sent: still created (its client id kept), but not in step. */
const DIFFERS_SYMBOL = "≠";

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

const DIFFERS_LABELS: Readonly<Record<UiLang, string>> = {
  fr: "Banqup diffère",
  nl: "Banqup wijkt af",
  en: "Banqup differs",
};

/** Said of a row edited since it was sent, loaded or refreshed. */
const DIFFERS_HINTS: Readonly<Record<UiLang, string>> = {
  fr: "modifiée dans la feuille",
  nl: "gewijzigd in het blad",
  en: "changed in the sheet",
};

/**
 * The status of a created row, in step with its client or not: what the add-in writes when
 * an edit makes it differ (at once, as the user types) and when it is in step again.
 */
export function createdStatus(clientId: string, differs: boolean, lang: UiLang): RowStatus {
  return differs
    ? { kind: "created", clientId, differs, detail: `${clientId} · ${DIFFERS_HINTS[lang]}` }
    : { kind: "created", clientId, detail: clientId };
}

const STATUS_KEYS = new Set(Object.values(STATUS_HEADER).map(foldForLookup));

export function isStatusHeader(text: string): boolean {
  return STATUS_KEYS.has(foldForLookup(text));
}

export interface RowStatus {
  kind: StatusKind;
  /** The client's id for a created row. */
  clientId?: string;
  /** A created row edited since it was sent or last updated: Banqup has other values. */
  differs?: boolean;
  detail: string;
  /** The language its label is in, when read back. */
  lang?: UiLang;
}

/**
 * A row's problems in words, before it is sent ("⚠ 2 problèmes : IBAN, Email de contact"), so
 * the sheet can be read, printed and filtered without the pane. Not a send's status: parseStatus
 * does not take it, and a send writes over it.
 */
const PROBLEMS_SYMBOL = "⚠";

/** The words, with each language's plural rules (core's one message formatter). */
const PROBLEM_WORDS: Readonly<Record<UiLang, string>> = {
  fr: "{count, plural, one {# problème} other {# problèmes}} : {headers}",
  nl: "{count, plural, one {# probleem} other {# problemen}}: {headers}",
  en: "{count, plural, one {# problem} other {# problems}}: {headers}",
};

/** The words for a row with `count` problems in these columns (their headers). */
export function problemsStatus(count: number, headers: readonly string[], lang: UiLang): string {
  const words = formatMessage(PROBLEM_WORDS[lang], lang, { count, headers: headers.join(", ") });
  return `${PROBLEMS_SYMBOL} ${words}`;
}

/** Whether a status cell holds a row's problems in words (the add-in may replace it). */
export function isProblemsStatus(text: string): boolean {
  return text.startsWith(`${PROBLEMS_SYMBOL} `);
}

/** Excel keeps at most 32,767 characters in a cell. */
const MAX_STATUS = 32_000;

export function formatStatus(status: RowStatus, lang: UiLang): string {
  const differs = status.kind === "created" && status.differs === true;
  const symbol = differs ? DIFFERS_SYMBOL : SYMBOLS[status.kind];
  const label = differs ? DIFFERS_LABELS[lang] : STATUS_LABELS[lang][status.kind];
  const text = `${symbol} ${label} · ${status.detail}`;
  return text.length > MAX_STATUS ? `${text.slice(0, MAX_STATUS - 1)}…` : text;
}

const CREATED_PREFIX = `${SYMBOLS.created} `;
const DIFFERS_PREFIX = `${DIFFERS_SYMBOL} `;

/**
 * Whether a status cell may say a created row (in step or not), before it is parsed: asked of
 * every row a change reads, so its prefixes are made once.
 */
export function mayBeCreatedStatus(text: string): boolean {
  return text.startsWith(CREATED_PREFIX) || text.startsWith(DIFFERS_PREFIX);
}

/** What a status cell says; undefined for an empty cell or text the add-in did not write. */
export function parseStatus(text: unknown): RowStatus | undefined {
  if (typeof text !== "string") return undefined;
  const differs = text.startsWith(DIFFERS_PREFIX);
  const kind = differs
    ? "created"
    : (Object.keys(SYMBOLS) as StatusKind[]).find((k) => text.startsWith(`${SYMBOLS[k]} `));
  if (!kind) return undefined;
  const separator = text.indexOf(" · ");
  const detail = separator < 0 ? "" : text.slice(separator + 3);
  const label = text.slice(2, separator < 0 ? undefined : separator);
  const lang = (Object.keys(STATUS_LABELS) as UiLang[]).find(
    (candidate) => (differs ? DIFFERS_LABELS[candidate] : STATUS_LABELS[candidate][kind]) === label
  );
  const status: RowStatus = { kind, detail };
  if (differs) status.differs = true;
  if (lang) status.lang = lang;
  if (kind === "created") {
    const id = /^\S+/.exec(detail)?.[0];
    if (id) status.clientId = id;
  }
  return status;
}

/**
 * Written for a row before its client is requested, replaced by the client's id once created:
 * a send cut short (pane closed, crash) leaves these, and the next send resumes those rows
 * with the same idempotency key, so the API answers with the client it may already have made.
 */
export const LEDGER_PENDING = "pending";

/** The ledger's columns: key, client id, print, version. */
export const LEDGER_COLUMNS = "A:D";
export const LEDGER_HEADER = ["key", "client", "print", "version"] as const;
export const LEDGER_WIDTH = LEDGER_HEADER.length;

/**
 * The ledger: for each client the add-in created or updated, the idempotency key of the
 * request. The key is derived from the row's content, so a row whose key is in the ledger was
 * sent as it is now; a created row whose key is not there was edited since. Very hidden sheet,
 * append-only: a header, then three columns: key, client id, and the print of the row as sent
 * (what shows an edit at once).
 */
export interface Ledger {
  exists: boolean;
  /** Idempotency key → client id (the last line written for a key wins). */
  entries: Map<string, string>;
  /** Client id → the print of its row as last sent (the last line for a client wins). */
  prints: Map<string, string>;
  /**
   * Client id → its version in Banqup as the sheet last wrote or read it (the last line for a
   * client wins; a line without one, from an older add-in, leaves it unknown).
   */
  versions: Map<string, number>;
}

/** A version as the ledger holds it: text (the ledger's cells are text), a whole number. */
function versionIn(cell: unknown): number | undefined {
  const text = String(cell ?? "");
  return /^[1-9]\d{0,14}$/.test(text) ? Number(text) : undefined;
}

/** Lines read per request: about 100 bytes each, well under Excel's 5 MB. */
const LEDGER_LINES_PER_READ = 20_000;

/** The ledger sheet (or a null object), to be found with the sync of another read. */
export function queueLedgerSheet(context: Excel.RequestContext): Excel.Worksheet {
  return context.workbook.worksheets.getItemOrNullObject(LEDGER_SHEET);
}

/**
 * Reads the ledger: two syncs to find it (one when `found` is its sheet, already synced with
 * another read), then one per 20,000 lines (each response under Excel's 5 MB; a refused one
 * is halved).
 */
export async function readLedger(
  context: Excel.RequestContext,
  found?: Excel.Worksheet
): Promise<Ledger> {
  let sheet = found;
  if (!sheet) {
    sheet = queueLedgerSheet(context);
    await context.sync();
  }
  const ledger: Ledger = {
    exists: !sheet.isNullObject,
    entries: new Map(),
    prints: new Map(),
    versions: new Map(),
  };
  if (!ledger.exists) return ledger;
  const used = sheet.getRange(LEDGER_COLUMNS).getUsedRangeOrNullObject(true);
  used.load("rowIndex, rowCount");
  await context.sync();
  if (used.isNullObject) return ledger;
  const chunks = rowChunks(used.rowIndex, used.rowCount, LEDGER_LINES_PER_READ);
  await readInChunks(context, chunks, ([top, count]) => {
    const range = sheet!.getRangeByIndexes(top, 0, count, LEDGER_WIDTH);
    range.load("values");
    return () => {
      // eslint-disable-next-line office-addins/call-sync-before-read, office-addins/call-sync-after-load -- read once the chunk's sync answered
      for (const line of range.values as unknown[][]) {
        const entry = ledgerLineSchema.safeParse(line);
        if (!entry.success) continue;
        const [key, client, print, version] = entry.data;
        ledger.entries.set(key, client);
        if (client === LEDGER_PENDING) continue;
        if (typeof print === "string" && print) ledger.prints.set(client, print);
        const known = versionIn(version);
        if (known === undefined) ledger.versions.delete(client);
        else ledger.versions.set(client, known);
      }
    };
  });
  return ledger;
}
