import { Cancelled, toClientInput, type ClientVerdict, type PartnerApiClient } from "../api";
import type { Problem, ProfileId, RowSnapshot } from "../core";
import { readStatuses, type LiveSession, type TemplateInfo } from "../excel";
import { templateIdsOf } from "./synced-rows";

/** Clients the dry run takes in one request (the contract's limit). */
const CHECK_BATCH = 100;
/** Batches in flight at once: the next one is on its way while one is answered. */
const BATCHES_AT_ONCE = 2;

export interface ServerCheckOptions {
  session: LiveSession;
  client: Pick<PartnerApiClient, "validateClients">;
  region: ProfileId;
  /** The partner's configuration templates: a row names its template, the API takes its id. */
  catalog: readonly TemplateInfo[];
  /** Data rows to consider; all rows when absent. */
  scope?: readonly number[];
  signal?: AbortSignal;
  onProgress?: (progress: { done: number; total: number }) => void;
}

export interface ServerCheckReport {
  /** Rows Banqup judged. */
  checked: number;
  /** Of those, rows it would refuse: their problems are on their cells. */
  refused: number;
  /** Rows whose identifiers a client of the partner already holds (a send skips them). */
  existing: number;
  /** Rows Banqup would accept but could not check fully (the ICE register did not answer). */
  unchecked: number;
  cancelled: boolean;
}

/**
 * Banqup's own verdict on rows before any is sent: each row that passes the sheet's rules,
 * is not a client yet and was not judged as it is now goes through the dry run
 * (`POST /v1/clients/validate`), 100 a request. What Banqup would refuse shows on its cells
 * like the sheet's own problems, until the cell changes; a row it would accept is remembered
 * as judged until a cell of it changes, so a second check (or a send) asks only for the rows
 * changed since. A cancelled check keeps what was judged before the cancel.
 */
export async function checkWithBanqup(options: ServerCheckOptions): Promise<ServerCheckReport> {
  const { session, signal } = options;
  const live = session.rows;
  if (!live) throw new Error("The client area has not been read yet.");
  const statuses = await readStatuses(session);
  const templateIds = templateIdsOf(options.catalog);
  const rows: { snapshot: RowSnapshot; input: ReturnType<typeof toClientInput> }[] = [];
  // A row that made a client is Banqup's already (an update is judged when sent): it counts
  // as judged, keeping what Banqup said of it before.
  const clients: { index: number }[] = [];
  for (const index of live.awaitingRemoteJudgement(options.scope)) {
    if (statuses[index]?.kind === "created") {
      clients.push({ index });
      continue;
    }
    const snapshot = live.snapshot(index);
    if (!snapshot) continue;
    rows.push({
      snapshot,
      input: toClientInput(options.region, live.normalized(index) ?? [], templateIds),
    });
  }
  const report: ServerCheckReport = {
    checked: 0,
    refused: 0,
    existing: 0,
    unchecked: 0,
    cancelled: false,
  };
  const batches: (typeof rows)[] = [];
  for (let start = 0; start < rows.length; start += CHECK_BATCH)
    batches.push(rows.slice(start, start + CHECK_BATCH));
  let done = 0;
  options.onProgress?.({ done, total: rows.length });
  await session.markRemote(clients);

  const judgeBatch = async (batch: typeof rows) => {
    const verdicts = await options.client.validateClients(
      batch.map((row) => row.input),
      signal
    );
    // Rows may have moved while Banqup answered: each verdict goes where its row is now.
    const entries: { index: number; problems: Problem[] }[] = [];
    batch.forEach((row, k) => {
      const placed = live.locate(row.snapshot);
      const verdict = verdicts[k];
      if (placed.index === undefined || !verdict) return;
      report.checked++;
      const problems = problemsOf(verdict, live.firstRow + placed.index);
      if (problems.length) report.refused++;
      else if (verdict.existingClientId) report.existing++;
      if (verdict.notices.length) report.unchecked++;
      entries.push({ index: placed.index, problems });
    });
    await session.markRemote(entries, true);
    done += batch.length;
    options.onProgress?.({ done, total: rows.length });
  };

  let next = 0;
  const worker = async () => {
    while (next < batches.length && !signal?.aborted) await judgeBatch(batches[next++]!);
  };
  try {
    await Promise.all(Array.from({ length: Math.min(BATCHES_AT_ONCE, batches.length) }, worker));
  } catch (error) {
    if (!(error instanceof Cancelled) && !signal?.aborted) throw error;
  }
  report.cancelled = signal?.aborted ?? false;
  return report;
}

/**
 * What Banqup would refuse, as the sheet's problems are: on the row's cells, with Banqup's
 * words kept for a code the add-in's catalogs do not know. A client that already holds the
 * row's identifiers is no problem of the row: a send skips it, naming that client.
 */
function problemsOf(verdict: ClientVerdict, row: number): Problem[] {
  if (verdict.valid || verdict.existingClientId) return [];
  return verdict.problems
    .filter((problem) => problem.field !== "")
    .map((problem) => ({
      row,
      field: problem.field,
      code: problem.code,
      params: { detail: problem.message },
      fix: null,
    }));
}
