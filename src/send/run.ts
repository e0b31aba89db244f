import { ApiProblem, Cancelled, currentClientOf, type Client, type PartnerApiClient } from "../api";
import { rowPrint, type Problem, type UiLang } from "../core";
import {
  createdStatus,
  LEDGER_PENDING,
  writeResults,
  type LiveSession,
  type RowResult,
  type RowStatus,
  type RowWriteOutcome,
} from "../excel";
import { bothChangedStatus, conflictAt, type Conflict } from "./conflicts";
import type { PlannedRow, SendPlan } from "./plan";
import { banqupValuesOf, type RowReading } from "./synced-rows";
import type { SendSay } from "./words";

export interface SendProgress {
  /** Rows being sent (the plan's "create" rows, and the edited rows to update). */
  total: number;
  created: number;
  /** Clients made what their edited rows now say. */
  updated: number;
  failed: number;
  /** Not sent: cancelled, or found to exist meanwhile. */
  skipped: number;
}

/** A client created for a row that was deleted or changed beyond recognition meanwhile. */
interface UnplacedClient {
  clientId: string;
  companyName: string;
}

/** The outcome of a send; `skipped` counts every row not sent, the plan's skips included. */
export interface SendReport extends SendProgress {
  cancelled: boolean;
  /** Planned rows not sent because they were changed or deleted after the summary. */
  changed: number;
  /** Clients created whose row could not be found to show it (the pane names them). */
  unplaced: UnplacedClient[];
  /** Rows whose update was refused because their client changed in Banqup too. */
  conflicts: Conflict[];
}

export interface SendOptions {
  plan: SendPlan;
  session: LiveSession;
  client: PartnerApiClient;
  /** The language of the statuses written into the sheet. */
  lang: UiLang;
  /** The words of those statuses, in that language (the pane's catalog). */
  say: SendSay;
  /** Invite each created client's contact to Banqup (docs/rules.md, "After creation"). */
  invite: boolean;
  /** Create the rows that may already be clients (same contact e-mail or name) too. */
  createSimilar?: boolean;
  /** Update the clients of rows edited since they were created ("Update in Banqup"). */
  updateEdited?: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: SendProgress) => void;
  /**
   * Results are written to the sheet at least this often (ms), and whenever this many wait.
   * Each write is a round trip to Excel (on the web, over the network): a second between them
   * keeps a 1,000-row send to a handful, while the pane shows the progress as it goes. A result
   * not yet written is not lost: sent again, the row gets the client it created (its key).
   */
  flushMillis?: number;
  flushSize?: number;
}

/**
 * Sends the plan's rows and writes each row's result into the status column as results come
 * in. Before any request, each row's idempotency key goes into the ledger as pending: a send
 * cut short is resumed with the same keys, and the API never creates a client twice.
 */
export async function runSend(options: SendOptions): Promise<SendReport> {
  const { plan, session, lang, say } = options;
  const sends = (row: PlannedRow) => sentBy(row, options);
  const planned = plan.rows.filter(sends);
  const progress: SendProgress = {
    total: planned.length,
    created: 0,
    updated: 0,
    failed: 0,
    skipped: 0,
  };

  // First, in one batch: the statuses that need no request, and each row to send found where
  // it is now, with its key recorded as pending. A row changed or deleted since the summary
  // is not sent: its client would not be the one the user confirmed.
  const initial = plan.rows.flatMap((row): RowResult[] => {
    if (sends(row)) {
      const key = requestKeyOf(row);
      const recorded = plan.ledger.entries.get(key) === LEDGER_PENDING;
      return [{ row: row.row, ledger: recorded ? undefined : [key, LEDGER_PENDING] }];
    }
    const status = statusWithoutSending(row, say, lang);
    return status ? [{ row: row.row, status }] : [];
  });
  const found = await writeResults(session, initial, lang);
  const toSend: PlannedRow[] = [];
  let changed = 0;
  plan.rows.forEach((row) => {
    if (!sends(row)) return;
    const outcome = found[initial.findIndex((result) => result.row === row.row)];
    if (outcome?.written)
      toSend.push({ ...row, index: outcome.index, row: { ...row.row, index: outcome.index } });
    else changed++;
  });
  progress.total = toSend.length;
  options.onProgress?.({ ...progress });

  const writer = new ResultWriter(
    session,
    lang,
    options.flushMillis ?? 1000,
    options.flushSize ?? 200
  );
  let cancelled = false;

  await Promise.all(
    toSend.map(async (row) => {
      const outcome = await sendOne(row, options, say);
      if (outcome.cancelled) cancelled = true;
      progress[outcome.count]++;
      writer.add(row, outcome);
      options.onProgress?.({ ...progress });
    })
  );
  const written = await writer.close();
  const remote: { index: number; problems: Problem[] }[] = [];
  const unplaced: UnplacedClient[] = [];
  const conflicts: Conflict[] = [];
  for (const { row, outcome, placed } of written) {
    const conflict =
      placed.written && outcome.current
        ? conflictAt(readingOf(options), placed.index, outcome.current)
        : undefined;
    if (conflict) conflicts.push(conflict);
    if (placed.written && outcome.problems?.length)
      remote.push({ index: placed.index, problems: outcome.problems });
    if (!placed.written && outcome.result.status?.clientId && outcome.count === "created")
      unplaced.push({
        clientId: outcome.result.status.clientId,
        companyName: row.input?.companyName ?? "",
      });
  }
  await session.markRemote(remote);
  return {
    ...progress,
    // The rows the plan skipped (problems in the sheet, already clients) were not sent either.
    skipped:
      progress.skipped +
      plan.counts.invalid +
      plan.counts.exists +
      (options.createSimilar ? 0 : plan.counts.similar) +
      (options.updateEdited ? 0 : plan.counts.edited) +
      changed,
    cancelled: cancelled || (options.signal?.aborted ?? false),
    changed,
    unplaced,
    conflicts,
  };
}

