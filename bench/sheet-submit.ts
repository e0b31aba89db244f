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
 * its round trips cost nothing here, so the syncs are counted apart.
 */
export async function benchSheetSubmit(emit: Emit): Promise<void> {
  const sandbox = await startSandboxProcess({ SANDBOX_LATENCY_MS: "20" });
  try {
    const profile = getProfile("be");
    const excel = new FakeExcel();
    const run = runOf(excel);
    const { sheet, spec } = await insertTemplate(run, profile, "fr");
    const session = await LiveSession.open({ run, profile, spec });
    await excel.user.type(sheet, "A2", validRows(1000));
    await excel.settle();
    await session.idle();
    const client = new PartnerApiClient({
      baseUrl: sandbox.url,
      tokens: new ClientCredentials(`${sandbox.url}/oauth/token`, CLIENT.id, CLIENT.secret),
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
    if (report.created !== 1000)
      throw new Error(`only ${report.created} of 1000 rows were created`);
    emit("sheet_submit_1000_s", seconds, "s");
    emit("sheet_submit_1000_syncs", excel.counters.syncs, "syncs");
    await session.close();
  } finally {
    sandbox.stop();
  }
}
