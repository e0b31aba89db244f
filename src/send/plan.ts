import {
  identifiersOf,
  idempotencyKeyFor,
  resemblanceKeysOf,
  toClientInput,
  updateKeyFor,
  type ClientInput,
  type LookupMatch,
  type PartnerApiClient,
} from "../api";
import { foldForLookup, rowPrint, type ProfileId, type RowSnapshot } from "../core";
import {
  LEDGER_PENDING,
  readSheetSendState,
  type LiveSession,
  type Ledger,
  type TemplateInfo,
} from "../excel";
import { checkWithBanqup } from "./server-check";
import { templateIdsOf } from "./synced-rows";

/** The lookup takes at most this many identifiers per call (the contract's limit). */
const LOOKUP_LIMIT = 1000;

export type PlannedKind =
  /** Valid, new: will be sent. */
  | "create"
  /** Has problems in the sheet: skipped. */
  | "invalid"
  /** A client of the partner already has one of its identifiers: skipped. */
  | "exists"
  /**
   * No identifier, and a client of the partner has its contact e-mail or company name: sent
   * only when the user says to create it anyway.
   */
  | "similar"
  /** Created by an earlier send, unchanged since: nothing to do. */
  | "created"
  /** Created by an earlier send, then edited: its client is updated only on request. */
  | "edited";

export interface PlannedRow {
  index: number;
  /** The row as planned: what is sent and written later goes where this row is then. */
  row: RowSnapshot;
  kind: PlannedKind;
  input?: ClientInput;
  key?: string;
  /** For an edited row: the key of the update that makes its client what the row says. */
  updateKey?: string;
  /**
   * For an edited row: the client's version the sheet last wrote or read (the update is made
   * from it), and the print of the row as last sent; no version from an older add-in.
   */
  fromVersion?: number;
  sentPrint?: string;
  /** The print of the row's values as planned, recorded with its client (see rowPrint). */
  print?: string;
  /**
   * The client that exists (exists), may be the same (similar), was created (created) or was
   * created before editing (edited).
   */
  clientId?: string;
  companyName?: string;
  /** What a similar client shares with the row. */
  sameAs?: "contactEmail" | "companyName";
  /** An earlier send asked for this client and may have been cut short before the answer. */
  resumed?: boolean;
}

export interface SendPlan {
  rows: PlannedRow[];
  counts: Record<PlannedKind, number>;
  ledger: Ledger;
  region: ProfileId;
  /** The partner's configuration templates the plan was made with. */
  catalog: readonly TemplateInfo[];
}

export interface PlanOptions {
  session: LiveSession;
  client: PartnerApiClient;
  partnerId: string;
  region: ProfileId;
  catalog: readonly TemplateInfo[];
  /** Data rows to consider; all rows when absent. */
  scope?: readonly number[];
  /** Only rows whose last send failed ("retry failed"). */
  onlyFailed?: boolean;
  /** Only rows that have a client ("Update in Banqup": the edited ones among them are sent). */
  onlyWithClient?: boolean;
  signal?: AbortSignal;
}

/**
 * What a send would do, row by row, before anything is created: the sheet's verdicts (and
 * Banqup's, where a check was made), the statuses and ledger of earlier sends, and one lookup
 * per 1,000 identifiers against the partner space.
 */