/** How the send compares a row with its client: the plan's region and templates. */
function readingOf(options: SendOptions): RowReading {
  return { session: options.session, region: options.plan.region, catalog: options.plan.catalog };
}

/** Whether a planned row is sent: created, or its client updated. */
export function sentBy(
  row: PlannedRow,
  options: { createSimilar?: boolean; updateEdited?: boolean }
): boolean {
  return (
    row.kind === "create" ||
    (row.kind === "similar" && options.createSimilar === true) ||
    (row.kind === "edited" && options.updateEdited === true && row.updateKey !== undefined)
  );
}

/** The idempotency key of the request a row is sent with. */
const requestKeyOf = (row: PlannedRow) => (row.kind === "edited" ? row.updateKey! : row.key!);

function statusWithoutSending(row: PlannedRow, say: SendSay, lang: UiLang): RowStatus | undefined {
  switch (row.kind) {
    case "invalid":
      return { kind: "skipped", detail: say("statusInvalid") };
    case "exists":
      return {
        kind: "skipped",
        detail: say("statusExists", { id: row.clientId ?? "", name: row.companyName ?? "" }),
      };
    case "similar":
      return {
        kind: "skipped",
        detail: say(row.sameAs === "companyName" ? "statusSimilarName" : "statusSimilarEmail", {
          id: row.clientId ?? "",
          name: row.companyName ?? "",
        }),
      };
    case "edited":
      // Still a created row: keeping its client id is what stops it being created again.
      return row.clientId
        ? createdStatus(row.clientId, true, lang)
        : { kind: "created", detail: say("statusEdited") };
    case "created":
      return { kind: "created", clientId: row.clientId, detail: row.clientId ?? "" };
    default:
      return undefined;
  }
}

interface Outcome {
  result: RowResult;
  count: "created" | "updated" | "failed" | "skipped";
  problems?: Problem[];
  cancelled?: boolean;
  /** The client as Banqup has it, when it changed there since the sheet last saw it. */
  current?: Client;
}

/**
 * What a written client's status adds when Banqup could not check its ICE (the register did
 * not answer): the client exists, and the row says what is still unknown.
 */
function uncheckedSaid(client: { notices?: { code: string }[] }, say: SendSay): string {
  return client.notices?.some((notice) => notice.code === "ice.unchecked")
    ? ` · ${say("statusUnchecked")}`
    : "";
}

