import { rowPrint, type LiveSheet } from "../core";
import {
  createdStatus,
  formatStatus,
  LEDGER_PENDING,
  parseStatus,
  type LedgerLine,
} from "./status";

/**
 * Created rows against what was sent for them: the print of each client's row as last sent
 * (from the ledger), and the status a created row should show now that it was read again.
 * An edit makes the status say at once that Banqup differs; undoing the edit says it is in
 * step again. Statuses without a print (sent by an older version) are left as they are.
 */
export class SentRows {
  /** Client id → print; undefined until the ledger was read (once, when first needed). */
  private prints: Map<string, string> | undefined;

  get loaded(): boolean {
    return this.prints !== undefined;
  }

  load(prints: Map<string, string>): void {
    this.prints = prints;
  }

  /** The lines a write appends to the ledger: their prints are the latest. */
  learn(lines: readonly LedgerLine[]): void {
    for (const [, client, print] of lines)
      if (print && client !== LEDGER_PENDING) this.prints?.set(client, print);
  }

  /** The status texts to write: created rows whose "in step" state changed. */
  corrections(
    statuses: ReadonlyMap<number, string>,
    live: LiveSheet
  ): { index: number; text: string }[] {
    const corrections: { index: number; text: string }[] = [];
    for (const [index, text] of statuses) {
      const status = parseStatus(text);
      const sent = status?.clientId ? this.prints?.get(status.clientId) : undefined;
      if (!status?.clientId || sent === undefined) continue;
      const differs = rowPrint(live.normalized(index) ?? []) !== sent;
      if (differs === (status.differs === true)) continue;
      const lang = status.lang ?? "en";
      corrections.push({
        index,
        text: formatStatus(createdStatus(status.clientId, differs, lang), lang),
      });
    }
    return corrections;
  }
}
