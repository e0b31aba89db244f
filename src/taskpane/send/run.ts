import { ApiProblem, Cancelled, type PartnerApiClient } from "../../api";
import type { Problem, UiLang } from "../../core";
import {
  LEDGER_PENDING,
  writeResults,
  type LiveSession,
  type RowResult,
  type RowStatus,
} from "../../excel";
import type { StringKey } from "../strings";
import { translate } from "../strings";
import type { PlannedRow, SendPlan } from "./plan";

export interface SendProgress {
  /** Rows being sent (the plan's "create" rows). */
  total: number;
  created: number;
  failed: number;
  /** Not sent: cancelled, or found to exist meanwhile. */
  skipped: number;
}

/** The outcome of a send; `skipped` counts every row not sent, the plan's skips included. */
export interface SendReport extends SendProgress {
  cancelled: boolean;
}

export interface SendOptions {
  plan: SendPlan;
  session: LiveSession;
  client: PartnerApiClient;
  lang: UiLang;
  /** Invite each created client's contact to Banqup (SPEC §6). */
  invite: boolean;
  signal?: AbortSignal;
  onProgress?: (progress: SendProgress) => void;
  /** Results are written to the sheet at least this often (ms), and whenever this many wait. */
  flushMillis?: number;
  flushSize?: number;
}

/**
 * Sends the plan's rows and writes each row's result into the status column as results come
 * in. Before any request, each row's idempotency key goes into the ledger as pending: a send
 * cut short is resumed with the same keys, and the API never creates a client twice.
 */
export async function runSend(options: SendOptions): Promise<SendReport> {
  const { plan, session, lang } = options;
  const say = (key: StringKey, params?: Record<string, string | number>) =>
    translate(lang, key, params);
  const toSend = plan.rows.filter((row) => row.kind === "create");
  const progress: SendProgress = { total: toSend.length, created: 0, failed: 0, skipped: 0 };

  // What needs no request is written first, with the pending keys of what does.
  const initial = plan.rows.flatMap((row): RowResult[] => {
    const status = statusWithoutSending(row, say);
    return status ? [{ index: row.index, status }] : [];
  });
  const pending = toSend
    .filter((row) => plan.ledger.entries.get(row.key!) !== LEDGER_PENDING)
    .map((row): [string, string] => [row.key!, LEDGER_PENDING]);
  await writeResults(session, initial, lang, plan.ledger, pending);
  options.onProgress?.({ ...progress });

  const writer = new ResultWriter(
    session,
    lang,
    plan,
    options.flushMillis ?? 300,
    options.flushSize ?? 200
  );
  const remote: { index: number; problems: Problem[] }[] = [];
  let cancelled = false;

  await Promise.all(
    toSend.map(async (row) => {
      const outcome = await sendOne(row, options, say);
      if (outcome.cancelled) cancelled = true;
      if (outcome.problems?.length) remote.push({ index: row.index, problems: outcome.problems });
      progress[outcome.count]++;
      writer.add(outcome.result, outcome.ledger);
      options.onProgress?.({ ...progress });
    })
  );
  await writer.close();
  await session.markRemote(remote);
  return {
    ...progress,
    // The rows the plan skipped (problems in the sheet, already clients) were not sent either.
    skipped: progress.skipped + plan.counts.invalid + plan.counts.exists,
    cancelled: cancelled || (options.signal?.aborted ?? false),
  };
}

type Say = (key: StringKey, params?: Record<string, string | number>) => string;

function statusWithoutSending(row: PlannedRow, say: Say): RowStatus | undefined {
  switch (row.kind) {
    case "invalid":
      return { kind: "skipped", detail: say("statusInvalid") };
    case "exists":
      return {
        kind: "skipped",
        detail: say("statusExists", { id: row.clientId ?? "", name: row.companyName ?? "" }),
      };
    case "edited":
      // Still a created row: keeping its client id is what stops it being created again.
      return {
        kind: "created",
        clientId: row.clientId,
        detail: `${row.clientId ?? ""} · ${say("statusEdited")}`,
      };
    case "created":
      return { kind: "created", clientId: row.clientId, detail: row.clientId ?? "" };
    default:
      return undefined;
  }
}

interface Outcome {
  result: RowResult;
  count: "created" | "failed" | "skipped";
  ledger?: [string, string];
  problems?: Problem[];
  cancelled?: boolean;
}

async function sendOne(row: PlannedRow, options: SendOptions, say: Say): Promise<Outcome> {
  const { client, signal } = options;
  const skippedCancelled = (): Outcome => ({
    result: { index: row.index, status: { kind: "skipped", detail: say("statusCancelled") } },
    count: "skipped",
    cancelled: true,
  });
  if (signal?.aborted) return skippedCancelled();
  try {
    const created = await client.createClient(row.input!, row.key!, signal);
    let detail = created.id;
    if (options.invite) {
      try {
        await client.invite(created.id, signal);
        detail = `${created.id} · ${say("statusInvited")}`;
      } catch (error) {
        detail = `${created.id} · ${say("statusInviteFailed", { reason: reasonOf(error) })}`;
      }
    }
    return {
      result: {
        index: row.index,
        status: { kind: "created", clientId: created.id, detail },
        url: created.url,
      },
      count: "created",
      ledger: [row.key!, created.id],
    };
  } catch (error) {
    if (error instanceof Cancelled || signal?.aborted) return skippedCancelled();
    if (error instanceof ApiProblem && error.status === 409 && error.existingClientId) {
      return {
        result: {
          index: row.index,
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
              row: (options.session.live?.firstRow ?? 0) + row.index,
              field: field.field,
              code: field.code,
              params: { detail: field.message },
              fix: null,
            }))
        : [];
    return {
      result: { index: row.index, status: { kind: "failed", detail: reasonOf(error) } },
      count: "failed",
      problems,
    };
  }
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** Collects results and writes them in batches, one write at a time, in order. */
class ResultWriter {
  private results: RowResult[] = [];
  private lines: [string, string][] = [];
  private chain: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private failure: unknown;

  constructor(
    private readonly session: LiveSession,
    private readonly lang: UiLang,
    private readonly plan: SendPlan,
    private readonly millis: number,
    private readonly size: number
  ) {}

  add(result: RowResult, ledgerLine?: [string, string]): void {
    this.results.push(result);
    if (ledgerLine) this.lines.push(ledgerLine);
    if (this.results.length >= this.size) this.flush();
    else this.timer ??= setTimeout(() => this.flush(), this.millis);
  }

  private flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const results = this.results;
    const lines = this.lines;
    this.results = [];
    this.lines = [];
    if (results.length === 0 && lines.length === 0) return;
    this.chain = this.chain
      .then(() => writeResults(this.session, results, this.lang, this.plan.ledger, lines))
      .catch((error: unknown) => {
        this.failure ??= error;
      });
  }

  async close(): Promise<void> {
    this.flush();
    await this.chain;
    if (this.failure) throw this.failure;
  }
}