export async function planSend(options: PlanOptions): Promise<SendPlan> {
  const { session, client, partnerId, region } = options;
  // Once Banqup has judged rows (a check), the rows changed since are judged again before the
  // plan: what Banqup would refuse is then skipped as a problem, not met while sending.
  if (session.rows?.hasRemoteJudgements() && !options.onlyWithClient)
    await checkWithBanqup(options);
  const state = await readSheetSendState(session);
  const live = session.rows;
  if (!live) throw new Error("The client area has not been read yet.");
  const templateIds = templateIdsOf(options.catalog);
  const scope = options.scope ?? Array.from({ length: live.length }, (_, i) => i);
  const rows: PlannedRow[] = [];
  for (const index of scope) {
    const row = live.snapshot(index);
    if (!row) continue;
    const status = state.statuses[index];
    if (options.onlyFailed && status?.kind !== "failed") continue;
    if (options.onlyWithClient && !status?.clientId) continue;
    // The sheet's problems, and Banqup's on cells unchanged since it found them.
    if (live.hasProblems(index)) {
      rows.push({ index, row, kind: "invalid" });
      continue;
    }
    const values = live.normalized(index) ?? [];
    const input = toClientInput(region, values, templateIds);
    const print = rowPrint(values);
    const key = await idempotencyKeyFor(partnerId, input);
    const recorded = state.ledger.entries.get(key);
    const resumed = recorded === LEDGER_PENDING;
    const createdAs = resumed ? undefined : recorded;
    if (status?.kind === "created") {
      // The client is what the row says if it was created, or last updated, from this content.
      // A status without a client id is never sent again, and cannot be updated.
      const updateKey = status.clientId
        ? await updateKeyFor(partnerId, status.clientId, input)
        : undefined;
      const updatedAs = updateKey ? state.ledger.entries.get(updateKey) : undefined;
      const same =
        status.clientId !== undefined &&
        (createdAs === status.clientId || updatedAs === status.clientId);
      rows.push({
        index,
        row,
        kind: same ? "created" : "edited",
        clientId: status.clientId,
        input,
        key,
        updateKey,
        fromVersion: status.clientId ? state.ledger.versions.get(status.clientId) : undefined,
        sentPrint: status.clientId ? state.ledger.prints.get(status.clientId) : undefined,
        print,
        resumed: updatedAs === LEDGER_PENDING,
      });
    } else if (createdAs !== undefined) {
      rows.push({ index, row, kind: "created", clientId: createdAs, input, key, print });
    } else rows.push({ index, row, kind: "create", input, key, print, resumed });
  }
  await markExisting(client, rows, options.signal);
  const counts: Record<PlannedKind, number> = {
    create: 0,
    invalid: 0,
    exists: 0,
    similar: 0,
    created: 0,
    edited: 0,
  };
  for (const row of rows) counts[row.kind]++;
  return { rows, counts, ledger: state.ledger, region, catalog: options.catalog };
}

/**
 * Rows to create whose identifiers a client of the partner already has become "exists"; rows
 * without any identifier whose contact e-mail or name a client has become "similar".
 */
async function markExisting(
  client: PartnerApiClient,
  rows: PlannedRow[],
  signal?: AbortSignal
): Promise<void> {
  // A resumed row may match the client its own earlier request made: its idempotency key
  // settles that (the API answers with that client), so it is not looked up.
  const candidates = rows
    .filter((row) => row.kind === "create" && !row.resumed)
    .map((row) => {
      const identifiers = identifiersOf(row.input!);
      const exact = identifiers.length > 0;
      return { row, exact, keys: exact ? identifiers : resemblanceKeysOf(row.input!) };
    });
  const keys = candidates.flatMap((candidate) => candidate.keys);
  if (keys.length === 0) return;
  const matches: LookupMatch[] = [];
  for (let i = 0; i < keys.length; i += LOOKUP_LIMIT)
    matches.push(...(await client.lookup(keys.slice(i, i + LOOKUP_LIMIT), signal)));
  // The API compares names folded; so does this, to find the answer to each question asked.
  const keyOf = (type: string, value: string) =>
    `${type}:${type === "companyName" ? foldForLookup(value) : type === "contactEmail" ? value.toLowerCase() : value}`;
  const byKey = new Map(matches.map((match) => [keyOf(match.type, match.value), match]));
  for (const { row, exact, keys: asked } of candidates) {
    const match = asked
      .map((key) => byKey.get(keyOf(key.type, key.value)))
      .find((found) => found !== undefined);
    if (!match) continue;
    row.kind = exact ? "exists" : "similar";
    row.clientId = match.clientId;
    row.companyName = match.companyName;
    if (!exact) row.sameAs = match.type === "companyName" ? "companyName" : "contactEmail";
  }
}
