import { ClientCredentials, PartnerApiClient } from "../src/api";
import { getProfile, Validator, type Cell } from "../src/core";
import { insertTemplate, LiveSession } from "../src/excel";
import { planSend, runSend } from "../src/send";
import { FakeExcel } from "../in-memory-excel";
import { runOf } from "../testkit/excel-run";
import { sayFr } from "../testkit/words";
import { belgianNumber } from "../testkit/oracles";
import { generateRows } from "../testkit/generate-rows";
import { CLIENT, startSandboxProcess } from "./submit";

type Emit = (name: string, value: number, unit: string) => void;

/** 1,000 valid rows with their own enterprise numbers, in the template's column order. */
function validRows(count: number): Cell[][] {
  const profile = getProfile("be");
  const keys = profile.fields.map((field) => field.key);
  const validator = new Validator(profile);
  const enterprise = keys.indexOf("enterpriseNumber");
  const vat = keys.indexOf("vatNumber");
  const rows: Cell[][] = [];
  for (const cells of generateRows("be", count * 2, keys, 404)) {
    const number = belgianNumber(`0${String(7_000_000 + rows.length).padStart(7, "0")}`);
    const row = [...cells];
    row[enterprise] = number;
    row[vat] = row[vat] ? `BE${number}` : "";
    if (validator.validateRow({ row: 0, cells: row })?.problems.length !== 0) continue;
    rows.push(row);
    if (rows.length === count) break;
  }
  return rows;
}

/**
 * From the sheet to the sandbox (20 ms latency) and back: plan (statuses, ledger, lookup),
 * send at the client's concurrency, every status written into the sheet. Excel is the fake:
 * its round trips cost nothing here, so the syncs are counted apart. The session gets the
 * fake's requirement sets, as Office gives them: on a current Excel (ExcelApi 1.19), and on one
 * before 1.14, which cannot tell the add-in's own writes from the user's and so checks again
 * the rows each batch of results wrote.
 */
export async function benchSheetSubmit(emit: Emit): Promise<void> {
  const current = await submitFromSheet(undefined);
  emit("sheet_submit_1000_s", current.seconds, "s");
  emit("sheet_submit_1000_syncs", current.syncs, "syncs");
  const older = await submitFromSheet("1.13");
  emit("sheet_submit_1000_syncs_excelapi_1_13", older.syncs, "syncs");
}

/** One send of the 1,000 rows to a sandbox of its own, from an Excel of `apiVersion`. */
async function submitFromSheet(
  apiVersion: string | undefined
): Promise<{ seconds: number; syncs: number }> {
  const sandbox = await startSandboxProcess({ SANDBOX_LATENCY_MS: "20" });
  try {
    return await submitTo(sandbox.url, apiVersion);
  } finally {
    sandbox.stop();
  }
}

async function submitTo(
  url: string,
  apiVersion: string | undefined
): Promise<{ seconds: number; syncs: number }> {
  const profile = getProfile("be");
  const excel = new FakeExcel();
  if (apiVersion) excel.useApiVersion(apiVersion);
  const run = runOf(excel);
  const { sheet, spec } = await insertTemplate(run, profile, "fr");
  const session = await LiveSession.open({ run, profile, spec, requirements: excel.requirements });
  await excel.user.type(sheet, "A2", validRows(1000));
  await excel.settle();
  await session.idle();
  const client = new PartnerApiClient({
    baseUrl: url,
    tokens: new ClientCredentials(`${url}/oauth/token`, CLIENT.id, CLIENT.secret),
    region: "be",
  });
  const partner = await client.getPartner();
  excel.resetCounters();
  const started = performance.now();
  const plan = await planSend({
    session,
    client,
    partnerId: partner.id,
    region: "be",
    catalog: [],
  });
  const report = await runSend({ plan, session, client, lang: "fr", say: sayFr, invite: false });
  const seconds = (performance.now() - started) / 1000;
  if (report.created !== 1000) throw new Error(`only ${report.created} of 1000 rows were created`);
  const syncs = excel.counters.syncs;
  await session.close();
  return { seconds, syncs };
}
