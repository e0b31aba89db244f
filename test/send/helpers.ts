import { ClientCredentials, PartnerApiClient } from "../../src/api";
import { columnLetters, parseStatus } from "../../src/excel";
import { planSend, runSend, type SendProgress } from "../../src/send";
import { sayFr } from "../../testkit/words";
import { settled, templateWorkbook, uniqueValidRow, type TemplateWorkbook } from "../excel/helpers";
import type { Faults, SandboxOptions } from "../../src/sandbox/server";
import {
  AUTOMATION,
  startSandbox,
  withAutomation,
  type RunningSandbox,
} from "../sandbox/start-sandbox";

/** Sending from the sheet to the sandbox: the helpers the send tests share. */
export const PARTNER = "pa_be";

export function clientFor(sandbox: RunningSandbox): PartnerApiClient {
  return new PartnerApiClient({
    baseUrl: sandbox.url,
    tokens: new ClientCredentials(`${sandbox.url}/oauth/token`, AUTOMATION.id, AUTOMATION.secret),
    region: "be",
    retry: { baseDelayMs: 2, maxDelayMs: 20, retries: 12 },
  });
}

export function clientCount(sandbox: RunningSandbox): number {
  return (
    sandbox.db.prepare("SELECT COUNT(*) AS n FROM clients WHERE partner_id = ?").get(PARTNER) as {
      n: number;
    }
  ).n;
}

/** A client's data as the sandbox stores it. */
export function storedClient(sandbox: RunningSandbox, id: string): Record<string, unknown> {
  const row = sandbox.db.prepare("SELECT data FROM clients WHERE id = ?").get(id) as {
    data: string;
  };
  return JSON.parse(row.data) as Record<string, unknown>;
}

/** The status column's cells, parsed, for data rows 0..count-1. */
export function statuses(book: TemplateWorkbook, count: number) {
  const column = columnLetters(book.session.profile.fields.length);
  return book.excel
    .values(book.sheet, `${column}2:${column}${count + 1}`)
    .map((line) => parseStatus(line[0]));
}

/**
 * Where a send test stands, said when it runs far longer than it should: a test that timed out
 * once in a while on a loaded CI, never when watched, names the stage it was stuck in.
 */
let stage: { name: string; detail: () => string } = { name: "idle", detail: () => "" };

export async function bookWithRows(count: number, offset = 0): Promise<TemplateWorkbook> {
  stage = { name: `typing ${count} rows`, detail: () => "" };
  const book = await templateWorkbook("be", "fr");
  const rows = Array.from({ length: count }, (_, i) =>
    uniqueValidRow(book, offset + i, { configurationTemplate: "" })
  );
  await book.excel.user.type(book.sheet, "A2", rows);
  await settled(book);
  expect(book.session.summary()).toMatchObject({ rows: count, valid: count });
  return book;
}

/**
 * What a send of the book's rows would do (no template catalog: names are not checked); only
 * the failed rows ("Retry failed rows"), or only those with a client ("Update in Banqup").
 */
export function planFor(
  book: TemplateWorkbook,
  client: PartnerApiClient,
  scope: { onlyFailed?: boolean; onlyWithClient?: boolean } = {}
) {
  return planSend({
    session: book.session,
    client,
    partnerId: PARTNER,
    region: "be",
    catalog: [],
    ...scope,
  });
}

export async function send(
  book: TemplateWorkbook,
  client: PartnerApiClient,
  extra: {
    signal?: AbortSignal;
    onProgress?: (p: SendProgress) => void;
    invite?: boolean;
    createSimilar?: boolean;
    updateEdited?: boolean;
  } = {}
) {
  let last: SendProgress | undefined;
  stage = {
    name: "planning a send",
    detail: () =>
      JSON.stringify({
        progress: last,
        busy: book.session.busy,
        ...book.session.queueState,
        problem: book.session.problem?.kind,
      }),
  };
  const plan = await planFor(book, client);
  stage = { ...stage, name: "sending" };
  const report = await runSend({
    plan,
    session: book.session,
    client,
    lang: "fr",
    say: sayFr,
    invite: extra.invite ?? false,
    createSimilar: extra.createSimilar,
    updateEdited: extra.updateEdited,
    signal: extra.signal,
    onProgress: (progress) => {
      last = progress;
      extra.onProgress?.(progress);
    },
    flushMillis: 20,
  });
  stage = { name: "after a send", detail: () => "" };
  return { plan, report };
}

/**
 * A Belgian sandbox with the automation client for the length of `work`, closed after it;
 * `faults` (latency, errors) are off unless given.
 */
export async function withSandbox<T>(
  work: (sandbox: RunningSandbox) => Promise<T>,
  faults?: Partial<Faults>,
  options: Partial<SandboxOptions> = {}
): Promise<T> {
  stage = { name: "starting the sandbox", detail: () => "" };
  const watchdog = setInterval(
    () => process.stderr.write(`send test slow, at: ${stage.name} ${stage.detail()}\n`),
    Number(process.env.SEND_TEST_WATCH_MS ?? 20_000)
  );
  watchdog.unref();
  const sandbox = await startSandbox({
    ...withAutomation("be"),
    ...options,
    ...(faults
      ? {
          faults: {
            latencyMs: 0,
            serverErrorRate: 0,
            throttleRate: 0,
            dropRate: 0,
            lostResponseRate: 0,
            ...faults,
          },
        }
      : {}),
  });
  try {
    stage = { name: "working", detail: () => "" };
    return await work(sandbox);
  } finally {
    stage = { name: "closing the sandbox", detail: () => "" };
    await sandbox.close();
    clearInterval(watchdog);
    stage = { name: "idle", detail: () => "" };
  }
}