async function sendOne(row: PlannedRow, options: SendOptions, say: SendSay): Promise<Outcome> {
  const { client, signal } = options;
  // A cancelled update leaves a created row: its status keeps the client's id, or the row
  // would be taken for a new client by the next send.
  const cancelledStatus: RowStatus =
    row.kind === "edited" && row.clientId
      ? {
          kind: "created",
          clientId: row.clientId,
          differs: true,
          detail: `${row.clientId} · ${say("statusCancelled")}`,
        }
      : { kind: "skipped", detail: say("statusCancelled") };
  const skippedCancelled = (): Outcome => ({
    result: { row: row.row, status: cancelledStatus },
    count: "skipped",
    cancelled: true,
  });
  if (signal?.aborted) return skippedCancelled();
  try {
    if (row.kind === "edited") {
      const base = await baseVersionOf(row, options);
      if ("changed" in base) return changedInBanqup(row, base.changed, say);
      const updated = await client.updateClient(
        row.clientId!,
        row.input!,
        row.updateKey!,
        base.version,
        signal
      );
      return {
        result: {
          row: row.row,
          status: {
            kind: "created",
            clientId: updated.id,
            detail: `${updated.id} · ${say("statusUpdated")}${uncheckedSaid(updated, say)}`,
          },
          url: client.trustedLink(updated.url),
          ledger: [row.updateKey!, updated.id, row.print ?? "", updated.version],
          created: true,
        },
        count: "updated",
      };
    }
    const created = await client.createClient(row.input!, row.key!, signal);
    let detail = `${created.id}${uncheckedSaid(created, say)}`;
    if (options.invite) {
      try {
        await client.invite(created.id, signal);
        detail = `${detail} · ${say("statusInvited")}`;
      } catch (error) {
        detail = `${detail} · ${say("statusInviteFailed", { reason: reasonOf(error) })}`;
      }
    }
    return {
      result: {
        row: row.row,
        status: { kind: "created", clientId: created.id, detail },
        url: client.trustedLink(created.url),
        ledger: [row.key!, created.id, row.print ?? "", created.version],
        created: true,
      },
      count: "created",
    };
  } catch (error) {
    if (error instanceof Cancelled || signal?.aborted) return skippedCancelled();
    const current = error instanceof ApiProblem ? currentClientOf(error) : undefined;
    if (current && row.kind === "edited") return changedInBanqup(row, current, say);
    // A create refused because the client exists is skipped; an update refused because
    // another client has the identifier fails on that field, like any refused value.
    if (
      error instanceof ApiProblem &&
      error.status === 409 &&
      error.existingClientId &&
      row.kind !== "edited"
    ) {
      return {
        result: {
          row: row.row,
          status: {
            kind: "skipped",
            detail: say("statusExists", { id: error.existingClientId, name: "" }),
          },
        },
        count: "skipped",
      };
    }
    const problems: Problem[] =
      error instanceof ApiProblem
        ? error.fields
            .filter((field) => field.field)
            .map((field) => ({
              row: (options.session.rows?.firstRow ?? 0) + row.index,
              field: field.field,
              code: field.code,
              params: { detail: field.message },
              fix: null,
            }))
        : [];
    // A refused update leaves a created row: its status keeps the client's id (what stops a
    // second client being made), and says the update failed; the row stays "edited".
    const status: RowStatus =
      row.kind === "edited"
        ? {
            kind: "created",
            clientId: row.clientId,
            detail: `${row.clientId ?? ""} · ${say("statusUpdateFailed", { reason: reasonOf(error) })}`,
          }
        : { kind: "failed", detail: reasonOf(error) };
    return { result: { row: row.row, status }, count: "failed", problems };
  }
}

/**
 * The version an edited row's update is made from: the one the ledger keeps, or, for a client
 * sent by an add-in that kept none, Banqup's current one if Banqup still has what the row last
 * sent (its print); if not, the client changed in Banqup since.
 */
async function baseVersionOf(
  row: PlannedRow,
  options: SendOptions
): Promise<{ version: number } | { changed: Client }> {
  if (row.fromVersion !== undefined) return { version: row.fromVersion };
  const { client, signal } = options;
  const current = await client.getClient(row.clientId!, signal);
  const print = rowPrint(banqupValuesOf(readingOf(options), current));
  return print === row.sentPrint ? { version: current.version } : { changed: current };
}

/**
 * An update refused because the client changed in Banqup since the sheet last saw it:
 * nothing is overwritten, the row keeps its client and says so.
 */
function changedInBanqup(row: PlannedRow, current: Client, say: SendSay): Outcome {
  return {
    result: { row: row.row, status: bothChangedStatus(say, current.id, current.version) },
    count: "failed",
    current,
  };
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** A result as written: where its row was found, if anywhere. */
interface Written {
  row: PlannedRow;
  outcome: Outcome;
  placed: RowWriteOutcome;
}

/** Collects results and writes them in batches, one write at a time, in order. */
class ResultWriter {
  private pending: { row: PlannedRow; outcome: Outcome }[] = [];
  private readonly written: Written[] = [];
  private chain: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failure: unknown;

  constructor(
    private readonly session: LiveSession,
    private readonly lang: UiLang,
    private readonly millis: number,
    private readonly size: number
  ) {}

  add(row: PlannedRow, outcome: Outcome): void {
    this.pending.push({ row, outcome });
    if (this.pending.length >= this.size) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.millis);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = [];
    if (batch.length === 0) return;
    this.chain = this.chain
      .then(async () => {
        const placed = await writeResults(
          this.session,
          batch.map((entry) => entry.outcome.result),
          this.lang
        );
        batch.forEach((entry, i) => this.written.push({ ...entry, placed: placed[i]! }));
      })
      .catch((error: unknown) => {
        this.failure ??= error;
      });
  }

  async close(): Promise<Written[]> {
    this.flush();
    await this.chain;
    if (this.failure) throw this.failure;
    return this.written;
  }
}
