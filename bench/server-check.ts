import { ClientCredentials, PartnerApiClient } from "../src/api";
import { getProfile } from "../src/core";
import { insertTemplate, LiveSession } from "../src/excel";
import { checkWithBanqup } from "../src/send";
import { ICE_COMPANIES, unregisteredIce } from "../src/sandbox/registries/fixture-ice";
import { FakeExcel } from "../in-memory-excel";
import { VALID } from "../testkit/judge";
import { runOf } from "../testkit/excel-run";
import { CLIENT, startSandboxProcess } from "./submit";

type Emit = (name: string, value: number, unit: string) => void;

const ROWS = 300;
/** Banqup's answer time, the ICE register's included (its fixture answers at once here). */
const LATENCY_MS = 150;
/** The dry run's batches for 300 rows: the floor is these answered one after the other. */
const BATCHES = 3;

/**
 * "Check with Banqup" on 300 Moroccan rows (one in twenty with an ICE no company holds), from
 * a sandbox answering in 150 ms, against the time its three batches take at that latency.
 */
export async function benchServerCheck(emit: Emit): Promise<void> {
  const sandbox = await startSandboxProcess({
    SANDBOX_LATENCY_MS: String(LATENCY_MS),
    SANDBOX_CLIENT_REGION: "ma",
    REGISTRY_FIXTURE_LATENCY_MS: "0",
  });
  try {
    const client = new PartnerApiClient({
      baseUrl: sandbox.url,
      tokens: new ClientCredentials(`${sandbox.url}/oauth/token`, CLIENT.id, CLIENT.secret),
      region: "ma",
    });
    // Warm: the token, the sandbox's route and the client's code, on a workbook of their own.
    await checkOnce(client);
    const { millis, refused } = await checkOnce(client);
    if (refused !== ROWS / 20)
      throw new Error(`the check refused ${refused} rows, not ${ROWS / 20}`);
    emit("server_check_300_s", millis / 1000, "s");
    emit("server_check_vs_limit", millis / (BATCHES * LATENCY_MS), "ratio");
  } finally {
    sandbox.stop();
  }
}

/** One check of 300 freshly typed rows; the time from the press to the last mark. */
async function checkOnce(client: PartnerApiClient) {
  const profile = getProfile("ma");
  const excel = new FakeExcel();
  const run = runOf(excel);
  const { spec, sheet } = await insertTemplate(run, profile, "fr");
  const session = await LiveSession.open({ run, profile, spec, requirements: excel.requirements });
  const keys = profile.fields.map((field) => field.key);
  const rows = Array.from({ length: ROWS }, (_, k) => {
    const values: Record<string, unknown> = {
      ...VALID.ma,
      companyName: `Société ${k} SARL`,
      ice: k % 20 === 7 ? unregisteredIce(k) : ICE_COMPANIES[k]!.ice,
      contactEmail: `contact${k}@client${k}.ma`,
    };
    return keys.map((key) => values[key]);
  });
  await excel.user.type(sheet, "A2", rows as never);
  await excel.settle();
  await session.idle();
  const started = performance.now();
  const report = await checkWithBanqup({ session, client, region: "ma", catalog: [] });
  const millis = performance.now() - started;
  await session.close();
  return { millis, refused: report.refused };
}
